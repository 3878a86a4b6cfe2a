/** Style fragments several components share (spread into their makeStyles), so the look stays one decision. */
import { tokens } from "@fluentui/react-components";

/** A bare vertical list: no bullets, no indent, small gaps between items. */
export const plainList = {
  listStyleType: "none",
  margin: 0,
  padding: 0,
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalXS,
} as const;
