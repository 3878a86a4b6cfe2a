/**
 * Where the rows of one indicator body are kept: the table's columns for its rows, and per row (an index) its grid
 * row, fill-down sources, points, flags and category in typed arrays. See rows.ts for the row that reads them.
 */
import type { IndicatorField, IndicatorRow, Ref } from "./model";
import { type Cols, type SheetGrid, textOf } from "./scan";

/** The fields an indicator row holds a cell of (the project columns of a list belong to the project). */
export type RowField = Exclude<IndicatorField, "projectCode" | "projectName" | "department">;

/** The fields in the order of their numbers (fieldNo). */
export const FIELD_ORDER: readonly RowField[] = ["level1", "level2", "name", "sign", "target", "unit", "actual", "weight", "score", "reason", "standard", "explain", "note"];

/** The number of a field: its index in FIELD_ORDER (a switch on the literal, no keyed property lookup). */
export function fieldNo(f: RowField): number {
  switch (f) {
    case "level1":
      return 0;
    case "level2":
      return 1;
    case "name":
      return 2;
    case "sign":
      return 3;
    case "target":
      return 4;
    case "unit":
      return 5;
    case "actual":
      return 6;
    case "weight":
      return 7;
    case "score":
      return 8;
    case "reason":
      return 9;
    case "standard":
      return 10;
    case "explain":
      return 11;
    default:
      return 12;
  }
}

/** A table's columns for its rows, grid-relative (-1 when the table has no such column), with the grid. */
export class RowColumns {
  readonly level1: number;
  readonly level2: number;
  readonly name: number;
  readonly sign: number;
  readonly target: number;
  readonly unit: number;
  readonly actual: number;
  readonly weight: number;
  readonly score: number;
  readonly reason: number;
  readonly standard: number;
  readonly explain: number;
  readonly note: number;
  /** The columns by field number (the order of FIELD_ORDER), for the accessors' hot path. */
  readonly colOf: Int32Array;

  constructor(
    readonly sg: SheetGrid,
    cols: Cols<IndicatorField>,
  ) {
    this.level1 = cols.level1 ?? -1;
    this.level2 = cols.level2 ?? -1;
    this.name = cols.name ?? -1;
    this.sign = cols.sign ?? -1;
    this.target = cols.target ?? -1;
    this.unit = cols.unit ?? -1;
    this.actual = cols.actual ?? -1;
    this.weight = cols.weight ?? -1;
    this.score = cols.score ?? -1;
    this.reason = cols.reason ?? -1;
    this.standard = cols.standard ?? -1;
    this.explain = cols.explain ?? -1;
    this.note = cols.note ?? -1;
    // In FIELD_ORDER.
    this.colOf = Int32Array.of(this.level1, this.level2, this.name, this.sign, this.target, this.unit, this.actual, this.weight, this.score, this.reason, this.standard, this.explain, this.note);
  }

  /** The column of a field, -1 when the table has none. */
  of(f: RowField): number {
    return this.colOf[fieldNo(f)];
  }
}

/** What the body reader found out about a row while reading it (kept in the store: numbers and flags). */
export interface RowFacts {
  /** Grid-relative rows the 一级 / 二级 texts come from (the row itself unless filled down from above). */
  readonly level1From: number;
  readonly level2From: number;
  readonly weightNumber: number | undefined;
  readonly scoreNumber: number | undefined;
  readonly notApplicable: boolean;
  readonly placeholder: boolean;
  /** The row carries a target, an actual, a numeric weight or a numeric score. */
  readonly content: boolean;
}

const TEXT_AS_IS = 1;

export const NOT_APPLICABLE_FLAG = 1;
export const PLACEHOLDER_FLAG = 2;
export const CONTENT_FLAG = 4;

/**
 * The rows of one table body, column by column (a row is an index into these arrays): grid row, fill-down
 * sources, points and flags in typed arrays, the category as a code. About 30 bytes a row, nothing for the
 * garbage collector to trace. The Ref last made for each field is kept (one per field, not one per row), so a
 * check that reads `row.target` four times for one row makes one Ref.
 */
export class RowStore extends RowColumns {
  n = 0;
  private rel = new Int32Array(64);
  private l1From = new Int32Array(64);
  private l2From = new Int32Array(64);
  private weights = new Float64Array(64);
  private scores = new Float64Array(64);
  private flags = new Uint8Array(64);
  private cats = new Uint8Array(64);
  private readonly catNames: string[] = [];
  private readonly catCodes = new Map<string, number>();
  private lastCatName: string | undefined;
  private lastCatCode = 0;
  private members: Map<number, readonly IndicatorRow[]> | undefined;
  private memberOf: Map<number, number> | undefined;
  /** Per field: whether each row's text is known to be the cell's string as is (1 byte a row, no string kept). */
  private readonly textState: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(13).fill(undefined);
  /**
   * Per field, the row whose text was read last and that text: the checks read a row's fields about 29 times
   * while it is walked, and each read after the first is one comparison (13 strings held per table, not per row).
   */
  readonly slotRow = new Int32Array(13).fill(-1);
  readonly slots: string[] = new Array<string>(13).fill("");
  /** Per field, the cell string cleaned last and its cleaned text (one pair per field, not per row). */
  private readonly lastRaw: (string | undefined)[] = new Array<string | undefined>(13).fill(undefined);
  private readonly lastClean: string[] = new Array<string>(13).fill("");
  private readonly cacheAt = new Int32Array(13).fill(-1);
  private readonly cacheRef: (Ref | undefined)[] = new Array<Ref | undefined>(13).fill(undefined);

