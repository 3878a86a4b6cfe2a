/** The verdict on a checked workbook: ready to submit or how many blockers, and the tables that were found. */
import * as React from "react";
import { Badge, MessageBar, MessageBarBody, MessageBarTitle, mergeClasses, type MessageBarIntent } from "@fluentui/react-components";
import { budgetListVerdictOf, splitCoverageGaps, unmeasurableBlocking, verdictOf as reportVerdict, type ScoreSummary, type TableSummary, type Verdict } from "../../../domain/report";
import { shownName, shownText } from "../../../file/shown-text";
import { useStrings, type Strings } from "../../i18n";
import type { VerdictProps } from "./Verdict.types";
import { useVerdictStyles } from "./useVerdictStyles.styles";

export type { VerdictProps } from "./Verdict.types";

/** Totals as the engine rounded them; two figures "differ" when their 2-dp forms do (display only). */
function fmt(n: number | undefined): string | undefined {
  return n === undefined ? undefined : String(Math.round(n * 100) / 100);
}

interface Mismatch {
  readonly total: boolean;
  readonly grade: boolean;
}

function mismatchOf(s: ScoreSummary | undefined): Mismatch {
  if (!s) return { total: false, grade: false };
  return {
    total: s.total !== undefined && s.entered !== undefined && fmt(s.total) !== fmt(s.entered),
    grade: s.grade !== undefined && s.enteredGrade !== undefined && s.grade !== s.enteredGrade,
  };
}

/** True when every table found is a budget list (a 预算项目清单 file or workbook). */
function isBudgetList(report: VerdictProps["report"]): boolean {
  return report.tables.length > 0 && report.tables.every((x) => x.kind === "budget-list");
}

/** True when budget lists and other tables (forms, target lists) were found together, as in one workbook. */
function isMixed(report: VerdictProps["report"]): boolean {
  return report.tables.some((x) => x.kind === "budget-list") && report.tables.some((x) => x.kind !== "budget-list");
}

type Shown = { verdict: Verdict; intent: MessageBarIntent; title: string; body: string };

function verdictOf(report: VerdictProps["report"], t: Strings): Shown {
  // The engine's verdict: a workbook in which nothing was recognized, or whose forms were never filled in, is said so;
  // one that is only a budget list is judged by its coverage, as every front judges it. Forms beside a budget list
  // are judged without the list's coverage gaps, which the list's own verdict says (budgetPartOf), as the CLI judges
  // `jx check forms --budget list`.
  const all = { stats: report.stats, byCode: report.byCode ?? {} };
  const counts = isMixed(report) ? splitCoverageGaps(all).forms : all;
  const { errors, warnings } = counts.stats;
  const verdict = isBudgetList(report) ? budgetListVerdictOf(counts) : reportVerdict(counts);
  if (verdict === "coverage-gaps") {
    const gaps = (counts.byCode["project.no-target"] ?? 0) + (counts.byCode["project.invalid-target"] ?? 0);
    return { verdict, intent: "warning", title: t.verdictCoverageGaps(gaps), body: t.verdictCoverageDetail };
  }
  if (verdict === "covered") return { verdict, intent: "success", title: t.verdictCovered, body: t.verdictCoverageDetail };
  if (verdict === "not-checked" || (report.tables.length === 0 && errors === 0)) return { verdict: "not-checked", intent: "error", title: t.verdictNoTables, body: t.verdictNoTablesDetail };
  if (verdict === "not-filled") return { verdict, intent: "error", title: t.verdictNotFilled, body: t.verdictNotFilledDetail };
  if (errors > 0) return { verdict, intent: "error", title: t.verdictNotReady(errors, warnings), body: t.tablesFound(report.tables.length) };
  const unmeasurable = unmeasurableBlocking(counts);
  if (unmeasurable > 0) return { verdict, intent: "error", title: t.verdictUnmeasurable(unmeasurable, warnings), body: t.tablesFound(report.tables.length) };
  if (warnings > 0) return { verdict, intent: "warning", title: t.verdictReady, body: t.verdictReadyWithWarnings(warnings) };
  return { verdict, intent: "success", title: t.verdictReady, body: t.verdictReadyNoIssues };
}

