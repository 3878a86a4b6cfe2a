/**
 * What table recognition produces: indicator tables (form and list layouts) and budget lists.
 * Every field keeps the cell it came from, so every issue can point at a cell.
 */
import type { CellValue } from "../grid";

/** A cell taken from the grid: its value, its display text, where it is. */
export interface Ref {
  readonly value: CellValue;
  /** Display text, cleaned (half-width, whitespace collapsed); "" when empty. */
  readonly text: string;
  /** A1 address in the sheet. */
  readonly address: string;
  /** 0-based absolute sheet row and column. */
  readonly row: number;
  readonly col: number;
  /** Number format of the cell, when the host gave one. */
  readonly numberFormat?: string | null;
  /**
   * True when the text was filled down from a merged or blank cell above (一级/二级/project).
   * A filled Ref keeps the row's own cell in `address`/`row`/`col` (where an issue should point),
   * carries the source cell's `value`/`text`, and names the source cell in `from`.
   */
  readonly filled?: boolean;
  /** Optional (added by recognition): A1 address of the cell the text was read from, when `filled`. */
  readonly from?: string;
}

/** Columns an indicator table can have. */
export type IndicatorField =
  | "projectCode" // 项目编码
  | "projectName" // 项目名称
  | "department" // 主管部门 / 预算单位
  | "level1" // 一级指标
  | "level2" // 二级指标
  | "name" // 三级指标 / 指标名称
  | "sign" // 计算符号 / 指标性质
  | "target" // 指标值 / 年度指标值 / 目标值
  | "unit" // 计量单位 / 度量单位
  | "actual" // 实际完成值 / 完成值
  | "weight" // 分值 / 权重
  | "score" // 得分
  | "reason" // 偏差原因分析及改进措施 / 未完成原因分析
  | "standard" // 指标值设定依据 / 绩效标准
  | "explain" // 指标解释 / 指标说明 / 指标值说明
  | "note"; // 备注

/**
 * One 三级 indicator row.
 * Field presence: a field is undefined when the table has no such column; when the column exists the Ref is
 * there even for a blank cell (text ""), so checks can point at the empty cell.
 */
export interface IndicatorRow {
  /** 0-based absolute sheet row. */
  readonly row: number;
  readonly level1?: Ref;
  readonly level2?: Ref;
  readonly name?: Ref;
  readonly sign?: Ref;
  readonly target?: Ref;
  readonly unit?: Ref;
  readonly actual?: Ref;
  readonly weight?: Ref;
  readonly score?: Ref;
  readonly reason?: Ref;
  readonly standard?: Ref;
  readonly explain?: Ref;
  /** 备注 (a deviation's reason is sometimes written here). */
  readonly note?: Ref;
  /** The row's weight as a number (undefined when blank or unreadable). */
  readonly weightNumber?: number;
  /** The row's entered score as a number. */
  readonly scoreNumber?: number;
  /** Weight or score marked not applicable ("/", "-", "—"). */
  readonly notApplicable: boolean;
  /**
   * A template row left as is: name like "指标2:" / "……" / "**" / "指标1:/", or an empty name with nothing else.
   * Placeholder rows that carry nothing (no target, actual, numeric weight or score) are kept out of
   * `indicators`; those that carry something stay in `indicators` with `placeholder: true` (and are also
   * listed in `placeholders`). A row with an empty name but a target/weight is not a placeholder: it is an
   * indicator with a missing name.
   */
  readonly placeholder: boolean;
  /**
   * Optional (added by recognition): canonical 一级 category of the row (产出指标 / 效益指标 / 满意度指标 /
   * 成本指标, or 决策 / 过程 in key evaluations), from the 一级 text, else inferred from the 二级 name
   * (数量/质量/时效 → 产出指标 …). Undefined when neither says. Real table 02 prints only "(50分)" as 一级.
   */
  readonly category?: string;
  /**
   * Optional (added by recognition): on the ★ parent of a parent / 其中 group, the unscored rows beneath it that
   * carry the group's 指标值 and 完成值 (real table 14: "★补助各类粮食作物种植面积" 10 分, then 红薯种植面积 5.5亩).
   * The group is one indicator: the parent's 分值/得分, the members' values.
   */
  readonly members?: readonly IndicatorRow[];
  /** Optional (added by recognition): on a member row, the 0-based sheet row of its parent. */
  readonly memberOf?: number;
  /** Optional (added by recognition): a band-graded table's band texts (优, 良, 中, 差 …), in the table's band order. */
  readonly bandTexts?: readonly string[];
}

