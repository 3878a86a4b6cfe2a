/**
 * The Excel pane's engine (src/taskpane/engine/): the grids handed to the check worker in slices, checked there and
 * answered in slices, give exactly what checkWorkbook gives on the pane's thread; a live re-check names the run whose
 * grids the worker kept; a lost worker hands its runs to this thread. The worker is the real message handler
 * (workerCore, as check.worker.ts runs it) behind a structured clone and a task per message, as postMessage does.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../../src/domain/engine";
import type { CellValue, Grid } from "../../../src/domain/grid";
import { csvTextToGrid } from "../../../src/file/csv-grid";
import type { FromWorker, ToWorker } from "../../../src/taskpane/browser/protocol";
import { workerCore, type CheckWorkerLike } from "../../../src/taskpane/browser/workerCore";
import { PaneReceiver, postCheck } from "../../../src/taskpane/engine/paneCore";
import { SLICE_CELLS, threadEngine, workerEngine } from "../../../src/taskpane/engine/paneEngine";
import { STALE_BASE, toPaneCheck, type PaneCheck } from "../../../src/taskpane/engine/paneState";
import { replaceGrid } from "../../../src/taskpane/components/ExcelPane/recheck";
import { realGrid } from "../../helpers/real";
import { indicatorListGrid } from "../../../bench/synthetic";
import { packCells } from "../../../src/excel/packed";
import type { StreamedGrid } from "../../../src/excel/workbook";
import type { PaneEngine } from "../../../src/taskpane/engine/paneEngine";

const FIX = path.join(__dirname, "..", "..", "fixtures", "coverage");
const csv = (f: string): Grid => csvTextToGrid(fs.readFileSync(path.join(FIX, f), "utf8"), path.basename(f, ".csv"));

function workbook(): Grid[] {
  return [
    { ...realGrid("06"), sheet: "自评06" },
    { ...realGrid("17"), sheet: "目标17" },
    csv("targets-all-cases.csv"),
    csv("budget-all-cases.csv"),
    // A list big enough to be handed over in several slices, with number formats as Excel gives them.
    (() => {
      const g = indicatorListGrid(30_000);
      return { ...g, sheet: "大表", numberFormats: g.values.map((r) => r.map(() => "General")) };
    })(),
  ];
}

/** The check worker's handler behind postMessage's copy and one task per message; counts what went each way. */
function fakeWorker({ silent = false } = {}): CheckWorkerLike & { sent: ToWorker[]; received: FromWorker[]; transferred: number; fail(): void } {
  let listener: ((m: FromWorker) => void) | undefined;
  const sent: ToWorker[] = [];
  let transferred = 0;
  const received: FromWorker[] = [];
  let stopped = false;
  const core = workerCore(
    () => Promise.reject(new Error("no ExcelJS in the pane's worker")),
    (m) =>
      setTimeout(() => {
        if (stopped) return;
        const copy = structuredClone(m);
        received.push(copy);
        listener?.(copy);
      }, 0),
  );
  return {
    sent,
    received,
    get transferred() {
      return transferred;
    },
    post: (m, transfer) => {
      sent.push(m);
      transferred += transfer?.length ?? 0;
      const copy = structuredClone(m);
      // silent: a worker whose script never ran (it hears nothing until it fails).
      setTimeout(() => !stopped && !silent && core(copy), 0);
    },
    listen: (cb) => {
      listener = cb;
    },
    terminate: () => {
      stopped = true;
    },
    fail: () => listener?.({ type: "failed", message: "the worker's script was refused" }),
  };
}

const options = { profile: "auto" };

