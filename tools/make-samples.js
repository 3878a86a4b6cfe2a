#!/usr/bin/env node
/**
 * Writes the sample workbooks in samples/ (our own made-up data, for `npm run demo` and the CLI tests):
 *   自评表-示例.xlsx     a national-layout 项目支出绩效自评表 (form layout, merged cells) with deliberate mistakes
 *   绩效目标-清单.xlsx   a target list (one indicator per row, project cells merged down) with deliberate mistakes
 *   预算项目清单.xlsx    a budget list: some projects without targets, one 涉密, one 基本支出
 * The mistakes are listed in samples/README.md. Output is deterministic (fixed creation date).
 *
 * Usage: node tools/make-samples.js [outDir]
 */
"use strict";
const path = require("path");
const fs = require("fs");
const ExcelJS = require("exceljs");

const FIXED_DATE = new Date(Date.UTC(2024, 2, 1, 9, 0, 0));
const THIN = { style: "thin" };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function newBook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效助手 JX 示例";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function box(ws, range) {
  const [a, b] = range.split(":");
  const s = ws.getCell(a);
  const e = ws.getCell(b);
  for (let r = Number(s.row); r <= Number(e.row); r++) {
    for (let c = Number(s.col); c <= Number(e.col); c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = { vertical: "middle", wrapText: true, ...(cell.alignment || {}) };
    }
  }
}

/** 项目支出绩效自评表 (national layout, 财预〔2020〕10号 附件 style). */
async function selfEvaluation(file) {
  const wb = newBook();
  const ws = wb.addWorksheet("自评表");
  ws.columns = [8, 16, 16, 26, 14, 14, 10, 10, 24].map((width) => ({ width }));
  const set = (addr, value) => {
    ws.getCell(addr).value = value;
  };
  set("A1", "项目支出绩效自评表");
  ws.mergeCells("A1:I1");
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  set("A2", "（2023年度）");
  ws.mergeCells("A2:I2");
  ws.getCell("A2").alignment = { horizontal: "center" };

  set("A3", "项目名称");
  ws.mergeCells("A3:B3");
  set("C3", "乡村道路养护项目");
  ws.mergeCells("C3:I3");
  set("A4", "主管部门");
  ws.mergeCells("A4:B4");
  set("C4", "示例县交通运输局");
  ws.mergeCells("C4:E4");
  set("F4", "实施单位");
  set("G4", "示例县公路事务中心");
  ws.mergeCells("G4:I4");

  // Funds block: 执行率 printed 100% although B/A = 160.9/200 = 80.45% (deliberate), 得分 10 (rule: 8.05).
  set("A5", "项目资金（万元）");
  ws.mergeCells("A5:B9");
  ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"].forEach((h, i) => {
    ws.getCell(5, 4 + i).value = h;
  });
  const funds = [
    ["年度资金总额：", 200, 200, 160.9, 10, 1, 10],
    ["其中：本年财政拨款", 200, 200, 160.9, "—", null, "—"],
    ["上年结转资金", null, null, null, "—", null, "—"],
    ["其他资金", null, null, null, "—", null, "—"],
  ];
  funds.forEach((row, i) => {
    row.forEach((v, j) => {
      ws.getCell(6 + i, 3 + j).value = v;
    });
  });
  ws.getCell("H6").numFmt = "0.00%";
  ["E6", "F6", "E7", "F7"].forEach((a) => (ws.getCell(a).numFmt = "0.00"));

  set("A10", "年度总体目标");
  ws.mergeCells("A10:A11");
  set("B10", "预期目标");
  ws.mergeCells("B10:E10");
  set("F10", "实际完成情况");
  ws.mergeCells("F10:I10");
  set("B11", "完成全县农村公路日常养护120公里，修复路面坑槽3000平方米，保障道路安全畅通。");
  ws.mergeCells("B11:E11");
  set("F11", "完成农村公路日常养护120公里，修复坑槽3000平方米，道路通行条件明显改善。");
  ws.mergeCells("F11:I11");
  ws.getRow(11).height = 48;

  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  set("A12", "绩\n效\n指\n标");
  header.forEach((h, i) => {
    ws.getCell(12, 2 + i).value = h;
  });
  // [一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因]
  const rows = [
    ["产出指标（50分）", "数量指标", "养护农村公路里程", "≥120公里", "120公里", 10, 10, ""],
    [null, "数量指标", "修复路面坑槽面积", "≥3000平方米", "3000平方米", 10, 10, ""],
    // 100% completed, yet scored 7 of 10 (deliberate) and no reason given.
    [null, "质量指标", "养护工程验收合格率", "100%", "100%", 10, 7, ""],
    [null, "时效指标", "养护任务按时完成率", "≥95%", "98%", 10, 10, ""],
    // No unit anywhere (deliberate): 1.5 what? 万元/公里.
    [null, "成本指标", "每公里年均养护成本", "≤1.5", "1.34", 10, 10, ""],
    ["效益指标（30分）", "社会效益指标", "群众出行时间缩短比例", "≥10%", "12%", 10, 10, ""],
    [null, "社会效益指标", "道路安全事故发生率", "≤2%", "1.5%", 10, 10, ""],
    [null, "可持续影响指标", "养护长效机制运行", "长期有效", "达成预期指标", 10, 10, ""],
    ["满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", 10, 10, ""],
  ];
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v !== null) ws.getCell(13 + i, 2 + j).value = v;
    });
  });
  ws.mergeCells("A12:A21");
  ws.mergeCells("B13:B17");
  ws.mergeCells("B18:B20");
  const last = 13 + rows.length - 1; // 21
  const totalRow = last + 1; // 22
  set(`A${totalRow}`, "总分");
  ws.mergeCells(`A${totalRow}:F${totalRow}`);
  // The weights total is a formula with its cached result; the entered score total (98) does not add up (parts: 97).
  ws.getCell(`G${totalRow}`).value = { formula: `SUM(G13:G${last})+G6`, result: 100 };
  set(`H${totalRow}`, 98);
  set(`A${totalRow + 1}`, "自评等级");
  ws.mergeCells(`A${totalRow + 1}:F${totalRow + 1}`);
  set(`G${totalRow + 1}`, "优");
  ws.mergeCells(`G${totalRow + 1}:I${totalRow + 1}`);
  box(ws, `A3:I${totalRow + 1}`);
  ws.getRow(12).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 12 }];
  await wb.xlsx.writeFile(file);
}

