/** V16: vague wording (有所提高, 明显, 进一步 …) where a figure is expected. */
import { say } from "../catalog";
import { compactLabel } from "../text";
import type { Check } from "./types";

const anyWord = new WeakMap<readonly string[], RegExp>();

/** The profile's vague words as one expression: one test per target, and `find` only on a hit. */
function anyVagueWord(words: readonly string[]): RegExp {
  let r = anyWord.get(words);
  if (!r) {
    r = words.length === 0 ? /(?!)/ : new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
    anyWord.set(words, r);
  }
  return r;
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

export const vague: Check = {
  id: "vague",
  codes: ["indicator.vague"],
  row(row, _i, { table, profile }, _state, emit) {
    if (row.placeholder || row.notApplicable) return;
    const ref = row.target && row.target.text !== "" ? row.target : undefined;
    if (!ref) return;
    const t = compactLabel(ref.text);
    // A boilerplate target that is the whole value ("有效", "优良中低差", "明显改善"): nothing to measure.
    if (BOILERPLATE.has(t)) {
      emit({
        ...say("indicator.vague", "boilerplate", { text: ref.text }),
        sheet: table.sheet,
        cell: ref.address,
        value: ref.text,
      });
      return;
    }
    if (!anyVagueWord(profile.vagueWords).test(t)) return;
    const word = profile.vagueWords.find((w) => t.includes(w));
    if (!word) return;
    emit({
      ...say("indicator.vague", "vagueWord", { text: ref.text, word }),
      sheet: table.sheet,
      cell: ref.address,
      value: ref.text,
    });
  },
};
