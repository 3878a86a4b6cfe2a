/** The "grade the selection" tool: a button, progress, the list of grades or an error. */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { HostOps, SelectionGrades } from "../../host";
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
      <span className={styles.hint}>选中总分所在的单元格，然后点击按钮。Select the cells with total scores, then click.</span>
      <Button appearance="primary" onClick={run} disabled={state.kind === "busy"} data-testid="grade-selection">
        计算所选单元格等级 / Grade the selection
      </Button>
      {state.kind === "busy" && <Spinner size="small" label="正在读取… / Reading…" />}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>无法读取所选单元格 / Could not read the selection</MessageBarTitle>
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
