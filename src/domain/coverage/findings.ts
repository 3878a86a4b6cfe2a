/**
 * Coverage findings (rules.md §7), through the same check protocol as the indicator checks (checks/types.ts):
 * each check declares its codes; `row` hooks see one budget line of the reconciliation, `end` hooks the targets.
 * `reconcile` matches lines and targets, then walks these checks once over the lines.
 */
import type { IssueDraft } from "../issues";
import type { RuleCheck } from "../checks/types";
import { walkRows, type CheckSink } from "../checks/walk";
import type { TargetItem } from "./types";
import type { AmountMismatch, CoverageIssueDraft, ExclusionReason, LineResult } from "./reconcile";

/** What the coverage checks see: the matched lines and targets, before any finding. */
export interface CoverageContext {
  readonly lines: readonly LineResult[];
  readonly targets: readonly TargetItem[];
  /** Target indices matched by no budget line. */
  readonly orphans: readonly number[];
  readonly amountMismatches: readonly AmountMismatch[];
  /** 万元 (the profile's amount tolerance). */
  readonly amountTolerance: number;
}

/** A check over the budget lines of a reconciliation. */
export type CoverageCheck<S = undefined> = RuleCheck<LineResult, CoverageContext, S>;

/** Amount shown in messages: up to 4 decimals (1 元), no trailing zeros. */
export function formatWan(n: number): string {
  return String(Number(n.toFixed(4)));
}

function label(item: { code?: string; name?: string }): string {
  const name = item.name ?? "";
  const code = item.code ?? "";
  if (name && code) return `${name}（${code}）`;
  return name || code || "（无编码无名称）";
}

function labelEn(item: { code?: string; name?: string }): string {
  const name = item.name ?? "";
  const code = item.code ?? "";
  if (name && code) return `"${name}" (${code})`;
  return name ? `"${name}"` : code || "(no code, no name)";
}

function where(t: { sheet?: string; cell?: string; file?: string }): string {
  const at = t.sheet ? `${t.sheet}!${t.cell ?? ""}` : (t.cell ?? "");
  return t.file ? `${t.file} ${at}` : at;
}

const REASON_EN: Readonly<Record<ExclusionReason, string>> = {
  涉密: "classified (涉密)",
  基本支出: "basic expenditure (基本支出)",
  零金额: "zero amount",
};

function withFile(d: IssueDraft, file: string | undefined): CoverageIssueDraft {
  return file === undefined ? d : { ...d, file };
}

/** A code the budget list repeats (equal, or equal up to leading zeros). */
const duplicateCode: CoverageCheck = {
  id: "duplicate-code",
  codes: ["project.duplicate-code"],
  row(line, _i, { lines }, _s, emit) {
    const dup = line.duplicateOf;
    if (dup === undefined) return;
    const item = line.item;
    const first = lines[dup].item;
    const same = lines[dup].codeKey === line.codeKey;
    emit(
      withFile(
        {
          code: "project.duplicate-code",
          sheet: item.sheet,
          cell: item.cell,
          value: item.code ?? "",
          expected: "项目编码唯一 / unique code",
          message: `项目编码 ${item.code ?? ""} 在预算清单中重复${same ? "" : `（${first.code ?? ""}，仅前导零不同）`}，首次出现在 ${first.sheet}!${first.cell}`,
          messageEn: `Project code ${item.code ?? ""} appears more than once on the budget list${same ? "" : ` (${first.code ?? ""}, differing only by leading zeros)`}; first at ${first.sheet}!${first.cell}`,
        },
        item.file,
      ),
    );
  },
};

/** A line out of scope, with no target, or whose target has errors (its class). */
const lineClass: CoverageCheck = {
  id: "coverage-class",
  codes: ["project.excluded", "project.no-target", "project.invalid-target"],
  row(line, _i, { targets }, _s, emit) {
    const item = line.item;
    const base = { sheet: item.sheet, cell: item.cell };
    if (line.class === "EXCLUDED") {
      const r = line.reasons.join("、");
      emit(
        withFile(
          {
            code: "project.excluded",
            ...base,
            value: r,
            message: `预算项目 ${label(item)} 不纳入覆盖率统计：${r}`,
            messageEn: `Budget line ${labelEn(item)} is excluded from coverage: ${line.reasons.map((x) => REASON_EN[x]).join(", ")}`,
          },
          item.file,
        ),
      );
    } else if (line.class === "MISSING_TARGET") {
      emit(
        withFile(
          {
            code: "project.no-target",
            ...base,
            value: item.code ?? item.name ?? "",
            expected: "绩效目标表 / a performance target",
            message: `预算项目 ${label(item)} 未找到绩效目标（按项目编码及单位+项目名称均未匹配）`,
            messageEn: `Budget line ${labelEn(item)} has no performance target (no match by code, nor by unit and name)`,
          },
          item.file,
        ),
      );
    } else if (line.class === "INVALID_TARGET" && line.target !== undefined) {
      const t = targets[line.target];
      emit(
        withFile(
          {
            code: "project.invalid-target",
            ...base,
            value: item.code ?? item.name ?? "",
            expected: "无错误的绩效目标 / a target without errors",
            message: `预算项目 ${label(item)} 的绩效目标（${where(t)}）有 ${t.errorCount} 个错误，不计入覆盖`,
            messageEn: `The target of budget line ${labelEn(item)} (${where(t)}) has ${t.errorCount} error(s); not counted as covered`,
          },
          item.file,
        ),
      );
    }
  },
};

