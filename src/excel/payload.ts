// The payload budget: Excel on the web refuses a request or response over about 5 MB, so batches are
// sized to stay under a safety margin of it, and halved when Excel still says no.

/** Bytes of cell data the adapter puts in one sync (JSON size); under 5 MB with room for overhead. */
let budget = 4_000_000;
/** Cells per block at most, whatever the bytes: keeps Excel's own work per request bounded. */
export const MAX_BLOCK_CELLS = 200_000;

export function payloadBudget(): number {
  return budget;
}

/** Changes the per-sync budget (tests and the benchmark use it to exercise the split path). */
export function setPayloadBudget(bytes: number): void {
  if (!(bytes > 0)) throw new RangeError("payload budget must be positive");
  budget = bytes;
}

/** JSON size of a value, as it goes over the wire. */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value).length;
}

/** JSON length of a finite number's digits, without making its text (integers, the common case). */
function numberLength(n: number): number {
  if (!Number.isFinite(n)) return 4; // JSON says null
  if (!Number.isInteger(n) || Math.abs(n) >= 1e15) return String(n).length;
  let length = n < 0 ? 2 : 1;
  for (let a = Math.abs(n); a >= 10; a = Math.floor(a / 10)) length++;
  return length;
}

/**
 * About the JSON size of a 2-D array of cell values or formats, worked out from the cells without
 * writing the JSON: a string counts its characters and quotes but not its escapes. Used to size the next
 * read from what Excel sent; `JSON.stringify` of every block read cost the task pane ~3 ms a MB.
 */
export function estimateJsonBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) bytes += rowJsonBytes(row);
  return bytes;
}

/** {@link estimateJsonBytes} of one row: its brackets, commas and cells. */
function rowJsonBytes(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const v of row) {
    if (v === null || v === undefined) bytes += 4;
    else if (typeof v === "string") bytes += v.length + 2;
    else if (typeof v === "number") bytes += numberLength(v);
    else if (typeof v === "boolean") bytes += v ? 4 : 5;
    else bytes += jsonBytes(v);
  }
  return bytes;
}

/** Rows of a block {@link sampledJsonBytes} looks at: enough for a steady average, whatever the block's length. */
export const SAMPLE_ROWS = 256;

/**
 * {@link estimateJsonBytes} worked out from at most `sample` rows spread evenly through the block (all of
 * them when it has no more), scaled to its length. Only the next read is sized from it, and Excel refuses
 * a batch that is over after all (the reader then halves it), so the read of a 100k-row log need not
 * walk its million cells a second time.
 */
export function sampledJsonBytes(rows: readonly (readonly unknown[])[], sample = SAMPLE_ROWS): number {
  if (rows.length <= sample) return estimateJsonBytes(rows);
  const step = rows.length / sample;
  let bytes = 0;
  for (let k = 0; k < sample; k++) bytes += rowJsonBytes(rows[Math.floor(k * step)]);
  return 2 + (rows.length - 1) + Math.round((bytes * rows.length) / sample);
}
