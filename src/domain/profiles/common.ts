/** Data shared by all profiles; each entry cites rules.md. */
import type { GradeBand, Hierarchy, QualitativeBand } from "./types";

/**
 * Other official frameworks' names for the national categories (一级 and 二级): provincial templates that write 项目完成指标
 * for 产出 and 项目效益指标 for 效益. [U] which provinces and since when was not confirmed by a source: data, not code.
 */
export const CATEGORY_ALIASES: Readonly<Record<string, readonly string[] | undefined>> = withoutPrototype({
  项目完成指标: ["产出指标"],
  完成指标: ["产出指标"],
  项目效益指标: ["效益指标"],
  // 2015 central template (财预〔2015〕88号): a 一级 in some copies, a 二级 of 效益 in others.
  社会公众或服务对象满意度指标: ["满意度指标", "服务对象满意度指标"],
  社会公众满意度指标: ["满意度指标", "服务对象满意度指标"],
  // Provinces' and cities' own templates (东莞 项目支出绩效目标申报表: 预期产出指标 / 效果指标 / 预算(或投资规模)控制指标;
  // real tables in test/real/).
  效果指标: ["效益指标"],
  预算控制指标: ["成本指标"],
  投资规模控制指标: ["成本指标"],
  // 可持续性 / 可持续 for 可持续影响指标 (襄阳 自评表, real 70: beside 经济效益 and 时效 written without 指标).
  可持续性指标: ["可持续影响指标"],
  可持续指标: ["可持续影响指标"],
  // 环境效益 is the usual local word for 生态效益 (生态环境效益; 黄石 自评表, real 116).
  环境效益指标: ["生态效益指标"],
  生态环境效益指标: ["生态效益指标"],
  // A 二级 under 满意度 named by the people served (满意度指标 | 读者, real 116): the form's label for 服务对象满意度指标.
  // [U] the names real tables show.
  读者指标: ["服务对象满意度指标"],
  群众指标: ["服务对象满意度指标"],
  学生指标: ["服务对象满意度指标"],
  患者指标: ["服务对象满意度指标"],
  游客指标: ["服务对象满意度指标"],
  受益群众指标: ["服务对象满意度指标"],
  受益对象指标: ["服务对象满意度指标"],
  服务对象指标: ["服务对象满意度指标"],
});

/**
 * A table looked up by text from a workbook, without Object.prototype behind it: a cell holding "__proto__" or
 * "constructor" finds nothing there (it found an object or a function, and the check threw; the fuzz run of issue 25).
 */
function withoutPrototype<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/**
 * Placements an older official template made that the current hierarchy does not: the 2015 central template
 * (中央部门项目支出绩效目标申报表, 财预〔2015〕88号) files 社会公众或服务对象满意度指标 as a 二级 under 效益指标.
 * Such a row is a 满意度 indicator in the right place for that template, not a misfiled one. [U] wording of the
 * template's 二级 names not confirmed beyond the real tables.
 */
export const LEGACY_PLACEMENTS: readonly { readonly level1: string; readonly level2: string; readonly countsAs: string; readonly source: string }[] = [
  { level1: "效益指标", level2: "服务对象满意度指标", countsAs: "满意度指标", source: "财预〔2015〕88号" },
];

/** Classic framework, 成本 under 产出 (§2.3, S17, S12). */
export const CLASSIC_HIERARCHY: Hierarchy = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};

/** 2021+ framework, 成本 as a 一级 (§2.3, S5; 可持续影响 kept because its removal is [U]). */
export const COST_LEVEL1_HIERARCHY: Hierarchy = {
  产出指标: ["数量指标", "质量指标", "时效指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};

/** §4.4 [C-impl S8/S9]. */
export const QUALITATIVE_BANDS: readonly QualitativeBand[] = [
  { option: "达成年度指标", aliases: ["达成", "达成预期", "已达成", "全部达成", "达到预期", "达到"], min: 0.8, max: 1, maxInclusive: true },
  // 基本达成 is no option of the three (the 4-level wording is [U], rules.md §4.4): read by its 达成, reached with a
  // deduction the 达成 band allows (real 117's key: 基本达到 scored 7 of 8), not held to the 部分达成 band.
  { option: "部分达成年度指标并具有一定效果", aliases: ["部分达成"], min: 0.6, max: 0.8, maxInclusive: false },
  { option: "未达成年度指标且效果较差", aliases: ["未达成", "未达到"], min: 0, max: 0.6, maxInclusive: false },
];

/** §4.6 [C, S3]. */
export const GRADE_BANDS: readonly GradeBand[] = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: 0 },
];

