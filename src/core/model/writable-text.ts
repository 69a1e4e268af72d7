// What a cell can hold: one rule for every write (command line and task pane) on text no workbook can take.

/** The most characters Excel holds in one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Text ready to write, or why it cannot be written. */
export type WritableText =
  | {
      ok: true;
      text: string;
      /** What was changed to make it writable, in words for the log ("U+FFFF replaced by U+FFFD"); empty when nothing. */
      notes: string[];
    }
  | { ok: false; reason: "too-long"; length: number };

/** Noncharacters U+FFFE and U+FFFF, and UTF-16 halves without their partner: no XML workbook can hold them. */
const UNHOLDABLE = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with U+FFFE, U+FFFF and unpaired surrogates as U+FFFD: what a workbook holds after writing it. */
export function holdableText(text: string): string {
  return text.replace(UNHOLDABLE, "\uFFFD");
}

/**
 * Makes a text writable to a cell, as SPEC "Writing files" says: U+FFFE, U+FFFF (and unpaired
 * surrogates) become U+FFFD and the change is named; a text longer than a cell holds (32,767
 * characters) is not written at all. Control characters are kept: the writer stores them as Excel
 * does (`_x0007_`).
 */
export function writableText(text: string): WritableText {
  const found = new Set<string>();
  const replaced = text.replace(UNHOLDABLE, (c) => {
    found.add(`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
    return "\uFFFD";
  });
  if (replaced.length > MAX_CELL_CHARS) return { ok: false, reason: "too-long", length: replaced.length };
  const notes = found.size === 0 ? [] : [`${[...found].sort().join(", ")} replaced by U+FFFD`];
  return { ok: true, text: replaced, notes };
}

/**
 * A text for a cell of an owned tab (a summary or log quoting a register's text): cut to what a cell holds,
 * ending in "…", rather than a write Excel refuses (task pane) or a workbook Excel must repair (command
 * line). Both writers cut here, so they write the same text. Imports never cut: they leave the cell alone.
 */
export function fitCell(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

/** "kept formula (export says 16)": a register cell holding a formula is never replaced by a value. */
export function keptFormulaNote(exportText: string): string {
  return `kept formula (export says ${exportText === "" ? "(blank)" : exportText})`;
}

/**
 * The note on a cell the import left as the officer edited it: the export still says what the last import
 * wrote (`by` "log"), what it said when an import kept the edit before (`by` "kept"), what the register
 * held at the last import (`by` "backup", its dated backup), or what the sheet held before a meeting's
 * logged change (`by` "meeting").
 */
export function editKeptNote(
  importedText: string,
  by: "log" | "kept" | "backup" | "meeting" = "log",
): string {
  const when =
    by === "log"
      ? "as that import wrote"
      : by === "kept"
        ? "as it did at the last import"
        : by === "backup"
          ? "as the register held at that import"
          : "as the sheet held before the meeting changed it";
  return `kept the register's edit made since the last import (the export still says "${importedText}", ${when})`;
}

const KEPT_EDIT_NOTE =
  /^kept the register's edit made since the last import \(the export still says "([\s\S]*)", as (?:that import wrote|it did at the last import|the register held at that import|the sheet held before the meeting changed it)\)$/;

/** The export's text an editKeptNote names; undefined for any other text. */
export function keptEditExportText(note: string): string | undefined {
  return KEPT_EDIT_NOTE.exec(note)?.[1];
}

/** An import's note for a cell it left as it was (a kept formula, an over-long text, an officer's edit): no change was made. */
const NOT_WRITTEN_NOTE = /^(?:kept formula \(export says |not written: |kept the register's edit )/;

/** True when an Import Log's New value is a note that the cell was left as it was (keptFormulaNote, tooLongNote, editKeptNote). */
export function isNotWrittenNote(text: string): boolean {
  return NOT_WRITTEN_NOTE.test(text);
}

/** "not written: 40,000 characters, more than a cell holds (32,767)". */
export function tooLongNote(length: number): string {
  return `not written: ${length.toLocaleString("en-GB")} characters, more than a cell holds (${MAX_CELL_CHARS.toLocaleString("en-GB")})`;
}
