/** The `jx` command: argument parsing and dispatch. Exit codes: 0 clean, 1 findings, 2 could not run. */
import { readFileSync } from "fs";
import { availableParallelism } from "os";
import * as path from "path";
import { parseArgs } from "util";
import { checkCommand } from "./check";
import { gradeCommand } from "./grade";
import { EXIT_CANNOT_RUN, EXIT_OK, UsageError, processIO, type CliIO } from "./io";
import { MAX_FILE_MB } from "../file/inputs";
import { termValue } from "./terminal";

export const USAGE = `绩效助手 jx — 预算绩效表格检查 / budget performance table checker

用法 Usage:
  jx check <文件或文件夹 files or folders…> [选项 options]
  jx grade <file.xlsx>
  jx --help | --version

check 选项 options:
  --budget <清单.xlsx>       预算项目清单，统计绩效目标覆盖率 / budget list: coverage of targets
  --covered-by <文件>        其他清单（监控、自评…），可多次 / further lists (monitoring, self-evaluation), repeatable
  --profile <名称>           national | sichuan | shanxi（默认自动 / default auto)
  --format <格式>            text | json | jsonl（默认 text）
                             jsonl：每个文件一行 {"type":"file",…}，随后该文件每个问题一行 {"type":"issue","file":…,…}，
                             有预算项目清单时最后一行 {"type":"coverage",…}
                             / jsonl: a line per file, then a line per finding of that file, then the coverage line
  --jobs <个数>              同时检查的文件数（工作线程，默认为本机核数 ${availableParallelism()}）；结果与 --jobs 1 逐字节相同
                             / files checked at once (worker threads, default the machine's cores); output identical to --jobs 1
  --out <报告.xlsx>          写出校验报告工作簿 / write a report workbook（不会写到任何输入文件 / never onto an input）
  --force                    允许 --out 覆盖已有文件 / let --out replace an existing file
  --fail-on <级别>           error | warning（默认 error）：达到该级别时退出码为 1
  --max-size <MB>            单个文件大小上限（默认 200，最大 ${MAX_FILE_MB}）/ largest file read, in MB (default 200, at most ${MAX_FILE_MB})
  --max-cells <个数>         单个工作簿或 CSV 的单元格上限（默认 2000 万，内存不足时更少）
                             / most cells in one workbook or CSV (default 20 million, fewer on a small heap)
  --max-merges <个数>        单个工作簿的合并单元格区域上限（默认 100 万）/ most merged areas in one workbook (default 1 million)
  --max-findings <个数>      每个文件列出的问题上限，其余只计数（默认 10000）
                             / findings listed per file, the rest counted (default 10,000)

退出码 Exit codes: 0 未发现问题 clean · 1 发现问题 findings · 2 无法运行 could not run
支持 .xlsx / .xlsm / .csv（UTF-8、GBK/GB18030、Big5 或 UTF-16）。输入文件只读，绝不改写 / inputs are read-only.
`;

function version(): string {
  for (const p of [path.join(__dirname, "../../package.json"), path.join(__dirname, "../package.json")]) {
    try {
      const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return "0.0.0";
}

const PROFILES = ["national", "sichuan", "shanxi", "auto"] as const;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T | undefined): T | undefined {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} 只能是 ${allowed.join(" | ")}（收到 ${value}）`, `--${name} must be one of ${allowed.join(" | ")} (got ${value})`);
}

/** A size in megabytes (a positive number) → bytes. */
function megabytesArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const mb = /^\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--${name} 需要一个正数，单位 MB（收到 ${value}）`, `--${name} takes a positive number of MB (got ${value})`);
  if (mb > MAX_FILE_MB) {
    throw new UsageError(
      `--${name} 最大为 ${MAX_FILE_MB}（MB）：更大的文件无法整体读入内存检查（收到 ${value}）`,
      `--${name} is at most ${MAX_FILE_MB} MB: a larger file cannot be read into memory to be checked (got ${value})`,
    );
  }
  return Math.floor(mb * 1024 * 1024);
}

/** Most threads --jobs starts: each holds a file's grid, so more than a large machine's cores only costs memory. */
const MAX_JOBS = 256;

/** Most a count flag takes: beyond it a number is no longer exact. */
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/** A count (a positive whole number; "1_000_000" and "1,000,000" are read too). */
function countArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const digits = value.trim().replace(/[_,]/g, "");
  const n = /^\d{1,16}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_COUNT) {
    throw new UsageError(`--${name} 需要一个正整数（收到 ${value}）`, `--${name} takes a positive whole number (got ${value})`);
  }
  return n;
}