/**
 * A row of the funds block (项目资金 / 预算执行情况). A column present in the block's header gives a Ref on every
 * row (text "" when blank). A block without a column header (申报表: 资金情况 | 年度资金总额 | 10) puts the
 * figure right of the label in `budget`.
 */
export interface FundsRow {
  /** total: 年度资金总额 / 总额; part: a 其中 row (财政拨款, 上年结转, 其他资金 …). */
  readonly kind: "total" | "part";
  readonly label: Ref;
  readonly initial?: Ref; // 年初预算数
  readonly budget?: Ref; // 全年预算数 (A) / 调整后预算数
  readonly spent?: Ref; // 全年执行数 (B) / 预算执行数
  readonly points?: Ref; // 分值 / 权重
  readonly rate?: Ref; // 执行率 (B/A)
  readonly score?: Ref; // 得分
  readonly reason?: Ref; // 原因 / explanation
}

export interface FundsBlock {
  /** The block's label cell (项目资金（万元）, 预算执行情况（10分）). */
  readonly title?: Ref;
  /** Points printed in the title, e.g. 10 for 预算执行情况（10分）. */
  readonly titlePoints?: number;
  /** Money unit of the block: 万元 unless the title or header says 元. */
  readonly moneyUnit: "万元" | "元";
  readonly rows: readonly FundsRow[];
}

/** A level-1 subtotal label like "产出指标（50分）" or a bare "(30分)". */
export interface LevelSubtotal {
  /** Canonical 一级 name when known (产出指标/效益指标/满意度指标/成本指标), else the label text. */
  readonly level1: string;
  readonly points: number;
  readonly ref: Ref;
  /** Rows (0-based absolute) that belong to this subtotal. */
  readonly firstRow: number;
  readonly lastRow: number;
}

/**
 * Header fields of a project (form header, or the project columns of a list). In a form, a label whose value
 * cell is blank (02: 主管部门) gives a Ref to the cell right of the label with text "".
 */
export interface ProjectInfo {
  readonly name?: Ref; // 项目名称
  readonly code?: Ref; // 项目编码 / 项目代码
  readonly department?: Ref; // 主管部门
  readonly unit?: Ref; // 实施单位 / 预算单位
  readonly contact?: Ref; // 项目负责人（及电话）
  readonly year?: string; // 年度
  /**
   * The sheet row (0-based) every field above is read at, when they share one (a list row's project columns):
   * where the project is, known without making its Refs.
   */
  readonly row?: number;
}

/** One project's indicators with everything that goes with them. */
export interface IndicatorProject {
  /** Stable key inside the table: the code, else the name, else "row N". */
  readonly key: string;
  readonly info: ProjectInfo;
  readonly indicators: readonly IndicatorRow[];
  /** Every placeholder row; the ones that carry a target, actual, weight or score are also in `indicators`. */
  readonly placeholders: readonly IndicatorRow[];
  readonly subtotals: readonly LevelSubtotal[];
  readonly funds?: FundsBlock;
  /** Points printed on the indicator block title, e.g. 90 for 绩效指标（90分）. */
  readonly indicatorBlockPoints?: number;
  /** The cell of that title (its A1 address). */
  readonly indicatorBlockCell?: string;
  /** The 总分 / 合计 row: entered weight total and score total. */
  readonly total?: { readonly label: Ref; readonly weight?: Ref; readonly score?: Ref };
  /** Entered grade (自评等级 / 评价等级), when the form has one. */
  readonly grade?: Ref;
}

/** self-evaluation: has actuals/scores; target: a declaration (申报表); evaluation: 决策/过程/产出/效益 scoring sheet. */
export type IndicatorTableKind = "self-evaluation" | "target" | "evaluation";

