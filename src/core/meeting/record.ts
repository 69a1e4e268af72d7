// Turns what the officer recorded for one risk into register cell edits and an Update Log row.

import type { CellValue } from "../model/grid";
import type { CellEdit, LogAppend } from "../model/edits";
import { fieldMonth } from "../model/month-cells";
import type { Rag } from "../model/owned-tab";
import { matrixRag } from "../read/risk-matrix";
import {
  fieldText,
  filledRowsBelow,
  GridRecord,
  idKey,
  ownCellValue,
  rawCell,
  rawText,
  rawValue,
  type RecordCell,
  type RiskRecord,
} from "../model/records";
import {
  entriesOfRisk,
  lastUpdateAt,
  REGISTER_AUTHOR,
  registerRiskKey,
  textsAt,
} from "../history/history-log";
import { firstDayOf, monthOf } from "../history/month";
import { scoreInMonthOf } from "../history/monthly-points";
import { monthLabel } from "../read/cell-text";
import { isPlaceholder } from "../parse/placeholder";
import type { Report } from "../model/report";
import type { RiskFacts } from "../model/risk-summary";
import type { Settings } from "../model/settings";
import {
  dayFromIso,
  serialFromDay,
  isDateFormat,
  isoFromDay,
  latestDatedLine,
  ukDate,
  ragWordLike,
  ragFillFor,
  parseDateCell,
  ragFromScore,
  ukDateOfIso,
  parseActionState,
  parseDate,
  type DayNumber,
} from "../parse";
import { dueDateWords, withActionItemDue, withRawLine, type IsOpenStatus } from "../model/own-action";
import {
  meetingActionLabel,
  meetingActionName,
  ownLineLabel,
  type CardOwnAction,
  type MeetingAction,
  type OwnLine,
} from "./card";
import { recordWithValues, type FieldValue } from "./record-with-values";
import type { ActionValues } from "./recorded-actions";
import { carriedSaysNoChange, carriedText, deadlineLike, heldInLog, updateCellText } from "./dated-update";

/**
 * The Update Log tab's header row; matches src/core/read/field-patterns.ts UPDATE_LOG, so it reads back.
 * Register and Changes came later and stand after the first seven, so a log an earlier version made
 * keeps its columns where they were (the writer adds the two to the right of everything on the sheet).
 */
export const UPDATE_LOG_HEADER = [
  "Date",
  "Risk ID",
  "By",
  "Update",
  "No change",
  "Score",
  "Strategy",
  "Register",
  "Changes",
] as const;

/** The text of a "no change this month" entry. */
export const NO_CHANGE_TEXT = "No change this month";

/** Who wrote a carried-over entry: the register's own text, preserved before it is replaced. */
export { REGISTER_AUTHOR };

/** The format a date cell gets when it has no date format of its own. */
export const DATE_FORMAT = "dd/mm/yyyy";

/** A change to one action: an actions sheet's row, or the risk's own action on the register. */
export interface ActionChange {
  action: MeetingAction;
  /** New status text; undefined leaves it. */
  status?: string;
  /** New ISO due date; undefined leaves it. */
  due?: string;
  /**
   * New owner of one of the risk's own actions whose owner has a line of its own in the Action Owner cell
   * (OwnLine.owner); undefined leaves it. Another action's owner is not written here: a note says so.
   */
  owner?: string;
}

/** What the officer recorded for one risk. Undefined fields are left as they are. */
export interface RecordChoice {
  text: string;
  noChange: boolean;
  likelihood?: number;
  impact?: number;
  strategy?: string;
  owner?: string;
  actions?: ActionChange[];
}

export interface RecordContext {
  /** ISO date of the meeting. */
  meetingDate: string;
  /** ISO as-at date of the check the facts come from (their monthly scores end at its month); absent: the meeting date. */
  asAt?: string;
  /** The officer's name as typed at the start of the meeting. */
  by: string;
  /** Field → 0-based column, per sheet (see fieldColumnsOf). */
  columns: (sheet: string) => ReadonlyMap<string, number>;
  /** The RAG bands (a changed score's rating) and the done words (an action's line of the actions text read again). */
  settings: Pick<Settings, "rag" | "actionDoneWords">;
  /** Text of the newest Update Log entry for this risk, or null when it has none. */
  lastLoggedText: string | null;
  /** The workbook's own risk matrix (Report.ragMatrix), which rates a changed score; absent: the RAG bands. */
  ragMatrix?: (Rag | null)[][];
  /** True for a register rating risks on its own Low / Medium / High scale (see ownRatingScalesOf). */
  ownRatingScale?: (sheet: string) => boolean;
}

/** A register cell to write, with the field it holds. */
export interface RegisterWrite extends CellEdit {
  field: string;
  /**
   * True for cells the add-in works out rather than the officer typing them (score, RAG): the adapter
   * leaves such a cell alone when it holds a formula, which works the value out itself.
   */
  derived: boolean;
  /**
   * A colour-only RAG cell's new fill ("#RRGGBB"): the adapter sets the cell's fill to it and leaves its
   * value (none) as it is, instead of writing a word into a cell that shows the rating by its colour.
   */
  fill?: string;
  /**
   * An own-action cell of several actions kept one a line, written line by line: the cell's text the value was
   * made from and the lines the record changes, so a write forced over a co-author's change to the cell can
   * be made again from the cell's text then (see own-lines-now.ts).
   */
  ownLines?: OwnCellLineWrites;
  /** An action's status or due date cell written whole: the action as its change names it (FieldChange.action). */
  action?: string;
}

