// Co-authoring: someone changed the risk's row after its card was shown; both versions, then a choice.

import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { isDateColumn, valueWords } from "../../core/meeting/conflict";
import type { CellValue } from "../../core/model/grid";
import type { PendingConflict } from "./useMeeting";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  table: { tableLayout: "auto", overflowWrap: "anywhere" },
});

/** A value as the officer reads it: a date column's Excel serial as dd/mm/yyyy. */
const show = (v: CellValue, dateCell: boolean) => valueWords(v, dateCell) || "(blank)";

export interface ConflictPanelProps {
  conflict: PendingConflict;
  riskId: string;
  busy: boolean;
  onResolve: (write: boolean) => void;
}

/** Both versions of each changed field, and "write anyway" or "keep theirs". */
export function ConflictPanel({ conflict, riskId, busy, onResolve }: ConflictPanelProps): React.JSX.Element {
  const s = useStyles();
  const first = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => first.current?.focus(), [conflict]);
  const fields = conflict.conflicts.flatMap((c) =>
    c.fields.map((f) => ({ ...f, date: isDateColumn(c.snapshot, f.col) })),
  );
  return (
    <div className={s.root} role="group" aria-labelledby="review-conflict-title">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="review-conflict-title">
            Someone changed {riskId}&apos;s row since its card was shown.
          </MessageBarTitle>
          Nothing was written. Compare the versions, then choose. Writing yours anyway keeps their words in
          the Update Log.
        </MessageBarBody>
      </MessageBar>
      <Table size="small" className={s.table} aria-label={`Changes to ${riskId} by someone else`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Column</TableHeaderCell>
            <TableHeaderCell>When shown</TableHeaderCell>
            <TableHeaderCell>Now</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {fields.map((f, i) => (
            // The register row and an action row may both conflict in one column: the place in the list is the key.
            <TableRow key={`${i}:${f.col}`}>
              <TableCell>{f.header}</TableCell>
              <TableCell>{show(f.shown, f.date)}</TableCell>
              <TableCell>{show(f.now, f.date)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={s.buttons}>
        <Button ref={first} appearance="primary" disabled={busy} onClick={() => onResolve(true)}>
          Write my update anyway
        </Button>
        <Button disabled={busy} onClick={() => onResolve(false)}>
          Keep theirs, don&apos;t write
        </Button>
      </div>
    </div>
  );
}
