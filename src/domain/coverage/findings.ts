/**
 * Coverage findings (rules.md §7), through the same check protocol as the indicator checks (checks/types.ts):
 * each check declares its codes; `row` hooks see one budget line of the reconciliation, `end` hooks the targets.
 * `reconcile` matches lines and targets, then walks these checks once over the lines.
 */
import { list, phrase, say, text, type Template } from "../catalog";
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

/** A budget line or target as messages name it: 名称（编码）, else the name, else the code. */
function label(item: { code?: string; name?: string }): Template {
  const name = item.name ?? "";
  const code = item.code ?? "";
  if (name && code) return phrase("line", { name, code });
  if (name) return phrase("lineName", { name });
  return code ? phrase("lineCode", { code }) : phrase("lineUnnamed");
}

function where(t: { sheet?: string; cell?: string; file?: string }): string {
  const at = t.sheet ? `${t.sheet}!${t.cell ?? ""}` : (t.cell ?? "");
  return t.file ? `${t.file} ${at}` : at;
}

/** project.excluded's variant naming each reason. */
const REASON_VARIANT = {
  涉密: "classified",
  基本支出: "basic",
  零金额: "zero",
} as const satisfies Readonly<Record<ExclusionReason, string>>;

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
          ...(same
            ? say("project.duplicate-code", "repeated", { code: item.code ?? "", first: `${first.sheet}!${first.cell}` })
            : say("project.duplicate-code", "repeatedZeros", { code: item.code ?? "", other: first.code ?? "", first: `${first.sheet}!${first.cell}` })),
          sheet: item.sheet,
          cell: item.cell,
          value: item.code ?? "",
          expected: "项目编码唯一 / unique code",
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
            ...say("project.excluded", "excluded", { line: label(item), reasons: list(line.reasons.map((x) => text("project.excluded", REASON_VARIANT[x])), "enum") }),
            ...base,
            value: r,
          },
          item.file,
        ),
      );
    } else if (line.class === "MISSING_TARGET") {
      emit(
        withFile(
          {
            ...say("project.no-target", "none", { line: label(item) }),
            ...base,
            value: item.code ?? item.name ?? "",
            expected: "绩效目标表 / a performance target",
          },
          item.file,
        ),
      );
    } else if (line.class === "INVALID_TARGET" && line.target !== undefined) {
      const t = targets[line.target];
      emit(
        withFile(
          {
            ...say("project.invalid-target", "errors", { line: label(item), at: where(t), count: t.errorCount }),
            ...base,
            value: item.code ?? item.name ?? "",
            expected: "无错误的绩效目标 / a target without errors",
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
          ...say("project.name-match-only", "nameOnly", { line: label(item), at: where(t), code: tc || text("project.name-match-only", "noCode") }),
          sheet: item.sheet,
          cell: item.cell,
          value: item.code ?? "",
          expected: tc,
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
            ...say("project.amount-mismatch", unitHint ? "differsUnits" : "differs", {
              target: label(t),
              amount: formatWan(m.targetWan),
              budget: formatWan(m.budgetWan),
              diff: formatWan(diff),
              tolerance: formatWan(amountTolerance),
            }),
            sheet: t.sheet,
            cell: t.cell,
            value: formatWan(m.targetWan),
            expected: formatWan(m.budgetWan),
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
            ...say("project.orphan-target", "orphan", { target: label(t) }),
            sheet: t.sheet,
            cell: t.cell,
            value: t.code ?? t.name ?? "",
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
