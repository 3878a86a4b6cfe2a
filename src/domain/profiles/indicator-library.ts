/**
 * The indicator vocabulary (指标库, issue #22 item 3): 三级 names with the 一级/二级 they belong to, each with its
 * source. checks/indicator-library.ts reads a name's most likely 二级 from the entries it shares its words with, and
 * says it is sure only when every entry the name contains agrees; misfiled.ts uses that where SURE_MISFILINGS
 * (common.ts) asks for it.
 *
 * Sources:
 *  - 财预〔2013〕53号 附件1 项目支出绩效评价共性指标体系框架 (产出: 实际完成率, 完成及时率, 质量达标率, 成本节约率;
 *    效果: 经济效益, 社会效益, 生态效益, 可持续影响, 社会公众或服务对象满意度) and 附件2 部门整体支出绩效评价共性
 *    指标体系框架 (产出: 实际完成率, 完成及时率, 质量达标率, 重点工作办结率; 效果: 经济/社会/生态效益, 满意度);
 *  - 财预〔2020〕10号 附件1 项目支出绩效评价指标体系框架（参考）: the same 产出 and 效益 三级 under 产出数量, 产出质量,
 *    产出时效, 产出成本, 项目效益 (the wording recalled, [U]);
 *  - 财预〔2021〕101号 附件1: what each 二级 measures (数量: how much is delivered; 质量: the standard reached; 时效:
 *    when; 成本: what it costs; 效益: the effect; 满意度: how the served judge it). The names under it are the usual
 *    wordings of those measures, not quoted from the text ([U]);
 *  - names of the real tables in test/real/tables/ (NN), each filed where its table files it and no key calls it
 *    misfiled.
 * The names are our own wording of these sources. A name that is used under two 二级 (受益人数 is an output and a
 * social effect; 覆盖率 either) is listed under both, so that the library is never sure of it.
 */

export interface LibraryEntry {
  /** The 三级 name (or the part of one that carries its meaning). */
  readonly name: string;
  /** Canonical 一级 and 二级 of the classic framework (common.ts CLASSIC_HIERARCHY). */
  readonly level1: "产出指标" | "效益指标" | "满意度指标";
  readonly level2: string;
  readonly source: string;
}

const F2013 = "财预〔2013〕53号 附件1 项目支出绩效评价共性指标体系框架";
const F2013_DEPT = "财预〔2013〕53号 附件2 部门整体支出绩效评价共性指标体系框架";
const F2020 = "财预〔2020〕10号 附件1 项目支出绩效评价指标体系框架（参考）";
const G2021 = "财预〔2021〕101号 附件1（二级指标的含义；名称为常见写法）";
const real = (ids: string): string => `真实表格 test/real/tables/${ids}`;

type Level2Of<L extends LibraryEntry["level1"]> = L extends "产出指标"
  ? "数量指标" | "质量指标" | "时效指标" | "成本指标"
  : L extends "效益指标"
    ? "经济效益指标" | "社会效益指标" | "生态效益指标" | "可持续影响指标"
    : "服务对象满意度指标";

function entries<L extends LibraryEntry["level1"]>(level1: L, level2: Level2Of<L>, source: string, names: readonly string[]): LibraryEntry[] {
  return names.map((name) => ({ name, level1, level2, source }));
}

