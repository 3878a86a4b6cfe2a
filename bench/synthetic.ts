/** Synthetic but realistic indicator lists and budget lists for benchmarks (list layout, several projects). */
import type { CellValue, Grid } from "../src/domain/grid";

const L2 = [
  ["产出指标", "数量指标", "培训人次", "≥", "500", "人次"],
  ["产出指标", "质量指标", "验收合格率", "≥", "95", "%"],
  ["产出指标", "时效指标", "完成时间", "≤", "2023年12月", ""],
  ["产出指标", "成本指标", "项目总成本", "≤", "90", "万元"],
  ["效益指标", "社会效益指标", "受益人数", "≥", "1,200", "人"],
  ["效益指标", "可持续影响指标", "持续发挥作用年限", "≥", "5", "年"],
  ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "90", "%"],
];

const PLACES = ["城关镇", "新华乡", "东山村", "河西街道", "南湖社区", "北岭镇", "柳林乡", "石桥村", "青龙镇", "白沙乡"];
const WORKS = ["道路硬化", "校舍维修", "饮水工程", "技能培训", "河道整治", "卫生室建设", "路灯安装", "危房改造"];

/**
 * A list-layout target table with `rows` indicator rows, 7 per project (weights 90 per project). As in real
 * lists, names and figures vary: four of the seven indicator names name the project's place and works, and
 * the targets differ from project to project, so per-text caches see realistic misses, not seven texts.
 */
export function indicatorListGrid(rows: number): Grid {
  const header: CellValue[] = ["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "分值"];
  const weights = [20, 10, 10, 10, 15, 15, 10];
  const values: CellValue[][] = [header];
  for (let i = 0; i < rows; i++) {
    const p = Math.floor(i / L2.length);
    const k = i % L2.length;
    const [l1, l2, name, sign, target, unit] = L2[k];
    const works = `${PLACES[p % PLACES.length]}${WORKS[Math.floor(p / PLACES.length) % WORKS.length]}`;
    const own = k === 0 || k === 3 || k === 4 || k === 5 ? `${works}${name}（${p}）` : name;
    const figure = k === 0 ? String(100 + (p % 900)) : k === 3 ? String(50 + (p % 400)) : k === 4 ? `${(1 + (p % 90)) * 100}` : target;
    values.push([`P${String(p).padStart(8, "0")}`, `${works}项目${p}`, l1, l2, own, sign, figure, unit, weights[k]]);
  }
  return { sheet: "指标", top: 0, left: 0, values };
}

/** The same grid as the add-in reads it from Excel: every cell carries a number format ("General", weights "0"). */
export function withExcelFormats(grid: Grid): Grid {
  const numberFormats = grid.values.map((row) => row.map((_, c) => (c === row.length - 1 ? "0" : "General")));
  return { ...grid, numberFormats };
}

/**
 * The five real tables of test/fixtures/real (forms and lists as published, with their mistakes), copied
 * until they hold at least `rows` indicator rows: one sheet per copy, so per-sheet and per-project work counts.
 */
export function realFormSheets(rows: number, fixtures: readonly Grid[], rowsPerCopy: number): Grid[] {
  const out: Grid[] = [];
  const copies = Math.ceil(rows / Math.max(1, rowsPerCopy));
  for (let i = 0; i < copies; i++) for (const g of fixtures) out.push({ ...g, sheet: `${g.sheet} (${i + 1})` });
  return out;
}

/**
 * The same list with about three findings a row, as a badly filled collection gives: no unit, a vague target
 * beside the figure's row, weights that do not add up. For output and memory figures with many findings.
 */
export function findingsHeavyGrid(rows: number): Grid {
  const g = indicatorListGrid(rows);
  const values = g.values.map((r, i) => {
    if (i === 0) return r;
    const k = (i - 1) % L2.length;
    const out = r.slice();
    out[7] = k === 1 ? "%" : ""; // 计量单位 left empty
    out[8] = 0; // 分值 0: a weightless indicator, and weights that never add up to the project's
    if (k === 1) out[6] = "195"; // a rate above 100 %
    if (k === 2 || k === 6) out[6] = "有所提高"; // a vague target
    return out;
  });
  return { ...g, values };
}

/**
 * The same list with exactly three findings a row (issue 23 item 3's load): findingsHeavyGrid, with a rate above 100
 * written where a count or a unit column disagrees, a cost target set as a floor (≥) and a sign left blank, so that
 * every row of the seven gives three (errors and warnings mixed; no column empty throughout, so no finding is
 * withheld as a doubtful reading). Its clean twin is indicatorListGrid(rows): same shape, no finding.
 */
export function threeFindingsGrid(rows: number): Grid {
  const g = findingsHeavyGrid(rows);
  const values = g.values.map((r, i) => {
    const k = (i - 1) % L2.length;
    if (i === 0 || (k !== 0 && k !== 1 && k !== 3 && k !== 4 && k !== 5)) return r;
    const out = r.slice();
    if (k === 0) {
      out[6] = "120%"; // a percentage for a count, above 100, against the unit column
      out[7] = "人次";
    } else if (k === 1) {
      out[6] = "195%";
      out[7] = "个";
    } else if (k === 3) {
      out[5] = "≥"; // a cost with a floor
    } else if (k === 4) {
      out[6] = "150%";
      out[7] = "人";
    } else {
      out[5] = ""; // no sign
    }
    return out;
  });
  return { ...g, values };
}
