/**
 * The row model that scales (issue 12 item 3): a row is its index in the grid plus the table's column map. Its
 * Ref fields are read from the grid when asked and say what the cells say; the accessors that make no Ref agree
 * with them; a row keeps no cell objects; and the header search classifies each row of the sheet once.
 */
import { realGrid, type RealPrefix } from "../../helpers/real";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import { a1, type CellValue, type Grid } from "../../../src/domain/grid";
import type { IndicatorRow, IndicatorTable } from "../../../src/domain/tables/model";
import { GridRow, ROW_FIELDS, fieldAddress, fieldFilled, fieldFormat, fieldText, fieldValue, hasField } from "../../../src/domain/tables/rows";
import { HeaderScan, classifyRow } from "../../../src/domain/tables/headers";
import { SheetGrid } from "../../../src/domain/tables/scan";
import { STOP_PATTERN, isStopLabel } from "../../../src/domain/tables/synonyms";
import { isTotalLabel } from "../../../src/domain/tables/body-end";

const _ = null;

function indicatorRows(g: Grid): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const t of recognizeSheet(g).tables) {
    if (t.kind === "budget-list") continue;
    for (const p of (t as IndicatorTable).projects) out.push(...p.indicators, ...p.placeholders);
  }
  return out;
}

const form: Grid = {
  sheet: "S",
  top: 2,
  left: 1,
  values: [
    ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
    ["产出指标（50分）", "数量指标", "新建道路（公里）", "≥10", 10.5, 20, 20],
    [_, _, " 新建\n桥梁 ", "≥２座", "2座", "/", _],
    [_, "质量指标", "验收合格率", 1, 0.98, 30, 29],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "5200人", 30, 30],
  ],
  numberFormats: [[], [], [], [null, null, null, "0%", "0.0%", "General", "0"], []],
  merges: [{ top: 3, left: 1, bottom: 5, right: 1 }],
};

describe("indicator rows over the grid", () => {
  const rows = indicatorRows(form);

  it("are GridRows whose Ref fields read the cells of the sheet, filled down where merged", () => {
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toBeInstanceOf(GridRow);
    const [first, second, third] = rows;
    expect([first.row, first.name?.text, first.name?.address, first.target?.text, first.weightNumber]).toEqual([3, "新建道路(公里)", "D4", "≥10", 20]);
    // 一级 merged over three rows, 二级 blank under 数量指标: the Ref points at the row's own cell, reads the one above.
    expect([second.level1?.text, second.level1?.address, second.level1?.filled, second.level1?.from]).toEqual(["产出指标(50分)", "B5", true, "B4"]);
    expect([second.level2?.text, second.level2?.filled, second.level2?.from]).toEqual(["数量指标", true, "C4"]);
    expect([second.name?.text, second.target?.text, second.notApplicable, second.weightNumber]).toEqual(["新建 桥梁", "≥2座", true, undefined]);
    // A percent format: the text as the sheet shows it, the value as stored, the format carried.
    expect([third.target?.value, third.target?.text, third.target?.numberFormat, third.actual?.text]).toEqual([1, "100%", "0%", "98.0%"]);
    expect(third.score?.numberFormat).toBe("0");
    expect(third.weight?.numberFormat).toBeUndefined(); // "General" is no format
    expect(first.level1?.filled).toBeUndefined();
  });

  it("give the same texts, values, formats and addresses through the accessors, which make no Ref", () => {
    for (const r of rows) {
      for (const f of ROW_FIELDS) {
        const ref = r[f];
        expect([f, hasField(r, f)]).toEqual([f, ref !== undefined]);
        expect([f, fieldText(r, f)]).toEqual([f, ref?.text ?? ""]);
        expect([f, fieldValue(r, f)]).toEqual([f, ref?.value]);
        expect([f, fieldFormat(r, f)]).toEqual([f, ref?.numberFormat]);
        expect([f, fieldFilled(r, f)]).toEqual([f, ref?.filled === true]);
        expect([f, fieldAddress(r, f)]).toEqual([f, ref?.address]);
      }
    }
  });

  it("give each row its own texts however the reads interleave (the store keeps the last row read of each field)", () => {
    // What the rows say, read once each in order; then again backwards, field by field across the rows, and
    // twice in a row: a text kept for the last row read of a field must never answer for another row.
    const want = rows.map((r) => ROW_FIELDS.map((f) => r[f]?.text ?? ""));
    expect(want[1][2]).toBe("新建 桥梁"); // a cleaned text (line break and spaces), not the cell's string
    for (let k = ROW_FIELDS.length - 1; k >= 0; k--) {
      for (let i = rows.length - 1; i >= 0; i--) {
        expect([i, ROW_FIELDS[k], fieldText(rows[i], ROW_FIELDS[k])]).toEqual([i, ROW_FIELDS[k], want[i][k]]);
        expect(fieldText(rows[i], ROW_FIELDS[k])).toBe(want[i][k]);
      }
    }
    for (const i of [1, 2, 1, 0, 1]) expect(fieldText(rows[i], "name")).toBe(want[i][2]);
  });

  it("keep no cell objects: two fields of the store and index, JSON as the rows were", () => {
    const r = rows[1] as GridRow;
    expect(Object.keys(r).sort()).toEqual(["index", "store"]);
    const json = JSON.parse(JSON.stringify(r));
    expect(json.name).toEqual({ value: " 新建\n桥梁 ", text: "新建 桥梁", address: "D5", row: 4, col: 3 });
    expect(json.level1).toMatchObject({ text: "产出指标(50分)", address: "B5", filled: true, from: "B4" });
    expect(json).toMatchObject({ row: 4, notApplicable: true, placeholder: false, category: "产出指标" });
  });

  it("read the same on every real table as the accessors say (rows of forms and lists, placeholders included)", () => {
    let n = 0;
    for (const id of ["02", "06", "11", "13", "14", "15", "16", "17", "20", "21"] as RealPrefix[]) {
      let g: Grid;
      try {
        g = realGrid(id);
      } catch {
        continue;
      }
      for (const r of indicatorRows(g)) {
        n++;
        for (const f of ROW_FIELDS) {
          const ref = r[f];
          expect([id, r.row, f, fieldText(r, f), fieldValue(r, f)]).toEqual([id, r.row, f, ref?.text ?? "", ref?.value]);
          if (ref) expect(ref.address).toBe(a1(ref.row, ref.col));
        }
      }
    }
    expect(n).toBeGreaterThan(50);
  });
});

