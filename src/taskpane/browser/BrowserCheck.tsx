/**
 * The page outside Office: choose or drop .xlsx/.csv files (several, or a folder), check them as `jx check` does
 * in a Web Worker (progress, cancel; the page stays responsive), see each file's verdict in a summary like the
 * command line's, the coverage when a budget list is chosen or recognized, each file's issues, and a preview of its
 * sheets in which a chosen issue's cell is scrolled to and highlighted; download the report workbook `jx check
 * --out` writes for the same files. Files are read in the browser and never sent anywhere.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Select, Spinner, Tab, TabList, mergeClasses } from "@fluentui/react-components";
import { parseArea } from "../../domain/grid";
import type { Issue, Severity } from "../../domain/issues";
import { unmeasurableBlocking, VERDICT_WORDS, verdictOf } from "../../domain/report";
import type { ExcelJSModule } from "../../file/grid-convert";
import { shownName, shownText } from "../../file/shown-text";
import { useStrings } from "../i18n";
import { IssueList } from "../components/IssueList/IssueList";
import { Verdict } from "../components/Verdict/Verdict";
import { reportFileName } from "./checkFile";
import { CoverageView } from "./CoverageView";
import { inputsFromDrop, inputsFromFiles } from "./folder";
import type { BatchProgress, PageFile, PageOutcome } from "./pageBatch";
import { usePageStrings, type PageStrings } from "./pageStrings";
import { ROW_BLOCK, type FromWorker, type SheetShape, type WorkerInput } from "./protocol";
import { SheetPreview, type Flag } from "./SheetPreview";
import { useBrowserBatchStyles, useBrowserCheckStyles } from "./useBrowserCheckStyles.styles";
import { inlineWorker, type CheckWorkerLike } from "./workerCore";

export interface BrowserCheckProps {
  /** Loads ExcelJS on this thread: given (tests), the work runs here instead of in a Web Worker. */
  readonly loadExcel?: () => Promise<ExcelJSModule>;
  /** Starts the worker (default: the page's Web Worker, or this thread when `loadExcel` is given). */
  readonly createWorker?: () => Promise<CheckWorkerLike>;
  /** Saves the report (default: a Blob download). */
  readonly save?: (bytes: Uint8Array, fileName: string) => void;
}

type RunState =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly progress?: BatchProgress }
  | { readonly kind: "done"; readonly outcome: PageOutcome }
  | { readonly kind: "cancelled" }
  | { readonly kind: "failed"; readonly message: string };

type ReportState = { readonly kind: "idle" } | { readonly kind: "busy" } | { readonly kind: "failed"; readonly message: string };

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Downloads bytes as a file: a Blob URL of the page's own origin, nothing leaves the machine. */
function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const defaultWorker = (): Promise<CheckWorkerLike> => import(/* webpackChunkName: "check-worker-client" */ "./createCheckWorker").then((m) => m.createCheckWorker());

/** How far the batch is (0..1): files done, and the stage of the current one. */
function overall(p: BatchProgress | undefined): number | undefined {
  if (!p) return undefined;
  const f = p.fraction ?? 0;
  const within = { reading: 0, unzip: 0.5 * f, parse: 0.5, convert: 0.6 + 0.2 * f, checking: 0.85, coverage: 1 }[p.stage];
  return Math.min(1, (p.index + within) / Math.max(1, p.count));
}

/** The verdict words of a file in the summary, as the command line's summary table gives them. */
function verdictWord(f: PageFile, t: PageStrings, zh: boolean): string {
  if (f.error) return t.notChecked;
  if (f.role === "budget" && f.coverageVerdict) return f.coverageVerdict.kind === "gaps" ? (zh ? "覆盖有缺口" : "Coverage gaps") : zh ? "全部覆盖" : "All covered";
  const [w, en] = VERDICT_WORDS[verdictOf(f.report)];
  return zh ? w : en;
}

/** The top-left cell of an issue's cell or range. */
function cellOf(issue: Pick<Issue, "cell">): { row: number; col: number } | undefined {
  const a = issue.cell ? parseArea(issue.cell) : undefined;
  return a ? { row: a.top, col: a.left } : undefined;
}

