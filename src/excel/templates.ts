/**
 * Blank national templates as new sheets: 项目支出绩效目标申报表 and 项目支出绩效自评表, with drop-down validation for
 * 一级/二级指标 (and 指标性质 on the target form) and plain Excel formulas for totals, 执行率 and grade, so the file
 * works for someone without the add-in. Two syncs (list sheet and defined names, write). The new sheet gets a name
 * no sheet has (the title, else "title(2)" …; the pane says which) and a hidden marker (ownership.ts) recording
 * that the add-in inserted it; it stays the user's to fill in, so the checker reads it like any other sheet.
 */
import { COST_LEVEL1_HIERARCHY, CLASSIC_HIERARCHY } from "../domain/profiles/common";
import { NATIONAL } from "../domain/profiles/national";
import { blockAddress } from "./write";
import { freeMarkerName, loadOwnership, markerComment, queueMarker } from "./ownership";

export type TemplateKind = "target" | "self-evaluation";

export const TEMPLATE_TITLES: Readonly<Record<TemplateKind, string>> = {
  target: "项目支出绩效目标申报表",
  "self-evaluation": "项目支出绩效自评表",
};

/** Indicator rows left blank for the user. */
export const TEMPLATE_ROWS = 20;

export const LEVEL1 = [...new Set([...Object.keys(COST_LEVEL1_HIERARCHY), ...Object.keys(CLASSIC_HIERARCHY)])];
export const LEVEL2 = [...new Set([...Object.values(COST_LEVEL1_HIERARCHY).flat(), ...Object.values(CLASSIC_HIERARCHY).flat()])];
/** 指标性质 (the comparison sign of 指标值). */
export const NATURE = ["≥", "≤", "＝", "＞", "＜", "定性"];

/** The grade of the total in column/row `ref`, by the national bands, as a formula. */
export function gradeFormula(ref: string): string {
  const bands = [...NATIONAL.gradeBands].sort((a, b) => b.min - a.min);
  let f = `"${bands[bands.length - 1].grade}"`;
  for (let i = bands.length - 2; i >= 0; i--) f = `IF(${ref}>=${bands[i].min},"${bands[i].grade}",${f})`;
  return `=IF(${ref}="","",${f})`;
}

/** A unique sheet name: the title, else the title with (2), (3)… */
export function uniqueName(title: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(title.toLowerCase())) return title;
  for (let i = 2; ; i++) {
    const n = `${title}(${i})`;
    if (!taken.has(n.toLowerCase())) return n;
  }
}

type Cell = string | number;

interface Layout {
  /** Rows of formulas/values from A1 (all the same width). */
  readonly rows: Cell[][];
  /** Merged areas (A1 ranges). */
  readonly merges: readonly string[];
  /** 0-based first indicator row and the columns of 一级, 二级 and 指标性质 (-1 when absent). */
  readonly firstIndicatorRow: number;
  readonly level1Col: number;
  readonly level2Col: number;
  readonly natureCol: number;
  readonly headerRow: number;
}

function pad(row: Cell[], width: number): Cell[] {
  return [...row, ...Array.from({ length: width - row.length }, () => "")];
}

