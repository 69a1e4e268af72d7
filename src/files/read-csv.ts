// Reads a .csv file into one Grid: UTF-8/UTF-16/Windows-1252, any line ends, quoted multi-line cells, plain numbers as numbers.

import Papa from "papaparse";
import type { CellValue, Grid } from "../core/model/grid";
import { toA1 } from "../core/address/a1";
import { OWNED_MARKER } from "../core/model/owned-tab";
import { baseNameWithoutExtension, toBytes } from "./bytes";
import { checkFileSize } from "./xlsx-container";
import { describePlace, FileReadError } from "./file-read-error";
import { formatBytes, resolveLimits, type ReadLimits } from "./limits";

/**
 * Reads a CSV file as one sheet named after the file (without its extension).
 * Cells that are plain numbers ("12", "-5", "3.25") become numbers; everything else stays text, so
 * "0012", "1.10" and "1,200" keep their exact form (see cellFromText). Rows wrapped whole in one pair
 * of quotes (a malformed export seen in the wild) are unwrapped as a best effort.
 * @throws FileReadError when the file is empty, too large, or cannot be read as CSV.
 */
export function readCsv(
  data: Uint8Array | ArrayBuffer | string,
  fileName: string,
  limits?: ReadLimits,
): Grid {
  const lim = resolveLimits(limits);
  const place = { file: fileName };
  let text: string;
  if (typeof data === "string") {
    // Its UTF-8 size is at least its length, so this never refuses text that is within the limit.
    if (data.length > lim.maxBytes) {
      throw new FileReadError(
        "too-large",
        `${describePlace(place)} is ${formatBytes(data.length)}; the largest file this can read is ${formatBytes(lim.maxBytes)}`,
        place,
      );
    }
    text = data;
  } else {
    const bytes = toBytes(data);
    checkFileSize(bytes.byteLength, fileName, lim);
    text = decodeText(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  refuseBinary(text, fileName);
  // RFC 4180 ends records with CRLF; exports mix CRLF, LF and bare CR. One line end for all, so no
  // record is glued to the next; a line break inside a quoted cell becomes LF, as Excel holds it.
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") {
    throw new FileReadError("empty", `${describePlace(place)} is empty (it has no rows)`, place);
  }

  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";", "\t"],
    newline: "\n",
    skipEmptyLines: false,
  });
  const unclosed = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) {
    const row = (unclosed.row ?? 0) + 1;
    throw new FileReadError(
      "csv-malformed",
      `${describePlace(place)} cannot be read as CSV: a quoted cell starting in row ${row} is never closed (a " is missing)`,
      { ...place, cell: `A${row}` },
    );
  }

  let rows = dropTrailingEmptyRows(parsed.data);
  const unwrapped = unwrapQuotedRows(rows, parsed.meta.delimiter || ",");
  if (unwrapped === null) {
    throw new FileReadError(
      "csv-malformed",
      `${describePlace(place)} cannot be read as CSV: each row is wrapped in quotes as a single cell. Open it in Excel or a text editor, fix the quotes and save it as CSV again`,
      place,
    );
  }
  rows = unwrapped;
  if (rows.length === 0) {
    throw new FileReadError("empty", `${describePlace(place)} is empty (it has no rows)`, place);
  }

  const sheetName = baseNameWithoutExtension(fileName);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (rows.length > lim.maxRows) {
    throw new FileReadError(
      "too-many-rows",
      `${describePlace({ ...place, sheet: sheetName })} has ${rows.length.toLocaleString("en-GB")} rows; the most this can read is ${lim.maxRows.toLocaleString("en-GB")}`,
      { ...place, sheet: sheetName, cell: toA1(rows.length - 1, 0) },
    );
  }
  if (rows.length * width > lim.maxCells) {
    throw new FileReadError(
      "too-many-cells",
      `${describePlace({ ...place, sheet: sheetName })} has ${(rows.length * width).toLocaleString("en-GB")} cells; the most this can read is ${lim.maxCells.toLocaleString("en-GB")}`,
      { ...place, sheet: sheetName },
    );
  }

  const values: CellValue[][] = rows.map((r) => r.map(cellFromText));
  const grid: Grid = { sheetName, origin: fileName, values, rowOffset: 0, colOffset: 0 };
  if (values[0].some((v) => v === OWNED_MARKER)) grid.owned = true;
  return grid;
}

