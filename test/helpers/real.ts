/** Loads the real published tables (test/fixtures/real/*.csv) as grids. */
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../src/domain/csv";
import type { Grid } from "../../src/domain/grid";

export const REAL_DIR = path.join(__dirname, "..", "fixtures", "real");

/** The real tables by their numeric prefix: "02", "06", "11", "13", "14", "15", "16", "17", "20", "21". */
export type RealPrefix = "02" | "06" | "11" | "13" | "14" | "15" | "16" | "17" | "20" | "21";

export function realGrid(prefix: RealPrefix): Grid {
  const file = fs.readdirSync(REAL_DIR).find((f) => f.startsWith(prefix + "_") && f.endsWith(".csv"));
  if (!file) throw new Error(`no real table ${prefix}`);
  const text = fs.readFileSync(path.join(REAL_DIR, file), "utf8");
  return { sheet: file.replace(/\.csv$/, ""), top: 0, left: 0, values: parseCsv(text) };
}

/** The five tables with expectation files (NN.expected.json). */
export const REAL_PREFIXES = ["02", "06", "11", "17", "20"] as const;

/** All ten real tables (the reviewer's notes for each are in test/fixtures/real/REVIEWER-NOTES.md). */
export const ALL_REAL_PREFIXES: readonly RealPrefix[] = ["02", "06", "11", "13", "14", "15", "16", "17", "20", "21"];
