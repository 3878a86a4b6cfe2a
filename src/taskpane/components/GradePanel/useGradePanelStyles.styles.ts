import { makeStyles, tokens } from "@fluentui/react-components";

export const useGradePanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  summary: {
    fontSize: tokens.fontSizeBase300,
  },
});
