// Test helpers for the file readers: build .xlsx buffers with exceljs and craft raw zips by hand.

import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { Workbook } from "exceljs";
import { FileReadError } from "../../src/files/file-read-error";

export { EXTERNAL_FIXTURES, SEED_FIXTURES } from "../helpers/fixture-paths";

let tmp: string | null = null;
/** A per-run folder under os.tmpdir() for generated workbooks. */
export function tmpPath(name: string): string {
  if (!tmp) tmp = mkdtempSync(path.join(tmpdir(), "crr-files-"));
  return path.join(tmp, name);
}

/** Builds a workbook with exceljs, saves it under os.tmpdir() and returns the bytes read back from disk. */
export async function makeXlsx(name: string, build: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = new Workbook();
  build(wb);
  const file = tmpPath(name);
  await wb.xlsx.writeFile(file);
  return new Uint8Array(readFileSync(file));
}

/** Loads bytes back into an exceljs Workbook (for asserting what the writer produced). */
export async function loadWithExcelJs(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** Saves bytes under os.tmpdir() (so a failing case can be opened by hand). */
export function saveTmp(name: string, bytes: Uint8Array): string {
  const file = tmpPath(name);
  writeFileSync(file, bytes);
  return file;
}

/** One entry of a hand-made zip; `claimedSize` is what the central directory says it unpacks to. */
export interface RawZipEntry {
  name: string;
  data: Uint8Array;
  claimedSize?: number;
  /** Write the claimed size through a ZIP64 extra field (for claims of 4 GB and more). */
  zip64?: boolean;
}

/**
 * A stored (uncompressed) zip written byte by byte, so tests can make its central directory lie.
 * CRCs are zero: nothing here is meant to get as far as inflating.
 */
export function craftZip(entries: RawZipEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(e.data));

    const claimed = e.claimedSize ?? e.data.length;
    const extra = Buffer.alloc(e.zip64 ? 12 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeUInt32LE(claimed % 0x100000000, 4);
      extra.writeUInt32LE(Math.floor(claimed / 0x100000000), 8);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt32LE(e.data.length, 20);
    header.writeUInt32LE(e.zip64 ? 0xffffffff : claimed, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(offset, 42);
    central.push(header, name, extra);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}

/** Runs `fn` and returns the FileReadError it throws; fails the test if it throws anything else or nothing. */
export async function expectFileReadError(fn: () => unknown): Promise<FileReadError> {
  let caught: unknown = null;
  try {
    await fn();
  } catch (e) {
    caught = e;
  }
  if (!(caught instanceof FileReadError)) {
    throw new Error(`expected a FileReadError, got ${caught === null ? "no error" : String(caught)}`);
  }
  return caught;
}
