// The history a register keeps in its own cells: the updates its update cell dates, line by line ("12/09/22 –
// reviewed at RMB", SPEC "Dated lines in the update text"), or its update columns month by month ("Update
// Sep-22"), as entries of the risk's history beside its log's; and the scores it keeps month by month ("Score
// Jul-22 | Score Aug-22"), as its monthly points where no log gives them.

import type { HistoryEntry } from "../model/history";
import { monthCells } from "../model/month-cells";
import { rawValue, type RiskRecord } from "../model/records";
import type { RiskFacts } from "../model/risk-summary";
import { datedLineForm, datedLines, type DatedLine } from "../parse/dated-lines";
import type { DayNumber } from "../parse/day";
import { ok } from "../parse/result";
import { parseScore } from "../parse/score";
import { parseRagWord } from "../parse/rag";
import type { Rag } from "../model/owned-tab";
import { foldSpaces } from "../parse/spaces";
import { REGISTER_AUTHOR } from "./history-log";
import { monthOf, type MonthIndex } from "./month";
import type { KeptScore } from "./monthly-points";

/**
 * The dated lines of a risk's update cell as history entries, in the order written: each an update on its
 * line's day, its text the line as the register writes it. A line the log already holds is left out: an
 * entry of its day whose words hold the line's (the meeting writes its words to the log and its dated line to
 * the cell), or the register's update the meeting carried into the log before replacing it, which holds
 * the whole cell. So is a month's column ("Update Sep-22") whose words an entry of that month holds: the
 * month's update, logged when it was written (by the meeting, or by hand in both places).
 */
export function updateCellEntries(
  facts: RiskFacts,
  logged: readonly HistoryEntry[],
  asAt: DayNumber,
): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const { day, line, wholeMonth } of registerUpdates(facts.record, asAt)) {
    const text = line.trim();
    if (wholeMonth ? monthHeldInLog(day, text, logged) : heldInLog(day, text, logged)) continue;
    out.push({
      day,
      month: monthOf(day),
      source: "update-cell",
      score: null,
      oldScore: null,
      text,
      noChange: false,
      by: "",
      strategy: "",
      changes: "",
      register: "",
      sheet: facts.sheet,
      row: facts.row,
    });
  }
  return out;
}

/**
 * The updates a risk's own update cells date, in the order written: the dated lines of its update text; where
 * the register keeps its updates month by month ("Update Sep-22"), each filled month up to the as-at date,
 * oldest first, as an update on its month's first day (SPEC "Values"), or as its own dated lines where the
 * month's cell carries them. Dated lines are read as at `asAt` (a programme of later dates is no update).
 */
export function registerUpdates(record: RiskRecord, asAt: DayNumber): RegisterUpdate[] {
  const months = monthCells(record, "update");
  if (months.length === 0) {
    const raw = rawValue(record, "update");
    return typeof raw === "string" ? datedLines(raw, asAt) : [];
  }
  return months.flatMap(({ day, cell }) => {
    const text = typeof cell.value === "string" ? cell.value : cell.text;
    const lines = datedLines(text, asAt);
    return lines.length > 0 ? lines : [{ day, line: text, wholeMonth: true }];
  });
}

/**
 * An update a risk's own cells date (see registerUpdates): a dated line on its day, or a month's column whose
 * words carry no date (`wholeMonth`), dated its month's first day as it stands for the whole month.
 */
export interface RegisterUpdate extends DatedLine {
  wholeMonth?: true;
}

/** True when a log entry holds the dated line `text` of `day` (see updateCellEntries). */
function heldInLog(day: DayNumber, text: string, logged: readonly HistoryEntry[]): boolean {
  const words = foldSpaces(datedLineForm(text)?.words ?? "");
  const line = foldSpaces(text);
  return logged.some((e) => {
    if (e.source !== "update-log") return false;
    const said = foldSpaces(e.text);
    if (e.by === REGISTER_AUTHOR) return said.includes(line);
    return e.day === day && words !== "" && said.includes(words);
  });
}

/** True when a log entry of the month starting `day` holds a month column's words `text` (see updateCellEntries). */
function monthHeldInLog(day: DayNumber, text: string, logged: readonly HistoryEntry[]): boolean {
  const month = monthOf(day);
  const words = foldSpaces(text);
  return logged.some(
    (e) => e.source === "update-log" && e.month === month && foldSpaces(e.text).includes(words),
  );
}

const NO_SCORES: readonly KeptScore[] = Object.freeze([]);

/**
 * The scores a register keeps month by month ("Score Jul-22 | Score Aug-22 | Score Sep-22"), oldest first, up
 * to the as-at month: each filled month's number (text read as scores are: "4x4=16"). None (a shared empty
 * list) where the register keeps its score in one column.
 */
export function registerMonthScores(record: RiskRecord): readonly KeptScore[] {
  const months = monthCells(record, "score");
  if (months.length === 0) return NO_SCORES;
  const out: KeptScore[] = [];
  for (const { day, cell } of months) {
    const n = typeof cell.value === "number" ? ok(cell.value) : parseScore(cell.text);
    if (n.ok && Number.isFinite(n.value)) out.push({ month: monthOf(day), score: n.value });
  }
  return out;
}

/** A RAG a register keeps for one month ("RAG Jul-22": Green). */
export interface KeptRag {
  month: MonthIndex;
  rag: Rag;
}

const NO_RAGS: readonly KeptRag[] = Object.freeze([]);

/**
 * The RAGs a register keeps month by month ("RAG Jul-22 | RAG Aug-22 | RAG Sep-22"), oldest first, up to the
 * as-at month: each filled month's RAG word, read as the RAG column is. None (a shared empty list) where the
 * register keeps its RAG in one column.
 */
export function registerMonthRags(record: RiskRecord): readonly KeptRag[] {
  const months = monthCells(record, "rag");
  if (months.length === 0) return NO_RAGS;
  const out: KeptRag[] = [];
  for (const { day, cell } of months) {
    const rag = parseRagWord(cell.text);
    if (rag.ok) out.push({ month: monthOf(day), rag: rag.value });
  }
  return out;
}
