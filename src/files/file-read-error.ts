// The one error type the file readers throw for bad input: plain English, naming the file, sheet and cell.

/** Why a file could not be read; stable for tests and for callers that want to react by kind. */
export type FileReadErrorCode =
  | "empty"
  | "unsupported-type"
  | "not-xlsx"
  | "truncated"
  | "encrypted"
  | "too-large"
  | "too-large-uncompressed"
  | "too-many-rows"
  | "too-many-cells"
  | "no-sheets"
  | "unreadable"
  | "damaged"
  | "csv-malformed"
  /** A workbook whose structure is protected: a writer cannot add the sheets it needs. */
  | "structure-locked";

/** Where in the file the problem is; `file` is always known. */
export interface FileReadErrorPlace {
  file: string;
  sheet?: string;
  /** A1 address, e.g. "K9". */
  cell?: string;
}

/**
 * A file the readers cannot read, with a message an officer can act on (no stack trace needed).
 * Readers throw this for every kind of bad input; any other exception is a bug.
 */
export class FileReadError extends Error {
  override readonly name = "FileReadError";
  readonly code: FileReadErrorCode;
  readonly file: string;
  readonly sheet?: string;
  readonly cell?: string;

  constructor(code: FileReadErrorCode, message: string, place: FileReadErrorPlace) {
    super(message);
    this.code = code;
    this.file = place.file;
    if (place.sheet !== undefined) this.sheet = place.sheet;
    if (place.cell !== undefined) this.cell = place.cell;
    // Keeps `instanceof` working when TypeScript compiles classes extending Error down to ES5.
    Object.setPrototypeOf(this, FileReadError.prototype);
  }
}

/** `"risks.xlsx"`, `"risks.xlsx", sheet "Register"`, … — the start of every reader message. */
export function describePlace(place: FileReadErrorPlace): string {
  let s = `"${place.file}"`;
  if (place.sheet !== undefined) s += `, sheet "${place.sheet}"`;
  if (place.cell !== undefined) s += `, cell ${place.cell}`;
  return s;
}

/** A damaged file: `"risks.xlsx" is damaged: <what>. Open it in Excel (which can repair it) and save it again`. */
export function damagedFileError(file: string, what: string): FileReadError {
  return new FileReadError(
    "damaged",
    `${describePlace({ file })} is damaged: ${what}. Open it in Excel (which can repair it) and save it again`,
    { file },
  );
}

/** What `damagedFileError` says of a part that is not well-formed XML; `detail` is the XmlError's message. */
export function notWellFormedPart(part: string, detail: string): string {
  return `its part "${part}" is not well-formed XML (${detail})`;
}

/** What `damagedFileError` says of a part whose zip entry cannot be unpacked. */
export function cannotUnpackPart(part: string): string {
  return `its part "${part}" cannot be unpacked`;
}