const DEPT_JT = "示例县交通运输局";
const DEPT_JY = "示例县教育局";
const DEPT_NY = "示例县农业农村局";

/** Budget lines: [code, name, 预算单位, 主管部门, 预算类型, 支出类型, 是否涉密, 金额(万元)]. */
const BUDGET = [
  ["513424230000000001101", "乡村道路养护项目", "示例县公路事务中心", DEPT_JT, "一般公共预算", "项目支出", "否", 200],
  ["513424230000000001102", "农村客运站运营补助", "示例县公路事务中心", DEPT_JT, "一般公共预算", "项目支出", "否", 85.5],
  ["513424230000000002201", "学生营养改善计划", "示例县教育局", DEPT_JY, "一般公共预算", "项目支出", "否", 320],
  ["513424230000000002202", "校舍维修改造", "示例县第一中学", DEPT_JY, "政府性基金预算", "项目支出", "否", 150],
  ["513424230000000002203", "教师培训经费", "示例县教育局", DEPT_JY, "一般公共预算", "项目支出", "否", 42.8],
  ["513424230000000003301", "高标准农田建设", "示例县农业农村局", DEPT_NY, "一般公共预算", "项目支出", "否", 560],
  ["513424230000000003302", "动物疫病防控专项", "示例县动物疫病预防控制中心", DEPT_NY, "一般公共预算", "项目支出", "是", 36],
  ["513424230000000003399", "机关运行经费", "示例县农业农村局", DEPT_NY, "一般公共预算", "基本支出", "否", 128.6],
];

