import { makeStyles, tokens } from "@fluentui/react-components";
import { plainList } from "../../sharedStyles";

/** Layout shared by the Excel-mode panels: a single column that works at 320 px. */
export const usePanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  hint: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  wide: {
    width: "100%",
  },
  field: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  list: { ...plainList },
  linkButton: {
    justifyContent: "flex-start",
    textAlign: "start",
    minWidth: 0,
    whiteSpace: "normal",
  },
  tabs: {
    flexWrap: "wrap",
  },
});
