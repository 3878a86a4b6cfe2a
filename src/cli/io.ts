/** Where the command writes: injectable so tests can run `main` in-process and capture everything. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal and not a CI job (the progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
  /** Working directory relative paths are resolved against. */
  readonly cwd: string;
  /**
   * Why output could not be written, when it failed for a reason other than its reader having gone (a full disk,
   * an I/O error); undefined when all went out, or when the reader stopped reading (`jx check … | head`).
   */
  readonly outputError?: () => string | undefined;
  /** Threads `jx check` uses when --jobs is not given (default: the machine's cores); tests run on one. */
  readonly jobs?: number;
}

/** The writable side of stdout or stderr, as far as the writer below needs it. */
export interface OutputStream {
  write(text: string): unknown;
  on(event: "error", listener: (e: Error) => void): unknown;
}

/** What became of the process's output streams. */
export interface OutputState {
  /** Set once a stream failed for a reason other than a closed reader (EPIPE): its code or message. */
  failure?: string;
}

/**
 * A writer to `stream` that stops quietly once the stream fails. When the reader of a pipe goes away
 * (`jx check … | head`, a closed pager), Node reports EPIPE as an "error" event, and with no listener the process
 * dies with a stack trace; here the output stops and the command finishes as usual (the same exit code, and
 * --out is still written). Any other failure (ENOSPC, EIO) is kept in `state` so the command can say so.
 */
export function streamWriter(stream: OutputStream, state: OutputState): (text: string) => void {
  let closed = false;
  stream.on("error", (e) => {
    closed = true;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EPIPE" && code !== "ERR_STREAM_DESTROYED" && state.failure === undefined) state.failure = code ?? e.message;
  });
  return (text) => {
    if (closed) return;
    try {
      stream.write(text);
    } catch (e) {
      // A stream may also throw (one closed beneath it): the same as an error event.
      closed = true;
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EPIPE" && code !== "ERR_STREAM_DESTROYED" && state.failure === undefined) state.failure = code ?? String(e);
    }
  };
}

export function processIO(): CliIO {
  const state: OutputState = {};
  return {
    stdout: streamWriter(process.stdout, state),
    stderr: streamWriter(process.stderr, state),
    outputError: () => state.failure,
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
