// A risk's own actions kept on the register (SPEC "Actions inside the register"): Action Owner, Action
// Target Date / Action Due Date and Action Status on the register sheet, beside its actions text (Further
// Actions, Mitigating Actions). Read here once for the check's rules and for the meeting's card.
//
// Officers keep one action in those cells, or several, one a line, in the same order in every cell
// ("1. Resurface A38\n2. Review claims" / "31/08/2022\n31/12/2022" / "In progress\nNot started"); or write
// the owner and due date on each line of the actions text ("1. Resurface A38 – JS – 31/08/22"), and mark a
// line done ("(done)", "– Complete"). `readOwnActions` turns a register row into its list of actions.

import { excerpt } from "../rules/excerpt";
import { isPlaceholder, parseDate, type DayNumber } from "../parse";
import { fieldDate, fieldText, rawText, rawValue, type RiskRecord } from "./records";

/**
 * How the logs and findings name the risk's own action (an actions sheet's row goes by its id): the
 * Update Log's Changes cell writes "on the register due 30/09/2022 → 31/10/2022", which the history reads back.
 */
export const OWN_ACTION_NAME = "on the register";

/** The own action's cells as written (placeholders read as blank). */
export interface OwnActionCells {
  owner: string;
  status: string;
  /** The due cell as written ("" when blank). */
  dueText: string;
}

/** The risk's own action cells, or null when its action columns are empty or absent. */
export function ownActionCells(risk: RiskRecord): OwnActionCells | null {
  const owner = fieldText(risk, "actionOwner");
  const status = fieldText(risk, "actionStatus");
  const dueText = rawText(risk, "actionDue");
  if (!owner && !status && !dueText) return null;
  return { owner, status, dueText };
}

/** One of the risk's own actions on the register, as read from its row. */
export interface OwnAction {
  /** The action's words from the actions cell ("Resurface A38"), "" when that cell does not name it. */
  text: string;
  owner: string;
  /** Its status as written ("In progress", "Complete"), "" when none. */
  status: string;
  /** False when its status, or a marker on its line ("(done)"), says it is done. */
  open: boolean;
  /** Its due date as a deadline (a month or quarter as its last day), or null. */
  due: DayNumber | null;
  /** Its due date as written ("" when none). */
  dueText: string;
  /** The cell its due date is written in: the Action Due Date cell, or the actions cell (on its line). */
  dueField: "actionDue" | "actions";
  /**
   * For a due date written on its line of the actions text (dueField "actions"): the place of its item among the
   * text's items (from 0, as actionItemTexts lists them), so that date alone can be rewritten (withActionItemDue).
   */
  dueItem?: number;
  /**
   * Its place in the officer's list, from 1: its line of the own-action cells, or its item among the actions
   * text's, dated or not ("2. Review claims" is 2 though "1. Resurface A38" carries no date).
   */
  line: number;
  /** True when the row holds several own actions (findings then name each by its words). */
  oneOfSeveral: boolean;
  /**
   * True when another of the risk's own actions would be named alike (the same words: two gangs' "Gully
   * cleansing"): its name then says its place too (see ownActionName).
   */
  namedAlike?: true;
  /**
   * For one of several actions aligned one a line across the own-action cells: the raw line of each cell its
   * value is written on (see OwnCellLines), so that line alone can be written. Absent for the risk's one
   * action (its cells are its alone) and for actions read from the lines of the actions text.
   */
  cellLines?: OwnCellLines;
}

/**
 * Where an action aligned one a line is written in each own-action cell: the 0-based raw line (counted as the
 * cell's line breaks split it, blank lines and bracketed notes included). Null where no line is this action's
 * alone: a cell of one line (every action's), a line read from several (status lines beyond the actions), a
 * cell with no line for it, a cell that is not text, or a due date written on its line of the actions text.
 */
export interface OwnCellLines {
  owner: number | null;
  due: number | null;
  status: number | null;
}

