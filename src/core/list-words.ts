// Lists in words, as messages name several things: "a", "a and b", "a, b and c".

/** "a", "a and b", "a, b and c" ("" for none). */
export function listWords(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1 row", "3 rows": a count with its noun (one made plural by "s"), plural unless one. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
