/**
 * A read-only view of one checked sheet: the cells as the sheet shows them (displayText of the grid the engine
 * checked), merged areas drawn with rowSpan/colSpan, flagged cells marked, and the cell of a chosen finding scrolled
 * into view and highlighted. Windowed: only the rows in view (and a few around them) are in the DOM, so a
 * 100,000-row sheet costs what 40 rows cost; rows arrive from the worker a block at a time.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { a1, columnLetters, type Area } from "../../domain/grid";
import type { Severity } from "../../domain/issues";
import type { SheetShape } from "./protocol";
import { usePageStrings } from "./pageStrings";

/** A flagged cell: its worst finding. */
export interface Flag {
  readonly severity: Severity;
  readonly message: string;
}

export interface SheetPreviewProps {
  readonly label: string;
  readonly shape: SheetShape;
  /** The displayed texts of a grid row (0-based within the grid), or undefined until its block has arrived. */
  readonly rowAt: (r: number) => readonly string[] | undefined;
  /** Asks for the rows from..to (grid rows, inclusive) to be fetched. */
  readonly need: (from: number, to: number) => void;
  /** Changes when rows arrive (a redraw). */
  readonly version: number;
  /** Flags by absolute A1 address. */
  readonly flags: ReadonlyMap<string, Flag>;
  /** The cell to show (absolute 0-based row/col); `seq` changes on every click, so the same cell scrolls again. */
  readonly focus?: { readonly row: number; readonly col: number; readonly seq: number };
}

export const ROW_H = 24;
const COL_W = 120;
const HEAD_W = 56;
const VIEW_H = 420;
const OVERSCAN = 10;
/** Most columns drawn (a used range can be wider than anyone reads on screen). */
export const MAX_COLS = 200;

