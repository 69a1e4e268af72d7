// Turns a cell value into the text the rules read: trimmed, HTML tags stripped, entities decoded.

import type { CellValue } from "../model/grid";
import { foldSpaces } from "../parse/spaces";

/** Tags that end a line or paragraph (their words are kept apart), any other tag, and an entity. */
const BREAK_TAG = /<\s*(br|\/p|\/li|\/div)\s*\/?>/gi;
const OTHER_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const ENTITY = /&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Removes HTML tags such as `<p>` or `<ul class=…>` left in cells, keeping the words apart. */
export function stripHtml(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  return text
    .replace(BREAK_TAG, " ")
    .replace(OTHER_TAG, "")
    .replace(ENTITY, (m, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[name.toLowerCase()] ?? m;
    });
}

/** The text of a cell: "" for blank; numbers without float noise; booleans as TRUE/FALSE. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return Number.isInteger(value) ? String(value) : String(parseFloat(value.toPrecision(15)));
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return foldSpaces(stripHtml(value));
}

/** True when a cell holds nothing worth reading. */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
