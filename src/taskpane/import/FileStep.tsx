// Import step 1: choose the export file (.xlsx or .csv), or sheets already in the workbook.

import * as React from "react";
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular, TableRegular } from "@fluentui/react-icons";
import type { ImportActions, ImportState } from "./useImport";
import { useFocusAfterRender } from "../hooks/useFocusAfterRender";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  p: { margin: 0 },
  hidden: { display: "none" },
  sheets: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  wide: { width: "100%", minWidth: 0 },
});

const NO_ACTIONS = "";

/** Step 1. */
export function FileStep({
  state,
  actions,
}: {
  state: ImportState;
  actions: ImportActions;
}): React.JSX.Element {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const sheets = state.workbookSheets;
  const [risks, setRisks] = React.useState("");
  const [actionSheet, setActionSheet] = React.useState(NO_ACTIONS);
  const busy = state.busy !== null;
  const firstPicker = React.useRef<HTMLSelectElement>(null);
  const focusAfterRender = useFocusAfterRender();

  React.useEffect(() => {
    if (sheets && sheets.length > 0 && !sheets.includes(risks)) setRisks(sheets[0]);
  }, [sheets, risks]);

  const onFile = React.useCallback(
    (e: React.ChangeEvent<HTMLInputElement>) => {
      const file = e.target.files?.[0];
      // Cleared so choosing the same file again (after fixing it) still fires a change.
      e.target.value = "";
      if (file) void actions.chooseFile(file);
    },
    [actions],
  );

  return (
    <div className={s.root}>
      <p className={s.p}>
        Choose the contractor&apos;s IRIS export. Nothing is written to the workbook until you have seen what
        would change and chosen Apply.
      </p>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept=".xlsx,.xlsm,.csv"
        aria-label="Export file"
        onChange={onFile}
        data-testid="import-file"
      />
      <Button
        appearance="primary"
        icon={<DocumentArrowUpRegular />}
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        Choose an .xlsx or .csv file…
      </Button>
      {sheets === null ? (
        <Button
          icon={<TableRegular />}
          disabled={busy}
          onClick={() => {
            // The pickers replace this button: focus goes to the first one.
            focusAfterRender(() => firstPicker.current);
            void actions.listWorkbookSheets();
          }}
        >
          Use a sheet in this workbook…
        </Button>
      ) : (
        <div className={s.sheets} role="group" aria-label="Export already in this workbook">
          <Field label="Sheet with the exported risks">
            <Select ref={firstPicker} className={s.wide} value={risks} onChange={(_, d) => setRisks(d.value)}>
              {sheets.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Sheet with the exported actions (optional)">
            <Select className={s.wide} value={actionSheet} onChange={(_, d) => setActionSheet(d.value)}>
              <option value={NO_ACTIONS}>No actions sheet</option>
              {sheets
                .filter((n) => n !== risks)
                .map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
            </Select>
          </Field>
          <Button
            disabled={busy || !risks}
            onClick={() => void actions.chooseSheets(risks, actionSheet || null)}
          >
            Use these sheets
          </Button>
        </div>
      )}
    </div>
  );
}
