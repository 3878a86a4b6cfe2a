/**
 * The indicator row model (指标行) that scales: a row is its index in the grid plus the table's column map.
 * Nothing is copied out of the grid when a row is read: a field's Ref (value, text, address) is made when it is
 * asked for (a finding that points at the cell, a front that shows it) and not kept. Hot paths read texts and
 * values through the accessors at the end of this file, which make no Ref at all and work on any IndicatorRow
 * (rows written as literals in tests and in JX.CHECK included).
 */
import type { CellValue } from "../grid";
import type { IndicatorField, IndicatorRow, Ref } from "./model";
import { type Cols, type SheetGrid, textOf } from "./scan";

/** The fields an indicator row holds a cell of (the project columns of a list belong to the project). */
export type RowField = Exclude<IndicatorField, "projectCode" | "projectName" | "department">;

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
  }

  /** The column of a field, -1 when the table has none. */
  of(f: RowField): number {
    switch (f) {
      case "level1":
        return this.level1;
      case "level2":
        return this.level2;
      case "name":
        return this.name;
      case "sign":
        return this.sign;
      case "target":
        return this.target;
      case "unit":
        return this.unit;
      case "actual":
        return this.actual;
      case "weight":
        return this.weight;
      case "score":
        return this.score;
      case "reason":
        return this.reason;
      case "standard":
        return this.standard;
      case "explain":
        return this.explain;
      default:
        return this.note;
    }
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
const TEXT_CLEANED = 2;
/** Characters of cleaned texts a table keeps at most (then texts are cleaned again when read). */
const CLEANED_BUDGET = 1 << 24;

const NOT_APPLICABLE_FLAG = 1;
const PLACEHOLDER_FLAG = 2;
const CONTENT_FLAG = 4;
/** Field numbers of the Ref cache. */
const LEVEL1 = 0;
const LEVEL2 = 1;

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
  private members: Map<number, readonly IndicatorRow[]> | undefined;
  private memberOf: Map<number, number> | undefined;
  /** Per field: whether each row's text is the cell's string as is, or cleaned and kept in `cleaned`. */
  private readonly textState: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(13).fill(undefined);
  private readonly cleaned: ((string | undefined)[] | undefined)[] = new Array<(string | undefined)[] | undefined>(13).fill(undefined);
  private cleanedChars = 0;
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
    return f === "level1" ? this.l1From[i] : f === "level2" ? this.l2From[i] : this.rel[i];
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
    let k = this.catCodes.get(name);
    if (k === undefined) {
      if (this.catNames.length >= 255) throw new Error("too many categories");
      this.catNames.push(name);
      k = this.catNames.length;
      this.catCodes.set(name, k);
    }
    this.cats[i] = k;
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
   * returned as is; one that needs cleaning (full-width brackets, line breaks) is cleaned once and remembered
   * for that cell, within a bound on the characters held, so that every check reading it does not clean it again.
   */
  textAt(i: number, k: number, c: number, from: number): string {
    const v = this.sg.cell(from, c);
    if (typeof v !== "string") return this.sg.displayText(from, c);
    const state = (this.textState[k] ??= new Uint8Array(this.rel.length));
    if (i < state.length) {
      const s = state[i];
      if (s === TEXT_AS_IS) return v;
      if (s === TEXT_CLEANED) return (this.cleaned[k] as (string | undefined)[])[i] as string;
    }
    const t = textOf(v);
    if (i < state.length) {
      if (t === v) state[i] = TEXT_AS_IS;
      else if (this.cleanedChars + t.length <= CLEANED_BUDGET) {
        const arr = (this.cleaned[k] ??= new Array<string | undefined>(state.length));
        arr[i] = t;
        state[i] = TEXT_CLEANED;
        this.cleanedChars += t.length;
      }
    }
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

/**
 * An indicator row over the grid: its table's store and its index there (two fields). The Ref fields of
 * IndicatorRow are getters that make the Ref from the grid when read; read `textOf` / `valueOf` (or the free
 * functions below) in loops over every row.
 */
export class GridRow implements IndicatorRow {
  constructor(
    readonly store: RowStore,
    readonly index: number,
  ) {}

  /** 0-based absolute sheet row. */
  get row(): number {
    return this.store.sg.top + this.store.relOf(this.index);
  }
  get weightNumber(): number | undefined {
    return this.store.weightOf(this.index);
  }
  get scoreNumber(): number | undefined {
    return this.store.scoreOf(this.index);
  }
  get notApplicable(): boolean {
    return this.store.flag(this.index, NOT_APPLICABLE_FLAG);
  }
  get placeholder(): boolean {
    return this.store.flag(this.index, PLACEHOLDER_FLAG);
  }
  /** The row carries a target, an actual, a numeric weight or a numeric score. */
  get content(): boolean {
    return this.store.flag(this.index, CONTENT_FLAG);
  }
  get category(): string | undefined {
    return this.store.categoryOf(this.index);
  }
  set category(name: string | undefined) {
    this.store.setCategory(this.index, name);
  }
  get members(): readonly IndicatorRow[] | undefined {
    return this.store.membersOf(this.index);
  }
  set members(m: readonly IndicatorRow[] | undefined) {
    this.store.setMembers(this.index, m);
  }
  get memberOf(): number | undefined {
    return this.store.memberOfRow(this.index);
  }
  set memberOf(row: number | undefined) {
    this.store.setMemberOf(this.index, row);
  }

  private own(k: number, c: number): Ref | undefined {
    return this.store.refOf(this.index, k, c, this.store.relOf(this.index));
  }

  get level1(): Ref | undefined {
    return this.store.refOf(this.index, LEVEL1, this.store.level1, this.store.sourceOf(this.index, "level1"));
  }
  get level2(): Ref | undefined {
    return this.store.refOf(this.index, LEVEL2, this.store.level2, this.store.sourceOf(this.index, "level2"));
  }
  get name(): Ref | undefined {
    return this.own(2, this.store.name);
  }
  get sign(): Ref | undefined {
    return this.own(3, this.store.sign);
  }
  get target(): Ref | undefined {
    return this.own(4, this.store.target);
  }
  get unit(): Ref | undefined {
    return this.own(5, this.store.unit);
  }
  get actual(): Ref | undefined {
    return this.own(6, this.store.actual);
  }
  get weight(): Ref | undefined {
    return this.own(7, this.store.weight);
  }
  get score(): Ref | undefined {
    return this.own(8, this.store.score);
  }
  get reason(): Ref | undefined {
    return this.own(9, this.store.reason);
  }
  get standard(): Ref | undefined {
    return this.own(10, this.store.standard);
  }
  get explain(): Ref | undefined {
    return this.own(11, this.store.explain);
  }
  get note(): Ref | undefined {
    return this.own(12, this.store.note);
  }

  /** True when the table has the field's column. */
  hasField(f: RowField): boolean {
    return this.store.of(f) >= 0;
  }

  /** The field's text as its Ref would carry it; "" when blank or when the table has no such column. */
  textOf(f: RowField): string {
    const c = this.store.of(f);
    return c < 0 ? "" : this.store.textAt(this.index, FIELD_NUMBER[f], c, this.store.sourceOf(this.index, f));
  }

  /** The field's cell value (null when blank); undefined when the table has no such column. */
  valueOf(f: RowField): CellValue | undefined {
    const c = this.store.of(f);
    return c < 0 ? undefined : this.store.sg.cell(this.store.sourceOf(this.index, f), c);
  }

  /** The number format of the field's cell, when the host gave one. */
  formatOf(f: RowField): string | null | undefined {
    const c = this.store.of(f);
    if (c < 0) return undefined;
    const from = this.store.sourceOf(this.index, f);
    const fmt = this.store.sg.format(from, c);
    // As the Ref carries it: a cell of its own with no format or "General" has none (see SheetGrid.refFrom).
    return from === this.store.relOf(this.index) && (fmt === null || fmt === "General") ? undefined : fmt;
  }

  /** True when the field's text was filled down from a cell above (一级/二级 of a merged or blank cell). */
  filledOf(f: RowField): boolean {
    return this.store.of(f) >= 0 && this.store.sourceOf(this.index, f) !== this.store.relOf(this.index);
  }

  /** A1 address of the field's own cell (where a finding points), without making a Ref. */
  addressOf(f: RowField): string | undefined {
    const c = this.store.of(f);
    return c < 0 ? undefined : this.store.sg.addr(this.store.relOf(this.index), c);
  }

  /** Plain data, as the rows were before they were read lazily (JSON output, debugging). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { row: this.row };
    for (const f of ROW_FIELDS) {
      const ref = this[f];
      if (ref) out[f] = ref;
    }
    out.weightNumber = this.weightNumber;
    out.scoreNumber = this.scoreNumber;
    out.notApplicable = this.notApplicable;
    out.placeholder = this.placeholder;
    if (this.category !== undefined) out.category = this.category;
    if (this.members !== undefined) out.members = this.members;
    if (this.memberOf !== undefined) out.memberOf = this.memberOf;
    return out;
  }
}

export const ROW_FIELDS: readonly RowField[] = ["level1", "level2", "name", "sign", "target", "unit", "actual", "weight", "score", "reason", "standard", "explain", "note"];

/** Field numbers of the per-field caches (the order of ROW_FIELDS). */
const FIELD_NUMBER: Readonly<Record<RowField, number>> = {
  level1: 0,
  level2: 1,
  name: 2,
  sign: 3,
  target: 4,
  unit: 5,
  actual: 6,
  weight: 7,
  score: 8,
  reason: 9,
  standard: 10,
  explain: 11,
  note: 12,
};

// ---------------------------------------------------------------------------------------------------------------
// Accessors for any IndicatorRow: no Ref made for a row read from the grid.

/** The field's text ("" when blank or absent): `row[f]?.text ?? ""` without making a Ref. */
export function fieldText(row: IndicatorRow, f: RowField): string {
  return row instanceof GridRow ? row.textOf(f) : (row[f]?.text ?? "");
}

/** The field's value (null when blank; undefined when the table has no such column). */
export function fieldValue(row: IndicatorRow, f: RowField): CellValue | undefined {
  return row instanceof GridRow ? row.valueOf(f) : row[f]?.value;
}

/** The field's number format, when the host gave one. */
export function fieldFormat(row: IndicatorRow, f: RowField): string | null | undefined {
  return row instanceof GridRow ? row.formatOf(f) : row[f]?.numberFormat;
}

/** True when the table has the field's column (`row[f] !== undefined`). */
export function hasField(row: IndicatorRow, f: RowField): boolean {
  return row instanceof GridRow ? row.hasField(f) : row[f] !== undefined;
}

/** True when the field's text was filled down from a cell above (`row[f]?.filled`). */
export function fieldFilled(row: IndicatorRow, f: RowField): boolean {
  return row instanceof GridRow ? row.filledOf(f) : row[f]?.filled === true;
}

/** A1 address of the field's cell (`row[f]?.address`). */
export function fieldAddress(row: IndicatorRow, f: RowField): string | undefined {
  return row instanceof GridRow ? row.addressOf(f) : row[f]?.address;
}