/** Reads an action status: true when it is open (the check's memoised reading of the done words). */
export type IsOpenStatus = (status: string) => boolean;

/**
 * The risk's own actions, in the order the register lists them; empty when it keeps none. Where the Action
 * Due Date or Action Status cell holds several lines, line n of each own-action cell is action n's, beside
 * the actions cell's item n (a cell of one line is every action's). Where they hold one line each, with a
 * due date, they are the risk's one action, as SPEC describes it. Otherwise the actions cell's items that
 * carry their own due date ("Resurface A38 – JS – 31/08/22") are its actions, else the cells' one action.
 */
export function readOwnActions(risk: RiskRecord, isOpen: IsOpenStatus): OwnAction[] {
  const due = cellLines(risk, "actionDue");
  const actionsText = rawValue(risk, "actions");
  const status = statusLines(risk, due.length, actionsText);
  const count = Math.max(due.length, status.length);
  if (count >= 2) {
    const owner = cellLines(risk, "actionOwner");
    const cells: AlignedCells = {
      owner: linesAt(risk, "actionOwner", owner.length === count ? owner : [fieldText(risk, "actionOwner")]),
      due: linesAt(risk, "actionDue", due),
      status: linesAt(risk, "actionStatus", status),
    };
    const dueOfCell = due.length === 1 ? fieldDate(risk, "actionDue", "deadline") : null;
    return namedApart(alignedActions(cells, count, dueOfCell, actionItems(actionsText, isOpen), isOpen));
  }
  const single = ownActionCells(risk);
  // Most risks keep no own-action cells, and an actions cell without a digit carries no due date.
  if (!single && !(typeof actionsText === "string" && /\d/.test(actionsText))) return [];
  const items = actionItems(actionsText, isOpen);
  const dated: number[] = [];
  items.forEach((item, at) => item.due !== null && dated.push(at));
  if (single && (single.dueText || dated.length === 0))
    return [singleAction(risk, single, items.length === 1 ? items[0] : null, isOpen)];
  // Named by its words wherever the cell lists several actions, even when only one of them carries a date.
  const cells = { owner: single?.owner ?? "", status: single?.status ?? "" };
  return namedApart(dated.map((at) => fromItem(items[at], at, cells, items.length, isOpen)));
}

/**
 * True when the risk's Action Due Date or Action Status cell lists several actions, one a line: the meeting
 * and the import never write such a cell whole (a new status or date would replace every line), only one
 * action's line of it (see OwnCellLines, withRawLine).
 */
export function ownCellsListSeveral(risk: RiskRecord): boolean {
  const due = cellLines(risk, "actionDue");
  return due.length > 1 || statusLines(risk, due.length, rawValue(risk, "actions")).length > 1;
}

/**
 * The Action Status cell's lines, one an action: no more than the due cell's lines or the actions cell's
 * items give actions (one at least). A line beyond them qualifies the line before ("In progress" ⏎ "On
 * track" on one action and one due date is one status), as a bracketed line qualifies a date.
 */
function statusLines(risk: RiskRecord, dueLines: number, actionsText: unknown): string[] {
  const lines = cellLines(risk, "actionStatus");
  if (lines.length <= Math.max(1, dueLines)) return lines; // nearly every row: the actions cell is not read
  const actions = Math.max(1, dueLines, actionItemTexts(actionsText).length);
  if (lines.length <= actions) return lines;
  return [
    ...lines.slice(0, actions - 1),
    lines
      .slice(actions - 1)
      .filter(Boolean)
      .join(" "),
  ];
}

/**
 * How findings name an own action: "on the register" for a risk's only one, else its words in quotes
 * before that ("\"Resurface A38\" on the register"), with its place where another is named alike
 * ("\"Gully cleansing\" (Action 2) on the register"), else its place ("2 on the register"). The Update Log
 * names it so too, and the history reads each back (collect-history's DUE_CHANGE keeps what follows the quotes).
 */
