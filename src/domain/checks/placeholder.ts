/** V7: template placeholders (`**`, `XX`, `指标2:`) left in a name or value, or a bare "……" row with a score. */
import type { IssueDraft } from "../issues";
import type { Profile } from "../profiles/types";
import { cleanText } from "../text";
import type { ProjectCheck } from "./types";

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

export const placeholder: ProjectCheck = {
  id: "placeholder",
  codes: ["indicator.placeholder"],
  run(project, { table, profile }) {
    const out: IssueDraft[] = [];
    for (const row of project.indicators) {
      if (row.notApplicable) continue;
      const carriesScore = row.weightNumber !== undefined || row.scoreNumber !== undefined;
      for (let k = 0; k < 3; k++) {
        const ref = k === 0 ? row.name : k === 1 ? row.target : row.actual;
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
