// What the pane says of a register cell a meeting record left as it is because it holds a formula (SPEC
// Writing files › Formulas: "never replaced by a value … The same holds in the task pane and in the meeting").

import { CHANGE_LABELS } from "./record";

/** A cell a record left as it is because it holds a formula: where it is, and the field it holds. */
export interface KeptFormulaCell {
  /** The cell as Excel names it, sheet and A1 address ('IRIS Risks'!F3: see qualifiedAddress). */
  address: string;
  /** The field the cell holds (RegisterWrite.field: "update", "score", "action.due" …), when known. */
  field?: string;
}

/**
 * "'IRIS Risks'!F3 holds a formula, so it was left to work the value out.": what became of the record's value
 * for the cell, by the field it holds. The update and its date go to the Update Log all the same; a score or
 * RAG formula works the value out itself; a likelihood, impact, strategy or owner kept so stays as its
 * formula gives it (the record logs the value the register holds: record.ts); an action's change is not made.
 */
export function formulaCellNote(cell: KeptFormulaCell): string {
  const kept = `${cell.address} holds a formula, so it was left`;
  switch (cell.field) {
    case "update":
      return `${kept} as it is: the update is in the Update Log only.`;
    case "lastUpdated":
      return `${kept} as it is: the date of the update is in the Update Log only.`;
    case "score":
    case "rag":
      return `${kept} to work the value out.`;
    case "likelihood":
    case "impact":
    case "strategy":
    case "owner":
      return `${kept} as it is: the register keeps the ${CHANGE_LABELS[cell.field].toLowerCase()} its formula gives.`;
    case "action.status":
    case "action.due":
    case "action.owner":
      // An actions sheet's change is logged all the same; one on a line of the register's own cells is not,
      // whether the reader saw its formula (record.ts) or the write found it (own-lines-now.ts's
      // planWithoutCells): the note says only what is true of both.
      return `${kept} as it is: the action's change is not on the register.`;
    default:
      return `${kept} as it is.`;
  }
}