export function ownActionName(a: OwnAction, chars = NAME_CHARS): string {
  if (!a.oneOfSeveral) return OWN_ACTION_NAME;
  if (!a.text) return `${a.line} ${OWN_ACTION_NAME}`;
  const place = a.namedAlike ? ` (Action ${a.line})` : "";
  return `"${excerpt(a.text, chars)}"${place} ${OWN_ACTION_NAME}`;
}

/** How many characters of an own action's words its name quotes (see ownActionName). */
const NAME_CHARS = 60;

/**
 * The actions, each another would be named alike by its words (see ownActionName) marked so: only a row of
 * several own actions is looked at, its few actions against each other.
 */
function namedApart(actions: OwnAction[]): OwnAction[] {
  if (actions.length < 2) return actions;
  const names = actions.map((a) => (a.text ? excerpt(a.text, NAME_CHARS) : ""));
  names.forEach((name, i) => {
    if (name && names.some((other, j) => j !== i && other === name)) actions[i].namedAlike = true;
  });
  return actions;
}

/** The own-action cells' lines, aligned one an action. */
type AlignedCells = Record<"owner" | "due" | "status", CellLines>;

/** An own-action cell's lines as read, and the raw line each is written on. */
interface CellLines {
  /** Each line's words (see cellLines). */
  texts: string[];
  /** The 0-based raw line each of `texts` is written on; null where it is not one raw line's (see OwnCellLines). */
  at: (number | null)[];
}

/**
 * A cell's non-blank lines, list markers taken off, a placeholder line ("TBC") read as ""; [] when all are
 * blank. A line in brackets is a note on the line above ("31/08/2022\n(revised from June)"), not a line of its own.
 */
function cellLines(risk: RiskRecord, field: OwnCellField): string[] {
  const value = rawValue(risk, field);
  if (value === null) return NO_TEXTS;
  if (typeof value !== "string") return [rawText(risk, field)];
  return ownCellTextLines(value);
}

type OwnCellField = "actionOwner" | "actionDue" | "actionStatus";
const NO_TEXTS: string[] = [];

/**
 * A cell's lines `texts` (as cellLines or statusLines read them) with the raw line each is written on: read
 * again only for a row of several actions, so the many rows of one keep to cellLines' work. A cell that is not
 * text has no raw line, nor has a line read from several (status lines beyond the actions, read as the last).
 */
function linesAt(risk: RiskRecord, field: OwnCellField, texts: string[]): CellLines {
  const value = rawValue(risk, field);
  if (typeof value !== "string" || texts.length === 0) return { texts, at: texts.map(() => null) };
  const raw: number[] = [];
  const read = textCellLines(value, raw).length;
  return { texts, at: read > texts.length ? [...raw.slice(0, texts.length - 1), null] : raw };
}

/**
 * A text cell's lines as {@link cellLines} reads them; with `at`, the raw line each is written on pushed to it
 * (blank lines counted; a bracketed note joined to the line above is that line's).
 */
function textCellLines(text: string, at?: number[]): string[] {
  const texts: string[] = [];
  const raw = text.split(LINE_BREAK);
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i].trim();
    if (line === "") continue;
    if (line.startsWith("(") && texts.length > 0) texts[texts.length - 1] += ` ${line}`;
    else {
      texts.push(isPlaceholder(line) ? "" : withoutMarker(line));
      at?.push(i);
    }
  }
  return texts;
}

/** A text own-action cell's lines as {@link readOwnActions} reads them (see cellLines); [] when all are blank. */
export function ownCellTextLines(text: string): string[] {
  const texts = textCellLines(text);
  return texts.some(Boolean) ? texts : [];
}

/**
 * A text own-action cell with its action n's line (from 0, counted as {@link ownCellTextLines} counts them)
 * written `line` instead (see withRawLine); null when the cell has no line n.
 */
export function withOwnCellLine(text: string, n: number, line: string): string | null {
  const at: number[] = [];
  textCellLines(text, at);
  return n >= at.length ? null : withRawLine(text, at[n], line);
}

