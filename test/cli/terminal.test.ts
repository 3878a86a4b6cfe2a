/**
 * What reaches the terminal from a hostile file: no escape sequence or control character, one line per file
 * header even with a newline in the name, long values cut with "…" and their length; the JSON keeps it all.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { cutText, joinLines, stripControls, termName, termValue } from "../../src/cli/terminal";
import { runJx } from "../helpers/cli";
import { removeDir, tempDir } from "../helpers/workbooks";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "自评表-示例.xlsx");

/** Any C0 control (but the line feed when `lines`), DEL, any C1 control, the bidi overrides: none may be printed. */
function unsafe(s: string, lines = true): string[] {
  const found: string[] = [];
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (lines && c === 0x0a) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) found.push(`U+${c.toString(16).padStart(4, "0")}`);
  }
  return found;
}

describe("stripControls", () => {
  it.each([
    ["SGR colours", "\u001b[31;1m红\u001b[0m字", "红字"],
    ["clear screen and cursor moves", "a\u001b[2J\u001b[Hb\u001b[10;20f", "ab"],
    ["window title (OSC … BEL)", "\u001b]0;pwned\u0007名称", "名称"],
    ["hyperlink (OSC 8 … ST)", "\u001b]8;;http://evil\u001b\\点我\u001b]8;;\u001b\\", "点我"],
    ["C1 CSI and C1 OSC", "x\u009b2Jy\u009d0;t\u009cz", "xyz"],
    ["charset designation ESC ( B, keypad ESC =", "a\u001b(Bb\u001b=c", "abc"],
    ["NUL, BEL, backspace, DEL, C1 NEL", "a\u0000b\u0007c\bd\u007fe\u0085f", "abcdef"],
    ["bidi override and isolate", "abc\u202edcba\u2066x\u2069", "abcdcbax"],
    ["an ESC at the end", "end\u001b", "end"],
    ["an unterminated OSC stops at the next control", "a\u001b]0;title\nb", "a\\nb"],
  ])("removes %s", (_name, input, expected) => {
    expect(stripControls(input, "escape")).toBe(expected);
  });

  it("shows line breaks in names and turns them into spaces in values", () => {
    expect(termName("第一行\n第二行\r.xlsx")).toBe("第一行\\n第二行\\r.xlsx");
    expect(termValue("完成率\n  (含结转)\t合计")).toBe("完成率 (含结转) 合计");
    expect(termValue("  a  b  ")).toBe("a  b"); // spaces within a line are the cell's own
  });

  it("leaves ordinary text alone (same string back)", () => {
    const s = "项目支出绩效自评表（2023年度）≥95% · ½ — “引号” 𠀀";
    expect(stripControls(s, "escape")).toBe(s);
    expect(termValue(s)).toBe(s);
  });

  it("never lets an unsafe character through, on any text", () => {
    const unit = fc.constantFrom("\u001b", "[", "]", "\u0007", "\\", "\n", "\r", "\t", "\u009b", "\u009d", "\u0085", "\u202e", "\u0000", "a", "1", ";", "中", "(", " ");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }).map((a) => a.join("")), (s) => {
        expect(unsafe(termName(s), false)).toEqual([]);
        expect(unsafe(termValue(s), false)).toEqual([]);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });

  it("joinLines is the old one-line regular expression, in one pass", () => {
    const unit = fc.constantFrom("\n", "\r", " ", "\t", "\u3000", "a", "中", "\u00a0");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((a) => a.join("")), (s) => {
        expect(joinLines(s)).toBe(s.replace(/\s*[\r\n]+\s*/g, " "));
      }),
      { numRuns: 3000, seed: 15 },
    );
  });

  it("cuts long text with an ellipsis and the original length, without splitting a surrogate pair", () => {
    expect(cutText("x".repeat(201))).toBe(`${"x".repeat(200)}…（共 201 字符 / 201 characters）`);
    expect(cutText("x".repeat(200))).toBe("x".repeat(200));
    expect(cutText("a" + "𠀀".repeat(10), 4)).toBe("a𠀀…（共 21 字符 / 21 characters）");
    const big = "长".repeat(10 * 1024 * 1024);
    const t0 = Date.now();
    const shown = termValue(big);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(shown).toBe(`${"长".repeat(200)}…（共 10485760 字符 / 10485760 characters）`);
  });

  it("is linear on hostile 100,000-character inputs", () => {
    for (const s of [
      "\u001b]".repeat(50_000),
      "\u001b[" + "1;".repeat(50_000),
      "\u001b".repeat(100_000),
      " \n".repeat(50_000),
      " ".repeat(99_999) + "\n",
      "\u001b]0;" + "x".repeat(100_000),
      "\u009b".repeat(100_000),
    ]) {
      const t0 = Date.now();
      termName(s);
      termValue(s);
      expect(Date.now() - t0).toBeLessThan(500);
    }
  });
});

