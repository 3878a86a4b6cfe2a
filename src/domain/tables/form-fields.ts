/**
 * The form's own fields above an indicator block (项目名称, 主管部门, 实施单位 …) and its title rows.
 */
import { compactLabel } from "../text";
import { type FundsBlock, type ProjectInfo, type Ref } from "./model";
import { type FormField, isFundsTitle, isOtherFormLabel, matchFormLabel } from "./synonyms";
import { type Mutable, SheetGrid } from "./scan";
import { readFunds } from "./funds";

const SIGNATURE = /盖章|签字|签名|签章/;

export function readFormContext(
  sg: SheetGrid,
  from: number,
  headerRow: number,
): { info: ProjectInfo; funds?: FundsBlock; startRow: number; spanRows: number[] } {
  const start = Math.max(0, from);
  // Last 项目名称 label above the header starts this form's fields.
  let nameRow = -1;
  const labels: { r: number; c: number; f: FormField }[] = [];
  for (let r = start; r < headerRow; r++) {
    const w = sg.rowWidth(r);
    for (let c = 0; c < w; c++) {
      const n = sg.norm(r, c);
      if (n === "") continue;
      const f = matchFormLabel(n);
      if (!f) continue;
      // A place for a stamp or a signature left blank (单位(盖章): under the title) is signed on paper, not typed:
      // no field. Filled (实施单位(盖章) | 青神县发展和改革局, real 11), it is read.
      if (SIGNATURE.test(sg.text(r, c)) && (valueRight(sg, r, c)?.text ?? "") === "") continue;
      if (f === "name") {
        // A second 项目名称 starts another form: the labels of the earlier one are dropped. The labels above the first
        // (项目责任人: | | 单位(盖章): under the title, real 85) are this form's.
        if (nameRow >= 0) labels.length = 0;
        nameRow = r;
      }
      labels.push({ r, c, f });
    }
  }
  const fieldsFrom = labels.length > 0 ? Math.min(labels[0].r, nameRow >= 0 ? nameRow : labels[0].r) : nameRow >= 0 ? nameRow : headerRow;
  const info: Mutable<ProjectInfo> = {};
  for (const l of labels) {
    if (l.r < fieldsFrom) continue;
    const v = valueRight(sg, l.r, l.c);
    if (!v) continue;
    switch (l.f) {
      case "name":
        info.name ??= v;
        break;
      case "code":
        info.code ??= v;
        break;
      case "department":
        info.department ??= v;
        break;
      case "unit":
        info.unit ??= v;
        break;
      case "contact":
        info.contact ??= v;
        break;
      case "year": {
        const y = /((?:19|20)\d{2})/.exec(v.text);
        if (y && info.year === undefined) info.year = y[1];
        break;
      }
      default:
        break;
    }
  }
  // Title rows just above the fields (项目支出绩效自评表, (2022年度)).
  let startRow = fieldsFrom;
  for (let r = fieldsFrom - 1; r >= start && r >= fieldsFrom - 4; r--) {
    if (!isTitleRow(sg, r)) break;
    startRow = r;
  }
  for (let r = startRow; r < fieldsFrom && info.year === undefined; r++) {
    const t = sg.text(r, sg.firstNonBlank(r));
    const y = /((?:19|20)\d{2})\s*年/.exec(t);
    if (y) info.year = y[1];
  }
  // Funds block between the fields and the header; a form with none of the fields above (a 部门整体 self-evaluation
  // headed 单位名称 only) may still have one: then it is looked for from the context's start.
  let funds: FundsBlock | undefined;
  const spanRows: number[] = [];
  const fundsFrom = fieldsFrom < headerRow ? fieldsFrom : start;
  for (let r = fundsFrom; r < headerRow; r++) {
    if (labels.some((l) => l.r === r)) spanRows.push(r);
    const c = sg.firstNonBlank(r);
    if (c < 0) continue;
    if (funds === undefined && isFundsTitle(sg.norm(r, c))) {
      const fb = readFunds(sg, r, c, headerRow);
      if (fb) {
        funds = fb.block;
        spanRows.push(fb.headerRow);
        if (r < startRow) startRow = r;
      }
    }
  }
  return { info, funds, startRow, spanRows };
}

export function isTitleRow(sg: SheetGrid, r: number): boolean {
  const c = sg.firstNonBlank(r);
  if (c < 0) return false;
  let n = 0;
  for (let k = c; k < sg.rowWidth(r); k++) if (!sg.blank(r, k)) n++;
  if (n > 2) return false;
  const t = compactLabel(sg.text(r, c));
  return /表|年度|报表编号|编号|\d{4}年|单位[:：]/.test(t) && t.length <= 80;
}

/** The value of a form label: first non-blank cell to its right before another label; else the adjacent cell. */
export function valueRight(sg: SheetGrid, r: number, c: number): Ref | undefined {
  const m = sg.mergeAt.get(sg.key(r, c));
  const first = m ? m.right + 1 : c + 1;
  const w = sg.rowWidth(r);
  for (let k = first; k < w; k++) {
    if (sg.blank(r, k)) continue;
    const n = sg.norm(r, k);
    if (n !== "" && (matchFormLabel(n) || isOtherFormLabel(n))) break;
    return sg.ref(r, k);
  }
  return first < sg.width ? sg.ref(r, first) : undefined;
}
