/** What jsdom lacks and the pane's components need in component tests. */

/** Fluent's MessageBar and Overflow measure themselves with ResizeObserver, which jsdom does not have: a no-op one. */
export function stubResizeObserver(): void {
  const w = window as unknown as { ResizeObserver?: unknown };
  w.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/**
 * What jsdom's globals lack and the page's readers use, from Node (which has them as browsers do): TextDecoder (GB18030
 * and UTF-8), TextEncoder and DecompressionStream (the .xlsx reader's inflater), so the page's components read files
 * in a test as the page does, not through a fallback.
 */
export function stubWebPlatform(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require("util") as typeof import("util");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const web = require("stream/web") as typeof import("stream/web");
  const g = globalThis as Record<string, unknown>;
  g.TextDecoder ??= util.TextDecoder;
  g.TextEncoder ??= util.TextEncoder;
  g.DecompressionStream ??= web.DecompressionStream;
}
