// Moves a table's totals row down in a worksheet part, to make room for new rows above it inside the table.

import { locateRows, widenRef } from "./sheet-edit";
import { shiftRowRefs } from "./shift-row-refs";
import { concatBytes, utf8 } from "./xml-write";

/** Row numbers (1-based, as written) in a `ref`/`sqref`-like value moved for `by` rows inserted at 0-based `at`. */
function shiftRef(ref: string, at: number, by: number): string {
  return ref.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (all, c: string, r: string) =>
    Number(r) - 1 >= at ? `${c}${Number(r) + by}` : all,
  );
}

/**
 * The worksheet part with its rows from 0-based `at` (the totals row; the planner made sure nothing is
 * below it) moved down by `by`, as Excel's Table Rows Above leaves them: each moved row keeps its
 * attributes (height, style), its cells their styles and values, and their formulas move with them (a
 * structured reference needs no change; an A1 range ending on the last data row grows over the new rows;
 * see shiftRowRefs). The rows `at`…`at + by - 1` are left empty for the new rows. With `intoBlankRows`
 * (something stands below the blank rows under the totals row; the planner made sure `by` of them are
 * blank), the totals row alone moves, into the blank rows, whose (empty) rows are dropped, and every row
 * further down stays where it is. Every byte outside the moved rows is copied, but for the `<dimension>`,
 * which grows to cover them.
 * @throws XmlError when the part is not well-formed.
 */
export function moveTotalsRowDown(
  xml: Uint8Array,
  at: number,
  by: number,
  intoBlankRows = false,
): Uint8Array {
  const layout = locateRows(xml, () => false);
  const moved = layout.rows.filter((r) => r.row >= at && (!intoBlankRows || r.row <= at + by));
  if (moved.length === 0 || by <= 0) return xml;
  const dec = new TextDecoder();
  const chunks: Uint8Array[] = [];
  let last = 0;
  const dimension = layout.dimension;
  if (dimension !== null) {
    const ref = dec.decode(xml.subarray(dimension.valueStart, dimension.valueEnd));
    const bottom = intoBlankRows ? at + by : moved[moved.length - 1].row + by;
    chunks.push(xml.subarray(0, dimension.valueStart), utf8(widenRef(ref, bottom, 0)));
    last = dimension.valueEnd;
  }
  for (const r of moved) {
    // Moving into blank rows: the totals row takes the last of them; the blank rows' own (empty) rows go.
    const taken = intoBlankRows && r.row !== at;
    chunks.push(
      xml.subarray(last, r.start),
      taken ? new Uint8Array(0) : utf8(movedRowXml(dec.decode(xml.subarray(r.start, r.end)), at, by)),
    );
    last = r.end;
  }
  chunks.push(xml.subarray(last));
  return concatBytes(chunks);
}

/** One `<row>…</row>` moved down: its `r`, its cells' `r`, its formulas' references and `ref`s. */
function movedRowXml(row: string, at: number, by: number): string {
  return row
    .replace(
      /^(<(?:\w+:)?row\b[^>]*?\sr\s*=\s*")(\d+)(")/,
      (_all, a: string, r: string, c: string) => `${a}${Number(r) + by}${c}`,
    )
    .replace(
      /(<(?:\w+:)?c\b[^>]*?\sr\s*=\s*")([^"]*)(")/g,
      (_all, a: string, r: string, c: string) => a + shiftRef(r, at, by) + c,
    )
    .replace(
      /(<(?:\w+:)?f\b)([^>]*?)(\/?>)(?:([^<]*)(<\/(?:\w+:)?f>))?/g,
      (
        _all,
        open: string,
        attrs: string,
        end: string,
        text: string | undefined,
        close: string | undefined,
      ) => {
        const a = attrs.replace(
          /(\sref\s*=\s*")([^"]*)(")/,
          (_x, p: string, r: string, q: string) => p + shiftRef(r, at, by) + q,
        );
        return text === undefined
          ? `${open}${a}${end}`
          : `${open}${a}${end}${shiftRowRefs(text, at, by)}${close}`;
      },
    );
}
