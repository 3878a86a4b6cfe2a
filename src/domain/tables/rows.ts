/**
 * The indicator row model (指标行) that scales: a row is its index in the grid plus the table's column map.
 * Nothing is copied out of the grid when a row is read: a field's Ref (value, text, address) is made when it is
 * asked for (a finding that points at the cell, a front that shows it) and not kept. Hot paths read texts and
 * values through the accessors at the end of this file, which make no Ref at all and work on any IndicatorRow
 * (rows written as literals in tests and in JX.CHECK included).
 */
import type { CellValue } from "../grid";
import type { IndicatorRow, Ref } from "./model";
import { CONTENT_FLAG, FIELD_ORDER, fieldNo, NOT_APPLICABLE_FLAG, PLACEHOLDER_FLAG, type RowField, RowStore } from "./row-store";

export { RowColumns, RowStore, type RowFacts, type RowField } from "./row-store";

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

  /** The Ref of field number k (FIELD_ORDER), its text from the row it is filled down from. */
  private ref(k: number): Ref | undefined {
    const s = this.store;
    return s.refOf(this.index, k, s.colOf[k], s.sourceAt(this.index, k));
  }

  get level1(): Ref | undefined {
    return this.ref(0);
  }
  get level2(): Ref | undefined {
    return this.ref(1);
  }
  get name(): Ref | undefined {
    return this.ref(2);
  }
  get sign(): Ref | undefined {
    return this.ref(3);
  }
  get target(): Ref | undefined {
    return this.ref(4);
  }
  get unit(): Ref | undefined {
    return this.ref(5);
  }
  get actual(): Ref | undefined {
    return this.ref(6);
  }
  get weight(): Ref | undefined {
    return this.ref(7);
  }
  get score(): Ref | undefined {
    return this.ref(8);
  }
  get reason(): Ref | undefined {
    return this.ref(9);
  }
  get standard(): Ref | undefined {
    return this.ref(10);
  }
  get explain(): Ref | undefined {
    return this.ref(11);
  }
  get note(): Ref | undefined {
    return this.ref(12);
  }

  /** True when the table has the field's column. */
  hasField(f: RowField): boolean {
    return this.store.colOf[fieldNo(f)] >= 0;
  }

  /** The field's text as its Ref would carry it; "" when blank or when the table has no such column. */
  textOf(f: RowField): string {
    const s = this.store;
    const k = fieldNo(f);
    const c = s.colOf[k];
    return c < 0 ? "" : s.textAt(this.index, k, c, s.sourceAt(this.index, k));
  }

  /** The field's cell value (null when blank); undefined when the table has no such column. */
  valueOf(f: RowField): CellValue | undefined {
    const s = this.store;
    const k = fieldNo(f);
    const c = s.colOf[k];
    return c < 0 ? undefined : s.sg.cell(s.sourceAt(this.index, k), c);
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

export const ROW_FIELDS: readonly RowField[] = FIELD_ORDER;

// ---------------------------------------------------------------------------------------------------------------
// Accessors for any IndicatorRow: no Ref made for a row read from the grid.

/** The field's text ("" when blank or absent): `row[f]?.text ?? ""` without making a Ref. */
export function fieldText(row: IndicatorRow, f: RowField): string {
  if (!(row instanceof GridRow)) return row[f]?.text ?? "";
  // The text read last of this field is this row's most of the time (the checks read a row's fields in turn).
  const s = row.store;
  const k = fieldNo(f);
  if (s.slotRow[k] === row.index) return s.slots[k];
  const c = s.colOf[k];
  return c < 0 ? "" : s.textAt(row.index, k, c, s.sourceAt(row.index, k));
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
