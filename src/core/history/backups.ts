// The dated register backups an import makes ("Backup IRIS Risks 2022-10-10"), and the dated copies officers
// made by hand ("Risk Register 31-08-2022", "Copy of Risk Register (Aug 22)"): which risks each names, so a
// risk with no Date Raised and no log row is still dated by the first backup that holds it.

import { cellAt, formatAt, type Grid } from "../model/grid";
import { idKey } from "../model/records";
import { parseDate } from "../parse/date";
import { dayFromIso, ukDate, type DayNumber } from "../parse/day";
import { foldCaseAndSpaces } from "../parse/spaces";
import { detectSheet, type SheetLayout } from "../read/detect-sheet";
import { monthName, monthOf } from "./month";

/** "Backup <register> YYYY-MM-DD", with " (2)" … when the name was taken (see backupSheetName). */
const BACKUP_NAME = /^Backup .*?(\d{4}-\d{2}-\d{2})(?: \((\d+)\))?$/;
const MAX_SHEET_NAME = 31;
const NOT_IN_SHEET_NAMES = /[[\]:*?/\\]/g;

/**
 * The name of a register's backup of `date` ("Backup IRIS Risks 2022-10-10"; `copy` 2, 3 … add " (2)" …
 * for a name already taken), the register's name cut so the whole fits Excel's 31 characters.
 */
export function backupName(register: string, date: string, copy = 1): string {
  const suffix = ` ${date}${copy === 1 ? "" : ` (${copy})`}`;
  const room = MAX_SHEET_NAME - "Backup ".length - suffix.length;
  return `Backup ${register.slice(0, Math.max(1, room)).trimEnd()}${suffix}`.replace(NOT_IN_SHEET_NAMES, "-");
}

/** The date of a backup sheet from its name, or null when the sheet is not a dated backup. */
export function backupDay(sheetName: string): DayNumber | null {
  const m = BACKUP_NAME.exec(sheetName.trim());
  return m ? dayFromIso(m[1]) : null;
}

/** Which of `registers` a backup sheet is the copy of, by the name its backup is given; null when none. */
export function backedUpRegister(sheetName: string, registers: Iterable<string>): string | null {
  const name = sheetName.trim();
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const copy = m[2] === undefined ? 1 : Number(m[2]);
  for (const register of registers)
    if (backupName(register, m[1], copy).toLowerCase() === name.toLowerCase()) return register;
  return null;
}

/**
 * A register sheet an officer copied by hand and dated in its name, kept as history (SPEC: "The workbook
 * keeps its own history: … the dated backups"), never read as a live register.
 */
export interface RegisterCopy {
  /** The register sheet it is a copy of. */
  register: string;
  /** The day it is dated: the day its name gives, or the last day of the month it names. */
  day: DayNumber;
  /** The day or month its name gives, as the sheet list says it: "31/08/2022", "Aug 2022". */
  dated: string;
  /**
   * True for an undated register that a sheet named as its dated copy has overtaken (see isAheadOf): the
   * register's earlier state, dated by its latest review, and the dated sheet the live register.
   */
  superseded?: true;
}