describe("the pane's engine in the check worker", () => {
  it("gives checkWorkbook's result, the grids handed over in slices and the lists answered in slices", async () => {
    const grids = workbook();
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    const fractions: number[] = [];
    const { run, check } = await engine.check(grids, options, { onProgress: (f) => fractions.push(f) });
    expect(check).toEqual(toPaneCheck(checkWorkbook(grids, options)));
    expect(engine.where()).toBe("worker");
    expect(run).toBeGreaterThan(0);
    // Every row arrived, in slices of at most SLICE_CELLS cells.
    const rows = worker.sent.filter((m): m is Extract<ToWorker, { type: "pane-rows" }> => m.type === "pane-rows");
    expect(rows.reduce((n, m) => n + m.values.length, 0)).toBe(grids.reduce((n, g) => n + g.values.length, 0));
    expect(rows.length).toBeGreaterThan(4);
    expect(Math.max(...rows.map((m) => m.values.length * 9))).toBeLessThanOrEqual(SLICE_CELLS + 9);
    expect(fractions[fractions.length - 1]).toBe(1);
    // The recognitions (which point into the grids) never come back.
    expect(worker.received.some((m) => m.type === "pane-done" && "recognitions" in m.check)).toBe(false);
  });

  it("re-checks one sheet against the grids the worker kept, as checkWorkbook over the edited workbook", async () => {
    const grids = workbook();
    const engine = workerEngine(fakeWorker());
    const first = await engine.check(grids, options);
    const edited: Grid = { ...grids[1], values: grids[1].values.map((r, i) => (i === 12 ? r.map((v, c) => (c === 3 ? "**" : v)) : r)) as CellValue[][] };
    const second = await engine.check([edited], options, { base: first.run });
    expect(second.check).toEqual(toPaneCheck(checkWorkbook(replaceGrid(grids, edited), options)));
    expect(second.check.sheets.map((s) => s.sheet)).toEqual(grids.map((g) => g.sheet));
    // The base is the last run: an older one is refused rather than spliced into the wrong grids.
    await expect(engine.check([edited], options, { base: first.run })).rejects.toThrow(STALE_BASE);
  });

  it("runs on this thread when the worker is lost, and says so", async () => {
    const grids = workbook().slice(0, 2);
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    const pending = engine.check(grids, options);
    worker.fail();
    const { check } = await pending;
    expect(check).toEqual(toPaneCheck(checkWorkbook(grids, options)));
    expect(engine.where()).toBe("thread");
    const again = await engine.check(grids, options);
    expect(again.check).toEqual(check);
  });

  it("lets the grids go once the worker has them: a worker lost after that asks for the check again", async () => {
    const grids = workbook().slice(0, 2);
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    const pending = engine.check(grids, options);
    await new Promise((r) => setTimeout(r, 0)); // handed over: the pane-check message is on its way
    expect(worker.sent.some((m) => m.type === "pane-check")).toBe(true);
    worker.fail();
    await expect(pending).rejects.toThrow(/请重新检查/);
    expect(engine.where()).toBe("thread");
    expect((await engine.check(grids, options)).check).toEqual(toPaneCheck(checkWorkbook(grids, options)));
  });

  it("on this thread gives the same, and keeps the grids for a re-check", async () => {
    const grids = workbook().slice(0, 3);
    const engine = threadEngine();
    const first = await engine.check(grids, options);
    expect(first.check).toEqual(toPaneCheck(checkWorkbook(grids, options)));
    const second = await engine.check([grids[0]], options, { base: first.run });
    expect(second.check).toEqual(first.check);
    expect(engine.where()).toBe("thread");
  });
});

/** Streams `grids` into an engine as the reader would (each grid in packed batches of `rows` rows), then finishes. */
async function streamInto(engine: PaneEngine, grids: readonly Grid[], rows = 5_000, between?: () => Promise<void>) {
  const stream = await engine.open();
  const heads: StreamedGrid[] = [];
  let source = 0;
  for (const g of grids) {
    if (g.values.length === 0) {
      heads.push({ sheet: g.sheet, top: g.top, left: g.left });
      continue;
    }
    for (let r = 0; r < g.values.length; r += rows) {
      const { packed } = await packCells(g.values.slice(r, r + rows).map((row) => row.map((v) => (v === null ? "" : typeof v === "object" ? v.error : v))), (g.numberFormats ?? g.values.map((row) => row.map(() => "General"))).slice(r, r + rows));
      stream.sink.rows(source, packed);
      await between?.();
    }
    heads.push({ sheet: g.sheet, top: g.top, left: g.left, ...(g.merges ? { merges: g.merges } : {}), source: source++ });
  }
  return stream.finish(heads, options);
}

