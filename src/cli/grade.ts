/**
 * `jx grade <file>`: the walking skeleton. Finds the scores to grade in each sheet and prints score → grade:
 * 1. a column headed 总分 (spaces and full-width forms ignored): every row below it;
 * 2. else a row labelled 总分 (the form layout: 总分 | 100 | 98): the last figure in that row;
 * 3. else a column headed 得分: its total rows only (an indicator's 得分 is not graded: the bands are for totals).
 * Blank cells, not-applicable marks ("—", "/") and header words are skipped; other non-scores are reported, not
 * guessed (src/domain/scoring/grade-targets.ts).
 */
import { a1, cellText, type Grid } from "../domain/grid";
import { grade } from "../domain/scoring/grade";
import { findGradeTargets, scoreOf } from "../domain/scoring/grade-targets";
import { expandInputs, readInput } from "../file/inputs";
import { WorkbookReadError } from "../file/xlsx";
import { EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from "./io";
import { termName, termValue } from "./terminal";

export async function gradeCommand(file: string, io: CliIO): Promise<number> {
  const { files, problems } = await expandInputs([file], io.cwd);
  if (problems.length > 0 || files.length !== 1) {
    const p = problems[0];
    throw new UsageError(p ? `${termName(p.display)}: ${p.message}` : "jx grade 需要一个 .xlsx 或 .csv 文件", p ? `${termName(p.display)}: ${p.messageEn}` : "jx grade takes one .xlsx or .csv file");
  }
  let grids: Grid[];
  try {
    grids = await readInput(files[0]);
  } catch (e) {
    if (e instanceof WorkbookReadError) {
      io.stderr(`${termName(files[0].display)}: ${termValue(e.messageZh, 400)} / ${termValue(e.messageEn, 400)}\n`);
      return EXIT_CANNOT_RUN;
    }
    throw e;
  }
  let found = false;
  let failed = false;
  const lines: string[] = [];
  for (const g of grids) {
    const t = findGradeTargets(g);
    if (!t) continue;
    found = true;
    lines.push(`${termName(g.sheet)}  (${t.header})`);
    for (const { r, c, label } of t.targets) {
      const where = a1(g.top + r, g.left + c);
      const score = scoreOf(g, r, c);
      const result = score === undefined ? undefined : grade(score);
      if (result?.ok) lines.push(`  ${where}  ${termValue(label)}  ${score}  → ${result.grade}`);
      else {
        failed = true;
        const text = termValue(cellText(g.values[r]?.[c] ?? null));
        const why = result && !result.ok ? `${termValue(result.reason, 400)} / cannot grade: ${termValue(result.reasonEn, 400)}` : "不是分数 / cannot grade: not a score";
        lines.push(`  ${where}  ${termValue(label)}  ${text}  → 无法评级：${why}`);
      }
    }
  }
  if (!found) {
    io.stderr(`${termName(files[0].display)}: 没有找到可评级的总分（总分列、总分行或得分列的合计行；指标得分不评级） / no total score to grade (a 总分 column or row, or the total of a 得分 column; indicator scores are not graded)\n`);
    return EXIT_CANNOT_RUN;
  }
  io.stdout(lines.join("\n") + "\n");
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