export function BrowserCheck({ loadExcel, createWorker, save = downloadBytes }: BrowserCheckProps): React.JSX.Element {
  const styles = { ...useBrowserCheckStyles(), ...useBrowserBatchStyles() };
  const base = useStrings();
  const t = usePageStrings();
  const zh = base.lang !== "en";
  const id = React.useId();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);
  const [inputs, setInputs] = React.useState<readonly WorkerInput[]>([]);
  const [budget, setBudget] = React.useState<string>("");
  const [run, setRun] = React.useState<RunState>({ kind: "idle" });
  const [report, setReport] = React.useState<ReportState>({ kind: "idle" });
  const [selected, setSelected] = React.useState(0);
  const [sheet, setSheet] = React.useState(0);
  const [focus, setFocus] = React.useState<{ row: number; col: number; seq: number } | undefined>(undefined);
  const [version, setVersion] = React.useState(0);
  const worker = React.useRef<CheckWorkerLike | undefined>(undefined);
  const shapes = React.useRef(new Map<string, SheetShape>());
  const blocks = React.useRef(new Map<string, readonly (readonly string[])[]>());
  const asked = React.useRef(new Set<string>());
  const saveRef = React.useRef(save);
  saveRef.current = save;
  const outcomeRef = React.useRef<PageOutcome | undefined>(undefined);
  const seq = React.useRef(0);
  const start = createWorker ?? (loadExcel ? () => Promise.resolve(inlineWorker(loadExcel)) : defaultWorker);

  React.useEffect(() => () => worker.current?.terminate(), []);

  const onMessage = React.useCallback((m: FromWorker): void => {
    switch (m.type) {
      case "progress":
        setRun({ kind: "busy", progress: m.progress });
        return;
      case "done":
        outcomeRef.current = m.outcome;
        setRun({ kind: "done", outcome: m.outcome });
        return;
      case "failed":
        setRun({ kind: "failed", message: m.message });
        return;
      case "sheet":
        shapes.current.set(`${m.file}:${m.sheet}`, m.shape);
        setVersion((v) => v + 1);
        return;
      case "rows":
        blocks.current.set(`${m.file}:${m.sheet}:${m.block}`, m.rows);
        setVersion((v) => v + 1);
        return;
      case "report": {
        const o = outcomeRef.current;
        const name = o && o.files.length === 1 ? reportFileName(shownName(o.files[0].file.split("/").pop() ?? o.files[0].file)) : "校验报告.xlsx";
        try {
          saveRef.current(m.bytes, name);
          setReport({ kind: "idle" });
        } catch (e) {
          setReport({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
        }
        return;
      }
      case "report-failed":
        setReport({ kind: "failed", message: m.message });
        return;
    }
  }, []);

  const check = React.useCallback(
    async (list: readonly WorkerInput[], budgetName: string) => {
      worker.current?.terminate();
      worker.current = undefined;
      shapes.current.clear();
      blocks.current.clear();
      asked.current.clear();
      outcomeRef.current = undefined;
      setReport({ kind: "idle" });
      setSelected(0);
      setSheet(0);
      setFocus(undefined);
      setRun({ kind: "busy" });
      try {
        const w = await start();
        worker.current = w;
        w.listen(onMessage);
        w.post({ type: "check", inputs: list, ...(budgetName ? { budget: budgetName } : {}) });
      } catch (e) {
        setRun({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
      }
    },
    // `start` is rebuilt each render from props that do not change while mounted.
    [onMessage],
  );

  const begin = (list: readonly WorkerInput[]): void => {
    if (list.length === 0) return;
    setInputs(list);
    setBudget("");
    void check(list, "");
  };

  const cancel = (): void => {
    worker.current?.terminate();
    worker.current = undefined;
    setRun({ kind: "cancelled" });
  };

  const onFiles = (e: React.ChangeEvent<HTMLInputElement>, folder: boolean): void => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = ""; // choosing the same files again checks them again
    begin(inputsFromFiles(files, !folder));
  };
  const onDrop = (e: React.DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    void inputsFromDrop(e.dataTransfer).then(begin);
  };
  const onBudget = (name: string): void => {
    setBudget(name);
    void check(inputs, name);
  };

  const outcome = run.kind === "done" ? run.outcome : undefined;
  const file = outcome?.files[selected];

  // The preview: the selected file's sheet, its shape asked for once.
  const sheetKey = `${selected}:${sheet}`;
  const shape = outcome && file && !file.error ? shapes.current.get(sheetKey) : undefined;
  React.useEffect(() => {
    if (!outcome || !file || file.error || file.sheetNames.length === 0) return;
    if (shapes.current.has(sheetKey) || asked.current.has(sheetKey)) return;
    asked.current.add(sheetKey);
    worker.current?.post({ type: "sheet", file: selected, sheet });
  }, [outcome, file, selected, sheet, sheetKey]);

  const need = React.useCallback(
    (from: number, to: number) => {
      for (let b = Math.floor(from / ROW_BLOCK); b <= Math.floor(to / ROW_BLOCK); b++) {
        const k = `${sheetKey}:${b}`;
        if (asked.current.has(k)) continue;
        asked.current.add(k);
        worker.current?.post({ type: "rows", file: selected, sheet, block: b });
      }
    },
    [sheetKey, selected, sheet],
  );
  const rowAt = React.useCallback((r: number) => blocks.current.get(`${sheetKey}:${Math.floor(r / ROW_BLOCK)}`)?.[r % ROW_BLOCK], [sheetKey]);

  const sheetName = file?.sheetNames[sheet];
  const flags = React.useMemo(() => {
    const m = new Map<string, Flag>();
    if (!file || sheetName === undefined) return m;
    for (const i of file.report.issues) {
      if (i.sheet !== sheetName || !i.cell) continue;
      const a = parseArea(i.cell);
      if (!a) continue;
      const key = i.cell.includes(":") ? i.cell.split(":")[0].replace(/\$/g, "").toUpperCase() : i.cell.replace(/\$/g, "").toUpperCase();
      const old = m.get(key);
      if (!old || RANK[i.severity] < RANK[old.severity]) m.set(key, { severity: i.severity, message: shownText(zh ? i.message : i.messageEn) });
    }
    return m;
  }, [file, sheetName, zh]);

  /** Shows a cell of a file: selects the file and sheet, scrolls to the cell and highlights it. */
  const show = React.useCallback(
    (fileIndex: number, sheetTitle: string, cell: string) => {
      const f = outcome?.files[fileIndex];
      if (!f) return;
      const s = f.sheetNames.indexOf(sheetTitle);
      const at = cellOf({ cell });
      if (s < 0 || !at) return;
      setSelected(fileIndex);
      setSheet(s);
      setFocus({ ...at, seq: ++seq.current });
    },
    [outcome],
  );
  /** Shows a file's issues and its first sheet. */
  const openFile = (k: number): void => {
    setSelected(k);
    setSheet(0);
    setFocus(undefined);
  };
  const onIssue = React.useCallback((issue: Issue) => show(selected, issue.sheet, issue.cell), [show, selected]);
  const onCoverage = React.useCallback(
    (name: string, sheetTitle: string, cell: string) => {
      const k = outcome?.files.findIndex((f) => f.file === name) ?? -1;
      if (k >= 0) show(k, sheetTitle, cell);
    },
    [outcome, show],
  );

  const onDownload = (): void => {
    setReport({ kind: "busy" });
    worker.current?.post({ type: "report" });
  };

  const busy = run.kind === "busy";
  const progress = run.kind === "busy" ? run.progress : undefined;
  // File names as `jx check` prints them: a bidi override or a control in a name must not reorder or hide what is shown.
  const progressText = progress ? t.stage({ ...progress, file: shownName(progress.file) }) : base.reading(inputs.length === 1 ? shownName(inputs[0].name) : `${inputs.length}`);
  const readable = inputs.filter((i) => /\.(xlsx|xlsm|csv)$/i.test(i.name));

  let totals: { errors: number; warnings: number; unreadable: number } | undefined;
  if (outcome) {
    totals = { errors: 0, warnings: 0, unreadable: 0 };
    for (const f of outcome.files) {
      totals.errors += f.report.stats.errors;
      totals.warnings += f.report.stats.warnings;
      if (f.error) totals.unreadable++;
    }
  }

  return (
    <section className={styles.root} aria-labelledby={`${id}-title`} lang={base.langTag} data-testid="browser-check">
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        role="group"
        aria-label={base.dropZoneLabel}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <h2 id={`${id}-title`} className={styles.title}>
          {base.browserTitle}
        </h2>
        <p className={styles.text}>{t.intro}</p>
        <div className={styles.pick}>
          <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()} data-testid="choose-file">
            {t.chooseFiles}
          </Button>
          <Button appearance="secondary" disabled={busy} onClick={() => folderInput.current?.click()} data-testid="choose-folder">
            {t.chooseFolder}
          </Button>
          <span className={styles.hint}>{t.dropHint}</span>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".xlsx,.xlsm,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-label={t.chooseFiles}
            className={styles.input}
            tabIndex={-1}
            onChange={(e) => onFiles(e, false)}
            data-testid="file-input"
          />
          <input
            ref={(el) => {
              folderInput.current = el;
              // webkitdirectory is not in React's typings: set as an attribute.
              el?.setAttribute("webkitdirectory", "");
            }}
            type="file"
            multiple
            aria-label={t.chooseFolder}
            className={styles.input}
            tabIndex={-1}
            onChange={(e) => onFiles(e, true)}
            data-testid="folder-input"
          />
        </div>
        <p className={styles.privacy}>{base.browserPrivacy}</p>
      </div>

      {readable.length > 1 && (
        <div className={styles.actions}>
          <label htmlFor={`${id}-budget`}>{t.budgetList}</label>
          <Select id={`${id}-budget`} value={budget} onChange={(_, d) => onBudget(d.value)} disabled={busy} data-testid="budget-select">
            <option value="">{t.budgetAuto}</option>
            {readable.map((i) => (
              <option key={i.name} value={i.name}>
                {shownName(i.name)}
              </option>
            ))}
          </Select>
        </div>
      )}

      {busy && (
        <div className={styles.status} role="status" aria-live="polite" data-testid="browser-progress">
          <span data-testid="progress-text">{progressText}</span>
          <ProgressBar thickness="large" value={overall(progress)} aria-label={progressText} />
          <div>
            <Button appearance="secondary" onClick={cancel} data-testid="cancel-check">
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
      {run.kind === "cancelled" && (
        <MessageBar intent="info" data-testid="check-cancelled">
          <MessageBarBody>{t.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      {run.kind === "failed" && (
        <MessageBar intent="error" data-testid="batch-error">
          <MessageBarBody>
            <MessageBarTitle>{t.batchFailed}</MessageBarTitle>
            {run.message}
          </MessageBarBody>
        </MessageBar>
      )}

      {outcome && (
        <>
          {outcome.files.length > 1 && (
            <span className={styles.hint} data-testid="file-pick-hint">
              {t.selectFileHint}
            </span>
          )}
          {outcome.files.length > 1 && (
            <div className={styles.scroll}>
              <table className={styles.summary} data-testid="file-summary" aria-label={t.summaryTitle}>
                <caption className={styles.caption}>{t.summaryTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.head.file}</th>
                    <th scope="col">{t.head.verdict}</th>
                    <th scope="col">{t.head.department}</th>
                    <th scope="col">{t.head.errors}</th>
                    <th scope="col">{t.head.warnings}</th>
                    <th scope="col">{t.head.total}</th>
                    <th scope="col">{t.head.grade}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.files.map((f, k) => (
                    <tr key={f.file} className={mergeClasses(k === selected && styles.selectedRow)} data-testid="file-row" data-file={f.file} data-role={f.role} aria-current={k === selected ? "true" : undefined}>
                      <th scope="row">
                        <Button appearance="transparent" size="small" className={styles.link} onClick={() => openFile(k)} aria-pressed={k === selected} data-testid="file-open">
                          {shownName(f.file)}
                        </Button>
                        {f.role === "budget" || outcome.budgetFile === f.file ? <span className={styles.hint}>（{t.budgetRole}）</span> : null}
                      </th>
                      <td data-testid="file-verdict" className={f.error || f.report.stats.errors > 0 || unmeasurableBlocking(f.report) > 0 ? styles.bad : undefined}>
                        {verdictWord(f, t, zh)}
                      </td>
                      <td>{shownText(f.summary.department)}</td>
                      <td className={styles.num} data-testid="file-errors">
                        {f.error ? "—" : f.report.stats.errors}
                      </td>
                      <td className={styles.num} data-testid="file-warnings">
                        {f.error ? "—" : f.report.stats.warnings}
                      </td>
                      <td className={styles.num}>{f.error ? t.notChecked : f.summary.total}</td>
                      <td>{f.summary.grade}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {outcome.skipped.length > 0 && (
            <details data-testid="skipped">
              <summary>{t.skipped(outcome.skipped.length)}</summary>
              <ul className={styles.plain}>
                {outcome.skipped.map((s) => (
                  <li key={s.file}>
                    {shownName(s.file)}: {shownText(s.message)} / {shownText(s.messageEn)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {totals && (
            <span className={styles.hint} data-testid="batch-totals">
              {t.totals(outcome.files.length, totals.errors, totals.warnings, totals.unreadable)}
            </span>
          )}
          <div className={styles.actions}>
            <Button appearance="secondary" onClick={onDownload} disabled={report.kind === "busy" || outcome.files.length === 0} data-testid="download-report">
              {base.downloadReport}
            </Button>
            {report.kind === "busy" && <Spinner size="tiny" label={base.preparingReport} />}
          </div>
          {report.kind === "failed" && (
            <MessageBar intent="error" data-testid="report-error">
              <MessageBarBody>
                <MessageBarTitle>{base.reportFailed}</MessageBarTitle>
                {report.message}
              </MessageBarBody>
            </MessageBar>
          )}
          {outcome.budgetRecognized && outcome.budgetFile && (
            <span className={styles.hint} data-testid="budget-recognized">
              {t.budgetRecognized(shownName(outcome.budgetFile))}
            </span>
          )}
          {outcome.coverage && <CoverageView coverage={outcome.coverage} {...(outcome.budgetFile ? { budgetFile: outcome.budgetFile } : {})} onShow={onCoverage} />}

          {file && (
            <section className={styles.fileSection} aria-label={shownName(file.file)} data-testid="file-detail" data-file={file.file}>
              {file.error ? (
                <MessageBar intent="error" layout="multiline" data-testid="browser-error">
                  <MessageBarBody>
                    <MessageBarTitle>
                      {base.couldNotCheck}: {shownName(file.file)}
                    </MessageBarTitle>
                    <span lang="zh-CN" className={styles.detail}>
                      {file.error.message}
                    </span>
                    <span lang="en-US" className={styles.detail}>
                      {file.error.messageEn}
                    </span>
                    {file.error.detail && <span className={styles.detail}>{file.error.detail}</span>}
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <>
                  <Verdict report={file.report} caption={base.checkedFile(shownName(file.file))} />
                  {file.truncated && (
                    <span className={styles.hint} data-testid="truncated">
                      {zh
                        ? `另有 ${file.truncated.total - file.truncated.shown} 个问题未列出（每个文件最多列出 ${file.truncated.shown} 个，错误优先；统计数字包含全部问题）`
                        : `${file.truncated.total - file.truncated.shown} more findings not listed (at most ${file.truncated.shown} per file, errors first; the counts include them all)`}
                    </span>
                  )}
                  <IssueList issues={file.report.issues} onSelect={onIssue} />
                  {file.sheetNames.length > 0 && (
                    <div className={styles.preview}>
                      <h3 className={styles.title}>{t.preview}</h3>
                      {file.sheetNames.length > 1 && (
                        <TabList size="small" selectedValue={String(sheet)} onTabSelect={(_, d) => setSheet(Number(d.value))} data-testid="preview-sheets">
                          {file.sheetNames.map((s, k) => (
                            <Tab key={s} value={String(k)} data-testid="preview-sheet" data-sheet={s}>
                              {shownName(s)}
                            </Tab>
                          ))}
                        </TabList>
                      )}
                      {shape ? (
                        <SheetPreview label={t.previewOf(shownName(file.file), shownName(sheetName ?? ""))} shape={shape} rowAt={rowAt} need={need} version={version} flags={flags} {...(focus ? { focus } : {})} />
                      ) : (
                        <Spinner size="tiny" />
                      )}
                    </div>
                  )}
                </>
              )}
            </section>
          )}
        </>
      )}
    </section>
  );
}
