// Reads a zip's central directory (without inflating anything) so an .xlsx can be sized up before parsing.

/** What the central directory says about the archive. */
export interface ZipDirectory {
  entryCount: number;
  /** Sum of every entry's claimed uncompressed size, in bytes. */
  totalUncompressedBytes: number;
  /** True when any entry uses zip's own (traditional or AES) encryption. */
  anyEncrypted: boolean;
  entryNames: string[];
  /**
   * The first entry holding more compressed data than its claimed size could pack into (a bomb whose
   * directory lies about what it unpacks to), or undefined. Such an entry would be inflated to its claim
   * while the rest of its stream is decoded and thrown away: minutes for a hostile 50 MB file.
   */
  oversizedEntry?: string;
}

/**
 * The most compressed bytes `uncompressed` bytes can honestly take: deflate stores what it cannot shrink
 * (5 bytes a block), and an encoder's fixed codes add at most an eighth; an entry stored as it is takes
 * its own size.
 */
function mostCompressed(uncompressed: number, method: number): number {
  return method === 0 ? uncompressed : Math.ceil(uncompressed * 1.13) + 1024;
}

/** Why the directory could not be read: no end record (cut short or not a zip) or it points outside the file. */
export type ZipDirectoryProblem = "no-end-record" | "directory-out-of-range" | "bad-entry";

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * Reads the central directory of a zip held in memory.
 * Returns the problem instead of throwing: a truncated .xlsx loses its end record first.
 */
export function readZipDirectory(
  bytes: Uint8Array,
): { ok: true; value: ZipDirectory } | { ok: false; reason: ZipDirectoryProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  if (eocd < 0) return { ok: false, reason: "no-end-record" };

  let entryCount = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);

  // ZIP64: the classic fields are saturated and the real ones sit in a record the locator points to.
  if (entryCount === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR_SIGNATURE) {
      const rec = readUint64(view, locator + 8);
      if (rec + 56 > view.byteLength || view.getUint32(rec, true) !== ZIP64_EOCD_SIGNATURE) {
        return { ok: false, reason: "directory-out-of-range" };
      }
      entryCount = readUint64(view, rec + 32);
      dirSize = readUint64(view, rec + 40);
      dirOffset = readUint64(view, rec + 48);
    }
  }
  if (dirOffset + dirSize > eocd) return { ok: false, reason: "directory-out-of-range" };

  let pos = dirOffset;
  let total = 0;
  let anyEncrypted = false;
  let oversizedEntry: string | undefined;
  const entryNames: string[] = [];
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < entryCount; i++) {
    if (pos + 46 > dirOffset + dirSize || view.getUint32(pos, true) !== CENTRAL_HEADER_SIGNATURE) {
      return { ok: false, reason: "bad-entry" };
    }
    const flags = view.getUint16(pos + 8, true);
    let uncompressed = view.getUint32(pos + 24, true);
    const nameLen = view.getUint16(pos + 28, true);
    const extraLen = view.getUint16(pos + 30, true);
    const commentLen = view.getUint16(pos + 32, true);
    const next = pos + 46 + nameLen + extraLen + commentLen;
    if (next > dirOffset + dirSize) return { ok: false, reason: "bad-entry" };
    if (uncompressed === 0xffffffff) {
      const big = zip64UncompressedSize(view, pos + 46 + nameLen, extraLen);
      if (big === null) return { ok: false, reason: "bad-entry" };
      uncompressed = big;
    }
    if (flags & 0x1) anyEncrypted = true;
    total += uncompressed;
    const name = decoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLen));
    entryNames.push(name);
    const compressed = view.getUint32(pos + 20, true);
    const method = view.getUint16(pos + 10, true);
    // Saturated (ZIP64) and encrypted entries are left to the unzipper.
    if (
      oversizedEntry === undefined &&
      compressed !== 0xffffffff &&
      !(flags & 0x1) &&
      (method === 0 || method === 8) &&
      compressed > mostCompressed(uncompressed, method)
    )
      oversizedEntry = name;
    pos = next;
  }
  return {
    ok: true,
    value: {
      entryCount,
      totalUncompressedBytes: total,
      anyEncrypted,
      entryNames,
      ...(oversizedEntry !== undefined ? { oversizedEntry } : {}),
    },
  };
}

/**
 * Scans back from the end for the end-of-central-directory record (it may be followed by a comment): the
 * last signature in the file, as the unzipper and the package writer take it. Its comment must run exactly
 * to the end; when it does not (a second directory hidden in a comment, its sizes unlike the first's),
 * the file is damaged (-1), never checked by one directory and read by another.
 */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      const commentLen = view.getUint16(i + 20, true);
      return i + EOCD_MIN_SIZE + commentLen === view.byteLength ? i : -1;
    }
  }
  return -1;
}

/** The ZIP64 extra field (id 1) holds the real uncompressed size first when the classic field is saturated. */
function zip64UncompressedSize(view: DataView, start: number, length: number): number | null {
  let p = start;
  const end = start + length;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001 && size >= 8 && p + 12 <= end) return readUint64(view, p + 4);
    p += 4 + size;
  }
  return null;
}

/** Little-endian 64-bit unsigned as a JS number (exact below 2^53, which covers any real file). */
function readUint64(view: DataView, pos: number): number {
  return view.getUint32(pos, true) + view.getUint32(pos + 4, true) * 0x100000000;
}