/**
 * What a record writes on an own-action cell of several actions kept one a line, or on the actions text where
 * an action's due date is written on its line (RegisterWrite.ownLines).
 */
export interface OwnCellLineWrites {
  /** The record's field of the cell. */
  field: OwnLineField;
  /** The cell's text as the card read it. */
  shown: string;
  /**
   * Each line the record writes: the action's place among the cell's lines (from 0; among the actions text's
   * items, for the actions text), its new words (the new date, for the actions text), the action as its change
   * names it (FieldChange.action) and as the pane calls it ("Action 2 'Review claims'").
   */
  lines: { n: number; words: string; action: string; label: string }[];
  /**
   * Set where the write is made anyway over a co-author's change to the cell (own-lines-now.ts) and keeps
   * every line of theirs: their text it was made on. Their value is then said to be kept, not written over,
   * where the cell still holds it when written (replaced-values.ts).
   */
  keptFrom?: string;
}

/** One field that changed, for the card and the Meeting Record. */
export interface FieldChange {
  /** Field id, or "action <ref> status" style labels for action rows. */
  field: string;
  label: string;
  from: string;
  to: string;
  /** For an action's change: the action as the log names it (its id, else its first words). */
  action?: string;
}

/**
 * The Update Log's Changes cell: the changes made with an update, "; " between them, an action's due
 * date as SPEC writes it ("ACT-0003 due 30/09/2022 → 31/10/2022", which the history reads back as a
 * due date moved) and its status alike ("ACT-0003 status Open → Complete"); "" when nothing changed.
 */
export function logChangesText(changes: readonly FieldChange[]): string {
  return changes
    .map((c) => {
      const { from, to } = shownChange(c);
      if (c.field === "action.due" && c.action) return `${c.action} due ${from} → ${to}`;
      if (c.field === "action.status" && c.action) return `${c.action} status ${from} → ${to}`;
      if (c.field === "action.owner" && c.action) return `${c.action} owner ${from} → ${to}`;
      return `${c.label} ${from} → ${to}`;
    })
    .join("; ");
}

/**
 * A change's from and to as an officer reads them (the Update Log, the Meeting Record): the one place an
 * action's due date, held ISO in the change, is given as a UK date; other values as they are.
 */
export function shownChange(c: Pick<FieldChange, "field" | "from" | "to">): { from: string; to: string } {
  return c.field === "action.due"
    ? { from: ukDateOfIso(c.from), to: ukDateOfIso(c.to) }
    : { from: c.from, to: c.to };
}

export interface RecordPlan {
  cells: RegisterWrite[];
  log: LogAppend;
  changes: FieldChange[];
  /** Plain-English notes for the officer (e.g. the register has no Last Updated column). */
  notes: string[];
  /** The update text as logged. */
  text: string;
  /** The risk's values after the record, for the card and the Meeting Record. */
  after: {
    likelihood: number | null;
    impact: number | null;
    score: number | null;
    rag: Rag | null;
    strategy: string;
    owner: string;
    /**
     * The risk's record as the next record and the card read it: the one this record was made from, with the
     * own-action cells it wrote line by line (several actions kept one a line) as it wrote them. Its other
     * cells are as that record read them (the values above are the ones now).
     */
    record: RiskRecord;
  };
  /**
   * The status and due date of each action the record changed, as they are after it (for the card); an own
   * action kept one a line is read again from `after.record` instead.
   */
  actionsAfter: ActionValues[];
  /**
   * The values `after` and `actionsAfter` were made from (the facts the record read): what a cell left as it is
   * after all holds for the card (planWithoutCells).
   */
  before: Omit<RecordPlan["after"], "record"> & { actions: ActionValues[] };
}

/** Which registers rate risks on their own Low / Medium / High scale, from the report's sheet list. */
export function ownRatingScalesOf(report: Pick<Report, "sheets">): (sheet: string) => boolean {
  const own = new Set(report.sheets.filter((s) => s.ownRatingScale).map((s) => s.name));
  return (sheet) => own.has(sheet);
}

/** Field → column maps per sheet, from the report's sheet list. */
export function fieldColumnsOf(
  report: Pick<Report, "sheets">,
): (sheet: string) => ReadonlyMap<string, number> {
  const bySheet = new Map<string, Map<string, number>>();
  for (const s of report.sheets) {
    const m = new Map<string, number>();
    for (const c of s.columns) if (c.field) m.set(c.field, c.col);
    bySheet.set(s.name, m);
  }
  const none = new Map<string, number>();
  return (sheet) => bySheet.get(sheet) ?? none;
}

/** The text of a risk's newest Update Log entry ("" for a placeholder), or null when it has none. */
export type LastLoggedText = (risk: Pick<RiskFacts, "sheet" | "id">) => string | null;

