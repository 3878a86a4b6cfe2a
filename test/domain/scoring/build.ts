/** Hand-built indicator projects for scoring and check tests (the model of src/domain/tables/model.ts). */
import { a1, cellText, type CellValue } from "../../../src/domain/grid";
import type { FundsBlock, FundsRow, IndicatorField, IndicatorProject, IndicatorRow, IndicatorTable, IndicatorTableKind, LevelSubtotal, Ref } from "../../../src/domain/tables/model";
import { cleanText } from "../../../src/domain/text";
import { isNotApplicableMark, readNumber } from "../../../src/domain/value/number";

export function ref(value: CellValue, row: number, col: number, numberFormat?: string): Ref {
  return { value, text: cleanText(cellText(value)), address: a1(row, col), row, col, ...(numberFormat ? { numberFormat } : {}) };
}

export interface RowSpec {
  level1?: string;
  level2?: string;
  name?: string;
  sign?: string;
  target?: CellValue;
  unit?: string;
  actual?: CellValue;
  weight?: CellValue;
  score?: CellValue;
  reason?: string;
}

export interface FundsSpec {
  kind: "total" | "part";
  label: string;
  initial?: CellValue;
  budget?: CellValue;
  spent?: CellValue;
  points?: CellValue;
  rate?: CellValue;
  score?: CellValue;
  reason?: string;
}

export interface ProjectSpec {
  rows: RowSpec[];
  funds?: FundsSpec[];
  total?: { weight?: CellValue; score?: CellValue };
  grade?: string;
  /** 一级 subtotals by name with their printed points (rows are matched by level1). */
  subtotals?: Record<string, number>;
}

/** Column of each field in the built sheet. */
export const COLS: Readonly<Record<IndicatorField, number>> = {
  projectCode: 20,
  projectName: 21,
  department: 22,
  level1: 1,
  level2: 2,
  name: 3,
  sign: 9,
  target: 4,
  unit: 10,
  actual: 5,
  weight: 6,
  score: 7,
  reason: 8,
  standard: 11,
  explain: 12,
  note: 13,
};

const FUNDS_COLS = { initial: 2, budget: 3, spent: 4, points: 5, rate: 6, score: 7, reason: 8 } as const;
const FIRST_FUNDS_ROW = 4;
const FIRST_INDICATOR_ROW = 12;

function num(v: CellValue | undefined): number | undefined {
  return v === undefined ? undefined : readNumber(v)?.value;
}

export function buildProject(spec: ProjectSpec): IndicatorProject {
  const rows: IndicatorRow[] = spec.rows.map((r, i) => {
    const row = FIRST_INDICATOR_ROW + i;
    const out: { -readonly [K in keyof IndicatorRow]?: IndicatorRow[K] } = {
      row,
      notApplicable: (r.weight !== undefined && isNotApplicableMark(r.weight)) || (r.score !== undefined && isNotApplicableMark(r.score)),
      placeholder: false,
    };
    for (const f of ["level1", "level2", "name", "sign", "target", "unit", "actual", "weight", "score", "reason"] as const) {
      const v = r[f];
      if (v !== undefined) out[f] = ref(v, row, COLS[f]);
    }
    if (out.actual === undefined) out.actual = ref(null, row, COLS.actual);
    if (out.score === undefined) out.score = ref(null, row, COLS.score);
    if (out.reason === undefined) out.reason = ref(null, row, COLS.reason);
    const w = num(r.weight);
    const s = num(r.score);
    if (w !== undefined) out.weightNumber = w;
    if (s !== undefined) out.scoreNumber = s;
    return out as IndicatorRow;
  });
  // Fill 一级 down like a merged cell.
  let last: Ref | undefined;
  const filled = rows.map((r) => {
    if (r.level1 && r.level1.text) {
      last = r.level1;
      return r;
    }
    return last ? { ...r, level1: { ...last, row: r.row, address: a1(r.row, COLS.level1), filled: true } } : r;
  });
  const subtotals: LevelSubtotal[] = Object.entries(spec.subtotals ?? {}).map(([level1, points]) => {
    const mine = filled.filter((r) => r.level1?.text === level1);
    const first = mine[0]?.row ?? FIRST_INDICATOR_ROW;
    const lastRow = mine[mine.length - 1]?.row ?? first;
    return { level1, points, ref: ref(`${level1}（${points}分）`, first, COLS.level1), firstRow: first, lastRow };
  });

  let funds: FundsBlock | undefined;
  if (spec.funds) {
    const fr: FundsRow[] = spec.funds.map((f, i) => {
      const row = FIRST_FUNDS_ROW + i;
      const out: { -readonly [K in keyof FundsRow]?: FundsRow[K] } = { kind: f.kind, label: ref(f.label, row, 1) };
      for (const k of Object.keys(FUNDS_COLS) as (keyof typeof FUNDS_COLS)[]) {
        const v = f[k];
        if (v !== undefined) out[k] = ref(v, row, FUNDS_COLS[k]);
      }
      return out as FundsRow;
    });
    funds = { moneyUnit: "万元", rows: fr };
  }
  const totalRow = FIRST_INDICATOR_ROW + spec.rows.length;
  return {
    key: "P1",
    info: { name: ref("测试项目", 2, 1) },
    indicators: filled,
    placeholders: [],
    subtotals,
    ...(funds ? { funds } : {}),
    ...(spec.total
      ? {
          total: {
            label: ref("总分", totalRow, 0),
            ...(spec.total.weight !== undefined ? { weight: ref(spec.total.weight, totalRow, COLS.weight) } : {}),
            ...(spec.total.score !== undefined ? { score: ref(spec.total.score, totalRow, COLS.score) } : {}),
          },
        }
      : {}),
    ...(spec.grade !== undefined ? { grade: ref(spec.grade, totalRow + 1, 1) } : {}),
  };
}