/**
 * A text cell with its raw line `at` (from 0, as {@link OwnCellLines} counts them) written `words` instead: its
 * list marker ("2.") or indent kept, and every other line, blank lines, bracketed notes and line breaks (CRLF,
 * LF or CR, as the cell has them) kept as they are; null when the cell has no such line.
 */
export function withRawLine(text: string, at: number, words: string): string | null {
  const raw = text.split(/(\r\n|\r|\n)/);
  const i = at * 2;
  if (at < 0 || i >= raw.length) return null;
  const marker = LIST_MARKER.exec(raw[i])?.[0] ?? /^\s*/.exec(raw[i])![0];
  raw[i] = marker + words;
  return raw.join("");
}

/**
 * The date of a due date as an action's line of the actions text writes it, without the word before it
 * ("due Dec-22" → "Dec-22", "by 31/12/22" → "31/12/22"): what withActionItemDue rewrites.
 */
export function dueDateWords(dueText: string): string {
  return dueText.replace(DUE_WORD, "");
}

/**
 * The actions text with the due date written on item `n`'s own line (from 0, as readOwnActions reads the text's
 * items: "1. Resurface A38 – JS – 31/12/22", "Review claims (due Dec-22)") written `date` instead: only that
 * date's characters change (a word before it, "due" or "by", kept), and every other character of the cell,
 * its other lines, blank lines, list markers and line breaks, stays as it is. Null where the text has no item
 * n, the item carries no date of its own, or the text would not read back as that action, with its words,
 * owner and status, due `date`.
 */
export function withActionItemDue(
  text: string,
  n: number,
  date: string,
  isOpen: IsOpenStatus,
): string | null {
  const spans: ItemSpan[] = [];
  const texts = actionItemTexts(text, spans);
  if (n < 0 || n >= texts.length) return null;
  const item = readItem(texts[n], isOpen);
  if (item.due === null) return null;
  const written = dueDateWords(item.dueText);
  // The raw lines and the breaks between them, so the breaks are written back as they were.
  const raw = text.split(/(\r\n|\r|\n)/);
  // The date stands at the end of the item's words (after a dash, or in a closing bracket): its last line
  // first, and the last of the words written so there first; the same words earlier on the line where that
  // one is not the due date ("due 31/12/22 (was 31/12/22)" keeps its history note).
  for (let line = spans[n][1]; line >= spans[n][0]; line--) {
    const words = raw[line * 2];
    for (
      let at = words.lastIndexOf(written);
      at >= 0;
      at = at > 0 ? words.lastIndexOf(written, at - 1) : -1
    ) {
      raw[line * 2] = words.slice(0, at) + date + words.slice(at + written.length);
      const out = raw.join("");
      if (readsAsDue(out, n, item, date, isOpen)) return out;
    }
    raw[line * 2] = words;
  }
  return null;
}

/** True when item `n` of the actions text reads as `before` did, its words, owner and status, due `date`. */
function readsAsDue(
  text: string,
  n: number,
  before: ActionItem,
  date: string,
  isOpen: IsOpenStatus,
): boolean {
  const texts = actionItemTexts(text);
  const now = texts.length > n ? readItem(texts[n], isOpen) : null;
  return (
    now !== null &&
    now.due !== null &&
    dueDateWords(now.dueText) === date &&
    now.text === before.text &&
    now.owner === before.owner &&
    now.status === before.status &&
    now.done === before.done
  );
}

/**
 * The actions text `now`, a co-author's change to the text `shown`, with the lines of each of `items` (places
 * among the text's items) as `written` (`shown` with those items' due dates rewritten: withActionItemDue) has
 * them, every other line of `now` kept. Null where `now` lists another number of items than `shown`, or one of
 * `items` is written otherwise in `now` than in `shown`: a co-author changed that action's own line, and the
 * meeting's would write over it.
 */