/** Risks' newest Update Log texts, each read from its log row when first asked. */
export function lastLoggedTexts(report: Pick<Report, "history">): LastLoggedText {
  const { history } = report;
  const texts = new Map<string, string | null>();
  return (risk) => {
    const key = idKey(risk.id);
    if (!key) return null;
    const memoKey = registerRiskKey(risk.sheet, key);
    let text = texts.get(memoKey);
    if (text === undefined) {
      const { log, at } = entriesOfRisk(history, risk.sheet, key);
      const newest = lastUpdateAt(log, at);
      const words = newest < 0 ? null : textsAt(log, newest).text;
      text = words === null ? null : isPlaceholder(words) ? "" : words;
      texts.set(memoKey, text);
    }
    return text;
  };
}

const RAG_WORD: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green" };

/**
 * The RAG of a score the meeting works out (1–25): the workbook's own risk matrix where it rates it, else the
 * RAG bands; null for a score out of range.
 */
export function ratedRag(
  likelihood: number | null,
  impact: number | null,
  score: number,
  ctx: { settings: Pick<Settings, "rag">; ragMatrix?: RecordContext["ragMatrix"] },
): Rag | null {
  if (score < 1 || score > 25) return null;
  return (
    (ctx.ragMatrix ? matrixRag(ctx.ragMatrix, likelihood, impact, score) : null) ??
    ragFromScore(score, ctx.settings.rag)
  );
}

/** The labels the Changes cell and the Meeting Record give the risk's own fields (see logChangesText). */
export const CHANGE_LABELS: Readonly<Record<string, string>> = {
  likelihood: "Likelihood",
  impact: "Impact",
  score: "Score",
  rag: "RAG",
  strategy: "Strategy",
  owner: "Owner",
};

const show = (v: number | string | null) => (v === null || v === "" ? "(blank)" : String(v));

/** The update text to log: the officer's words, or the no-change text (keeping any words typed too). */
export function updateText(choice: Pick<RecordChoice, "text" | "noChange">): string {
  const typed = choice.text.trim();
  if (!choice.noChange) return typed;
  return typed ? `${NO_CHANGE_TEXT}. ${typed}` : NO_CHANGE_TEXT;
}

/**
 * Plans the writes for one recorded risk: the register's last-updated date and latest update, any
 * changed likelihood, impact (and the score and RAG worked out from them where the sheet has those
 * columns), strategy, owner and action status or due date; and the Update Log row. Only cells whose
 * value the officer changed are written. When the register's own update text is about to be replaced
 * and the Update Log does not hold it yet, it is carried into the log first, dated as the register
 * dated it, so nothing an officer wrote is lost; with the score the risk's history gives for that date's
 * month (see carriedScore).
 */
