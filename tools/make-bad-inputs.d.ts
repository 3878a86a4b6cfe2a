/** Types for tools/make-bad-inputs.js (a plain node script, so the corpus can be generated without a build). */
/** Writes every generated bad input (or those named in `only`) into `dir`; returns the names written. */
export function makeBadInputs(dir: string, only?: readonly string[]): string[];
/** Names of every generated bad input. */
export function generatedNames(): string[];
/** Issue 25's hostile .xlsx generators, by kind: each takes the size of its hostile part and returns the file. */
export const HOSTILE_XLSX: Readonly<Record<string, (n: number) => Buffer>>;
