// Pure arithmetic behind the task pane's long lists: which rows of a list lie in the window the page shows,
// from each row's height (measured, or estimated until it has been drawn). No React or DOM here.

/** Row i starts at offsets[i] and ends at offsets[i + 1] (pixels from the top of the list). */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + heightOf(i);
  return offsets;
}

/** The first row whose bottom lies below `y` (count when none does). */
function firstEndingBelow(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A half-open range of row indexes, [start, end). */
export interface RowRange {
  start: number;
  end: number;
}

/**
 * The rows that overlap the band from `top` to `bottom` (pixels from the top of the list, either may lie
 * outside it), widened by `overscan` rows each side so a key press or a short scroll finds its row drawn.
 */
export function rowsInView(offsets: Float64Array, top: number, bottom: number, overscan: number): RowRange {
  const count = offsets.length - 1;
  if (count <= 0 || bottom <= 0 || top >= offsets[count]) {
    // Nothing of the list in view: keep the rows nearest the band, so focus and layout have something.
    const at = bottom <= 0 ? 0 : count;
    return { start: Math.max(0, at - overscan), end: Math.min(count, at + overscan) };
  }
  const first = firstEndingBelow(offsets, Math.max(0, top));
  const last = firstEndingBelow(offsets, bottom - 0.5);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/**
 * The rows to draw, ascending: the range in view, plus `keep` (a focused row) and the `around` rows each side
 * of it when they lie outside it. The neighbours keep Tab and Shift+Tab stepping one row from a focused row
 * the page has scrolled away from. At most the range and 2 × around + 1 rows.
 */
export function rowsToDraw(range: RowRange, keep: number | null, count: number, around = 0): number[] {
  const rows: number[] = [];
  /** Appends [from, to), skipping rows already appended (the two bands may overlap). */
  const add = (from: number, to: number) => {
    for (let i = Math.max(from, rows.length ? rows[rows.length - 1] + 1 : 0); i < to; i++) rows.push(i);
  };
  const end = Math.min(range.end, count);
  if (keep === null || keep < 0 || keep >= count) {
    add(range.start, end);
    return rows;
  }
  const lo = Math.max(0, keep - around);
  const hi = Math.min(count, keep + around + 1);
  if (lo <= range.start) {
    add(lo, hi);
    add(range.start, end);
  } else {
    add(range.start, end);
    add(lo, hi);
  }
  return rows;
}

/** "7,412": a count as the pane writes it. */
export function countText(n: number): string {
  return n.toLocaleString("en-GB");
}
