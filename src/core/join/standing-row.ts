// Which of a risk's rows stands for it, where several rows are the same risk (registers, files, and the
// archived rows that are its history): one rule for the rule context, the summaries and the join across files.

/**
 * The row that stands for a risk among its rows, in register (and file) order: its first open row, else its
 * first row not archived (a sheet of closed risks, a CLOSED RISKS section: its history), else its first row.
 * Undefined for no rows.
 */
export function standingRow<T>(
  rows: readonly T[],
  isOpen: (row: T) => boolean,
  isArchived: (row: T) => boolean,
): T | undefined {
  return rows.find(isOpen) ?? rows.find((r) => !isArchived(r)) ?? rows[0];
}
