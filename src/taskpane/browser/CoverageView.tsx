/**
 * The coverage of a batch, as `jx check --budget` prints it: the figures by count and by amount, the groups by
 * department and by budget type, the lines lacking a valid target (with the reason for an invalid one), the
 * exclusions, the targets not on the list, the name-only matches, and a bar chart of the departments. Every figure
 * is the engine's (CoverageJson); this file only lays them out. A line can be clicked to show it in the preview.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { CoverageJson } from "../../domain/coverage";
import { shownData, shownName } from "../../file/shown-text";
import { fmtAmount, fmtRate, usePageStrings, type PageStrings } from "./pageStrings";

export interface CoverageViewProps {
  readonly coverage: CoverageJson;
  readonly budgetFile?: string;
  /** Shows a cell of a file in the preview (the budget list's line, a target's row). */
  readonly onShow?: (file: string, sheet: string, cell: string) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  figures: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase300 },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    // Short words on one line (a narrow pane must not write 不可提交 one character per line); the table scrolls
    // sideways in its box instead. Long texts (names, reasons) wrap, with room for a few words.
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `2px ${tokens.spacingHorizontalS}`, textAlign: "left", verticalAlign: "top", whiteSpace: "nowrap" },
    "& th.wrap, & td.wrap": { whiteSpace: "normal", minWidth: "12em" },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
    "& td.num": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
    "& tr.total td": { fontWeight: tokens.fontWeightSemibold },
  },
  chart: { maxWidth: "100%", height: "auto" },
  link: { minWidth: 0, padding: 0, height: "auto", fontWeight: tokens.fontWeightRegular },
});

type Group = Omit<CoverageJson["byDepartment"][number], "department">;
type DepartmentGroup = CoverageJson["byDepartment"][number];

