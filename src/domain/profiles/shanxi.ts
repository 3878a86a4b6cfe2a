/** 山西 profile: national weights plus the 5-point default cost rule (V19, pmkpi `_isSX`, S9). */
import { NATIONAL } from "./national";
import type { Profile } from "./types";

export const SHANXI: Profile = {
  ...NATIONAL,
  id: "shanxi",
  name: "山西（成本指标规则）",
  nameEn: "Shanxi (cost-indicator rule)",
  source: "practice: 山西省预算绩效管理系统 (pmkpi _isSX, S9); rules.md V19",
  defaultCostMaxPoints: 5,
};