/** What officers write before a register's name on a copy: "Copy of …", "Backup of …", "Backup …". */
const COPY_PREFIX = /^(?:copy of|backup(?: of)?) /;
/** What may part the register's name from the date: spaces, a dash, an underscore, "as at". */
const BEFORE_DATE = /^(?:[ _\-–—]+(?:as at |at )?|\()/;
/** The date in brackets: "(Aug 22)". */
const IN_BRACKETS = /^\((.*)\)$/;
/** The whole of the text is the date, or it is none. */
const WHOLE_TEXT = { noteAfter: false } as const;
/**
 * A month is the longest span a copy's date may name: a quarter or a year ("2022-23") names the period a
 * register is for, not the day it was copied.
 */
const MOST_DAYS_NAMED = 30;

/**
 * The day or month a copy's name gives after its register's name ("31-08-2022", "31.07.22", "(Aug 22)"),
 * or null when the rest names no single day or month (a year, a financial year, a quarter, a number).
 */
function copyDate(rest: string): { day: DayNumber; dated: string } | null {
  const sep = BEFORE_DATE.exec(rest);
  if (!sep) return null;
  const text = (sep[0] === "(" ? rest : rest.slice(sep[0].length)).trim();
  const date = (IN_BRACKETS.exec(text)?.[1] ?? text).trim();
  const first = parseDate(date, null, "lastUpdated", WHOLE_TEXT);
  const last = parseDate(date, null, "deadline", WHOLE_TEXT);
  if (!first.ok || !last.ok || last.value - first.value > MOST_DAYS_NAMED) return null;
  return {
    day: last.value,
    dated: first.value === last.value ? ukDate(last.value) : monthName(monthOf(last.value)),
  };
}

/**
 * Which of `registers` (other register sheets' names) the sheet `sheetName` is a dated copy of, by its name
 * alone: the register's name, or "Copy of" it, then a day or a month ("Risk Register 31-08-2022", "Risk
 * Register (Aug 22)", "Copy of Risk Register 31.07.22"). The longest register name that fits wins; null when
 * none does ("Risk Register 2022-23" names a year; "Risks Q3" with no "Risks" beside it copies nothing).
 * A name saying it is a dated copy in words may shorten the register's ("Risk Reg archive copy Aug 22": see
 * abbreviatedCopyOf).
 */
export function registerCopyOf(sheetName: string, registers: Iterable<string>): RegisterCopy | null {
  const own = foldCaseAndSpaces(sheetName);
  const name = own.replace(COPY_PREFIX, "");
  let found: RegisterCopy | null = null;
  let foundLength = -1;
  for (const register of registers) {
    const key = foldCaseAndSpaces(register);
    if (key === own || key.length <= foundLength || !name.startsWith(key)) continue;
    const date = copyDate(name.slice(key.length));
    if (date) {
      found = { register, ...date };
      foundLength = key.length;
    }
  }
  return found ?? abbreviatedCopyOf(own, registers);
}

/** A copy word: "copy", "backup" ("Risk Reg archive copy Aug 22", "Closed risks backup 31-08-2022"). */
const COPY_WORD = /(?<![a-z])(?:copy|backup)(?![a-z])/;
/** Words beside a copy word that do not name the register copied: "archive copy", "old copy of". */
const COPY_FILLER: ReadonlySet<string> = new Set([
  "copy",
  "backup",
  "of",
  "archive",
  "archived",
  "old",
  "previous",
  "snapshot",
]);
/** Where a copy's date may start: a space, a dash, an underscore or a bracket (see BEFORE_DATE). */
const DATE_START = /[ _\-–—(]/;

/**
 * A (folded) name saying in words that it is a dated copy: a copy word and, after it, a day or month ending
 * the name ("risk reg archive copy aug 22", "copy of risk register (aug 22)"); the date and the words before
 * it. Null otherwise. Tries each place the date may start: read once per sheet name.
 */
function namedAsDatedCopy(folded: string): { before: string; day: DayNumber; dated: string } | null {
  const copy = COPY_WORD.exec(folded);
  if (!copy) return null;
  for (let i = copy.index + copy[0].length; i < folded.length; i++) {
    if (!DATE_START.test(folded[i])) continue;
    const date = copyDate(folded.slice(i));
    if (date) return { before: folded.slice(0, i), ...date };
  }
  return null;
}

/**
 * True when a sheet's name says it is a dated copy ("Risk Reg archive copy Aug 22", "Closed Risks backup
 * 31-08-2022"): history, as a dated backup is, not a sheet of closed risks however it names them.
 */
export function namesDatedCopy(sheetName: string): boolean {
  return namedAsDatedCopy(foldCaseAndSpaces(sheetName)) !== null;
}

const wordsOf = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The register a name saying it is a dated copy (see namedAsDatedCopy) copies, where its other words
 * name one register, in full or shortened word by word ("risk reg" for "Risk Register"), or name none and the
 * workbook has one other register; null otherwise, or where they fit several.
 */
function abbreviatedCopyOf(own: string, registers: Iterable<string>): RegisterCopy | null {
  const named = namedAsDatedCopy(own);
  if (!named) return null;
  const words = wordsOf(named.before).filter((w) => !COPY_FILLER.has(w));
  const others = [...registers].filter((r) => foldCaseAndSpaces(r) !== own);
  const fits = others.filter((r) => {
    const full = wordsOf(foldCaseAndSpaces(r));
    return (
      words.length === 0 || (full.length === words.length && words.every((w, k) => shortens(w, full[k])))
    );
  });
  if (fits.length !== 1 || (words.length === 0 && others.length !== 1)) return null;
  return { register: fits[0], day: named.day, dated: named.dated };
}

/** True when `word` is `full` or its start, three letters at least ("reg" for "register"). */
const shortens = (word: string, full: string): boolean =>
  word === full || (word.length >= 3 && full.startsWith(word));

/** A column a header reads as: its field and its header's words. */
const headerKey = (field: string, header: string) => `${field}\u0000${foldCaseAndSpaces(header)}`;

/**
 * True when a copy's header is its register's: every column the copy's header maps, the register's header
 * maps to the same field under the same words (the register may have gained columns since), its id among them.
 */
function sameHeaderLayout(copy: SheetLayout, register: SheetLayout): boolean {
  if (!copy.mapping || !register.mapping || !copy.mapping.fieldColumns.has("id")) return false;
  const registerColumns = new Set<string>();
  for (const c of register.mapping.columns)
    if (c.field !== null) registerColumns.add(headerKey(c.field, c.header));
  return copy.mapping.columns.every(
    (c) => c.field === null || registerColumns.has(headerKey(c.field, c.header)),
  );
}

/** The columns whose dates say when something happened to a risk: when it was raised, when last reviewed. */
const EVENT_DATE_FIELDS = ["raised", "lastUpdated"] as const;

/** The latest day a register sheet's risks were raised or reviewed on, read once per sheet; null when none is. */
function latestEventDay(grid: Grid, layout: SheetLayout): DayNumber | null {
  if (!layout.mapping || layout.headerRow === null) return null;
  const end = grid.rowOffset + grid.values.length;
  let latest: DayNumber | null = null;
  for (const field of EVENT_DATE_FIELDS) {
    const col = layout.mapping.fieldColumns.get(field);
    if (col === undefined) continue;
    for (let row = layout.headerRow + 1; row < end; row++) {
      const day = parseDate(cellAt(grid, row, col), formatAt(grid, row, col), "lastUpdated");
      if (day.ok && (latest === null || day.value > latest)) latest = day.value;
    }
  }
  return latest;
}

/**
 * True when a sheet named as a dated copy holds reviews newer than anything in the register it would copy:
 * a copy holds its register as it stood, so it cannot be ahead of it. Such a sheet is the live register
 * ("Risk Register Oct 22", reviewed this month), and the undated one beside it (last year's "Risk Register")
 * its earlier state. A sheet or register that holds no dates leaves the name to decide.
 */
function isAheadOf(copyLatest: DayNumber | null, registerLatest: DayNumber | null): boolean {
  return copyLatest !== null && registerLatest !== null && copyLatest > registerLatest;
}

/**
 * The register sheets (by name) that are officers' dated copies of another register sheet of the workbook:
 * named as its copy (see registerCopyOf), laid out under its header, and not ahead of it. A sheet so named
 * that is ahead of its register (see isAheadOf) is the live one, and the register it names is the copy,
 * superseded and dated by its latest review. Read as history, not as registers. `grids` are the workbook's
 * sheets, read only for a sheet named as a copy and its register.
 */
export function findRegisterCopies(
  layouts: ReadonlyMap<string, SheetLayout>,
  grids: readonly Grid[],
): Map<string, RegisterCopy> {
  const registers: string[] = [];
  for (const [name, layout] of layouts)
    if (layout.kind === "risk-register" && layout.mapping) registers.push(name);
  const copies = new Map<string, RegisterCopy>();
  if (registers.length < 2) return copies;
  const latest = new Map<string, DayNumber | null>();
  const latestOf = (name: string): DayNumber | null => {
    if (!latest.has(name)) {
      const grid = grids.find((g) => g.sheetName === name);
      latest.set(name, grid ? latestEventDay(grid, layouts.get(name)!) : null);
    }
    return latest.get(name)!;
  };
  for (const name of registers) {
    const copy = registerCopyOf(name, registers);
    if (!copy || !sameHeaderLayout(layouts.get(name)!, layouts.get(copy.register)!)) continue;
    const registerLatest = latestOf(copy.register);
    if (!isAheadOf(latestOf(name), registerLatest)) copies.set(name, copy);
    else if (!copies.has(copy.register))
      copies.set(copy.register, {
        register: name,
        day: registerLatest!,
        dated: ukDate(registerLatest!),
        superseded: true,
      });
  }
  return copies;
}

/**
 * A sheet as a dated backup: the day it holds its register as it stood, and (where that register numbers
 * its own risks, `ownNumbering`) the register, whose risks alone it dates; null when the sheet is neither the
 * add-in's dated backup nor one of the officers' dated `copies`.
 */
export function datedBackupOf(
  sheetName: string,
  copies: ReadonlyMap<string, RegisterCopy>,
  ownNumbering: ReadonlySet<string>,
): { day: DayNumber; register: string | null } | null {
  const copy = copies.get(sheetName);
  if (copy) return { day: copy.day, register: ownNumbering.has(copy.register) ? copy.register : null };
  const day = backupDay(sheetName);
  if (day === null) return null;
  return { day, register: ownNumbering.size ? backedUpRegister(sheetName, ownNumbering) : null };
}

/**
 * Folded ids of the risks a backup sheet (the add-in's dated backup, or an officer's dated copy) holds,
 * read from its id column; empty when the sheet holds no register with ids.
 */
export function backupRiskKeys(grid: Grid): string[] {
  const layout = detectSheet(grid);
  const idCol = layout.kind === "risk-register" ? layout.mapping?.fieldColumns.get("id") : undefined;
  if (idCol === undefined || layout.headerRow === null) return [];
  const keys: string[] = [];
  const end = grid.rowOffset + grid.values.length;
  for (let row = layout.headerRow + 1; row < end; row++) {
    const key = idKey(cellAt(grid, row, idCol));
    if (key) keys.push(key);
  }
  return keys;
}
