/** Display width of text in a terminal or a spreadsheet column: East Asian wide and full-width characters count 2. */

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns the text takes (combining marks and zero-width characters take none). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x200b || cp === 0xfeff || (cp >= 0x300 && cp <= 0x36f)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

/** Pads (or cuts, with "…") text to exactly `width` columns. */
export function fitWidth(s: string, width: number, align: "left" | "right" = "left"): string {
  let out = s;
  if (displayWidth(out) > width) {
    let acc = "";
    let w = 0;
    for (const ch of s) {
      const cw = displayWidth(ch);
      if (w + cw > width - 1) break;
      acc += ch;
      w += cw;
    }
    out = acc + "…";
  }
  const pad = " ".repeat(Math.max(0, width - displayWidth(out)));
  return align === "right" ? pad + out : out + pad;
}
