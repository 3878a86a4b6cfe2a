/** Shown outside Office: the pane is not blank, it says where it belongs (and that a file can be checked here). */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export function NotInExcel(): React.JSX.Element {
  return (
    <MessageBar intent="warning" data-testid="not-in-excel">
      <MessageBarBody>
        <MessageBarTitle>请在 Excel 中打开此加载项</MessageBarTitle>
        Open this add-in in Excel.
        <br />
        也可以在下方选择文件，直接在本页检查。 You can also check a file on this page below.
      </MessageBarBody>
    </MessageBar>
  );
}
