/** V16: vague wording (有所提高, 明显, 进一步 …) where a figure is expected. */
import type { IssueDraft } from "../issues";
import { compactLabel } from "../text";
import type { ProjectCheck } from "./types";

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

export const vague: ProjectCheck = {
  id: "vague",
  codes: ["indicator.vague"],
  run(project, { table, profile }) {
    const out: IssueDraft[] = [];
    for (const row of project.indicators) {
      if (row.placeholder || row.notApplicable) continue;
      const ref = row.target && row.target.text !== "" ? row.target : undefined;
      if (!ref) continue;
      const t = compactLabel(ref.text);
      if (!anyVagueWord(profile.vagueWords).test(t)) continue;
      const word = profile.vagueWords.find((w) => t.includes(w));
      if (!word) continue;
      out.push({
        code: "indicator.vague",
        sheet: table.sheet,
        cell: ref.address,
        value: ref.text,
        message: `指标值“${ref.text}”含模糊表述“${word}”，宜改为可衡量的数值`,
        messageEn: `target "${ref.text}" uses vague wording ("${word}"); give a measurable figure`,
      });
    }
    return out;
  },
};