export function recordToEdits(facts: RiskFacts, choice: RecordChoice, ctx: RecordContext): RecordPlan {
  const day = dayFromIso(ctx.meetingDate);
  if (day === null) throw new RangeError(`recordToEdits: "${ctx.meetingDate}" is not an ISO date`);
  if (!choice.noChange && !choice.text.trim())
    throw new Error("recordToEdits: an update needs text (or use no change)");
  const record = facts.record;
  const cols = ctx.columns(facts.sheet);
  const cells: RegisterWrite[] = [];
  const changes: FieldChange[] = [];
  const notes: string[] = [];
  const text = updateText(choice);
  const actionsAfter: ActionValues[] = [];
  const actionsBefore: ActionValues[] = [];
  const lines = new OwnLineWrites(record, (s) => parseActionState(s, ctx.settings) === "open");
  const asAtDay = dayFromIso(ctx.asAt ?? ctx.meetingDate) ?? day;
  /**
   * Writes a field's cell; false when the register has no column for it. A field kept month by month with no
   * column for the as-at month gets no write (an earlier month's words stay theirs) and a note instead.
   */
  const put = (field: string, value: CellValue, format: string | null, derived = false) => {
    const col = cols.get(field);
    if (col === undefined) return false;
    const missing = missingMonthColumn(record, col, asAtDay);
    if (missing) {
      notes.push(noMonthColumnNote(facts.sheet, field, missing));
      return true;
    }
    cells.push({ sheet: facts.sheet, row: record.row, col, value, format, field, derived });
    return true;
  };
  /** A colour-only RAG cell (SPEC "Colour-only RAG") gets the new rating's fill; false for any other. */
  const putRagFill = (rag: Rag): boolean => {
    const cell = rawCell(record, "rag");
    if (!cell?.ragFills || cell.value !== null) return false;
    // Nor an earlier month's cell, where the register keeps its RAG a column a month (put says why).
    if (missingMonthColumn(record, cell.col, asAtDay)) return false;
    const { fill, own } = ragFillFor(rag, cell.ragFills);
    cells.push({
      sheet: facts.sheet,
      row: cell.row,
      col: cell.col,
      value: null,
      format: null,
      field: "rag",
      derived: true,
      fill,
    });
    notes.push(
      own
        ? `${facts.sheet} shows the RAG by cell colour, so the rating was set as the fill its ${RAG_WORD[rag]} cells have.`
        : `${facts.sheet} shows the RAG by cell colour and none of its cells is ${RAG_WORD[rag].toLowerCase()} yet, so the rating was set as Excel's standard ${RAG_WORD[rag]} fill (${fill}).`,
    );
    return true;
  };

  // Last updated and latest update: the two cells every record writes, when the register has them.
  const luCell = rawCell(record, "lastUpdated");
  const keepFormat = luCell && isDateFormat(luCell.format);
  // A register keeping its updates a column a month dates them by their month (README: it "lacks no
  // last-updated column"): the update's column dates it, or, with no column for the month, its note says the
  // update (and so its date) is in the Update Log only.
  if (
    !put("lastUpdated", serialFromDay(day), keepFormat ? null : DATE_FORMAT) &&
    !keptByMonth(record, cols.get("update"))
  ) {
    notes.push(`${facts.sheet} has no Last Updated column, so the date is kept in the Update Log only.`);
  }
  // A register keeping its updates month by month is written in the as-at month's column: an earlier month's
  // words stay in theirs, so they are not the written cell's old value (nor carried into the log); where it
  // has no column for the as-at month, nothing is written over (see put).
  const updateCol = rawCell(record, "update")?.col;
  const bound = cols.get("update");
  const overwrites =
    (updateCol === undefined || updateCol === bound) &&
    (bound === undefined || missingMonthColumn(record, bound, asAtDay) === null);
  const oldText = overwrites ? fieldText(record, "update") : "";
  const oldValue = overwrites ? rawValue(record, "update") : null;
  // A history of dated lines keeps its lines, and gets the meeting's own (see updateCellText).
  const dated = updateCellText(oldValue, text, day, ctx.lastLoggedText);
  if (dated?.note) notes.push(dated.note);
  if (!put("update", dated?.text ?? text, "@")) {
    notes.push(`${facts.sheet} has no Latest Update column, so the update is kept in the Update Log only.`);
  }

  // Scores, strategy and owner: only when the officer changed them, and never on a no-change entry.
  let likelihood = facts.likelihood;
  let impact = facts.impact;
  let score = facts.score;
  let rag = facts.rag;
  let strategy = facts.strategy;
  let owner = facts.owner;
  /**
   * Writes a field the officer changed and lists the change; without the column, a note says where it went.
   * False when the cell holds a formula: it is sent all the same (the adapter, asking Excel again, keeps it
   * and says so), but the register keeps its value, so nothing is listed and the caller keeps the old value.
   */
  const change = (
    field: "likelihood" | "impact" | "strategy" | "owner",
    from: number | string | null,
    to: number | string,
    format: string | null,
  ): boolean => {
    if (holdsFormula(record, field)) {
      put(field, to, format);
      return false;
    }
    if (!put(field, to, format)) {
      const what = CHANGE_LABELS[field];
      notes.push(
        `${facts.sheet} has no ${what} column, so the new ${what.toLowerCase()} is kept in the Update Log only.`,
      );
    }
    changes.push({ field, label: CHANGE_LABELS[field], from: show(from), to: show(to) });
    return true;
  };
  if (!choice.noChange) {
    let scoresChanged = false;
    if (
      choice.likelihood !== undefined &&
      choice.likelihood !== facts.likelihood &&
      change("likelihood", facts.likelihood, choice.likelihood, null)
    ) {
      likelihood = choice.likelihood;
      scoresChanged = true;
    }
    if (
      choice.impact !== undefined &&
      choice.impact !== facts.impact &&
      change("impact", facts.impact, choice.impact, null)
    ) {
      impact = choice.impact;
      scoresChanged = true;
    }
    if (scoresChanged && likelihood !== null && impact !== null) {
      const next = likelihood * impact;
      if (next !== facts.score) {
        put("score", next, null, true);
        changes.push({ field: "score", label: CHANGE_LABELS.score, from: show(facts.score), to: show(next) });
      }
      score = next;
      // A register's own scale has bands the meeting does not know (the workbook's own matrix aside).
      const ownScale = !ctx.ragMatrix && ctx.ownRatingScale?.(facts.sheet) === true;
      if (ownScale && cols.has("rag"))
        notes.push(
          `${facts.sheet} rates risks on its own Low / Medium / High scale, so the rating was left for you to set.`,
        );
      const nextRag = ownScale ? rag : (ratedRag(likelihood, impact, next, ctx) ?? rag);
      if (nextRag && nextRag !== facts.rag) {
        // In the register's own words (High / Medium / Low where its cells say so), as the log says it too;
        // a cell showing the rating by its colour alone gets the new colour instead. Listed as a change only
        // where the register holds a RAG (a column, or that colour-only cell): on a register without one, the
        // new band follows from the score and there is no RAG cell for the log or the minutes to name.
        const ragCell = rawText(record, "rag");
        if (putRagFill(nextRag) || put("rag", ragWordLike(nextRag, ragCell), null, true))
          changes.push({
            field: "rag",
            label: CHANGE_LABELS.rag,
            from: facts.rag ? ragCell || RAG_WORD[facts.rag] : "(blank)",
            to: ragWordLike(nextRag, ragCell),
          });
      }
      rag = nextRag;
    }
    if (
      choice.strategy !== undefined &&
      choice.strategy.trim() &&
      choice.strategy.trim() !== facts.strategy &&
      change("strategy", facts.strategy, choice.strategy.trim(), "@")
    )
      strategy = choice.strategy.trim();
    if (
      choice.owner !== undefined &&
      choice.owner.trim() &&
      choice.owner.trim() !== facts.owner &&
      change("owner", facts.owner, choice.owner.trim(), "@")
    )
      owner = choice.owner.trim();
    for (const a of choice.actions ?? []) {
      const now = planActionChange(a, ctx, { lines, cells, changes, notes });
      if (!now) continue;
      actionsAfter.push(now);
      actionsBefore.push({ sheet: now.sheet, row: now.row, status: a.action.status, due: a.action.due });
    }
  }
  const recordAfter = lines.cellsInto(cells, facts.sheet, cols);
  cells.push(...clearsBelow(record, cells));

  const logRows: CellValue[][] = [];
  // The register's own words, dated as the register dates them: its Last Updated, else the newest dated
  // line of the cell (SPEC "Dated lines": they count as a last-updated date where there is no date column),
  // else the month of its column (a register keeping its updates month by month).
  const before = luCell ? parseDateCell(luCell, "lastUpdated") : null;
  const beforeDay =
    before && before.ok
      ? before.value
      : ((typeof oldValue === "string" ? latestDatedLine(oldValue, day) : null) ??
        fieldMonth(record, "update"));
  // Carried into the log unless it is there already: words the same as this record's are carried too when
  // they are an earlier entry (last month's "No change this month"), not this day's own.
  const carrying =
    cols.has("update") &&
    oldText !== "" &&
    !heldInLog(oldValue, oldText, ctx.lastLoggedText, day) &&
    (oldText !== text || (beforeDay !== null && beforeDay !== day));
  if (carrying) {
    logRows.push([
      beforeDay === null ? null : serialFromDay(beforeDay),
      facts.id,
      REGISTER_AUTHOR,
      carriedText(record, oldText),
      carriedSaysNoChange(oldValue, oldText, day) ? "Yes" : "No",
      carriedScore(facts, ctx, day, beforeDay),
      facts.strategy,
      facts.sheet,
      "",
    ]);
  }
  logRows.push([
    serialFromDay(day),
    facts.id,
    ctx.by,
    text,
    choice.noChange ? "Yes" : "No",
    score,
    strategy,
    facts.sheet,
    logChangesText(changes),
  ]);

  return {
    cells,
    log: { kind: "update-log", header: [...UPDATE_LOG_HEADER], rows: logRows, asAt: ctx.meetingDate },
    changes,
    notes,
    text,
    after: { likelihood, impact, score, rag, strategy, owner, record: recordAfter },
    actionsAfter,
    before: { ...valuesOf(facts), actions: actionsBefore },
  };
}