/** The grids as the pane's read gives them: rectangular, with Excel's number formats, an empty sheet empty. */
function asRead(grids: readonly Grid[]): Grid[] {
  return grids.map((g) => {
    const cols = Math.max(0, ...g.values.map((r) => r.length));
    const values = g.values.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? null));
    return { ...g, values, numberFormats: g.numberFormats ?? values.map((r) => r.map(() => "General")) };
  });
}

describe("a check streamed while the pane reads", () => {
  it("gives checkWorkbook's result: every batch went to the worker as it came, packed, its buffers moved", async () => {
    const grids = asRead([...workbook(), { sheet: "空表", top: 0, left: 0, values: [] }]);
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    const { check } = await streamInto(engine, grids);
    expect(check).toEqual(toPaneCheck(checkWorkbook(grids, options)));
    const packed = worker.sent.filter((m) => m.type === "pane-packed");
    expect(packed.length).toBeGreaterThanOrEqual(6 + 4);
    expect(worker.transferred).toBeGreaterThanOrEqual(packed.length * 3);
    expect(worker.sent.some((m) => m.type === "pane-rows")).toBe(false);
    // The answer came a slice at a time, each asked for when the last was read.
    const parts = worker.received.filter((m) => m.type === "pane-part").length;
    expect(parts).toBeGreaterThan(0);
    expect(worker.sent.filter((m) => m.type === "pane-next").length).toBe(parts);
  });

  it("goes on on this thread when the worker fails before it opens the run", async () => {
    const grids = asRead(workbook().slice(0, 2));
    const worker = fakeWorker({ silent: true });
    const engine = workerEngine(worker);
    let batches = 0;
    const pending = streamInto(engine, grids, 20, async () => {
      if (++batches === 2) worker.fail();
    });
    const { check } = await pending;
    expect(check).toEqual(toPaneCheck(checkWorkbook(grids, options)));
    expect(engine.where()).toBe("thread");
    expect(worker.sent.some((m) => m.type === "pane-packed")).toBe(false);
  });

  it("asks for the check again when the worker is lost after it had the rows", async () => {
    const grids = asRead(workbook().slice(0, 2));
    const worker = fakeWorker();
    const engine = workerEngine(worker);
    let batches = 0;
    const pending = streamInto(engine, grids, 20, async () => {
      await new Promise((r) => setTimeout(r, 0));
      if (++batches === 3) worker.fail();
    });
    await expect(pending).rejects.toThrow(/请重新检查/);
    expect(engine.where()).toBe("thread");
    expect((await streamInto(engine, grids)).check).toEqual(toPaneCheck(checkWorkbook(grids, options)));
  });

  it("on this thread gives the same, and a re-check of one sheet names its run", async () => {
    const grids = asRead(workbook().slice(0, 3));
    const engine = threadEngine();
    const first = await streamInto(engine, grids);
    expect(first.check).toEqual(toPaneCheck(checkWorkbook(grids, options)));
    const again = await engine.check([grids[1]], options, { base: first.run });
    expect(again.check).toEqual(first.check);
  });
});

describe("a check answered in slices", () => {
  it("is put back together whole and in order", () => {
    const grids = workbook().slice(0, 4);
    const check: PaneCheck = toPaneCheck(checkWorkbook(grids, options));
    const messages: FromWorker[] = [];
    postCheck(7, check, (m) => messages.push(m), 2);
    expect(messages.filter((m) => m.type === "pane-part").length).toBeGreaterThanOrEqual(Math.ceil(check.issues.length / 2));
    const r = new PaneReceiver();
    let done: PaneCheck | undefined;
    for (const m of messages) {
      if (m.type === "pane-part") r.part(m.parts);
      else if (m.type === "pane-done") done = r.done(m.check);
    }
    expect(done).toEqual(check);
  });
});
