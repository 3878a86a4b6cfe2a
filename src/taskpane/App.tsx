/** The pane's root: chooses what to show for the host it runs in. */
import * as React from "react";
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { isFullHost, type HostOps } from "./host";
import { ExcelPane } from "./components/ExcelPane/ExcelPane";
import { GradePanel } from "./components/GradePanel/GradePanel";
import { NotInExcel } from "./components/NotInExcel/NotInExcel";
import { LanguageSwitch } from "./components/LanguageSwitch/LanguageSwitch";
import { useStrings } from "./i18n";
import { BrowserCheck } from "./browser/BrowserCheck";
import { useFollowedTheme } from "./theme";

export interface AppProps {
  /** Host operations inside Excel; null outside Office (then the page checks a chosen file in the browser). */
  readonly host: HostOps | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export function App({ host }: AppProps): React.JSX.Element {
  const { theme, dark } = useFollowedTheme();
  return (
    // The theme follows Office's while the pane is open (a change of Office theme re-renders this provider).
    <FluentProvider theme={theme}>
      <Root host={host} dark={dark} />
    </FluentProvider>
  );
}

function Root({ host, dark }: AppProps & { readonly dark: boolean }): React.JSX.Element {
  const styles = useStyles();
  const t = useStrings();
  return (
    <main className={styles.root} data-theme={dark ? "dark" : "light"} lang={t.langTag}>
      <header className={styles.header}>
        <h1 className={styles.title}>绩效助手 · JX</h1>
        <LanguageSwitch />
      </header>
      {host ? (
        isFullHost(host) ? <ExcelPane host={host} /> : <GradePanel host={host} />
      ) : (
        <>
          <NotInExcel />
          <BrowserCheck />
        </>
      )}
    </main>
  );
}
