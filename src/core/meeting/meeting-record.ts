// The Meeting Record owned tab: who met, which risks were reviewed, what changed, what was left, new escalations.

import { OWNED_TAB_NAMES, type OwnedTab } from "../model/owned-tab";
import type { CellValue } from "../model/grid";
import type { QueueItem } from "./queue";
import { idKey } from "../model/records";
import { ukDateOfIso } from "../parse";
import type { DestinationId, Escalation } from "../model/report";
import { DESTINATION_LABELS } from "../escalate/destination-labels";
import { dateCell, TabBuilder } from "../summary/tab-builder";
import type { Proposal } from "../model/history";
import { proposalWords } from "./accept-proposal";
import { shownChange, type FieldChange } from "./record";

export interface MeetingInfo {
  /** ISO date of the meeting. */
  date: string;
  attendees: string[];
  /** The officer who recorded the updates. */
  by: string;
  /** Registers (sheet names) reviewed; empty = all. */
  registers: string[];
  /** Annexes reviewed; empty = all. */
  annexes: string[];
}

export interface ReviewedRisk {
  id: string;
  title: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** A1 address of the risk's id cell, for the link. */
  address: string;
  /** The other registers the same risk stands on (QueueItem.alsoOn): its record stands for each. */
  alsoOn?: readonly string[];
  noChange: boolean;
  text: string;
  changes: FieldChange[];
}

export interface NotReviewedRisk {
  id: string;
  title: string;
  owner: string;
  sheet: string;
  row: number;
  /** Was it due for its monthly update? */
  due: boolean;
  /** "skipped" when the chair skipped it, "not reached" otherwise. */
  reason: "skipped" | "not reached";
}

/** What became of a queued risk in the meeting: an update recorded, skipped by the chair, or neither (not reached). */
export type QueueOutcome = "recorded" | "skipped" | undefined;

/** The queued risks the meeting recorded no update for, each with why (skipped, or not reached). */
export function notReviewedRisks(
  queue: readonly QueueItem[],
  outcomeOf: (key: string) => QueueOutcome,
): NotReviewedRisk[] {
  return queue
    .filter((q) => outcomeOf(q.key) !== "recorded")
    .map((q) => ({
      id: q.facts.id,
      title: q.facts.title,
      owner: q.facts.owner,
      sheet: q.facts.sheet,
      row: q.facts.row,
      due: q.due,
      reason: outcomeOf(q.key) === "skipped" ? "skipped" : "not reached",
    }));
}

export interface NewEscalation {
  recordId: string;
  sheet: string;
  row: number;
  destination: DestinationId;
  reason: string;
}

export interface MeetingRecordInput {
  meeting: MeetingInfo;
  reviewed: ReviewedRisk[];
  notReviewed: NotReviewedRisk[];
  escalationsAtStart: readonly Escalation[];
  escalationsAtEnd: readonly Escalation[];
  /** Proposals the chair accepted in the meeting (recorded, never applied by themselves). */
  proposalsAccepted?: readonly Proposal[];
  source: string;
  version: string;
  marking: string;
}

/** A risk's route to one destination: by its row as well as its id, since two rows may share an id. */
const escalationKey = (e: Pick<Escalation, "sheet" | "recordId" | "row">, d: DestinationId) =>
  `${e.sheet}\u0000${e.row}\u0000${idKey(e.recordId)}\u0000${d}`;

/**
 * Destinations a risk is routed to at the end of the meeting that it was not routed to at the start. A risk
 * on several registers (one id) is one new escalation, naming each register ("Contract Risks, Directorate
 * Register"), as the Escalation tab counts it once.
 */
export function newEscalations(start: readonly Escalation[], end: readonly Escalation[]): NewEscalation[] {
  const before = new Set<string>();
  for (const e of start) for (const d of e.destinations) before.add(escalationKey(e, d));
  const out: NewEscalation[] = [];
  const byRisk = new Map<string, NewEscalation>();
  for (const e of end) {
    e.destinations.forEach((d, i) => {
      if (before.has(escalationKey(e, d))) return;
      const id = idKey(e.recordId);
      const same = id ? byRisk.get(`${id}\u0000${d}`) : undefined;
      if (same) {
        if (!same.sheet.split(", ").includes(e.sheet)) same.sheet = `${same.sheet}, ${e.sheet}`;
        return;
      }
      const added = {
        recordId: e.recordId,
        sheet: e.sheet,
        row: e.row,
        destination: d,
        reason: e.reasons[i] ?? "",
      };
      out.push(added);
      if (id) byRisk.set(`${id}\u0000${d}`, added);
    });
  }
  return out;
}

/** "Impact: 2 → 4"; a change with nothing to go to (a co-author's value written over) names what was. */
const changeText = (c: FieldChange) => {
  const { from, to } = shownChange(c);
  return to === "" ? `${c.label}: ${from}` : `${c.label}: ${from} → ${to}`;
};
/** A due date as a date cell; text that is no ISO date (a blank) as it is. */
const dueCell = (iso: string) => (ISO_DATE.test(iso) ? dateCell(iso) : iso);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const list = (xs: string[], none: string) => (xs.length ? xs.join(LIST_SEPARATOR) : none);

/** The Meeting Record's title, before its date: how an earlier meeting's block is told in the old tab. */
const MEETING_TITLE = "Risk review meeting, ";

/** What a meeting's title ends with while the meeting is under way (see buildMeetingProgress). */
export const IN_PROGRESS = " (in progress)";

