// A plain-English error message with a way to dismiss it.

import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

/**
 * Shows `message` as an error bar (or, with intent "warning", a notice that is not a failure), or nothing.
 * An error is role="alert" and a notice role="status" (a MessageBar alone is role="group", which a screen
 * reader does not announce). Without `onDismiss` there is no dismiss button.
 */
export function ErrorBar({
  message,
  onDismiss,
  intent = "error",
}: {
  message: string | null;
  onDismiss?: () => void;
  intent?: "error" | "warning";
}): React.JSX.Element | null {
  if (!message) return null;
  return (
    <MessageBar intent={intent} role={intent === "error" ? "alert" : "status"} layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
      {onDismiss ? (
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
      ) : null}
    </MessageBar>
  );
}
