/**
 * Every function that applies regular expressions to a user's cell text finishes in linear time: each is fed
 * 100,000-character adversarial texts (long digit runs, runs of brackets, "≥", spaces, colons, full-width forms,
 * "指标" repeated …) and must finish within a generous CPU bound. The bound only catches quadratic blow-ups (one
 * such call takes tens of seconds at this length), not ordinary slowness, so it holds on a busy machine.
 *
 * Known blow-ups in code outside this change are listed in KNOWN_QUADRATIC with what they cost; they run as
 * skipped tests until fixed (then delete the entry, and the case runs with the others).
 */
import { parseValue } from "../../src/domain/value/parse";
import { compactSignText, normalizeSign } from "../../src/domain/value/sign";
import { canonicalUnit, looksLikeUnit } from "../../src/domain/value/units";
import { isNotApplicableMark, parseDecimalText, readNumber } from "../../src/domain/value/number";
import { cleanText, compactLabel, splitPointsSuffix, toHalfWidth } from "../../src/domain/text";
import * as synonyms from "../../src/domain/tables/synonyms";
import * as normalize from "../../src/domain/coverage/normalize";
import { readAmount, splitCodedName } from "../../src/domain/coverage/types";
import { findBand } from "../../src/domain/scoring/qualitative";
import { gradeCell, normalizeGrade } from "../../src/domain/scoring/grade";
import { canonicalName } from "../../src/domain/tables/category";
import { isPlaceholderText, placeholder } from "../../src/domain/checks/placeholder";
import { vague } from "../../src/domain/checks/vague";
import type { CheckContext } from "../../src/domain/checks/types";
import { runCheck } from "../../src/domain/checks/walk";
import { checkContext } from "../../src/domain/checks/facts";
import type { IndicatorProject, IndicatorTable } from "../../src/domain/tables/model";
import { cellText, parseA1, parseArea } from "../../src/domain/grid";
import { parseCsv } from "../../src/domain/csv";
import { checkWorkbook } from "../../src/domain/engine";
import { NATIONAL } from "../../src/domain/profiles/national";
import { realGrid } from "../helpers/real";

const N = 100_000;
/** CPU milliseconds one call may take: ~100× what a linear pass over 100k characters costs. */
const BOUND_MS = 1000;

function run(unit: string, n = N): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Adversarial texts: runs that make a backtracking expression retry at every position, most with a failing end. */
const INPUTS: Readonly<Record<string, string>> = {
  digits: run("1"),
  "digits+分x": run("1") + "分x",
  "分+digits": "分" + run("1"),
  "digits+newline": run("1") + "\n",
  "digits.": run("1.") + "x",
  "digits,000": run("1,000") + "x",
  "（": run("（"),
  "(": run("("),
  "（+）": run("（") + "）",
  "(a": run("(a"),
  "【": run("【"),
  "≥": run("≥"),
  "≥x": run("≥") + "x",
  "≥1": run("≥1"),
  "<=": run("<=") + "1",
  spaces: run(" "),
  "x spaces x": "x" + run(" ") + "x",
  "full-width spaces": run("\u3000") + "x",
  nbsp: run("\u00a0") + "x",
  tabs: run("\t") + "x",
  newlines: run("\n") + "x",
  "full-width digits": run("１") + "分x",
  "：": run("：") + "x",
  ":": run(":") + "x",
  "。": run("。") + "x",
  "，": run("，") + "x",
  ".": run(".") + "a",
  "-": run("-") + "x",
  "—": "1" + run("—") + "1",
  "/": run("/") + "x",
  "%": run("%") + "x",
  x: run("x"),
  "*": run("*"),
  "…": run("…") + "a",
  _: run("_") + "a",
  "?": run("?"),
  指标: run("指标"),
  "指标1:": run("指标1:"),
  产出指标: run("产出指标"),
  "项目(": run("项目("),
  万元: run("万元") + "x",
  未达: run("未达"),
  "2020": run("2020") + "x",
  "2020 spaces": "2020" + run(" ") + "x",
  "2020-1-": run("2020-1-"),
  "1-": run("1-") + "x",
  "1~": run("1~"),
  至: "1" + run("至") + "1",
  个: "1" + run("个"),
  百分之: "百分之" + run("1") + "x",
  "code spaces": "1234567890" + run(" "),
  "code spaces newline": "1234567890" + run(" ") + "\n",
  'quotes "': run('"'),
  "quoted ,": '"' + run(',"') + "x",
};

