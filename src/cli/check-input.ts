// Opening a workbook file to check, and refusing one that holds nothing to check: shared by `check` on one
// file and the worker threads of `check` on many (kept apart from the review writer, so workers load little).

import { promises as fsp } from "fs";
import * as path from "path";
import { FileReadError } from "../files/file-read-error";
import { resolveLimits } from "../files/limits";
import { checkFileSize } from "../files/xlsx-container";
import { hasCheckableSheet, nothingToCheckMessage } from "../core/model/sheet-info";
import type { Grid } from "../core/model/grid";
import type { Report } from "../core/model/report";
import { CliError, describeFsError } from "./cli-error";

/** Sheet kinds that make a workbook worth checking (SPEC: otherwise exit 2). */

/**
 * Reads the input file's bytes; never opens it for writing. A file over the size limit is refused by its
 * size on disk (`name`: how messages name it), before a byte of it is held in memory.
 */
export async function readInput(file: string, name = path.basename(file)): Promise<Uint8Array> {
  try {
    checkFileSize((await fsp.stat(file)).size, name, resolveLimits(undefined));
    return await fsp.readFile(file);
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    throw new CliError(`could not read "${file}": ${describeFsError(err)}`);
  }
}

/** Exit 2 with the list of sheets seen when nothing in the workbook is a plan, register or actions sheet. */
export function requireCheckableSheet(report: Report, grids: readonly Grid[], fileName: string): void {
  if (hasCheckableSheet(report.sheets)) return;
  throw new CliError(
    nothingToCheckMessage(
      `"${fileName}"`,
      grids.map((g) => g.sheetName),
    ),
  );
}
