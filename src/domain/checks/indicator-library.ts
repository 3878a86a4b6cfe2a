/**
 * A 三级 name's most likely 二级 by the indicator vocabulary (profiles/indicator-library.ts): the entries whose words
 * the name contains. An entry inside a longer contained entry says nothing more (覆盖率 inside 森林覆盖率); the rest
 * must all name one 二级 for the answer to be sure. When no entry is contained, the entry sharing most pairs of
 * characters with the name gives the likely 二级, never a sure one.
 */
import { memoByText } from "../memo";
import { INDICATOR_LIBRARY, type LibraryEntry } from "../profiles/indicator-library";
import { compactLabel } from "../text";

export interface LikelyPlace {
  readonly level1: string;
  readonly level2: string;
  /** Every entry the name contains, after subsumption, names this 二级. */
  readonly sure: boolean;
  /** The entry that decided it (the longest contained one, or the closest). */
  readonly entry: LibraryEntry;
}

/**
 * The library's pairs of adjacent characters (the "words" two names share), numbered. A name's pairs are looked up
 * by their characters' numbers in typed arrays, with no string made per pair: a list of projects names each
 * project's place in its indicators (城关镇道路硬化受益人数（12）), so most names are new and each is compared
 * with the library once.
 */
/** Each character of the library's names by its UTF-16 code: its number, -1 for a character no entry has. */
const CHAR_NO = new Int16Array(65536).fill(-1);
let chars = 0;
for (const e of INDICATOR_LIBRARY) {
  for (let k = 0; k < e.name.length; k++) if (CHAR_NO[e.name.charCodeAt(k)] < 0) CHAR_NO[e.name.charCodeAt(k)] = chars++;
}
/** Each pair of character numbers (first × chars + second): its number, -1 for a pair no entry has. */
const PAIR_NO = new Int32Array(chars * chars).fill(-1);
/** The entries (indices in INDICATOR_LIBRARY) holding each pair, in the library's order. */
const PAIR_ENTRIES: Int32Array[] = [];
/** Each entry's number of distinct pairs: a name holding the entry holds all of them. */
const ENTRY_PAIRS = new Int32Array(INDICATOR_LIBRARY.length);
(() => {
  const lists: number[][] = [];
  INDICATOR_LIBRARY.forEach((e, id) => {
    for (let k = 0; k + 1 < e.name.length; k++) {
      const key = CHAR_NO[e.name.charCodeAt(k)] * chars + CHAR_NO[e.name.charCodeAt(k + 1)];
      if (PAIR_NO[key] < 0) {
        PAIR_NO[key] = lists.length;
        lists.push([]);
      }
      const list = lists[PAIR_NO[key]];
      if (list[list.length - 1] !== id) {
        list.push(id); // a pair twice in one name counts once
        ENTRY_PAIRS[id]++;
      }
    }
  });
  for (const list of lists) PAIR_ENTRIES.push(Int32Array.from(list));
})();

// Scratch for one call of `place` (it is not re-entered): per pair and per entry, the call that last touched it.
let call = 0;
const pairSeen = new Int32Array(PAIR_ENTRIES.length);
const entrySeen = new Int32Array(INDICATOR_LIBRARY.length);
const sharedPairs = new Int32Array(INDICATOR_LIBRARY.length);
/** The entries in the order a pair of the name first reached them. */
const touched = new Int32Array(INDICATOR_LIBRARY.length);

