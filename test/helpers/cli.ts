/** Runs the jx command in-process with captured output. */
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** In-process runs check on this thread unless a test passes --jobs (workers from the sources start ts-node each). */
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
    jobs: 1,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
