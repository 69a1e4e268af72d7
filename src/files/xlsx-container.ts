// Checks an .xlsx's bytes before parsing: size, emptiness, encryption, zip integrity and claimed size.

import { extensionOf } from "./bytes";
import { describePlace, FileReadError } from "./file-read-error";
import { formatBytes, type ReadLimits } from "./limits";
import { asciiString } from "./xlsx/xml-text";
import { readZipDirectory } from "./zip-directory";

/** Office's encrypted (password-protected) workbooks and old .xls files are OLE compound files. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Throws a FileReadError when the file is over `maxBytes` (before any parsing) or empty. */
export function checkFileSize(byteLength: number, fileName: string, lim: Required<ReadLimits>): void {
  const place = { file: fileName };
  if (byteLength === 0) {
    throw new FileReadError("empty", `${describePlace(place)} is empty (0 bytes)`, place);
  }
  if (byteLength > lim.maxBytes) {
    throw new FileReadError(
      "too-large",
      `${describePlace(place)} is ${formatBytes(byteLength)}; the largest file this can read is ${formatBytes(lim.maxBytes)}`,
      place,
    );
  }
}

/**
 * Refuses, with a message an officer can act on, anything that is not a sound, reasonably sized
 * .xlsx zip: empty, too big, encrypted or .xls, not a zip, cut short, or claiming a huge unpacked size.
 */
export function checkXlsxContainer(bytes: Uint8Array, fileName: string, lim: Required<ReadLimits>): void {
  const place = { file: fileName };
  checkFileSize(bytes.byteLength, fileName, lim);
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new FileReadError(
      "encrypted",
      `${describePlace(place)} is password-protected or an old .xls file: remove the password or save it as .xlsx`,
      place,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new FileReadError(
      "not-xlsx",
      `${describePlace(place)} is not a valid .xlsx file (it may be corrupt or a different format)`,
      place,
    );
  }
  const dir = readZipDirectory(bytes);
  if (!dir.ok) {
    throw new FileReadError(
      "truncated",
      `${describePlace(place)} is incomplete or corrupt (the file seems to have been cut short): copy or download it again`,
      place,
    );
  }
  if (dir.value.oversizedEntry !== undefined) {
    throw new FileReadError(
      "damaged",
      `${describePlace(place)} is damaged: its part "${dir.value.oversizedEntry}" holds more data than it says it unpacks to. Open it in Excel (which can repair it) and save it again`,
      place,
    );
  }
  if (dir.value.totalUncompressedBytes > lim.maxUncompressedBytes) {
    throw new FileReadError(
      "too-large-uncompressed",
      `${describePlace(place)} unpacks to ${formatBytes(dir.value.totalUncompressedBytes)}; the most this can read is ${formatBytes(lim.maxUncompressedBytes)}`,
      place,
    );
  }
  if (dir.value.anyEncrypted) {
    throw new FileReadError(
      "encrypted",
      `${describePlace(place)} is password-protected or an old .xls file: remove the password or save it as .xlsx`,
      place,
    );
  }
  const seen = new Set<string>();
  for (const n of dir.value.entryNames) {
    const key = n.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
    if (seen.has(key)) {
      throw new FileReadError(
        "damaged",
        `${describePlace(place)} is damaged: the part "${n}" is in the file twice. Open it in Excel (which can repair it) and save it again`,
        place,
      );
    }
    seen.add(key);
  }
  if (!seen.has("xl/workbook.xml")) {
    const other = otherProgramsPackage(bytes, seen);
    throw new FileReadError(
      "not-xlsx",
      other === null
        ? `${describePlace(place)} is not a valid .xlsx file (it may be corrupt or a different format)`
        : `${describePlace(place)} is ${other.what} saved under an .${extensionOf(fileName) || "xlsx"} name: ${other.advice}`,
      place,
    );
  }
}

/** ODF's `mimetype` entry comes first and stored, so its text is near the start of the file. */
const ODF_MIMETYPE = "application/vnd.oasis.opendocument.";
const ODF_MIMETYPE_WINDOW = 200;

/**
 * What another program's zip package is, by its entries (lower-cased), when it is a spreadsheet program's own
 * format saved under an .xlsx name: an OpenDocument file (LibreOffice Calc's "Use ODF Format!", OpenOffice)
 * has `mimetype` and `content.xml`; an Apple Numbers document has `Index/…` (or `Index.zip`) of `.iwa` parts.
 */
function otherProgramsPackage(
  bytes: Uint8Array,
  entries: ReadonlySet<string>,
): { what: string; advice: string } | null {
  if (entries.has("mimetype") && entries.has("content.xml")) {
    const head = asciiString(bytes, 0, Math.min(bytes.length, ODF_MIMETYPE_WINDOW));
    const at = head.indexOf(ODF_MIMETYPE);
    const kind = at < 0 ? "" : (/^[a-z-]+/.exec(head.slice(at + ODF_MIMETYPE.length))?.[0] ?? "");
    const spreadsheet = kind === "" || kind.startsWith("spreadsheet");
    return {
      what: spreadsheet
        ? "an OpenDocument spreadsheet (.ods, LibreOffice Calc's own format)"
        : `an OpenDocument ${kind} document (not a spreadsheet)`,
      advice: spreadsheet
        ? "open it in Excel or LibreOffice Calc and save it as .xlsx"
        : "check it is the file you meant (a register is an .xlsx workbook)",
    };
  }
  for (const e of entries) {
    if (e === "index.zip" || (e.startsWith("index/") && e.endsWith(".iwa"))) {
      return {
        what: "an Apple Numbers document (.numbers)",
        advice: "open it in Numbers and save it as .xlsx (File → Export To → Excel)",
      };
    }
  }
  return null;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.byteLength < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}
