// How a cell the import leaves as it was is told to the officer, in the preview and on the command line:
// "9 (formula), kept formula (export says 16)".

import type { CellNotWritten } from "./types";

/** The register's value and why the export's is not written. */
export function notWrittenText(n: CellNotWritten): string {
  const what = n.reason === "kept-formula" ? `${n.oldText || "(blank)"} (formula)` : n.oldText || "(blank)";
  return `${what}, ${n.note}`;
}