const PROJECT = (text: string): IndicatorProject =>
  ({ key: "p", info: {}, placeholders: [], subtotals: [], indicators: [{ row: 12, name: { text, address: "D13" }, target: { text, address: "E13" }, actual: { text, address: "F13" }, notApplicable: false, placeholder: false }] }) as unknown as IndicatorProject;
const CONTEXT = (project: IndicatorProject): CheckContext => checkContext(project, { sheet: "S", columns: {}, projects: [project] } as unknown as IndicatorTable, NATIONAL);

/** The functions that apply regular expressions to user text, each called on one text. */
const FUNCTIONS: Readonly<Record<string, (s: string) => unknown>> = {
  parseValue: (s) => parseValue(s),
  "parseValue with sign, unit and format": (s) => parseValue(s, { signText: s, unitText: s, numberFormat: "0.00%" }),
  "parseValue with a long unit": (s) => parseValue("95", { unitText: s }),
  normalizeSign,
  compactSignText,
  canonicalUnit,
  looksLikeUnit,
  readNumber: (s) => readNumber(s),
  "readNumber %": (s) => readNumber(s, "0.0%"),
  parseDecimalText,
  isNotApplicableMark,
  cleanText,
  compactLabel,
  toHalfWidth,
  splitPointsSuffix,
  normalizeHeader: synonyms.normalizeHeader,
  mayBeHeaderWord: synonyms.mayBeHeaderWord,
  matchIndicatorField: (s) => [synonyms.matchIndicatorField(s), synonyms.matchIndicatorField(synonyms.normalizeHeader(s))],
  matchBudgetField: (s) => [synonyms.matchBudgetField(s), synonyms.matchBudgetField(synonyms.normalizeHeader(s))],
  matchFundsColumn: (s) => synonyms.matchFundsColumn(s),
  matchFormLabel: (s) => synonyms.matchFormLabel(s),
  isFundsTitle: (s) => [synonyms.isFundsTitle(s), synonyms.isFundsTitle(synonyms.normalizeHeader(s))],
  moneyUnitIn: synonyms.moneyUnitIn,
  level1CategoryOf: synonyms.level1CategoryOf,
  categoryOfLevel2: (s) => [synonyms.categoryOfLevel2(s, true), synonyms.categoryOfLevel2(s, false)],
  normalizeCode: normalize.normalizeCode,
  looseCodeKey: (s) => normalize.looseCodeKey(normalize.normalizeCode(s)),
  codesMatch: (s) => normalize.codesMatch(s, s + "1"),
  normalizeName: normalize.normalizeName,
  normalizeUnit: normalize.normalizeUnit,
  normalizeBudgetType: (s) => [normalize.normalizeBudgetType(s, true), normalize.normalizeBudgetType(s, false)],
  isBasicExpense: normalize.isBasicExpense,
  isYesFlag: normalize.isYesFlag,
  splitCodedName,
  readAmount: (s) => readAmount(s),
  findBand: (s) => findBand(s),
  normalizeGrade: (s) => normalizeGrade(s),
  gradeCell: (s) => gradeCell(s),
  canonicalName: (s) => canonicalName(s, ["产出指标", "效益指标", "满意度指标", "成本指标"]),
  isPlaceholderText: (s) => isPlaceholderText(s, NATIONAL),
  "placeholder check": (s) => runCheck(placeholder, CONTEXT(PROJECT(s))),
  "vague check": (s) => runCheck(vague, CONTEXT(PROJECT(s))),
  parseA1,
  parseArea,
  cellText,
  parseCsv: (s) => parseCsv(s),
};

