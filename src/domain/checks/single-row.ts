/**
 * Checks one indicator row given as plain values (for JX.CHECK): every check's `row` hook, never an `end` hook,
 * since a single row has no project to total or categorize (the protocol: types.ts).
 */
import { makeIssue } from "../catalog";
import { cleanText } from "../text";
import type { CellValue } from "../grid";
import { cellText } from "../grid";
import type { Issue } from "../issues";
import type { Profile } from "../profiles/types";
import type { IndicatorProject, IndicatorRow, IndicatorTable, Ref } from "../tables/model";
import { readNumber } from "../value/number";
import { PROJECT_CHECKS } from "./index";
import { checkContext } from "./facts";
import { walkProject } from "./walk";

export interface SingleRowInput {
  readonly level1: CellValue; // 一级指标
  readonly level2: CellValue; // 二级指标
  readonly name: CellValue; // 三级指标
  readonly target: CellValue; // 指标值
  readonly unit: CellValue; // 计量单位
  readonly weight: CellValue; // 分值
}

const COLUMNS = { level1: 0, level2: 1, name: 2, target: 3, unit: 4, weight: 5 } as const;
const LETTER = ["A", "B", "C", "D", "E", "F"];

function cellRef(v: CellValue | undefined, col: number): Ref | undefined {
  if (v === undefined || v === null) return undefined;
  const text = cleanText(cellText(v));
  return text === "" ? undefined : { value: v, text, address: LETTER[col] + "1", row: 0, col };
}

/** Row-level issues of one indicator; cells are named by column (A 一级 … F 分值) in row 1. */
export function checkSingleRow(input: SingleRowInput, profile: Profile): Issue[] {
  const w = readNumber(input.weight ?? null);
  const row: IndicatorRow = {
    row: 0,
    level1: cellRef(input.level1, 0),
    level2: cellRef(input.level2, 1),
    name: cellRef(input.name, 2),
    target: cellRef(input.target, 3),
    unit: cellRef(input.unit, 4),
    weight: cellRef(input.weight, 5),
    weightNumber: w && !w.percent ? w.value : undefined,
    notApplicable: false,
    placeholder: false,
  };
  const project: IndicatorProject = { key: "row", info: {}, indicators: [row], placeholders: [], subtotals: [] };
  const table: IndicatorTable = {
    kind: "target",
    layout: "list",
    sheet: "",
    range: "A1:F1",
    headerRow: 0,
    headerRows: 0,
    columns: COLUMNS,
    projects: [project],
    framework: "unknown",
  };
  const out: Issue[] = [];
  walkProject(PROJECT_CHECKS, checkContext(project, table, profile), (d) => out.push(makeIssue(d)), { rowsOnly: true });
  return out;
}
