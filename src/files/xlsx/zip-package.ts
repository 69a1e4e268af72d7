// The parts of an .xlsx as a zip: read each entry's stored bytes, and write a new zip that copies unchanged entries as they were.

import { deflateSync, inflateSync } from "fflate";
import { partKey, xmlAsUtf8 } from "./unzip";

/** One entry of the original zip, its compressed bytes kept as they are so it can be copied unchanged. */
interface StoredEntry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed data, a view into the original file. */
  raw: Uint8Array;
}

/** The zip could not be taken apart (it passed checkXlsxContainer, so this means a damaged entry). */
export class ZipPackageError extends Error {
  override readonly name = "ZipPackageError";
  constructor(
    message: string,
    readonly part: string,
  ) {
    super(message);
    Object.setPrototypeOf(this, ZipPackageError.prototype);
  }
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
/** 1980-01-01 00:00, the earliest DOS date: new parts get it so the same import writes the same bytes. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x800;

/**
 * An .xlsx package being edited: parts are read (inflated) on demand, replaced, added or removed, and
 * `toBytes` writes a zip whose untouched entries are the original's compressed bytes, copied as they were.
 */
export class ZipPackage {
  private readonly entries: StoredEntry[] = [];
  private readonly byKey = new Map<string, StoredEntry>();
  /** partKey → new content (null = removed). */
  private readonly changed = new Map<string, { name: string; data: Uint8Array | null }>();

