/**
 * Coverage: the budget list (auto-detected among the tables found, overridable), the target sources (sheets with
 * indicator tables), the figures the domain computes, the lines without a target (each one click from its row),
 * and writing the 覆盖率统计 sheet with its chart.
 */
import * as React from "react";
import { Button, Checkbox, Dropdown, Field, Option } from "@fluentui/react-components";
import { coverageReport } from "../../../domain/engine";
import { useExcelStrings } from "../../excelStrings";
import { usePanelStyles } from "../ExcelPane/usePanelStyles.styles";
import { Progress } from "../Progress/Progress";
import { StatusBar, type Status } from "../StatusBar/StatusBar";
import type { ExcelHostOps, StoredSettings } from "../../host";
import type { CheckResult } from "../CheckPanel/CheckPanel.types";
import { writtenText } from "../CheckPanel/CheckPanel";
import { COVERAGE_SHEET } from "../../../excel/sheets";

export interface CoveragePanelProps {
  readonly host: Pick<ExcelHostOps, "writeCoverage" | "selectCell">;
  readonly result: CheckResult | null;
  readonly settings: StoredSettings;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

export function CoveragePanel({ host, result, settings }: CoveragePanelProps): React.JSX.Element {
  const t = useExcelStrings();
  const styles = usePanelStyles();
  const budgetSheets = React.useMemo(() => unique(result?.check.budget.map((b) => b.sheet) ?? []), [result]);
  const targetSheets = React.useMemo(() => unique(result?.check.targets.map((x) => x.sheet) ?? []), [result]);
  const [budgetSheet, setBudgetSheet] = React.useState<string | undefined>(undefined);
  const [excluded, setExcluded] = React.useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState<Status | null>(null);
  const chosenBudget = budgetSheet && budgetSheets.includes(budgetSheet) ? budgetSheet : budgetSheets[0];

  const coverage = React.useMemo(() => {
    if (!result || !chosenBudget) return undefined;
    const budget = result.check.budget.filter((b) => b.sheet === chosenBudget);
    const targets = result.check.targets.filter((x) => !excluded.has(x.sheet));
    return coverageReport(budget, targets, { profile: settings.profile, settings: settings.settings }).coverage;
  }, [result, chosenBudget, excluded, settings]);

  if (!result) return <span className={styles.hint} data-testid="coverage-needs-check">{t.coverageNeedsCheck}</span>;
  if (!chosenBudget || !coverage) return <span className={styles.hint} data-testid="coverage-no-budget">{t.noBudgetList}</span>;

  const write = async (): Promise<void> => {
    setBusy(true);
    setStatus(null);
    try {
      const w = await host.writeCoverage(coverage, `${t.budgetList}: ${chosenBudget}`);
      setStatus({ kind: "ok", text: writtenText(t.coverageWritten(w.sheet), w, t) });
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
        <Dropdown value={chosenBudget} selectedOptions={[chosenBudget]} onOptionSelect={(_, d) => setBudgetSheet(d.optionValue)} data-testid="budget-sheet">
          {budgetSheets.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.targetSources}>
        <div className={styles.field}>
          {targetSheets.map((s) => (
            <Checkbox
              key={s}
              label={s}
              checked={!excluded.has(s)}
              onChange={(_, d) => {
                const next = new Set(excluded);
                if (d.checked) next.delete(s);
                else next.add(s);
                setExcluded(next);
              }}
            />
          ))}
        </div>
      </Field>
      <strong data-testid="coverage-summary">{t.coverageSummary(coverage.covered.projects, coverage.total.projects, `${(coverage.rateByCount * 100).toFixed(1)}%`)}</strong>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void write()} disabled={busy} data-testid="write-coverage">
          {t.writeCoverage}
        </Button>
      </div>
      <span className={styles.hint} data-testid="coverage-rewrite-hint">
        {t.rewriteHint(COVERAGE_SHEET)}
      </span>
      {busy && <Progress label={t.writing} />}
      <StatusBar status={status} />
      <span>{coverage.missing.length ? t.missingTargets(coverage.missing.length) : t.noMissing}</span>
      <ul className={styles.list} data-testid="missing-list">
        {coverage.missing.map((m) => (
          <li key={`${m.sheet}!${m.cell}`}>
            <Button appearance="transparent" size="small" className={styles.linkButton} onClick={() => go(m.sheet, m.cell)} data-testid="missing-target" aria-label={t.goToRow(m.name || m.code, m.cell)}>
              {m.code ? `${m.code} ` : ""}
              {m.name} · {m.cell}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