export function withActionItemLinesNow(
  now: string,
  shown: string,
  written: string,
  items: readonly number[],
): string | null {
  const [nowSpans, shownSpans, writtenSpans]: ItemSpan[][] = [[], [], []];
  actionItemTexts(now, nowSpans);
  actionItemTexts(shown, shownSpans);
  actionItemTexts(written, writtenSpans);
  if (nowSpans.length !== shownSpans.length || writtenSpans.length !== shownSpans.length) return null;
  const rawNow = now.split(/(\r\n|\r|\n)/);
  const linesOf = (text: string, [first, last]: ItemSpan) => text.split(LINE_BREAK).slice(first, last + 1);
  for (const n of items) {
    if (n < 0 || n >= shownSpans.length) return null;
    const theirs = linesOf(now, nowSpans[n]);
    if (theirs.join("\n") !== linesOf(shown, shownSpans[n]).join("\n")) return null;
    const ours = linesOf(written, writtenSpans[n]);
    if (ours.length !== theirs.length) return null;
    ours.forEach((line, k) => (rawNow[(nowSpans[n][0] + k) * 2] = line));
  }
  return rawNow.join("");
}

/** The risk's one own action, read from its cells as they are (the due cell as the check reads a date). */
function singleAction(
  risk: RiskRecord,
  cells: OwnActionCells,
  item: ActionItem | null,
  isOpen: IsOpenStatus,
): OwnAction {
  return {
    text: item?.text ?? "",
    owner: cells.owner,
    status: cells.status || (item?.status ?? ""),
    open: isOpen(cells.status) && !item?.done,
    due: fieldDate(risk, "actionDue", "deadline"),
    dueText: cells.dueText,
    dueField: "actionDue",
    line: 1,
    oneOfSeveral: false,
  };
}

/**
 * Several actions, line n of each own-action cell for action n (a cell of one line for every action: a due
 * cell of one line is read as the check reads a date cell, `dueOfCell`).
 */
function alignedActions(
  cells: AlignedCells,
  count: number,
  dueOfCell: DayNumber | null,
  items: readonly ActionItem[],
  isOpen: IsOpenStatus,
): OwnAction[] {
  const lineOf = ({ texts }: CellLines, n: number) => (texts.length === 1 ? texts[0] : (texts[n] ?? ""));
  // A cell of one line is every action's: none of them has a line of its own there.
  const rawLineOf = ({ texts, at }: CellLines, n: number) => (texts.length === 1 ? null : (at[n] ?? null));
  const actions: OwnAction[] = [];
  for (let n = 0; n < count; n++) {
    const item = items[n];
    const dueText = lineOf(cells.due, n);
    const status = lineOf(cells.status, n) || (item?.status ?? "");
    const due = cells.due.texts.length === 1 ? dueOfCell : dueText ? dueLineOf(dueText) : null;
    const onItsLine = !dueText && item?.due != null;
    actions.push({
      text: item?.text ?? "",
      owner: lineOf(cells.owner, n) || (item?.owner ?? ""),
      status,
      open: isOpen(status) && !item?.done,
      due: onItsLine ? item.due : due,
      dueText: onItsLine ? item.dueText : dueText,
      dueField: onItsLine ? "actions" : "actionDue",
      ...(onItsLine ? { dueItem: n } : {}),
      line: n + 1,
      oneOfSeveral: true,
      cellLines: {
        owner: rawLineOf(cells.owner, n),
        due: onItsLine ? null : rawLineOf(cells.due, n),
        status: rawLineOf(cells.status, n),
      },
    });
  }
  return actions;
}

/**
 * An actions cell's item that carries its own due date, as an action (`at`: its place among the cell's items,
 * dated or not, which numbers it as the officer's list does; `cells`: the one-line own-action cells; `listed`
 * how many actions the cell lists, dated or not).
 */