export function buildTable(project: IndicatorProject, kind: IndicatorTableKind = "self-evaluation"): IndicatorTable {
  const { projectCode: _a, projectName: _b, department: _c, standard: _d, explain: _e, note: _f, ...columns } = COLS;
  void [_a, _b, _c, _d, _e, _f];
  return {
    kind,
    layout: "form",
    sheet: "自评表",
    range: "A1:N40",
    headerRow: FIRST_INDICATOR_ROW - 1,
    headerRows: 1,
    columns,
    projects: [project],
    framework: "classic",
  };
}

/** The full example of rules.md §4.6: 8.50 + 44.00 + 27.00 + 9.00 = 88.50 → 良. */
export const FULL_EXAMPLE: ProjectSpec = {
  funds: [
    { kind: "total", label: "年度资金总额", budget: 200, spent: 170, points: 10, rate: "85.00%", score: 8.5, reason: "部分工程款未到结算期" },
    { kind: "part", label: "其中：本年财政拨款", budget: 200, spent: 170 },
  ],
  rows: [
    { level1: "产出指标", level2: "数量指标", name: "培训人次", target: "≥500人次", actual: "450人次", weight: 10, score: 9, reason: "部分学员未到" },
    { level2: "数量指标", name: "培训班次", target: "≥500人次", actual: "600人次", weight: 10, score: 10 },
    { level2: "成本指标", name: "项目总成本", target: "≤90万元", actual: "99万元", weight: 8, score: 7.2, reason: "材料涨价" },
    { level2: "质量指标", name: "达标率", target: "＝100%", actual: "98%", weight: 10, score: 9.8, reason: "个别未达标" },
    { level2: "质量指标", name: "覆盖户数", target: "≥300户", actual: "200户", weight: 12, score: 8, reason: "部分农户外出" },
    { level1: "效益指标", level2: "社会效益指标", name: "受益人数", target: "≥1000人", actual: "1000人", weight: 10, score: 10 },
    { level2: "社会效益指标", name: "就业人数", target: "≥100人", actual: "90人", weight: 10, score: 9, reason: "招工不足" },
    { level2: "可持续影响指标", name: "长效机制", sign: "定性", target: "建立", actual: "达成年度指标", weight: 10, score: 8, reason: "机制待完善" },
    { level1: "满意度指标", level2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "81%", weight: 10, score: 9, reason: "宣传不够" },
  ],
  total: { weight: 100, score: 88.5 },
  grade: "良好",
  subtotals: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
};
