/**
 * Shown outside Office, above the page's own check: a plain note, not a warning. The page is a supported way to
 * work (WPS desktops, computers without the add-in), so it says what it is, in the pane's language.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useStrings } from "../../i18n";

const useStyles = makeStyles({
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function NotInExcel(): React.JSX.Element {
  const styles = useStyles();
  const t = useStrings();
  return (
    <p className={styles.note} data-testid="page-mode">
      {t.pageModeNote}
    </p>
  );
}
