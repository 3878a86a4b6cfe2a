/**
 * The pane inside Excel: a requirement banner when the build is too old, then tabs for check, coverage,
 * templates, settings and the grade tool. Panels stay mounted (hidden) so switching tabs keeps their state.
 */
import * as React from "react";
import { Tab, TabList } from "@fluentui/react-components";
import { NEEDED_EXCEL_API } from "../../../excel/office";
import { useExcelStrings } from "../../excelStrings";
import type { ExcelHostOps, StoredSettings } from "../../host";
import { defaultPaneEngine, type PaneEngine } from "../../engine/paneEngine";
import { CheckPanel } from "../CheckPanel/CheckPanel";
import type { CheckResult } from "../CheckPanel/CheckPanel.types";
import { CoveragePanel } from "../CoveragePanel/CoveragePanel";
import { GradePanel } from "../GradePanel/GradePanel";
import { RequirementBanner } from "../RequirementBanner/RequirementBanner";
import { SettingsPanel } from "../SettingsPanel/SettingsPanel";
import { TemplatesPanel } from "../TemplatesPanel/TemplatesPanel";
import { usePanelStyles } from "./usePanelStyles.styles";
import { NO_CHOICE, paneCoverage, withCoverageIssues, type CoverageChoice } from "./paneCoverage";
import { canWatch, useLiveCheck } from "./useLiveCheck";
import type { Issue } from "../../../domain/issues";

/** Sheets whose findings differ between two lists (their marks need redrawing). */
export function changedSheets(before: readonly Issue[], after: readonly Issue[]): string[] {
  const keys = (issues: readonly Issue[]): Map<string, string> => {
    const by = new Map<string, string[]>();
    for (const i of issues) {
      const l = by.get(i.sheet) ?? [];
      l.push(`${i.severity}@${i.cell}`);
      by.set(i.sheet, l);
    }
    return new Map([...by].map(([k, v]) => [k, v.sort().join(",")]));
  };
  const a = keys(before);
  const b = keys(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((s) => a.get(s) !== b.get(s));
}

export interface ExcelPaneProps {
  readonly host: ExcelHostOps;
  /** Where checks run (default: the check worker, else this thread). */
  readonly engine?: PaneEngine;
}

type TabId = "check" | "coverage" | "templates" | "settings" | "grade";

const DEFAULT_SETTINGS: StoredSettings = { profile: "auto", settings: {} };

export function ExcelPane({ host, engine: given }: ExcelPaneProps): React.JSX.Element {
  const t = useExcelStrings();
  const styles = usePanelStyles();
  const engine = React.useMemo(() => given ?? defaultPaneEngine(), [given]);
  React.useEffect(() => () => engine.dispose(), [engine]);
  const [tab, setTab] = React.useState<TabId>("check");
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [settings, setSettings] = React.useState<StoredSettings>(DEFAULT_SETTINGS);
  const supported = React.useMemo(() => host.isSupported(), [host]);
  const [choice, setChoice] = React.useState<CoverageChoice>(NO_CHOICE);
  const [marksOn, setMarksOn] = React.useState(false);
  const [liveNote, setLiveNote] = React.useState<string | undefined>(undefined);
  const liveAvailable = canWatch(host);
  const live = liveAvailable && settings.live === true;
  /** Set by a live re-check: the findings shown before it, so only the sheets whose marks changed are redrawn. */
  const redraw = React.useRef<readonly Issue[] | null>(null);

  // A check of the whole workbook with a budget list carries the coverage findings, as `jx check --budget` does.
  const coverage = React.useMemo(() => (result && result.scope === "workbook" ? paneCoverage(result.check, choice, settings) : undefined), [result, choice, settings]);
  const shown = React.useMemo<CheckResult | null>(
    () => (result && coverage ? { ...result, check: withCoverageIssues(result.check, coverage.issues) } : result),
    [result, coverage],
  );
  const shownRef = React.useRef(shown);
  shownRef.current = shown;

  useLiveCheck({
    host,
    engine,
    enabled: live,
    result,
    settings,
    onResult: (next, sheet) => {
      redraw.current = shownRef.current?.check.issues ?? [];
      setResult(next);
      setLiveNote(t.liveRechecked(sheet));
    },
    onError: (e) => setLiveNote(`${t.failed}: ${e instanceof Error ? e.message : String(e)}`),
  });

  // After a live re-check, the marks follow (when the user had marked the cells): only the sheets whose findings changed.
  React.useEffect(() => {
    const before = redraw.current;
    redraw.current = null;
    if (!before || !marksOn || !shown) return;
    const sheets = changedSheets(before, shown.check.issues);
    if (sheets.length === 0) return;
    host.applyMarks(shown.check.issues, { sheets }).catch((e: unknown) => setLiveNote(`${t.failed}: ${e instanceof Error ? e.message : String(e)}`));
  }, [shown, marksOn, host, t]);

  React.useEffect(() => {
    let live = true;
    host
      .loadSettings()
      .then((s) => live && setSettings(s))
      .catch(() => undefined); // defaults stay; the settings tab shows errors when saving
    return () => {
      live = false;
    };
  }, [host]);

  const tabs: readonly [TabId, string][] = [
    ["check", t.tabCheck],
    ["coverage", t.tabCoverage],
    ["templates", t.tabTemplates],
    ["settings", t.tabSettings],
    ["grade", t.tabGrade],
  ];
  return (
    <div className={styles.root} data-testid="excel-pane">
      <RequirementBanner supported={supported} version={NEEDED_EXCEL_API} />
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} aria-label={t.tabsLabel}>
        {tabs.map(([id, label]) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`} data-testid={`tab-${id}`}>
            {label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" hidden={tab !== "check"}>
        <CheckPanel
          host={host}
          engine={engine}
          settings={settings}
          result={shown}
          onResult={setResult}
          onMarksChange={setMarksOn}
          liveNote={live ? [t.liveOn, liveNote].filter(Boolean).join(" ") : undefined}
        />
      </div>
      <div role="tabpanel" id="panel-coverage" aria-labelledby="tab-coverage" hidden={tab !== "coverage"}>
        <CoveragePanel host={host} result={shown} settings={settings} coverage={coverage ?? null} choice={choice} onChoiceChange={setChoice} />
      </div>
      <div role="tabpanel" id="panel-templates" aria-labelledby="tab-templates" hidden={tab !== "templates"}>
        <TemplatesPanel host={host} />
      </div>
      <div role="tabpanel" id="panel-settings" aria-labelledby="tab-settings" hidden={tab !== "settings"}>
        <SettingsPanel host={host} value={settings} onSaved={setSettings} liveAvailable={liveAvailable} />
      </div>
      <div role="tabpanel" id="panel-grade" aria-labelledby="tab-grade" hidden={tab !== "grade"}>
        <GradePanel host={host} />
      </div>
    </div>
  );
}
