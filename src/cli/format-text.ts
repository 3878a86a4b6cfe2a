/**
 * The text output of `jx check`: per file a verdict, its tables and issues; then a summary table and coverage.
 * Everything taken from the files (names, sheet names, values, messages quoting them) goes through terminal.ts:
 * no escape sequence or control character reaches the terminal, a name stays on its line, long values are cut.
 */
import { budgetListVerdictLine, severityLabel, VERDICT_WORDS, verdictLine, type TableSummary } from "../domain/report";
import { fileVerdict } from "../file/batch";
import { displayWidth, fitWidth } from "../file/width";
import type { Issue } from "../domain/issues";
import type { InputProblem } from "../file/inputs";
import { truncationLine } from "../file/batch";
import type { CheckOutcome } from "./check";
import { viewOf, type FileResult, type FileView } from "./check-file";
import type { CoverageJson } from "./engine";
import { termName, termValue } from "./terminal";

/** Messages quote cell text: cut later than a bare value. */
const MESSAGE_MAX = 400;

const KIND_LABEL: Record<TableSummary["kind"], string> = {
  "self-evaluation": "自评表 self-evaluation",
  target: "绩效目标表 target",
  "budget-list": "预算项目清单 budget list",
  evaluation: "评价表 evaluation",
};

/** Renders rows as an aligned table; CJK characters count two columns. Numbers align right. */
export function renderTable(header: readonly string[], cells: readonly (readonly string[])[], maxWidth = 40): string {
  const rows = cells.map((r) => r.map((v) => termValue(v)));
  const widths = header.map((h, c) => Math.min(maxWidth, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? "")))));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^[-\d.,%() —/]*$/.test(r[c] ?? "")));
  const line = (cells: readonly string[], head: boolean): string =>
    cells
      .map((v, c) => fitWidth(v, widths[c], !head && numeric[c] ? "right" : "left"))
      .join("  ")
      .replace(/\s+$/, "");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(header, true), rule, ...rows.map((r) => line(r, false))].join("\n") + "\n";
}

function tableLine(t: TableSummary): string {
  let s = `  表 Table ${termName(t.sheet)}!${t.range}  ${KIND_LABEL[t.kind]}`;
  if (t.project) s += `  项目 ${termValue(t.project)}`;
  const sc = t.score;
  if (sc) {
    const parts: string[] = [];
    if (sc.total !== undefined) parts.push(`计算总分 computed ${sc.total}${sc.grade ? `（${sc.grade}）` : ""}`);
    if (sc.entered !== undefined) parts.push(`填报总分 entered ${sc.entered}${sc.enteredGrade ? `（${termValue(sc.enteredGrade)}）` : ""}`);
    else if (sc.enteredGrade) parts.push(`填报等级 entered grade ${termValue(sc.enteredGrade)}`);
    if (parts.length) s += `\n    ${parts.join(" · ")}`;
  }
  return s;
}

/**
 * A budget list's verdict is about coverage: its findings are the lines that lack a valid target (and list
 * problems such as a repeated code), not faults of an indicator table, so it is not called 不可提交.
 */
function budgetVerdict(r: Pick<FileView, "report">): string {
  return budgetListVerdictLine(r.report);
}

/** A file's block up to its findings: its name, verdict, sheets not checked and tables (each line ends with "\n"). */
export function fileHead(r: FileView): string {
  const out: string[] = [`■ ${termName(r.file)}${r.role === "budget" ? "  (预算项目清单 budget list)" : r.role === "covered-by" ? "  (覆盖清单 covered-by)" : ""}`];
  if (r.error) {
    const e = r.error;
    out.push(`  无法检查 / Not checked: ${termValue(e.message, MESSAGE_MAX)} / ${termValue(e.messageEn, MESSAGE_MAX)}${e.detail ? `\n  (${termValue(e.detail, MESSAGE_MAX)})` : ""}`);
    return out.join("\n") + "\n";
  }
  out.push(`  ${r.role === "budget" ? budgetVerdict(r) : verdictLine(r.report)}`);
  // Sheets that were not checked, and why (a workbook's sheet of notes, a form never filled in).
  for (const sh of r.sheets ?? []) {
    if (sh.status === "checked" || sh.status === "empty" || !sh.reason) continue;
    const word = sh.status === "not-filled" ? "未填写 not filled in" : sh.status === "partial" ? "部分识别 partly recognized" : "未识别 not recognized";
    out.push(`  工作表 Sheet ${termName(sh.sheet)}：${word}（${termValue(sh.reason, MESSAGE_MAX)}）`);
  }
  for (const t of r.report.tables) out.push(tableLine(t));
  return out.join("\n") + "\n";
}

