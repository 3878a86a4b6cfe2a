/**
 * The check worker's side of the Excel pane's messages (protocol.ts, `pane-*`): it gathers the rows the pane hands
 * over (packed batches of a read as they arrive, unpacked here at once; or a re-read sheet's grid in slices), checks
 * them (PaneState keeps them for a live re-check) and answers with the check, its long lists first in slices (each
 * message is copied, then read, in one go on the pane's thread: a list of 150,000 projects in one message would
 * stall it). Pure apart from `post`: runs in the worker, and in jest.
 */
import type { CellValue, Grid } from "../../domain/grid";
import { unpackCells } from "../../excel/packed";
import type { StreamedGrid } from "../../excel/workbook";
import type { FromWorker, GridHead, PaneParts, ToWorker } from "../browser/protocol";
import type { CheckOptions } from "../../domain/engine";
import { PaneState, type PaneCheck } from "./paneState";

export type PaneToWorker = Extract<ToWorker, { readonly type: "pane-grids" | "pane-rows" | "pane-check" | "pane-open" | "pane-packed" | "pane-drop" | "pane-next" }>;

/** Items per `pane-part` message. */
export const PART_ITEMS = 10_000;

/** True for the pane's messages. */
export function isPaneMessage(m: ToWorker): m is PaneToWorker {
  return m.type.startsWith("pane-");
}

interface Incoming {
  readonly run: number;
  readonly heads: readonly GridHead[];
  readonly values: (readonly CellValue[])[][];
  readonly formats: (readonly (string | null)[])[][];
}

/** A streamed run's rows by source (the pane's read numbers its non-empty sheets), unpacked as they arrive. */
interface Streaming {
  readonly run: number;
  readonly values: Map<number, CellValue[][]>;
  readonly formats: Map<number, (string | null)[][]>;
}

function streamedGrid(head: StreamedGrid, got: Streaming): Grid {
  const base = { sheet: head.sheet, top: head.top, left: head.left, ...(head.merges ? { merges: head.merges } : {}) };
  if (head.source === undefined) return { ...base, values: [] };
  return { ...base, values: got.values.get(head.source) ?? [], numberFormats: got.formats.get(head.source) ?? [] };
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
  let streaming: Streaming | undefined;
  // A check's answer goes one message at a time: the next when the pane says it has read the last (pane-next). All
  // at once, the pane's thread would read 15 slices of a million-row answer back to back (~300 ms under load).
  const outbox = new Map<number, FromWorker[]>();
  const next = (id: number): void => {
    const queue = outbox.get(id);
    const m = queue?.shift();
    if (!queue?.length) outbox.delete(id);
    if (m) post(m);
  };
  const run = (id: number, grids: () => Grid[], options: CheckOptions, base: number | undefined): void => {
    try {
      const queue: FromWorker[] = [];
      postCheck(id, state.check(id, grids(), options, base), (m) => queue.push(m));
      outbox.set(id, queue);
      next(id);
    } catch (e) {
      post({ type: "pane-failed", run: id, message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (m) => {
    switch (m.type) {
      case "pane-open":
        streaming = { run: m.run, values: new Map(), formats: new Map() };
        post({ type: "pane-opened", run: m.run });
        return;
      case "pane-packed": {
        if (!streaming || streaming.run !== m.run) return;
        const { values, formats } = unpackCells(m.rows);
        let v = streaming.values.get(m.source);
        if (!v) streaming.values.set(m.source, (v = []));
        for (const row of values) v.push(row);
        let f = streaming.formats.get(m.source);
        if (!f) streaming.formats.set(m.source, (f = []));
        if (formats) for (const row of formats) f.push(row);
        return;
      }
      case "pane-drop":
        if (streaming?.run === m.run) streaming = undefined;
        return;
      case "pane-next":
        next(m.run);
        return;
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
        const heads = m.streamed;
        if (heads) {
          const got = streaming && streaming.run === m.run ? streaming : undefined;
          streaming = undefined;
          if (!got) post({ type: "pane-failed", run: m.run, message: "no rows for this run" });
          else run(m.run, () => heads.map((h) => streamedGrid(h, got)), m.options, m.base);
          return;
        }
        const got = incoming && incoming.run === m.run ? incoming : undefined;
        incoming = undefined;
        if (!got) {
          post({ type: "pane-failed", run: m.run, message: "no grids for this run" });
          return;
        }
        run(m.run, () => got.heads.map((h, i) => gridOf(h, got.values[i], got.formats[i])), m.options, m.base);
        return;
      }
    }
  };
}
