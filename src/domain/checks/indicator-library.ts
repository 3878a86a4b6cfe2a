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

/** Pairs of adjacent characters: the "words" two names share. */
function pairs(s: string): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < s.length; k++) out.push(s.slice(k, k + 2));
  return out;
}

/** The library's entries by each pair of characters in their names. */
const BY_PAIR: ReadonlyMap<string, readonly LibraryEntry[]> = (() => {
  const m = new Map<string, LibraryEntry[]>();
  for (const e of INDICATOR_LIBRARY) {
    for (const p of new Set(pairs(e.name))) {
      const list = m.get(p);
      if (list) list.push(e);
      else m.set(p, [e]);
    }
  }
  return m;
})();

/** A name as the library compares it: compact, without numbering, brackets or punctuation. */
function normalized(raw: string): string {
  return compactLabel(raw)
    .replace(/^(?:指标)?[0-9]+[.、:：]?/, "")
    .replace(/[()（）[\]【】“”"'、，,.。:：;；\s]/g, "");
}

function place(raw: string): LikelyPlace | undefined {
  const name = normalized(raw);
  if (name.length < 2 || name.length > 60) return undefined;
  const candidates = new Set<LibraryEntry>();
  const shared = new Map<LibraryEntry, number>();
  for (const p of new Set(pairs(name))) {
    for (const e of BY_PAIR.get(p) ?? []) {
      shared.set(e, (shared.get(e) ?? 0) + 1);
      if (name.includes(e.name)) candidates.add(e);
    }
  }
  if (candidates.size > 0) {
    const inside = [...candidates];
    const kept = inside.filter((e) => !inside.some((o) => o !== e && o.name.length > e.name.length && o.name.includes(e.name)));
    kept.sort((a, b) => b.name.length - a.name.length);
    const best = kept[0];
    return { level1: best.level1, level2: best.level2, sure: kept.every((e) => e.level2 === best.level2), entry: best };
  }
  let best: LibraryEntry | undefined;
  let bestScore = 0;
  for (const [e, n] of shared) {
    const score = (2 * n) / (name.length - 1 + e.name.length - 1); // Dice coefficient on the pairs
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  return best && bestScore >= 0.5 ? { level1: best.level1, level2: best.level2, sure: false, entry: best } : undefined;
}

/** The name's most likely place in the framework, or undefined when the library has nothing like it. */
export const likelyPlace: (name: string) => LikelyPlace | undefined = memoByText(place, 20_000, 60);
