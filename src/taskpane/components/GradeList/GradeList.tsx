/** Each graded cell: address, value, and its grade or why it has none. */
import * as React from "react";
import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { Grade } from "../../../domain/scoring/grade";
import type { GradeListProps } from "./GradeList.types";
import { useGradeListStyles } from "./useGradeListStyles.styles";

export type { GradeListProps } from "./GradeList.types";

const GRADE_COLOR: Record<Grade, BadgeProps["color"]> = { 优: "success", 良: "brand", 中: "warning", 差: "danger" };
const GRADE_EN: Record<Grade, string> = { 优: "Excellent", 良: "Good", 中: "Fair", 差: "Poor" };

export function GradeList({ cells, max = 500 }: GradeListProps): React.JSX.Element {
  const styles = useGradeListStyles();
  const shown = cells.slice(0, max);
  return (
    <>
      <ul className={styles.list} aria-label="等级 / Grades" data-testid="grade-list">
        {shown.map((cell) => (
          <li key={cell.address} className={styles.row} data-testid="grade-row" data-address={cell.address}>
            <span className={styles.address}>{cell.address.slice(cell.address.lastIndexOf("!") + 1)}</span>
            <span className={styles.value} title={cell.text}>
              {cell.text}
            </span>
            {cell.result.ok ? (
              <Badge appearance="filled" color={GRADE_COLOR[cell.result.grade]} data-testid="grade" title={GRADE_EN[cell.result.grade]}>
                {cell.result.grade}
              </Badge>
            ) : (
              <>
                <Badge appearance="outline" color="danger" data-testid="grade">
                  无法评级
                </Badge>
                <span className={styles.reason} data-testid="grade-reason">
                  {cell.result.reason} / {cell.result.reasonEn}
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      {cells.length > shown.length && (
        <span className={styles.more}>
          另有 {cells.length - shown.length} 个单元格未显示 / {cells.length - shown.length} more cells not shown
        </span>
      )}
    </>
  );
}
