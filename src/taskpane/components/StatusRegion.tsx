// A polite live region (WCAG 4.1.3 Status Messages) that announces every message, including one in the
// same words as the last: a screen reader speaks a live region only when its content changes, so each
// message is a new element (keyed by its sequence number), as Fluent's own announcer appends one per message.

import * as React from "react";
import { makeStyles } from "@fluentui/react-components";
import { visuallyHidden } from "../styles";

const useStyles = makeStyles({ srOnly: visuallyHidden });

/** Visually hidden; `seq` changes with each message, `message` may repeat. */
export function StatusRegion({ message, seq }: { message: string; seq: number }): React.JSX.Element {
  const s = useStyles();
  return (
    <div className={s.srOnly} role="status" aria-live="polite">
      <span key={seq}>{message}</span>
    </div>
  );
}
