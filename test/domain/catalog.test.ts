/** The catalog's message templates: complete, the two languages alike, filled as text; and the checks use them. */
import * as fs from "fs";
import * as path from "path";
import { CATALOG, PHRASES, issueType, list, makeIssue, messageTemplates, phrase, placeholdersOf, say, sayText, text, type IssueCode, type Said, type Template } from "../../src/domain/catalog";

/** A finding's code and words as reported: say() gives a record, makeIssue writes its words. */
function written(s: Said): { code: IssueCode; message: string; messageEn: string } {
  const { message, messageEn } = makeIssue({ ...s, sheet: "表", cell: "A1" });
  return { code: s.code, message, messageEn };
}

const codes = Object.keys(CATALOG) as IssueCode[];

/** Every template of the catalog and the shared phrases, named for the failure message. */
function allTemplates(): [string, Template][] {
  const out: [string, Template][] = [];
  for (const code of codes) for (const [variant, t] of Object.entries(messageTemplates(code))) out.push([`${code}.${variant}`, t]);
  for (const [name, t] of Object.entries(PHRASES)) out.push([`phrase ${name}`, t]);
  return out;
}

describe("catalog message templates", () => {
  test("every entry has at least one variant", () => {
    const without = codes.filter((c) => Object.keys(messageTemplates(c)).length === 0);
    expect(without).toEqual([]);
    expect(codes.length).toBeGreaterThan(40);
  });

  test("no template is empty, in either language", () => {
    const empty = allTemplates()
      .filter(([, t]) => t.zh.trim() === "" || t.en.trim() === "")
      .map(([n]) => n);
    expect(empty).toEqual([]);
  });

  test("each variant's Chinese and English templates have the same placeholders", () => {
    const differ = allTemplates()
      .filter(([, t]) => placeholdersOf(t.zh).sort().join(",") !== placeholdersOf(t.en).sort().join(","))
      .map(([n, t]) => `${n}: zh {${placeholdersOf(t.zh).join(",")}} en {${placeholdersOf(t.en).join(",")}}`);
    expect(differ).toEqual([]);
  });

  test("braces appear only as placeholders (a typo such as {text or text} would print as is)", () => {
    const stray = allTemplates()
      .filter(([, t]) => /[{}]/.test(t.zh.replace(/\{\w+\}/g, "")) || /[{}]/.test(t.en.replace(/\{\w+\}/g, "")))
      .map(([n]) => n);
    expect(stray).toEqual([]);
  });

  test("the Chinese template is Chinese (shown first to users)", () => {
    const notChinese = allTemplates()
      .filter(([n]) => !n.startsWith("phrase "))
      .filter(([, t]) => !/[\u4e00-\u9fff]/.test(t.zh))
      .map(([n]) => n);
    expect(notChinese).toEqual([]);
  });

  test("issueType() gives severity, titles and source, not the templates", () => {
    expect(Object.keys(issueType("indicator.zero-weight")).sort()).toEqual(["code", "severity", "source", "title", "titleEn"]);
  });

  test("indicator.vague's percentOnAim variant keeps the words the aim-with-a-percentage rule was written with", () => {
    const s = written(say("indicator.vague", "percentOnAim", { name: "改善人居环境", text: "≥95%" }));
    expect(s.message).toBe("“改善人居环境”是一项目标或作用，不是可计算的比率，百分比指标值“≥95%”无从衡量；应改为可计算的比率（如“……率”）或写明衡量标准");
    expect(s.messageEn).toBe('"改善人居环境" states an aim, not a ratio: the percentage target "≥95%" measures nothing; name a rate that can be computed, or a standard');
  });
});

