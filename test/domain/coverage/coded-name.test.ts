/** A form whose 项目名称 is "编码-名称" (real table 11) joins the budget list by its code. */
import { splitCodedName, targetItemsFromProjects } from "../../../src/domain/coverage";
import { recognizeSheet } from "../../../src/domain/tables/recognize";
import type { IndicatorTable } from "../../../src/domain/tables/model";
import { realGrid } from "../../helpers/real";

test.each([
  ["51000021R000000019951-工资性支出", { code: "51000021R000000019951", name: "工资性支出" }],
  ["513424230000000001101 乡村道路养护项目", { code: "513424230000000001101", name: "乡村道路养护项目" }],
  ["2023年马鹿坑国有林场新建野生动物收容所建设项目", undefined],
  ["ABCDEFGHIJK-名称", undefined], // letters only: not a code
  ["", undefined],
])("%p", (text, expected) => {
  expect(splitCodedName(text)).toEqual(expected);
});

test("real table 11's target carries the code of its name", () => {
  const t = recognizeSheet(realGrid("11")).tables[0] as IndicatorTable;
  const [item] = targetItemsFromProjects(t, []);
  expect(item).toMatchObject({ code: "51000021R000000019951", name: "工资性支出" });
});
