/**
 * Transformations of a table that real exports make and that keep its meaning: an empty row or column inserted,
 * category labels filled down ↔ merged, notes added to 二级 labels, full-width ↔ half-width, simplified →
 * traditional characters, numbers written as numbers instead of text. Each returns the new grid and, for each of its
 * rows, the original row it came from, so that findings can be compared row for row (test/real/invariance.test.ts).
 */
import type { Area, CellValue, Grid } from "../../src/domain/grid";

export interface Transformed {
  readonly grid: Grid;
  /** For each row of the new grid, the row of the original it holds (-1 for an inserted row). */
  readonly rowFrom: readonly number[];
  /** Cells moved within their row's block: new position → original (0-based row, column). */
  readonly cellFrom?: ReadonlyMap<string, readonly [number, number]>;
}

export interface Layout {
  readonly name: string;
  /** The transformed grid, or undefined when the transformation does not apply to this table. */
  apply(g: Grid): Transformed | undefined;
}

type Rows = CellValue[][];

const copy = (g: Grid): Rows => g.values.map((r) => [...r]);
const identityRows = (g: Grid) => g.values.map((_, i) => i);
const width = (rows: readonly (readonly CellValue[])[]) => rows.reduce((w, r) => Math.max(w, r.length), 0);
const text = (v: CellValue | undefined) => (typeof v === "string" ? v.trim() : "");

function mapText(g: Grid, f: (s: string) => string): Transformed | undefined {
  let changed = false;
  const values = g.values.map((r) =>
    r.map((v) => {
      if (typeof v !== "string") return v;
      const t = f(v);
      if (t !== v) changed = true;
      return t;
    }),
  );
  return changed ? { grid: { ...g, values }, rowFrom: identityRows(g) } : undefined;
}

/** The header row of the indicator block: the first row with both 一级 and 三级/指标名称 words. */
function headerRow(rows: readonly (readonly CellValue[])[]): { r: number; level1: number; level2: number; name: number } | undefined {
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r].map(text);
    const level1 = cells.findIndex((t) => /^一级指标/.test(t));
    const level2 = cells.findIndex((t) => /^二级指标/.test(t));
    const name = cells.findIndex((t) => /^(三级指标|指标名称|绩效指标名称)/.test(t));
    if (level1 >= 0 && level2 >= 0 && name >= 0) return { r, level1, level2, name };
  }
  return undefined;
}

/** An empty column inserted before column `at` (clamped to the table's width). */
export const emptyColumn = (at: number): Layout => ({
  name: `empty column at ${at}`,
  apply(g) {
    const w = width(g.values);
    if (at > w) return undefined;
    const values = g.values.map((r) => {
      const out = [...r];
      while (out.length < at) out.push(null);
      out.splice(at, 0, null);
      return out;
    });
    return { grid: { ...g, values }, rowFrom: identityRows(g) };
  },
});

/** An empty row inserted before row `at`. */
export const emptyRow = (at: number): Layout => ({
  name: `empty row at ${at}`,
  apply(g) {
    if (at > g.values.length) return undefined;
    const values = copy(g);
    values.splice(at, 0, []);
    const rowFrom = identityRows(g);
    rowFrom.splice(at, 0, -1);
    return { grid: { ...g, values }, rowFrom };
  },
});

/**
 * 一级/二级 labels filled down: on every row below the header that has a 三级 name, a blank 一级 or 二级 cell takes the
 * label above it (what "unmerge and fill" does in Excel). A blank 二级 on a row that writes its own 一级 is not under
 * a merge (the 一级 starts there): it stays blank.
 */
export const filledDown: Layout = {
  name: "category labels filled down",
  apply(g) {
    const rows = copy(g);
    const h = headerRow(rows);
    if (!h) return undefined;
    let changed = false;
    for (const c of [h.level1, h.level2]) {
      let last: CellValue = null;
      for (let r = h.r + 1; r < rows.length; r++) {
        const v = rows[r][c] ?? null;
        if (text(v) !== "") last = v;
        else if (last !== null && text(rows[r][h.name]) !== "" && (c === h.level1 || text(g.values[r][h.level1]) === "")) {
          while (rows[r].length <= c) rows[r].push(null);
          rows[r][c] = last;
          changed = true;
        }
      }
    }
    return changed ? { grid: { ...g, values: rows }, rowFrom: identityRows(g) } : undefined;
  },
};

/** The blank cells under each 一级/二级 label made one merged area with it (as an .xlsx export keeps them). */
export const merged: Layout = {
  name: "category labels merged",
  apply(g) {
    const rows = g.values;
    const h = headerRow(rows);
    if (!h) return undefined;
    const merges: Area[] = [...(g.merges ?? [])];
    for (const c of [h.level1, h.level2]) {
      for (let r = h.r + 1; r < rows.length; r++) {
        if (text(rows[r][c]) === "") continue;
        let bottom = r;
        const under = (k: number) => text(rows[k][c]) === "" && text(rows[k][h.name]) !== "" && (c === h.level1 || text(rows[k][h.level1]) === "");
        while (bottom + 1 < rows.length && under(bottom + 1)) bottom++;
        if (bottom > r) merges.push({ top: g.top + r, left: g.left + c, bottom: g.top + bottom, right: g.left + c });
        r = bottom;
      }
    }
    return merges.length > (g.merges?.length ?? 0) ? { grid: { ...g, merges }, rowFrom: identityRows(g) } : undefined;
  },
};