/** The self-evaluation form (财预〔2020〕10号 附件 layout), columns A–I. */
function selfEvaluationLayout(): Layout {
  const W = 9;
  const first = 12;
  const last = first + TEMPLATE_ROWS - 1;
  const r = (n: number): number => n + 1; // 0-based row → Excel row number
  const rows: Cell[][] = [
    ["项目支出绩效自评表"],
    ["（    年度）"],
    ["项目名称", ""],
    ["主管部门", "", "", "", "实施单位", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "", "", "", 10, `=IF(N(D6)>0,E6/D6,"")`, `=IF(G6="","",ROUND(MIN(G6,1)*F6,2))`],
    ["", "其中：当年财政拨款", "", "", "", "—", `=IF(N(D7)>0,E7/D7,"")`, "—"],
    ["", "上年结转资金", "", "", "", "—", `=IF(N(D8)>0,E8/D8,"")`, "—"],
    ["", "其他资金", "", "", "", "—", `=IF(N(D9)>0,E9/D9,"")`, "—"],
    ["年度总体目标", "预期目标", "", "", "", "实际完成情况"],
    ["", "", "", "", "", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ];
  for (let i = 0; i < TEMPLATE_ROWS; i++) rows.push([]);
  rows.push(["总分", "", "", "", "", "", `=SUM(G${r(first)}:G${r(last)})+F6`, `=IF(COUNT(H${r(first)}:H${r(last)})=0,"",SUM(H${r(first)}:H${r(last)})+N(H6))`, ""]);
  rows.push(["评价等级", "", "", "", "", "", "", gradeFormula(`H${r(last + 1)}`), ""]);
  return {
    rows: rows.map((x) => pad(x, W)),
    merges: ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:B5", "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11", `A12:A${r(last)}`],
    firstIndicatorRow: first,
    level1Col: 1,
    level2Col: 2,
    natureCol: -1,
    headerRow: first - 1,
  };
}

/** The target declaration form (national layout), columns A–I. */
function targetLayout(): Layout {
  const W = 9;
  const first = 10;
  const last = first + TEMPLATE_ROWS - 1;
  const r = (n: number): number => n + 1;
  const rows: Cell[][] = [
    ["项目支出绩效目标申报表"],
    ["（    年度）"],
    ["项目名称", ""],
    ["主管部门", "", "", "", "实施单位", ""],
    ["项目资金（万元）", "年度资金总额", `=SUM(C6:C7)`],
    ["", "其中：财政拨款", ""],
    ["", "其他资金", ""],
    ["总体目标", ""],
    ["", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "分值", "备注"],
  ];
  for (let i = 0; i < TEMPLATE_ROWS; i++) rows.push([]);
  rows.push(["合计", "", "", "", "", "", "", `=SUM(H${r(first)}:H${r(last)})`, `=IF(H${r(last + 1)}=${NATIONAL.indicatorTotal},"","分值合计应为${NATIONAL.indicatorTotal}")`]);
  return {
    rows: rows.map((x) => pad(x, W)),
    merges: ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A8:A9", "B8:I9", `A10:A${r(last)}`],
    firstIndicatorRow: first,
    level1Col: 1,
    level2Col: 2,
    natureCol: 4,
    headerRow: first - 1,
  };
}

export function templateLayout(kind: TemplateKind): Layout {
  return kind === "target" ? targetLayout() : selfEvaluationLayout();
}

export interface TemplateInserted {
  readonly sheet: string;
  /** The title asked for: `sheet` differs when a sheet already has it. */
  readonly requested: string;
  readonly syncs: number;
}

function listRule(items: readonly string[]): Excel.DataValidationRule {
  return { list: { inCellDropDown: true, source: items.join(",") } };
}

/** Inserts a blank template as a new sheet and activates it; existing sheets are not touched. */
export async function insertTemplate(kind: TemplateKind): Promise<TemplateInserted> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const ownership = loadOwnership(context);
    await context.sync();
    const name = uniqueName(TEMPLATE_TITLES[kind], sheets.items.map((s) => s.name));
    const own = ownership();
    const ws = sheets.add(name);
    if (own.available) queueMarker(context, freeMarkerName("TEMPLATE", own.definedNames), ws, markerComment("template", { sheet: name, of: kind }));
    const L = templateLayout(kind);
    const W = L.rows[0].length;
    ws.getRange(blockAddress(0, 0, L.rows.length, W)).formulas = L.rows.map((row) => [...row]);
    for (const m of L.merges) ws.getRange(m).merge(false);
    ws.getRange("A1").format.font.bold = true;
    ws.getRange(blockAddress(L.headerRow, 0, 1, W)).format.font.bold = true;
    const body = (col: number): Excel.Range => ws.getRangeByIndexes(L.firstIndicatorRow, col, TEMPLATE_ROWS, 1);
    body(L.level1Col).dataValidation.rule = listRule(LEVEL1);
    body(L.level2Col).dataValidation.rule = listRule(LEVEL2);
    if (L.natureCol >= 0) body(L.natureCol).dataValidation.rule = listRule(NATURE);
    ws.getRange("A:A").format.columnWidth = 70;
    ws.getRange("B:I").format.columnWidth = 90;
    ws.activate();
    await context.sync();
    return { sheet: name, requested: TEMPLATE_TITLES[kind], syncs: 2 };
  });
}
