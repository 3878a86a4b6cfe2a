/** Runs the jx command in-process with captured output. */
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runJx(argv: readonly string[], cwd: string, opts: { tty?: boolean } = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: opts.tty ?? false,
    cwd,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
