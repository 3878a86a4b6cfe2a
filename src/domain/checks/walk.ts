/**
 * The walk: every check's `begin`, then each row once with every check's `row` hook, then every `end` hook
 * (types.ts). For an indicator table the rows are a project's indicators (`walkProject`); for coverage, the
 * budget lines of a reconciliation (coverage/findings.ts). `rowsOnly` (JX.CHECK on a lone row) skips the `end`
 * hooks: what needs a whole project cannot be said of one row.
 */
import type { IssueDraft } from "../issues";
import type { IndicatorRow } from "../tables/model";
import type { AnyCheck, CheckContext, Emit, RuleCheck } from "./types";

/** Receives each finding with the check that emitted it (the test holds checks to their declared codes). */
export type CheckSink<C = AnyCheck> = (draft: IssueDraft, check: C) => void;

/** A check's row hook, as the walker calls it (with the check as `this`). */
type RowHook<Row, Ctx> = (row: Row, i: number, ctx: Ctx, state: unknown, emit: Emit) => void;

export interface WalkOptions {
  /** Only the `row` hooks: findings about one row, never about all of them. */
  readonly rowsOnly?: boolean;
}

/**
 * A walk of fixed checks over any number of row sets: the list of row hooks and one emitter per check are made
 * once (a table of 150,000 projects walks 150,000 times), each walk only makes the checks' states.
 */
export class Walker<Row, Ctx, C extends RuleCheck<Row, Ctx, unknown>> {
  private sink: CheckSink<C> = () => undefined;
  private readonly emits: Emit[];
  /** The indices of the checks that have a row hook. */
  private readonly rowHooks: number[];
  /**
   * The row hooks themselves, their checks and their emitters, in the order of rowHooks: read from arrays in the
   * row loop, not as `checks[k].row` (21 check objects of as many shapes: a property load V8 cannot specialize).
   */
  private readonly rowFns: RowHook<Row, Ctx>[];
  private readonly rowChecks: C[];
  private readonly rowEmits: Emit[];
  /** The states of the checks with a row hook, in the same order (filled at each walk). */
  private readonly rowStates: unknown[];

  constructor(private readonly checks: readonly C[]) {
    this.emits = checks.map((check) => (d: IssueDraft) => this.sink(d, check));
    this.rowHooks = checks.flatMap((c, k) => (c.row !== undefined ? [k] : []));
    this.rowFns = this.rowHooks.map((k) => checks[k].row as RowHook<Row, Ctx>);
    this.rowChecks = this.rowHooks.map((k) => checks[k]);
    this.rowEmits = this.rowHooks.map((k) => this.emits[k]);
    this.rowStates = new Array<unknown>(this.rowHooks.length).fill(undefined);
    this.states = new Array<unknown>(checks.length).fill(undefined);
  }

  /**
   * The checks' states, reused walk after walk (a nested walk, which no check makes, gets its own): each walk's
   * are kept until the next, whose `begin` hooks get them back to empty and reuse.
   */
  private readonly states: unknown[];
  private depth = 0;

  walk(rows: readonly Row[], ctx: Ctx, sink: CheckSink<C>, options?: WalkOptions): void {
    const { checks, emits, rowHooks } = this;
    const previous = this.sink;
    this.sink = sink;
    const n = checks.length;
    const top = this.depth++ === 0;
    const states = top ? this.states : new Array<unknown>(n);
    try {
      for (let k = 0; k < n; k++) {
        const check = checks[k];
        states[k] = check.begin ? check.begin(ctx, top ? states[k] : undefined) : undefined;
      }
      const hooks = rowHooks.length;
      // A nested walk (none is made by a check) has states of its own: its row states are a new array too.
      const rowStates = top ? this.rowStates : new Array<unknown>(hooks);
      for (let h = 0; h < hooks; h++) rowStates[h] = states[rowHooks[h]];
      const { rowFns, rowChecks, rowEmits } = this;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        for (let h = 0; h < hooks; h++) rowFns[h].call(rowChecks[h], row, i, ctx, rowStates[h], rowEmits[h]);
      }
      if (options?.rowsOnly) return;
      for (let k = 0; k < n; k++) checks[k].end?.(ctx, states[k], emits[k]);
    } finally {
      this.sink = previous;
      this.depth--;
    }
  }
}

export function walkRows<Row, Ctx, C extends RuleCheck<Row, Ctx, unknown>>(
  checks: readonly C[],
  rows: readonly Row[],
  ctx: Ctx,
  sink: CheckSink<C>,
  options: WalkOptions = {},
): void {
  new Walker<Row, Ctx, C>(checks).walk(rows, ctx, sink, options);
}

/** A walker of project checks over the projects of an indicator table, one project at a time. */
export function projectWalker(checks: readonly AnyCheck[]): { walk(ctx: CheckContext, sink: CheckSink, options?: WalkOptions): void } {
  const w = new Walker<IndicatorRow, CheckContext, AnyCheck>(checks);
  return { walk: (ctx, sink, options) => w.walk(ctx.project.indicators, ctx, sink, options) };
}

/** Every project check over one project of an indicator table. */
export function walkProject(checks: readonly AnyCheck[], ctx: CheckContext, sink: CheckSink, options: WalkOptions = {}): void {
  walkRows(checks, ctx.project.indicators, ctx, sink, options);
}

/** One check's findings on one project (a check run on its own: tests, tools). */
export function runCheck(check: AnyCheck, ctx: CheckContext, options: WalkOptions = {}): IssueDraft[] {
  const out: IssueDraft[] = [];
  walkProject([check], ctx, (d) => out.push(d), options);
  return out;
}