/** 绩效目标 list layout: one indicator per row; code, name and 主管部门 merged down over each project's rows. */
async function targetList(file) {
  const wb = newBook();
  const ws = wb.addWorksheet("绩效目标");
  ws.columns = [24, 20, 18, 12, 16, 30, 8, 12, 10, 8].map((width) => ({ width }));
  ws.getCell("A1").value = "2024年度项目支出绩效目标表";
  ws.mergeCells("A1:J1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  const header = ["项目编码", "项目名称", "主管部门", "一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "分值"];
  ws.addRow(header).font = { bold: true };
  // [二级, 三级, 符号, 值, 单位, 分值]; 一级 follows from 二级 blocks below.
  const projects = [
    {
      code: "513424230000000002201",
      name: "学生营养改善计划",
      dept: DEPT_JY,
      rows: [
        ["产出指标", "数量指标", "受益学生人数", "≥", 5200, "人", 20],
        [null, "质量指标", "供餐食品安全抽检合格率", "＝", 100, "%", 10],
        [null, "时效指标", "营养餐补助发放及时率", "≥", 98, "%", 10],
        [null, "成本指标", "生均每天补助标准", "≤", 5, "元", 10],
        ["效益指标", "社会效益指标", "学生营养状况", "定性", "有所提高", "", 30], // vague (deliberate)
        ["满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥", 90, "%", 10],
      ],
    },
    {
      code: "513424230000000002202",
      name: "校舍维修改造",
      dept: DEPT_JY,
      rows: [
        ["产出指标", "数量指标", "维修改造校舍面积", "≥", "**", "平方米", 20], // placeholder (deliberate)
        [null, "质量指标", "工程验收合格率", "＝", 100, "%", 10],
        [null, "时效指标", "工程按期完工率", "≥", 95, "%", 10],
        [null, "成本指标", "维修改造单位成本", "≥", 1200, "元/平方米", 10], // cost with ≥ (deliberate)
        ["效益指标", "社会效益指标", "消除校舍安全隐患", "≥", 95, "%", 30],
        ["满意度指标", "服务对象满意度指标", "师生满意度", "≥", 90, "%", 10],
      ],
    },
    {
      code: "513424230000000003301",
      name: "高标准农田建设",
      dept: DEPT_NY,
      rows: [
        ["产出指标", "数量指标", "新建高标准农田面积", "≥", 5000, "亩", 20],
        [null, "质量指标", "工程质量验收合格率", "＝", 100, "%", 10],
        [null, "时效指标", "项目建设按时完成率", "≥", 95, "%", 10],
        [null, "成本指标", "亩均建设成本", "≤", 1500, "元/亩", 10],
        ["效益指标", "经济效益指标", "亩均粮食增产", "≥", 50, "公斤", 15],
        [null, "社会效益指标", "受益农户数", "≥", 1800, "户", 15],
        ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥", 90, "%", 10],
      ],
    },
  ];
  let r = 3;
  for (const p of projects) {
    const first = r;
    for (const row of p.rows) {
      const values = [first === r ? p.code : null, first === r ? p.name : null, first === r ? p.dept : null, ...row];
      values.forEach((v, j) => {
        if (v !== null) ws.getCell(r, 1 + j).value = v;
      });
      r++;
    }
    const lastRow = r - 1;
    ws.mergeCells(`A${first}:A${lastRow}`);
    ws.mergeCells(`B${first}:B${lastRow}`);
    ws.mergeCells(`C${first}:C${lastRow}`);
    // 一级 merged down over its 二级 rows.
    let k = first;
    while (k <= lastRow) {
      let e = k;
      while (e + 1 <= lastRow && ws.getCell(e + 1, 4).value === null) e++;
      if (e > k) ws.mergeCells(`D${k}:D${e}`);
      k = e + 1;
    }
  }
  box(ws, `A2:J${r - 1}`);
  ws.views = [{ state: "frozen", ySplit: 2 }];
  await wb.xlsx.writeFile(file);
}

/** 预算项目清单 as exported from a budget system (codes as text, amounts in 万元). */
async function budgetList(file) {
  const wb = newBook();
  const ws = wb.addWorksheet("预算项目清单");
  ws.columns = [26, 22, 26, 20, 16, 10, 10, 14, 8].map((width) => ({ width }));
  ws.addRow(["项目编码", "项目名称", "预算单位", "主管部门", "预算类型", "支出类型", "是否涉密", "金额（万元）", "年度"]).font = { bold: true };
  for (const line of BUDGET) {
    const row = ws.addRow([...line, 2024]);
    row.getCell(1).numFmt = "@";
    row.getCell(8).numFmt = "#,##0.00";
  }
  const n = BUDGET.length + 1;
  const total = ws.addRow(["合计", null, null, null, null, null, null, { formula: `SUM(H2:H${n})`, result: BUDGET.reduce((s, b) => s + b[7], 0) }, null]);
  total.font = { bold: true };
  total.getCell(8).numFmt = "#,##0.00";
  box(ws, `A1:I${n + 1}`);
  ws.views = [{ state: "frozen", ySplit: 1 }];
  await wb.xlsx.writeFile(file);
}

async function makeSamples(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  await selfEvaluation(path.join(outDir, "自评表-示例.xlsx"));
  await targetList(path.join(outDir, "绩效目标-清单.xlsx"));
  await budgetList(path.join(outDir, "预算项目清单.xlsx"));
}

module.exports = { makeSamples, BUDGET };

if (require.main === module) {
  const out = process.argv[2] || path.join(__dirname, "..", "samples");
  makeSamples(out).then(
    () => process.stdout.write(`samples written to ${out}\n`),
    (e) => {
      process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
      process.exitCode = 1;
    },
  );
}
