/**
 * Issue 25, item 2: the streaming .xlsx reader's work grows with its input, never with its square. Each hostile input
 * of the corpus (tools/make-bad-inputs.js, HOSTILE_XLSX) is read at a size n and at 2n; the characters the reader's
 * searches visit (xlsxReadWork) may at most about double. Work is counted, not timed: the machine is shared.
 * Before this change the same inputs took 92–100 s at n = 200,000 (a backtracking attribute regex), 32 s for 100,000
 * empty rows (each row's cell search ran to the end of the chunk), and a long row was searched again with every chunk.
 */
import { HOSTILE_XLSX } from "../../tools/make-bad-inputs";
import { inflateRawNode } from "../../src/file/xlsx";
import { streamXlsxContent } from "../../src/file/xlsx-stream";
import { xlsxReadWork } from "../../src/file/xml-scan";

async function work(bytes: Uint8Array, chunkBytes?: number): Promise<{ chars: number; ok: boolean }> {
  xlsxReadWork.chars = 0;
  const ok = await streamXlsxContent(bytes, { inflateRaw: inflateRawNode, ...(chunkBytes ? { chunkBytes } : {}) }).then(
    () => true,
    () => false,
  );
  return { chars: xlsxReadWork.chars, ok };
}

const N = 20_000;

describe.each(Object.keys(HOSTILE_XLSX))("%s", (kind) => {
  test.each([undefined, 4096])("doubling the hostile part at most about doubles the work (chunks of %p bytes)", async (chunkBytes) => {
    const make = HOSTILE_XLSX[kind];
    const small = await work(make(N), chunkBytes);
    const large = await work(make(2 * N), chunkBytes);
    // The clean table around it is a constant; the hostile part's own work may double, plus a little slack.
    expect(large.ok).toBe(small.ok);
    expect(large.chars).toBeLessThanOrEqual(2.2 * small.chars + 10_000);
    // And it is linear in the size outright: a few visits per character of the hostile part (at most 11 characters per unit of n).
    expect(large.chars).toBeLessThan(40 * 11 * 2 * N + 200_000);
  });
});

test("the empty-rows file is read whole and its table is there", async () => {
  const grids = await streamXlsxContent(HOSTILE_XLSX["empty-rows-after-table"](100_000), { inflateRaw: inflateRawNode });
  expect(grids.grids[0].values[1][2]).toBe("培训人次");
});
