// The Import view tests' register and the files they choose: the register's header and risks, the open
// workbook's register (with a council-only column), an export's CSV line, and a File jsdom can read.

import { gridFromRows, type Grid } from "../../src/core/model/grid";

/** The register's and the export's header row. */
export const REGISTER_HEADER = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Risk Score",
  "Risk Response Strategy",
  "Risk Status",
  "Review Commentary",
];
/** The register's risks, lining up with REGISTER_HEADER. */
export const REGISTER_ROWS: (string | number)[][] = [
  ["HRC-001", "Gritting fleet", "J. Patel", 3, 3, 9, "Treat", "Open", "Fleet checked"],
  ["HRC-002", "Lighting columns", "S. Okafor", 2, 3, 6, "Tolerate", "Open", "Testing"],
  ["HRC-003", "Gully backlog", "T. Ng", 2, 2, 4, "Treat", "Open", "Steady"],
];

/** The open workbook's register: REGISTER_ROWS with a council-only "Council Notes" column. */
export function registerGrid(extra: Partial<Grid> = {}): Grid {
  return gridFromRows(
    "Register",
    [[...REGISTER_HEADER, "Council Notes"], ...REGISTER_ROWS.map((r) => [...r, "ours"])],
    extra,
  );
}

/** One CSV line: a text holding a comma, quote or line break is quoted. */
export const csvLine = (cells: (string | number)[]) =>
  cells
    .map((c) => (typeof c === "string" && /[,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c)))
    .join(",");

/**
 * A File whose bytes are `text`, read only once `gate` resolves when one is given (jsdom's Blob has no
 * arrayBuffer, so it is given one). The test file sets the global TextEncoder jsdom lacks.
 */
export function fileOf(name: string, text: string, gate?: Promise<void>): File {
  const bytes = new TextEncoder().encode(text);
  const file = new File([bytes], name);
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => {
      await gate;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
  });
  return file;
}
