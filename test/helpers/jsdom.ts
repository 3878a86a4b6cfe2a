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