/** The budget list's own coverage verdict in a workbook that also holds forms (undefined otherwise). */
function budgetPartOf(report: VerdictProps["report"], t: Strings): Shown | undefined {
  if (!isMixed(report)) return undefined;
  const list = splitCoverageGaps({ stats: report.stats, byCode: report.byCode ?? {} }).list;
  const verdict = budgetListVerdictOf(list);
  if (verdict === "coverage-gaps") return { verdict, intent: "warning", title: t.verdictCoverageGaps(list.stats.errors), body: t.verdictCoverageDetail };
  return { verdict: "covered", intent: "success", title: t.verdictCovered, body: t.verdictCoverageDetail };
}

function TableRow({ table, t }: { readonly table: TableSummary; readonly t: Strings }): React.JSX.Element {
  const styles = useVerdictStyles();
  const s = table.score;
  const bad = mismatchOf(s);
  const anyBad = bad.total || bad.grade;
  const computed = [fmt(s?.total), s?.grade].filter(Boolean).join(" ");
  const entered = [fmt(s?.entered), s?.enteredGrade].filter(Boolean).join(" ");
  return (
    <li className={mergeClasses(styles.row, anyBad && styles.rowMismatch)} data-testid="verdict-table" data-mismatch={anyBad ? "true" : "false"}>
      <span className={styles.head}>
        <span className={styles.sheet}>{shownName(table.sheet)}</span>
        <span className={styles.kind}>
          {t.tableKind[table.kind]} · {t.tableLayout[table.layout]} · {table.range}
        </span>
      </span>
      {table.project ? <span className={styles.project}>{shownText(table.project)}</span> : <span className={styles.kind}>{t.tableRows(table.projects, table.rows)}</span>}
      {s ? (
        <span className={styles.scores}>
          <span className={styles.score} data-testid="score-computed">
            <span className={styles.scoreLabel}>{t.computed}</span>
            {computed || "—"}
          </span>
          <span className={mergeClasses(styles.score, anyBad && styles.scoreBad)} data-testid="score-entered">
            <span className={styles.scoreLabel}>{t.entered}</span>
            {entered || t.notEntered}
          </span>
          {anyBad && (
            <Badge appearance="tint" color="danger" size="small">
              {t.mismatch}
            </Badge>
          )}
        </span>
      ) : (
        table.kind !== "budget-list" && table.kind !== "target" && table.projects === 1 && <span className={styles.kind}>{t.noScore}</span>
      )}
    </li>
  );
}

export function Verdict({ report, caption, maxTables = 50 }: VerdictProps): React.JSX.Element {
  const styles = useVerdictStyles();
  const t = useStrings();
  const v = verdictOf(report, t);
  const b = budgetPartOf(report, t);
  const shown = report.tables.slice(0, maxTables);
  return (
    <section className={styles.root} aria-label={t.verdictLabel} lang={t.langTag}>
      <MessageBar intent={v.intent} layout="multiline" data-testid="verdict" data-intent={v.intent} data-verdict={v.verdict} politeness="polite">
        <MessageBarBody>
          <MessageBarTitle data-testid="verdict-title">{v.title}</MessageBarTitle>
          <span>{v.body}</span>
          {caption && <div className={styles.caption}>{caption}</div>}
        </MessageBarBody>
      </MessageBar>
      {b && (
        <MessageBar intent={b.intent} layout="multiline" data-testid="verdict-budget-list" data-intent={b.intent} data-verdict={b.verdict}>
          <MessageBarBody>
            <MessageBarTitle data-testid="verdict-budget-list-title">{b.title}</MessageBarTitle>
            <span>{b.body}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {shown.length > 0 && (
        <>
          <h2 className={styles.tablesTitle}>{t.tablesLabel}</h2>
          <ul className={styles.list} aria-label={t.tablesLabel} data-testid="verdict-tables">
            {shown.map((table) => (
              <TableRow key={`${table.sheet}!${table.range}`} table={table} t={t} />
            ))}
          </ul>
          {report.tables.length > shown.length && <span className={styles.more}>+{report.tables.length - shown.length}</span>}
        </>
      )}
    </section>
  );
}
