/**
 * Layout invariance over the whole real-table corpus: a transformation that keeps a table's meaning (test/real/
 * layouts.ts) must keep its findings — the same codes on the same logical rows. Each failure is a reading bug.
 */
import { checkWorkbook } from "../../src/domain/engine";
import type { Grid } from "../../src/domain/grid";
import { verdictOf } from "../../src/domain/report";
import { layoutsFor } from "./layouts";
import { CORPUS_DIR, loadCorpus } from "./score";

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? "0") - 1;
const colOf = (cell: string) => [...(/^[A-Z]+/.exec(cell)?.[0] ?? "A")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The findings as sorted "code@row" (original rows), and the verdict. */
function findings(g: Grid, rowFrom?: readonly number[], cellFrom?: ReadonlyMap<string, readonly [number, number]>): { list: string[]; verdict: string } {
  const result = checkWorkbook([g]);
  const list = result.issues.map((i) => {
    const r = rowOf(i.cell);
    const moved = cellFrom?.get(`${r},${colOf(i.cell)}`);
    if (moved) return `${i.code}@${moved[0] + 1}`;
    return `${i.code}@${rowFrom ? (rowFrom[r] ?? -1) + 1 : r + 1}`;
  });
  return { list: list.sort(), verdict: verdictOf(result) };
}

const corpus = loadCorpus(CORPUS_DIR, []);

describe.each(corpus.map((t) => [t.id, t] as const))("table %s keeps its findings under layouts that keep its meaning", (_id, t) => {
  const base = findings(t.grid);
  test.each(layoutsFor(t.grid).map((l) => [l.name, l] as const))("%s", (_name, layout) => {
    const out = layout.apply(t.grid);
    if (!out) return; // not applicable to this table
    const got = findings(out.grid, out.rowFrom, out.cellFrom);
    expect({ findings: got.list, verdict: got.verdict }).toEqual({ findings: base.list, verdict: base.verdict });
  });
});