/** A line that found its target by unit and name only: the code wants checking. */
const nameMatchOnly: CoverageCheck = {
  id: "name-match-only",
  codes: ["project.name-match-only"],
  row(line, _i, { targets }, _s, emit) {
    if (!line.nameMatch || line.target === undefined) return;
    const item = line.item;
    const t = targets[line.target];
    const tc = t.code ?? "";
    emit(
      withFile(
        {
          code: "project.name-match-only",
          sheet: item.sheet,
          cell: item.cell,
          value: item.code ?? "",
          expected: tc,
          message: `预算项目 ${label(item)} 仅按单位和项目名称与绩效目标（${where(t)}，编码：${tc || "无"}）匹配，请核对项目编码`,
          messageEn: `Budget line ${labelEn(item)} matched its target (${where(t)}, code: ${tc || "none"}) by unit and name only; check the project code`,
        },
        item.file,
      ),
    );
  },
};

/** A target's 资金总额 against the sum of its lines (computed by the match), in target order. */
const amountMismatch: CoverageCheck = {
  id: "amount-mismatch",
  codes: ["project.amount-mismatch"],
  end({ targets, amountMismatches, amountTolerance }, _s, emit) {
    for (const m of amountMismatches) {
      const t = targets[m.target];
      const diff = Math.abs(m.targetWan - m.budgetWan);
      const r = m.budgetWan !== 0 ? m.targetWan / m.budgetWan : 0;
      const unitHint = Math.abs(r - 10000) < 10 || (r !== 0 && Math.abs(1 / r - 10000) < 10);
      emit(
        withFile(
          {
            code: "project.amount-mismatch",
            sheet: t.sheet,
            cell: t.cell,
            value: formatWan(m.targetWan),
            expected: formatWan(m.budgetWan),
            message:
              `绩效目标 ${label(t)} 的资金总额 ${formatWan(m.targetWan)} 万元与预算金额 ${formatWan(m.budgetWan)} 万元不符` +
              `（差 ${formatWan(diff)} 万元，容差 ${formatWan(amountTolerance)} 万元）` +
              (unitHint ? "，可能混用了元和万元" : ""),
            messageEn:
              `Target ${labelEn(t)}: funds total ${formatWan(m.targetWan)} (10k yuan) differs from the budget amount ${formatWan(m.budgetWan)}` +
              ` by ${formatWan(diff)} (tolerance ${formatWan(amountTolerance)})` +
              (unitHint ? "; yuan and 10k yuan may be mixed up" : ""),
          },
          t.file,
        ),
      );
    }
  },
};

/** Targets no budget line uses and whose code is not on the list either. */
const orphanTarget: CoverageCheck = {
  id: "orphan-target",
  codes: ["project.orphan-target"],
  end({ targets, orphans }, _s, emit) {
    for (const ti of orphans) {
      const t = targets[ti];
      emit(
        withFile(
          {
            code: "project.orphan-target",
            sheet: t.sheet,
            cell: t.cell,
            value: t.code ?? t.name ?? "",
            message: `绩效目标 ${label(t)} 对应的项目不在预算项目清单中`,
            messageEn: `Target ${labelEn(t)} has no project on the budget list`,
          },
          t.file,
        ),
      );
    }
  },
};

/** Every coverage check, in the order their findings read best (per line: code, class, match; then targets). */
export const COVERAGE_CHECKS: readonly CoverageCheck<unknown>[] = [duplicateCode, lineClass, nameMatchOnly, amountMismatch, orphanTarget];

/** The coverage findings of a reconciliation, each through `sink` when given (tests hold checks to their codes). */
export function coverageFindings(ctx: CoverageContext, sink?: CheckSink<CoverageCheck<unknown>>): CoverageIssueDraft[] {
  const out: CoverageIssueDraft[] = [];
  walkRows(COVERAGE_CHECKS, ctx.lines, ctx, (d, c) => {
    out.push(d);
    sink?.(d, c);
  });
  return out;
}