function fromItem(
  item: ActionItem,
  at: number,
  cells: { owner: string; status: string },
  listed: number,
  isOpen: IsOpenStatus,
): OwnAction {
  const status = item.status || cells.status;
  return {
    text: item.text,
    owner: item.owner || cells.owner,
    status,
    open: isOpen(status) && !item.done,
    due: item.due,
    dueText: item.dueText,
    dueField: "actions",
    dueItem: at,
    line: at + 1,
    oneOfSeveral: listed > 1,
  };
}

// ---------------------------------------------------------------------------------------------------
// The actions cell's items

/** One action of an actions cell, with what its own line says of it. */
interface ActionItem {
  /** Its words, the owner, date and status written after them taken off. */
  text: string;
  owner: string;
  status: string;
  due: DayNumber | null;
  dueText: string;
  /** True when its line marks it done ("(done)", "– Complete"). */
  done: boolean;
}

const NO_ITEMS: readonly ActionItem[] = [];

/** "1." "1)" "(a)" "a)" "•" "-" at a line's start, followed by a space. */
const LIST_MARKER = /^\s*(?:\(?(?:\d{1,2}|[a-z])[.)]|[•·▪◦●‣*–—-])(?=\s)\s*/i;

/** A line break as a cell may hold it: CRLF, LF or CR. */
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * A cell's non-blank lines, trimmed; with `at`, the raw line (from 0, blank lines counted) each is written on
 * pushed to it.
 */
function splitLines(text: string, at?: number[]): string[] {
  const raw = text.split(LINE_BREAK);
  const texts: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i].trim();
    if (!line) continue;
    texts.push(line);
    at?.push(i);
  }
  return texts;
}

const withoutMarker = (line: string): string => line.replace(LIST_MARKER, "").trim();

/**
 * The actions an actions cell lists: where some lines start with a list marker ("1.", "a)", "•"), one item
 * a marker, the lines after it joined to it (a line before the first marker is an item of its own unless it
 * ends in ":", a heading); else one item a line. A cell without a digit carries no due date: its items are
 * read only for their words and done markers.
 */
function actionItems(value: unknown, isOpen: IsOpenStatus): readonly ActionItem[] {
  const texts = actionItemTexts(value);
  return texts.length === 0 ? NO_ITEMS : texts.map((t) => readItem(t, isOpen));
}

/** The first and last raw line (from 0, blank lines counted, as LINE_BREAK splits the cell) an item is written on. */
type ItemSpan = [first: number, last: number];

/**
 * The words of each action an actions cell lists (see actionItems), as written; with `spans`, the raw lines
 * each is written on pushed to it (an item's lines after its marker joined to it).
 */
function actionItemTexts(value: unknown, spans?: ItemSpan[]): string[] {
  if (typeof value !== "string" || isPlaceholder(value)) return [];
  // Where each line is written is asked for only by the meeting's writes, never by the check's reading.
  const rawAt: number[] | undefined = spans && [];
  const lines = splitLines(value, rawAt);
  const texts: string[] = [];
  const marked = lines.some((l) => LIST_MARKER.test(l));
  let open = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const starts = !marked || LIST_MARKER.test(line);
    if (!starts && open) {
      texts[texts.length - 1] += ` ${line}`;
      if (spans) spans[spans.length - 1][1] = rawAt![k];
      continue;
    }
    // Before the first marker, a line ending in ":" is a heading, not an action.
    if (!starts && line.endsWith(":")) continue;
    texts.push(marked && starts ? withoutMarker(line) : line);
    if (spans) spans.push([rawAt![k], rawAt![k]]);
    open = marked && starts;
  }
  return texts;
}

/**
 * Between an action's words and its owner, date or status: a spaced dash as typed ("Resurface A38 – JS –
 * 31/08/22"), or a tab, as a table pasted from Word separates its columns ("Resurface A38⇥JS⇥31/08/22").
 */
const SEPARATOR = /\s*\t\s*|\s+[–—-]\s+/;
/** A bracketed note closing a line: "(done)", "(JS, 31/08/22)". */
const CLOSING_BRACKET = /\(([^()]*)\)$/;
/** The bracket closing a line (trimmed), looked for only where the line ends in ")". */
const closingBracket = (line: string): RegExpExecArray | null =>
  line.endsWith(")") ? CLOSING_BRACKET.exec(line) : null;
