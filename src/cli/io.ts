/** Where the command writes: injectable so tests can run `main` in-process and capture everything. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal and not a CI job (the progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
  /** Working directory relative paths are resolved against. */
  readonly cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    // CI runners may give a pseudo-terminal; their logs should not fill with progress frames.
    stderrIsTTY: Boolean(process.stderr.isTTY) && !isCI(process.env),
    cwd: process.cwd(),
  };
}

/** True when the environment says it is a CI job (CI=true/1, or a known runner's variable). */
export function isCI(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = (env.CI ?? "").toLowerCase();
  if (ci !== "" && ci !== "0" && ci !== "false") return true;
  return ["GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD"].some((k) => (env[k] ?? "") !== "");
}

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 could not run. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_RUN = 2;

/** A usage error (bad arguments): printed with the usage hint, exit 2. */
export class UsageError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} / ${messageEn}`);
    this.name = "UsageError";
  }
}
