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
