/**
 * The groups of an indicator body: one per project (a form has one; a list starts a new one whenever the project
 * code or name changes, and a project met again further down goes back to its group), each with its rows, its
 * "(30分)" subtotals and its total and grade.
 */
import type { IndicatorProject, ProjectInfo, Ref } from "./model";
import type { Categories } from "./row-categories";
import type { GridRow } from "./rows";
import type { CellValue } from "../grid";
import { type SheetGrid, textOf } from "./scan";

export interface SubtotalDraft {
  label: string;
  points: number;
  ref: Ref;
  startRel: number;
  lastRow: number;
}

export interface Group {
  key: string;
  /** A list project's code text, else its name text, as their Refs would carry them (the project's key). */
  keyText: string;
  info: ProjectInfo;
  rows: GridRow[];
  /** Some row is a placeholder (a template row left as is). */
  placeholders: boolean;
  subtotals: SubtotalDraft[];
  openSubtotal: SubtotalDraft | undefined;
  lastRel: number;
  total: IndicatorProject["total"] | undefined;
  grade: Ref | undefined;
}

/** A body as it is read (see Body). */
export interface BodyDraft {
  groups: Group[];
  lastRow: number;
  totalLabelCol: number;
  total?: IndicatorProject["total"];
  grade?: Ref;
}

export interface Body extends BodyDraft {
  /** The framework and whether the table is an evaluation, the rows' categories set. */
  readonly categories: Categories;
}

/** Ends a group's open "(30分)" subtotal at the group's last row so far. */
export function closeSubtotal(g: Group | undefined, top: number): void {
  if (!g || !g.openSubtotal) return;
  g.openSubtotal.lastRow = top + Math.max(g.openSubtotal.startRel, g.lastRel);
  if (g.subtotals === NO_SUBTOTALS) g.subtotals = [];
  g.subtotals.push(g.openSubtotal);
  g.openSubtotal = undefined;
}

/** The subtotals of a group that has none (most): shared, and replaced by the group's own array at its first. */
const NO_SUBTOTALS: SubtotalDraft[] = [];

/**
 * The groups of a body by key. Lists usually come sorted by project: a key above every key met so far is new,
 * known without a lookup, and the key equal to the highest is that group. The map of keys is built only when a
 * key comes out of order (a project met again, or an unsorted list), from the groups made so far.
 */
export class GroupIndex {
  private map: Map<string, Group> | undefined;
  /** groups[0, indexed) are in the map. */
  private indexed = 0;
  private maxGroup: Group | undefined;

  constructor(private readonly body: BodyDraft) {}

  /** The group under `key`; undefined when there is none yet. */
  get(key: string): Group | undefined {
    const max = this.maxGroup;
    if (max === undefined || key > max.key) return undefined;
    if (key === max.key) return max;
    const map = (this.map ??= new Map<string, Group>());
    const groups = this.body.groups;
    for (; this.indexed < groups.length; this.indexed++) map.set(groups[this.indexed].key, groups[this.indexed]);
    return map.get(key);
  }

  /** A new group under `key` (not in the index yet), at the end of the body. */
  add(key: string, info: ProjectInfo, keyText = ""): Group {
    const g: Group = { key, keyText, info, rows: [], placeholders: false, subtotals: NO_SUBTOTALS, openSubtotal: undefined, lastRel: -1, total: undefined, grade: undefined };
    this.body.groups.push(g);
    if (this.maxGroup === undefined || key > this.maxGroup.key) this.maxGroup = g;
    return g;
  }
}

/**
 * The project columns of a list row: a project's code, name and department, each filled down from the row that
 * last wrote it. The Refs are made when the project's info is read, not per project met.
 */
class ListProjectInfo implements ProjectInfo {
  constructor(
    private readonly sg: SheetGrid,
    private readonly r: number,
    private readonly codeCol: number,
    private readonly codeFrom: number,
    private readonly nameCol: number,
    private readonly nameFrom: number,
    private readonly deptCol: number,
    private readonly deptFrom: number,
  ) {}

  private at(c: number, from: number): Ref | undefined {
    return c < 0 ? undefined : this.sg.refFrom(this.r, c, from < 0 ? this.r : from, c);
  }

