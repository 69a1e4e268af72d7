// Import step 4, after Apply: what was written, the month-on-month movement, and the re-check's counts.

import * as React from "react";
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Movement } from "../../core/merge/movement";
import type { Report } from "../../core/model/report";
import type { ImportActions, ImportState } from "./useImport";
import { countsGrid, sectionHeading, subHeading } from "../styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  h2: sectionHeading,
  h3: subHeading,
  p: { margin: 0 },
  counts: countsGrid,
  dd: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

const IDS_SHOWN = 8;

function ids(list: string[]): string {
  if (list.length === 0) return "0";
  const shown = list.slice(0, IDS_SHOWN).join(", ");
  return `${list.length}: ${shown}${list.length > IDS_SHOWN ? ` and ${list.length - IDS_SHOWN} more` : ""}`;
}

/** The movement as a definition list (the Risk Summary tab shows the same). */
export function MovementList({ movement }: { movement: Movement }): React.JSX.Element {
  const s = useStyles();
  const rows: [string, string[]][] = [
    ["New", movement.newRisks],
    ["Closed", movement.closed],
    ["Score up", movement.scoreUp],
    ["Score down", movement.scoreDown],
    ["Strategy changed", movement.strategyChanged],
  ];
  return (
    <dl className={s.counts} aria-label="Movement since the last import">
      {rows.map(([label, list]) => (
        <React.Fragment key={label}>
          <dt>{label}</dt>
          <dd className={s.dd}>{ids(list)}</dd>
        </React.Fragment>
      ))}
    </dl>
  );
}

function findingCounts(report: Report): string {
  const e = report.findings.filter((f) => f.severity === "error").length;
  const w = report.findings.filter((f) => f.severity === "warning").length;
  return `${e} ${e === 1 ? "error" : "errors"} and ${w} ${w === 1 ? "warning" : "warnings"}`;
}

/** Step 4. `report` is the workbook's re-check (from useWorkbook), when `state.checkedAfter` says it was made. */
export function DoneStep({
  state,
  actions,
  report,
}: {
  state: ImportState;
  actions: ImportActions;
  report: Report | null;
}): React.JSX.Element | null {
  const s = useStyles();
  const { prepared, result } = state;
  if (!prepared || !result) return null;
  const log = result.logs[0];
  return (
    <div className={s.root}>
      <h2 className={s.h2}>Imported “{prepared.plan.file}”</h2>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {result.cellsWritten} {result.cellsWritten === 1 ? "cell" : "cells"} written to “
          {prepared.plan.register}”
          {prepared.plan.actions?.sheet ? ` and “${prepared.plan.actions.sheet}”` : ""}. The sheets as they
          were are in “{result.backups.map((b) => b.to).join("”, “")}”
          {log
            ? `; every change is listed in “${log.sheet}”, rows ${log.firstRow + 1}–${log.firstRow + log.rows}`
            : ""}
          .
        </MessageBarBody>
      </MessageBar>
      {result.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <h3 className={s.h3}>Movement since the last import</h3>
      <MovementList movement={prepared.plan.movement} />
      <h3 className={s.h3}>Check after the import</h3>
      <p className={s.p} role="status">
        {report && state.checkedAfter
          ? `The workbook now has ${findingCounts(report)}. See the Check tab for each one.`
          : "The workbook was not checked again after the import (see the message above): check it on the Check tab."}
      </p>
      <div>
        <Button onClick={actions.restart}>Import another file</Button>
      </div>
    </div>
  );
}
