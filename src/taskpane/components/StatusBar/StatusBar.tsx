/** The outcome of an action: success, information or a readable error (never a blank pane). */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { readableError } from "../../../excel/errors";
import { useStrings } from "../../i18n";
import { useExcelStrings } from "../../excelStrings";

export type Status =
  | { readonly kind: "ok"; readonly text: string }
  | { readonly kind: "info"; readonly text: string }
  | { readonly kind: "error"; readonly error: unknown };

export interface StatusBarProps {
  readonly status: Status | null;
}

export function StatusBar({ status }: StatusBarProps): React.JSX.Element | null {
  const { lang } = useStrings();
  const t = useExcelStrings();
  if (!status) return null;
  if (status.kind !== "error") {
    return (
      <MessageBar intent={status.kind === "ok" ? "success" : "info"} data-testid="status">
        <MessageBarBody>{status.text}</MessageBarBody>
      </MessageBar>
    );
  }
  const e = readableError(status.error);
  if (e.cancelled) {
    return (
      <MessageBar intent="info" data-testid="status">
        <MessageBarBody>{t.cancelled}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline" data-testid="status-error">
      <MessageBarBody>
        <MessageBarTitle>{t.failed}</MessageBarTitle>
        {lang === "en" ? e.en : e.zh}
        {e.code ? ` (${e.code})` : ""}
      </MessageBarBody>
    </MessageBar>
  );
}