/** Words before a due date: "by 31/08/22", "Due: Aug 2022". */
const DUE_WORD = /^(?:due|by|target(?:\s+date)?|deadline)\b\s*:?\s*/i;

/**
 * A bracket closing a line that says what the due date was before ("(was 30/09/22)", "(revised from June)",
 * "(originally Q2)"): the officer's history of the action's slips, never its due date.
 */
const HISTORY_NOTE =
  /\(\s*(?:was|previously|prev|originally|orig|formerly|(?:revised|moved|slipped|changed|deferred|rescheduled)\s+from)\b[^()]*\)$/i;

/** A line with the history notes closing it taken off (see HISTORY_NOTE); the line itself when it has none. */
function withoutHistoryNotes(line: string): string {
  let rest = line;
  for (let m = HISTORY_NOTE.exec(rest); m; m = HISTORY_NOTE.exec(rest))
    rest = rest.slice(0, m.index).trimEnd();
  return rest;
}

/**
 * What an item's line says (see readItemWords); a date in a history note closing it ("due 31/12/22 (was
 * 30/09/22)") is not its due date: the line is read without the note, where the rest carries a date.
 */
function readItem(line: string, isOpen: IsOpenStatus): ActionItem {
  // Looked for only where the line ends in a bracket.
  const body = line.endsWith(")") ? withoutHistoryNotes(line) : line;
  if (body !== line) {
    const item = readItemWords(body, isOpen);
    if (item.due !== null) return item;
  }
  return readItemWords(line, isOpen);
}

/**
 * What an item's line says: its words; after a dash or a tab, an owner and a due date ("– JS – 31/08/22"),
 * then a status ("– Complete"); or in a closing bracket ("(done)", "(JS, 31/08/22)"). A line carrying no
 * date keeps its dashes as words ("Resurface A38 - Bristol Road"), a done marker alone taken off.
 */
function readItemWords(line: string, isOpen: IsOpenStatus): ActionItem {
  const item: ActionItem = { text: line, owner: "", status: "", due: null, dueText: "", done: false };
  let rest = line;
  // Closing brackets holding a date or a done word ("(done)"); another bracket is the action's words.
  for (let m = closingBracket(rest); m; m = closingBracket(rest)) {
    const pieces = m[1].split(/\s*[,;]\s*/).filter(Boolean);
    const says = pieces.map((p) => ({ p, due: deadlineOf(p), done: isDoneWord(p, isOpen) }));
    if (!says.some((s) => s.due !== null || s.done)) break;
    for (const s of says) {
      if (s.due !== null && item.due === null) [item.due, item.dueText] = [s.due, s.p];
      else if (s.done) [item.done, item.status] = [true, s.p];
      else item.owner ||= s.p;
    }
    rest = rest.slice(0, m.index).trimEnd();
  }
  const segments = rest.split(SEPARATOR);
  let due: DayNumber | null = null;
  let dateAt = segments.length - 1;
  for (; dateAt > 0 && (due = deadlineOf(segments[dateAt])) === null; dateAt--);
  if (due !== null) {
    item.due = due;
    item.dueText = segments[dateAt];
    if (dateAt > 1) item.owner = segments[dateAt - 1];
    item.status ||= segments.slice(dateAt + 1).join(" – ");
    item.done ||= item.status !== "" && !isOpen(item.status);
    item.text = segments.slice(0, Math.max(1, dateAt - 1)).join(" – ");
    return item;
  }
  // No date after a dash: only a done word closing the line ("… – Complete") is taken off.
  const last = segments.length > 1 ? segments[segments.length - 1] : "";
  if (last && isDoneWord(last, isOpen)) {
    [item.done, item.status] = [true, last];
    segments.pop();
  }
  item.text = segments.join(" – ");
  return item;
}

