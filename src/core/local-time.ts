// The machine's own clock as officers read it (local time, not UTC): today's date and an import's stamp.
// One place for both, so the task pane and the command line date the same import the same way.

const twoDigits = (n: number): string => String(n).padStart(2, "0");

/** Today as an ISO date in local time ("2022-10-10": the officer's day, not UTC's). */
export function localTodayIso(now = new Date()): string {
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}

/** "2022-10-10 14:05" in local time: when an import ran, for the Import Log (see stampSerial). */
export function localStamp(now = new Date()): string {
  return `${localTodayIso(now)} ${twoDigits(now.getHours())}:${twoDigits(now.getMinutes())}`;
}
