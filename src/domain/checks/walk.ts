/**
 * The engine's walk over one project: every check's `begin`, then each indicator row once with every check's
 * `row` hook, then every `end` hook (types.ts). `rowsOnly` (JX.CHECK on a lone row) skips the `end` hooks: what
 * needs a whole project cannot be said of one row.
 */
import type { IssueDraft } from "../issues";
import type { AnyCheck, CheckContext, Emit } from "./types";

/** Receives each finding with the check that emitted it (the test holds checks to their declared codes). */
export type CheckSink = (draft: IssueDraft, check: AnyCheck) => void;

export interface WalkOptions {
  /** Only the `row` hooks: findings about one row, never about the project. */
  readonly rowsOnly?: boolean;
}

export function walkProject(checks: readonly AnyCheck[], ctx: CheckContext, sink: CheckSink, options: WalkOptions = {}): void {
  const n = checks.length;
  const states: unknown[] = new Array<unknown>(n);
  const emits: Emit[] = new Array<Emit>(n);
  const rowHooks: number[] = [];
  for (let k = 0; k < n; k++) {
    const check = checks[k];
    states[k] = check.begin ? check.begin(ctx) : undefined;
    emits[k] = (d) => sink(d, check);
    if (check.row) rowHooks.push(k);
  }
  const rows = ctx.project.indicators;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (const k of rowHooks) checks[k].row?.(row, i, ctx, states[k], emits[k]);
  }
  if (options.rowsOnly) return;
  for (let k = 0; k < n; k++) {
    const check = checks[k];
    if (check.end) check.end(ctx, states[k], emits[k]);
  }
}

/** One check's findings on one project (a check run on its own: tests, tools). */
export function runCheck(check: AnyCheck, ctx: CheckContext, options: WalkOptions = {}): IssueDraft[] {
  const out: IssueDraft[] = [];
  walkProject([check], ctx, (d) => out.push(d), options);
  return out;
}
