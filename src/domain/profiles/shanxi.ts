/** 山西 profile: national weights plus the 5-point default cost rule (V19, pmkpi `_isSX`, S9). */
import { NATIONAL } from "./national";
import type { Profile } from "./types";

export const SHANXI: Profile = {
  ...NATIONAL,
  id: "shanxi",
  name: "山西（成本指标规则）",
  nameEn: "Shanxi (cost-indicator rule)",
  source: "山西省项目支出绩效自评规定：未填写成本指标时，默认成本指标最多5分",
  defaultCostMaxPoints: 5,
};
