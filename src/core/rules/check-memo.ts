// Per-check memos: what a check works out once per record (a risk's points, its route), kept as long as
// the check's context lives. Per-record values sit in arrays by the record's place in the check's list
// (PerRecord): not WeakMaps keyed by record (100k risks would mean 100k ephemerons for every full
// garbage collection to trace, a third of a large check's time), nor Maps (hashing 100k records, and a
// table entry for each, for every rule that asks).

import { GridRecord, type SheetRecord } from "../model/records";
import type { RuleContext } from "./context";

const memos = new WeakMap<object, Map<string, Map<unknown, unknown>>>();

/** The memo called `name` of the check whose context is `ctx` (made empty on first use). */
export function checkMemo<K, V>(ctx: object, name: string): Map<K, V> {
  let byName = memos.get(ctx);
  if (!byName) memos.set(ctx, (byName = new Map()));
  let memo = byName.get(name);
  if (!memo) byName.set(name, (memo = new Map()));
  return memo as Map<K, V>;
}

/**
 * Values kept for each record of one list of a check (its risks, its actions), in an array by the
 * record's place in the list. A record read outside the grid, or not in the list, is kept in a Map.
 */
export class PerRecord<R extends SheetRecord<string>, V> {
  private readonly values: (V | undefined)[];
  private others: Map<R, V> | undefined;

  constructor(private readonly list: readonly R[]) {
    this.values = new Array<V | undefined>(list.length).fill(undefined);
  }

  get(record: R): V | undefined {
    const place = this.placeOf(record);
    return place >= 0 ? this.values[place] : this.others?.get(record);
  }

  set(record: R, value: V): void {
    const place = this.placeOf(record);
    if (place >= 0) this.values[place] = value;
    else (this.others ??= new Map()).set(record, value);
  }

  private placeOf(record: R): number {
    // Only a GridRecord has a place (read as a property, not by walking the prototype chain).
    const place = (record as Partial<Pick<GridRecord<string>, "place">>).place;
    return place !== undefined && place >= 0 && this.list[place] === record ? place : -1;
  }
}

/** Numbers the records of a check's list by their place in it (see PerRecord). */
export function placeRecords(list: readonly SheetRecord<string>[]): void {
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (r instanceof GridRecord) r.place = i;
  }
}

const riskMemos = new WeakMap<object, Map<string, PerRecord<SheetRecord<string>, unknown>>>();

/** The per-risk memo called `name` of the check whose context is `ctx` (made empty on first use). */
export function riskMemo<R extends SheetRecord<string>, V>(ctx: RuleContext, name: string): PerRecord<R, V> {
  let byName = riskMemos.get(ctx);
  if (!byName) riskMemos.set(ctx, (byName = new Map()));
  let memo = byName.get(name);
  if (!memo) byName.set(name, (memo = new PerRecord(ctx.records.risks)));
  return memo as unknown as PerRecord<R, V>;
}