/** One finding's line ("\n" included). */
export function issueLine(i: Issue): string {
  const detail: string[] = [];
  if (i.value !== "") detail.push(`值 value: ${termValue(i.value)}`);
  if (i.expected !== undefined && i.expected !== "") detail.push(`应为 expected: ${termValue(i.expected)}`);
  return `  ${termName(i.sheet)}!${i.cell}  ${severityLabel(i.severity)}  ${i.code}  ${termValue(i.message, MESSAGE_MAX)}${detail.length ? `  [${detail.join("; ")}]` : ""}\n`;
}

/** What follows a file's findings: the count of those not listed, if any ("" or a line). */
export function fileTail(r: Pick<FileView, "truncated" | "error">): string {
  if (r.error || !r.truncated) return "";
  const { zh, en } = truncationLine(r.truncated);
  return `  ${zh} / ${en}\n`;
}

function fileBlock(r: FileResult): string {
  const v = viewOf(r);
  return fileHead(v) + (r.error ? "" : r.report.issues.map(issueLine).join("") + fileTail(v));
}

function fmtAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

function fmtRate(rate: number | null | undefined, whole: number): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) || whole === 0 ? "—" : `${(rate * 100).toFixed(2)}%`;
}

function coverageBlock(c: CoverageJson, budgetFile: string | undefined): string {
  const out: string[] = [];
  out.push(`绩效目标覆盖率 Target coverage${budgetFile ? `（预算项目清单 ${termName(budgetFile)}）` : ""}`);
  const rc = fmtRate(c.rateByCount, c.total.projects);
  const ra = fmtRate(c.rateByAmount, c.total.amount);
  out.push(`  按项目数 by count: ${c.covered.projects}/${c.total.projects} = ${rc}`);
  out.push(`  按金额 by amount: ${fmtAmount(c.covered.amount)}/${fmtAmount(c.total.amount)} 万元 = ${ra}`);
  const head = ["项目数 Projects", "有目标 Covered", "覆盖率 Rate", "金额(万元) Amount", "有目标金额 Covered", "金额覆盖率 Rate"];
  if (c.byDepartment.length > 0) {
    out.push("\n按主管部门 By department");
    out.push(
      renderTable(
        ["主管部门 Department", ...head],
        c.byDepartment.map((d) => [d.department, String(d.projects), String(d.covered), fmtRate(d.rateByCount, d.projects), fmtAmount(d.amount), fmtAmount(d.coveredAmount), fmtRate(d.rateByAmount, d.amount)]),
      ).trimEnd(),
    );
  }
  if (c.byBudgetType.length > 0) {
    out.push("\n按预算类型 By budget type");
    out.push(
      renderTable(
        ["预算类型 Budget type", ...head],
        c.byBudgetType.map((d) => [d.budgetType, String(d.projects), String(d.covered), fmtRate(d.rateByCount, d.projects), fmtAmount(d.amount), fmtAmount(d.coveredAmount), fmtRate(d.rateByAmount, d.amount)]),
      ).trimEnd(),
    );
  }
  if (c.wholeDepartment) {
    const w = c.wholeDepartment;
    out.push(`\n部门整体绩效目标覆盖率 Whole-department targets: ${w.covered}/${w.total} = ${fmtRate(w.rate, w.total)}`);
    if (w.missing.length > 0) out.push(`  缺少 missing: ${w.missing.map((m) => termValue(m)).join("、")}`);
  }
  for (const l of c.lists ?? []) {
    // Further lists (监控、自评、重点评价): "covered" means the budget line appears on that list.
    out.push(`\n${termName(l.label)} 覆盖率 coverage of this list`);
    out.push(`  按项目数 by count: ${l.covered.projects}/${l.total.projects} = ${fmtRate(l.rateByCount, l.total.projects)}`);
    out.push(`  按金额 by amount: ${fmtAmount(l.covered.amount)}/${fmtAmount(l.total.amount)} 万元 = ${fmtRate(l.rateByAmount, l.total.amount)}`);
    if (l.notOnBudget > 0) out.push(`  清单中不在预算项目清单上的项目 entries not on the budget list: ${l.notOnBudget}`);
    if (l.byDepartment.length > 0) {
      out.push(
        renderTable(
          ["主管部门 Department", ...head],
          l.byDepartment.map((d) => [d.department, String(d.projects), String(d.covered), fmtRate(d.rateByCount, d.projects), fmtAmount(d.amount), fmtAmount(d.coveredAmount), fmtRate(d.rateByAmount, d.amount)]),
        ).trimEnd(),
      );
    }
  }
  const lacking = [...c.missing, ...c.invalid];
  if (lacking.length > 0) {
    out.push("\n缺少有效绩效目标 Lacking a valid target");
    out.push(
      renderTable(
        ["分类 Class", "项目编码 Code", "项目名称 Name", "主管部门 Department", "金额(万元) Amount"],
        lacking.map((m) => [m.class === "MISSING_TARGET" ? "缺少目标 no target" : "目标有错 invalid target", m.code ?? "", m.name ?? "", m.department ?? "", m.amount !== null && m.amount !== undefined ? fmtAmount(m.amount) : ""]),
      ).trimEnd(),
    );
  }
  if (c.excluded.length > 0) {
    out.push("\n不计入覆盖率 Excluded");
    out.push(renderTable(["项目编码 Code", "项目名称 Name", "原因 Reason"], c.excluded.map((e) => [e.code ?? "", e.name ?? "", e.reason])).trimEnd());
  }
  if (c.orphans.length > 0) {
    out.push("\n预算清单外的目标 Targets not on the budget list");
    out.push(renderTable(["项目编码 Code", "项目名称 Name", "工作表 Sheet"], c.orphans.map((o) => [o.code ?? "", o.name ?? "", o.sheet])).trimEnd());
  }
  return out.join("\n") + "\n";
}

