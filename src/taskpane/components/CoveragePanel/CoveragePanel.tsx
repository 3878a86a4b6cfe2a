/**
 * Coverage: the budget list (auto-detected among the tables found, overridable), the target sources (sheets with
 * indicator tables), and the figures `jx check --budget` prints for the same tables: coverage by count and by
 * amount, by department and by budget type ("—" for a group with no project in scope), the lines lacking a valid
 * target (no target, or a target with errors, with the reason), exclusions, name-only matches, orphan targets,
 * repeated codes and amount differences; each line one click from its row. Writes the 覆盖率统计 sheet.
 *
 * `CoverageView` shows a CoverageJson alone (no host): the browser page can use it for its own coverage.
 */
import * as React from "react";
import { Button, Checkbox, Dropdown, Field, Label, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { CoverageJson, CoverageLineJson, GroupJson } from "../../../domain/coverage";
import { shownData, shownName } from "../../../file/shown-text";
import { useExcelStrings, type ExcelStrings } from "../../excelStrings";
import { useStrings } from "../../i18n";
import { usePanelStyles } from "../ExcelPane/usePanelStyles.styles";
import { Progress } from "../Progress/Progress";
import { StatusBar, type Status } from "../StatusBar/StatusBar";
import type { ExcelHostOps, StoredSettings } from "../../host";
import type { CheckResult } from "../CheckPanel/CheckPanel.types";
import { writtenText } from "../CheckPanel/CheckPanel";
import { COVERAGE_SHEET, MISSING_SHEET } from "../../../excel/sheets";
import { NO_CHOICE, coverageSources, paneCoverage, type CoverageChoice, type PaneCoverage } from "../ExcelPane/paneCoverage";

export interface CoveragePanelProps {
  readonly host: Pick<ExcelHostOps, "writeCoverage" | "selectCell">;
  readonly result: CheckResult | null;
  readonly settings: StoredSettings;
  /**
   * Coverage computed by the pane (its findings are in the check too), null when the pane has none (a check of one
   * sheet); when absent, computed here from `result`.
   */
  readonly coverage?: PaneCoverage | null;
  /** Controlled budget list and left-out sources (the pane keeps them so the check's findings follow). */
  readonly choice?: CoverageChoice;
  readonly onChoiceChange?: (c: CoverageChoice) => void;
}

/** A rate as `jx check` prints it: two decimals, "—" when there is nothing to cover. */
export function formatRate(rate: number, whole: number): string {
  return whole === 0 || !Number.isFinite(rate) ? "—" : `${(rate * 100).toFixed(2)}%`;
}

/** An amount in 万元 as `jx check` prints it (up to two decimals, no trailing zeros). */
export function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

/** "Sheet!A1" (or "file Sheet!A1") → sheet and cell. */
function splitWhere(where: string): { sheet: string; cell: string } | undefined {
  const bang = where.lastIndexOf("!");
  if (bang <= 0) return undefined;
  const sheet = where.slice(0, bang);
  return { sheet: sheet.replace(/^'(.*)'$/, "$1"), cell: where.slice(bang + 1) };
}

const useViewStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: "end",
      fontVariantNumeric: "tabular-nums",
    },
    "& th:first-child, & td:first-child": { textAlign: "start", overflowWrap: "anywhere" },
    "& th": { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  item: { display: "flex", flexDirection: "column", paddingBlock: tokens.spacingVerticalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  reason: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  figures: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

/** A group's figures as the table shows them (the coverage report's group, without its class counts). */
type GroupLike = Omit<GroupJson, "missing" | "invalid">;

function GroupTable({ title, head, rows, testId }: { title: string; head: string; rows: readonly (GroupLike & { name: string })[]; testId: string }): React.JSX.Element {
  const t = useExcelStrings();
  const styles = useViewStyles();
  return (
    <table className={styles.table} data-testid={testId}>
      <caption className={styles.caption}>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t.colCovered}</th>
          <th scope="col">{t.colRateCount}</th>
          <th scope="col">{t.colRateAmount}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.name}
            data-testid="coverage-group"
            data-group={r.name}
            data-projects={r.projects}
            data-covered={r.covered}
            data-amount={r.amount}
            data-covered-amount={r.coveredAmount}
            data-excluded={r.excluded}
          >
            <th scope="row">{r.name || "未填写"}</th>
            <td>
              {r.covered}/{r.projects}
            </td>
            <td data-testid="rate-count">{formatRate(r.rateByCount, r.projects)}</td>
            <td data-testid="rate-amount">{formatRate(r.rateByAmount, r.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A titled list that shows `pageSize` lines, then more on demand. */
function Section<T>({ title, items, testId, render, pageSize = 50 }: { title: string; items: readonly T[]; testId: string; render: (x: T, k: number) => React.ReactNode; pageSize?: number }): React.JSX.Element | null {
  const styles = useViewStyles();
  const panel = usePanelStyles();
  const t = useExcelStrings();
  const id = React.useId();
  const [limit, setLimit] = React.useState(pageSize);
  if (items.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={testId} data-count={items.length}>
      <h3 className={styles.heading} id={id}>
        {title}
      </h3>
      <ul className={panel.list} aria-labelledby={id}>
        {items.slice(0, limit).map(render)}
      </ul>
      {items.length > limit && (
        <Button size="small" appearance="secondary" onClick={() => setLimit(limit + pageSize)}>
          {t.showMoreLines(Math.min(pageSize, items.length - limit))}
        </Button>
      )}
    </section>
  );
}

export interface CoverageViewProps {
  readonly coverage: CoverageJson;
  /** Takes the user to a cell (Excel mode); without it, places are named but nothing is clickable. */
  readonly onGo?: (sheet: string, cell: string) => void;
  /** Lines per list before "show more". Default 50. */
  readonly pageSize?: number;
}

function lineLabel(l: { code: string; name: string }): string {
  return [l.code, l.name].filter(Boolean).join(" ") || "（无编码无名称）";
}

/** The coverage figures and lists of a CoverageJson (the same `jx check --budget` prints). */
export function CoverageView({ coverage, onGo, pageSize }: CoverageViewProps): React.JSX.Element {
  // Names, codes and departments as read from the list, shown without controls or bidi overrides (places kept for links).
  const c = React.useMemo(() => shownData(coverage), [coverage]);
  const t = useExcelStrings();
  const { langTag } = useStrings();
  const styles = useViewStyles();
  const panel = usePanelStyles();
  const lacking: CoverageLineJson[] = React.useMemo(() => [...c.missing, ...c.invalid], [c]);
  const lackingId = React.useId();
  const link = (label: string, aria: string, sheet: string, cell: string, testId: string): React.ReactNode =>
    onGo ? (
      <Button appearance="transparent" size="small" className={panel.linkButton} onClick={() => onGo(sheet, cell)} data-testid={testId} aria-label={aria}>
        {label}
      </Button>
    ) : (
      <span data-testid={testId}>{label}</span>
    );
  const targetLink = (where: string | undefined, testId: string): React.ReactNode => {
    const at = where ? splitWhere(where) : undefined;
    if (!where) return null;
    return onGo && at ? (
      <Button appearance="transparent" size="small" className={panel.linkButton} onClick={() => onGo(at.sheet, at.cell)} data-testid={testId}>
        {t.goToTarget(where)}
      </Button>
    ) : null;
  };
  return (
    <div className={panel.root} lang={langTag} data-testid="coverage-view">
      <div className={styles.figures}>
        <strong data-testid="coverage-summary" data-covered={c.covered.projects} data-projects={c.total.projects}>
          {t.coverageSummary(c.covered.projects, c.total.projects, formatRate(c.rateByCount, c.total.projects))}
        </strong>
        <span data-testid="coverage-by-count">{t.coverageByCount(c.covered.projects, c.total.projects, formatRate(c.rateByCount, c.total.projects))}</span>
        <span data-testid="coverage-by-amount" data-amount={c.total.amount} data-covered-amount={c.covered.amount}>
          {t.coverageByAmount(formatAmount(c.covered.amount), formatAmount(c.total.amount), formatRate(c.rateByAmount, c.total.amount))}
        </span>
      </div>
      {c.byDepartment.length > 0 && <GroupTable title={t.byDepartment} head={t.colDepartment} rows={c.byDepartment.map((g) => ({ ...g, name: g.department }))} testId="coverage-by-department" />}
      {c.byBudgetType.length > 0 && <GroupTable title={t.byBudgetType} head={t.colBudgetType} rows={c.byBudgetType.map((g) => ({ ...g, name: g.budgetType }))} testId="coverage-by-budget-type" />}

      <h3 className={styles.heading} data-testid="lacking-title" id={`${lackingId}-h`}>
        {lacking.length ? `${t.missingTargets(lacking.length)}（${t.lackingDetail(c.missing.length, c.invalid.length)}）` : t.noMissing}
      </h3>
      {lacking.length > 0 && (
        <ul className={panel.list} data-testid="missing-list" aria-labelledby={`${lackingId}-h`}>
          {lacking.map((m) => (
            <li key={`${m.sheet}!${m.cell}`} className={styles.item} data-testid="lacking-line" data-class={m.class} data-cell={`${m.sheet}!${m.cell}`} data-code={m.code}>
              {link(`${lineLabel(m)} · ${m.cell}`, t.goToRow(m.name || m.code, m.cell), m.sheet, m.cell, "missing-target")}
              <span className={styles.reason} data-testid="lacking-reason">
                {m.department ? `${m.department} · ` : ""}
                {m.amount !== null ? `${formatAmount(m.amount)} ${t.wan} · ` : ""}
                {m.class === "INVALID_TARGET" ? t.reasonInvalid(m.errors ?? 0, m.target ?? "") : t.reasonMissing}
              </span>
              {m.class === "INVALID_TARGET" && targetLink(m.target, "invalid-target-go")}
            </li>
          ))}
        </ul>
      )}
      <Section
        title={t.excludedTitle(c.excluded.length)}
        items={c.excluded}
        testId="coverage-excluded"
        pageSize={pageSize}
        render={(e) => (
          <li key={`${e.sheet}!${e.cell}`} className={styles.item} data-testid="excluded-line" data-cell={`${e.sheet}!${e.cell}`} data-reason={e.reason}>
            {link(`${lineLabel(e)} · ${e.cell}`, t.goToRow(e.name || e.code, e.cell), e.sheet, e.cell, "excluded-go")}
            <span className={styles.reason}>{e.reason}</span>
          </li>
        )}
      />
      <Section
        title={t.nameMatchTitle(c.nameMatches.length)}
        items={c.nameMatches}
        testId="coverage-name-matches"
        pageSize={pageSize}
        render={(m) => (
          <li key={`${m.sheet}!${m.cell}`} className={styles.item} data-testid="name-match-line" data-cell={`${m.sheet}!${m.cell}`}>
            {link(`${lineLabel(m)} · ${m.cell}`, t.goToRow(m.name || m.code, m.cell), m.sheet, m.cell, "name-match-go")}
            <span className={styles.reason}>{t.nameMatchLine(m.code, m.targetCode)}</span>
            {targetLink(m.target, "name-match-target-go")}
          </li>
        )}
      />
      <Section
        title={t.orphanTitle(c.orphans.length)}
        items={c.orphans}
        testId="coverage-orphans"
        pageSize={pageSize}
        render={(o) => (
          <li key={`${o.file ?? ""}${o.sheet}!${o.cell}`} className={styles.item} data-testid="orphan-line" data-cell={`${o.sheet}!${o.cell}`}>
            {link(`${lineLabel(o)} · ${shownName(o.sheet)}!${o.cell}`, t.goToRow(o.name || o.code, o.cell), o.sheet, o.cell, "orphan-go")}
          </li>
        )}
      />
      <Section
        title={t.duplicateTitle(c.duplicates.length)}
        items={c.duplicates}
        testId="coverage-duplicates"
        pageSize={pageSize}
        render={(d) => (
          <li key={d.code} className={styles.item} data-testid="duplicate-line" data-code={d.code}>
            <span>{d.code}</span>
            <span className={styles.reason}>{d.cells.join("、")}</span>
          </li>
        )}
      />
      <Section
        title={t.amountTitle(c.amountMismatches.length)}
        items={c.amountMismatches}
        testId="coverage-amounts"
        pageSize={pageSize}
        render={(a, k) => (
          <li key={`${a.target}:${k}`} className={styles.item} data-testid="amount-line">
            <span>{lineLabel(a)}</span>
            <span className={styles.reason}>{t.amountLine(formatAmount(a.amount), formatAmount(a.targetAmount))}</span>
            {targetLink(a.target, "amount-target-go")}
          </li>
        )}
      />
    </div>
  );
}

export function CoveragePanel({ host, result, settings, coverage: given, choice: controlled, onChoiceChange }: CoveragePanelProps): React.JSX.Element {
  const t: ExcelStrings = useExcelStrings();
  const styles = usePanelStyles();
  const [own, setOwn] = React.useState<CoverageChoice>(NO_CHOICE);
  const choice = controlled ?? own;
  const setChoice = (c: CoverageChoice): void => {
    if (onChoiceChange) onChoiceChange(c);
    if (!controlled) setOwn(c);
  };
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState<Status | null>(null);
  const sourcesId = React.useId();
  const computed = React.useMemo(() => (given !== undefined || !result ? undefined : paneCoverage(result.check, choice, settings)), [given, result, choice, settings]);
  const pc = given ?? computed;
  const sources = React.useMemo(() => (result ? coverageSources(result.check, choice.budgetSheet) : undefined), [result, choice.budgetSheet]);

  if (!result) return <span className={styles.hint} data-testid="coverage-needs-check">{t.coverageNeedsCheck}</span>;
  if (!sources?.budgetSheet || !pc) {
    const needsWorkbook = result.scope !== "workbook" && (sources?.budgetSheets.length ?? 0) > 0;
    return needsWorkbook ? (
      <span className={styles.hint} data-testid="coverage-needs-check">{t.coverageNeedsWorkbook}</span>
    ) : (
      <span className={styles.hint} data-testid="coverage-no-budget">{t.noBudgetList}</span>
    );
  }
  const coverage = pc.coverage;
  const chosenBudget = pc.budgetSheet;

  const write = async (): Promise<void> => {
    setBusy(true);
    setStatus(null);
    try {
      const w = await host.writeCoverage(coverage, `${t.budgetList}: ${chosenBudget}`);
      setStatus({ kind: "ok", text: writtenText(t.coverageWritten(w.sheet, w.missingSheet), w, t) });
    } catch (e) {
      setStatus({ kind: "error", error: e });
    } finally {
      setBusy(false);
    }
  };
  const go = (sheet: string, cell: string): void => {
    host.selectCell(sheet, cell).catch((e: unknown) => setStatus({ kind: "error", error: e }));
  };

  return (
    <section className={styles.root} data-testid="coverage-panel">
      <Field label={t.budgetList}>
        <Dropdown
          value={chosenBudget}
          selectedOptions={[chosenBudget]}
          onOptionSelect={(_, d) => d.optionValue && setChoice({ ...choice, budgetSheet: d.optionValue })}
          data-testid="budget-sheet"
        >
          {pc.budgetSheets.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {pc.targetSheets.length > 0 && (
        // A labelled group, not a Field: Field hands its one id to every control inside it, so each checkbox's label
        // would name (and toggle) the first.
        <div role="group" aria-labelledby={`${sourcesId}-label`}>
          <Label id={`${sourcesId}-label`} style={{ display: "block" }}>
            {t.targetSources}
          </Label>
          <div className={styles.field}>
            {pc.targetSheets.map((s) => (
              <Checkbox
                key={s}
                label={s}
                checked={!choice.excluded.has(s)}
                data-testid="target-source"
                onChange={(_, d) => {
                  const next = new Set(choice.excluded);
                  if (d.checked) next.delete(s);
                  else next.add(s);
                  setChoice({ ...choice, excluded: next });
                }}
              />
            ))}
          </div>
        </div>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void write()} disabled={busy} data-testid="write-coverage">
          {t.writeCoverage}
        </Button>
      </div>
      <span className={styles.hint} data-testid="coverage-rewrite-hint">
        {t.rewriteHintCoverage(COVERAGE_SHEET, MISSING_SHEET)}
      </span>
      {busy && <Progress label={t.writing} />}
      <StatusBar status={status} />
      <CoverageView coverage={coverage} onGo={go} />
    </section>
  );
}
