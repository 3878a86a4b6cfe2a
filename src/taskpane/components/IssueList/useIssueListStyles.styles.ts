import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList } from "../../sharedStyles";

export const useIssueListStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  groups: { ...plainList },
  contents: { display: "contents" },
  itemSelectable: { cursor: "pointer" },
  itemLayout: {
    // One step of indent under the group (Fluent's default two steps leave little room at 320 px).
    paddingLeft: tokens.spacingHorizontalL,
    minHeight: "auto",
    alignItems: "flex-start",
    paddingBlock: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusMedium,
  },
  group: {
    minWidth: 0,
  },
  groupHeader: {
    minHeight: "32px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    ":hover": { backgroundColor: tokens.colorNeutralBackground3Hover },
  },
  groupTitle: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightSemibold,
  },
  ruleCode: { display: "block", fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  items: {
    paddingTop: tokens.spacingVerticalXXS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    minWidth: 0,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "start",
    whiteSpace: "normal",
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  cellLink: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
  },
  message: {
    overflowWrap: "anywhere",
  },
  values: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  valueText: {
    color: tokens.colorNeutralForeground2,
  },
  whyButton: {
    flexShrink: 0,
    minWidth: "auto",
  },
  source: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  more: {
    alignSelf: "flex-start",
  },
  empty: {
    color: tokens.colorNeutralForeground3,
  },
});
