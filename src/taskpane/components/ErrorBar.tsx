// A plain-English error message with a way to dismiss it.

import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

/** Shows `message` as an error bar, or nothing. */
export function ErrorBar({
  message,
  onDismiss,
}: {
  message: string | null;
  onDismiss: () => void;
}): React.JSX.Element | null {
  if (!message) return null;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss the message"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
