/** V7: template placeholders (`**`, `XX`, `指标2:`) left in a name or value, or a bare "……" row with a score. */
import { say } from "../catalog";
import type { Profile } from "../profiles/types";
import type { Ref } from "../tables/model";
import { fieldText, type RowField } from "../tables/rows";
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
  return isPlaceholderClean(cleanText(text), profile);
}

/** isPlaceholderText of a text already cleaned (a row's field text: fieldText gives it cleaned). */
export function isPlaceholderClean(t: string, profile: Profile): boolean {
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

const PLACEHOLDER_FIELDS = ["name", "target", "actual"] as const;

export const placeholder: Check = {
  id: "placeholder",
  codes: ["indicator.placeholder"],
  row(row, _i, { table, profile }, _state, emit) {
    if (row.notApplicable) return;
    // The field of this row's own finding, if any: a template row's name finding is said once.
    let saidOn: RowField | undefined;
    // Points of 0 carry nothing: a form that fills an unused slot with 0 marks it unused.
    const carriesScore = (row.weightNumber !== undefined && row.weightNumber !== 0) || (row.scoreNumber !== undefined && row.scoreNumber !== 0);
    for (const f of PLACEHOLDER_FIELDS) {
      const t = fieldText(row, f);
      if (!isPlaceholderClean(t, profile)) continue;
      // A template-numbered name (指标1) on a row that carries a value was filled in only halfway: said.
      if (row.placeholder && !carriesScore && fieldText(row, "target") === "" && fieldText(row, "actual") === "") continue;
      saidOn = f;
      const ref = row[f] as Ref; // the finding's cell
      // The template's hint left inside a filled indicator's name ("…数量( ≥**个 )" with 指标值 ">=20平方米",
      // real table 17): the row is filled; the name only still carries the hint. Worth a look, not 尚未填写.
      const target = fieldText(row, "target");
      const valueFilled = target !== "" && !isPlaceholderClean(target, profile);
      if (f === "name" && valueFilled && !row.placeholder && !isBarePlaceholder(t, profile)) {
        emit({
          ...say("indicator.placeholder", "hintInName", { name: t, target }),
          severity: "warning",
          sheet: table.sheet,
          cell: ref.address,
          value: t,
          expected: hintRemoved(t),
        });
        break;
      }
      emit({
        ...say("indicator.placeholder", "unfilled", { text: t }),
        sheet: table.sheet,
        cell: ref.address,
        value: t,
      });
      break;
    }
    if (row.placeholder && carriesScore && saidOn !== "name") {
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
