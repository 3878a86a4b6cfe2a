/**
 * The groups of an indicator body: one per project (a form has one; a list starts a new one whenever the project
 * code or name changes, and a project met again further down goes back to its group), each with its rows, its
 * "(30分)" subtotals and its total and grade.
 */
import type { IndicatorProject, ProjectInfo, Ref } from "./model";
import type { GridRow } from "./rows";
import type { SheetGrid } from "./scan";

export interface SubtotalDraft {
  label: string;
  points: number;
  ref: Ref;
  startRel: number;
  lastRow: number;
}

export interface Group {
  key: string;
  info: ProjectInfo;
  rows: GridRow[];
  subtotals: SubtotalDraft[];
  openSubtotal: SubtotalDraft | undefined;
  lastRel: number;
  total: IndicatorProject["total"] | undefined;
  grade: Ref | undefined;
}

export interface Body {
  groups: Group[];
  lastRow: number;
  totalLabelCol: number;
  total?: IndicatorProject["total"];
  grade?: Ref;
}

/** Ends a group's open "(30分)" subtotal at the group's last row so far. */
export function closeSubtotal(g: Group | undefined, top: number): void {
  if (!g || !g.openSubtotal) return;
  g.openSubtotal.lastRow = top + Math.max(g.openSubtotal.startRel, g.lastRel);
  g.subtotals.push(g.openSubtotal);
  g.openSubtotal = undefined;
}

/** The body's group (project) under `key`, new at the end of the body when first seen (its info made then). */
export function ensureGroup(body: Body, byKey: Map<string, Group>, key: string, info: () => ProjectInfo): Group {
  let g = byKey.get(key);
  if (!g) {
    g = { key, info: info(), rows: [], subtotals: [], openSubtotal: undefined, lastRel: -1, total: undefined, grade: undefined };
    byKey.set(key, g);
    body.groups.push(g);
  }
  return g;
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

  toJSON(): ProjectInfo {
    const out: { -readonly [K in keyof ProjectInfo]: ProjectInfo[K] } = {};
    if (this.codeCol >= 0) out.code = this.code;
    if (this.nameCol >= 0) out.name = this.name;
    if (this.deptCol >= 0) out.department = this.department;
    return out;
  }
}

/** Follows the project of a list's rows (项目编码 / 项目名称 / 主管部门 columns, filled down). */
export class ListProjects {
  private curCode = "";
  private curName = "";
  /** Rows the code, name and department come from (-1: none). */
  private codeSrc = -1;
  private nameSrc = -1;
  private deptSrc = -1;

  constructor(
    private readonly sg: SheetGrid,
    private readonly cCode: number,
    private readonly cName: number,
    private readonly cDept: number,
  ) {}

  /** The group of row r: `group` unless the row names another project (then the new or resumed one, `switched`). */
  groupOf(r: number, group: Group | undefined, body: Body, byKey: Map<string, Group>): Group {
    const sg = this.sg;
    const code = this.cCode >= 0 ? sg.text(r, this.cCode) : "";
    const name = this.cName >= 0 ? sg.text(r, this.cName) : "";
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
    this.curCode = this.codeSrc >= 0 ? sg.text(this.codeSrc, this.cCode) : "";
    this.curName = this.nameSrc >= 0 ? sg.text(this.nameSrc, this.cName) : "";
    if (this.cDept >= 0 && !sg.blank(r, this.cDept)) this.deptSrc = r;
    const key = this.curCode || this.curName || `row ${sg.top + r + 1}`;
    const { codeSrc, nameSrc, deptSrc } = this;
    this.switched = true;
    return ensureGroup(body, byKey, key, () => new ListProjectInfo(sg, r, this.cCode, codeSrc, this.cName, nameSrc, this.cDept, deptSrc));
  }

  /** The last `groupOf` started or resumed a project (the 一级/二级 fill-down starts over). */
  switched = false;
}