/** The risk's values a record starts from (RecordPlan.before). */
function valuesOf(facts: RiskFacts): Omit<RecordPlan["after"], "record"> {
  const { likelihood, impact, score, rag, strategy, owner } = facts;
  return { likelihood, impact, score, rag, strategy, owner };
}

/** The as-at month a field kept month by month has no column for, and the newest month it has one for. */
interface MissingMonth {
  /** The as-at month as Excel shows it ("Oct-22"). */
  month: string;
  /** The newest month up to the as-at date the register has a column for ("Sep-22"); null for none. */
  newest: string | null;
}

/**
 * Where the record's sheet keeps a field month by month and `col`, the field's column (the newest month up
 * to the as-at date: month-columns' bindMonthFamilies), is not the as-at month's, the months the note names
 * (see MissingMonth); null where `col` is the as-at month's or no month column.
 */
export function missingMonthColumn(record: RiskRecord, col: number, asAt: DayNumber): MissingMonth | null {
  const months = record.months?.monthsOf(col);
  if (months === undefined) return null;
  const asAtMonth = monthOf(asAt);
  const its = months.find((m) => m.col === col);
  if (its && monthOf(its.day) === asAtMonth) return null;
  const newest = months.length > 0 ? monthLabel(months[months.length - 1].day) : null;
  return { month: monthLabel(firstDayOf(asAtMonth)), newest };
}

/** True when the register keeps the field in column `col` month by month, one column per month. */
function keptByMonth(record: RiskRecord, col: number | undefined): boolean {
  return col !== undefined && record.months?.monthsOf(col) !== undefined;
}

/** What noMonthColumnNote calls the fields CHANGE_LABELS does not name as a sentence would. */
const MONTH_NOTE_WORDS: Readonly<Record<string, string>> = {
  update: "update",
  lastUpdated: "last-updated date",
  rag: "RAG",
};

/** Said when a field kept month by month has no column for the as-at month (see missingMonthColumn). */
function noMonthColumnNote(sheet: string, field: string, missing: MissingMonth): string {
  const what = MONTH_NOTE_WORDS[field] ?? (CHANGE_LABELS[field] ?? field).toLowerCase();
  const stop = missing.newest
    ? ` (its ${what} columns stop at ${missing.newest}), so it is kept in the Update Log only and ${missing.newest}'s is left as it was`
    : ", so it is kept in the Update Log only";
  return `${sheet} has no ${missing.month} column to hold the ${what}${stop}; add a column for ${missing.month} to keep it on the register.`;
}

