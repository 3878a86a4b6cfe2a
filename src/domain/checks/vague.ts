/** V16: vague wording (有所提高, 明显, 进一步 …) where a figure is expected. */
import { say } from "../catalog";
import { memoByText } from "../memo";
import { compactLabel } from "../text";
import { fieldAddress, fieldText } from "../tables/rows";
import type { Check } from "./types";
import { VAGUE_ASSESSMENT, VAGUE_DIRECTION_WORDS, VAGUE_PROCEDURE, VAGUE_QUESTION, VAGUE_SLOGAN, VAGUE_TREND } from "../profiles/common";
import { isCostRow } from "../tables/category";

const DIRECTION_ONLY = new RegExp(`^(?:${VAGUE_DIRECTION_WORDS.join("|")})+$`);
/** A figure, a zero or a "none" (无事故, 零投诉, 不发生): something that can be checked. */
const MEASURED = /[0-9０-９一二三四五六七八九十百千万]|无|零|不发生|未发生|杜绝/;

/**
 * The shape of a target that measures nothing (profiles/common.ts): a short value of direction words only, a
 * procedure with no standard named, or a sentence opening with an exhortation and naming no figure. Answered per
 * distinct text.
 */
export const unmeasurableShape = (t: string): boolean => !HAS_DIGIT.test(t) && unmeasurableShapeMemo(t);

/** Every shape below names no figure: a text with a digit is never one (most targets; answered with no memo). */
const HAS_DIGIT = /[0-9０-９]/;

const unmeasurableShapeMemo = memoByText((t: string): boolean => {
  // Longer texts are narratives, not targets (and the tests below stay linear on any text).
  if (t.length > 64) return false;
  const v = t.replace(/[。.,，、;；!！\s]+$/g, "").replace(/[\s]/g, "");
  if (v === "" || v.length > 60) return false;
  if (v.length <= 10 && !/[0-9]/.test(v) && DIRECTION_ONLY.test(v)) return true;
  if (v.length <= 24 && VAGUE_PROCEDURE.test(v)) return true;
  if (v.length <= 10 && VAGUE_TREND.test(v)) return true;
  if (v.length <= 40 && (VAGUE_QUESTION.test(v) || VAGUE_ASSESSMENT.test(v))) return true;
  return v.length >= 8 && VAGUE_SLOGAN.test(v) && !MEASURED.test(v);
}, 10_000, 64);

const wordIn = new WeakMap<readonly string[], (text: string) => string | undefined>();

/**
 * The first of the profile's vague words a compacted target holds: the words as one expression (one test per
 * text, `find` only on a hit), remembered per text (targets repeat: "≥95%", "100%" on row after row).
 */
function vagueWordIn(words: readonly string[]): (text: string) => string | undefined {
  let f = wordIn.get(words);
  if (!f) {
    const any = words.length === 0 ? /(?!)/ : new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
    f = memoByText((t) => (any.test(t) ? words.find((w) => t.includes(w)) : undefined), 10_000, 64);
    wordIn.set(words, f);
  }
  return f;
}

/**
 * Whole targets that say nothing measurable (the entire 指标值 is one of these words, compacted). [U] the list is
 * what real tables show, not a published list: a qualitative target names its standard (“达到国家二级标准”;
 * 合格, 达标 and 是 name one and pass).
 */
const BOILERPLATE: ReadonlySet<string> = new Set([
  "有效", "显著", "明显", "良好", "较好", "好", "优良中低差", "优良中差", "好中差",
  "提高", "提升", "改善", "增加", "减少", "明显改善", "明显提高", "有效提升", "有效改善", "逐步提高", "稳步提升",
]);

/**
 * A name that states an aim or an effect (改善人居环境, 促进经济发展, 社会效益) rather than something counted: a
 * percentage target on it ("≥95%") measures nothing, since there is no ratio to compute. [U] the word lists are
 * what real tables show; a name with any ratio word (…率, …度, 覆盖, 占比, 满意 …) passes.
 */
const AIM_WORD = /提高|提升|改善|促进|增强|保障|推动|带动|加强|优化|发挥|效益|效果|作用|影响|意识|水平|环境|氛围|形象|需求|稳定|秩序|齐抓共管/;
const RATIO_WORD = /率|度|比例|比重|占比|百分|份额|覆盖|进度|满意|合格|达标|完成|增长|增幅|下降|降低|减少|节约|到位|知晓|普及|参与|及时|准确|成活|入学|就业/;

/** True when a percentage target hangs on a name that names an aim with nothing to divide. */
export function percentOnAim(name: string): boolean {
  const n = compactLabel(name);
  return n.length > 0 && n.length <= 40 && AIM_WORD.test(n) && !RATIO_WORD.test(n);
}

