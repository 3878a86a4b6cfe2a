/**
 * indicator.direction-conflict on a form whose rows carry both a direction (指标性质 / 指标方向: 正向, 反向) and an
 * operator (计算符号 / 指标方向: 大于等于, ≤ …) in cells of their own (real table 57: 正向 | 小于等于 | 1 个): the two
 * say opposite things. A sheet check (template-text.ts): it reads the row's cells, so it needs no column recognized;
 * a row with more than one direction or operator cell says nothing.
 */
import { say } from "../catalog";
import { a1, type CellValue } from "../grid";
import { compactLabel } from "../text";
import type { SheetCheck } from "./template-text";

const DIRECTION: Readonly<Record<string, "up" | "down">> = { 正向: "up", 正向指标: "up", 反向: "down", 反向指标: "down", 逆向: "down", 逆向指标: "down" };
const OPERATOR: Readonly<Record<string, "up" | "down">> = {
  "≥": "up", ">=": "up", ">": "up", "＞": "up", 大于等于: "up", 大于: "up", 不低于: "up", 不少于: "up",
  "≤": "down", "<=": "down", "<": "down", "＜": "down", 小于等于: "down", 小于: "down", 不高于: "down", 不超过: "down", 不多于: "down",
};

export const sheetDirections: SheetCheck = {
  id: "sheet-directions",
  codes: ["indicator.direction-conflict"],
  row(cells: readonly CellValue[], r, { grid }, _state, emit) {
    let direction: { text: string; way: "up" | "down" } | undefined;
    let operator: { text: string; way: "up" | "down"; col: number } | undefined;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== "string" || v.length > 8) continue;
      const t = compactLabel(v);
      const d = DIRECTION[t];
      if (d) {
        if (direction) return;
        direction = { text: v.trim(), way: d };
        continue;
      }
      const o = OPERATOR[t];
      if (o) {
        if (operator) return;
        operator = { text: v.trim(), way: o, col: c };
      }
    }
    if (!direction || !operator || direction.way === operator.way) return;
    emit({
      ...say("indicator.direction-conflict", "directionVsOperator", { direction: direction.text, operator: operator.text }),
      sheet: grid.sheet,
      cell: a1(grid.top + r, grid.left + operator.col),
      value: operator.text,
      expected: direction.way === "up" ? "≥" : "≤",
    });
  },
};