const useStyles = makeStyles({
  wrap: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  view: {
    position: "relative",
    height: `${VIEW_H}px`,
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    "& td, & th": {
      height: `${ROW_H - 1}px`,
      padding: `0 4px`,
      boxSizing: "border-box",
      whiteSpace: "nowrap",
      overflow: "hidden",
      textOverflow: "ellipsis",
      borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      lineHeight: `${ROW_H - 2}px`,
    },
    "& thead th": { position: "sticky", top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, textAlign: "center" },
    "& tbody th": { position: "sticky", left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightRegular, textAlign: "right" },
    "& thead th.corner": { left: 0, zIndex: 3 },
  },
  merged: { whiteSpace: "normal", verticalAlign: "middle", textAlign: "center" },
  error: { backgroundColor: tokens.colorPaletteRedBackground1, boxShadow: `inset 0 0 0 1px ${tokens.colorPaletteRedBorder2}` },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground1, boxShadow: `inset 0 0 0 1px ${tokens.colorPaletteYellowBorder2}` },
  info: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  focus: { outline: `3px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-3px", backgroundColor: tokens.colorBrandBackground2 },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  focusDetail: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, margin: 0, padding: 0, listStyleType: "none", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  legendItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { display: "inline-block", width: "14px", height: "14px", border: `1px solid ${tokens.colorNeutralStroke1}` },
});

/** Merged areas that reach into rows r0..r1 (absolute), each clipped to them: master cells with spans, and covered cells. */
function mergesIn(merges: readonly Area[], r0: number, r1: number, c1: number): { masters: Map<string, { rows: number; cols: number }>; covered: Set<string> } {
  const masters = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  for (const m of merges) {
    if (m.bottom < r0 || m.top > r1) continue;
    const top = Math.max(m.top, r0);
    const bottom = Math.min(m.bottom, r1);
    const right = Math.min(m.right, c1);
    if (m.left > c1) continue;
    masters.set(`${top},${m.left}`, { rows: bottom - top + 1, cols: right - m.left + 1 });
    for (let r = top; r <= bottom; r++) for (let c = m.left; c <= right; c++) if (r !== top || c !== m.left) covered.add(`${r},${c}`);
  }
  return { masters, covered };
}

/** Stands for the rows out of view: one empty row as tall as they are. */
function Spacer({ height, cols }: { height: number; cols: number }): React.JSX.Element {
  return (
    <tr aria-hidden="true">
      <td colSpan={cols + 1} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** Rows whose texts size the columns (the first block: widths stay put while scrolling). */
const SIZE_ROWS = 200;
const MAX_COL_W = 360;

/** About how wide a text is drawn at the preview's size: CJK about 13 px, other characters about 7.5 px. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 13 : 7.5;
  return w;
}

/**
 * Each column as wide as its longest text in the first rows needs (a 21-digit project code is shown whole, not
 * cut to "51342423000000…"), at least COL_W and at most MAX_COL_W; merged cells spanning columns do not count.
 */
function columnWidths(shape: SheetShape, cols: number, rowAt: SheetPreviewProps["rowAt"]): number[] {
  const widths = Array.from({ length: cols }, () => COL_W);
  const spanning = new Set<string>();
  for (const m of shape.merges) if (m.right > m.left) spanning.add(`${m.top - shape.top},${m.left - shape.left}`);
  for (let r = 0; r < Math.min(shape.rows, SIZE_ROWS); r++) {
    const texts = rowAt(r);
    if (!texts) continue;
    for (let c = 0; c < Math.min(cols, texts.length); c++) {
      if (!texts[c] || spanning.has(`${r},${c}`)) continue;
      widths[c] = Math.min(MAX_COL_W, Math.max(widths[c], Math.ceil(textWidth(texts[c]) + 12)));
    }
  }
  return widths;
}

export function SheetPreview({ label, shape, rowAt, need, version, flags, focus }: SheetPreviewProps): React.JSX.Element {
  const styles = useStyles();
  const t = usePageStrings();
  const view = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const frame = React.useRef(0);
  const cols = Math.min(shape.cols, MAX_COLS);
  // `version` is a dependency on purpose: it says when rowAt has more rows.
  const widths = React.useMemo(() => columnWidths(shape, cols, rowAt), [shape, cols, rowAt, version]);
  const lefts = React.useMemo(() => {
    const out = [0];
    for (const w of widths) out.push(out[out.length - 1] + w);
    return out;
  }, [widths]);
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(shape.rows - 1, Math.ceil((scrollTop + VIEW_H) / ROW_H) + OVERSCAN);

  React.useEffect(() => {
    if (shape.rows > 0) need(first, last);
  }, [first, last, need, shape.rows]);

  // A new finding chosen: scroll its cell to the middle of the view.
  React.useLayoutEffect(() => {
    const el = view.current;
    if (!focus || !el) return;
    const r = focus.row - shape.top;
    const c = focus.col - shape.left;
    const top = Math.max(0, (r + 1) * ROW_H - el.clientHeight / 2);
    el.scrollTop = top;
    const at = lefts[Math.max(0, Math.min(c, widths.length - 1))] ?? 0;
    el.scrollLeft = Math.max(0, HEAD_W + at - el.clientWidth / 2 + (widths[c] ?? COL_W) / 2);
    setScrollTop(el.scrollTop);
    // Only a new click scrolls: widths growing as rows arrive must not pull the view back (so not in the deps).
  }, [focus, shape.top, shape.left]);

  // …and the cell into the window: on a short window the preview itself may lie below the fold, and scrolling only
  // its own box would look as if the click did nothing. Once per click, when the cell's row is drawn.
  const shown = React.useRef<number | undefined>(undefined);
  React.useEffect(() => {
    if (!focus || shown.current === focus.seq) return;
    const td = view.current?.querySelector<HTMLElement>("[data-testid=preview-focus]");
    if (!td) return;
    shown.current = focus.seq;
    td.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [focus, first, last]);

  const onScroll = (): void => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(view.current?.scrollTop ?? 0));
  };
  React.useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const { masters, covered } = React.useMemo(
    () => mergesIn(shape.merges, shape.top + first, shape.top + last, shape.left + cols - 1),
    [shape.merges, shape.top, shape.left, first, last, cols],
  );

  const rows: React.ReactNode[] = [];
  for (let r = first; r <= last; r++) {
    const texts = rowAt(r);
    const absR = shape.top + r;
    const cells: React.ReactNode[] = [];
    for (let c = 0; c < cols; c++) {
      const absC = shape.left + c;
      const key = `${absR},${absC}`;
      if (covered.has(key)) continue;
      const span = masters.get(key);
      const addr = a1(absR, absC);
      const flag = flags.get(addr);
      const isFocus = focus !== undefined && focus.row === absR && focus.col === absC;
      cells.push(
        <td
          key={c}
          rowSpan={span && span.rows > 1 ? span.rows : undefined}
          colSpan={span && span.cols > 1 ? span.cols : undefined}
          className={mergeClasses(span && styles.merged, flag && styles[flag.severity], isFocus && styles.focus)}
          title={flag ? `${addr} ${flag.message}` : texts?.[c] || undefined}
          data-cell={addr}
          data-flag={flag?.severity}
          data-testid={isFocus ? "preview-focus" : undefined}
        >
          {texts?.[c] ?? ""}
        </td>,
      );
    }
    rows.push(
      <tr key={r} data-row={absR + 1}>
        <th scope="row">{absR + 1}</th>
        {cells}
      </tr>,
    );
  }

  const width = HEAD_W + lefts[lefts.length - 1];
  const focusAddr = focus ? a1(focus.row, focus.col) : undefined;
  const focusText = focus ? rowAt(focus.row - shape.top)?.[focus.col - shape.left] : undefined;
  const focusFlag = focusAddr ? flags.get(focusAddr) : undefined;
  return (
    <div className={styles.wrap} data-testid="sheet-preview" data-version={version}>
      <div ref={view} className={styles.view} onScroll={onScroll} tabIndex={0} role="region" aria-label={label} data-testid="preview-scroll">
        {shape.rows === 0 ? (
          <span className={styles.note}>{t.previewEmpty}</span>
        ) : (
          <table className={styles.table} style={{ width }} aria-rowcount={shape.rows + 1} aria-colcount={cols + 1}>
            <colgroup>
              <col style={{ width: HEAD_W }} />
              {widths.map((w, c) => (
                <col key={c} style={{ width: w }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th className="corner" />
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} scope="col">
                    {columnLetters(shape.left + c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {first > 0 && <Spacer height={first * ROW_H} cols={cols} />}
              {rows}
              {last < shape.rows - 1 && <Spacer height={(shape.rows - 1 - last) * ROW_H} cols={cols} />}
            </tbody>
          </table>
        )}
      </div>
      {shape.cols > MAX_COLS && <span className={styles.note}>{t.previewCols(MAX_COLS, shape.cols)}</span>}
      {focusAddr && (
        // The chosen cell in words: its whole text and its finding (a tooltip alone is missed, and absent on touch).
        <p className={styles.focusDetail} data-testid="preview-focus-detail" data-cell={focusAddr}>
          <strong>{focusAddr}</strong>
          {focusText ? `：${focusText}` : ""}
          {focusFlag ? ` — ${focusFlag.message}` : ""}
        </p>
      )}
      <ul className={styles.legend} aria-label={t.legendLabel} data-testid="preview-legend">
        {(["error", "warning", "info"] as const).map((k) => (
          <li key={k} className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, styles[k])} aria-hidden="true" />
            {t.legend[k]}
          </li>
        ))}
        <li className={styles.legendItem}>
          <span className={mergeClasses(styles.swatch, styles.focus)} aria-hidden="true" />
          {t.legend.focus}
        </li>
      </ul>
    </div>
  );
}