/**
 * File names for the summary table: the part after the folder all files share, so the names (not a cut-off
 * directory) fill the column ("/work/data/02_….csv" → "02_….csv").
 */
function shortNames(files: readonly string[]): string[] {
  const dirs = files.map((f) => f.split(/[\\/]/).slice(0, -1));
  let common = dirs[0] ?? [];
  for (const d of dirs) {
    let n = 0;
    while (n < common.length && n < d.length && common[n] === d[n]) n++;
    common = common.slice(0, n);
  }
  return files.map((f) => f.split(/[\\/]/).slice(common.length).join("/") || f);
}

/** The blocks after the files' (skipped paths, the summary table, coverage, the totals), each ending with "\n". */
export function closingBlocks(files: readonly FileView[], problems: readonly InputProblem[], coverage: CoverageJson | undefined, budgetFile: string | undefined): string[] {
  const parts: string[] = [];
  const skipped = problems.filter((p) => p.code === "skipped");
  if (skipped.length > 0) {
    parts.push(`跳过 Skipped (${skipped.length}):\n` + skipped.map((p) => `  ${termName(p.display)}: ${termValue(p.message, MESSAGE_MAX)} / ${termValue(p.messageEn, MESSAGE_MAX)}`).join("\n") + "\n");
  }
  if (files.length > 1) {
    const names = shortNames(files.map((r) => r.file));
    const rows = files.map((r, k) => {
      const s = r.summary;
      const [zh] = VERDICT_WORDS[fileVerdict(r)];
      return [
        names[k],
        zh,
        s.department,
        r.error ? "—" : String(r.report.stats.errors),
        r.error ? "—" : String(r.report.stats.warnings),
        r.error ? "无法检查 not checked" : s.total,
        s.grade,
      ];
    });
    parts.push("汇总 Summary\n" + renderTable(["文件 File", "结论 Verdict", "部门 Department", "错误 Errors", "警告 Warnings", "总分 Total", "等级 Grade"], rows));
  }
  if (coverage) parts.push(coverageBlock(coverage, budgetFile));
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  for (const r of files) {
    errors += r.report.stats.errors;
    warnings += r.report.stats.warnings;
    if (r.error) unreadable++;
  }
  parts.push(
    `共 ${files.length} 个文件：${errors} 个错误，${warnings} 个警告${unreadable ? `，${unreadable} 个无法检查` : ""} / ` +
      `${files.length} file(s): ${errors} error(s), ${warnings} warning(s)${unreadable ? `, ${unreadable} not checked` : ""}\n`,
  );
  return parts;
}

/** The whole text output of a batch held in memory (the streamed output, stream-out.ts, writes the same text). */
export function formatText(outcome: CheckOutcome): string {
  const parts = outcome.files.map(fileBlock);
  parts.push(...closingBlocks(outcome.files.map(viewOf), outcome.problems, outcome.coverage, outcome.budgetFile));
  return parts.join("\n");
}
