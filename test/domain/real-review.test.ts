/**
 * The ten real published tables against their reviewer's notes (test/fixtures/real/REVIEWER-NOTES.md, a copy of
 * ../shared/data/real/README.md). For each table:
 *  - notes: what the reviewer flags or calls consistent, each with the finding that meets it (or `missed`: a note
 *    the engine does not meet yet, printed, not asserted, so the score below stays honest);
 *  - false: findings the notes call false (a layout read as an omission, a consistent figure called wrong): the
 *    test fails on any of them;
 *  - artefacts: findings the README accepts on a cut table (weight sums and missing categories past the cut,
 *    and findings on the row the cut ran through);
 *  - verdict: for the complete files, the verdict a reviewer gives.
 * Every other finding is "beyond the notes": counted and printed, for a person to judge.
 * The printout: per table and in total, notes met, findings beyond, verdict.
 */
import { checkWorkbook } from "../../src/domain/engine";
import type { Issue } from "../../src/domain/issues";
import { verdictOf, type Verdict } from "../../src/domain/report";
import { ALL_REAL_PREFIXES, realGrid, type RealPrefix } from "../helpers/real";

interface Note {
  readonly says: string;
  /** The finding that meets the note ("code@cell", or "code" anywhere); `absent` notes are met by no such finding. */
  readonly finding?: string;
  readonly absent?: string;
  /** Text the finding's message must hold. */
  readonly message?: RegExp;
  readonly missed?: boolean;
}

interface Review {
  readonly notes: readonly Note[];
  /** Codes (or code@cell) the notes call false. */
  readonly false: readonly string[];
  /** Findings accepted as artefacts of the cut (code or code@cell). */
  readonly artefacts?: readonly string[];
  /** Expected verdict of a complete file. */
  readonly verdict?: Verdict;
  /** A message no finding may carry (a wrong reading said in words). */
  readonly falseMessages?: readonly RegExp[];
}

const MISSING_ACTUAL_02 = ["F16", "F19", "F22", "F25", "F28", "F34"];

