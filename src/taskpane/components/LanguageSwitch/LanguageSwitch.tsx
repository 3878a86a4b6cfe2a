/**
 * 中文 | English, in the pane's header: the language picked from Office or the browser is only a first guess (an
 * officer's browser may well be English), so the user can change it, and the choice is remembered. Each button
 * names its language in that language, on purpose: the one place where both are shown.
 */
import * as React from "react";
import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { useLanguage, useStrings, type Lang } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
});

const NAMES: readonly (readonly [Lang, string, string])[] = [
  ["zh", "中文", "zh-CN"],
  ["en", "English", "en-US"],
];

export function LanguageSwitch(): React.JSX.Element {
  const styles = useStyles();
  const { lang, setLang } = useLanguage();
  const t = useStrings();
  return (
    <div className={styles.root} role="group" aria-label={t.languageLabel} data-testid="language-switch">
      {NAMES.map(([l, name, tag]) => (
        <ToggleButton key={l} size="small" appearance="subtle" lang={tag} checked={lang === l} onClick={() => setLang(l)} data-testid={`language-${l}`}>
          {name}
        </ToggleButton>
      ))}
    </div>
  );
}
