/**
 * Checks indicator rows given as plain values (for JX.CHECK): every check's `row` hook, never an `end` hook,
 * since a single row has no project to total or categorize (the protocol: types.ts).
 *
 * A `SingleRowChecker` sets up what every row shares once (the walker with its hooks and emitters, the table, the
 * one-row project, the sink), so a range of 100,000 rows pays per row only for the row itself, its facts and the
 * checks' own tests. Each row is still checked on its own: a fresh walk (fresh check states) per row.
 */
import { makeIssue } from "../catalog";
import { cleanText } from "../text";
import type { CellValue } from "../grid";
import { cellText } from "../grid";
import type { Issue, IssueDraft } from "../issues";
import type { Profile } from "../profiles/types";
import type { IndicatorProject, IndicatorRow, IndicatorTable, Ref } from "../tables/model";
import { readNumber } from "../value/number";
import { PROJECT_CHECKS } from "./index";
import { checkContext } from "./facts";
import type { AnyCheck, CheckContext } from "./types";
import { Walker } from "./walk";

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

/** The indicator row of one input; cells are named by column (A 一级 … F 分值) in row 1. */
export function singleRow(input: SingleRowInput): IndicatorRow {
  const w = readNumber(input.weight ?? null);
  return {
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
}

/** The table a lone row is checked in: a target list of one row (A1:F1). */
export function singleRowTable(project: IndicatorProject): IndicatorTable {
  return {
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
}

/** Row-level checks of lone rows under one profile, the machinery made once (a JX.CHECK call makes one). */
export class SingleRowChecker {
  private readonly walker = new Walker<IndicatorRow, CheckContext, AnyCheck>(PROJECT_CHECKS);
  /** The one row of the project being checked (replaced for each row). */
  private readonly indicators: IndicatorRow[] = [];
  private readonly project: IndicatorProject = { key: "row", info: {}, indicators: this.indicators, placeholders: [], subtotals: [] };
  private readonly table: IndicatorTable = singleRowTable(this.project);
  private found: Issue[] = [];
  private readonly sink = (d: IssueDraft): void => {
    this.found.push(makeIssue(d));
  };

  constructor(private readonly profile: Profile) {}

  /** Row-level issues of one indicator (a fresh array each call). */
  check(input: SingleRowInput): Issue[] {
    this.indicators[0] = singleRow(input);
    const out: Issue[] = [];
    this.found = out;
    try {
      this.walker.walk(this.indicators, checkContext(this.project, this.table, this.profile), this.sink, { rowsOnly: true });
    } finally {
      this.indicators.length = 0;
    }
    return out;
  }
}

/** Row-level issues of one indicator; cells are named by column (A 一级 … F 分值) in row 1. */
export function checkSingleRow(input: SingleRowInput, profile: Profile): Issue[] {
  return new SingleRowChecker(profile).check(input);
}
