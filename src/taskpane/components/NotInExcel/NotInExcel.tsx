/** Shown outside Office: the pane is not blank, it says where it belongs. */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export function NotInExcel(): React.JSX.Element {
  return (
    <MessageBar intent="warning" data-testid="not-in-excel">
      <MessageBarBody>
        <MessageBarTitle>请在 Excel 中打开此加载项</MessageBarTitle>
        Open this add-in in Excel.
      </MessageBarBody>
    </MessageBar>
  );
}