/** A note added to each 二级 label (数量指标 → 数量指标（必填）), as some provinces print them. */
export const labelNotes: Layout = {
  name: "notes on 二级 labels",
  apply(g) {
    const rows = copy(g);
    const h = headerRow(rows);
    if (!h) return undefined;
    let changed = false;
    for (let r = h.r + 1; r < rows.length; r++) {
      const t = text(rows[r][h.level2]);
      if (/^(数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标$/.test(t)) {
        rows[r][h.level2] = `${t}（必填）`;
        changed = true;
      }
    }
    return changed ? { grid: { ...g, values: rows }, rowFrom: identityRows(g) } : undefined;
  },
};

const HALF_TO_FULL: Readonly<Record<string, string>> = { "(": "（", ")": "）", ":": "：", ",": "，", "%": "％", "<": "＜", ">": "＞", "=": "＝" };

/** ASCII digits, letters and the punctuation of values and labels written full-width (０-９, （）：％＞). */
export const fullWidth: Layout = {
  name: "full-width characters",
  apply: (g) =>
    mapText(g, (s) =>
      s.replace(/[0-9A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/[():,%<>=]/g, (ch) => HALF_TO_FULL[ch] ?? ch),
    ),
};

/** Full-width forms written half-width (what a cleaning export does). */
export const halfWidth: Layout = {
  name: "half-width characters",
  apply: (g) => mapText(g, (s) => s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))),
};

/** Our own list of the traditional forms of the framework's and the forms' words (not the engine's table). */
const TRADITIONAL: Readonly<Record<string, string>> = Object.fromEntries(
  [
    "标標", "数數", "质質", "时時", "满滿", "产產", "济濟", "会會", "态態", "续續", "响響", "实實", "际際", "达達", "评評",
    "价價", "级級", "项項", "资資", "执執", "门門", "编編", "码碼", "说說", "务務", "对對", "计計", "划劃", "导導", "环環",
    "经經", "费費", "财財", "拨撥", "结結", "转轉", "设設", "据據", "备備", "注註", "权權", "准準", "况況", "万萬", "总總",
    "额額", "预預", "绩績", "体體", "单單", "称稱", "进進", "围圍", "织織", "业業", "农農", "乡鄉", "镇鎮", "县縣", "区區",
  ].map((p) => [p[0], p[1]]),
);

/** The table in traditional characters (a mirror's conversion, as real table 22 was published). */
export const traditional: Layout = {
  name: "traditional characters",
  apply: (g) => mapText(g, (s) => s.replace(/[\u4e00-\u9fff]/g, (ch) => TRADITIONAL[ch] ?? ch)),
};

/** Cells whose whole text is a plain decimal number given as numbers (as an .xlsx holds them). */
export const numbers: Layout = {
  name: "numbers as numbers",
  apply(g) {
    let changed = false;
    const values = g.values.map((r) =>
      r.map((v) => {
        if (typeof v !== "string" || !/^-?\d+(\.\d+)?$/.test(v.trim())) return v;
        const n = Number(v.trim());
        // Only where the number prints back as the same text (no trailing zeros lost: "100.00" stays text).
        if (String(n) !== v.trim()) return v;
        changed = true;
        return n;
      }),
    );
    return changed ? { grid: { ...g, values }, rowFrom: identityRows(g) } : undefined;
  },
};

/** The header row's cells, compacted (no whitespace), for finding columns by their words. */
function headerCells(rows: readonly (readonly CellValue[])[], r: number): string[] {
  return rows[r].map((v) => text(v).replace(/\s+/g, ""));
}

/**
 * A two-row header (年度指标值 above 指标性质 | 指标值 | 度量单位) joined into one: each column keeps its lower word,
 * else its upper one; the second row goes.
 */
export const joinedHeader: Layout = {
  name: "two-row header joined into one",
  apply(g) {
    const rows = copy(g);
    const h = headerRow(rows);
    if (!h || h.r + 1 >= rows.length) return undefined;
    const top = headerCells(rows, h.r);
    const sub = headerCells(rows, h.r + 1);
    // The second row is a sub-header: only header words (指标值, 度量单位, 指标性质 …), under the 年度指标值 group.
    if (!sub.some((t) => t !== "") || sub.some((t) => t !== "" && !/^(?:指标性质|指标值|度量单位|计量单位|计算符号|指标方向|年初|调整|全年|完成值)/.test(t))) return undefined;
    const w = Math.max(top.length, sub.length);
    rows[h.r] = Array.from({ length: w }, (_, c) => (sub[c] ? rows[h.r + 1][c] : (rows[h.r][c] ?? null)));
    rows.splice(h.r + 1, 1);
    const rowFrom = identityRows(g);
    rowFrom.splice(h.r + 1, 1);
    return { grid: { ...g, values: rows }, rowFrom };
  },
};

