// What a logged column header (an Import Log's Field) means: the field of the column it was on the
// register (or actions sheet) the log row names, read as the check read that sheet, officers' column
// corrections and group headers included (SPEC "Fields", "Import Log": "field (the sheet's header text)").

import type { CellValue } from "../model/grid";
import { foldCaseAndSpaces } from "../parse/spaces";
import { cellText } from "../read/cell-text";
import type { SheetLayout } from "../read/detect-sheet";
import { groupedHeader, headerKey, mapHeaders } from "../read/map-headers";

/** Two columns of the sheet share the header and mean different fields. */
const AMBIGUOUS = Symbol("ambiguous");

/** One sheet's headers as the check read them: header words → field. */
export interface SheetFields {
  kind: SheetLayout["kind"];
  fields: ReadonlyMap<string, string | null | typeof AMBIGUOUS>;
}

/**
 * A sheet's columns by header: each under its own text ("Score") and under its text with its group
 * ("Inherent Score", the header an import logs, see groupedHeader). A header two columns share with
 * different fields (a bare "Score" under Inherent and under Residual, in a log written before imports
 * named the group) says which column it was no better than a guess: it is kept as ambiguous.
 */
function sheetFields(layout: SheetLayout): SheetFields {
  const fields = new Map<string, string | null | typeof AMBIGUOUS>();
  const groups = new Map(layout.headerCells.map((h) => [h.col, h.group]));
  for (const c of layout.mapping?.columns ?? []) {
    const keys = new Set([
      headerKey(c.header),
      headerKey(groupedHeader({ text: c.header, group: groups.get(c.col) })),
    ]);
    for (const key of keys) {
      if (!key) continue;
      const seen = fields.get(key);
      fields.set(key, seen === undefined || seen === c.field ? c.field : AMBIGUOUS);
    }
  }
  return { kind: layout.kind, fields };
}

/** The sheets an Import Log's rows may name, read on first use. */
export class LoggedSheets {
  /** Layouts by sheet name with case and runs of spaces folded. */
  private readonly layouts = new Map<string, SheetLayout>();
  private readonly read = new Map<string, SheetFields | null>();

  constructor(layouts: ReadonlyMap<string, SheetLayout> = new Map()) {
    for (const [name, layout] of layouts)
      if (layout.mapping && (layout.kind === "risk-register" || layout.kind === "actions"))
        this.layouts.set(foldCaseAndSpaces(name), layout);
  }

  /** The register or actions sheet a log row's Sheet cell names; null for none the check read. */
  named(sheet: CellValue): SheetFields | null {
    if (this.layouts.size === 0 || sheet === null) return null;
    const name = foldCaseAndSpaces(cellText(sheet));
    let fields = this.read.get(name);
    if (fields === undefined) {
      const layout = this.layouts.get(name);
      fields = layout ? sheetFields(layout) : null;
      this.read.set(name, fields);
    }
    return fields;
  }
}

/** Fields of logged headers already read without their sheet, on risks and on actions. */
const fieldMemo = { risk: new Map<string, string | null>(), action: new Map<string, string | null>() };

/**
 * The field a logged column header means ("Current Risk Score" → score, "Target Date" on an actions
 * row → due): the field of that header's column on the named `sheet` when it is a sheet of that kind
 * with such a header (null when two of its columns share it: no guess); else the header read as a
 * register's (or actions sheet's) header would be, alone (a log naming no sheet, or one since renamed).
 */
export function loggedField(
  header: string,
  onAction: boolean,
  sheet: SheetFields | null = null,
): string | null {
  if (sheet !== null && sheet.kind === (onAction ? "actions" : "risk-register")) {
    const field = sheet.fields.get(headerKey(header));
    if (field !== undefined) return field === AMBIGUOUS ? null : field;
  }
  const memo = onAction ? fieldMemo.action : fieldMemo.risk;
  let field = memo.get(header);
  if (field === undefined) {
    const m = mapHeaders(onAction ? "actions" : "risk-register", [{ col: 0, text: header }]);
    field = m.columns[0]?.field ?? null;
    if (memo.size < 10_000) memo.set(header, field);
  }
  return field;
}
