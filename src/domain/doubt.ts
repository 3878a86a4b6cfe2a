/**
 * Doubt (存疑) over a project's row findings: a column that gives the same "empty" finding on nearly every row is
 * reported once, as a reading that could not be trusted (engine.ts holds each project's findings through it).
 */
import { say } from "./catalog";
import { a1, a1Position, NO_POSITION, positionCol } from "./grid";
import type { IssueCode, IssueDraft } from "./issues";
import type { IndicatorProject, IndicatorTable } from "./tables/model";

/** Row findings that, on nearly every row of a project, point at a column that is empty or missing throughout. */
const FLOOD_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>(["indicator.missing-field", "indicator.zero-weight", "score.missing-actual"]);
/** A flood: at least this many rows, */
const FLOOD_MIN_ROWS = 4;
/** and at least this share of the project's indicator rows. */
const FLOOD_SHARE = 0.8;
/** Projects longer than this are not held back (their findings stream out as they come). */
const FLOOD_MAX_ROWS = 5000;

/** What a flood's findings say, for the doubt's message. */
const FLOOD_WHAT: Readonly<Partial<Record<IssueCode, readonly [string, string]>>> = {
  "indicator.missing-field": ["该栏为空", "the cell is empty"],
  "indicator.zero-weight": ["分值为空", "no weight"],
  "score.missing-actual": ["有得分而无完成值", "a score with no actual"],
};

/** Column words for the doubt's message, by field. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  level1: "一级指标", level2: "二级指标", name: "三级指标", sign: "计算符号", target: "指标值", unit: "计量单位",
  actual: "实际完成值", weight: "分值", score: "得分", reason: "偏差原因",
};

/**
 * Doubt (存疑): one reading of a column that gives the same row finding on nearly every row of a project — 一级指标
 * empty on all 19 rows, 实际完成值 empty on all 20 scored rows — is most likely a misread or lost column (vertical
 * text dropped by a web page, a header nobody recognized), not twenty faults. Those findings are held back while
 * the project is checked; a flood is replaced by one table.partial-reading naming the column, and the sheet is
 * partial. Fewer findings of a kind are let through as they are.
 */
export class Doubt {
  /** Made at the first finding held: most projects hold none (a list has one Doubt a project). */
  private held: Map<string, IssueDraft[]> | undefined;
  private rows = 0;
  private active = false;

  constructor(
    private readonly table: IndicatorTable,
    project?: IndicatorProject,
  ) {
    if (project) this.reset(project);
  }

  /** Starts on another project of the same table (a list's projects share one Doubt); nothing may be held. */
  reset(project: IndicatorProject): void {
    const rows = project.indicators;
    let n = 0;
    for (let i = 0; i < rows.length; i++) if (!rows[i].placeholder) n++;
    this.rows = n;
    this.active = n >= FLOOD_MIN_ROWS && n <= FLOOD_MAX_ROWS;
    this.held = undefined;
  }

  /** True when the finding is held back for now. */
  hold(d: IssueDraft): boolean {
    // Only findings about a blank cell: a column that holds something ("0" in every 分值) was read, whatever it says.
    if (!this.active || !FLOOD_CODES.has(d.code) || (d.value ?? "") !== "" || d.sheet !== this.table.sheet) return false;
    const at = a1Position(d.cell);
    if (at === NO_POSITION) return false;
    const key = `${d.code}@${positionCol(at)}`;
    this.held ??= new Map();
    const list = this.held.get(key);
    if (list) list.push(d);
    else this.held.set(key, [d]);
    return true;
  }

  /** Lets the held findings through, a flood replaced by its one doubt; returns the number of doubts. */
  settle(keep: (d: IssueDraft) => void): number {
    if (!this.held) return 0;
    let doubts = 0;
    const floor = Math.max(FLOOD_MIN_ROWS, Math.ceil(FLOOD_SHARE * this.rows));
    for (const list of this.held.values()) {
      if (list.length < floor) {
        for (const i of list) keep(i);
        continue;
      }
      doubts++;
      keep(this.doubtOf(list));
    }
    this.held = undefined;
    return doubts;
  }

  private doubtOf(list: readonly IssueDraft[]): IssueDraft {
    const first = list[0];
    const at = a1Position(first.cell);
    const col = at === NO_POSITION ? 0 : positionCol(at);
    const [zh, en] = FLOOD_WHAT[first.code] ?? ["同一结论", "the same finding"];
    const shared = { rows: this.rows, count: list.length, what: { zh, en } };
    // 有得分而无完成值 on every row of a table where no 完成值 column was found: the column is missing, not misread.
    const missing = first.code === "score.missing-actual" && this.table.columns.actual === undefined;
    const column = a1(0, col).replace(/\d+$/, "");
    const field = (Object.entries(this.table.columns) as [string, number][]).find(([, c]) => c === col)?.[0];
    return {
      ...(missing
        ? say("table.partial-reading", "noColumn", { header: FIELD_WORDS.actual, ...shared })
        : say("table.partial-reading", "flood", { header: (field && FIELD_WORDS[field]) || `${column} 列`, column, ...shared })),
      sheet: first.sheet,
      cell: a1(this.table.headerRow, col),
      value: "",
    };
  }
}
