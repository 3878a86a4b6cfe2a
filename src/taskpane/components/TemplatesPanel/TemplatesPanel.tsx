/** Templates: insert a blank national form as a new sheet. */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { useExcelStrings } from "../../excelStrings";
import { usePanelStyles } from "../ExcelPane/usePanelStyles.styles";
import { StatusBar, type Status } from "../StatusBar/StatusBar";
import type { ExcelHostOps, TemplateKind } from "../../host";

export interface TemplatesPanelProps {
  readonly host: Pick<ExcelHostOps, "insertTemplate">;
}

export function TemplatesPanel({ host }: TemplatesPanelProps): React.JSX.Element {
  const t = useExcelStrings();
  const styles = usePanelStyles();
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState<Status | null>(null);
  const insert = async (kind: TemplateKind): Promise<void> => {
    setBusy(true);
    setStatus(null);
    try {
      const r = await host.insertTemplate(kind);
      const text = t.templateInserted(r.sheet);
      setStatus({ kind: "ok", text: r.sheet !== r.requested ? `${text} ${t.nameTaken(r.requested, r.sheet)}` : text });
    } catch (e) {
      setStatus({ kind: "error", error: e });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.root} data-testid="templates-panel">
      <span className={styles.hint}>{t.templatesIntro}</span>
      <Button onClick={() => void insert("target")} disabled={busy} data-testid="insert-target">
        {t.insertTarget}
      </Button>
      <Button onClick={() => void insert("self-evaluation")} disabled={busy} data-testid="insert-self-evaluation">
        {t.insertSelfEval}
      </Button>
      <StatusBar status={status} />
    </section>
  );
}
