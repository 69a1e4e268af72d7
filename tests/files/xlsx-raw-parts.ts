// Test helper: builds an .xlsx from hand-written XML parts, so tests control exactly what the reader sees.

import { zipSync, strToU8 } from "fflate";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** One sheet: its XML inside <sheetData> (or the whole part when `part` is given). */
export interface RawSheet {
  name: string;
  rows?: string;
  /** Anything after </sheetData>, e.g. <mergeCells>. */
  after?: string;
  /** The whole worksheet part, used as written instead of rows/after. */
  part?: string;
  state?: string;
  /** Relationship target as written in workbook.xml.rels (default worksheets/sheetN.xml). */
  target?: string;
  /** Where the part is stored in the zip (default follows the target). */
  path?: string;
  /** Relationship type's last segment (default worksheet). */
  kind?: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** <si> items of sharedStrings.xml, or a whole part. */
  sharedStrings?: string[] | { part: string };
  /** <numFmt> elements and the cellXfs <xf> elements. */
  numFmts?: string[];
  cellXfs?: string[];
  date1904?: boolean;
  /** Extra zip entries. */
  extra?: Record<string, string | Uint8Array>;
}

/** A worksheet part around the given sheetData rows. */
export function sheetPart(rows: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS} ${R_NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** Zips the parts of a workbook written by hand. */
export function rawXlsx(wb: RawWorkbook): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const rels: string[] = [];
  const sheetEls: string[] = [];
  wb.sheets.forEach((s, i) => {
    const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
    const path = s.path ?? (target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/${s.kind ?? "worksheet"}" Target="${target}"/>`);
    const state = s.state ? ` state="${s.state}"` : "";
    sheetEls.push(`<sheet name="${s.name}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`);
    files[path] = strToU8(s.part ?? sheetPart(s.rows ?? "", s.after ?? ""));
  });
  const pr = wb.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>";
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${R_NS}>${pr}<sheets>${sheetEls.join("")}</sheets></workbook>`,
  );
  if (wb.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    files["xl/sharedStrings.xml"] = strToU8(
      Array.isArray(wb.sharedStrings)
        ? `<sst ${NS} count="${wb.sharedStrings.length}">${wb.sharedStrings.map((s) => `<si>${s}</si>`).join("")}</sst>`
        : wb.sharedStrings.part,
    );
  }
  if (wb.numFmts || wb.cellXfs) {
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
    const fmts = wb.numFmts ? `<numFmts count="${wb.numFmts.length}">${wb.numFmts.join("")}</numFmts>` : "";
    const xfs = wb.cellXfs ?? ['<xf numFmtId="0"/>'];
    files["xl/styles.xml"] = strToU8(
      `<styleSheet ${NS}>${fmts}<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`,
    );
  }
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  for (const [k, v] of Object.entries(wb.extra ?? {})) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files);
}