/**
 * A one-row header split into two: the target and actual columns' words moved to a second row under a group label
 * (年度指标完成情况 over 年度指标值 | 实际完成值), as many provinces print it. Only where the first row still names a
 * value column of its own (分值 or 得分), as a real header does.
 */
export const splitHeader: Layout = {
  name: "one-row header split into two",
  apply(g) {
    const rows = copy(g);
    const h = headerRow(rows);
    if (!h) return undefined;
    const top = headerCells(rows, h.r);
    if (h.r + 1 < rows.length && headerCells(rows, h.r + 1).some((t) => /^(?:指标性质|指标值|度量单位)$/.test(t))) return undefined;
    const target = top.findIndex((t) => /^(?:年度)?指标值/.test(t));
    const actual = top.findIndex((t) => /完成值|实际值/.test(t));
    if (target < 0 || actual !== target + 1 || !top.some((t) => /^(?:分值|权重|得分)/.test(t))) return undefined;
    const second: CellValue[] = top.map(() => null);
    second[target] = rows[h.r][target];
    second[actual] = rows[h.r][actual];
    rows[h.r] = [...rows[h.r]];
    rows[h.r][target] = "年度指标完成情况";
    rows[h.r][actual] = null;
    rows.splice(h.r + 1, 0, second);
    const rowFrom = identityRows(g);
    rowFrom.splice(h.r + 1, 0, h.r);
    const merges: Area[] = [...(g.merges ?? []), { top: g.top + h.r, left: g.left + target, bottom: g.top + h.r, right: g.left + actual }];
    return { grid: { ...g, values: rows, merges }, rowFrom };
  },
};

/**
 * The 分值 column moved from after the values to before them (or back), from the header down, as the national and
 * the 安徽 forms order it differently (分值 | 年度指标值 | 全年实际值 against 年度指标值 | 实际完成值 | 分值).
 */
export const weightColumnMoved: Layout = {
  name: "分值 column moved",
  apply(g) {
    const rows = copy(g);
    const h = headerRow(rows);
    if (!h) return undefined;
    const top = headerCells(rows, h.r);
    const weight = top.findIndex((t) => /^(?:分值|权重)$/.test(t));
    const target = top.findIndex((t) => /^(?:年度)?指标值/.test(t));
    if (weight < 0 || target < 0) return undefined;
    const to = weight > target ? target : Math.min(top.length - 1, target + 1);
    for (let r = h.r; r < rows.length; r++) {
      const row = [...rows[r]];
      while (row.length <= Math.max(weight, to)) row.push(null);
      const [cell] = row.splice(weight, 1);
      row.splice(to, 0, cell);
      rows[r] = row;
    }
    return { grid: { ...g, values: rows }, rowFrom: identityRows(g) };
  },
};

/**
 * Each 一级 label moved from the top of its block to its middle row, the rows above it left blank (a PDF-to-Excel
 * conversion writes a merged label where it was centred). The block: the label's row and the rows below with a
 * 三级 name and a blank 一级. Labels that carry points (产出指标(50分)) stay, as their block's subtotal starts there.
 */
export const level1Moved: Layout = {
  name: "一级 labels moved within their block",
  apply(g) {
    const rows = copy(g);
    const h = headerRow(rows);
    if (!h) return undefined;
    const c = h.level1;
    const cellFrom = new Map<string, readonly [number, number]>();
    for (let r = h.r + 1; r < rows.length; r++) {
      const label = text(rows[r][c]);
      if (label === "") continue;
      let bottom = r;
      while (bottom + 1 < rows.length && text(rows[bottom + 1][c]) === "" && text(rows[bottom + 1][h.name]) !== "") bottom++;
      const to = Math.floor((r + bottom) / 2);
      if (to > r && !/\d/.test(label)) {
        while (rows[to].length <= c) rows[to].push(null);
        rows[to][c] = rows[r][c];
        rows[r][c] = null;
        cellFrom.set(`${to},${c}`, [r, c]);
      }
      r = bottom;
    }
    return cellFrom.size > 0 ? { grid: { ...g, values: rows }, rowFrom: identityRows(g), cellFrom } : undefined;
  },
};

/** Every transformation tried on every table (positions chosen to land before, inside and after the blocks). */
export function layoutsFor(g: Grid): Layout[] {
  const w = width(g.values);
  const h = headerRow(g.values);
  const rows = [0, ...(h ? [h.r + 1, Math.min(g.values.length, h.r + 3)] : [Math.floor(g.values.length / 2)]), g.values.length];
  const cols = [0, Math.floor(w / 2), w];
  return [
    ...[...new Set(cols)].map(emptyColumn),
    ...[...new Set(rows)].map(emptyRow),
    filledDown,
    merged,
    labelNotes,
    joinedHeader,
    splitHeader,
    weightColumnMoved,
    level1Moved,
    fullWidth,
    halfWidth,
    traditional,
    numbers,
  ];
}
