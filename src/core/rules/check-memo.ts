// Per-check memos: what a check works out once per record (a risk's points, its route), kept in Maps that
// live as long as the check's context. Not WeakMaps keyed by record: 100k risks would mean 100k
// ephemerons for every full garbage collection to trace, a third of a large check's time.

const memos = new WeakMap<object, Map<string, Map<unknown, unknown>>>();

/** The memo called `name` of the check whose context is `ctx` (made empty on first use). */
export function checkMemo<K, V>(ctx: object, name: string): Map<K, V> {
  let byName = memos.get(ctx);
  if (!byName) memos.set(ctx, (byName = new Map()));
  let memo = byName.get(name);
  if (!memo) byName.set(name, (memo = new Map()));
  return memo as Map<K, V>;
}
