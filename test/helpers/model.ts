/** Builders for hand-made recognized tables, so checks can be tested without recognition. */
import { a1 } from "../../src/domain/grid";
import type { IndicatorProject, IndicatorRow, IndicatorTable, LevelSubtotal, Ref } from "../../src/domain/tables/model";

export function ref(text: string | number, row: number, col: number, extra: Partial<Ref> = {}): Ref {
  return { value: text, text: String(text), address: a1(row, col), row, col, ...extra };
}

/** Column layout used by `row()`: A 一级, B 二级, C 三级, D 计算符号, E 指标值, F 计量单位, G 实际完成值, H 分值, I 得分, J 偏差原因. */
export const COLS = { level1: 0, level2: 1, name: 2, sign: 3, target: 4, unit: 5, actual: 6, weight: 7, score: 8, reason: 9 } as const;

export type RowSpec = Partial<Record<keyof typeof COLS, string | number>> & { placeholder?: boolean; notApplicable?: boolean };

export function row(r: number, spec: RowSpec): IndicatorRow {
  const out: Record<string, unknown> = { row: r, placeholder: spec.placeholder ?? false, notApplicable: spec.notApplicable ?? false };
  for (const [k, col] of Object.entries(COLS)) {
    const v = spec[k as keyof typeof COLS];
    if (v !== undefined && v !== "") out[k] = ref(v, r, col);
  }
  if (typeof spec.weight === "number") out.weightNumber = spec.weight;
  if (typeof spec.score === "number") out.scoreNumber = spec.score;
  return out as unknown as IndicatorRow;
}

export function project(indicators: IndicatorRow[], extra: Partial<IndicatorProject> = {}): IndicatorProject {
  return { key: "P1", info: {}, indicators, placeholders: [], subtotals: [], ...extra };
}

export function subtotal(level1: string, points: number, r: number, firstRow: number, lastRow: number): LevelSubtotal {
  return { level1, points, ref: ref(`${level1}(${points}分)`, r, 0), firstRow, lastRow };
}

export function table(projects: IndicatorProject[], extra: Partial<IndicatorTable> = {}): IndicatorTable {
  const columns = extra.columns ?? { level1: 0, level2: 1, name: 2, sign: 3, target: 4, unit: 5, actual: 6, weight: 7, score: 8, reason: 9 };
  return { kind: "target", layout: "list", sheet: "S", range: "A1:J20", headerRow: 0, headerRows: 1, projects, framework: "classic", ...extra, columns };
}

/** A clean national target project: 产出 50, 效益 30, 满意度 10. */
export function cleanProject(): IndicatorProject {
  return project([
    row(1, { level1: "产出指标", level2: "数量指标", name: "培训人次", sign: "≥", target: "500", unit: "人次", weight: 20 }),
    row(2, { level1: "产出指标", level2: "质量指标", name: "合格率", sign: "≥", target: "95", unit: "%", weight: 10 }),
    row(3, { level1: "产出指标", level2: "时效指标", name: "完成时间", sign: "≤", target: "2023年12月", weight: 10 }),
    row(4, { level1: "产出指标", level2: "成本指标", name: "总成本", sign: "≤", target: "90", unit: "万元", weight: 10 }),
    row(5, { level1: "效益指标", level2: "社会效益指标", name: "受益人数", sign: "≥", target: "1200", unit: "人", weight: 30 }),
    row(6, { level1: "满意度指标", level2: "服务对象满意度指标", name: "满意度", sign: "≥", target: "90", unit: "%", weight: 10 }),
  ]);
}
