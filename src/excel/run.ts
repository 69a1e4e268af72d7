// Excel.run with plain errors, and counted syncs: the only way the adapter talks to Excel.

import { officeErrorCode, toPlainError } from "./errors";

/** One round trip to Excel, as the adapter saw it. */
export interface SyncEvent {
  /** What the sync was for ("read: used ranges", "write: chunk"…). */
  label: string;
  /** The adapter's estimate of the bytes it sent (cell data it queued); 0 for reads. */
  requestBytesEstimate: number;
  ms: number;
  ok: boolean;
  /** Error code when the sync failed. */
  error?: string;
}

/** Totals since the last reset, for the benchmark and the tests. */
export interface AdapterStats {
  runs: number;
  syncs: number;
  failedSyncs: number;
  requestBytesEstimate: number;
}

const listeners = new Set<(e: SyncEvent) => void>();
let stats: AdapterStats = { runs: 0, syncs: 0, failedSyncs: 0, requestBytesEstimate: 0 };

/** Calls `listener` after every sync the adapter makes; returns a function that stops it. */
export function onSync(listener: (e: SyncEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function adapterStats(): AdapterStats {
  return { ...stats };
}

export function resetAdapterStats(): void {
  stats = { runs: 0, syncs: 0, failedSyncs: 0, requestBytesEstimate: 0 };
}

/** context.sync(), counted and reported to the listeners. Failures are rethrown as they came. */
export async function countedSync(
  context: Excel.RequestContext,
  label: string,
  requestBytesEstimate = 0,
): Promise<void> {
  const started = Date.now();
  let error: string | undefined;
  try {
    await context.sync();
  } catch (e) {
    error =
      typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "error";
    throw e;
  } finally {
    stats.syncs += 1;
    stats.requestBytesEstimate += requestBytesEstimate;
    if (error) stats.failedSyncs += 1;
    const event: SyncEvent = { label, requestBytesEstimate, ms: Date.now() - started, ok: !error, error };
    for (const l of listeners) l(event);
  }
}

/**
 * Waits for the officer to leave cell-edit mode instead of failing (Excel.RunOptions.delayForCellEdit).
 * The option carries no requirement set in the reference (learn.microsoft.com/javascript/api/excel/excel.runoptions;
 * it has been documented since 2018, office-js-docs-pr#589), so the guard is behavioural: a host whose
 * Excel.run refuses the options object before the batch starts is asked again without it. A delayed batch
 * waits until the officer presses Enter or Esc or clicks another cell (office-js#806), and Excel on the web
 * has been seen to raise InvalidOperationInCellEditMode anyway (office-js#3019): that error keeps its
 * plain message ("press Enter or Esc, then try again").
 */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** False once a host has refused RUN_OPTIONS: later runs go without them. */
let optionsAccepted = true;

/**
 * Excel.run with every failure turned into a PlainError naming what was being done.
 * Excel.run itself syncs whatever is still queued when `batch` returns.
 */
export async function runExcel<T>(
  doing: string,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    throw toPlainError(new Error("Excel is not available here: open the add-in from Excel's ribbon."), doing);
  }
  stats.runs += 1;
  try {
    if (!optionsAccepted) return await Excel.run(batch);
    let started = false;
    try {
      return await Excel.run(RUN_OPTIONS, (context) => {
        started = true;
        return batch(context);
      });
    } catch (e) {
      // Refused before the batch ran: an Excel.run that does not take options. Nothing was done; run plain.
      if (started) throw e;
      optionsAccepted = false;
      return await Excel.run(batch);
    }
  } catch (e) {
    throw toPlainError(e, doing);
  }
}

/** Forgets that a host refused the run options (tests install a new host). */
export function resetRunOptions(): void {
  optionsAccepted = true;
}

/** True when the host supports ExcelApi `version` (e.g. "1.13"). */
export function supportsExcelApi(version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
  );
}

/**
 * Syncs what `queue` queues on the sheet, for work a host may refuse (page layout, a chart): true when
 * done, false when refused. The officer typing in a cell is not the work's fault: that stays an error.
 */
export async function optionalSync(
  context: Excel.RequestContext,
  sheetName: string,
  label: string,
  queue: (ws: Excel.Worksheet) => void,
): Promise<boolean> {
  queue(context.workbook.worksheets.getItem(sheetName));
  try {
    await countedSync(context, label);
    return true;
  } catch (e) {
    if (officeErrorCode(e) === "InvalidOperationInCellEditMode") throw e;
    return false;
  }
}
