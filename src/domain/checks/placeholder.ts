/** V7: template placeholders (`**`, `XX`, `指标2:`) left in a name or value, or a bare "……" row with a score. */
import type { IssueDraft } from "../issues";
import type { Profile } from "../profiles/types";
import { cleanText } from "../text";
import type { ProjectCheck } from "./types";

const cache = new WeakMap<readonly string[], RegExp[]>();

function patterns(profile: Profile): RegExp[] {
  let r = cache.get(profile.placeholderPatterns);
  if (!r) {
    r = profile.placeholderPatterns.map((p) => new RegExp(p));
    cache.set(profile.placeholderPatterns, r);
  }
  return r;
}

const answers = new WeakMap<readonly string[], Map<string, boolean>>();

/** True when the text still holds a template placeholder (answers kept per pattern list: texts repeat). */
export function isPlaceholderText(text: string, profile: Profile): boolean {
  let known = answers.get(profile.placeholderPatterns);
  if (!known) {
    known = new Map();
    answers.set(profile.placeholderPatterns, known);
  }
  const hit = known.get(text);
  if (hit !== undefined) return hit;
  const t = cleanText(text);
  const found = t !== "" && patterns(profile).some((p) => p.test(t));
  if (known.size > 20000) known.clear();
  known.set(text, found);
  return found;
}

export const placeholder: ProjectCheck = {
  id: "placeholder",
  codes: ["indicator.placeholder"],
  run(project, { table, profile }) {
    const out: IssueDraft[] = [];
    for (const row of project.indicators) {
      if (row.notApplicable) continue;
      const carriesScore = row.weightNumber !== undefined || row.scoreNumber !== undefined;
      for (const ref of [row.name, row.target, row.actual]) {
        if (!ref || !isPlaceholderText(ref.text, profile)) continue;
        if (row.placeholder && !carriesScore) continue;
        out.push({
          code: "indicator.placeholder",
          sheet: table.sheet,
          cell: ref.address,
          value: ref.text,
          message: `“${ref.text}”是模板占位内容，尚未填写`,
          messageEn: `"${ref.text}" is a template placeholder that was never filled in`,
        });
        break;
      }
      if (row.placeholder && carriesScore && !out.some((i) => i.cell === row.name?.address)) {
        const ref = row.name ?? row.weight ?? row.score;
        if (ref && !isPlaceholderText(ref.text, profile)) {
          out.push({
            code: "indicator.placeholder",
            sheet: table.sheet,
            cell: ref.address,
            value: ref.text,
            message: "空白模板行却有分值或得分",
            messageEn: "an empty template row carries a weight or score",
          });
        }
      }
    }
    return out;
  },
};
