import type { GradedCell } from "../../host";

export interface GradeListProps {
  readonly cells: readonly GradedCell[];
  /** Most rows to render; the rest are summarised. Default 500. */
  readonly max?: number;
}