  get code(): Ref | undefined {
    return this.at(this.codeCol, this.codeFrom);
  }
  get name(): Ref | undefined {
    return this.at(this.nameCol, this.nameFrom);
  }
  get department(): Ref | undefined {
    return this.at(this.deptCol, this.deptFrom);
  }
  /** The list row these fields are read at (the Refs' row; filled-down texts come from rows above). */
  get row(): number | undefined {
    return this.codeCol >= 0 || this.nameCol >= 0 || this.deptCol >= 0 ? this.sg.top + this.r : undefined;
  }

  toJSON(): ProjectInfo {
    const out: { -readonly [K in keyof ProjectInfo]: ProjectInfo[K] } = {};
    if (this.codeCol >= 0) out.code = this.code;
    if (this.nameCol >= 0) out.name = this.name;
    if (this.deptCol >= 0) out.department = this.department;
    return out;
  }
}

/** Equal to no cell value. */
const NO_CELL: unique symbol = Symbol("no cell");

/** Follows the project of a list's rows (项目编码 / 项目名称 / 主管部门 columns, filled down). */
export class ListProjects {
  private curCode = "";
  private curName = "";
  /** Rows the code, name and department come from (-1: none). */
  private codeSrc = -1;
  private nameSrc = -1;
  private deptSrc = -1;
  /** The cells the current code and name were read from (NO_CELL: none). */
  private codeRaw: CellValue | typeof NO_CELL = NO_CELL;
  private nameRaw: CellValue | typeof NO_CELL = NO_CELL;

  constructor(
    private readonly sg: SheetGrid,
    private readonly cCode: number,
    private readonly cName: number,
    private readonly cDept: number,
  ) {}

  /** The group of row r: `group` unless the row names another project (then the new or resumed one, `switched`). */
  groupOf(r: number, group: Group | undefined, groups: GroupIndex): Group {
    const sg = this.sg;
    // A cell equal to the one the current code or name was read from says the same (no text made): most rows.
    const vCode = this.cCode >= 0 ? sg.cell(r, this.cCode) : null;
    const vName = this.cName >= 0 ? sg.cell(r, this.cName) : null;
    const code = this.cCode < 0 ? "" : vCode === this.codeRaw ? this.curCode : textOf(vCode);
    const name = this.cName < 0 ? "" : vName === this.nameRaw ? this.curName : textOf(vName);
    if (group && !(code !== "" && code !== this.curCode) && !(name !== "" && name !== this.curName)) {
      if (this.cDept >= 0 && !sg.blank(r, this.cDept)) this.deptSrc = r;
      this.switched = false;
      return group;
    }
    const codeChanged = code !== "" && code !== this.curCode;
    closeSubtotal(group, sg.top);
    if (code !== "") this.codeSrc = r;
    else if (!group || name !== this.curName) this.codeSrc = -1;
    if (name !== "") this.nameSrc = r;
    else if (codeChanged) this.nameSrc = -1;
    const codeRaw = this.codeSrc >= 0 ? sg.cell(this.codeSrc, this.cCode) : NO_CELL;
    const nameRaw = this.nameSrc >= 0 ? sg.cell(this.nameSrc, this.cName) : NO_CELL;
    this.codeRaw = codeRaw;
    this.nameRaw = nameRaw;
    this.curCode = codeRaw === NO_CELL ? "" : textOf(codeRaw);
    this.curName = nameRaw === NO_CELL ? "" : textOf(nameRaw);
    if (this.cDept >= 0 && !sg.blank(r, this.cDept)) this.deptSrc = r;
    const key = this.curCode || this.curName || `row ${sg.top + r + 1}`;
    this.switched = true;
    const met = groups.get(key);
    if (met) return met;
    const keyText = this.shown(this.cCode, this.codeSrc, this.codeRaw, this.curCode) || this.shown(this.cName, this.nameSrc, this.nameRaw, this.curName);
    return groups.add(key, new ListProjectInfo(sg, r, this.cCode, this.codeSrc, this.cName, this.nameSrc, this.cDept, this.deptSrc), keyText);
  }

  /**
   * The text the Ref of a project column carries (info.code?.text): the cell's text, a number under a percent
   * format as shown; "" when the column is missing or nothing was written (then the row's own cell is blank).
   */
  private shown(c: number, src: number, raw: CellValue | typeof NO_CELL, text: string): string {
    if (c < 0 || src < 0) return "";
    return typeof raw === "number" ? this.sg.displayText(src, c) : text;
  }

  /** The last `groupOf` started or resumed a project (the 一级/二级 fill-down starts over). */
  switched = false;
}
