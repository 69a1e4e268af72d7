// Import view: the contractor's IRIS export merged into a register in four steps — choose, map,
// preview, apply — with progress, Cancel while reading, and plain messages for bad input.

import * as React from "react";
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookGateway } from "../../excel/gateway";
import { ErrorBar } from "../components/ErrorBar";
import type { WorkbookActions, WorkbookState } from "../hooks/useWorkbook";
import { DoneStep } from "../import/DoneStep";
import { FileStep } from "../import/FileStep";
import { MappingStep } from "../import/MappingStep";
import { PreviewStep } from "../import/PreviewStep";
import { useImport, type ImportStep } from "../import/useImport";
import { visuallyHidden } from "../styles";
import { useFocusAfterRender } from "../hooks/useFocusAfterRender";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  steps: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  srOnly: visuallyHidden,
});

const STEP_NUMBER: Record<ImportStep, number> = { choose: 1, map: 2, preview: 3, done: 4 };
const STEP_NAME: Record<ImportStep, string> = {
  choose: "Choose the export",
  map: "Map the columns",
  preview: "Preview",
  done: "Done",
};

export interface ImportViewProps {
  state: WorkbookState;
  actions: WorkbookActions;
  gateway: WorkbookGateway;
}

/** The Import view. */
export function ImportView({ state, actions, gateway }: ImportViewProps): React.JSX.Element {
  const s = useStyles();
  const [imp, a] = useImport({ gateway, settings: state.settings, actions });
  const heading = React.useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();
  // Cancel goes with the progress block once reading stops: focus goes to the top of the step.
  const onCancel = React.useCallback(() => {
    focusAfterRender(() => heading.current);
    a.cancel();
  }, [focusAfterRender, a]);

  // Each new step starts at its top for keyboard and screen-reader users.
  React.useEffect(() => {
    heading.current?.focus();
  }, [imp.step]);

  return (
    <div className={s.root}>
      <p className={s.steps} ref={heading} tabIndex={-1}>
        Step {STEP_NUMBER[imp.step]} of 4: {STEP_NAME[imp.step]}
      </p>
      <div className={s.srOnly} role="status" aria-live="polite">
        {imp.status}
      </div>
      <ErrorBar message={imp.error} onDismiss={a.dismissError} />
      {imp.busy ? (
        <div className={s.progress}>
          <Field validationMessage={imp.busy.label} validationState="none">
            <ProgressBar value={imp.busy.value} thickness="large" aria-label={imp.busy.label} />
          </Field>
          {imp.busy.cancellable ? (
            <>
              <div>
                <Button onClick={onCancel}>Cancel</Button>
              </div>
              <p className={s.note}>
                Cancel stops at the end of the current step: unpacking a large file is one step and finishes
                first. Nothing is written to the workbook while reading.
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      {imp.step === "choose" ? <FileStep state={imp} actions={a} /> : null}
      {imp.step === "map" ? <MappingStep state={imp} actions={a} /> : null}
      {imp.step === "preview" ? <PreviewStep state={imp} actions={a} /> : null}
      {imp.step === "done" ? <DoneStep state={imp} actions={a} report={state.report} /> : null}
    </div>
  );
}
