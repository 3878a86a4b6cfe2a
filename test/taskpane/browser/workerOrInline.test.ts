import { workerOrInline, type CheckWorkerLike } from "../../../src/taskpane/browser/workerCore";
import type { FromWorker } from "../../../src/taskpane/browser/protocol";
import type { ExcelJSModule } from "../../../src/file/grid-convert";

const noExcel = (): Promise<ExcelJSModule> => Promise.reject(new Error("not needed"));

/** The first answer of a worker to a report request made before any check. */
function firstAnswer(w: CheckWorkerLike): Promise<FromWorker> {
  return new Promise((resolve) => {
    w.listen(resolve);
    w.post({ type: "report" });
  });
}

describe("workerOrInline (the page opened from a file)", () => {
  test("a worker the browser refuses to start (file://, origin null) gives the work on this thread", async () => {
    const refused = (): CheckWorkerLike => {
      throw new DOMException("Failed to construct 'Worker': Script at 'file:///jx-check.js' cannot be accessed from origin 'null'.", "SecurityError");
    };
    const w = workerOrInline(refused, noExcel, "https:");
    expect(await firstAnswer(w)).toEqual({ type: "report-failed", message: "no batch checked" });
  });

  test("from file:// the worker is not even tried", async () => {
    const start = jest.fn();
    const w = workerOrInline(start, noExcel, "file:");
    expect(start).not.toHaveBeenCalled();
    expect((await firstAnswer(w)).type).toBe("report-failed");
  });

  test("served pages keep their Web Worker", () => {
    const real: CheckWorkerLike = { post: jest.fn(), listen: jest.fn(), terminate: jest.fn() };
    expect(workerOrInline(() => real, noExcel, "http:")).toBe(real);
  });
});