/** Runs the command; returns the exit code. `io` defaults to the process's streams. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const code = await run(argv, io);
  // A failed write is reported by an event after it: let those events come before looking.
  if (io.outputError) await new Promise((resolve) => setImmediate(resolve));
  // Output that could not be written for a reason other than a reader that stopped reading (`| head` is fine).
  const failure = io.outputError?.();
  if (failure !== undefined) {
    io.stderr(`错误：输出无法写出（${termValue(failure, 200)}）\nerror: the output could not be written (${termValue(failure, 200)})\n`);
    return EXIT_CANNOT_RUN;
  }
  return code;
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`错误：${termValue(e.messageZh, 1000)}\nerror: ${termValue(e.messageEn, 1000)}\n运行 jx --help 查看用法 / run jx --help for usage\n`);
      return EXIT_CANNOT_RUN;
    }
    const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.stderr(`内部错误 / internal error: ${msg}\n`);
    return EXIT_CANNOT_RUN;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        budget: { type: "string" },
        "covered-by": { type: "string", multiple: true },
        profile: { type: "string" },
        format: { type: "string" },
        out: { type: "string", short: "o" },
        "fail-on": { type: "string" },
        "max-size": { type: "string" },
        "max-cells": { type: "string" },
        "max-merges": { type: "string" },
        "max-findings": { type: "string" },
        jobs: { type: "string", short: "j" },
        force: { type: "boolean" },
      },
    });
  } catch (e) {
    throw new UsageError(`参数有误：${e instanceof Error ? e.message : String(e)}`, `bad arguments: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`jx ${version()}\n`);
    return EXIT_OK;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === "help") {
    io.stdout(USAGE);
    return command === undefined && !values.help ? EXIT_CANNOT_RUN : EXIT_OK;
  }
  if (command === "check") {
    if (rest.length === 0) throw new UsageError("请给出要检查的文件或文件夹", "give the files or folders to check");
    const format = oneOf("format", values.format, ["text", "json", "jsonl"] as const, "text") ?? "text";
    const failOn = oneOf("fail-on", values["fail-on"], ["error", "warning"] as const, "error") ?? "error";
    const profile = oneOf("profile", values.profile, PROFILES, undefined);
    const maxFileBytes = megabytesArg("max-size", values["max-size"]);
    const maxCells = countArg("max-cells", values["max-cells"]);
    const maxMerges = countArg("max-merges", values["max-merges"]);
    const maxFindings = countArg("max-findings", values["max-findings"]);
    const jobs = countArg("jobs", values.jobs);
    if (jobs !== undefined && jobs > MAX_JOBS) throw new UsageError(`--jobs 最大为 ${MAX_JOBS}（收到 ${values.jobs}）`, `--jobs is at most ${MAX_JOBS} (got ${values.jobs})`);
    const xlsxLimits = { ...(maxCells !== undefined ? { maxCells } : {}), ...(maxMerges !== undefined ? { maxMerges } : {}) };
    return checkCommand(
      {
        inputs: rest,
        ...(values.budget !== undefined ? { budget: values.budget } : {}),
        coveredBy: values["covered-by"] ?? [],
        ...(profile !== undefined ? { profile } : {}),
        format,
        ...(values.out !== undefined ? { out: values.out } : {}),
        failOn,
        ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
        ...(Object.keys(xlsxLimits).length > 0 ? { xlsxLimits } : {}),
        ...(maxFindings !== undefined ? { maxFindings } : {}),
        ...(jobs !== undefined ? { jobs } : {}),
        ...(values.force ? { force: true } : {}),
      },
      io,
    );
  }
  if (command === "grade") {
    const unexpected = ["budget", "covered-by", "profile", "format", "out", "fail-on", "max-size", "max-cells", "max-merges", "max-findings", "jobs", "force"].filter((k) => values[k as keyof typeof values] !== undefined);
    if (unexpected.length > 0) throw new UsageError(`jx grade 不接受 --${unexpected[0]}`, `jx grade does not take --${unexpected[0]}`);
    if (rest.length !== 1) throw new UsageError("jx grade 需要一个文件", "jx grade takes exactly one file");
    return gradeCommand(rest[0], io);
  }
  throw new UsageError(`未知命令：${command}`, `unknown command: ${command}`);
}
