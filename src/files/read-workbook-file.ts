// Reads a user's file (.xlsx, .xlsm or .csv) into Grids, choosing the reader by the file's extension.

import type { Grid } from "../core/model/grid";
import { extensionOf, toBytes } from "./bytes";
import { describePlace, FileReadError } from "./file-read-error";
import { resolveLimits, type ReadLimits } from "./limits";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { checkFileSize } from "./xlsx-container";

export { FileReadError } from "./file-read-error";
export type { FileReadErrorCode } from "./file-read-error";
export type { ReadLimits } from "./limits";

/**
 * Reads a workbook file into one Grid per sheet (a CSV gives one).
 * The size limit is checked before anything is parsed.
 * @throws FileReadError for an unsupported type or any file that cannot be read; its message is
 * plain English naming the file (and sheet or cell where known).
 */
export async function readWorkbookFile(
  data: Uint8Array | ArrayBuffer,
  fileName: string,
  limits?: ReadLimits,
): Promise<Grid[]> {
  const lim = resolveLimits(limits);
  const ext = extensionOf(fileName);
  if (ext !== "xlsx" && ext !== "xlsm" && ext !== "csv") {
    const hint = /^(xls|ods|xlsb|fods|numbers)$/.test(ext) ? ": open it in Excel and save it as .xlsx" : "";
    throw new FileReadError(
      "unsupported-type",
      `${describePlace({ file: fileName })} is not an .xlsx, .xlsm or .csv file${hint}`,
      { file: fileName },
    );
  }
  const bytes = toBytes(data);
  checkFileSize(bytes.byteLength, fileName, lim);
  if (ext === "csv") return [readCsv(bytes, fileName, lim)];
  return readXlsx(bytes, fileName, lim);
}