/**
 * Quadratic functions still to fix (function → inputs), run as skipped tests until fixed. Empty: the last ones
 * (normalizeHeader's `/[:：]+$/`, normalizeOption's `/[。.，,；;：:!！]+$/g` and splitCodedName's overlapping space
 * runs, 20–32 s each at 100,000 characters) now strip with a backward scan (trimTrailing) or one separator.
 */
const KNOWN_QUADRATIC: Readonly<Record<string, readonly string[]>> = {};

function cpuMs(f: () => unknown): number {
  const start = process.cpuUsage();
  f();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

describe("regular expressions over user text run in linear time (100,000 characters)", () => {
  it.each(Object.keys(FUNCTIONS))("%s", (name) => {
    const f = FUNCTIONS[name];
    const known = KNOWN_QUADRATIC[name] ?? [];
    const slow: string[] = [];
    for (const [input, text] of Object.entries(INPUTS)) {
      if (known.includes(input)) continue;
      const ms = cpuMs(() => f(text));
      if (ms > BOUND_MS) slow.push(`${input}: ${ms.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  });

  it("knows every input it names", () => {
    for (const [name, inputs] of Object.entries(KNOWN_QUADRATIC)) {
      expect(FUNCTIONS[name]).toBeDefined();
      for (const i of inputs) expect(INPUTS[i]).toBeDefined();
    }
  });
});

describe("known quadratic outside this change (skipped until fixed)", () => {
  for (const [name, inputs] of Object.entries(KNOWN_QUADRATIC)) {
    for (const input of inputs) {
      it.skip(`${name} on ${JSON.stringify(input)}`, () => {
        expect(cpuMs(() => FUNCTIONS[name](INPUTS[input]))).toBeLessThan(BOUND_MS);
      });
    }
  }
});

describe("one 100,000-character cell in a real table: the whole check stays linear", () => {
  const grid = realGrid("02");
  /** Cells of table 02 (row, column): the form's title, year, project, unit, a funds figure, a header, a row. */
  const FORM_CELLS: readonly [number, number][] = [[0, 0], [1, 0], [2, 1], [3, 5], [5, 2], [11, 4]];
  const ROW = 12;
  /** The indicator row's columns, each its own run (a cell in every column would stop recognition early). */
  const placements: readonly { name: string; cells: readonly [number, number][] }[] = [
    { name: "form cells", cells: FORM_CELLS },
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((c) => ({ name: `indicator row column ${c}`, cells: [[ROW, c]] as [number, number][] })),
  ];
  const E2E_INPUTS = ["digits", "digits+分x", "分+digits", "（", "≥x", "x spaces x", "指标", "full-width digits", "-", "*", "2020 spaces", "(a", ":", "：", "。", ".", "，"];
  /**
   * Placements that reach a known quadratic function (KNOWN_QUADRATIC): the 一级 and 二级 cells go through
   * normalizeHeader (level1CategoryOf, categoryOfLevel2, costKindOfLevel2), the 实际完成值 cell through findBand.
   */
  const E2E_KNOWN = new Set<string>([]);

  it("knows every input and placement it names", () => {
    for (const k of E2E_KNOWN) {
      const [input, name] = k.split("@");
      expect(E2E_INPUTS).toContain(input);
      expect(placements.map((p) => p.name)).toContain(name);
    }
  });

  it.each(placements.map((p) => p.name))("%s", (name) => {
    const p = placements.find((x) => x.name === name)!;
    const slow: string[] = [];
    for (const input of E2E_INPUTS) {
      if (E2E_KNOWN.has(`${input}@${name}`)) continue;
      const values = grid.values.map((row) => [...row]);
      for (const [r, c] of p.cells) {
        while (values[r].length <= c) values[r].push(null);
        values[r][c] = INPUTS[input];
      }
      const ms = cpuMs(() => checkWorkbook([{ ...grid, values }]));
      if (ms > BOUND_MS * 2) slow.push(`${input}: ${ms.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  });
});