  /** Reads the central directory of a zip already checked by checkXlsxContainer. */
  constructor(bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (view.getUint32(i, true) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipPackageError("no end of central directory", "");
    const count = view.getUint16(eocd + 10, true);
    let pos = view.getUint32(eocd + 16, true);
    const decoder = new TextDecoder("utf-8");
    for (let i = 0; i < count; i++) {
      if (view.getUint32(pos, true) !== CENTRAL_SIG) throw new ZipPackageError("bad central directory", "");
      const nameLen = view.getUint16(pos + 28, true);
      const extraLen = view.getUint16(pos + 30, true);
      const commentLen = view.getUint16(pos + 32, true);
      const nameBytes = bytes.subarray(pos + 46, pos + 46 + nameLen);
      const name = decoder.decode(nameBytes);
      const compressedSize = view.getUint32(pos + 20, true);
      const offset = view.getUint32(pos + 42, true);
      if (compressedSize === 0xffffffff || offset === 0xffffffff)
        throw new ZipPackageError("ZIP64 entries are not supported", name);
      if (view.getUint32(offset, true) !== LOCAL_SIG) throw new ZipPackageError("bad local header", name);
      const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
      if (dataStart + compressedSize > bytes.length)
        throw new ZipPackageError("entry runs past the end", name);
      const entry: StoredEntry = {
        name,
        nameBytes,
        flags: view.getUint16(pos + 8, true) & ~0x8,
        method: view.getUint16(pos + 10, true),
        dosTime: view.getUint16(pos + 12, true),
        dosDate: view.getUint16(pos + 14, true),
        crc: view.getUint32(pos + 16, true),
        compressedSize,
        size: view.getUint32(pos + 24, true),
        raw: bytes.subarray(dataStart, dataStart + compressedSize),
      };
      this.entries.push(entry);
      this.byKey.set(partKey(name), entry);
      pos += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** True when the package holds this part (any case, with or without a leading slash). */
  has(path: string): boolean {
    const key = partKey(path);
    const c = this.changed.get(key);
    if (c !== undefined) return c.data !== null;
    return this.byKey.has(key);
  }

  /** Every part's path as stored (for finding free names). */
  paths(): string[] {
    const out = this.entries.filter((e) => this.has(e.name)).map((e) => e.name);
    for (const c of this.changed.values())
      if (c.data !== null && !this.byKey.has(partKey(c.name))) out.push(c.name);
    return out;
  }

  /**
   * The part's bytes (inflated; an XML part in UTF-16 re-encoded as UTF-8, see xmlAsUtf8), or null when
   * there is none. Only XML parts are read: every other part is copied as it was.
   * @throws ZipPackageError when it cannot be inflated.
   */
  read(path: string): Uint8Array | null {
    const key = partKey(path);
    const c = this.changed.get(key);
    if (c !== undefined) return c.data;
    const e = this.byKey.get(key);
    if (e === undefined) return null;
    return xmlAsUtf8(inflated(e));
  }

  /** Replaces or adds a part. */
  write(path: string, data: Uint8Array): void {
    const existing = this.byKey.get(partKey(path));
    this.changed.set(partKey(path), { name: existing?.name ?? path, data });
  }

  /** Removes a part. */
  remove(path: string): void {
    this.changed.set(partKey(path), { name: path, data: null });
  }

  /** Paths of the parts written or removed since the package was opened. */
  changedParts(): string[] {
    return [...this.changed.values()].map((c) => c.name);
  }

  /** The new zip: original entries in their order (unchanged ones copied compressed as they were), then new ones. */
  toBytes(): Uint8Array {
    const out: StoredEntry[] = [];
    const encoder = new TextEncoder();
    const fresh = (name: string, data: Uint8Array, like?: StoredEntry): StoredEntry => {
      const raw = deflateSync(data, { level: 6 });
      const nameBytes = like?.nameBytes ?? encoder.encode(name);
      const ascii = nameBytes.every((b) => b < 0x80);
      return {
        name,
        nameBytes,
        flags: ascii ? 0 : UTF8_FLAG,
        method: 8,
        dosTime: like?.dosTime ?? 0,
        dosDate: like?.dosDate ?? DOS_DATE_1980,
        crc: crc32(data),
        compressedSize: raw.length,
        size: data.length,
        raw,
      };
    };
    for (const e of this.entries) {
      const c = this.changed.get(partKey(e.name));
      if (c === undefined) out.push(e);
      else if (c.data !== null) out.push(fresh(e.name, c.data, e));
    }
    for (const [key, c] of this.changed) {
      if (c.data !== null && !this.byKey.has(key)) out.push(fresh(c.name, c.data));
    }
    return writeZip(out);
  }
}

/** An entry's stored data, inflated. */
function inflated(e: StoredEntry): Uint8Array {
  if (e.method === 0) return e.raw;
  if (e.method !== 8) throw new ZipPackageError(`compression method ${e.method}`, e.name);
  try {
    return inflateSync(e.raw, { out: new Uint8Array(e.size) });
  } catch {
    throw new ZipPackageError("cannot be inflated", e.name);
  }
}

/** Lays out local headers, data, the central directory and its end record. */
function writeZip(entries: StoredEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new Error("writeZip: too many entries");
  let size = 22;
  for (const e of entries) size += 30 + 46 + 2 * e.nameBytes.length + e.raw.length;
  if (size > 0xffffffff) throw new Error("writeZip: the workbook would be over 4 GB");
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let pos = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(pos);
    view.setUint32(pos, LOCAL_SIG, true);
    header(view, pos + 4, e, false);
    out.set(e.nameBytes, pos + 30);
    pos += 30 + e.nameBytes.length;
    out.set(e.raw, pos);
    pos += e.raw.length;
  }
  const dirStart = pos;
  entries.forEach((e, i) => {
    view.setUint32(pos, CENTRAL_SIG, true);
    view.setUint16(pos + 4, 20, true); // made by: MS-DOS, version 2.0
    header(view, pos + 6, e, true);
    view.setUint32(pos + 42, offsets[i], true);
    out.set(e.nameBytes, pos + 46);
    pos += 46 + e.nameBytes.length;
  });
  view.setUint32(pos, EOCD_SIG, true);
  view.setUint16(pos + 8, entries.length, true);
  view.setUint16(pos + 10, entries.length, true);
  view.setUint32(pos + 12, pos - dirStart, true);
  view.setUint32(pos + 16, dirStart, true);
  return out;
}

/** The fields a local header (from "version needed") and a central header (from "version needed") share. */
function header(view: DataView, at: number, e: StoredEntry, central: boolean): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, e.flags, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, e.dosTime, true);
  view.setUint16(at + 8, e.dosDate, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.compressedSize, true);
  view.setUint32(at + 18, e.size, true);
  view.setUint16(at + 22, e.nameBytes.length, true);
  view.setUint16(at + 24, 0, true); // extra field length
  if (central) {
    // comment length, disk number, internal and external attributes: all zero (offset set by the caller).
    for (let k = 26; k < 36; k += 2) view.setUint16(at + k, 0, true);
  }
}

let crcTable: Int32Array | null = null;

/** CRC-32 (IEEE), as zip entries carry it. */
export function crc32(data: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const t = crcTable;
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
