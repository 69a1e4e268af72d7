// Reads xl/styles.xml down to what a Grid needs: each cell style's number format, whether it shows a date,
// and its solid fill colour (for colour-only RAG cells).

import { DEFAULT_DATE_FORMAT, isDateOrTimeFormat } from "../xlsx-cell";
import { looksLikeDateFormat } from "../../core/model/date-system";
import { applyTint, indexedColour, rgbOf } from "./colours";
import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeAttr } from "./xml-text";

/** Per cell style index (a cell's `s`), precomputed so the sheet scan only indexes arrays. */
export interface CellStyles {
  /** The number format a Grid reports for a value in this style (null for General or none). */
  format: (string | null)[];
  /** True when a number in this style is a date, so it is reported with `dateFormat`. */
  isDate: boolean[];
  /** The format a Grid reports for a date in this style: its own when that shows a date, else the default. */
  dateFormat: string[];
  /** The style's solid fill as "RRGGBB" as Excel shows it (theme and indexed colours, tints), or null. */
  fill: (string | null)[];
}

/** No styles part: every cell is General. */
export const NO_STYLES: CellStyles = { format: [], isDate: [], dateFormat: [], fill: [] };

/** Excel's built-in number formats (ids without a `<numFmt>` of their own), as exceljs names them. */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const NUM_FMT = name("numFmt");
const CELL_XFS = name("cellXfs");
const XF = name("xf");
const NUM_FMT_ID = name("numFmtId");
const FORMAT_CODE = name("formatCode");
const FILLS = name("fills");
const FILL = name("fill");
const PATTERN_FILL = name("patternFill");
const PATTERN_TYPE = name("patternType");
const FG_COLOR = name("fgColor");
const RGB = name("rgb");
const THEME = name("theme");
const INDEXED_ATTR = name("indexed");
const TINT = name("tint");
const FILL_ID = name("fillId");
const RGB_COLOR = name("rgbColor");

/** A fill's colour as styles.xml gives it, resolved once the whole part is read (its palette comes last). */
interface ColourRef {
  rgb?: string;
  theme?: number;
  indexed?: number;
  tint: number;
}

/** Excel reports a cell with no fill as white: a white fill says nothing either. */
const WHITE = "FFFFFF";

/** A colour element's reference (rgb, theme or indexed, and its tint), or null when it names none. */
function colourRefOf(x: XmlScanner): ColourRef | null {
  const tint = parseFloat(attr(x, TINT) ?? "");
  const ref: ColourRef = { tint: Number.isFinite(tint) ? tint : 0 };
  const rgb = attr(x, RGB);
  const theme = attr(x, THEME);
  const indexed = attr(x, INDEXED_ATTR);
  if (rgb) ref.rgb = rgb;
  else if (theme !== null) ref.theme = parseInt(theme, 10);
  else if (indexed !== null) ref.indexed = parseInt(indexed, 10);
  else return null;
  return ref;
}

/**
 * The colour Excel shows for a reference, as "RRGGBB": theme colours from `theme`, indexed ones from the
 * workbook's own palette (`indexedColors`, else Excel's), the tint applied; null for none or white.
 */
function resolveColour(ref: ColourRef, theme: string[], indexedColors: string[]): string | null {
  const base =
    ref.rgb !== undefined
      ? rgbOf(ref.rgb)
      : ref.theme !== undefined
        ? rgbOf(theme[ref.theme] ?? "")
        : indexedColour(ref.indexed ?? -1, indexedColors);
  if (!base) return null;
  const shown = applyTint(base, ref.tint);
  return shown === WHITE ? null : shown;
}

/**
 * Parses styles.xml; `theme` holds the theme's colours by index (parseThemeColours).
 * @throws XmlError when it is not well-formed XML.
 */
export function parseStyles(bytes: Uint8Array, theme: string[] = []): CellStyles {
  const x = new XmlScanner(bytes);
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  const xfFillIds: number[] = [];
  const fills: (ColourRef | null)[] = [];
  const indexedColors: string[] = [];
  let cellXfsDepth = -1;
  let fillsDepth = -1;
  let solid = false;
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Close) {
      if (cellXfsDepth >= 0 && x.depth < cellXfsDepth) cellXfsDepth = -1;
      if (fillsDepth >= 0 && x.depth < fillsDepth) fillsDepth = -1;
      continue;
    }
    if (t !== Tok.Open) continue;
    if (x.is(NUM_FMT)) {
      const id = parseInt(attr(x, NUM_FMT_ID) ?? "", 10);
      const code = attr(x, FORMAT_CODE);
      if (Number.isFinite(id) && code !== null) custom.set(id, stripEscapes(code));
    } else if (x.is(FILLS) && !x.selfClosing) {
      fillsDepth = x.depth;
    } else if (fillsDepth >= 0 && x.is(FILL)) {
      fills.push(null);
      solid = false;
    } else if (fillsDepth >= 0 && x.is(PATTERN_FILL)) {
      solid = attr(x, PATTERN_TYPE) === "solid";
    } else if (fillsDepth >= 0 && solid && x.is(FG_COLOR) && fills.length > 0) {
      fills[fills.length - 1] = colourRefOf(x);
    } else if (x.is(RGB_COLOR)) {
      // Only a workbook's own palette (<colors><indexedColors>) holds rgbColor entries, one per index.
      indexedColors.push(rgbOf(attr(x, RGB) ?? "") ?? "");
    } else if (x.is(CELL_XFS) && !x.selfClosing) {
      cellXfsDepth = x.depth;
    } else if (cellXfsDepth >= 0 && x.depth - (x.selfClosing ? 0 : 1) === cellXfsDepth && x.is(XF)) {
      xfFormatIds.push(parseInt(attr(x, NUM_FMT_ID) ?? "", 10));
      xfFillIds.push(parseInt(attr(x, FILL_ID) ?? "", 10));
    }
  }

  const styles: CellStyles = { format: [], isDate: [], dateFormat: [], fill: [] };
  const fillColours = fills.map((ref) => (ref ? resolveColour(ref, theme, indexedColors) : null));
  xfFillIds.forEach((id) => styles.fill.push(id > 0 ? (fillColours[id] ?? null) : null));
  xfFormatIds.forEach((id, i) => {
    // exceljs, whose grids these must match, gives style 0 and format id 0 no number format at all.
    const own = i === 0 || !id ? undefined : custom.get(id) || BUILT_IN[id];
    styles.format.push(own && own !== "General" ? own : null);
    styles.isDate.push(looksLikeDateFormat(own));
    styles.dateFormat.push(own && isDateOrTimeFormat(own) ? own : DEFAULT_DATE_FORMAT);
  });
  return styles;
}

/** Whether a number in this format is read as a date (exceljs's rule; shared with the pane, in core). */
export { looksLikeDateFormat };

/** exceljs drops the backslash of each escaped character in a format code (`dd\/mm` → `dd/mm`). */
function stripEscapes(code: string): string {
  if (!code.includes("\\")) return code;
  let out = "";
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "\\" && i + 1 < code.length && code[i + 1] !== "\n") {
      out += code[i + 1];
      i++;
    } else out += c;
  }
  return out;
}

function attr(x: XmlScanner, local: Uint8Array): string | null {
  const i = x.attr(local);
  return i < 0 ? null : decodeAttr(x.bytes, x.attrValueStart(i), x.attrValueEnd(i));
}
