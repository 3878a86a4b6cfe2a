/**
 * What the add-in owns in a workbook, recognized by markers it stores, never by a sheet's name alone.
 *
 * The marker is a hidden workbook-scoped defined name (Excel.NamedItem) that refers to cell A1 of the sheet the
 * add-in wrote, with a comment that signs it ("jx1 {…}": the kind, the sheet name the add-in gave, its tables):
 *
 *   _JX_REPORT   → ='校验报告'!$A$1      comment jx1 {"k":"report","s":"校验报告","t":["JX_Report"]}
 *   _JX_COVERAGE → ='覆盖率统计'!$A$1    comment jx1 {"k":"coverage",…}
 *   _JX_MISSING  → ='缺少目标清单'!$A$1  comment jx1 {"k":"missing",…}
 *   _JX_TEMPLATE → ='项目支出绩效自评表'!$A$1 comment jx1 {"k":"template","f":"self-evaluation",…}
 *   _JX_PENDING… → the sheet being written (a temporary name until the write is complete)
 *   _JX_MARKS    = "k3v9…" (a constant: the token every mark rule of this workbook carries)
 *
 * Why a defined name: Excel keeps it with the file, rewrites its reference when the sheet is renamed and turns it
 * into #REF! when the sheet is deleted (a user sheet later given the same name is not ours), a copy of the sheet
 * does not get the workbook-scoped name, and all markers are read with one load of `workbook.names`, so no action
 * needs a round trip more than before. (Worksheet custom properties, ExcelApi 1.12, would need one read per sheet
 * before the add-in knows which sheet is its own, and a worksheet id changes between sessions.)
 *
 * Rules:
 * - A marker is a claim anyone can write (the signature is public): a received workbook may carry one pointing at
 *   自评表. So a report or coverage sheet is the add-in's only when its content proves it: the marker keeps a keyed
 *   digest of the sheet's values as the add-in wrote them (own-digest.ts; the key never leaves this computer), and
 *   every skip, replace or delete first reads the sheet and compares. A claim that does not verify (forged, stale,
 *   edited since, or written on another computer) is ignored and reported; its sheet is the user's: checked, never
 *   replaced or deleted.
 * - A sheet the user renamed is the user's: it is checked like any other and never replaced or deleted.
 * - A pending marker (a write that did not finish) proves nothing: its sheet is the user's; the next write removes the
 *   marker only.
 * - A template sheet stays the user's to fill in: it is checked like any other sheet; its marker only records that
 *   the add-in inserted it (and follows renames).
 * - Only names whose comment carries the signature count; a user's name that merely starts with _JX_ is not ours.
 *
 * Requirement sets: ExcelApi 1.4 (NamedItemCollection.add, NamedItem.comment, delete), 1.1 for name, type, value
 * and visible. The pane asks for ExcelApi 1.13 as a whole. Fallback when 1.4 is missing (never on a supported build):
 * nothing is taken for the add-in's own, so no sheet is skipped or deleted; reports and coverage go to a new free
 * name every time, and marks are refused (they could not be told apart from the user's rules afterwards).
 *
 * Only real Excel can confirm: the text NamedItem.value gives for a range name ('Sheet'!$A$1, with or without the
 * equal sign: both are read) and for a name whose sheet was deleted (#REF!, or type "Error": either is read as
 * gone); that hidden names (visible = false) stay hidden in Excel on the web and on the Mac; that Range.values of an
 * untouched sheet reads back the same after the workbook is saved, closed and reopened (else the add-in's own sheets
 * are kept as the user's: safe, but the report then goes to 校验报告 (2)).
 */
import { isExcelApiSupported } from "./office";
import { SheetDigest, type UsedBox } from "./own-digest";

/** Requirement set of the markers. */
export const MARKER_API = "1.4";

/** Signature at the start of a marker's comment. */
const SIGNATURE = "jx1 ";

/** Prefix of every marker name. */
export const MARKER_PREFIX = "_JX_";

export type OutputKind = "report" | "coverage" | "missing";
export type MarkerKind = OutputKind | "template" | "pending" | "marks";

/** A marker found in the workbook. */
export interface Marker {
  /** The defined name holding it. */
  readonly name: string;
  readonly kind: MarkerKind;
  /** The sheet the marker refers to now (undefined when the sheet is gone or it holds a constant). */
  readonly target?: string;
  /** The sheet name the add-in gave (output, pending and template markers). */
  readonly given?: string;
  /** Tables the add-in named on that sheet. */
  readonly tables: readonly string[];
  /** For a pending marker: the kind being written. For a template: its form. */
  readonly of?: string;
  /** For the marks marker: the token. */
  readonly token?: string;
  /** For an output marker: the keyed digest of the sheet's content as written (own-digest.ts). */
  readonly digest?: string;
}

/** The add-in's own objects in a workbook, as the markers say. */
export interface Ownership {
  /** False when the host lacks the marker API (see the fallback above). */
  readonly available: boolean;
  /** Every marker with the add-in's signature. */
  readonly markers: readonly Marker[];
  /** Names of every workbook-scoped defined name (lower case): table names must avoid them. */
  readonly definedNames: ReadonlySet<string>;
  /** The token of this workbook's marks, when marks were ever made. */
  readonly markToken?: string;
}

