// A meeting under way, kept in the workbook so that starting it again after the task pane was closed (Excel on
// the web reloads it easily), on this computer or a co-author's, picks it up: its attendees and the risks the
// chair skipped. The updates recorded are in the Update Log already (recorded-earlier.ts); these two are
// written nowhere else, so the Meeting Record holds them, at its top, until the meeting is ended and its
// record takes their place. Only that block is ever written: the earlier meetings' records below it are left
// as they are (src/excel/meeting-record-block.ts).

import type { CellValue } from "../model/grid";
import type { OwnedTab } from "../model/owned-tab";
import { idKey } from "../model/records";
import { foldCaseAndSpaces } from "../parse/spaces";
import { cellText } from "../read/cell-text";
import {
  ATTENDEES,
  IN_PROGRESS,
  LIST_SEPARATOR,
  meetingTitle,
  NO_ATTENDEES,
  opensMeeting,
  SKIPPED_TITLE,
  startMeetingRecord,
  type MeetingInfo,
  type RecordHeading,
} from "./meeting-record";

/** A risk the chair skipped, as the Meeting Record under way lists it: its id, title and register. */
export interface SkippedRisk {
  id: string;
  title: string;
  sheet: string;
}

/** What a meeting under way has that the Update Log does not hold. */
export interface MeetingProgress {
  attendees: string[];
  /** The risks the chair skipped, not recorded since, in the order the record lists them. */
  skipped: SkippedRisk[];
}

/** How a skipped risk is known again: its register and id (as recordedEarlier knows a risk's records). */
export function progressKey(risk: { sheet: string; id: string }): string {
  return `${risk.sheet}\u0000${idKey(risk.id)}`;
}

/**
 * The Meeting Record while the meeting is under way: titled "Risk review meeting, 10/10/2022 (in progress)",
 * its Meeting block as the record's, and the risks skipped so far (id, title, register).
 */
export function buildMeetingProgress(
  meeting: MeetingInfo,
  skipped: readonly SkippedRisk[],
  heading: RecordHeading,
): OwnedTab {
  const tab = startMeetingRecord(`${meetingTitle(meeting.date)}${IN_PROGRESS}`, meeting, heading);
  tab.row([
    "Summary",
    "Under way: each update is in the Update Log as it is recorded; End meeting writes the full record here.",
  ]);
  tab.blank();
  tab.title(`${SKIPPED_TITLE}${skipped.length})`);
  tab.header(["Risk ID", "Title", "Register"]);
  if (skipped.length === 0) tab.row(["None"]);
  for (const r of skipped) tab.row([r.id, r.title, r.sheet]);
  return tab.build();
}

/**
 * The block of the meeting under way on `date` in the Meeting Record (buildMeetingProgress), found by its title
 * wherever it stands in the rows given (the tab's first rows as read, from row 1; columns A to C are enough):
 * `start` is its title's row (0-based), `end` the row after its last (its list of risks skipped, else its last
 * filled row before the next meeting's title), so the blank row and the meetings below are not its own.
 */
export interface ProgressBlock {
  start: number;
  end: number;
  /**
   * True when the block runs to the last row given, with neither the end of its list of risks skipped nor the
   * next meeting's title in them: rows beyond those read may be its own.
   */
  open: boolean;
  progress: MeetingProgress;
}

/** The meeting under way on `date` as `rows` hold it (see ProgressBlock); null when they hold none. */
export function findMeetingProgress(
  rows: readonly (readonly CellValue[])[],
  date: string,
): ProgressBlock | null {
  const title = `${meetingTitle(date)}${IN_PROGRESS}`;
  const start = rows.findIndex((r) => r[0] === title);
  if (start < 0) return null;
  const progress: MeetingProgress = { attendees: [], skipped: [] };
  let end = start + 1;
  for (let i = start + 1; i < rows.length; i++) {
    if (opensMeeting(rows[i])) return { start, end, open: false, progress }; // the next meeting's block
    if (rows[i].some((v) => cellText(v ?? null) !== "")) end = i + 1;
    const first = cellText(rows[i][0] ?? null);
    if (first === ATTENDEES) progress.attendees = attendeesOf(String(rows[i][1] ?? ""));
    if (!first.startsWith(SKIPPED_TITLE)) continue;
    // Below its header row, a row a risk until the block ends.
    for (i += 2; i < rows.length && cellText(rows[i][0] ?? null) !== ""; i++) {
      const [id, riskTitle, sheet] = rows[i].map((v) => cellText(v ?? null));
      if (sheet !== "") progress.skipped.push({ id, title: riskTitle, sheet });
    }
    return { start, end: Math.min(i, rows.length), open: i >= rows.length, progress };
  }
  return { start, end, open: true, progress };
}

/** What one pane knows of the meeting under way: its attendees, and the risks it skipped and recorded. */
export interface PaneProgress {
  attendees: readonly string[];
  /** The risks this pane skipped and has not recorded since, in its queue's order. */
  skipped: readonly SkippedRisk[];
  /** The progressKey of each risk this pane recorded. */
  recorded: ReadonlySet<string>;
  /** The pane's queue, in order: where a risk another pane skipped goes among this pane's. */
  queue: readonly SkippedRisk[];
}

/**
 * The meeting under way to write: what the Meeting Record holds now (`held`: a co-author's pane may have written
 * since this one read it) merged with what this pane knows, the same read-merge-write the Settings save makes,
 * so neither pane writes over the other. Attendees: those held, then this pane's not among them, as typed
 * (resumedAttendees). Risks skipped: those held and this pane's, less those this pane has recorded since, in
 * the queue's order; a risk this pane's queue does not hold (another pane's filters) after them, as held.
 */
export function mergedProgress(held: MeetingProgress | null, pane: PaneProgress): MeetingProgress {
  if (!held) return { attendees: [...pane.attendees], skipped: [...pane.skipped] };
  const skipped = new Set([...held.skipped, ...pane.skipped].map(progressKey));
  for (const key of pane.recorded) skipped.delete(key);
  const inQueue = new Set(pane.queue.map(progressKey));
  return {
    attendees: resumedAttendees(held.attendees, pane.attendees),
    skipped: [
      ...pane.queue.filter((r) => skipped.has(progressKey(r))),
      ...held.skipped.filter((r) => skipped.has(progressKey(r)) && !inQueue.has(progressKey(r))),
    ],
  };
}

/** The names of the attendees row (none for "(none recorded)"). */
function attendeesOf(text: string): string[] {
  return text.trim() === "" || text === NO_ATTENDEES ? [] : text.split(LIST_SEPARATOR);
}

/**
 * The attendees of a meeting picked up again: those the record holds, then any typed at the restart that it
 * does not name already (compared case- and space-insensitively, as the record row reads: "Smith, J" typed
 * again is not added twice).
 */
export function resumedAttendees(recorded: readonly string[], typed: readonly string[]): string[] {
  const named = `${LIST_SEPARATOR}${foldCaseAndSpaces(recorded.join(LIST_SEPARATOR))}${LIST_SEPARATOR}`;
  const added = typed.filter(
    (t) => !named.includes(`${LIST_SEPARATOR}${foldCaseAndSpaces(t)}${LIST_SEPARATOR}`),
  );
  return [...recorded, ...added];
}
