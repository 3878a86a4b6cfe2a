/** The "grade the selection" tool: a button, progress, the list of grades or an error. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { HostOps, SelectionGrades } from "../../host";
import { useStrings } from "../../i18n";
import { GradeList } from "../GradeList/GradeList";
import { useGradePanelStyles } from "./useGradePanelStyles.styles";

export interface GradePanelProps {
  readonly host: HostOps;
}

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "busy" }
  | { readonly kind: "done"; readonly grades: SelectionGrades }
  | { readonly kind: "failed"; readonly message: string };

export function GradePanel({ host }: GradePanelProps): React.JSX.Element {
  const styles = useGradePanelStyles();
  const t = useStrings();
  const [state, setState] = React.useState<State>({ kind: "idle" });

  const run = React.useCallback(async () => {
    setState({ kind: "busy" });
    try {
      setState({ kind: "done", grades: await host.gradeSelection() });
    } catch (e) {
      setState({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  }, [host]);

  return (
    <section className={styles.root}>
      <span className={styles.hint}>{t.gradeHint}</span>
      <Button appearance="primary" onClick={run} disabled={state.kind === "busy"} data-testid="grade-selection">
        {t.gradeButton}
      </Button>
      {state.kind === "busy" && <Spinner size="small" label={t.gradeReading} />}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.gradeFailed}</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && state.grades.cells.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>所选区域没有数值 / The selection is empty ({state.grades.address})</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && state.grades.cells.length > 0 && (
        <>
          <span className={styles.summary} data-testid="grade-summary">
            {state.grades.address}：{state.grades.cells.length} 个单元格 / cells
          </span>
          <GradeList cells={state.grades.cells} />
        </>
      )}
    </section>
  );
}
