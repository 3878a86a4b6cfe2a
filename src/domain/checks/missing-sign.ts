/**
 * indicator.missing-sign (issue #22, item 2): a quantitative target written without a comparison sign (45户, 90%) on a
 * table that has no 计算符号 / 指标性质 column: floor (≥), ceiling (≤) or standard (＝) is not said. The finding says
 * what the target most likely is by its meaning (≥ for counts and rates, ≤ for durations, spending and rates of
 * something bad, ＝ for a standard) and suggests the sign.
 *
 * One cause, one finding. A table none of whose targets carries a sign writes them so by habit: one finding for the
 * table (info: the reviewer notes it, nothing is wrong in a figure), at its first such target, with the count and a
 * few suggestions. A table that writes signs on other rows makes the bare ones exceptions (warning), reported per row
 * up to MAX_EXCEPTIONS, else as one finding for the table. The rows are counted over the table's projects in turn and
 * the findings said after the last one, so a list of many projects gets one finding, not one per project; a lone row
 * (JX.CHECK) says nothing, since whether its table writes signs is not known.
 *
 * Not reported: a table with a sign column (its rows say the direction there, or say nothing a sign could fix); a
 * date, a yes/no or a 定性 grade (only figures need a sign); a target at its bound, where every sign means the same
 * (100 % of a rate, 0 of anything, one of a kind: 1种, 1届); a figure with no unit (indicator.missing-unit says that, and the fix rewrites the
 * whole value); a cost written in money (indicator.cost-direction says that one); a name that carries the direction
 * itself (不低于, 不超过, 控制在…以内, 达到…); a name that is a figure or a sentence; key evaluations (决策/过程 score
 * sheets); the members of a ★ group (the group is one indicator).
 */
import { list, say, text as fragment, type MessageValue } from "../catalog";
import type { RowCategory } from "../tables/category";
import { isCostRow } from "../tables/category";
import type { IndicatorRow, IndicatorTable } from "../tables/model";
import { fieldAddress, fieldText } from "../tables/rows";
import { memoByText } from "../memo";
import { compactLabel } from "../text";
import type { ParsedValue, Sign } from "../value/types";
import { BAD_RATE } from "./unit-meaning";
import type { Check } from "./types";

/** Exceptions reported one by one on a table that writes signs; more than this is one finding for the table. */
export const MAX_EXCEPTIONS = 3;
/** Suggestions shown in a table's one finding. */
const EXAMPLES = 3;

/** A name that states the direction itself: the target's bare figure is read with it. */
const NAME_DIRECTION = /不低于|不少于|不小于|不高于|不超过|不多于|不大于|至少|最多|最少|最高|最低|上限|下限|以上|以下|以内|之内|达到|超过|低于|高于|[≥≤≧≦<>＜＞]/;
/** A count of something bad (a count to keep low): the lower the better. */
const BAD_COUNT = /事故|投诉|差错|错误|失误|违规|违纪|违法|返工|故障|损失|逾期|延误|上访|信访|超标|不合格|死亡|发病|案件发生|发生(?:数|次数|起数)/;
/** Work done on something bad (办结信访案件, 查处违法案件, 整改问题): the more the better. */
const DEALT_WITH = /办结|办理|处理|处置|查处|化解|整改|排查|调处|受理|解决|纠正|消除|治理|修复|救助/;
/** A duration a project should last at least (a service life), not a time limit. */
const LIFE = /年限|寿命|使用期|保修|质保|维持|运行|保存|有效期|存活/;
/** Money that is a result: more is better. */
const INCOME = /收入|产值|增收|利润|效益|税收|销售|营业|节约|节省|回收|创收|带动|增加值|融资|招商|投资额/;
/** A standard (an amount per unit the project pays): exact. */
const STANDARD = /标准|单价|定额/;
const RATE_NAME = /率$|比例$|比重$|占比$/;
/** Units of a kind or an event: a target of one of them is the project itself (1种 of sport for one tennis open). */
const ONE_OF_A_KIND = /^(?:种|类|届|场|项|台|套|座|处|所|个)$/;

type Why = "count" | "rate" | "badRate" | "duration" | "life" | "income" | "spending" | "standard";

interface Suggestion {
  readonly row: IndicatorRow;
  readonly text: string;
  readonly name: string;
  readonly sign: Sign;
  readonly why: Why;
}

/** What a table's rows say so far: its bare targets and how many write a sign. Gathered over its projects in turn. */
interface Tally {
  /** The first bare targets, as many as a finding shows. */
  readonly bare: Suggestion[];
  /** How many bare targets in all. */
  count: number;
  signed: number;
}
/** Bare targets kept: enough for the exceptions or the examples. */
const KEPT = Math.max(MAX_EXCEPTIONS, EXAMPLES);

/** Each table's tally (a list's projects add to one; the findings are said after its last project). */
const tallies = new WeakMap<IndicatorTable, Tally>();

function nameOf(raw: string): string {
  return compactLabel(raw).replace(/^(?:指标)?[0-9０-９]+[.、:：]?/, "");
}

/**
 * The name as the rules read it, or undefined for a name no sign is asked of: blank, a figure, a sentence (通过注射疫苗，
 * 可以有效降低…: no one measure whose direction a sign could give), or one that carries the direction itself.
 */
