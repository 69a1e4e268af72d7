// Which of a risk's rows stands for it, where several rows are the same risk (registers, files, and the
// archived rows that are its history): one rule for the rule context, the summaries and the join across files.

/**
 * The rows that may stand for a risk, in register (and file) order: its open rows, else its rows not archived
 * (a sheet of closed risks, a CLOSED RISKS section is its history), else all its rows.
 */
export function standingTier<T>(
  rows: readonly T[],
  isOpen: (row: T) => boolean,
  isArchived: (row: T) => boolean,
): readonly T[] {
  const open = rows.filter(isOpen);
  if (open.length > 0) return open;
  const live = rows.filter((r) => !isArchived(r));
  return live.length > 0 ? live : rows;
}

/**
 * The row that stands for a risk among its rows, in register (and file) order: the first of its standing tier
 * (its open rows, else its rows not archived, else all: see standingTier); given `scoreOf`, the one of them with
 * the highest current score (the first of equals), so a risk held by several registers or files is counted at
 * the score the highest of them gives it (SPEC "Owned tabs"; README "Many workbooks"). Undefined for no rows.
 */
export function standingRow<T>(
  rows: readonly T[],
  isOpen: (row: T) => boolean,
  isArchived: (row: T) => boolean,
  scoreOf?: (row: T) => number | null,
): T | undefined {
  const tier = standingTier(rows, isOpen, isArchived);
  if (!scoreOf) return tier[0];
  let best = tier[0];
  for (const r of tier) if ((scoreOf(r) ?? -Infinity) > (scoreOf(best) ?? -Infinity)) best = r;
  return best;
}