const REVIEWS: Record<RealPrefix, Review> = {
  "02": {
    notes: [
      ...MISSING_ACTUAL_02.map((c) => ({ says: `empty 指标值 and 完成值 but full marks (${c})`, finding: `score.missing-actual@${c}`, message: /均为空/ })),
      { says: "分值 100 = printed 100, 得分 100 = printed 100 (consistent)", absent: "score.total-mismatch" },
      // The notes call the blank rate consistent; the reviewer's key (../shared/data/real/key.json, test/real/keys/02.json)
      // calls it a gap the form asks to fill: the key's judgment is the one held.
      { says: "computed 执行率 100 % (the cell is blank on the form: a gap, as the reviewer's key says)", finding: "budget.rate-mismatch@G6", message: /执行率未填写/ },
      { says: "placeholder rows 指标2: / …… are template leftovers", absent: "indicator.placeholder" },
      { says: "a target embedded in the name (指标1:年度资金支付完成率100%)", finding: "score.missing-actual@F19", message: /“100%”写在了指标名称中/ },
    ],
    false: ["score.total-mismatch", "score.grade-mismatch", "project.weight-sum", "budget.total-mismatch", "budget.score-mismatch", "indicator.placeholder", "score.mismatch", "project.missing-category", "indicator.missing-field"],
    verdict: "not-ready",
  },
  "06": {
    notes: [
      { says: "执行率 97.80 % printed, 97.8086 % computed: the form truncates, not a mismatch", absent: "budget.rate-mismatch" },
      { says: "budget score 9 where the proportional rule gives 9.78", finding: "budget.score-mismatch@H6" },
      { says: "date target 2023年12月, actual 2023年10月: earlier is better, full score", absent: "score.mismatch" },
      { says: "≥8400元 against 8400元, 偏差 无: nothing to say", absent: "score.missing-reason" },
    ],
    false: ["budget.rate-mismatch", "score.mismatch", "score.missing-reason", "indicator.unknown-category"],
    // Cut at the 满意度 row (name kept, values cut): sums past the cut and findings on that row.
    artefacts: ["project.weight-sum", "project.missing-category", "indicator.missing-field@E18", "indicator.zero-weight@G18"],
  },
  "11": {
    notes: [
      { says: "every 完成值 and 得分 empty: published but never filled in", finding: "table.not-filled@H15" },
      { says: "the budget 得分 is empty too", finding: "budget.score-mismatch@H9" },
      { says: "评价结论 still the template's instructions", finding: "form.template-text@B18" },
      { says: "存在问题 still the template's instructions", finding: "form.template-text@B19" },
      { says: "改进措施 still the template's instructions", finding: "form.template-text@B20" },
      { says: "年初 238.93 < 调整后 251.89", finding: "budget.adjustment-unexplained@D9" },
      { says: "执行率 100.00 % right; 权重 60 + 30 + 10 = 100 = 合计", absent: "project.weight-sum" },
    ],
    false: ["budget.rate-mismatch", "budget.total-mismatch", "project.weight-sum", "indicator.missing-unit", "indicator.not-numeric", "indicator.missing-field", "score.missing-actual"],
    verdict: "not-filled",
  },
  "13": {
    notes: [
      { says: "no 效益 indicator", finding: "project.missing-category", message: /效益/ },
      { says: "no 满意度 indicator", finding: "project.missing-category", message: /满意度/ },
      { says: "经济成本指标 misfiled under 产出, not outside the framework", finding: "indicator.unknown-category@C2", message: /财预〔2021〕101号/ },
      { says: "≤ 30 万元 against 完成 scored full marks", finding: "score.actual-not-figure@H2" },
      { says: "no 总分", finding: "score.total-mismatch@J3", message: /未填写总分/ },
    ],
    false: [],
    falseMessages: [/经济成本指标.*不在指标体系内/],
    // 合计 100 = this page's 90 + the budget's 10 on the previous page.
    artefacts: ["project.weight-sum@I3"],
  },
  "14": {
    notes: [
      { says: "★ parents with empty 指标值 are the layout", absent: "indicator.missing-field" },
      { says: "children with no 分值 are the layout", absent: "indicator.zero-weight" },
      { says: "parents carry no 完成值 by layout", absent: "score.missing-actual" },
      { says: "8.408 / 8.408 = 100 % → 10", absent: "budget.score-mismatch" },
    ],
    false: ["indicator.zero-weight", "indicator.missing-field", "score.missing-actual", "score.mismatch", "budget.rate-mismatch", "budget.score-mismatch"],
    artefacts: ["project.weight-sum", "project.missing-category"],
  },
  "15": {
    notes: [
      { says: "数量/时效/成本指标 with notes are known categories", absent: "indicator.unknown-category" },
      { says: "产出 weighted 40 against the national 50", finding: "project.weight-sum@B11", message: /40分.*50分/ },
      { says: "target 100 with no unit (数量)", finding: "indicator.missing-unit@F11" },
      { says: "target 100 with no unit (时效)", finding: "indicator.missing-unit@F12" },
      { says: "时效 A = B = 100 scored 9.34 with no reason", finding: "score.missing-reason@J12" },
      { says: "数量 claims 100 and full marks though its text says 3620 of 3875 (93.4 %)", finding: "score.mismatch@I11", message: /未发放/ },
      { says: "execution cannot be verified (no numeric 执行数)", finding: "budget.execution-unverifiable@D5", message: /无从核实/ },
    ],
    false: ["indicator.unknown-category"],
    artefacts: ["project.weight-sum@E11", "project.missing-category"],
  },
  "16": {
    notes: [
      { says: "execution 49.88 % (< 90 %) with no reason given", finding: "budget.low-execution@F5", message: /49\.88%/ },
      { says: "50 % printed for 49.88 %, score 5 = 10 × 50 %: consistent", absent: "budget.score-mismatch" },
      { says: "the 得分计算方法 text is not a reason", finding: "budget.low-execution" },
    ],
    false: ["budget.rate-mismatch", "budget.score-mismatch"],
    // Budget block only: the indicator block was cut after its header.
    artefacts: ["table.not-filled"],
  },
  "17": {
    notes: [
      ...["D11", "D14", "D18", "D19", "D20", "D21", "D22", "D23", "D24", "D25"].map((c) => ({
        says: `template placeholder left in the name (${c})`,
        finding: `indicator.placeholder@${c}`,
        message: /仍留有模板提示/,
      })),
      { says: "name 质量达标率100% against >=98%", finding: "indicator.name-value-conflict@E13" },
      { says: "年度总体目标完成情况 blank: normal for a 申报表", absent: "form.template-text" },
      { says: "no 计量单位 column, units inside the values: normal for this template, not a flaw", absent: "indicator.missing-unit" },
    ],
    false: ["table.not-filled", "form.template-text", "indicator.missing-unit"],
    falseMessages: [/尚未填写/],
    verdict: "not-ready",
  },
  "20": {
    notes: [
      { says: "规章制度建立与否 has no 目标值", finding: "indicator.missing-field@E3" },
      { says: "资助对象满意度 under 质量指标", finding: "indicator.unknown-category@C7" },
      { says: "分值 20+10+10+10+10+20+20 = 100 = 总分", absent: "project.weight-sum" },
      { says: "no unit column (享受资助人数 2100)", finding: "indicator.missing-unit@E4" },
    ],
    false: ["project.weight-sum", "score.total-mismatch"],
    verdict: "not-ready",
  },
  "21": {
    notes: [
      { says: "never filled in: no indicator has a name or a value", finding: "table.not-filled", message: /全部为空/ },
      { says: "10606.7522 = 6923.3552 + 0 + 3683.3970", absent: "budget.total-mismatch" },
    ],
    false: ["budget.total-mismatch", "indicator.missing-field", "indicator.placeholder"],
    verdict: "not-filled",
  },
};

