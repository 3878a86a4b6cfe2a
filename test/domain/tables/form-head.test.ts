/**
 * A form's head without its indicator part (form-head.ts): the fields and the funds block are checked, the sheet is
 * partial, one table.no-indicator-header says the indicators were not found, and nothing is said about indicators
 * the sheet does not show (no project.missing-category, no table.not-filled). Our own tables, shaped as published
 * pages cut before their indicators (real 101, 103, 104, 115 of the corpus).
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../../src/domain/csv";
import { checkWorkbook } from "../../../src/domain/engine";
import type { Grid } from "../../../src/domain/grid";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { IndicatorTable } from "../../../src/domain/tables/model";

type Cell = string | number | null;
const grid = (values: Cell[][]): Grid => ({ sheet: "自评表", top: 0, left: 0, values });

const SELF_HEAD: Cell[][] = [
  ["项目支出绩效自评表", null, null, null, null, null, null, null],
  ["（2023年度）", null, null, null, null, null, null, null],
  ["项目名称", "农村公路养护", null, null, null, null, null, null],
  ["主管部门", "某县交通运输局", null, "实施单位", "某县公路中心", null, null, null],
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 200, 300, 300, 10, "100%", 10],
  [null, "其中：财政拨款", 200, 280, 280, null, null, null],
  [null, "其他资金", null, null, null, null, null, null],
  ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null],
  [null, "完成全县农村公路日常养护120公里", null, null, "完成养护120公里", null, null, null],
];

describe("a form's head without its indicator part", () => {
  test("is read as a head-only self-evaluation: funds checked, one no-indicator-header, sheet partial", () => {
    const r = checkWorkbook([grid(SELF_HEAD)]);
    const codes = r.issues.map((i) => i.code);
    // 280 + blank ≠ 300: the funds block was read and checked
    expect(r.issues.find((i) => i.code === "budget.total-mismatch")?.cell).toBe("D6");
    // 年初 200 → 全年 300 with no reason given: also from the head
    expect(codes).toContain("budget.adjustment-unexplained");
    const head = r.issues.filter((i) => i.code === "table.no-indicator-header");
    expect(head).toHaveLength(1);
    expect(head[0].message).toMatch(/^表格只有表头部分.*至第10行.*指标未检查/);
    expect(head[0].messageEn).toMatch(/only its head/);
    expect(codes).not.toContain("project.missing-category");
    expect(codes).not.toContain("table.not-filled");
    expect(codes).not.toContain("table.not-recognized");
    expect(r.sheets[0].status).toBe("partial");
    expect(r.sheets[0].reason).toMatch(/只找到表头部分/);
    const t = r.recognitions[0].tables[0] as IndicatorTable;
    expect(t.headOnly).toBe(true);
    expect(t.kind).toBe("self-evaluation");
    expect(t.projects[0].info.name?.text).toBe("农村公路养护");
  });

  test("a 目标表 head with a blank total beside its 其中 row: the blank total cell is named", () => {
    const r = checkWorkbook([
      grid([
        ["绩效目标表(一般公共预算资金)", null],
        ["项目名称", "残疾人康复补助"],
        ["区级主管部门", "区残联"],
        ["资金金额", "年度资金总额", null],
        [null, "其中:中央补助", 50.29],
        [null, "地方资金", null],
      ]),
    ]);
    expect((r.recognitions[0].tables[0] as IndicatorTable).kind).toBe("target");
    expect(r.issues.find((i) => i.code === "budget.total-mismatch")?.cell).toBe("C4");
    expect((r.recognitions[0].tables[0] as IndicatorTable).projects[0].info.department?.text).toBe("区残联");
  });

  test("a whole form is not head-only, and a sheet without a performance form's title is not read as a head", () => {
    const whole = [...SELF_HEAD, ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], [null, "产出指标", "数量指标", "养护里程", "≥120公里", "120公里", 20, 20]];
    const t = recognizeSheet(grid(whole)).tables[0] as IndicatorTable;
    expect(t.headOnly).toBeUndefined();
    expect(t.projects[0].indicators).toHaveLength(1);
    // The same head under a notice's title: nothing is read, the file is not checked.
    const notice = recognizeSheet(grid([["关于下达2023年农村公路养护资金的通知"], ...SELF_HEAD.slice(1)]));
    expect(notice.tables).toHaveLength(0);
  });

  test("a head with neither figures nor two fields is not a form", () => {
    expect(recognizeSheet(grid([["项目支出绩效自评表"], ["项目名称", "农村公路养护"], ["备注", "无"]])).tables).toHaveLength(0);
  });
});

describe("funds block reading (real shapes)", () => {
  test("a 列次 row under the header is skipped; the sources under the total in the title column are its parts (115)", () => {
    const r = checkWorkbook([
      grid([
        ["2024年度林业草原改革发展资金绩效评价表", null, null, null, null],
        ["资金投入情况(万元)", "行次", "全年预算数(A)", "全年执行资金(E)", "预算执行(E/A×100%)"],
        ["列次", 0, 1, 2, 3],
        ["年度资金总额(万元):", 1, "52.800000", "30.800000", "58.33%"],
        ["其中:中央财政资金(万元)", 2, "50.000000", "30.800000", "61.60%"],
        ["地方财政资金(万元)", 3, null, null, null],
        ["资金管理情况", null, "情况说明", null, null],
      ]),
    ]);
    const funds = (r.recognitions[0].tables[0] as IndicatorTable).projects[0].funds;
    expect(funds?.rows.map((x) => [x.kind, x.label.text])).toEqual([
      ["total", "年度资金总额(万元):"],
      ["part", "其中:中央财政资金(万元)"],
      ["part", "地方财政资金(万元)"],
    ]);
    // 52.8 against 50 + blank: the total disagrees with its sources
    expect(r.issues.find((i) => i.code === "budget.total-mismatch")?.cell).toBe("C4");
  });

  test("a second 合计 row starts another block: its rows are not added to the first (104)", () => {
    const t = recognizeSheet(
      grid([
        ["项目支出预算绩效目标申报表", null, null, null, null],
        ["项目名称", "幼儿园公用经费", null, null, null],
        ["主管部门", "某县教育局", null, null, null],
        ["项目资金情况", "项目资金申请(万元)", "项目", "全年预算数", "执行数"],
        [null, null, "合计", 259, null],
        [null, null, "县级资金", 259, null],
        [null, "支出明细预算(万元)", "项目", "全年预算数", "执行数"],
        [null, null, "合计", 259, null],
        [null, null, "幼儿园生均经费", 259, null],
      ]),
    ).tables[0] as IndicatorTable;
    expect(t.projects[0].funds?.rows.map((x) => x.label.text)).toEqual(["合计", "县级资金"]);
  });
});

describe("the corpus's cut pages", () => {
  const dir = path.join(__dirname, "..", "..", "real", "tables");
  const table = (prefix: string): Grid => {
    const file = fs.readdirSync(dir).find((f) => f.startsWith(prefix + "_")) as string;
    return { sheet: prefix, top: 0, left: 0, values: parseCsv(fs.readFileSync(path.join(dir, file), "utf8")) };
  };
  test.each(["101", "103", "106", "115"])("%s: read as a head, never not-recognized", (prefix) => {
    const r = checkWorkbook([table(prefix)]);
    expect(r.issues.map((i) => i.code)).not.toContain("table.not-recognized");
    expect((r.recognitions[0].tables[0] as IndicatorTable).headOnly).toBe(true);
  });
});