function GroupTable({ label, rows, total, t, testId }: { label: string; rows: readonly (readonly [string, Group])[]; total?: CoverageJson; t: PageStrings; testId: string }): React.JSX.Element {
  const styles = useStyles();
  const h = t.groupHead;
  return (
    <div className={styles.scroll}>
      <table className={styles.table} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col">{h.projects}</th>
            <th scope="col">{h.covered}</th>
            <th scope="col">{h.rate}</th>
            <th scope="col">{h.amount}</th>
            <th scope="col">{h.coveredAmount}</th>
            <th scope="col">{h.amountRate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, g]) => (
            <tr key={name} data-testid="coverage-group" data-group={name}>
              <th scope="row">{name}</th>
              <td className="num">{g.projects}</td>
              <td className="num">{g.covered}</td>
              <td className="num">{fmtRate(g.rateByCount, g.projects)}</td>
              <td className="num">{fmtAmount(g.amount)}</td>
              <td className="num">{fmtAmount(g.coveredAmount)}</td>
              <td className="num">{fmtRate(g.rateByAmount, g.amount)}</td>
            </tr>
          ))}
          {total && (
            <tr className="total" data-testid="coverage-group-total">
              <th scope="row">{t.totalRow}</th>
              <td className="num">{total.total.projects}</td>
              <td className="num">{total.covered.projects}</td>
              <td className="num">{fmtRate(total.rateByCount, total.total.projects)}</td>
              <td className="num">{fmtAmount(total.total.amount)}</td>
              <td className="num">{fmtAmount(total.covered.amount)}</td>
              <td className="num">{fmtRate(total.rateByAmount, total.total.amount)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Horizontal bars, two per department (by count, by amount), drawn as SVG: no chart library. */
export function CoverageChart({ groups, t }: { groups: readonly DepartmentGroup[]; t: PageStrings }): React.JSX.Element | null {
  const styles = useStyles();
  const rows = groups.filter((g) => g.projects > 0 || g.amount > 0);
  if (rows.length === 0) return null;
  const labelW = 150;
  const barW = 220;
  const rowH = 34;
  const width = labelW + barW + 70;
  const height = rows.length * rowH + 24;
  const cut = (s: string): string => (s.length > 10 ? `${s.slice(0, 9)}…` : s);
  return (
    <svg className={styles.chart} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t.chartTitle} data-testid="coverage-chart">
      <title>{t.chartTitle}</title>
      {rows.map((g, k) => {
        const y = k * rowH + 4;
        const c = g.projects === 0 ? 0 : g.rateByCount;
        const a = g.amount === 0 ? 0 : g.rateByAmount;
        const label = t.chartLabel(g.department, fmtRate(g.rateByCount, g.projects), fmtRate(g.rateByAmount, g.amount));
        return (
          <g key={g.department} data-testid="chart-bar" data-group={g.department} data-count={fmtRate(g.rateByCount, g.projects)} data-amount={fmtRate(g.rateByAmount, g.amount)} aria-label={label}>
            <title>{label}</title>
            <text x={labelW - 6} y={y + 18} textAnchor="end" fontSize="12" fill="currentColor">
              {cut(g.department)}
            </text>
            <rect x={labelW} y={y} width={barW} height={12} fill={tokens.colorNeutralBackground4} />
            <rect x={labelW} y={y} width={Math.max(0, Math.min(1, c)) * barW} height={12} fill={tokens.colorBrandBackground} />
            <rect x={labelW} y={y + 14} width={barW} height={12} fill={tokens.colorNeutralBackground4} />
            <rect x={labelW} y={y + 14} width={Math.max(0, Math.min(1, a)) * barW} height={12} fill={tokens.colorPaletteGreenBackground3} />
            <text x={labelW + barW + 4} y={y + 10} fontSize="11" fill="currentColor">
              {fmtRate(g.rateByCount, g.projects)}
            </text>
            <text x={labelW + barW + 4} y={y + 24} fontSize="11" fill="currentColor">
              {fmtRate(g.rateByAmount, g.amount)}
            </text>
          </g>
        );
      })}
      <g fontSize="11" fill="currentColor">
        <rect x={labelW} y={height - 14} width={10} height={10} fill={tokens.colorBrandBackground} />
        <text x={labelW + 14} y={height - 5}>
          {t.byCount}
        </text>
        <rect x={labelW + 90} y={height - 14} width={10} height={10} fill={tokens.colorPaletteGreenBackground3} />
        <text x={labelW + 104} y={height - 5}>
          {t.byAmount}
        </text>
      </g>
    </svg>
  );
}

export function CoverageView({ coverage, budgetFile, onShow }: CoverageViewProps): React.JSX.Element {
  // Names, codes and departments as read from the list, shown without controls or bidi overrides (places kept for links).
  const c = React.useMemo(() => shownData(coverage), [coverage]);
  const styles = useStyles();
  const t = usePageStrings();
  const lacking = [...c.missing, ...c.invalid];
  const at = (file: string | undefined, sheet: string, cell: string, text: string): React.ReactNode =>
    onShow && file ? (
      <Button appearance="transparent" size="small" className={styles.link} onClick={() => onShow(file, sheet, cell)} data-testid="coverage-goto" data-cell={`${sheet}!${cell}`}>
        {text}
      </Button>
    ) : (
      text
    );
  return (
    <section className={styles.root} aria-label={t.coverageTitle} data-testid="coverage-view">
      <h3 className={styles.title}>
        {t.coverageTitle}
        {budgetFile ? `（${t.budgetList} ${shownName(budgetFile)}）` : ""}
      </h3>
      <div className={styles.figures}>
        <span data-testid="coverage-by-count">
          {t.byCount}: {c.covered.projects}/{c.total.projects} = {fmtRate(c.rateByCount, c.total.projects)}
        </span>
        <span data-testid="coverage-by-amount">
          {t.byAmount}: {fmtAmount(c.covered.amount)}/{fmtAmount(c.total.amount)} 万元 = {fmtRate(c.rateByAmount, c.total.amount)}
        </span>
      </div>
      <CoverageChart groups={c.byDepartment} t={t} />
      {c.byDepartment.length > 0 && (
        <>
          <h4 className={styles.sub}>{t.byDepartment}</h4>
          <GroupTable label={t.department} rows={c.byDepartment.map((d) => [d.department, d] as const)} total={c} t={t} testId="coverage-by-department" />
        </>
      )}
      {c.byBudgetType.length > 0 && (
        <>
          <h4 className={styles.sub}>{t.byBudgetType}</h4>
          <GroupTable label={t.budgetType} rows={c.byBudgetType.map((d) => [d.budgetType, d] as const)} t={t} testId="coverage-by-type" />
        </>
      )}
      {c.wholeDepartment && (
        <span data-testid="coverage-whole-department">
          {t.wholeDepartment}: {c.wholeDepartment.covered}/{c.wholeDepartment.total} = {fmtRate(c.wholeDepartment.rate, c.wholeDepartment.total)}
          {c.wholeDepartment.missing.length > 0 ? `（${c.wholeDepartment.missing.join("、")}）` : ""}
        </span>
      )}
      {(c.lists ?? []).map((l) => (
        <span key={l.label} data-testid="coverage-list">
          {l.label}: {t.byCount} {l.covered.projects}/{l.total.projects} = {fmtRate(l.rateByCount, l.total.projects)} · {t.byAmount} {fmtAmount(l.covered.amount)}/{fmtAmount(l.total.amount)} 万元 ={" "}
          {fmtRate(l.rateByAmount, l.total.amount)}
        </span>
      ))}
      {lacking.length > 0 && (
        <>
          <h4 className={styles.sub}>
            {t.lacking}（{lacking.length}）
          </h4>
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="coverage-lacking">
              <thead>
                <tr>
                  <th scope="col">{t.lackingHead.cls}</th>
                  <th scope="col">{t.lackingHead.code}</th>
                  <th scope="col">{t.lackingHead.name}</th>
                  <th scope="col">{t.lackingHead.department}</th>
                  <th scope="col">{t.lackingHead.amount}</th>
                  <th scope="col">{t.lackingHead.reason}</th>
                </tr>
              </thead>
              <tbody>
                {lacking.map((m) => (
                  <tr key={`${m.sheet}!${m.cell}`} data-testid="coverage-lacking-row" data-class={m.class} data-code={m.code}>
                    <td>{m.class === "MISSING_TARGET" ? t.lackingClass.missing : t.lackingClass.invalid}</td>
                    <td>{at(budgetFile, m.sheet, m.cell, m.code)}</td>
                    <td className="wrap">{m.name}</td>
                    <td>{m.department}</td>
                    <td className="num">{m.amount !== null ? fmtAmount(m.amount) : ""}</td>
                    <td className="wrap">{m.class === "MISSING_TARGET" ? t.noTarget : t.invalidTarget(m.errors, m.target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {c.excluded.length > 0 && (
        <>
          <h4 className={styles.sub}>{t.excluded}</h4>
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="coverage-excluded">
              <thead>
                <tr>
                  <th scope="col">{t.lackingHead.code}</th>
                  <th scope="col">{t.lackingHead.name}</th>
                  <th scope="col">{t.reason}</th>
                </tr>
              </thead>
              <tbody>
                {c.excluded.map((e) => (
                  <tr key={`${e.sheet}!${e.cell}`} data-testid="coverage-excluded-row" data-code={e.code}>
                    <td>{at(budgetFile, e.sheet, e.cell, e.code)}</td>
                    <td>{e.name}</td>
                    <td className="wrap">{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {c.orphans.length > 0 && (
        <>
          <h4 className={styles.sub}>{t.orphans}</h4>
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="coverage-orphans">
              <thead>
                <tr>
                  <th scope="col">{t.lackingHead.code}</th>
                  <th scope="col">{t.lackingHead.name}</th>
                  <th scope="col">{t.sheet}</th>
                </tr>
              </thead>
              <tbody>
                {c.orphans.map((o) => (
                  <tr key={`${o.file ?? ""}${o.sheet}!${o.cell}`} data-testid="coverage-orphan-row" data-code={o.code}>
                    <td>{at(o.file, o.sheet, o.cell, o.code)}</td>
                    <td>{o.name}</td>
                    <td>{o.sheet}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {c.duplicates.length > 0 && (
        <>
          <h4 className={styles.sub}>{t.duplicates}</h4>
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="coverage-duplicates">
              <thead>
                <tr>
                  <th scope="col">{t.lackingHead.code}</th>
                  <th scope="col">{t.sheet}</th>
                </tr>
              </thead>
              <tbody>
                {c.duplicates.map((d) => (
                  <tr key={d.code} data-testid="coverage-duplicate-row" data-code={d.code}>
                    <td>{d.code}</td>
                    <td>{d.cells.join("、")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {c.nameMatches.length > 0 && (
        <>
          <h4 className={styles.sub}>{t.nameMatches}</h4>
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="coverage-name-matches">
              <thead>
                <tr>
                  <th scope="col">{t.nameMatchHead.code}</th>
                  <th scope="col">{t.nameMatchHead.name}</th>
                  <th scope="col">{t.nameMatchHead.targetCode}</th>
                  <th scope="col">{t.nameMatchHead.target}</th>
                </tr>
              </thead>
              <tbody>
                {c.nameMatches.map((n) => (
                  <tr key={`${n.sheet}!${n.cell}`} data-testid="coverage-name-match-row" data-code={n.code}>
                    <td>{at(budgetFile, n.sheet, n.cell, n.code)}</td>
                    <td>{n.name}</td>
                    <td>{n.targetCode}</td>
                    <td>{n.target}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
