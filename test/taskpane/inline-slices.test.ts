/**
 * Issue 24: when no worker can start (the page opened from a file), the check runs on the page's thread in slices
 * (workerCore.ts inlineWorker): the same answers as the worker gives, and the event loop gets turns between files,
 * stages and chunks of a sheet, so the page repaints its progress and answers a click while a batch is checked.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { ExcelJSModule } from "../../src/file/grid-convert";
import type { FromWorker, ToWorker, WorkerInput } from "../../src/taskpane/browser/protocol";
import { inlineWorker, workerCore, type CheckWorkerLike } from "../../src/taskpane/browser/workerCore";

const loadExcel = async (): Promise<ExcelJSModule> => ExcelJS as unknown as ExcelJSModule;
const SAMPLES = path.join(__dirname, "..", "..", "samples");
const REAL = path.join(__dirname, "..", "fixtures", "real");

function input(dir: string, name: string): WorkerInput {
  const bytes = fs.readFileSync(path.join(dir, name));
  return { name, explicit: true, file: new File([new Uint8Array(bytes) as BlobPart], name) };
}

/** A 6,000-row list as .xlsx: several chunks of its sheet at the reader's smallest chunk size. */
async function bigList(): Promise<WorkerInput> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标");
  ws.addRow(["一级指标", "二级指标", "三级指标", "指标值", "单位"]);
  for (let i = 0; i < 6000; i++) ws.addRow(["产出指标", "数量指标", `培训人次${i}`, `≥${i + 1}`, "人次"]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { name: "大清单.xlsx", explicit: true, file: new File([bytes as BlobPart], "大清单.xlsx") };
}

/** Everything a worker answers to a check and to the preview's first rows of each file's first sheet. */
async function answers(w: CheckWorkerLike, inputs: readonly WorkerInput[], onEach?: (m: FromWorker) => void): Promise<FromWorker[]> {
  const got: FromWorker[] = [];
  let wake: (() => void) | undefined;
  w.listen((m) => {
    got.push(m);
    onEach?.(m);
    wake?.();
  });
  const until = async (ok: () => boolean): Promise<void> => {
    while (!ok()) await new Promise<void>((r) => (wake = r));
  };
  w.post({ type: "check", inputs } satisfies ToWorker);
  await until(() => got.some((m) => m.type === "done" || m.type === "failed"));
  for (let f = 0; f < inputs.length; f++) {
    w.post({ type: "rows", file: f, sheet: 0, block: 0 });
    await until(() => got.some((m) => m.type === "rows" && m.file === f));
  }
  return got;
}

/** The worker's own code on this thread, answering as a Web Worker would (no pauses). */
function workerPath(): CheckWorkerLike {
  let listener: ((m: FromWorker) => void) | undefined;
  const core = workerCore(loadExcel, (m) => listener?.(m));
  return { post: (m) => setTimeout(() => core(m), 0), listen: (cb) => (listener = cb), terminate: () => undefined };
}

const without = (ms: readonly FromWorker[]) => ms.filter((m) => m.type !== "progress");

describe("the check on the page's thread (no worker)", () => {
  jest.setTimeout(120_000);
  it("answers as the worker does: outcome and preview rows, for the samples, a real table and a 6,000-row list", async () => {
    const inputs = [...["预算项目清单.xlsx", "绩效目标-清单.xlsx", "自评表-示例.xlsx"].map((n) => input(SAMPLES, n)), input(REAL, fs.readdirSync(REAL).find((f) => f.startsWith("06_") && f.endsWith(".csv"))!), await bigList()];
    const viaWorker = without(await answers(workerPath(), inputs));
    const inline = without(await answers(inlineWorker(loadExcel, 0), inputs));
    expect(viaWorker.find((m) => m.type === "done")).toBeDefined();
    expect(inline).toEqual(viaWorker);
  });

  it("gives the event loop a turn between files and chunks: progress is seen, and timers run, while the batch is checked", async () => {
    const csv = fs.readdirSync(REAL).filter((f) => f.endsWith(".csv")).slice(0, 6);
    const inputs = [...csv.map((n) => input(REAL, n)), await bigList()];
    // A timer that fires whenever the thread is free (what a repaint or a click needs), and the progress in order.
    const events: string[] = [];
    let ticking = true;
    const tick = (): void => {
      events.push("tick");
      if (ticking) setTimeout(tick, 0);
    };
    const run = answers(inlineWorker(loadExcel, 0), inputs, (m) => {
      if (m.type === "progress") events.push(`progress ${m.progress.index} ${m.progress.stage}`);
    });
    setTimeout(tick, 0);
    await run;
    ticking = false;
    const first = events.findIndex((e) => e.startsWith("progress"));
    const last = events.map((e) => e.startsWith("progress")).lastIndexOf(true);
    const during = events.slice(first, last);
    // A turn between every two files: a tick between the first progress of file k and that of file k + 1.
    for (let k = 1; k < inputs.length; k++) {
      const a = events.indexOf(`progress ${k - 1} reading`);
      const b = events.indexOf(`progress ${k} reading`);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(events.slice(a, b)).toContain("tick");
    }
    // And within the large file's reading, between its chunks.
    const big = inputs.length - 1;
    const from = events.indexOf(`progress ${big} reading`);
    const to = events.indexOf(`progress ${big} checking`);
    expect(events.slice(from, to).filter((e) => e === "tick").length).toBeGreaterThan(1);
    expect(during.filter((e) => e === "tick").length).toBeGreaterThan(inputs.length);
  });
});
