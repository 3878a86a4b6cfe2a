/**
 * functions.json as the build generates it (custom-functions-metadata, the generator behind the webpack plugin),
 * generated here from src/functions/functions.ts so no build is needed: every id, parameter and result shape.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
  options?: { volatile?: boolean; stream?: boolean; requiresAddress?: boolean };
}

/** id → [parameter names (optional ones with "?"), result dimensionality]. */
const EXPECTED: Record<string, [string[], "matrix" | "scalar"]> = {
  GRADE: [["score"], "matrix"],
  SCORE: [["target", "actual", "weight", "sign?"], "matrix"],
  COMPLETION: [["target", "actual", "sign?"], "matrix"],
  EXECSCORE: [["budget", "spent", "points?"], "matrix"],
  PARSE: [["text"], "matrix"],
  HASTARGET: [["code", "targetCodes"], "matrix"],
  MISSING: [["budgetRange", "targetCodes", "excluded?"], "matrix"],
  COVERAGE: [["budgetCodes", "coveredCodes", "amounts?"], "scalar"],
  COVERAGEBY: [["groups", "budgetCodes", "coveredCodes", "amounts?"], "matrix"],
  REDUCTION: [["declared", "approved"], "matrix"],
  CHECK: [["level1", "level2", "name", "target", "unit", "weight"], "matrix"],
};

const CJK = /[\u4e00-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{3,}/;

let fns: Fn[];
let associate: { functionName: string; id: string }[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"));
  expect(result.errors).toEqual([]);
  fns = (JSON.parse(result.metadataJson) as { functions: Fn[] }).functions;
  associate = result.associate;
}, 60_000);

describe("generated functions.json", () => {
  it("has exactly the JX functions, each once", () => {
    expect(fns.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of fns) expect(f.name).toBe(f.id);
  });

  it.each(Object.entries(EXPECTED))("%s: parameters, optionality and result shape", (id, [params, result]) => {
    const f = fns.find((x) => x.id === id) as Fn;
    expect(f.parameters.map((p) => p.name + (p.optional ? "?" : ""))).toEqual(params);
    for (const p of f.parameters) {
      // Every argument takes a cell or a range, numbers and text alike.
      expect(p.type).toBe("any");
      expect(p.dimensionality).toBe("matrix");
      expect(p.description).toMatch(CJK);
      expect(p.description).toMatch(LATIN_WORD);
    }
    if (result === "matrix") expect(f.result?.dimensionality).toBe("matrix");
    else expect(f.result?.dimensionality).toBeUndefined();
  });

  it("describes every function in Chinese and English", () => {
    for (const f of fns) {
      expect(f.description).toMatch(CJK);
      expect(f.description).toMatch(LATIN_WORD);
    }
  });

  it("declares no function volatile, streaming or address-bound (pure functions)", () => {
    for (const f of fns) {
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
      expect(f.options?.requiresAddress ?? false).toBe(false);
    }
  });

  it("associates each id with an exported function of the same arity", () => {
    const mod = functions as unknown as Record<string, unknown>;
    expect(associate.map((a) => a.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const a of associate) {
      const fn = mod[a.functionName];
      expect(typeof fn).toBe("function");
      expect((fn as (...args: unknown[]) => unknown).length).toBe(EXPECTED[a.id][0].length);
    }
  });
});
