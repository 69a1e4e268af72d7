// Finds and inflates single entries of an .xlsx zip with fflate, one at a time, only when asked.

import { unzipSync } from "fflate";

/** An entry could not be inflated (corrupt data, unknown compression); the reader reports the file as unreadable. */
export class ZipEntryError extends Error {
  override readonly name = "ZipEntryError";
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, ZipEntryError.prototype);
  }
}

/** Entry names as producers write them differ in case, a leading slash or backslashes; parts are looked up by this key. */
export function partKey(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

/**
 * The entries of a zip already checked by checkXlsxContainer (directory sound, claimed sizes within limits).
 * `read` inflates one entry into a fresh buffer the caller drops when done, so at most one part's
 * text is held at a time.
 */
export class XlsxZip {
  private readonly bytes: Uint8Array;
  /** partKey → the entry's name as stored. */
  private readonly names = new Map<string, string>();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    guard(() =>
      unzipSync(bytes, {
        filter: (f) => {
          const key = partKey(f.name);
          if (!this.names.has(key)) this.names.set(key, f.name);
          return false;
        },
      }),
    );
  }

  /** True when the zip has this part (path relative to the package root, any case). */
  has(path: string): boolean {
    return this.names.has(partKey(path));
  }

  /** Every part's path as stored. */
  paths(): string[] {
    return [...this.names.values()];
  }

  /**
   * Inflates one part, or returns null when the zip has no such part. UTF-16 parts (rare, but legal XML)
   * are re-encoded as UTF-8 so the scanner sees one encoding.
   * @throws ZipEntryError when the entry's data cannot be inflated.
   */
  read(path: string): Uint8Array | null {
    const stored = this.names.get(partKey(path));
    if (stored === undefined) return null;
    // fflate sizes the output by the directory's claim (already limited) and never grows it past that.
    const files = guard(() => unzipSync(this.bytes, { filter: (f) => f.name === stored }));
    const data = files[stored];
    if (data === undefined) return null;
    return xmlAsUtf8(data);
  }
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new ZipEntryError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * An XML part's bytes as UTF-8: a UTF-16 part (rare, but legal XML; with a byte-order mark, or without one
 * when it starts with `<?`) is re-encoded, and its declaration's `encoding` made "UTF-8" so the bytes say
 * what they are when written back. Anything else is returned as it is. The reader and the writer both read
 * parts through this, so they see one encoding.
 */
export function xmlAsUtf8(data: Uint8Array): Uint8Array {
  if (data.length < 2) return data;
  let encoding: "utf-16le" | "utf-16be" | null = null;
  let skip = 0;
  if (data[0] === 0xff && data[1] === 0xfe) [encoding, skip] = ["utf-16le", 2];
  else if (data[0] === 0xfe && data[1] === 0xff) [encoding, skip] = ["utf-16be", 2];
  else if (data.length >= 4 && data[0] === 0x3c && data[1] === 0 && data[2] === 0x3f && data[3] === 0)
    encoding = "utf-16le";
  else if (data.length >= 4 && data[0] === 0 && data[1] === 0x3c && data[2] === 0 && data[3] === 0x3f)
    encoding = "utf-16be";
  if (encoding === null) return data;
  const text = new TextDecoder(encoding).decode(data.subarray(skip));
  const declared = text.replace(
    /^(<\?xml\b[^?]*?\sencoding\s*=\s*)(["'])[^"']*\2/,
    (_all, before: string, quote: string) => `${before}${quote}UTF-8${quote}`,
  );
  return new TextEncoder().encode(declared);
}