  /** Adds a row (grid-relative r) with what was learned reading it; returns its index. */
  add(r: number, f: RowFacts): number {
    const i = this.n;
    if (i === this.rel.length) this.grow(i * 2);
    this.rel[i] = r;
    this.l1From[i] = f.level1From;
    this.l2From[i] = f.level2From;
    this.weights[i] = f.weightNumber ?? NaN;
    this.scores[i] = f.scoreNumber ?? NaN;
    this.flags[i] = (f.notApplicable ? NOT_APPLICABLE_FLAG : 0) | (f.placeholder ? PLACEHOLDER_FLAG : 0) | (f.content ? CONTENT_FLAG : 0);
    this.n = i + 1;
    return i;
  }

  /** Gives back the room grown for rows that never came. */
  trim(): void {
    if (this.rel.length > this.n + 64) this.grow(this.n);
  }

  private grow(size: number): void {
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => {
      b.set(a.subarray(0, Math.min(a.length, b.length)));
      return b;
    };
    this.rel = copy(this.rel, new Int32Array(size));
    this.l1From = copy(this.l1From, new Int32Array(size));
    this.l2From = copy(this.l2From, new Int32Array(size));
    this.weights = copy(this.weights, new Float64Array(size));
    this.scores = copy(this.scores, new Float64Array(size));
    this.flags = copy(this.flags, new Uint8Array(size));
    this.cats = copy(this.cats, new Uint8Array(size));
  }

  relOf(i: number): number {
    return this.rel[i];
  }
  /** The grid-relative row a field of row i takes its text from. */
  sourceOf(i: number, f: RowField): number {
    return this.sourceAt(i, fieldNo(f));
  }
  /** sourceOf by field number. */
  sourceAt(i: number, k: number): number {
    return k === 0 ? this.l1From[i] : k === 1 ? this.l2From[i] : this.rel[i];
  }
  weightOf(i: number): number | undefined {
    const w = this.weights[i];
    return w === w ? w : undefined; // NaN: none
  }
  scoreOf(i: number): number | undefined {
    const s = this.scores[i];
    return s === s ? s : undefined;
  }
  flag(i: number, bit: number): boolean {
    return (this.flags[i] & bit) !== 0;
  }
  categoryOf(i: number): string | undefined {
    const k = this.cats[i];
    return k === 0 ? undefined : this.catNames[k - 1];
  }
  setCategory(i: number, name: string | undefined): void {
    if (name === undefined) {
      this.cats[i] = 0;
      return;
    }
    // Rows come in runs of one category: the last one's code is checked before the map.
    let k = name === this.lastCatName ? this.lastCatCode : this.catCodes.get(name);
    if (k === undefined) {
      if (this.catNames.length >= 255) throw new Error("too many categories");
      this.catNames.push(name);
      k = this.catNames.length;
      this.catCodes.set(name, k);
    }
    this.cats[i] = k;
    this.lastCatName = name;
    this.lastCatCode = k;
  }
  membersOf(i: number): readonly IndicatorRow[] | undefined {
    return this.members?.get(i);
  }
  setMembers(i: number, m: readonly IndicatorRow[] | undefined): void {
    if (m === undefined) this.members?.delete(i);
    else (this.members ??= new Map()).set(i, m);
  }
  memberOfRow(i: number): number | undefined {
    return this.memberOf?.get(i);
  }
  setMemberOf(i: number, row: number | undefined): void {
    if (row === undefined) this.memberOf?.delete(i);
    else (this.memberOf ??= new Map()).set(i, row);
  }

  /**
   * The display text of field k (column c) of row i, read from row `from`. A string the grid holds as shown is
   * returned as is (and known to be so at the next read); one that needs cleaning (full-width brackets, line
   * breaks) is cleaned when read. The text read last of each field is kept with its row, so that the checks,
   * which read a row's fields in turn while it is walked, clean a cell once; cleaned texts are not kept for
   * every row (a million-row list would keep a million strings alive with its result).
   */
  textAt(i: number, k: number, c: number, from: number): string {
    if (this.slotRow[k] === i) return this.slots[k];
    const t = this.readText(i, k, c, from);
    this.slotRow[k] = i;
    this.slots[k] = t;
    return t;
  }

  /** textAt without the last row's slot. */
  private readText(i: number, k: number, c: number, from: number): string {
    const v = this.sg.cell(from, c);
    if (typeof v !== "string") return this.sg.displayText(from, c);
    // A column repeats its cell text row after row (产出指标, ≥, %): the text cleaned last is the same text's.
    if (v === this.lastRaw[k]) return this.lastClean[k];
    const state = (this.textState[k] ??= new Uint8Array(this.rel.length));
    if (i < state.length && state[i] === TEXT_AS_IS) return v;
    const t = textOf(v);
    if (t === v && i < state.length) state[i] = TEXT_AS_IS;
    this.lastRaw[k] = v;
    this.lastClean[k] = t;
    return t;
  }

  /** The Ref of field k (column c) of row i, its text taken from row `from`; the last one per field is kept. */
  refOf(i: number, k: number, c: number, from: number): Ref | undefined {
    if (c < 0) return undefined;
    if (this.cacheAt[k] === i) return this.cacheRef[k];
    const ref = this.sg.refWithText(this.rel[i], c, from, c, this.textAt(i, k, c, from));
    this.cacheAt[k] = i;
    this.cacheRef[k] = ref;
    return ref;
  }
}
