/** Warns when the Excel build lacks the requirement set the pane needs; the rest of the pane stays usable. */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useExcelStrings } from "../../excelStrings";

export interface RequirementBannerProps {
  readonly supported: boolean;
  readonly version: string;
}

export function RequirementBanner({ supported, version }: RequirementBannerProps): React.JSX.Element | null {
  const t = useExcelStrings();
  if (supported) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="requirement-banner">
      <MessageBarBody>
        <MessageBarTitle>{t.unsupportedTitle}</MessageBarTitle>
        {t.unsupportedBody(version)}
      </MessageBarBody>
    </MessageBar>
  );
}
