/** A one-line progress bar on stderr (only drawn when stderr is a terminal). */
import type { CliIO } from "./io";
import { displayWidth, fitWidth } from "../file/width";
import { termName } from "./terminal";

export interface Progress {
  tick(label: string): void;
  done(): void;
}

const NONE: Progress = { tick: () => undefined, done: () => undefined };

export function progressBar(io: CliIO, total: number, enabled: boolean): Progress {
  if (!enabled) return NONE;
  let n = 0;
  const width = 24;
  return {
    tick(label: string): void {
      n++;
      const filled = Math.round((n / total) * width);
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      const clean = termName(label);
      const name = displayWidth(clean) > 40 ? fitWidth(clean, 40) : clean;
      io.stderr(`\r\x1b[2K[${bar}] ${n}/${total} ${name}`);
    },
    done(): void {
      io.stderr("\r\x1b[2K");
    },
  };
}
