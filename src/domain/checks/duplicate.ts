/** The same indicator twice in one project (same 二级 and 三级 name). */
import { say } from "../catalog";
import { compactLabel } from "../text";
import type { IndicatorRow, IndicatorTable } from "../tables/model";
import { fieldAddress, fieldText } from "../tables/rows";
import type { Check } from "./types";

/** A name prefixed with the template's numbering ("指标1:"): the numbering is not part of the name. */
const NUMBERED = /^指标\d+[:：]/;

const BARE_FIGURE = /^[\d.,%]+$/;

/**
 * The first row of each name in a project. A project has a handful of names: they are kept in two arrays, looked
 * up in order, and the arrays are emptied for the next project; past SMALL names a Map takes over.
 */
class NamesSeen {
  private static readonly SMALL = 32;
  private readonly keys: string[] = [];
  private readonly rows: IndicatorRow[] = [];
  private map: Map<string, IndicatorRow> | undefined;

  clear(): this {
    this.keys.length = 0;
    this.rows.length = 0;
    this.map = undefined;
    return this;
  }

  get(key: string): IndicatorRow | undefined {
    if (this.map) return this.map.get(key);
    const k = this.keys.indexOf(key);
    return k < 0 ? undefined : this.rows[k];
  }

  set(key: string, row: IndicatorRow): void {
    if (this.map) this.map.set(key, row);
    else if (this.keys.length < NamesSeen.SMALL) {
      this.keys.push(key);
      this.rows.push(row);
    } else {
      this.map = new Map(this.keys.map((k, j) => [k, this.rows[j]]));
      this.map.set(key, row);
    }
  }
}

export const duplicate: Check<NamesSeen> = {
  id: "duplicate",
  codes: ["indicator.duplicate"],
  // First row of each name in the project; its address is only built when a repeat quotes it.
  begin: (_ctx, reuse) => (reuse ?? new NamesSeen()).clear(),
  row(row, _i, { table }, seen, emit) {
    if (row.placeholder) return;
    const text = fieldText(row, "name");
    if (text === "") return;
    const compact = compactLabel(text);
    const key = compact.startsWith("指标") ? compact.replace(NUMBERED, "") : compact;
    // A bare figure in the name cell ("0" on a form's not-applicable rows) names nothing: it cannot repeat a name.
    if (!key || BARE_FIGURE.test(key)) return;
    const firstRow = seen.get(key);
    if (firstRow === undefined) {
      seen.set(key, row);
      return;
    }
    const first = fieldAddress(firstRow, "name") as string;
    emit({
      ...say("indicator.duplicate", "repeats", { name: text, first }),
      sheet: table.sheet,
      cell: fieldAddress(row, "name") as string,
      value: text,
      expected: first,
    });
  },
};

/** An output target long enough to be a project's own description (采购拖拉机2台、收割机1台…), not a shared formula. */
const OWN_OUTPUT_LENGTH = 20;

/** Per list: the first project that declared each output text, and the cell it is in. */
const outputsSeen = new WeakMap<IndicatorTable, Map<string, { readonly project: string; readonly address: string }>>();

/**
 * Two projects of one list declaring the same output word for word (real 87: two projects of one village buying the
 * same tractors, harvester and drone): the same output is funded twice, or one project's target was copied. Only
 * 产出 targets long enough to describe something of the project's own are compared; shared wordings of 效益 and
 * 满意度 (受益群众满意度≥90%) are the form's, not a copy.
 */
export const sharedOutput: Check<Map<string, { readonly project: string; readonly address: string }>> = {
  id: "shared-output",
  codes: ["indicator.duplicate"],
  begin: ({ table }) => {
    let seen = outputsSeen.get(table);
    if (!seen) outputsSeen.set(table, (seen = new Map()));
    return seen;
  },
  row(row, i, { table, project, facts }, seen, emit) {
    if (table.layout !== "list" || row.placeholder || facts.categories[i].level1 !== "产出指标") return;
    const text = fieldText(row, "target");
    if (text.length < OWN_OUTPUT_LENGTH) return;
    const key = compactLabel(text);
    const name = project.info.name?.text ?? project.key;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, { project: name, address: fieldAddress(row, "target") as string });
      return;
    }
    if (first.project === name) return;
    emit({
      ...say("indicator.duplicate", "otherProject", { project: name, other: first.project, first: first.address }),
      sheet: table.sheet,
      cell: fieldAddress(row, "target") as string,
      value: text,
      expected: first.address,
    });
  },
};