const key = (i: Issue) => `${i.code}@${i.cell}`;
const matches = (i: Issue, pattern: string) => (pattern.includes("@") ? key(i) === pattern : i.code === pattern);

function meets(note: Note, issues: readonly Issue[]): boolean {
  if (note.missed) return false;
  if (note.absent) return !issues.some((i) => matches(i, note.absent as string));
  return issues.some((i) => matches(i, note.finding as string) && (!note.message || note.message.test(i.message)));
}

const rows: string[] = [];
let totalNotes = 0;
let totalMet = 0;
let totalBeyond = 0;

describe.each(ALL_REAL_PREFIXES)("real table %s against the reviewer's notes", (prefix) => {
  const review = REVIEWS[prefix];
  const result = checkWorkbook([realGrid(prefix)]);
  const issues = result.issues;

  test("no finding the notes call false", () => {
    const falseOnes = issues.filter((i) => review.false.some((p) => matches(i, p)) && !(review.artefacts ?? []).some((p) => matches(i, p)));
    expect(falseOnes.map((i) => `${key(i)} ${i.message}`)).toEqual([]);
    for (const m of review.falseMessages ?? []) expect(issues.filter((i) => m.test(i.message)).map(key)).toEqual([]);
  });

  test("every note the engine meets stays met", () => {
    const unmet = review.notes.filter((n) => !n.missed && !meets(n, issues)).map((n) => n.says);
    expect(unmet).toEqual([]);
  });

  if (review.verdict) {
    test(`verdict ${review.verdict}`, () => {
      expect(verdictOf(result)).toBe(review.verdict);
    });
  }

  test("every finding names a user-facing source, and no two findings at one cell contradict each other", () => {
    for (const i of issues) {
      expect(i.source).not.toMatch(/practice:|wording unconfirmed|\(V\d+|pmkpi|indicator_audit/);
      expect(i.source).not.toBe("");
    }
    // Contradiction: the same cell said to be both "expected X" and "expected Y" by the same rule family.
    const byCell = new Map<string, Issue[]>();
    for (const i of issues) byCell.set(`${i.sheet}!${i.cell}`, [...(byCell.get(`${i.sheet}!${i.cell}`) ?? []), i]);
    for (const list of byCell.values()) {
      const family = new Map<string, Set<string>>();
      for (const i of list) {
        if (i.expected === undefined) continue;
        const f = i.code.split(".")[0] + (i.code === "project.weight-sum" ? ".weight" : "");
        family.set(f, (family.get(f) ?? new Set()).add(`${i.code}:${i.expected}`));
      }
      for (const [f, exp] of family) if (f === "project.weight") expect([...exp]).toHaveLength(1);
    }
  });

  afterAll(() => {
    const met = review.notes.filter((n) => meets(n, issues)).length;
    const explained = (i: Issue) =>
      review.notes.some((n) => n.finding && matches(i, n.finding)) || (review.artefacts ?? []).some((p) => matches(i, p));
    const beyond = issues.filter((i) => !explained(i));
    totalNotes += review.notes.length;
    totalMet += met;
    totalBeyond += beyond.length;
    rows.push(
      `${prefix}  notes met ${met}/${review.notes.length}  beyond ${beyond.length}${beyond.length ? ` (${beyond.map(key).join(" ")})` : ""}  verdict ${verdictOf(result)}`,
    );
  });
});

afterAll(() => {
  rows.push(`total  notes met ${totalMet}/${totalNotes}  findings beyond the notes ${totalBeyond}`);
  process.stdout.write(`\nReal tables against the reviewer's notes:\n${rows.map((r) => `  ${r}`).join("\n")}\n`);
});
