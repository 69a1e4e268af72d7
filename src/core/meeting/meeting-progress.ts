// A meeting under way, kept in the workbook so that starting it again after the task pane was closed (Excel on
// the web reloads it easily), on this computer or a co-author's, picks it up: its attendees and the risks the
// chair skipped. The updates recorded are in the Update Log already (recorded-earlier.ts); these two are
// written nowhere else, so the Meeting Record holds them, at its top, until the meeting is ended and its
// record takes their place (withEarlierMeetings).

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
  type RecordAsRead,
  type RecordHeading,
} from "./meeting-record";
import type { QueueItem } from "./queue";

/** What a meeting under way has that the Update Log does not hold. */
export interface MeetingProgress {
  attendees: string[];
  /** The keys (progressKey) of the risks the chair skipped, not recorded since. */
  skipped: Set<string>;
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
  skipped: readonly QueueItem[],
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
  for (const q of skipped) tab.row([q.facts.id, q.facts.title, q.facts.sheet]);
  return tab.build();
}

/**
 * The meeting on `date` under way as the Meeting Record holds it (buildMeetingProgress), or null when the
 * record holds none (the meeting is new, or was ended).
 */
export function readMeetingProgress(
  record: Pick<RecordAsRead, "values">,
  date: string,
): MeetingProgress | null {
  const title = `${meetingTitle(date)}${IN_PROGRESS}`;
  const { values } = record;
  const start = values.findIndex((r) => r[0] === title);
  if (start < 0) return null;
  const progress: MeetingProgress = { attendees: [], skipped: new Set() };
  for (let i = start + 1; i < values.length; i++) {
    if (opensMeeting(values[i])) break; // the next meeting's block
    const first = cellText(values[i][0] ?? null);
    if (first === ATTENDEES) progress.attendees = attendeesOf(String(values[i][1] ?? ""));
    if (!first.startsWith(SKIPPED_TITLE)) continue;
    // Below its header row, a row a risk until the block ends.
    for (i += 2; i < values.length && cellText(values[i][0] ?? null) !== ""; i++) {
      const [id, , sheet] = values[i].map((v) => cellText(v ?? null));
      if (sheet !== "") progress.skipped.add(progressKey({ sheet, id }));
    }
    break;
  }
  return progress;
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