export const INDICATOR_LIBRARY: readonly LibraryEntry[] = [
  // 产出 · 数量
  ...entries("产出指标", "数量指标", F2013, ["实际完成率"]),
  ...entries("产出指标", "数量指标", F2013_DEPT, ["重点工作办结率"]),
  ...entries("产出指标", "数量指标", G2021, [
    "任务完成率", "计划完成率", "目标任务完成率", "完工率", "培训人次", "培训人数", "受益人数", "补助人数", "资助人数", "发放人数",
    "慰问人数", "建设面积", "种植面积", "新建数量", "采购数量", "购置数量", "维修数量", "活动次数", "宣传次数", "检查次数",
    "覆盖率", "发放户数", "补助户数", "建设里程",
  ]),
  ...entries("产出指标", "数量指标", real("10, 14, 20, 44, 55, 93"), [
    "造林面积", "病虫害防治面积", "享受资助人数", "巡察次数", "品种数量", "补贴民办园租用面积", "养殖数量",
  ]),
  // 产出 · 质量
  ...entries("产出指标", "质量指标", F2013, ["质量达标率"]),
  ...entries("产出指标", "质量指标", G2021, [
    "验收合格率", "合格率", "达标率", "完好率", "抽检合格率", "验收通过率", "安全率", "合规率", "准确率", "规范率", "成活率",
  ]),
  ...entries("产出指标", "质量指标", real("10, 32, 41, 85"), ["造林成活率", "抽检完成率", "工程验收合格率", "经费支出合规率"]),
  // 产出 · 时效
  ...entries("产出指标", "时效指标", F2013, ["完成及时率"]),
  ...entries("产出指标", "时效指标", F2020, ["完成及时性"]),
  ...entries("产出指标", "时效指标", G2021, [
    "及时率", "按时完成率", "拨付及时率", "发放及时率", "支付及时率", "完成时间", "完成时限", "开工时间", "竣工时间", "按期完成率",
  ]),
  ...entries("产出指标", "时效指标", real("20, 41, 88"), ["及时发放率", "工程完成及时率", "资金支付及时率"]),
  // 产出 · 成本
  ...entries("产出指标", "成本指标", F2013, ["成本节约率"]),
  ...entries("产出指标", "成本指标", G2021, ["成本控制", "成本控制率", "单位成本", "人均成本", "建设成本", "采购成本", "运行成本", "经济成本", "社会成本", "生态环境成本"]),
  // 效益 · 经济
  ...entries("效益指标", "经济效益指标", F2013, ["经济效益"]),
  ...entries("效益指标", "经济效益指标", G2021, [
    "带动增收", "农民增收", "增加收入", "人均收入", "增加产值", "产值", "经济收入", "集体经济收入", "销售收入", "带动就业", "税收",
  ]),
  ...entries("效益指标", "经济效益指标", real("10, 18, 70"), ["木材销售收入", "林产品收入", "年增粮食", "医疗收入"]),
  // 效益 · 社会
  ...entries("效益指标", "社会效益指标", F2013, ["社会效益"]),
  ...entries("效益指标", "社会效益指标", G2021, ["受益人口", "受益人数", "知晓率", "就业人数", "带动就业", "覆盖率", "社会稳定"]),
  ...entries("效益指标", "社会效益指标", real("29, 86"), ["受益农户数", "防治知识知晓率"]),
  // 效益 · 生态
  ...entries("效益指标", "生态效益指标", F2013, ["生态效益"]),
  ...entries("效益指标", "生态效益指标", G2021, ["森林覆盖率", "绿化覆盖率", "空气质量优良率", "水质达标率", "污水处理率", "垃圾处理率", "减少排放", "生态环境改善"]),
  // 效益 · 可持续影响
  ...entries("效益指标", "可持续影响指标", F2013, ["可持续影响"]),
  ...entries("效益指标", "可持续影响指标", G2021, ["长效管理机制", "长效机制", "使用年限", "持续发挥作用"]),
  // 满意度
  ...entries("满意度指标", "服务对象满意度指标", F2013, ["服务对象满意度", "社会公众满意度"]),
  ...entries("满意度指标", "服务对象满意度指标", F2013_DEPT, ["社会公众或服务对象满意度"]),
  ...entries("满意度指标", "服务对象满意度指标", G2021, ["满意度", "满意率", "群众满意度", "受益群众满意度", "学生满意度", "患者满意度", "家长满意度", "好评率"]),
  ...entries("满意度指标", "服务对象满意度指标", real("30, 76"), ["满意率", "抽样调查满意度"]),
];