/** True when the reader saw a formula in the record's cell of `field`: a write keeps it (SPEC "Formulas"). */
function holdsFormula(record: RiskRecord, field: string): boolean {
  return rawCell(record, field as never)?.formula === true;
}

/** The record's cell on its first row in a column, as the reader made it (undefined when blank or unknown). */
function firstRowCell(record: RiskRecord, col: number): RecordCell | undefined {
  if (record instanceof GridRecord) return record.source.cell(record.row, col);
  return Object.values(record.fields).find((c) => c?.row === record.row && c.col === col);
}

/** What a cell not in the reader's grid counts as: something, so it is cleared. */
const UNKNOWN = "(not known)";

/**
 * The clears a write to a record over several rows (an id merged down) needs: each row below its first whose
 * cell under a written one holds something of its own (not a merged area's copy), or the record would read
 * the new value and the old joined (SPEC "One record over several rows"; the import does the same). Where
 * the record's cells are not in the reader's grid, every row below is cleared (a blank cell stays blank).
 * None under a cell the reader saw a formula in (it is kept, so its rows below are the record's still);
 * a formula below is never cleared either (the adapter keeps every formula it is sent).
 */
function clearsBelow(record: RiskRecord, cells: readonly RegisterWrite[]): RegisterWrite[] {
  if (record.rows.length < 2) return [];
  const out: RegisterWrite[] = [];
  for (const c of cells) {
    if (c.sheet !== record.sheet || c.row !== record.row || c.fill !== undefined) continue;
    if (firstRowCell(record, c.col)?.formula) continue;
    const below = filledRowsBelow(record, (r) => {
      const v = ownCellValue(record, r, c.col);
      return v === undefined ? UNKNOWN : v;
    });
    for (const row of below) out.push({ ...c, row, value: null, format: null });
  }
  return out;
}

/**
 * The score a carried-over register update is logged with: the risk's monthly point for the month the
 * register dated it (SPEC Update Log: "score … at the time"), not today's. The month's point, not a guess
 * at the day, so the row adds nothing the history did not already say (the months read back the same).
 * A risk nothing dates (no Date Raised, and no log row or backup names it) has no entry in either log,
 * so its current score stands at every month (SPEC Monthly points). Null (blank) when the history cannot
 * say: an undated update, or one before the months the facts hold (or before the risk was first seen).
 */
function carriedScore(
  facts: Pick<RiskFacts, "months" | "firstSeen" | "score">,
  ctx: Pick<RecordContext, "asAt">,
  meetingDay: DayNumber,
  dated: DayNumber | null,
): number | null {
  if (dated === null) return null;
  if (facts.firstSeen === null) return facts.score;
  const asAt = ctx.asAt === undefined ? meetingDay : dayFromIso(ctx.asAt);
  return asAt === null ? null : scoreInMonthOf(facts.months, asAt, dated);
}

/** The fields an action's status and due date are in, on an actions sheet and on the register. */
const ACTION_FIELDS = { status: "status", due: "due" } as const;
const OWN_ACTION_FIELDS = { status: "actionStatus", due: "actionDue" } as const;

/** What a note calls an action whose cell could not be written, and the column it lacked. */
function unwritten(a: MeetingAction, name: string, what: "status" | "due date" | "owner"): string {
  return a.own
    ? `${a.sheet} has no action ${what} column; the ${what} of the action on the register was not written.`
    : `${a.sheet} has no ${what} column; action ${name}'s ${what} was not written.`;
}

/** Where an action's change is planned: the writes, changes and notes of the record. */
interface ActionPlanning {
  /** The own-action cells written line by line (several actions kept one a line), on the record's row. */
  lines: OwnLineWrites;
  cells: RegisterWrite[];
  changes: FieldChange[];
  notes: string[];
}

/**
 * Plans one action's change; returns the action's status and due date after it, or null when nothing changed
 * (or the action is one changed on its own lines: the card reads it again from the record after, see
 * OwnLineWrites). A value is written in the action's cell; for one of several own actions kept one a line, on
 * its line of the cell alone (the due date as text, dd/mm/yyyy, as the cell's lines are written; the owner
 * too, where the Action Owner cell keeps owners one a line); for a due date written on the action's line of
 * the actions text, in place of that date (see dueWordsOnLine).
 */
