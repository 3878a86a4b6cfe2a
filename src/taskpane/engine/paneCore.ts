/**
 * The check worker's side of the Excel pane's messages (protocol.ts, `pane-*`): it gathers the grids the pane hands
 * over in slices, checks them (PaneState keeps them for a live re-check) and answers with the check, its long
 * lists first in slices (each message is copied, then read, in one go on the pane's thread: a list of 150,000
 * projects in one message would stall it). Pure apart from `post`: runs in the worker, and in jest.
 */
import type { CellValue, Grid } from "../../domain/grid";
import type { FromWorker, GridHead, PaneParts, ToWorker } from "../browser/protocol";
import { PaneState, type PaneCheck } from "./paneState";

export type PaneToWorker = Extract<ToWorker, { readonly type: "pane-grids" | "pane-rows" | "pane-check" }>;

/** Items per `pane-part` message. */
export const PART_ITEMS = 10_000;

/** True for the pane's messages. */
export function isPaneMessage(m: ToWorker): m is PaneToWorker {
  return m.type === "pane-grids" || m.type === "pane-rows" || m.type === "pane-check";
}

interface Incoming {
  readonly run: number;
  readonly heads: readonly GridHead[];
  readonly values: (readonly CellValue[])[][];
  readonly formats: (readonly (string | null)[])[][];
}

function gridOf(head: GridHead, values: (readonly CellValue[])[], formats: (readonly (string | null)[])[]): Grid {
  return {
    sheet: head.sheet,
    top: head.top,
    left: head.left,
    values,
    ...(head.formats ? { numberFormats: formats } : {}),
    ...(head.merges ? { merges: head.merges } : {}),
  };
}

/** Posts a check: its issues, targets and budget lines in slices, then the rest (those three lists empty). */
export function postCheck(run: number, check: PaneCheck, post: (m: FromWorker) => void, size = PART_ITEMS): void {
  const lists: (keyof PaneParts)[] = ["issues", "targets", "budget"];
  for (const key of lists) {
    const all = check[key];
    for (let i = 0; i < all.length; i += size) post({ type: "pane-part", run, parts: { [key]: all.slice(i, i + size) } });
  }
  post({ type: "pane-done", run, check: { ...check, issues: [], targets: [], budget: [] } });
}

/** Puts a check posted by postCheck back together. */
export class PaneReceiver {
  private issues: PaneCheck["issues"][number][] = [];
  private targets: PaneCheck["targets"][number][] = [];
  private budget: PaneCheck["budget"][number][] = [];

  part(parts: PaneParts): void {
    if (parts.issues) for (const x of parts.issues) this.issues.push(x);
    if (parts.targets) for (const x of parts.targets) this.targets.push(x);
    if (parts.budget) for (const x of parts.budget) this.budget.push(x);
  }

  done(check: PaneCheck): PaneCheck {
    return { ...check, issues: this.issues, targets: this.targets, budget: this.budget };
  }
}

/** The handler of the pane's messages; `post` sends the answers. */
export function paneCore(post: (m: FromWorker) => void, state = new PaneState()): (m: PaneToWorker) => void {
  let incoming: Incoming | undefined;
  return (m) => {
    switch (m.type) {
      case "pane-grids":
        incoming = { run: m.run, heads: m.heads, values: m.heads.map(() => []), formats: m.heads.map(() => []) };
        return;
      case "pane-rows": {
        if (!incoming || incoming.run !== m.run) return;
        const values = incoming.values[m.grid];
        const formats = incoming.formats[m.grid];
        if (!values || !formats) return;
        for (const row of m.values) values.push(row);
        if (m.formats) for (const row of m.formats) formats.push(row);
        return;
      }
      case "pane-check": {
        const got = incoming && incoming.run === m.run ? incoming : undefined;
        incoming = undefined;
        if (!got) {
          post({ type: "pane-failed", run: m.run, message: "no grids for this run" });
          return;
        }
        try {
          const grids = got.heads.map((h, i) => gridOf(h, got.values[i], got.formats[i]));
          postCheck(m.run, state.check(m.run, grids, m.options, m.base), post);
        } catch (e) {
          post({ type: "pane-failed", run: m.run, message: e instanceof Error ? e.message : String(e) });
        }
        return;
      }
    }
  };
}
