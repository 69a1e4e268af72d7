// Turns a cell value into the text the rules read: trimmed, HTML tags stripped, entities decoded.

import type { CellValue } from "../model/grid";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Removes HTML tags such as `<p>` or `<ul class=…>` left in cells, keeping the words apart. */
export function stripHtml(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  return text
    .replace(/<\s*(br|\/p|\/li|\/div)\s*\/?>/gi, " ")
    .replace(/<\/?[a-zA-Z][^<>]*>/g, "")
    .replace(/&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g, (m, name: string) => {
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
  const text = stripHtml(value);
  // Most cells need no folding: test before allocating a new string.
  return /\s\s|[\t\n\r\f\v\u00a0]/.test(text) ? text.replace(/\s+/g, " ").trim() : text.trim();
}

/** True when a cell holds nothing worth reading. */
export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