/** R5.4: D1 writes 良好 for 良; 优秀/合格/较差 are common spellings too ([U] beyond 良好). */
export const GRADE_ALIASES = { 优秀: "优", 良好: "良", 中等: "中", 较差: "差" } as const;

/** V16 [U]: drafting guidance; configurable. */
export const VAGUE_WORDS: readonly string[] = ["有所提高", "有所提升", "有所改善", "明显", "进一步", "应保尽保", "效果明显", "显著", "大幅", "逐步", "较好"];

/**
 * Targets that say a direction, a procedure or a slogan instead of something measured (常见审核要求; 财预〔2021〕101号:
 * 绩效指标应细化、量化, 可衡量). Read by the shape of the whole value, not by a list of whole texts. [U] the words
 * are what the real tables in test/real/ show, not a published list.
 *  - direction: a short value made only of direction and degree words (能力持续提升, 经济效益良好, 影响可持续, 长期, 高中低);
 *  - procedure: compliance with no standard named (符合相关规定, 严格按照要求落实, 专款专用, 不超预算, 已完成, 及时);
 *  - slogan: a sentence opening with an exhortation (做好, 加大, 全力, 确保 …) that names no figure, date or zero.
 */
export const VAGUE_DIRECTION_WORDS: readonly string[] = [
  "持续", "长期", "长效", "稳步", "逐步", "进一步", "不断", "全面", "切实", "有所", "有效", "明显", "显著", "大幅", "较大",
  "提升", "提高", "改善", "加强", "增强", "增加", "减少", "减轻", "降低", "完善", "巩固", "推进", "推动", "促进", "保障",
  "良好", "较好", "较高", "好", "高", "中", "低", "可持续", "影响", "效果", "效益", "经济", "社会", "生态", "条件", "能力",
  "水平", "程度", "作用", "的",
  // values that promise support with nothing measured (正面支撑, 有力保障, real 126)
  "有力", "正面", "支撑",
];
export const VAGUE_PROCEDURE = /^(?:严格)?(?:按照?|依照|遵照)(?:规定|要求|计划|合同|指标任务|相关要求|有关规定)?.{0,8}(?:执行|落实|完成|实施|开展|落实工作)$|^符合(?:相关|有关|国家)?(?:规定|要求|政策)$|^专款专用$|^(?:不超|不超过|未超|未超过)(?:年度)?预算$|控制在预算|^(?:已|基本|按时|及时|按期)?完成$|^(?:及时|按时|按期)(?:支出|拨付|发放|支付|到位|兑现|兑付|下达)?$|^达成预期(?:指标|目标)?$/;
export const VAGUE_SLOGAN = /^(?:做好|加大|加强|全力|确保|推进|落实|提升|提高|改善|促进|保障|巩固|打造|推动|增强|营造|本着)/;
/**
 * A target written as a question (是否利于企业走出去) or naming an assessment with no level set (企业把握正确政治导向
 * 和文化方向情况的评价): what is to be judged, not the level to reach (real 118). [U] wordings seen in real tables.
 */
export const VAGUE_QUESTION = /^是否|[?？]$/;
export const VAGUE_ASSESSMENT = /(?:情况|效果|成效|质量)的?评价$|评价情况$/;
/** A short value that ends in a direction with nothing measured before it (农民增收, 创业能力提升), or a comparison
 * with no figure (超上年度, 高于去年). */
export const VAGUE_TREND = /^[\u4e00-\u9fff]{0,6}(?:提升|提高|增收|增加|增长|增强|加强|高涨|改善|减轻|减少|降低|下降|好转|稳定)$|^(?:超|超过|高于|不低于|不少于|优于)(?:上年|去年|往年|上一年)(?:度|水平|同期)?$/;

/**
 * A value that holds its place instead of a value (待定, 见附件, 略, TBD, N/A, ?): a target or actual never given.
 * [U] the words are what filled-in-later forms show (常见审核要求: 指标值须填写具体内容); 无 and 暂无 are not among
 * them, since "无" is a real answer (安全事故 无).
 */
export const PLACEHOLDER_VALUE = "^(?:待定|待定中|待填|待填写|待补充|待核定|见附件|详见附件|附后|另附|略|TBD|tbd|N/?A|n/?a|[?？]+)$";

/** V7 [C-impl S14] plus the template leftovers seen in real tables 02 and 17, and the placeholder values above. */
export const PLACEHOLDER_PATTERNS: readonly string[] = ["\\*\\*", "[Xx]{2,}", "^\\*$", "^指标\\d+[:：]?$", "^[…\\.。]{2,}$", "^(?:……|…)$", PLACEHOLDER_VALUE];

