/**
 * Check: read the workbook (or the active sheet) through the host, run the engine (in the check worker: paneEngine.ts),
 * show the verdict and the issues (each one click from its cell), then write the report sheet or mark the cells.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { Issue } from "../../../domain/issues";
import { Verdict } from "../Verdict/Verdict";
import { IssueList } from "../IssueList/IssueList";
import { Progress } from "../Progress/Progress";
import { StatusBar, type Status } from "../StatusBar/StatusBar";
import { useExcelStrings } from "../../excelStrings";
import { usePanelStyles } from "../ExcelPane/usePanelStyles.styles";
import type { CheckScope } from "../../host";
import type { CheckPanelProps } from "./CheckPanel.types";
import { REPORT_SHEET } from "../../../excel/sheets";
import type { ExcelStrings } from "../../excelStrings";
import type { PaneStream } from "../../engine/paneEngine";
import type { PaneRun } from "../../engine/paneState";

/** What the pane says after writing one of the add-in's sheets: where it went, and what it replaced. */
export function writtenText(
  first: string,
  w: { readonly sheet: string; readonly requested: string; readonly replaced: boolean; readonly kept?: readonly string[] },
  t: ExcelStrings,
): string {
  const parts = [first];
  if (w.kept?.length) parts.push(t.claimsIgnored(w.kept));
  if (w.sheet !== w.requested) parts.push(t.nameTaken(w.requested, w.sheet));
  if (w.replaced) parts.push(t.replacedPrevious);
  return parts.join(" ");
}

type Busy = { readonly label: string; readonly value?: number; readonly cancel?: () => void } | null;

export function CheckPanel({ host, engine, settings, result, onResult, onMarksChange, liveNote }: CheckPanelProps): React.JSX.Element {
  const t = useExcelStrings();
  const styles = usePanelStyles();
  const [busy, setBusy] = React.useState<Busy>(null);
  const [status, setStatus] = React.useState<Status | null>(null);

  const run = React.useCallback(
    async (scope: CheckScope) => {
      const ac = new AbortController();
      setStatus(null);
      setBusy({ label: t.reading, cancel: () => ac.abort() });
      let stream: PaneStream | undefined;
      try {
        // Each batch goes to the engine (the check worker) as it is read, packed: the pane never holds the workbook.
        stream = await engine.open();
        const { grids, streamed, ...read } = await host.readWorkbook({
          scope,
          signal: ac.signal,
          sink: stream.sink,
          onProgress: (p) => setBusy({ label: t.readingChunks(p.done, p.total), value: p.total ? p.done / p.total : undefined, cancel: () => ac.abort() }),
        });
        setBusy({ label: t.checking });
        const options = { profile: settings.profile, settings: settings.settings };
        let out: PaneRun;
        if (streamed) {
          const s = stream;
          stream = undefined;
          out = await s.finish(streamed, options);
        } else {
          // A host that returned the grids themselves: they go over in slices.
          stream.abort();
          stream = undefined;
          await new Promise((r) => setTimeout(r, 0));
          out = await engine.check(grids, options, { onProgress: (f) => setBusy({ label: t.checking, value: f < 1 ? f : undefined }) });
        }
        const result = { check: out.check, read: { sheets: read.sheets, syncs: read.syncs, active: read.active, ignoredClaims: read.ignoredClaims }, scope, run: out.run };
        // The result's first render (verdict, findings, coverage) is a transition: React renders it in slices of a
        // few ms and the pane keeps answering; the progress line goes in the same commit.
        React.startTransition(() => {
          onResult(result);
          setBusy(null);
        });
      } catch (e) {
        stream?.abort();
        setStatus({ kind: "error", error: e });
        setBusy(null);
      }
    },
    [host, engine, settings, onResult, t],
  );

  const act = React.useCallback(async (f: () => Promise<string>) => {
    setStatus(null);
    setBusy({ label: t.writing });
    try {
      setStatus({ kind: "ok", text: await f() });
    } catch (e) {
      setStatus({ kind: "error", error: e });
    } finally {
      setBusy(null);
    }
  }, [t]);

  const onSelect = React.useCallback(
    (issue: Issue) => {
      host.selectCell(issue.sheet, issue.cell).catch((e: unknown) => setStatus({ kind: "error", error: e }));
    },
    [host],
  );

  const caption = result ? t.checkedCaption(result.read.sheets.length, result.scope) : undefined;

  return (
    <section className={styles.root} data-testid="check-panel" data-engine={engine.where()}>
      <span className={styles.hint}>{t.checkHint}</span>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void run("workbook")} disabled={!!busy} data-testid="check-workbook">
          {t.checkWorkbook}
        </Button>
        <Button onClick={() => void run("active")} disabled={!!busy} data-testid="check-sheet">
          {t.checkSheet}
        </Button>
        <Button
          appearance="subtle"
          onClick={() =>
            void act(async () => {
              const n = (await host.clearMarks()).count;
              onMarksChange?.(false);
              return t.marksCleared(n);
            })
          }
          disabled={!!busy}
          data-testid="clear-marks"
        >
          {t.clearMarks}
        </Button>
      </div>
      {liveNote && (
        <span className={styles.hint} role="status" aria-live="polite" data-testid="live-note">
          {liveNote}
        </span>
      )}
      {busy && <Progress label={busy.label} value={busy.value} onCancel={busy.cancel} />}
      <StatusBar status={status} />
      {result && (
        <>
          <Verdict report={result.check} caption={caption} />
          {!!result.read.ignoredClaims?.length && (
            <span className={styles.hint} role="note" data-testid="claims-ignored">
              {t.claimsIgnored(result.read.ignoredClaims.map((c) => c.sheet))}
            </span>
          )}
          <div className={styles.buttons} role="group" aria-label={t.actionsLabel}>
            <Button
              onClick={() =>
                void act(async () => {
                  const tables = result.check.tables;
                  const budgetList = tables.length > 0 && tables.every((x) => x.kind === "budget-list");
                  const withBudgetList = !budgetList && tables.some((x) => x.kind === "budget-list");
                  const w = await host.writeReport({ issues: result.check.issues, stats: result.check.stats, caption: caption ?? "", budgetList, ...(withBudgetList ? { withBudgetList } : {}) });
                  return writtenText(t.reportWritten(w.sheet, w.rows), w, t);
                })
              }
              disabled={!!busy}
              data-testid="write-report"
            >
              {t.writeReport}
            </Button>
            <Button
              onClick={() =>
                void act(async () => {
                  const n = (await host.applyMarks(result.check.issues)).count;
                  onMarksChange?.(true);
                  return t.marksApplied(n);
                })
              }
              disabled={!!busy}
              data-testid="apply-marks"
            >
              {t.markCells}
            </Button>
          </div>
          <span className={styles.hint} data-testid="report-rewrite-hint">
            {t.rewriteHint(REPORT_SHEET)}
          </span>
          <IssueList issues={result.check.issues} onSelect={onSelect} />
        </>
      )}
    </section>
  );
}
