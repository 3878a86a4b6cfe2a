/**
 * Traditional characters in the vocabulary of headers and labels (整體績效目標表, 指標, 預算, 萬元 …), mapped to
 * their simplified forms so that forms written in traditional characters are recognized like the others. Only the
 * characters of header, label and unit words are listed: enough to read a form, not a general converter.
 */

import type { Grid } from "../grid";

/** Pairs: traditional, simplified. */
const PAIRS =
  "標标體体績绩預预萬万總总額额產产數数質质時时滿满濟济會会態态續续響响稱称單单實实際际達达評评價价級级項项資资執执" +
  "門门編编碼码說说務务對对計计劃划導导環环經经費费財财撥拨結结轉转構构設设據据備备註注權权準准況况" +
  "採采購购調调備备覈核審审報报規规劃划儲储營营運运銷销領领域域區区縣县鄉乡鎮镇農农業业職职務务負负責责" +
  "電电話话聯联繫系據据類类別别備备註注號号碼码與与於于為为來来這这個个們们問问題题進进續续" +
  // the words of names, values and narratives (显著提高, 维护, 养护, 验收, 卫生, 医疗, 学校, 补贴, 户数 …)
  "圍围織织顯显護护養养驗验檢检衛卫醫医療疗學学補补貼贴戶户億亿歲岁傳传廣广場场車车動动圖图書书當当應应無无線线網网" +
  "發发後后處处專专開开關关長长張张條条極极優优範范礎础維维修修覆覆蓋盖積积體体礙碍險险災灾歷历屆届舉举參参" +
  "獎奖勵励紀纪錄录證证據据將将變变須须無无給给僅仅檔档機机構构隊队員员較较狀状況况盡尽愛爱歡欢讓让顧顾識识釋释認认鑒鉴" +
  // the management questions of a self-evaluation (是否實行國庫集中支付, 財政雙控賬戶, real 123)
  "國国庫库雙双賬账";

const MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < PAIRS.length; i += 2) if (PAIRS[i] !== PAIRS[i + 1]) m.set(PAIRS[i], PAIRS[i + 1]);
  return m;
})();

/** Every traditional character of the table, for a character-class test. */
export const TRADITIONAL_CHARS: string = [...MAP.keys()].join("");

const HAS_TRADITIONAL = new RegExp(`[${TRADITIONAL_CHARS}]`);

/** True when the text holds a traditional character of the vocabulary. */
export function hasTraditional(s: string): boolean {
  return HAS_TRADITIONAL.test(s);
}

/** The text with the vocabulary's traditional characters in simplified form (other characters unchanged). */
export function toSimplified(s: string): string {
  if (!HAS_TRADITIONAL.test(s)) return s;
  let out = "";
  for (const ch of s) out += MAP.get(ch) ?? ch;
  return out;
}

/** Rows looked at, and cells with a traditional character needed, before a sheet is read as written in them. */
const SAMPLE_ROWS = 400;
const MIN_CELLS = 3;

/**
 * A sheet written in traditional characters (a mirror's conversion, a Big5 export) read with their simplified
 * forms, so that its words (labels, placeholders, vague wording, template text) are the ones every rule knows. A
 * sheet is converted when its first rows hold a few cells with the vocabulary's traditional characters; any
 * other sheet is returned as it is (no copy).
 */
export function simplifiedGrid(g: Grid): Grid {
  const values = g.values;
  let found = 0;
  for (let r = 0; r < values.length && r < SAMPLE_ROWS && found < MIN_CELLS; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    for (const v of row) if (typeof v === "string" && HAS_TRADITIONAL.test(v) && ++found >= MIN_CELLS) break;
  }
  if (found < MIN_CELLS) return g;
  return { ...g, values: values.map((row) => (Array.isArray(row) ? row.map((v) => (typeof v === "string" ? toSimplified(v) : v)) : row)) };
}

/** The simplified form of one traditional character, or undefined. */
export function simplifiedOf(ch: string): string | undefined {
  return MAP.get(ch);
}