/**
 * Misfilings the framework makes sure of (issue #22, item 3): a name whose meaning belongs to another 二级 than the one
 * it is filed under. 财预〔2021〕101号 绩效指标体系: 质量指标 reflects the standard the outputs meet (合格率, 达标率,
 * 验收); 经济效益 / 生态效益 the effect on the economy / the environment; 成本指标 the cost; 满意度 how the served
 * judge the project. Only names that cannot mean anything else are listed; a name that could (水质达标率 is an
 * ecological effect) is passed by `unless`. [U] the word lists are what the real tables in test/real/ show.
 */
export interface SureMisfiling {
  /** The 二级 (or, for `level1`, the 一级) the row is filed under, canonical. */
  readonly under: string;
  readonly level1?: boolean;
  /** The name's meaning (tested on the compacted name); absent when `likely` says it. */
  readonly name?: RegExp;
  /**
   * The 二级 the indicator vocabulary (indicator-library.ts) must be sure the name belongs to (checks/indicator-library.ts
   * likelyPlace); the message then names that 二级 and its 一级 when `belongs` is absent.
   */
  readonly likely?: readonly string[];
  /** Names that could rightly be filed there after all. */
  readonly unless?: RegExp;
  /** Where it belongs, as the message says it (else from the vocabulary). */
  readonly belongs?: string;
  readonly source: string;
}

const QUALITY_RATE = /(?:合格|达标|安全|验收|合规|完好)率/;
const ENVIRONMENT = /水|空气|大气|土壤|排放|污水|污染|垃圾|环境|绿化|植被|森林|林木|草|噪声|生态|秸秆|粪污|农药|化肥|节能|能耗|碳|废/;
export const SURE_MISFILINGS: readonly SureMisfiling[] = [
  { under: "经济效益指标", name: QUALITY_RATE, belongs: "质量指标（产出指标）", source: "财预〔2021〕101号 绩效指标体系" },
  { under: "生态效益指标", name: QUALITY_RATE, unless: ENVIRONMENT, belongs: "质量指标（产出指标）", source: "财预〔2021〕101号 绩效指标体系" },
  { under: "生态效益指标", name: /成本/, unless: ENVIRONMENT, belongs: "成本指标", source: "财预〔2021〕101号 绩效指标体系" },
  {
    under: "满意度指标",
    level1: true,
    name: /^.{4,}$/,
    unless: /满意|认可|评价|好评|赞誉|投诉|认同|口碑|感|幸福|信任|支持|体验|称赞|表扬|评议|测评/,
    belongs: "效益指标或产出指标（满意度指标只衡量服务对象对项目的评价）",
    source: "财预〔2021〕101号 绩效指标体系",
  },
  // Where the indicator vocabulary is sure (issue #22, item 3). A name with 满意度 in it is categories.ts's.
  // A judgement of the served (满意率, 好评率) filed as a quality of the output or a social effect.
  { under: "质量指标", likely: ["服务对象满意度指标"], belongs: "满意度指标", source: "财预〔2021〕101号 绩效指标体系；财预〔2013〕53号 共性指标体系框架" },
  { under: "社会效益指标", likely: ["服务对象满意度指标"], belongs: "满意度指标", source: "财预〔2021〕101号 绩效指标体系；财预〔2013〕53号 共性指标体系框架" },
  // A completion, timeliness or quality rate of the output (任务完成率, 及时发放率, 验收合格率) filed as an economic effect.
  {
    under: "经济效益指标",
    likely: ["数量指标", "时效指标", "质量指标"],
    unless: /收入|增收|产值|利润|效益|节约|节省|销售|就业/,
    source: "财预〔2021〕101号 绩效指标体系；财预〔2013〕53号 共性指标体系框架（实际完成率、完成及时率、质量达标率为产出指标）",
  },
  // A 成本 block that holds a benefit (农民增收, 受益人口, 森林覆盖率): a cost is what the project spends or risks, never
  // what it brings. Names about money spent, losses or an impact (生态环境成本: 对环境的影响) stay.
  ...["成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"].map((under) => ({
    under,
    likely: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
    unless: /成本|费|支出|投入|投资|资金|价|补助|补贴|标准|损失|减少|降低|节约|控制|影响|预算|金额|占用|代价|风险/,
    source: "财预〔2021〕101号 绩效指标体系（成本指标反映项目的成本，效益指标反映项目的效果）",
  })),
];