describe("header search", () => {
  function listGrid(rows: number): Grid {
    const values: CellValue[][] = [["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值", "分值"]];
    for (let i = 0; i < rows; i++) values.push([`P${i % 50}`, `项目${i % 50}`, "产出指标", "数量指标", `指标${i}（个）`, "≥1", 10]);
    values.push(["项目编码", "项目名称", "一级指标", "二级指标", "三级指标", "指标值", "分值"]);
    values.push(["P9", "项目9", "效益指标", "社会效益指标", "受益人数", "≥1", 10]);
    return { sheet: "S", top: 0, left: 0, values };
  }

  it("classifies each row once, the body's rows in the body's own walk, and finds a header below a body", () => {
    const g = listGrid(2000);
    const sg = new SheetGrid(g);
    const scan = new HeaderScan(sg);
    let calls = 0;
    const at = scan.at.bind(scan);
    const asked = new Map<number, number>();
    scan.at = (r: number) => {
      asked.set(r, (asked.get(r) ?? 0) + 1);
      calls++;
      return at(r);
    };
    const h0 = scan.next(0);
    expect(h0?.r).toBe(0);
    const bound = scan.bound(0);
    let last = 0;
    for (let r = 1; bound.within(r); r++) last = r;
    expect(last).toBe(2000); // the body stops above the second header
    expect(scan.next(last + 1)?.r).toBe(2001);
    // 2,003 rows: each asked about at most twice (by the bound, then by the search that resumes), classified once.
    expect(Math.max(...asked.values())).toBeLessThanOrEqual(2);
    expect(calls).toBeLessThan(2 * g.values.length);
  });

  it("recognizes the table below the first one, as before", () => {
    const rec = recognizeSheet(listGrid(300));
    expect(rec.tables.map((t) => [t.kind, t.headerRow, t.range])).toEqual([
      ["target", 0, "A1:G301"],
      ["target", 301, "A302:G303"],
    ]);
  });

  it("pre-checks rows by their characters and still finds every header word row", () => {
    const sg = new SheetGrid({ sheet: "S", top: 0, left: 0, values: [["一级指标", "二级指标", "三级指标", "指标值", "分值"], ["产出指标", "数量指标", "P1", "1", 5]] });
    expect(classifyRow(sg, 0)?.kind).toBe("indicator");
    expect(classifyRow(sg, 1)).toBeUndefined();
  });
});

describe("labels settled by their characters", () => {
  const labels = ["注", "注：本表", "备注", "说明", "填表人", "评价结论", "存在问题", "改进措施", "项目负责人", "财务负责人", "单位负责人", "联系人", "审核意见", "财政部门意见", "单位盖章", "负责人签字", "产出指标", "数量指标", "P00000001", "城关镇道路硬化项目1", "意", "合计", "总分", "分值合计", "综合得分", "合计分", "总分值", "小计", "合", "总分合计表", ""];

  it("a note that ends a block: the same answer as STOP_PATTERN", () => {
    for (const t of labels) expect([t, isStopLabel(t)]).toEqual([t, STOP_PATTERN.test(t)]);
  });

  it("a total: 总分/合计 and their variants, nothing else", () => {
    expect(labels.filter(isTotalLabel)).toEqual(["合计", "总分", "分值合计", "综合得分", "合计分", "总分值"]);
  });
});