interface JsonMarker {
  k?: unknown;
  s?: unknown;
  t?: unknown;
  o?: unknown;
  d?: unknown;
}

/** The comment of a marker. */
export function markerComment(kind: MarkerKind, fields: { sheet?: string; tables?: readonly string[]; of?: string; digest?: string } = {}): string {
  const o: Record<string, unknown> = { k: kind };
  if (fields.sheet !== undefined) o.s = fields.sheet;
  if (fields.tables?.length) o.t = fields.tables;
  if (fields.of !== undefined) o.o = fields.of;
  if (fields.digest !== undefined) o.d = fields.digest;
  return SIGNATURE + JSON.stringify(o);
}

const KINDS: ReadonlySet<string> = new Set(["report", "coverage", "missing", "template", "pending", "marks"]);

/** The sheet a range name's value or formula refers to ("'a''b'!$A$1" → "a'b"); undefined for #REF! or a constant. */
export function sheetOfReference(text: string): string | undefined {
  let t = text.trim();
  if (t.startsWith("=")) t = t.slice(1);
  const bang = t.lastIndexOf("!");
  if (bang <= 0) return undefined;
  let sheet = t.slice(0, bang);
  if (/^#REF!/i.test(t) || /#REF!/i.test(t.slice(bang + 1))) return undefined;
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet || undefined;
}

/** The marker a defined name holds, or undefined when it is not one of the add-in's. */
export function parseMarker(item: { name: string; type?: unknown; value?: unknown; comment?: unknown }): Marker | undefined {
  if (!item.name.toUpperCase().startsWith(MARKER_PREFIX)) return undefined;
  const comment = typeof item.comment === "string" ? item.comment : "";
  if (!comment.startsWith(SIGNATURE)) return undefined;
  let o: JsonMarker;
  try {
    o = JSON.parse(comment.slice(SIGNATURE.length)) as JsonMarker;
  } catch {
    return undefined;
  }
  if (typeof o !== "object" || o === null || typeof o.k !== "string" || !KINDS.has(o.k)) return undefined;
  const kind = o.k as MarkerKind;
  const tables = Array.isArray(o.t) ? o.t.filter((x): x is string => typeof x === "string") : [];
  const given = typeof o.s === "string" ? o.s : undefined;
  const of = typeof o.o === "string" ? o.o : undefined;
  const digest = typeof o.d === "string" && /^[0-9a-f]{32}$/.test(o.d) ? o.d : undefined;
  if (kind === "marks") {
    const token = typeof item.value === "string" && /^[a-z0-9]{8,40}$/.test(item.value) ? item.value : undefined;
    return token ? { name: item.name, kind, tables, token } : undefined;
  }
  const gone = item.type === "Error" || typeof item.value !== "string";
  const target = gone ? undefined : sheetOfReference(item.value as string);
  return { name: item.name, kind, target, given, tables, of, ...(digest ? { digest } : {}) };
}

/** True when the host has the marker API (true outside Office, where the fake or nothing answers). */
export function markersSupported(): boolean {
  return isExcelApiSupported(MARKER_API);
}

/** Queues the load of the markers; call the returned function after the next sync. No round trip of its own. */
export function loadOwnership(context: Excel.RequestContext): () => Ownership {
  if (!markersSupported()) return () => ({ available: false, markers: [], definedNames: new Set() });
  const names = context.workbook.names;
  names.load("items/name,items/type,items/value,items/comment");
  return () => {
    const markers: Marker[] = [];
    const definedNames = new Set<string>();
    for (const n of names.items) {
      definedNames.add(n.name.toLowerCase());
      const m = parseMarker({ name: n.name, type: n.type, value: n.value, comment: n.comment });
      if (m) markers.push(m);
    }
    const markToken = markers.find((m) => m.kind === "marks")?.token;
    return { available: true, markers, definedNames, markToken };
  };
}

/**
 * The sheets a marker claims as the add-in's report, coverage or missing-target list (by name → marker). A claim is only a candidate: the
 * sheet is the add-in's own once its content verifies against the marker's keyed digest (verifyClaims). Pending
 * markers claim nothing: a half-written sheet cannot be proved the add-in's, so it is the user's (checked, kept).
 */
export function claimedSheets(o: Ownership, sheets: readonly string[]): Map<string, Marker> {
  const present = new Set(sheets);
  const out = new Map<string, Marker>();
  // Every such marker is a candidate (a forged one listed first must not hide the add-in's own).
  for (const m of o.markers) {
    if (m.kind !== "report" && m.kind !== "coverage" && m.kind !== "missing") continue;
    if (m.target !== undefined && m.target === m.given && present.has(m.target) && !out.has(m.target)) out.set(m.target, m);
  }
  return out;
}

/** A claim that did not verify: the sheet stays the user's; the pane says so. */
export interface IgnoredClaim {
  readonly sheet: string;
  readonly kind: MarkerKind;
  /** "no-key": this computer cannot verify anything; "mismatch": content or digest not the add-in's. */
  readonly why: "no-key" | "mismatch";
}

/** A sheet's content digest for a marker of `kind` given `given`, fed rows by the caller (own-digest.ts). */
export function claimDigest(key: string, kind: MarkerKind, given: string, box: UsedBox | undefined): SheetDigest {
  return new SheetDigest(key, kind, given, box);
}

/** Queues the load of a sheet's used range (values only) box; read it after the next sync. */
export function queueUsedBox(ws: Excel.Worksheet): Excel.Range {
  const u = ws.getUsedRangeOrNullObject(true);
  u.load("rowIndex,columnIndex,rowCount,columnCount");
  return u;
}

/**
 * Each sheet's digest for its marker: its used range (loaded already, or one sync for all), then its values in row
 * chunks under the payload budget (one sync per chunk: one for a usual report).
 */
export async function readClaimDigests(
  context: Excel.RequestContext,
  sync: () => Promise<void>,
  claims: readonly { readonly sheet: string; readonly kind: MarkerKind; readonly given: string; readonly used?: Excel.Range }[],
  key: string,
  budget = 4_000_000,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!claims.length) return out;
  const used = claims.map((c) => ({ c, u: c.used ?? queueUsedBox(context.workbook.worksheets.getItem(c.sheet)) }));
  if (claims.some((c) => !c.used)) await sync();
  // The sheets' values in chunks of about `budget` bytes on the wire (about 64 bytes a cell for a report's texts),
  // several sheets' chunks in one sync when they fit: each digest is fed its rows in order.
  const digests = used.map(({ c, u }) => {
    const box = u.isNullObject ? undefined : { top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
    return { c, box, d: claimDigest(key, c.kind, c.given, box) };
  });
  const chunks: { k: number; sheet: string; top: number; left: number; rows: number; cols: number; bytes: number }[] = [];
  digests.forEach(({ c, box }, k) => {
    if (!box) return;
    const rowsPerChunk = Math.max(1, Math.floor(budget / 64 / Math.max(1, box.cols)));
    for (let row = 0; row < box.rows; row += rowsPerChunk) {
      const rows = Math.min(rowsPerChunk, box.rows - row);
      chunks.push({ k, sheet: c.sheet, top: box.top + row, left: box.left, rows, cols: box.cols, bytes: rows * box.cols * 64 });
    }
  });
  for (let i = 0; i < chunks.length; ) {
    const batch: { k: number; r: Excel.Range }[] = [];
    let bytes = 0;
    while (i < chunks.length && (batch.length === 0 || bytes + chunks[i].bytes <= budget)) {
      const ch = chunks[i++];
      const r = context.workbook.worksheets.getItem(ch.sheet).getRangeByIndexes(ch.top, ch.left, ch.rows, ch.cols);
      r.load("values");
      batch.push({ k: ch.k, r });
      bytes += ch.bytes;
    }
    await sync();
    for (const { k, r } of batch) digests[k].d.rows(r.values);
  }
  for (const { c, d } of digests) out.set(c.sheet, d.value());
  return out;
}

/** Sheets the add-in inserted from its templates (still the user's: they are checked). */
export function templateSheets(o: Ownership, sheets: readonly string[]): string[] {
  const present = new Set(sheets);
  return o.markers.filter((m) => m.kind === "template" && m.target !== undefined && present.has(m.target)).map((m) => m.target as string);
}

/** A marker name free among the workbook's defined names and tables: _JX_REPORT, else _JX_REPORT_2 … */
export function freeMarkerName(base: string, taken: ReadonlySet<string>): string {
  const name = (MARKER_PREFIX + base).toUpperCase();
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name}_${i}`.toLowerCase())) return `${name}_${i}`;
}

/** A sheet name free among `existing` (case-insensitive, as Excel compares): the base, else "base (2)", "base (3)" … */
export function freeSheetName(base: string, existing: readonly string[], mayReuse?: string): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const ok = (n: string): boolean => !taken.has(n.toLowerCase()) || (mayReuse !== undefined && n.toLowerCase() === mayReuse.toLowerCase());
  if (ok(base)) return base;
  for (let i = 2; ; i++) {
    const n = `${base} (${i})`;
    if (ok(n)) return n;
  }
}

/** A table name free among tables and defined names (one namespace in Excel): the base, else base_2, base_3 … */
export function freeTableName(base: string, taken: ReadonlySet<string>, mayReuse: readonly string[] = []): string {
  const reuse = new Set(mayReuse.map((n) => n.toLowerCase()));
  const ok = (n: string): boolean => !taken.has(n.toLowerCase()) || reuse.has(n.toLowerCase());
  if (ok(base)) return base;
  for (let i = 2; ; i++) if (ok(`${base}_${i}`)) return `${base}_${i}`;
}

/** A random lower-case token (ids of marks and temporary sheets); crypto when there is one. */
export function randomToken(length = 12): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = new Uint8Array(length);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let s = "";
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

/** Queues a hidden marker name referring to A1 of `ws`. */
export function queueMarker(context: Excel.RequestContext, name: string, ws: Excel.Worksheet, comment: string): void {
  const item = context.workbook.names.add(name, ws.getRange("A1"), comment);
  item.visible = false;
}