describe("jx check on a file with escape sequences, newlines and a huge cell", () => {
  let dir: string;
  // A CSV carries every byte as it is (the sheet name is the file name): the worst case for the terminal.
  const base = "恶意\u001b[2J\u001b]0;pwned\u0007\n第二行";
  const fileName = `${base}.csv`;
  const project = "水旱\u001b[31m灾害\u009b2J防御经费" + "长".repeat(10_000);
  const indicator = "完成中型\u001b]8;;http://evil\u001b\\灌区节水\u202e改造项目数量\u0008";
  beforeAll(() => {
    dir = tempDir("jx-term-");
    const real = path.join(__dirname, "..", "fixtures", "real");
    const csv = fs.readFileSync(path.join(real, fs.readdirSync(real).find((f) => f.startsWith("02_") && f.endsWith(".csv")) as string), "utf8");
    const hostile = csv.replace("水旱灾害防御经费", project).replace("指标1:完成中型灌区节水改造项目数量", `指标1:${indicator}`);
    expect(hostile).not.toBe(csv);
    fs.writeFileSync(path.join(dir, fileName), hostile);
    fs.copyFileSync(SAMPLE, path.join(dir, "甲.xlsx")); // after the CSV, so the CSV's block comes first
  });
  afterAll(() => removeDir(dir));

  it("prints no control character; the header stays on one line; the long value is cut", async () => {
    const r = await runJx(["check", "."], dir);
    expect(r.code).toBe(1);
    expect(unsafe(r.stdout)).toEqual([]);
    expect(unsafe(r.stderr)).toEqual([]);
    expect(r.stdout).not.toContain("pwned");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("■ 恶意\\n第二行.csv");
    expect(lines[1]).toMatch(/^ {2}(不可提交|可以提交)/);
    expect(r.stdout).toContain("  表 Table 恶意\\n第二行!A1:");
    expect(r.stdout).toContain(`项目 水旱灾害防御经费${"长".repeat(192)}…（共 ${project.length} 字符 / ${project.length} characters）`);
    expect(r.stdout).toMatch(/\n {2}恶意\\n第二行!F16 /);
    expect(r.stdout).toContain("定量指标“指标1:完成中型灌区节水改造项目数量”缺少计量单位");
    for (const line of lines) expect(line.length).toBeLessThan(1000);
    // The summary row of the file is on one line too (its name with a space for the newline).
    expect(r.stdout).toMatch(/\n恶意 第二行\.csv +不可提交 +天长市水利局 +9 /); // errors: six missing actuals, a missing unit ×2, the blank 执行率
  });

  it("keeps the JSON complete (JSON escapes by itself)", async () => {
    const r = await runJx(["check", fileName, "--format", "json"], dir);
    const out = JSON.parse(r.stdout) as { files: { file: string; tables: { sheet: string; project?: string }[]; issues: { sheet: string; message: string }[] }[] };
    expect(out.files[0].file).toBe(fileName);
    expect(out.files[0].tables[0].sheet).toBe(base);
    expect(out.files[0].tables[0].project).toBe(project);
    expect(out.files[0].issues.some((i) => i.message.includes(indicator))).toBe(true);
    expect(r.stdout).not.toContain("\u001b"); // written as the six characters \u001b inside JSON strings
  });

  it("jx grade prints sheet names and labels without controls", async () => {
    const r = await runJx(["grade", fileName], dir);
    expect(unsafe(r.stdout + r.stderr)).toEqual([]);
    expect(r.stdout).toContain("恶意\\n第二行  (");
  });

  it("names on the progress bar are cleaned too", async () => {
    const r = await runJx(["check", "."], dir, { tty: true });
    // The bar draws its own \r and ESC[2K; nothing else may come from a name.
    expect(r.stderr).toContain("█");
    expect(unsafe(r.stderr.split("\r\u001b[2K").join(""))).toEqual([]);
  });
});
