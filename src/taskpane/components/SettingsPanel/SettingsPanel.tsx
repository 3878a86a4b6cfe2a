/**
 * Settings: profile, tolerances, reverse-indicator formula and over-achievement threshold, saved with the
 * document through the host (Office.context.document.settings).
 */
import * as React from "react";
import { Button, Dropdown, Field, Input, Option, Switch } from "@fluentui/react-components";
import { PROFILES, resolveProfile, type Settings } from "../../../domain/profiles";
import { useStrings } from "../../i18n";
import { useExcelStrings } from "../../excelStrings";
import { usePanelStyles } from "../ExcelPane/usePanelStyles.styles";
import { StatusBar, type Status } from "../StatusBar/StatusBar";
import type { ExcelHostOps, StoredSettings } from "../../host";

export interface SettingsPanelProps {
  readonly host: Pick<ExcelHostOps, "saveSettings">;
  readonly value: StoredSettings;
  readonly onSaved: (v: StoredSettings) => void;
  /** Whether the host can keep checking while the user works (the option is shown only then). */
  readonly liveAvailable?: boolean;
}

type Draft = { profile: string; scoreTolerance: string; amountTolerance: string; reverseFormula: "linear-2t" | "ratio"; overPercent: string };

function draftOf(v: StoredSettings): Draft {
  const p = resolveProfile(v.profile === "auto" ? "national" : v.profile, v.settings);
  return {
    profile: v.profile,
    scoreTolerance: String(p.scoreTolerance),
    amountTolerance: String(p.amountTolerance),
    reverseFormula: p.reverseFormula,
    overPercent: String(Math.round(p.overAchievementThreshold * 1000) / 10),
  };
}

function num(s: string): number | undefined {
  const n = Number(s.trim());
  return s.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function SettingsPanel({ host, value, onSaved, liveAvailable = false }: SettingsPanelProps): React.JSX.Element {
  const t = useExcelStrings();
  const { lang } = useStrings();
  const styles = usePanelStyles();
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(value));
  const [status, setStatus] = React.useState<Status | null>(null);
  React.useEffect(() => setDraft(draftOf(value)), [value]);

  const profileLabel = (id: string): string => {
    if (id === "auto") return t.profileAuto;
    const p = PROFILES[id as keyof typeof PROFILES];
    return p ? (lang === "en" ? p.nameEn : p.name) : id;
  };
  const save = async (): Promise<void> => {
    const settings: { -readonly [K in keyof Settings]: Settings[K] } = { reverseFormula: draft.reverseFormula };
    const st = num(draft.scoreTolerance);
    const at = num(draft.amountTolerance);
    const over = num(draft.overPercent);
    if (st !== undefined) settings.scoreTolerance = st;
    if (at !== undefined) settings.amountTolerance = at;
    if (over !== undefined) settings.overAchievementThreshold = over / 100;
    const next: StoredSettings = { profile: draft.profile, settings, ...(value.live ? { live: true } : {}) };
    try {
      await host.saveSettings(next);
      onSaved(next);
      setStatus({ kind: "ok", text: t.settingsSaved });
    } catch (e) {
      setStatus({ kind: "error", error: e });
    }
  };
  const bad = (s: string): "error" | "none" => (num(s) === undefined ? "error" : "none");
  // The live option takes effect at once and is saved with the document straight away (no Save needed).
  const setLive = async (on: boolean): Promise<void> => {
    const next: StoredSettings = { profile: value.profile, settings: value.settings, ...(on ? { live: true } : {}) };
    try {
      await host.saveSettings(next);
      onSaved(next);
      setStatus({ kind: "ok", text: t.settingsSaved });
    } catch (e) {
      setStatus({ kind: "error", error: e });
    }
  };

  return (
    <section className={styles.root} data-testid="settings-panel">
      <span className={styles.hint}>{t.settingsHint}</span>
      {liveAvailable ? (
        <Field hint={t.keepCheckingHint}>
          <Switch label={t.keepChecking} checked={value.live === true} onChange={(_, d) => void setLive(d.checked)} data-testid="keep-checking" />
        </Field>
      ) : (
        <span className={styles.hint} data-testid="keep-checking-unavailable">
          {t.liveUnsupported}
        </span>
      )}
      <Field label={t.profile}>
        <Dropdown value={profileLabel(draft.profile)} selectedOptions={[draft.profile]} onOptionSelect={(_, d) => d.optionValue && setDraft({ ...draft, profile: d.optionValue })} data-testid="profile">
          {["auto", ...Object.keys(PROFILES)].map((id) => (
            <Option key={id} value={id}>
              {profileLabel(id)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.scoreTolerance} validationState={bad(draft.scoreTolerance)}>
        <Input type="number" inputMode="decimal" value={draft.scoreTolerance} onChange={(_, d) => setDraft({ ...draft, scoreTolerance: d.value })} data-testid="score-tolerance" />
      </Field>
      <Field label={t.amountTolerance} validationState={bad(draft.amountTolerance)}>
        <Input type="number" inputMode="decimal" value={draft.amountTolerance} onChange={(_, d) => setDraft({ ...draft, amountTolerance: d.value })} />
      </Field>
      <Field label={t.reverseFormula}>
        <Dropdown
          value={draft.reverseFormula === "ratio" ? t.reverseRatio : t.reverseLinear}
          selectedOptions={[draft.reverseFormula]}
          onOptionSelect={(_, d) => (d.optionValue === "ratio" || d.optionValue === "linear-2t") && setDraft({ ...draft, reverseFormula: d.optionValue })}
        >
          <Option value="linear-2t">{t.reverseLinear}</Option>
          <Option value="ratio">{t.reverseRatio}</Option>
        </Dropdown>
      </Field>
      <Field label={t.overThreshold} validationState={bad(draft.overPercent)}>
        <Input type="number" inputMode="decimal" value={draft.overPercent} onChange={(_, d) => setDraft({ ...draft, overPercent: d.value })} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void save()} data-testid="save-settings">
          {t.saveSettings}
        </Button>
      </div>
      <StatusBar status={status} />
    </section>
  );
}