/**
 * UTF-16 when the bytes start with its byte-order mark (Excel's "Unicode text"); UTF-8 when they are
 * valid UTF-8 (with or without BOM); otherwise Windows-1252, which is what Excel on Windows saves "CSV" as.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (curly quotes, dashes, €, …; 0 where it defines none);
 * every other byte is the same code point (Latin-1). Decoded here because Node's TextDecoder reads
 * "windows-1252" as Latin-1, turning “ ” – ’ into invisible control characters (a browser's does not).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

/** Decodes Windows-1252 (Excel's "CSV (Comma delimited)" on a UK PC). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  let out = "";
  const codes = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] || b : b;
    }
    out += String.fromCharCode(...codes.subarray(0, end - start));
  }
  return out;
}

/** How much of the start of the file is looked at to tell text from binary. */
const SNIFF_CHARS = 65_536;

/**
 * Refuses a file that is not text: any NUL character (binary data, or UTF-16 without its byte-order
 * mark), a zip (an .xlsx renamed .csv), or mostly control characters.
 */
function refuseBinary(text: string, fileName: string): void {
  const place = { file: fileName };
  const head = text.slice(0, SNIFF_CHARS);
  if (head.startsWith("PK\u0003\u0004")) {
    throw new FileReadError(
      "csv-malformed",
      `${describePlace(place)} is not a CSV file: it is a zip (perhaps an .xlsx workbook renamed); give it its real extension`,
      place,
    );
  }
  if (text.includes("\u0000")) {
    throw new FileReadError(
      "csv-malformed",
      `${describePlace(place)} is not a CSV file: it holds binary data (NUL bytes). Save it from Excel as "CSV UTF-8" and try again`,
      place,
    );
  }
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) controls++;
  }
  if (controls > 16 && controls * 10 > head.length) {
    throw new FileReadError(
      "csv-malformed",
      `${describePlace(place)} is not a CSV file: it is mostly control characters, not text. Save it from Excel as "CSV UTF-8" and try again`,
      place,
    );
  }
}

/**
 * A number written the way the number itself reads back: optional minus, no leading zeros, decimals
 * (if any) not ending in 0. "0012", "1.10" and "2.0" would lose what was written as numbers (risk
 * 1.10 is not risk 1.1: SPEC "Reading sheets", numeric ids lose no digits), so they stay text.
 */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/**
 * A CSV cell's value, wherever a CSV is read (a workbook checked, an export imported): a PLAIN_NUMBER
 * becomes a number unless it would lose digits or its sign ("-0"; more than 15 significant digits,
 * e.g. long reference ids); everything else stays text as written.
 */
export function cellFromText(text: string): CellValue {
  if (text === "") return null;
  const t = text.trim();
  if (!PLAIN_NUMBER.test(t) || t === "-0") return text;
  const significant = t.replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  if (significant.length > 15) return text;
  return Number(t);
}

function dropTrailingEmptyRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((c) => c.trim() === "")) end--;
  return rows.slice(0, end);
}

/**
 * Some exporters wrap each whole line in one pair of quotes, doubling the quotes inside, so every
 * row parses as a single cell full of commas. When that is what happened — the header has several
 * cells and data rows are single cells that themselves parse into several, or every row is like
 * that with the same count — re-parse those cells' contents as the real rows.
 * Returns null when rows look wrapped but their contents still will not split into cells.
 */
function unwrapQuotedRows(rows: string[][], delimiter: string): string[][] | null {
  const isCandidate = (r: string[]): boolean => r.length === 1 && r[0].includes(delimiter);
  const candidates = rows.filter(isCandidate).length;
  if (candidates === 0) return rows;
  const reparse = (cell: string): string[][] =>
    Papa.parse<string[]>(cell, { delimiter, skipEmptyLines: false }).data;

  const header = rows[0];
  const headerIsPlain = header.length > 1;
  if (headerIsPlain) {
    const nonEmptyData = rows.slice(1).filter((r) => !(r.length === 1 && r[0] === ""));
    // Only when most data rows look wrapped: a lone quoted cell with commas is legitimate CSV.
    if (candidates * 2 < nonEmptyData.length) return rows;
    const out = rows.flatMap((r, i) => (i > 0 && isCandidate(r) ? reparse(r[0]) : [r]));
    const stillWrapped = out.slice(1).filter(isCandidate).length;
    if (stillWrapped * 2 >= nonEmptyData.length) return null;
    return out;
  }

  const unwrapped = rows.map((r) => (isCandidate(r) ? reparse(r[0]) : [r]));
  const widths = new Set(unwrapped.filter((u) => u.length === 1).map((u) => u[0].length));
  const allWrapped = rows.every((r) => isCandidate(r) || (r.length === 1 && r[0] === ""));
  if (allWrapped && widths.size === 1 && !widths.has(1)) return unwrapped.flat();
  return rows;
}
