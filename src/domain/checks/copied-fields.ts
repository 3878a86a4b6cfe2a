/**
 * form.copied-field: a field of a form's head that repeats another field word for word (项目设立必要性 = 项目概况;
 * 保证项目实施的制度、措施 = 立项依据, real 120): the field says nothing of its own, and what it asks (why the project
 * is needed, what rules secure it) is not answered. A sheet check over label | text rows; the texts are compared with
 * punctuation and spacing aside, and a text cut short on the page (its last character garbled) is compared with the
 * start of the other. One finding per copying field, at its text.
 */
import { say } from "../catalog";
import { a1, type CellValue } from "../grid";
import { bare, labelText } from "./narratives";
import type { SheetCheck } from "./template-text";

/** The head's narrative fields that each ask something of their own. */
const FIELD_LABEL =
  /^(?:项目)?(?:概况|简介|基本情况|主要内容|内容)$|^(?:项目)?立项依据$|^(?:项目)?(?:设立的?)?必要性$|^(?:项目)?实施(?:的)?(?:计划|内容|方案|进度计划)$|^(?:保证项目实施的)?制度[、和及]?措施$|^(?:项目)?(?:中期|年度|总体|长期)(?:绩效)?目标$/;
/** Texts shorter than this (compared bare) are too short to call a copy. */
const MIN_LENGTH = 20;

interface Field {
  readonly label: string;
  /** Compared bare (punctuation and spacing aside). */
  readonly text: string;
  readonly cut: boolean;
  readonly cell: string;
}

/** A field's text as compared (bare), and whether the page cut it inside a character (its last one garbled: �). */
function uncut(raw: string): { text: string; cut: boolean } {
  return { text: bare(raw), cut: /\uFFFD$/.test(raw) };
}

function copies(a: string, aCut: boolean, b: string, bCut: boolean): boolean {
  if (a === b) return true;
  if (aCut && b.startsWith(a)) return true;
  return bCut && a.startsWith(b);
}

export const copiedFields: SheetCheck<Field[]> = {
  id: "copied-fields",
  codes: ["form.copied-field"],
  begin: (_ctx, reuse) => {
    if (reuse) {
      reuse.length = 0;
      return reuse;
    }
    return [];
  },
  row(cells: readonly CellValue[], r, { grid }, fields, emit) {
    let c = 0;
    while (c < cells.length && (cells[c] === null || cells[c] === undefined || cells[c] === "")) c++;
    if (c >= cells.length) return;
    const label = labelText(cells[c]);
    if (label === "" || !FIELD_LABEL.test(label)) return;
    let k = c + 1;
    while (k < cells.length && (typeof cells[k] !== "string" || (cells[k] as string).trim() === "")) k++;
    if (k >= cells.length) return;
    const raw = (cells[k] as string).trim();
    if (raw.length > 4000) return;
    const { text, cut } = uncut(raw);
    if (text.length < MIN_LENGTH) return;
    const cell = a1(grid.top + r, grid.left + k);
    for (const f of fields) {
      if (f.label === label) continue;
      if (!copies(f.text, f.cut, text, cut)) continue;
      emit({
        ...say("form.copied-field", "same", { label, other: f.label }),
        sheet: grid.sheet,
        cell,
        value: raw.length > 60 ? `${raw.slice(0, 60)}…` : raw,
        expected: `${label}本身的内容`,
      });
      return;
    }
    fields.push({ label, text, cut, cell });
  },
};
