// The only place 0-based row/column indexes become A1 addresses ("K9") and back.

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 0)
    throw new RangeError(`column index ${col} is not a whole number ≥ 0`);
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. Returns null for anything that is not column letters. */
export function columnIndex(letters: string): number | null {
  return /^[A-Za-z]{1,3}$/.test(letters) ? columnOfLetters(letters.toUpperCase()) : null;
}

/**
 * "A" → 0, "XFD" → 16383, for letters already known to be capital column letters (a reference a pattern has
 * matched): no check, for the formula and range readers that meet many.
 */
export function columnOfLetters(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** (row 8, col 10) → "K9". Both 0-based. */
export function toA1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`row index ${row} is not a whole number ≥ 0`);
  return `${columnLetter(col)}${row + 1}`;
}

/** "K9" or "$K$9" → { row: 8, col: 10 }; null when it is not a single-cell A1 address. */
export function fromA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col === null || row < 0) return null;
  return { row, col };
}

/** "Sheet1!B3:K40" or "'My sheet'!B3" → its sheet name and top-left cell (0-based). */
export function parseRangeAddress(
  address: string,
): { sheet: string | null; top: number; left: number; bottom: number; right: number } | null {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let ref = address;
  if (bang >= 0) {
    sheet = address
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  const [a, b] = ref.split(":");
  const tl = fromA1(a);
  if (!tl) return null;
  const br = b ? fromA1(b) : tl;
  if (!br) return null;
  return { sheet, top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

/** Quotes a sheet name for use in a formula or link: 'IRIS Risks'!K9. */
export function qualifiedAddress(sheet: string, row: number, col: number): string {
  const needsQuotes = /[^A-Za-z0-9_]/.test(sheet) || /^\d/.test(sheet);
  const name = needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet;
  return `${name}!${toA1(row, col)}`;
}
