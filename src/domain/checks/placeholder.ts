/** V7: template placeholders (`**`, `XX`, `指标2:`) left in a name or value, or a bare "……" row with a score. */
import { say } from "../catalog";
import type { Profile } from "../profiles/types";
import { cleanText } from "../text";
import type { Check } from "./types";

const combined = new WeakMap<readonly string[], RegExp>();

/** The profile's placeholder patterns as one expression (one test per text instead of one per pattern). */
function placeholderRegExp(profile: Profile): RegExp {
  let r = combined.get(profile.placeholderPatterns);
  if (!r) {
    r = new RegExp(profile.placeholderPatterns.map((p) => `(?:${p})`).join("|"));
    combined.set(profile.placeholderPatterns, r);
  }
  return r;
}

/** True when the text still holds a template placeholder. */
export function isPlaceholderText(text: string, profile: Profile): boolean {
  const t = cleanText(text);
  return t !== "" && placeholderRegExp(profile).test(t);
}

/** A name that is nothing but a placeholder ("**", "XX", "指标2:"): never a filled indicator's name. */
function isBarePlaceholder(text: string, profile: Profile): boolean {
  return isPlaceholderText(text, profile) && hintRemoved(text) === "";
}

/** The name without the template's hint: "( ≥**个 )", "(≥**%)", "≥**人", "XX" removed. */
function hintRemoved(text: string): string {
  return cleanText(text)
    .replace(/[(（][^()（）]{0,20}?(?:\*\*|[Xx]{2,})[^()（）]{0,20}[)）]/g, "")
    .replace(/[≥≤><=≧≦]*=?\s*(?:\*\*|[Xx]{2,})\S{0,6}$/, "")
    .replace(/^\*+|\*+$/g, "")
    .trim();
}

export const placeholder: Check = {
  id: "placeholder",
  codes: ["indicator.placeholder"],
  row(row, _i, { table, profile }, _state, emit) {
    if (row.notApplicable) return;
    // The cell of this row's own finding, if any: a template row's name finding is said once.
    let saidAt: string | undefined;
    const carriesScore = row.weightNumber !== undefined || row.scoreNumber !== undefined;
    for (let k = 0; k < 3; k++) {
      const ref = k === 0 ? row.name : k === 1 ? row.target : row.actual;
      if (!ref || !isPlaceholderText(ref.text, profile)) continue;
      if (row.placeholder && !carriesScore) continue;
      saidAt = ref.address;
      // The template's hint left inside a filled indicator's name ("…数量( ≥**个 )" with 指标值 ">=20平方米",
      // real table 17): the row is filled; the name only still carries the hint. Worth a look, not 尚未填写.
      const valueFilled = row.target !== undefined && row.target.text !== "" && !isPlaceholderText(row.target.text, profile);
      if (k === 0 && valueFilled && !isBarePlaceholder(ref.text, profile)) {
        emit({
          ...say("indicator.placeholder", "hintInName", { name: ref.text, target: row.target?.text ?? "" }),
          severity: "warning",
          sheet: table.sheet,
          cell: ref.address,
          value: ref.text,
          expected: hintRemoved(ref.text),
        });
        break;
      }
      emit({
        ...say("indicator.placeholder", "unfilled", { text: ref.text }),
        sheet: table.sheet,
        cell: ref.address,
        value: ref.text,
      });
      break;
    }
    if (row.placeholder && carriesScore && !(saidAt !== undefined && saidAt === row.name?.address)) {
      const ref = row.name ?? row.weight ?? row.score;
      if (ref && !isPlaceholderText(ref.text, profile)) {
        emit({
          ...say("indicator.placeholder", "scoredTemplateRow"),
          sheet: table.sheet,
          cell: ref.address,
          value: ref.text,
        });
      }
    }
  },
};
