// The namespaces and declaration a workbook part written by hand as raw XML starts with, and the zip of
// such parts: for tests that control every byte of the workbook they read or write.

import { strToU8, zipSync } from "fflate";

export const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
export const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PKG_REL = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
export const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The parts, by path, as .xlsx bytes (a text part is written as UTF-8). */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files);
}
