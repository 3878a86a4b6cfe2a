import type { Issue } from "../../../domain/issues";

/** How issues are grouped: by issue code (what is wrong) or by sheet (where). */
export type IssueGrouping = "code" | "sheet";

export interface IssueListProps {
  readonly issues: readonly Issue[];
  /**
   * Called when the user picks an issue (Excel mode: select its cell). When absent, cells are shown as text and
   * nothing is clickable (browser mode, where there is no workbook to jump into).
   */
  readonly onSelect?: (issue: Issue) => void;
  /** Initial grouping. Default "code". */
  readonly groupBy?: IssueGrouping;
  /** Issues rendered per group before "show more". Default 50. */
  readonly pageSize?: number;
}