function planActionChange(a: ActionChange, ctx: RecordContext, plan: ActionPlanning): ActionValues | null {
  const { cells, changes, notes } = plan;
  const cols = ctx.columns(a.action.sheet);
  const after: ActionValues = {
    sheet: a.action.sheet,
    row: a.action.row,
    status: a.action.status,
    due: a.action.due,
  };
  let changed = false;
  const fields = a.action.own ? OWN_ACTION_FIELDS : ACTION_FIELDS;
  const name = meetingActionName(a.action);
  const row = a.action.row - 1;
  const own = a.action.own && a.action.line ? (a.action as OwnLineAction) : null;
  if (a.status !== undefined && a.status.trim() && a.status.trim() !== a.action.status) {
    const col = cols.get(fields.status);
    const status = a.status.trim();
    let listed = true;
    if (col === undefined) notes.push(unwritten(a.action, name, "status"));
    // A line that cannot be written is noted, and not listed; one in a formula cell is sent all the same (the
    // adapter, asking Excel again, keeps the formula and says so), and not listed either.
    else if (own) listed = plan.lines.writeListed(own, "actionStatus", status, notes);
    else
      cells.push({
        sheet: a.action.sheet,
        row,
        col,
        value: status,
        format: "@",
        field: "action.status",
        derived: false,
        action: name,
      });
    if (listed) {
      changes.push({
        field: "action.status",
        label: `Action ${name} status`,
        from: show(a.action.status),
        to: status,
        action: name,
      });
      after.status = status;
      changed = true;
    }
  }
  if (a.due !== undefined && a.due !== a.action.due) {
    const due = dayFromIso(a.due);
    const inText = own !== null && own.line.dueInText !== null;
    const col = cols.get(inText ? "actions" : fields.due);
    if (due === null)
      notes.push(
        own
          ? `"${a.due}" is not a date; ${ownLineLabel(own.line.action)}'s due date was not written.`
          : a.action.own
            ? `"${a.due}" is not a date; the due date of the action on the register was not written.`
            : `"${a.due}" is not a date; action ${name}'s due date was not written.`,
      );
    else if (col === undefined) notes.push(unwritten(a.action, name, "due date"));
    else {
      // On its line, or kept as a formula: as the status above.
      let listed = true;
      if (own && inText) listed = plan.lines.writeDueInText(own, due, notes);
      else if (own) listed = plan.lines.writeListed(own, "actionDue", ukDate(due), notes);
      else {
        const keep = isDateFormat(rawCell<string>(a.action.record, fields.due)?.format);
        cells.push({
          sheet: a.action.sheet,
          row,
          col,
          value: serialFromDay(due),
          format: keep ? null : DATE_FORMAT,
          field: "action.due",
          derived: false,
          action: name,
        });
      }
      if (listed) {
        changes.push({
          field: "action.due",
          label: `Action ${name} due`,
          from: a.action.due ?? show(a.action.dueText),
          to: isoFromDay(due),
          action: name,
        });
        after.due = isoFromDay(due);
        changed = true;
      }
    }
  }
  const owner = a.owner?.trim();
  // Only an own action's line of the Action Owner cell is offered (OwnLine.owner): another's owner stays.
  if (owner && !own)
    notes.push(`${meetingActionLabel(a.action)}'s owner was not written; change it on the register.`);
  else if (owner && own && owner !== own.owner) {
    if (!cols.has("actionOwner")) notes.push(unwritten(own, name, "owner"));
    else if (plan.lines.writeListed(own, "actionOwner", owner, notes))
      changes.push({
        field: "action.owner",
        label: `Action ${name} owner`,
        from: show(own.owner),
        to: owner,
        action: name,
      });
  }
  return changed && !own ? after : null;
}

/** A due date as it is written on an action's line of the actions text (see dueWordsOnLine). */
interface DueOnLine {
  /** The date's words. */
  words: string;
  /**
   * Where the line's own form could not hold the date: the date in that form ("Jan-23", "w/c 16/01/23"; null
   * for a form the meeting does not write), and the day it reads as (the month's or week's end; null where
   * it reads as no date).
   */
  unkept?: { like: string | null; readAs: DayNumber | null };
}

/**
 * The words a due date is written in on an action's line of the actions text: `day` in the form the line wrote
 * its date (`written`: "31/12/22" → "31/03/23", "Dec-22" → "Mar-23", "w/c 12/12/22" → "w/c 16/01/23", "Q4
 * 2022/23" → "Q1 2023/24": see deadlineLike) where that form reads back as `day` (a month's, week's or
 * quarter's form holds a due date only on its last day); else dd/mm/yyyy, saying why.
 */
function dueWordsOnLine(written: string, day: DayNumber): DueOnLine {
  const like = deadlineLike(written, day);
  const read = like === null ? null : parseDate(like, null, "deadline");
  if (read?.ok && read.value === day) return { words: like! };
  return { words: ukDate(day), unkept: { like, readAs: read?.ok ? read.value : null } };
}

/** Why an action's due date was written dd/mm/yyyy on its line, not in the line's own form (`written`). */
function unkeptFormWords(written: string, unkept: NonNullable<DueOnLine["unkept"]>): string {
  if (unkept.like === null)
    return `'${written}', as the line wrote its date, is a form the meeting cannot write`;
  const reads =
    unkept.readAs === null ? "would not read as a date" : `would read as ${ukDate(unkept.readAs)}`;
  return `'${unkept.like}', as the line wrote its date, ${reads}`;
}

/** One of the risk's own actions the meeting changes on its own lines (see OwnLine). */
type OwnLineAction = CardOwnAction & { line: OwnLine };

/** The cells a meeting writes line by line: the own-action cells, and the actions text (a due date on its line). */
export type OwnLineField = "actionDue" | "actionStatus" | "actionOwner" | "actions";

/** What the register's writes call a cell written line by line (as an action's change names what changed). */
const WRITE_FIELD: Readonly<Record<OwnLineField, string>> = {
  actionDue: "action.due",
  actionStatus: "action.status",
  actionOwner: "action.owner",
  actions: "action.due",
};