/**
 * True when a piece of a line is a done status alone: its done word, with at most a date or a percentage
 * ("done", "Complete", "Completed on 12/08/22", "100% complete"); not words after it ("Closed road").
 */
function isDoneWord(piece: string, isOpen: IsOpenStatus): boolean {
  if (piece.length > 40 || isOpen(piece)) return false;
  const words = piece.split(/\s+/).filter((w) => /[a-z]/i.test(w) && !DATE_WORD.test(w));
  return words.length <= 1;
}

/** Words a done status's date may hold ("on", "Aug", "September"). */
const DATE_WORD = /^(?:on|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?$/i;

/** A line of the Action Due Date cell as a deadline (a note after the date allowed), or null. */
function dueLineOf(text: string): DayNumber | null {
  const d = parseDate(text, null, "deadline");
  return d.ok ? d.value : null;
}

/**
 * A piece of text read whole as a due date (a month or quarter its last day; "by" or "Due:" before it
 * allowed), or null: "Ongoing", "Monthly" and words with no digit are no date, nor is a piece longer than a
 * date is written. Read once per distinct piece (the same dates recur down a register).
 */
function deadlineOf(text: string): DayNumber | null {
  if (text.length > 30 || !/\d/.test(text)) return null;
  let day = deadlines.get(text);
  if (day === undefined) {
    const d = parseDate(text.replace(DUE_WORD, ""), null, "deadline", { noteAfter: false });
    if (deadlines.size >= DEADLINES_KEPT) deadlines.clear();
    deadlines.set(text, (day = d.ok ? d.value : null));
  }
  return day;
}

/** The pieces read as due dates lately, and how many are kept before starting again. */
const deadlines = new Map<string, DayNumber | null>();
const DEADLINES_KEPT = 4096;

/**
 * Words that say a risk needs no action: "No further action required", "None", "NFA" (not an action's
 * reference, "NFA-04: natural flood alleviation"), with what follows them (see saysNoFurtherAction).
 */
const NO_FURTHER_ACTION =
  /^(?:nfa(?![\s-]*\d)|no\s+(?:further|additional|new|other)\s+(?:actions?|mitigations?|measures?)|no\s+actions?|none)(?:\s+(?:is\s+|are\s+)?(?:required|needed|necessary|planned|proposed|identified))?(?![\p{L}\p{N}])\s*/iu;
/** A mark ending the words saying so: "No further action – tolerate", "None required. Controls adequate." */
const AFTER_A_MARK = /^[–—:;.,(-]/;
/**
 * Words saying for how long there is none, which plan nothing: "at this time", "at present", "for now",
 * "currently", "until the next review" (not "until the contract is re-let, then retender": see saysNoFurtherAction).
 */
const FOR_NOW =
  /^(?:at\s+(?:this|the\s+present)\s+(?:time|stage|point)|at\s+(?:present|the\s+moment)|for\s+(?:now|the\s+time\s+being|the\s+moment)|currently|presently|until\b)/i;
/** "then" after an "until" names what is to be done: "until the contract is re-let, then retender". */
const THEN = /\bthen\b/i;

/**
 * True when a risk's actions text says, in words, that there is no action ("No further action required",
 * "No further action – tolerate", "None required. Controls adequate.", "No further action required until the
 * next review"). Words running on that plan something ("… until the contract is re-let, then retender"), or
 * an action the text leads with ("Install barriers; no further action required once fitted"), are an action.
 * The decision is recorded; whether it stands depends on the risk's strategy (risk/no-action).
 */
export function saysNoFurtherAction(text: string): boolean {
  const trimmed = text.trim();
  const m = NO_FURTHER_ACTION.exec(trimmed);
  if (!m) return false;
  const rest = trimmed.slice(m[0].length);
  if (rest === "" || AFTER_A_MARK.test(rest)) return true;
  return FOR_NOW.test(rest) && !THEN.test(rest);
}
