import { makeStyles, shorthands, tokens } from "@fluentui/react-components";

export const useBrowserCheckStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    ...shorthands.border(tokens.strokeWidthThick, "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  privacy: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  pick: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  hint: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  input: {
    // The Button is the control; the input stays in the DOM for the file dialog (and for tests to set files).
    display: "none",
  },
  status: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  detail: {
    display: "block",
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
});

export const useBrowserBatchStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  summary: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    // Words on one line; the table scrolls sideways in its box (a narrow pane wrote 不可提交 one character a line).
    "& th, & td": { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `2px ${tokens.spacingHorizontalS}`, textAlign: "left", verticalAlign: "middle", whiteSpace: "nowrap" },
    "& thead th": { backgroundColor: tokens.colorNeutralBackground3 },
    "& tbody th": { whiteSpace: "normal", minWidth: "10em" },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  selectedRow: { backgroundColor: tokens.colorBrandBackground2 },
  // A file name that opens the file's details: it must look clickable (brand colour, underlined), not like text.
  link: {
    minWidth: 0,
    padding: 0,
    height: "auto",
    fontWeight: tokens.fontWeightRegular,
    textAlign: "left",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
  },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  plain: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  fileSection: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  preview: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
});