/** What the notes call the value written on a line of each cell ("Action 2 'Review claims''s owner …"). */
export const LINE_WORDS: Readonly<Record<OwnLineField, string>> = {
  actionDue: "due date",
  actionStatus: "status",
  actionOwner: "owner",
  actions: "due date",
};

/**
 * The cells one record writes line by line: of several own actions kept one a line, each action's change goes
 * on its own line of the cell (see withRawLine), the other lines, blank lines, bracketed notes and line breaks
 * kept as they are; a due date on an action's line of the actions text is rewritten in place
 * (withActionItemDue). Each cell is written once, whole, with every line the record changed.
 */
class OwnLineWrites {
  /** Each cell's text as the record's line writes leave it. */
  private readonly texts = new Map<OwnLineField, string>();
  /** Each cell's text as read and the lines written on it. */
  private readonly writes = new Map<OwnLineField, OwnCellLineWrites>();

  /** `isOpen`: the done words, as the actions text's lines are read (readOwnActions). */
  constructor(
    private readonly record: RiskRecord,
    private readonly isOpen: IsOpenStatus,
  ) {}

  /**
   * Writes `words` on the action's line of an own-action cell (see write); true when the change is to be listed:
   * written, and not in a formula cell (which is sent all the same, for the adapter to keep).
   */
  writeListed(a: OwnLineAction, field: Exclude<OwnLineField, "actions">, words: string, notes: string[]) {
    return this.write(a, field, words, notes) && !this.keepsFormula(field);
  }

  /**
   * Writes `due` in place of the date on the action's line of the actions text, in the form the line wrote it
   * where that form holds it (else dd/mm/yyyy, and a note says why); true when the change is to be listed.
   */
  writeDueInText(a: OwnLineAction, due: DayNumber, notes: string[]): boolean {
    const written = dueDateWords(a.line.action.dueText);
    const { words, unkept } = dueWordsOnLine(written, due);
    if (!this.write(a, "actions", words, notes)) return false;
    if (unkept)
      notes.push(
        `${ownLineLabel(a.line.action)}'s due date was written ${words} on its line of the actions text: ${unkeptFormWords(written, unkept)}.`,
      );
    return !this.keepsFormula("actions");
  }

  /**
   * Puts `words` on the action's line of the field's cell; false, with a note, where the action has no line of
   * its own there, the cell is not the one the card read, or the words would not read back as one line.
   */
  private write(a: OwnLineAction, field: OwnLineField, words: string, notes: string[]): boolean {
    const unwritten = (why: string) => {
      notes.push(`${ownLineLabel(a.line.action)}'s ${LINE_WORDS[field]} was not written: ${why}.`);
      return false;
    };
    const at = this.lineOf(a.line, field);
    if (at === null) return unwritten("its line of the cell is not its alone; change it on the register");
    const shown = rawValue(a.record, field);
    if (typeof shown !== "string" || shown !== rawValue(this.record, field))
      return unwritten("the cell has changed since the card was shown; show the risk again");
    // A line break would make two lines of one, and a line opening with "(" reads as a note on the line above.
    if (/[\r\n]/.test(words) || words.startsWith("("))
      return unwritten(`"${words}" would not read back as its line`);
    const before = this.texts.get(field) ?? shown;
    const text =
      field === "actions"
        ? withActionItemDue(before, at, words, this.isOpen)
        : withRawLine(before, at, words);
    if (text === null)
      return unwritten(
        field === "actions"
          ? `"${words}" would not read back as its due date on its line of the actions text`
          : "the cell has no such line",
      );
    this.texts.set(field, text);
    const writes = this.writes.get(field) ?? { field, shown, lines: [] };
    writes.lines.push({
      n: field === "actions" ? at : a.line.action.line - 1,
      words,
      action: meetingActionName(a),
      label: ownLineLabel(a.line.action),
    });
    this.writes.set(field, writes);
    return true;
  }

  /** The raw line of the field's cell the action writes (its item, in the actions text); null for none of its own. */
  private lineOf(line: OwnLine, field: OwnLineField): number | null {
    switch (field) {
      case "actionDue":
        return line.due;
      case "actionStatus":
        return line.status;
      case "actionOwner":
        return line.owner;
      case "actions":
        return line.dueInText;
    }
  }

  /** True when the reader saw a formula in the field's cell: the write is sent, and the adapter keeps the formula. */
  private keepsFormula(field: OwnLineField): boolean {
    return holdsFormula(this.record, field);
  }

  /**
   * Adds each cell written line by line to `cells` (on the record's row, the cell's own format kept: its lines
   * are text) and returns the record with them (a formula cell, which the adapter keeps, as it was).
   */
  cellsInto(cells: RegisterWrite[], sheet: string, cols: ReadonlyMap<string, number>): RiskRecord {
    if (this.texts.size === 0) return this.record;
    const kept: FieldValue[] = [];
    for (const [field, value] of this.texts) {
      const col = cols.get(field)!;
      cells.push({
        sheet,
        row: this.record.row,
        col,
        value,
        format: null,
        field: WRITE_FIELD[field],
        derived: false,
        ownLines: this.writes.get(field)!,
      });
      if (!this.keepsFormula(field)) kept.push({ field, col, value });
    }
    return kept.length === 0 ? this.record : recordWithValues(this.record, kept);
  }
}
