// Summaries view: writes the owned tabs for the board packs and says which were written and under what name.

import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentTableRegular, CheckmarkCircle16Filled, Info16Filled } from "@fluentui/react-icons";
import type { WorkbookActions, WorkbookState, WrittenTab } from "../hooks/useWorkbook";
import { sectionHeading, stackedList } from "../styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  p: { margin: 0 },
  list: stackedList,
  item: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  ok: { color: tokens.colorStatusSuccessForeground1, flexShrink: 0, marginTop: "2px" },
  renamed: { color: tokens.colorBrandForeground1, flexShrink: 0, marginTop: "2px" },
  name: { fontWeight: tokens.fontWeightSemibold },
  h2: sectionHeading,
});

/** What the officer is told about one written tab, with what Excel would not set up on it. */
export function writtenText(w: WrittenTab): string {
  const written = w.result.renamed
    ? `Written as “${w.result.sheetName}”, because a sheet of yours is already called “${w.preferredName}” (it was not touched).`
    : "Written.";
  return [written, ...(w.result.warnings ?? [])].join(" ");
}

export interface SummariesViewProps {
  state: WorkbookState;
  actions: WorkbookActions;
}

/** The Summaries view. */
export function SummariesView({ state, actions }: SummariesViewProps): React.JSX.Element {
  const s = useStyles();
  const onWrite = React.useCallback(() => void actions.writeSummaries(), [actions]);
  return (
    <div className={s.root}>
      <p className={s.p}>
        Writes the Escalation, Exceptions, Risk Summary (with the 5 × 5 heat map) and Plan Close-Out tabs for
        the board packs, with links back to the source cells. Each is set up to print on A4 landscape, with
        the protective marking in the page header of every page. Writing again replaces them; your own sheets
        are never changed.
      </p>
      {!state.report ? (
        <p className={s.p}>The workbook is checked first.</p>
      ) : state.reportPredatesSettings ? (
        <p className={s.p}>
          The settings have changed since the last check, so the workbook is checked again first.
        </p>
      ) : null}
      <Button
        appearance="primary"
        icon={<DocumentTableRegular />}
        onClick={onWrite}
        disabled={state.busy !== null}
      >
        Write summary tabs
      </Button>
      {state.written ? (
        <>
          <h2 className={s.h2}>Written</h2>
          <ul className={s.list} aria-label="Summary tabs written">
            {state.written.map((w) => (
              <li key={w.preferredName} className={s.item}>
                {w.result.renamed || w.result.warnings ? (
                  <Info16Filled className={s.renamed} aria-hidden />
                ) : (
                  <CheckmarkCircle16Filled className={s.ok} aria-hidden />
                )}
                <span>
                  <span className={s.name}>{w.preferredName}</span>: {writtenText(w)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
