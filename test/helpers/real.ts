/** Loads the real published tables (test/fixtures/real/*.csv) as grids. */
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../src/domain/csv";
import type { Grid } from "../../src/domain/grid";

export const REAL_DIR = path.join(__dirname, "..", "fixtures", "real");

/** The five real tables by their numeric prefix: "02", "06", "11", "17", "20". */
export function realGrid(prefix: "02" | "06" | "11" | "17" | "20"): Grid {
  const file = fs.readdirSync(REAL_DIR).find((f) => f.startsWith(prefix + "_") && f.endsWith(".csv"));
  if (!file) throw new Error(`no real table ${prefix}`);
  const text = fs.readFileSync(path.join(REAL_DIR, file), "utf8");
  return { sheet: file.replace(/\.csv$/, ""), top: 0, left: 0, values: parseCsv(text) };
}

export const REAL_PREFIXES = ["02", "06", "11", "17", "20"] as const;