describe("say and its fragments", () => {
  test("say() writes nothing: it records the template and its parameters, and makeIssue writes them as sayText does", () => {
    const s = say("indicator.vague", "vagueWord", { text: "有所提高", word: "提高" });
    expect(s).toEqual({ code: "indicator.vague", template: CATALOG["indicator.vague"].messages.vagueWord, params: { text: "有所提高", word: "提高" } });
    expect(Object.keys(s)).not.toContain("message");
    expect(written(s)).toEqual(sayText("indicator.vague", "vagueWord", { text: "有所提高", word: "提高" }));
    expect(written(s).message).toBe("指标值“有所提高”含模糊表述“提高”，宜改为可衡量的数值");
    expect(written(say("indicator.zero-weight", "empty"))).toEqual(sayText("indicator.zero-weight", "empty"));
  });

  test("fills both languages and carries the code", () => {
    expect(written(say("indicator.zero-weight", "notNumber", { text: "十" }))).toEqual({
      code: "indicator.zero-weight",
      message: "分值（权重）“十”不是数值",
      messageEn: 'weight "十" is not a number',
    });
    expect(written(say("indicator.zero-weight", "notPositive", { weight: 0 })).message).toBe("分值（权重）0应大于0");
    expect(written(say("indicator.zero-weight", "empty")).messageEn).toBe("weight is empty");
  });

  test("values go in as text: a value that looks like a placeholder or a replacement pattern stays as it is", () => {
    const s = written(say("indicator.vague", "vagueWord", { text: "{word} $& $1 $$", word: "{text}" }));
    expect(s.message).toBe("指标值“{word} $& $1 $$”含模糊表述“{text}”，宜改为可衡量的数值");
    expect(s.messageEn).toBe('target "{word} $& $1 $$" uses vague wording ("{text}"); give a measurable figure');
  });

  test("a value per language goes into each language's template", () => {
    const printed = list([text("budget.zero-budget", "printedRate", { text: "50%" }), text("budget.zero-budget", "printedScore", { text: "5" })], "and");
    const s = written(say("budget.zero-budget", "zeroUnverifiable", { label: "年度资金总额", printed }));
    expect(s.message).toBe("年度资金总额的全年预算数为0，无法计算预算执行率及得分；执行率（填报50%）和得分（填报5）无从核实");
    expect(s.messageEn).toBe("the full-year budget (A) of 年度资金总额 is 0: no execution rate or score can be computed; the rate (50%) and the score (5) cannot be verified");
  });

  test("lists join as each language writes them", () => {
    expect(list([90, 100], "or")).toEqual({ zh: "90或100", en: "90 or 100" });
    expect(list(["甲", "乙", "丙"], "enum")).toEqual({ zh: "甲、乙、丙", en: "甲, 乙, 丙" });
    expect(list([], "and")).toEqual({ zh: "", en: "" });
  });

  test("shared phrases name a budget line", () => {
    expect(phrase("line", { name: "项目", code: "001" })).toEqual({ zh: "项目（001）", en: '"项目" (001)' });
    expect(phrase("lineUnnamed")).toEqual({ zh: "（无编码无名称）", en: "(no code, no name)" });
  });

  test("an unknown code or variant (past the compiler, e.g. from JSON) throws", () => {
    expect(() => (say as (c: string, v: string) => unknown)("indicator.nope", "x")).toThrow(/indicator\.nope/);
    expect(() => (say as (c: string, v: string) => unknown)("indicator.vague", "nope")).toThrow(/nope/);
  });
});

/** Never called: `npx tsc --noEmit` (which includes test/) fails if the compiler accepts any of these. */
export function compilerRejects(): void {
  // @ts-expect-error an unknown code
  say("indicator.no-such-code", "empty");
  // @ts-expect-error an unknown variant
  say("indicator.zero-weight", "noSuchVariant");
  // @ts-expect-error a placeholder without its parameter
  say("indicator.zero-weight", "notNumber", {});
  // @ts-expect-error the parameters left out altogether
  say("indicator.zero-weight", "notNumber");
  // @ts-expect-error a parameter the template does not have
  say("indicator.zero-weight", "notNumber", { text: "x", weight: 1 });
  // @ts-expect-error parameters for a template without placeholders
  say("indicator.zero-weight", "empty", { text: "x" });
  // @ts-expect-error a value that is not text, a number or a bilingual pair
  say("indicator.zero-weight", "notNumber", { text: ["x"] });
  // @ts-expect-error fragments are typed the same way
  text("budget.zero-budget", "printedRate", { txt: "5%" });
  // @ts-expect-error and so are the shared phrases
  phrase("line", { name: "x" });
}

describe("no message text in the checks", () => {
  const root = path.join(__dirname, "../../src/domain");
  const files = [
    ...fs
      .readdirSync(path.join(root, "checks"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(root, "checks", f)),
    path.join(root, "coverage/findings.ts"),
    path.join(root, "tables/fill-state.ts"),
  ];

  test.each(files.map((f) => [path.relative(root, f), f]))("%s builds its messages with the catalog", (_name, file) => {
    const src = fs.readFileSync(file, "utf8");
    // A draft's text written in place: any `message:` / `messageEn:` (say() supplies both), or a `reason:` given as
    // a literal or template string (fill-state's reasons are the catalog's table.not-filled texts).
    const inline = src.split("\n").filter((l) => /\b(message|messageEn)\s*:/.test(l) || /\b(reason|reasonEn)\s*:\s*[`"']/.test(l));
    expect(inline).toEqual([]);
  });
});

describe("README's table of codes", () => {
  test("lists every code of the catalog, so a new rule cannot go unannounced", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const unlisted = Object.keys(CATALOG).filter((code) => !readme.includes("`" + code + "`"));
    expect(unlisted).toEqual([]);
  });
});
