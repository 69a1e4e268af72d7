// Progress of long work: a labelled bar (indeterminate when the fraction is not known).

import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress } from "../hooks/useWorkbook";

/** Shows `progress`, or nothing when there is no work in hand. */
export function ProgressNote({ progress }: { progress: Progress | null }): React.JSX.Element | null {
  if (!progress) return null;
  return (
    <Field validationMessage={progress.label} validationState="none">
      <ProgressBar value={progress.value} thickness="large" aria-label={progress.label} />
    </Field>
  );
}
