/** Progress of long work, with a cancel button when the work can stop between Excel round trips. */
import * as React from "react";
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { useExcelStrings } from "../../excelStrings";
import { usePanelStyles } from "../ExcelPane/usePanelStyles.styles";

export interface ProgressProps {
  readonly label: string;
  /** 0..1, or undefined for indeterminate. */
  readonly value?: number;
  readonly onCancel?: () => void;
}

export function Progress({ label, value, onCancel }: ProgressProps): React.JSX.Element {
  const t = useExcelStrings();
  const styles = usePanelStyles();
  return (
    <div className={styles.field} data-testid="progress" role="status" aria-live="polite">
      <Field validationMessage={label} validationState="none">
        <ProgressBar value={value} thickness="large" aria-label={label} />
      </Field>
      {onCancel && (
        <div className={styles.buttons}>
          <Button size="small" onClick={onCancel} data-testid="cancel">
            {t.cancel}
          </Button>
        </div>
      )}
    </div>
  );
}
