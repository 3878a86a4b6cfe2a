/** 四川 profile: 预算执行情况（10分）+ 绩效指标（90分）, 一级 weights set by the unit (rules.md §2.5 variant, S7). */
import { NATIONAL } from "./national";
import type { Profile } from "./types";

export const SICHUAN: Profile = {
  ...NATIONAL,
  id: "sichuan",
  name: "四川（10 + 90）",
  nameEn: "Sichuan (10 + 90)",
  source: "四川省部门预算项目支出绩效自评表（绩效指标90分、预算执行率10分）",
  levelWeights: null,
  // S7's 青神 form shows only 产出 and 效益 rows on a 工资性支出 project; a missing 满意度 is a warning there.
  missingSatisfactionSeverity: "warning",
};