export interface IndicatorTable {
  readonly kind: IndicatorTableKind;
  /** form: one project per table with header fields; list: one indicator per row with project columns. */
  readonly layout: "form" | "list";
  readonly sheet: string;
  /** A1 range the table covers. */
  readonly range: string;
  /** First header row (0-based absolute) and how many rows the header spans (1 or 2). */
  readonly headerRow: number;
  readonly headerRows: number;
  /** Column (0-based absolute) of each recognized field. */
  readonly columns: Readonly<Partial<Record<IndicatorField, number>>>;
  readonly projects: readonly IndicatorProject[];
  /** classic: 成本指标 under 产出; cost-level1: 成本指标 as a 一级 (2021+ framework); unknown when neither shows. */
  readonly framework: "classic" | "cost-level1" | "unknown";
  /**
   * A form's head only (form-head.ts): its fields, funds block and goal, with no indicator part found below them.
   * Its one project has no indicator; nothing is said about the indicators it does not show.
   */
  readonly headOnly?: boolean;
  /**
   * A table that grades each indicator in bands (优 | 良 | 中 | 差, band-columns.ts): the band columns, best first, with
   * their labels; `columns.target` is the best band's.
   */
  readonly bands?: readonly { readonly col: number; readonly label: string }[];
  /** Each project's indicators packed into one cell (tagged-cell.ts): every finding of a project points there. */
  readonly packed?: boolean;
}

/** Columns of a budget list (预算项目清单). */
export type BudgetField =
  | "code" // 项目编码
  | "name" // 项目名称
  | "budgetUnit" // 预算单位 / 单位名称
  | "department" // 主管部门
  | "budgetType" // 预算类型 (四本预算)
  | "expenseType" // 支出类型 (基本支出 / 项目支出)
  | "secret" // 是否涉密
  | "amount" // 金额 / 预算金额
  | "declared" // 申报金额
  | "approved" // 核定金额 / 建议安排金额
  | "year" // 年度
  | "fundSource"; // 资金来源

/** One line of a budget list; like IndicatorRow, a mapped column gives a Ref even when the cell is blank. */
export interface BudgetLine {
  readonly row: number;
  readonly code?: Ref;
  readonly name?: Ref;
  readonly budgetUnit?: Ref;
  readonly department?: Ref;
  readonly budgetType?: Ref;
  readonly expenseType?: Ref;
  readonly secret?: Ref;
  readonly amount?: Ref;
  readonly declared?: Ref;
  readonly approved?: Ref;
  readonly fundSource?: Ref;
}

export interface BudgetListTable {
  readonly kind: "budget-list";
  readonly layout: "list";
  readonly sheet: string;
  readonly range: string;
  readonly headerRow: number;
  readonly headerRows: number;
  readonly columns: Readonly<Partial<Record<BudgetField, number>>>;
  /** Unit of the amount columns, from the header ("金额（万元）") or the title; 万元 by default. */
  readonly amountUnit: "万元" | "元";
  readonly lines: readonly BudgetLine[];
}

export type RecognizedTable = IndicatorTable | BudgetListTable;

/** What recognition found on one sheet. */
export interface SheetRecognition {
  readonly sheet: string;
  readonly tables: readonly RecognizedTable[];
  /**
   * Set when the sheet looks like an indicator table (one-level names, 指标 words) but no header row was
   * recognized; the cell is where the evidence is. Drives `table.no-indicator-header`.
   */
  readonly unrecognized?: { readonly cell: string; readonly reason: string; readonly reasonEn: string };
}

/**
 * A table whose rows are scored against their actuals: a self-evaluation, or an evaluation framework's scoring sheet
 * (决策/过程/产出/效益, 部门整体支出) that has 完成值 or 得分 columns. The row and total scoring checks apply to both.
 */
export function isScored(table: Pick<IndicatorTable, "kind" | "columns">): boolean {
  return table.kind === "self-evaluation" || (table.kind === "evaluation" && (table.columns.actual !== undefined || table.columns.score !== undefined));
}
