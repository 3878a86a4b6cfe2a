/**
 * ExcelJS for the browser page, loaded on first use. The dynamic import makes webpack put ExcelJS (its browser
 * build, via the package's "browser" field) in its own chunk, which Excel mode never requests.
 */
import type { ExcelJSModule } from "../../file/grid-convert";

let pending: Promise<ExcelJSModule> | undefined;

/** The ExcelJS module, whether the bundler hands it over as the namespace or as `default` (a UMD build). */
function unwrap(m: unknown): ExcelJSModule {
  const mod = m as Partial<ExcelJSModule> & { readonly default?: Partial<ExcelJSModule> };
  const found = typeof mod.Workbook === "function" ? mod : mod.default;
  if (!found || typeof found.Workbook !== "function") throw new Error("ExcelJS did not load");
  return found as ExcelJSModule;
}

export function loadExcelJS(): Promise<ExcelJSModule> {
  pending ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(unwrap, (e: unknown) => {
    pending = undefined; // let the user retry (e.g. the chunk failed to download)
    throw e;
  });
  return pending;
}