/** A name as the library compares it: compact, without numbering, brackets or punctuation. */
function normalized(raw: string): string {
  return compactLabel(raw)
    .replace(/^(?:指标)?[0-9]+[.、:：]?/, "")
    .replace(/[()（）[\]【】“”"'、，,.。:：;；\s]/g, "");
}

function place(raw: string): LikelyPlace | undefined {
  const name = normalized(raw);
  if (name.length < 2 || name.length > 60) return undefined;
  const c = ++call;
  let nTouched = 0;
  let mayContain = false;
  // Each distinct pair of the name, in the order it first occurs; each entry sharing it counted once per pair.
  let prev = CHAR_NO[name.charCodeAt(0)];
  for (let k = 1; k < name.length; k++) {
    const a = prev;
    const b = CHAR_NO[name.charCodeAt(k)];
    prev = b;
    if (a < 0 || b < 0) continue;
    const p = PAIR_NO[a * chars + b];
    if (p < 0 || pairSeen[p] === c) continue;
    pairSeen[p] = c;
    const list = PAIR_ENTRIES[p];
    for (let j = 0; j < list.length; j++) {
      const e = list[j];
      if (entrySeen[e] !== c) {
        entrySeen[e] = c;
        sharedPairs[e] = 0;
        touched[nTouched++] = e;
      }
      if (++sharedPairs[e] === ENTRY_PAIRS[e]) mayContain = true;
    }
  }
  if (mayContain) {
    // Only an entry whose every pair the name has can be inside it.
    const inside: LibraryEntry[] = [];
    for (let t = 0; t < nTouched; t++) {
      const e = touched[t];
      if (sharedPairs[e] === ENTRY_PAIRS[e] && name.includes(INDICATOR_LIBRARY[e].name)) inside.push(INDICATOR_LIBRARY[e]);
    }
    if (inside.length > 0) {
      // The entries not inside a longer contained one; the first of the longest decides, the rest must agree.
      const subsumed = (e: LibraryEntry): boolean => inside.some((o) => o !== e && o.name.length > e.name.length && o.name.includes(e.name));
      let best = inside[0];
      let bestLength = -1;
      for (const e of inside) {
        if (e.name.length > bestLength && !subsumed(e)) {
          best = e;
          bestLength = e.name.length;
        }
      }
      const sure = inside.every((e) => e.level2 === best.level2 || subsumed(e));
      return { level1: best.level1, level2: best.level2, sure, entry: best };
    }
  }
  let best: LibraryEntry | undefined;
  let bestScore = 0;
  for (let t = 0; t < nTouched; t++) {
    const e = INDICATOR_LIBRARY[touched[t]];
    const score = (2 * sharedPairs[touched[t]]) / (name.length - 1 + e.name.length - 1); // Dice coefficient on the pairs
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  return best && bestScore >= 0.5 ? { level1: best.level1, level2: best.level2, sure: false, entry: best } : undefined;
}

/**
 * The name's most likely place in the framework, or undefined when the library has nothing like it. A template's
 * names come back project after project and are answered from the memo; a list's names that carry the project's
 * place come once each, and a small memo (cleared every 500 names) costs them less than a large one would.
 */
export const likelyPlace: (name: string) => LikelyPlace | undefined = memoByText(place, 500, 60);

/** Per list of 二级: the names of the entries filed under one of them (made once per list). */
const NAMES_UNDER = new WeakMap<readonly string[], readonly string[]>();
/** The characters of the name being tested: the stamp of the call that last saw each (no set made per call). */
const charSeen = new Int32Array(65536);
let charCall = 0;

/**
 * False when likelyPlace(name) cannot be sure of one of `level2s`. A sure answer is an entry the name contains, so
 * the name holds every character of that entry (normalizing only drops characters of a compact name): one pass
 * over the name, then a look at each such entry's characters. Most names of a list are new and hold no such entry
 * (城关镇道路硬化受益人数（12） under 社会效益指标), and are not compared with the whole library.
 */
export function maySurelyPlace(name: string, level2s: readonly string[]): boolean {
  let names = NAMES_UNDER.get(level2s);
  if (names === undefined) {
    names = INDICATOR_LIBRARY.filter((e) => level2s.includes(e.level2)).map((e) => e.name);
    NAMES_UNDER.set(level2s, names);
  }
  if (charCall === 0x7fffffff) {
    charSeen.fill(0);
    charCall = 0;
  }
  const c = ++charCall;
  for (let k = 0; k < name.length; k++) charSeen[name.charCodeAt(k)] = c;
  for (const entry of names) {
    let all = true;
    for (let k = 0; k < entry.length && all; k++) all = charSeen[entry.charCodeAt(k)] === c;
    if (all) return true;
  }
  return false;
}
