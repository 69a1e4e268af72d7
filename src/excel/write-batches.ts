// Sends queued writes in payload-sized syncs: pack as many as fit the budget, halve on a payload error.

import { isPayloadError } from "./errors";
import { payloadBudget } from "./payload";
import { countedSync } from "./run";

/** One piece of work to queue on the context; `batch` counts syncs so proxies can be made per batch. */
export interface QueuedWrite {
  /** Estimated request bytes (JSON size of the data it sends). */
  bytes: number;
  queue(batch: number): void;
  /** Two smaller writes doing the same, or null when it cannot be split (e.g. one row). */
  split?(): [QueuedWrite, QueuedWrite] | null;
}

/**
 * Queues `writes` in order and syncs once per batch of at most the payload budget. On a payload error
 * the batch goes back to the front: a batch of several writes is retried in halves, a single write is
 * split. Writes must be idempotent (setting values, formats), as a refused batch may be sent again.
 * `onSynced` is called after each batch that reached the workbook (so a caller knows whether a later
 * failure left anything written).
 * @returns the number of syncs made.
 */
export async function syncWrites(
  context: Excel.RequestContext,
  writes: QueuedWrite[],
  label: string,
  onSynced?: () => void,
): Promise<number> {
  const pending = [...writes];
  let limit = payloadBudget();
  let syncs = 0;
  while (pending.length > 0) {
    const batch: QueuedWrite[] = [];
    let bytes = 0;
    while (pending.length > 0 && (batch.length === 0 || bytes + pending[0].bytes <= limit)) {
      const w = pending.shift()!;
      batch.push(w);
      bytes += w.bytes;
    }
    for (const w of batch) w.queue(syncs);
    try {
      syncs += 1;
      // One sync per payload-sized batch, not per row or per cell.
      await countedSync(context, label, bytes);
      onSynced?.();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (batch.length > 1) {
        pending.unshift(...batch);
        limit = Math.max(1, Math.floor(bytes / 2));
        continue;
      }
      const parts = batch[0].split?.();
      if (!parts) throw e;
      pending.unshift(...parts);
    }
  }
  return syncs;
}
