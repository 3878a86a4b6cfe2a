/**
 * Office errors as people can read them. office.js rejects with an OfficeExtension.Error whose `code` is one of
 * Excel.ErrorCodes; the pane shows a sentence for the common ones and the raw message for the rest.
 */

/** Thrown when the user cancels long work between two Excel round trips. */
export class CancelledError extends Error {
  constructor() {
    super("已取消 / Cancelled");
    this.name = "CancelledError";
  }
}

/** Throws CancelledError when the signal was aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * A write of one of the add-in's sheets that did not finish. Its message says, Chinese first and then English,
 * what was not written, that the previous sheet is unchanged (when there was one and it is), and why.
 */
export class OutputWriteError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly code?: string;
  readonly detail?: string;
  /**
   * `previous`: "kept" (the previous sheet is as it was), "none" (there was none; nothing half-written is left), or
   * "replaced" (the failure came after the previous sheet was deleted: the new one is complete and kept).
   */
  constructor(what: { readonly zh: string; readonly en: string }, cause: unknown, previous: "kept" | "none" | "replaced") {
    const why = readableError(cause);
    const state = {
      kept: ["，上一份保持不变", "; the previous one is unchanged"],
      none: ["，未留下写了一半的工作表", "; no half-written sheet is left"],
      replaced: ["；新的一份已完整写入，但收尾（改名或标记）未完成", "; the new one is complete but was not renamed or marked"],
    }[previous];
    const zh = `写入“${what.zh}”未完成${state[0]}。原因：${why.zh}`;
    const en = `Writing ${what.en} did not finish${state[1]}. Reason: ${why.en}`;
    super(`${zh} / ${en}`);
    this.name = "OutputWriteError";
    this.zh = zh;
    this.en = en;
    this.code = why.code;
    this.detail = why.detail ?? (why.zh === why.en ? why.zh : undefined);
  }
}

const MESSAGES: Readonly<Record<string, readonly [string, string]>> = {
  AccessDenied: ["工作簿或工作表受保护，无法写入。请取消保护后重试。", "The workbook or sheet is protected. Unprotect it and try again."],
  InvalidOperation: ["Excel 拒绝了此操作（可能正在编辑单元格）。请按 Esc 结束编辑后重试。", "Excel refused the operation (a cell may be in edit mode). Press Esc and try again."],
  ItemNotFound: ["找不到所需的工作表或区域，可能已被删除或重命名。请重新检查。", "A sheet or range was not found; it may have been deleted or renamed. Run the check again."],
  ItemAlreadyExists: ["同名的工作表或表格已存在。", "A sheet or table with that name already exists."],
  InvalidArgument: ["Excel 不接受给定的参数（地址或名称无效）。", "Excel did not accept an argument (an invalid address or name)."],
  RequestPayloadSizeLimitExceeded: ["数据量超过 Excel 网页版单次请求上限（5 MB）。", "The data exceeds Excel on the web's 5 MB request limit."],
  ResponsePayloadSizeLimitExceeded: ["数据量超过 Excel 网页版单次响应上限（5 MB）。", "The data exceeds Excel on the web's 5 MB response limit."],
  ApiNotFound: ["此 Excel 版本不支持所需的功能，请更新 Excel。", "This Excel build lacks a needed feature; please update Excel."],
  GeneralException: ["Excel 内部错误，请稍后重试。", "Excel reported an internal error; please try again."],
  Unauthenticated: ["需要重新登录 Office。", "Please sign in to Office again."],
  Conflict: ["工作簿正被他人同时编辑，请稍后重试。", "Someone else is editing the workbook; try again shortly."],
};

/** A readable error: Chinese and English sentences plus the technical code when there is one. */
export interface ReadableError {
  readonly zh: string;
  readonly en: string;
  readonly code?: string;
  readonly detail?: string;
  readonly cancelled: boolean;
}

function codeOf(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const c = (e as { code: unknown }).code;
    return typeof c === "string" ? c : undefined;
  }
  return undefined;
}

/** Turns anything thrown by office.js (or by us) into a message for the pane. Never returns an empty text. */
export function readableError(e: unknown): ReadableError {
  if (e instanceof CancelledError) return { zh: "已取消。", en: "Cancelled.", cancelled: true };
  if (e instanceof OutputWriteError) return { zh: e.zh, en: e.en, code: e.code, detail: e.detail, cancelled: false };
  const code = codeOf(e);
  const raw = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  const known = code ? MESSAGES[code] : undefined;
  if (known) return { zh: known[0], en: known[1], code, detail: raw || undefined, cancelled: false };
  const text = raw || "未知错误 / Unknown error";
  return { zh: text, en: text, code, cancelled: false };
}