/** "Risk review meeting, 10/10/2022": the title of the meeting's record. */
export function meetingTitle(date: string): string {
  return `${MEETING_TITLE}${ukDateOfIso(date)}`;
}

/** The label of the Meeting block's attendees row, and what it says when none were typed. */
export const ATTENDEES = "Attendees";
export const NO_ATTENDEES = "(none recorded)";
/** How the Meeting block joins its names (the attendees are split on it again when a meeting under way is resumed). */
export const LIST_SEPARATOR = ", ";

/** What the Meeting Record's heading is made from. */
export type RecordHeading = Pick<MeetingRecordInput, "source" | "version" | "marking">;

/**
 * The Meeting Record's builder, with its title block and its Meeting block (date, attendees, who recorded,
 * registers and annexes; the summary row is the caller's): the one place both the record and the record of a
 * meeting under way lay them out.
 */
export function startMeetingRecord(title: string, meeting: MeetingInfo, heading: RecordHeading): TabBuilder {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES["meeting-record"],
    "meeting-record",
    { title, asAt: meeting.date, ...heading },
    [14, 40, 14, 40, 50, 24],
  );
  tab.title("Meeting");
  tab.row(["Date", dateCell(meeting.date)]);
  tab.row([ATTENDEES, list(meeting.attendees, NO_ATTENDEES)]);
  tab.row(["Recorded by", meeting.by]);
  tab.row(["Registers", list(meeting.registers, "All")]);
  tab.row(["Annexes", list(meeting.annexes, "All")]);
  return tab;
}

/** Builds the Meeting Record tab, ready for the minutes. */
export function buildMeetingRecord(input: MeetingRecordInput): OwnedTab {
  const { meeting } = input;
  const tab = startMeetingRecord(meetingTitle(meeting.date), meeting, input);
  const changed = input.reviewed.filter((r) => r.changes.length > 0);
  const escalations = newEscalations(input.escalationsAtStart, input.escalationsAtEnd);
  const accepted = input.proposalsAccepted ?? [];

  tab.row([
    "Summary",
    `${input.reviewed.length} reviewed (${input.reviewed.filter((r) => r.noChange).length} no change), ${changed.length} with changes, ` +
      `${input.notReviewed.length} not reviewed, ${escalations.length} new escalations, ` +
      `${accepted.length} ${accepted.length === 1 ? "proposal" : "proposals"} accepted`,
  ]);
  tab.blank();

  tab.title(`Risks reviewed (${input.reviewed.length})`);
  tab.header(["Risk ID", "Title", "Outcome", "Update", "Changes", "Register"]);
  if (input.reviewed.length === 0) tab.row(["None"]);
  for (const r of input.reviewed) {
    const i = tab.row([
      r.id,
      r.title,
      r.noChange ? "No change" : "Updated",
      r.text,
      r.changes.map(changeText).join("; "),
      // Each register the risk stands on (SPEC Owned tabs: "shown once, naming each register it is on").
      [r.sheet, ...(r.alsoOn ?? [])].join(", "),
    ]);
    tab.link(i, 0, r.sheet, r.address);
  }
  tab.blank();

  tab.title(`Changes made (${changed.reduce((n, r) => n + r.changes.length, 0)})`);
  tab.header(["Risk ID", "Field", "From", "To", ""]);
  if (changed.length === 0) tab.row(["None"]);
  for (const r of changed)
    for (const c of r.changes) {
      // A due date moved is written as dates (SPEC: dates as Excel dates, never as text).
      if (c.field === "action.due") tab.row([r.id, c.label, dueCell(c.from), dueCell(c.to)]);
      else tab.row([r.id, c.label, c.from, c.to]);
    }
  tab.blank();

  tab.title(`Risks not reviewed (${input.notReviewed.length})`);
  tab.header(["Risk ID", "Title", "Owner", "Why", "Due for update"]);
  if (input.notReviewed.length === 0) tab.row(["None"]);
  // A risk whose proposal the chair accepted was reached, though no update was recorded for it.
  const proposalAccepted = (r: NotReviewedRisk) =>
    accepted.some((p) => p.sheet === r.sheet && p.row === r.row);
  for (const r of input.notReviewed)
    tab.row([
      r.id,
      r.title,
      r.owner,
      proposalAccepted(r)
        ? "Proposal accepted; no update recorded"
        : r.reason === "skipped"
          ? "Skipped"
          : "Not reached",
      r.due ? "Yes" : "No",
    ]);
  tab.blank();

  tab.title(`New escalations (${escalations.length})`);
  tab.header(["Risk ID", "Destination", "Register", "Reason", ""]);
  if (escalations.length === 0) tab.row(["None"]);
  for (const e of escalations) tab.row([e.recordId, DESTINATION_LABELS[e.destination], e.sheet, e.reason]);
  tab.blank();

  tab.title(`Proposals accepted (${accepted.length})`);
  tab.header(["Risk ID", "Proposal", "Register", "Reason", ""]);
  if (accepted.length === 0) tab.row(["None"]);
  for (const p of accepted) tab.row([p.recordId, proposalWords(p), p.sheet, p.reason]);
  return tab.build();
}

/** The title of a meeting under way's block of the risks skipped so far, before its count. */
export const SKIPPED_TITLE = "Risks skipped so far (";

/** True for a row that opens a meeting's block: its title ("Risk review meeting, 10/10/2022"). */
export const opensMeeting = (row: readonly CellValue[]): boolean =>
  typeof row[0] === "string" && row[0].startsWith(MEETING_TITLE);
