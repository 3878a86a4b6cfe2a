/**
 * The indicator row model (指标行) that scales: a row is its index in the grid plus the table's column map.
 * Nothing is copied out of the grid when a row is read: a field's Ref (value, text, address) is made when it is
 * asked for (a finding that points at the cell, a front that shows it) and not kept. Hot paths read texts and
 * values through the accessors at the end of this file, which make no Ref at all and work on any IndicatorRow
 * (rows written as literals in tests and in JX.CHECK included).
 */
import type { CellValue } from "../grid";
import type { IndicatorField, IndicatorRow, Ref } from "./model";
import type { Cols, SheetGrid } from "./scan";

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

/** What the body reader found out about a row while reading it (kept on the row: numbers and flags). */
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

/**
 * An indicator row over the grid. The Ref fields of IndicatorRow are getters: each read makes a fresh Ref from
 * the grid (nothing is cached, so a table of a million rows keeps no cell objects alive). Read a field once
 * into a local when several of its parts are needed; read `textOf` / `valueOf` in loops over every row.
 */
export class GridRow implements IndicatorRow {
  /** 0-based absolute sheet row. */
  readonly row: number;
  readonly level1From: number;
  readonly level2From: number;
  readonly weightNumber: number | undefined;
  readonly scoreNumber: number | undefined;
  readonly notApplicable: boolean;
  readonly placeholder: boolean;
  readonly content: boolean;
  category: string | undefined = undefined;
  members: readonly IndicatorRow[] | undefined = undefined;
  memberOf: number | undefined = undefined;

  constructor(
    readonly columns: RowColumns,
    r: number,
    facts: RowFacts,
  ) {
    this.row = columns.sg.top + r;
    this.level1From = facts.level1From;
    this.level2From = facts.level2From;
    this.weightNumber = facts.weightNumber;
    this.scoreNumber = facts.scoreNumber;
    this.notApplicable = facts.notApplicable;
    this.placeholder = facts.placeholder;
    this.content = facts.content;
  }

  /** Grid-relative row. */
  get rel(): number {
    return this.row - this.columns.sg.top;
  }

  /** The grid-relative row a field's text comes from. */
  sourceRow(f: RowField): number {
    return f === "level1" ? this.level1From : f === "level2" ? this.level2From : this.row - this.columns.sg.top;
  }

  private refAt(c: number, from: number): Ref | undefined {
    return c < 0 ? undefined : this.columns.sg.refFrom(this.row - this.columns.sg.top, c, from, c);
  }

  private own(c: number): Ref | undefined {
    if (c < 0) return undefined;
    const r = this.row - this.columns.sg.top;
    return this.columns.sg.refFrom(r, c, r, c);
  }

  get level1(): Ref | undefined {
    return this.refAt(this.columns.level1, this.level1From);
  }
  get level2(): Ref | undefined {
    return this.refAt(this.columns.level2, this.level2From);
  }
  get name(): Ref | undefined {
    return this.own(this.columns.name);
  }
  get sign(): Ref | undefined {
    return this.own(this.columns.sign);
  }
  get target(): Ref | undefined {
    return this.own(this.columns.target);
  }
  get unit(): Ref | undefined {
    return this.own(this.columns.unit);
  }
  get actual(): Ref | undefined {
    return this.own(this.columns.actual);
  }
  get weight(): Ref | undefined {
    return this.own(this.columns.weight);
  }
  get score(): Ref | undefined {
    return this.own(this.columns.score);
  }
  get reason(): Ref | undefined {
    return this.own(this.columns.reason);
  }
  get standard(): Ref | undefined {
    return this.own(this.columns.standard);
  }
  get explain(): Ref | undefined {
    return this.own(this.columns.explain);
  }
  get note(): Ref | undefined {
    return this.own(this.columns.note);
  }

  /** True when the table has the field's column. */
  hasField(f: RowField): boolean {
    return this.columns.of(f) >= 0;
  }

  /** The field's text as its Ref would carry it; "" when blank or when the table has no such column. */
  textOf(f: RowField): string {
    const c = this.columns.of(f);
    return c < 0 ? "" : this.columns.sg.displayText(this.sourceRow(f), c);
  }

  /** The field's cell value (null when blank); undefined when the table has no such column. */
  valueOf(f: RowField): CellValue | undefined {
    const c = this.columns.of(f);
    return c < 0 ? undefined : this.columns.sg.cell(this.sourceRow(f), c);
  }

  /** The number format of the field's cell, when the host gave one. */
  formatOf(f: RowField): string | null | undefined {
    const c = this.columns.of(f);
    if (c < 0) return undefined;
    const from = this.sourceRow(f);
    const fmt = this.columns.sg.format(from, c);
    // As the Ref carries it: a cell of its own with no format or "General" has none (see SheetGrid.refFrom).
    return from === this.row - this.columns.sg.top && (fmt === null || fmt === "General") ? undefined : fmt;
  }

  /** True when the field's text was filled down from a cell above (一级/二级 of a merged or blank cell). */
  filledOf(f: RowField): boolean {
    return this.columns.of(f) >= 0 && this.sourceRow(f) !== this.row - this.columns.sg.top;
  }

  /** A1 address of the field's own cell (where a finding points), without making a Ref. */
  addressOf(f: RowField): string | undefined {
    const c = this.columns.of(f);
    return c < 0 ? undefined : this.columns.sg.addr(this.row - this.columns.sg.top, c);
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