const signableName = memoByText((raw: string): string | undefined => {
  const name = nameOf(raw);
  if (name.length < 2 || name.length > 40 || /^[0-9０-９.]/.test(name) || /[，,；;。]/.test(name) || NAME_DIRECTION.test(name)) return undefined;
  return name;
}, 20_000, 200);

/** The sign a bare figure most likely means, and why. */
export function likelySign(name: string, t: ParsedValue): { sign: Sign; why: Why } {
  if (BAD_RATE.test(name) || (BAD_COUNT.test(name) && !DEALT_WITH.test(name))) return { sign: "≤", why: "badRate" };
  if (t.unitKind === "percent" || t.unitKind === "permille" || RATE_NAME.test(name)) return { sign: "≥", why: "rate" };
  if (t.unitKind === "time") return LIFE.test(name) ? { sign: "≥", why: "life" } : { sign: "≤", why: "duration" };
  if (t.unitKind === "money") {
    if (INCOME.test(name)) return { sign: "≥", why: "income" };
    if (STANDARD.test(name)) return { sign: "＝", why: "standard" };
    return { sign: "≤", why: "spending" };
  }
  return { sign: "≥", why: "count" };
}

/** A figure without a sign that a sign would make clear (see the file's comment for what is left out). */
function bareTarget(row: IndicatorRow, t: ParsedValue, category: RowCategory): Suggestion | undefined {
  if (row.placeholder || row.notApplicable || row.memberOf !== undefined) return undefined;
  if (t.kind !== "number" || t.sign !== undefined || t.signLabel !== undefined || t.number === undefined || t.unit === undefined) return undefined;
  // At its bound every sign means the same: ≥100% is =100%, ≤0 is =0.
  // So at one of a kind (1种, 1届, 1场): a project that is one event or one thing cannot have more or fewer of it.
  if (t.number === 0 || ((t.unitKind === "percent" || t.unitKind === "permille") && t.number >= 100) || (t.number === 1 && ONE_OF_A_KIND.test(t.unit))) return undefined;
  if (t.unitKind === "money" && isCostRow(category)) return undefined; // indicator.cost-direction
  const raw = fieldText(row, "name");
  const name = signableName(raw);
  if (name === undefined) return undefined;
  const text = fieldText(row, "target");
  if (text === "" || NAME_DIRECTION.test(text)) return undefined;
  // The row's 指标说明 / 指标值设定依据 states the direction (达到目标值, 不低于上年): the sign is written there.
  if (NAME_DIRECTION.test(fieldText(row, "explain")) || NAME_DIRECTION.test(fieldText(row, "standard"))) return undefined;
  const { sign, why } = likelySign(name, t);
  return { row, text, name: raw, sign, why };
}

/** A table whose targets could want a sign: not a key evaluation, no sign column, a target column. */
function asksForSigns(table: IndicatorTable): boolean {
  // A table graded in bands (优 100% | 良 90% | 中 85%) says the direction by its bands.
  return table.kind !== "evaluation" && table.columns.sign === undefined && table.columns.target !== undefined && table.bands === undefined;
}

function suggested(s: Suggestion): string {
  return `${s.sign}${s.text}`;
}

export const missingSign: Check<Tally | undefined> = {
  id: "missing-sign",
  codes: ["indicator.missing-sign"],
  begin({ table, project }) {
    if (!asksForSigns(table)) return undefined;
    // The first project starts the table afresh (JX.CHECK reuses one table object row after row).
    let tally = tallies.get(table);
    if (!tally || project === table.projects[0]) {
      tally = { bare: [], count: 0, signed: 0 };
      tallies.set(table, tally);
    }
    return tally;
  },
  row(row, i, { facts }, tally) {
    if (!tally || fieldText(row, "target") === "") return;
    const t = facts.target(i);
    if (t.kind === "number" && t.sign !== undefined) {
      tally.signed++;
      return;
    }
    const s = bareTarget(row, t, facts.categories[i]);
    if (!s) return;
    tally.count++;
    if (tally.bare.length < KEPT) tally.bare.push(s);
  },
  // Said after the table's last project, when its rows are all counted (a lone row, JX.CHECK, cannot say it).
  end({ table, project }, tally, emit) {
    if (!tally || project !== table.projects[table.projects.length - 1] || tally.count === 0) return;
    tallies.delete(table);
    const { bare, count, signed } = tally;
    if (signed > 0 && count <= MAX_EXCEPTIONS) {
      for (const one of bare) {
        emit({
          ...say("indicator.missing-sign", "exception", { name: one.name, text: one.text, why: fragment("indicator.missing-sign", one.why), suggested: suggested(one) }),
          sheet: table.sheet,
          cell: fieldAddress(one.row, "target") as string,
          value: one.text,
          expected: suggested(one),
        });
      }
      return;
    }
    const at = bare[0];
    const whole = signed === 0;
    const examples: MessageValue = list(
      bare.slice(0, EXAMPLES).map((e) => fragment("indicator.missing-sign", "example", { text: e.text, suggested: suggested(e) })),
      "enum",
    );
    emit({
      ...(whole
        ? say("indicator.missing-sign", "wholeTable", { count, examples })
        : say("indicator.missing-sign", "manyExceptions", { count, signed, examples })),
      sheet: table.sheet,
      cell: fieldAddress(at.row, "target") as string,
      value: at.text,
      expected: suggested(at),
      // A table that writes no sign anywhere does so by habit: noted for the record, nothing in a figure is wrong.
      ...(whole ? { severity: "info" as const } : {}),
    });
  },
};
