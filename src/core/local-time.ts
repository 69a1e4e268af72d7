// The machine's own clock as officers read it (local time, not UTC): today's date and an import's stamp.
// One place for them, so the task pane and the command line date the same import the same way.

const twoDigits = (n: number): string => String(n).padStart(2, "0");

/** Today as an ISO date in local time ("2022-10-10": the officer's day, not UTC's). */
export function localTodayIso(now = new Date()): string {
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}

/** "2022-10-10 14:05" in local time: when an import ran, for the Import Log (see stampSerial). */
export function localStamp(now = new Date()): string {
  return `${localTodayIso(now)} ${twoDigits(now.getHours())}:${twoDigits(now.getMinutes())}`;
}

/**
 * When an import is recorded as made, for its Import Log's When: the import is as at its as-at date. As at
 * today, that is the run's own date and time ("2022-10-10 14:05"). As at another day (`--as-at`, or a
 * workbook whose Settings fix the as-at date), it is that date alone, with no time: the run's clock says
 * nothing of that day, and an entry with no time keeps its place among the same day's entries as the logs
 * wrote them (an import after the day's earlier imports, before the day's Update Log entries: SPEC
 * "Monthly points"), where a time taken from another day's clock could put it before an import it followed.
 */
export function importStamp(asAt: string, now = new Date()): string {
  return asAt === localTodayIso(now) ? localStamp(now) : asAt;
}
