/**
 * The pane outside Office: choose or drop an .xlsx (or .csv), check it here with the same engine, see the
 * verdict and the issues (cells named, not clickable), and download the 校验报告 workbook. The file is read
 * in the page and never sent anywhere; ExcelJS loads only now, from the page's own server.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, mergeClasses } from "@fluentui/react-components";
import type { WorkbookCheck } from "../../domain/engine";
import type { ExcelJSModule } from "../../file/grid-convert";
import { EN, ZH, useStrings, type Strings } from "../i18n";
import { IssueList } from "../components/IssueList/IssueList";
import { Verdict } from "../components/Verdict/Verdict";
import { FileCheckError, checkGrids, readGrids, reportFileName, reportWorkbookBytes } from "./checkFile";
import { loadExcelJS } from "./loadExcelJS";
import { useBrowserCheckStyles } from "./useBrowserCheckStyles.styles";

export interface BrowserCheckProps {
  /** Loads ExcelJS (default: the lazy chunk). Tests hand in Node's ExcelJS. */
  readonly loadExcel?: () => Promise<ExcelJSModule>;
  /** Saves the report (default: a Blob download). */
  readonly save?: (bytes: Uint8Array, fileName: string) => void;
}

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly phase: "reading" | "checking"; readonly file: string }
  | { readonly kind: "done"; readonly file: string; readonly check: WorkbookCheck }
  | { readonly kind: "failed"; readonly file: string; readonly zh: string; readonly en: string; readonly detail?: string };

type ReportState = { readonly kind: "idle" } | { readonly kind: "busy" } | { readonly kind: "failed"; readonly message: string };

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

/** A failure in both languages (people forward these messages; the other language helps whoever reads them). */
function both(s: (x: Strings) => string, detail?: string): { zh: string; en: string; detail?: string } {
  return { zh: s(ZH), en: s(EN), ...(detail ? { detail } : {}) };
}

function failureOf(e: unknown): { zh: string; en: string; detail?: string } {
  if (e instanceof FileCheckError) {
    switch (e.reason) {
      case "not-xlsx":
        return both((t) => t.notXlsx(e.ext));
      case "old-xls":
        return both((t) => t.oldXls);
      case "empty":
        return both((t) => t.emptyFile);
      case "corrupt":
        return both((t) => t.corruptXlsx, e.detail);
    }
  }
  return both((t) => t.couldNotCheck, e instanceof Error ? e.message : String(e));
}

/** Lets the browser paint the progress before the engine holds the thread. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function BrowserCheck({ loadExcel = loadExcelJS, save = downloadBytes }: BrowserCheckProps): React.JSX.Element {
  const styles = useBrowserCheckStyles();
  const t = useStrings();
  const inputId = React.useId();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [state, setState] = React.useState<State>({ kind: "idle" });
  const [report, setReport] = React.useState<ReportState>({ kind: "idle" });
  const [dragging, setDragging] = React.useState(false);
  const run = React.useRef(0);

  const checkFile = React.useCallback(
    async (file: File) => {
      const id = ++run.current;
      setReport({ kind: "idle" });
      setState({ kind: "busy", phase: "reading", file: file.name });
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const grids = await readGrids(file.name, bytes, loadExcel);
        if (id !== run.current) return;
        setState({ kind: "busy", phase: "checking", file: file.name });
        await nextFrame();
        const check = checkGrids(grids);
        if (id === run.current) setState({ kind: "done", file: file.name, check });
      } catch (e) {
        if (id === run.current) setState({ kind: "failed", file: file.name, ...failureOf(e) });
      }
    },
    [loadExcel],
  );

  const onInput = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    if (file) void checkFile(file);
    e.target.value = ""; // choosing the same file again checks it again
  };
  const onDrop = (e: React.DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files?.[0];
    if (file) void checkFile(file);
  };
  const onDownload = async (): Promise<void> => {
    if (state.kind !== "done") return;
    setReport({ kind: "busy" });
    try {
      save(await reportWorkbookBytes(state.file, state.check, loadExcel), reportFileName(state.file));
      setReport({ kind: "idle" });
    } catch (e) {
      setReport({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  };

  const busy = state.kind === "busy";
  return (
    <section className={styles.root} aria-labelledby={`${inputId}-title`} lang={t.langTag} data-testid="browser-check">
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        role="group"
        aria-label={t.dropZoneLabel}
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
        <h2 id={`${inputId}-title`} className={styles.title}>
          {t.browserTitle}
        </h2>
        <p className={styles.text}>{t.browserIntro}</p>
        <div className={styles.pick}>
          <Button appearance="primary" disabled={busy} onClick={() => inputRef.current?.click()} data-testid="choose-file">
            {t.chooseFile}
          </Button>
          <span className={styles.hint}>{t.dropHere}</span>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept=".xlsx,.xlsm,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-label={t.dropZoneLabel}
            className={styles.input}
            tabIndex={-1}
            onChange={onInput}
            data-testid="file-input"
          />
        </div>
        <p className={styles.privacy}>{t.browserPrivacy}</p>
      </div>

      {busy && (
        <div className={styles.status} role="status" aria-live="polite" data-testid="browser-progress">
          <span>{state.phase === "reading" ? t.reading(state.file) : t.checking(state.file)}</span>
          <ProgressBar thickness="large" aria-label={state.phase === "reading" ? t.reading(state.file) : t.checking(state.file)} />
        </div>
      )}

      {state.kind === "failed" && (
        <MessageBar intent="error" layout="multiline" data-testid="browser-error">
          <MessageBarBody>
            <MessageBarTitle>
              {t.couldNotCheck}: {state.file}
            </MessageBarTitle>
            <span lang="zh-CN" className={styles.detail}>
              {state.zh}
            </span>
            <span lang="en-US" className={styles.detail}>
              {state.en}
            </span>
            {state.detail && <span className={styles.detail}>{state.detail}</span>}
          </MessageBarBody>
        </MessageBar>
      )}

      {state.kind === "done" && (
        <>
          <Verdict report={state.check} caption={t.checkedFile(state.file)} />
          <div className={styles.actions}>
            <Button appearance="secondary" onClick={() => void onDownload()} disabled={report.kind === "busy"} data-testid="download-report">
              {t.downloadReport}
            </Button>
            {report.kind === "busy" && <Spinner size="tiny" label={t.preparingReport} />}
          </div>
          {report.kind === "failed" && (
            <MessageBar intent="error" data-testid="report-error">
              <MessageBarBody>
                <MessageBarTitle>{t.reportFailed}</MessageBarTitle>
                {report.message}
              </MessageBarBody>
            </MessageBar>
          )}
          <IssueList issues={state.check.issues} />
        </>
      )}
    </section>
  );
}