/**
 * A name that states a procedure or a mechanism (按照物价部门定价标准采购; 通过注射疫苗，可以有效降低…的发生, real 50)
 * rather than a measure: a percentage on it has nothing to divide, whatever ratio words the sentence holds. A name
 * ending in a ratio noun (…率, …比例) names its measure and passes.
 */
const STATEMENT = /^(?:通过|按照|依照|依据|根据)|[,，](?:可以|能够)|可以有效|能够有效/;
const ENDS_IN_RATIO = /(?:率|比例|比重|占比)$/;

/** True when a percentage target hangs on a name that states a procedure or a mechanism. */
export function percentOnStatement(name: string): boolean {
  const n = compactLabel(name);
  return n.length > 0 && n.length <= 60 && STATEMENT.test(n) && !ENDS_IN_RATIO.test(n);
}

/** 二级 whose targets are figures, dates or rates by nature (数量, 时效, 成本 and its 2021 二级). */
const FIGURE_LEVEL2 = /^(?:数量|时效|成本|经济成本|社会成本|生态环境成本)指标$/;
/** Clause separators of a sentence; a text ending in 。 is one too. */
const CLAUSE = /[,，;；]/g;

/**
 * A target that is a narrative: a sentence (clauses, or a full stop) naming nothing measured (no figure, no 无/零/
 * 不发生), under a 二级 that expects a figure, or a string of three clauses or more under any. Linear; short texts
 * and long ones (over 64 characters, a description rather than a target) are left to the other shapes.
 */
export function narrative(t: string, level2: string | undefined): boolean {
  if (t.length < 8 || t.length > 64 || HAS_DIGIT.test(t) || MEASURED.test(t)) return false;
  const clauses = (t.replace(/[。.]+$/, "").match(CLAUSE)?.length ?? 0) + 1;
  if (clauses >= 3) return true;
  return level2 !== undefined && FIGURE_LEVEL2.test(level2) && (clauses >= 2 || /。$/.test(t));
}

/** A yes or a no as the whole target. */
const YES_NO = /^(?:是|否|有|无)$/;

/** A no as the whole answer: 否, 无, 没有, 不产生. */
const NO_ANSWER = /^(?:否|无|没有|不产生|不会)$/;

export const vague: Check = {
  id: "vague",
  codes: ["indicator.vague"],
  row(row, i, { table, profile, facts }, _state, emit) {
    if (row.placeholder || row.notApplicable) return;
    const text = fieldText(row, "target");
    if (text === "") return;
    const t = compactLabel(text);
    // A boilerplate target that is the whole value ("有效", "优良中低差", "明显改善"), or a direction, a procedure or a
    // slogan where a measure is expected ("能力持续提升", "符合相关规定", "做好…工作"): nothing to measure.
    if (BOILERPLATE.has(t) || unmeasurableShape(t)) {
      emit({
        ...say("indicator.vague", "boilerplate", { text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
      });
      return;
    }
    // A yes or a no for a cost (种薯采购价格不高于市场价 | 是, real 117): no amount or price to check the cost against.
    if (YES_NO.test(t) && isCostRow(facts.categories[i])) {
      emit({
        ...say("indicator.vague", "costYesNo", { name: fieldText(row, "name"), text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: "成本上限或单价（如“≤…元/…”）",
      });
      return;
    }
    // A sentence with no figure where one is expected (时效指标 "按时完成教学任务，顺利完成中考。"), or a string of slogans
    // (three clauses or more, none measured) for any target: a narrative, not a target.
    const level2 = facts.categories[i]?.level2;
    if (narrative(t, level2)) {
      emit({
        ...say("indicator.vague", "narrative", { text, level2: level2 && FIGURE_LEVEL2.test(level2) ? level2 : "该指标" }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
      });
      return;
    }
    const name = fieldText(row, "name");
    // A benefit asked as a yes/no question and answered no (是否产生经济价值 | 否): no effect is expected, a filler.
    if (NO_ANSWER.test(t) && /是否/.test(name) && facts.categories[i]?.level1 === "效益指标") {
      emit({
        ...say("indicator.vague", "noEffect", { name, text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: "可衡量的预期效益",
      });
      return;
    }
    // "≥95%" on an aim ("改善群众生活环境"): a figure, but of nothing that can be counted.
    const onAim = name !== "" && facts.target(i).unit === "%" && (percentOnAim(name) ? "percentOnAim" : percentOnStatement(name) ? "percentOnStatement" : undefined);
    if (onAim) {
      emit({
        ...say("indicator.vague", onAim, { name, text }),
        sheet: table.sheet,
        cell: fieldAddress(row, "target") as string,
        value: text,
        expected: "可计算的比率（……率）或可衡量的标准",
      });
      return;
    }
    const word = vagueWordIn(profile.vagueWords)(t);
    if (!word) return;
    emit({
      ...say("indicator.vague", "vagueWord", { text, word }),
      sheet: table.sheet,
      cell: fieldAddress(row, "target") as string,
      value: text,
    });
  },
};
