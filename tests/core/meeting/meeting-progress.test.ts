// A meeting under way kept in the Meeting Record: its attendees and skipped risks read back when it is started
// again after the pane was closed (README Review: starting it again "picks up what was recorded earlier that day").

import {
  buildMeetingProgress,
  findMeetingProgress,
  mergedProgress,
  progressKey,
  resumedAttendees,
  type MeetingProgress,
  type PaneProgress,
} from "../../../src/core/meeting/meeting-progress";
import { buildQueue } from "../../../src/core/meeting/queue";
import { isDateCell, OWNED_MARKER, storedCell, type OwnedTab } from "../../../src/core/model/owned-tab";
import { register, risk } from "../rules/harness";
import { reportOfSheets } from "./helpers";

const meeting = {
  date: "2022-10-10",
  attendees: ["Cllr A Patel", "Smith, John", "R Chen (BBLP)"],
  by: "Jane Smith",
  registers: [],
  annexes: [],
};
const heading = { source: "workbook", version: "0.1.0", marking: "OFFICIAL-SENSITIVE" };
const { report } = reportOfSheets([
  register(
    risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/07/2022" }),
    risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "02/07/2022" }),
  ),
]);
const queue = buildQueue(report, { meetingDate: meeting.date });

/** A tab's rows as Excel gives them back (values, dates as serials). */
const asRead = (tab: OwnedTab) =>
  tab.rows.map((r) => r.map((c) => (isDateCell(c) ? storedCell(c).value : (c ?? null))));
/** The meeting under way on `date` as the rows hold it (findMeetingProgress), or null. */
const readMeetingProgress = (rows: (string | number | boolean | null)[][], date: string) =>
  findMeetingProgress(rows, date)?.progress ?? null;

describe("the Meeting Record of a meeting under way", () => {
  const tab = buildMeetingProgress(meeting, [queue[1].facts], heading);
  const text = tab.rows.map((r) =>
    r.filter((v) => v !== null && v !== "" && v !== OWNED_MARKER && !isDateCell(v)).join(" | "),
  );

  it("is titled as under way and lists the attendees and the risks skipped so far", () => {
    expect(tab.name).toBe("Meeting Record");
    expect(text).toEqual(
      expect.arrayContaining([
        "Risk review meeting, 10/10/2022 (in progress)",
        "Attendees | Cllr A Patel, Smith, John, R Chen (BBLP)",
        "Risks skipped so far (1)",
        "Risk ID | Title | Register",
        "HRC-002 | Winter gritting fleet | IRIS Risks",
      ]),
    );
  });

  it("reads back as written: the attendees, shown again as they were, and the skipped risks by register and id", () => {
    const progress = readMeetingProgress(asRead(tab), meeting.date)!;
    expect(progress.attendees.join(", ")).toBe("Cllr A Patel, Smith, John, R Chen (BBLP)");
    expect(progress.skipped.map(progressKey)).toEqual([progressKey(queue[1].facts)]);
    expect(progress.skipped[0]).toEqual({
      id: "HRC-002",
      title: "Winter gritting fleet",
      sheet: "IRIS Risks",
    });
  });

  it("reads no meeting under way for another date, nor from a record of a meeting that was ended", () => {
    expect(readMeetingProgress(asRead(tab), "2022-10-11")).toBeNull();
    expect(readMeetingProgress([["Risk review meeting, 10/10/2022"], ["Meeting"]], meeting.date)).toBeNull();
  });

  it("reads none recorded as no attendees, and None as no risk skipped", () => {
    const empty = buildMeetingProgress({ ...meeting, attendees: [] }, [], heading);
    expect(readMeetingProgress(asRead(empty), meeting.date)).toEqual({ attendees: [], skipped: [] });
  });

  it("is found by its title below rows inserted above it, and ends with its list of risks skipped: the blank row and the meetings below are not its own", () => {
    const earlier = [["Risk review meeting, 12/09/2022"], ["Meeting"], ["Attendees", "Someone else"]];
    const rows = [[], [], ...asRead(tab), [], ...earlier];
    const block = findMeetingProgress(rows, meeting.date)!;
    expect(block.start).toBe(2);
    expect(block.end).toBe(2 + tab.rows.length);
    expect(block.open).toBe(false);
    expect(block.progress.attendees).toEqual(["Cllr A Patel", "Smith", "John", "R Chen (BBLP)"]);
  });

  it("says when the rows read end inside its list of risks skipped (rows beyond them may be its own)", () => {
    const rows = asRead(tab);
    expect(findMeetingProgress(rows, meeting.date)!.open).toBe(true);
    expect(findMeetingProgress([...rows, []], meeting.date)!.open).toBe(false);
  });
});

describe("mergedProgress: two panes on one meeting", () => {
  const [a, b] = [queue[0].facts, queue[1].facts];
  /** A risk another pane's filters queued, not this pane's. */
  const c = { id: "X-9", title: "Elsewhere", sheet: "Other" };
  const pane = (over: Partial<PaneProgress> = {}): PaneProgress => ({
    attendees: ["Cllr A Patel"],
    skipped: [],
    recorded: new Set<string>(),
    queue: [a, b],
    ...over,
  });

  it("keeps the attendees the record holds and adds this pane's, as typed", () => {
    const held: MeetingProgress = { attendees: ["Cllr A Patel", "K Lee"], skipped: [] };
    expect(mergedProgress(held, pane({ attendees: ["cllr a patel", "R Chen"] })).attendees).toEqual([
      "Cllr A Patel",
      "K Lee",
      "R Chen",
    ]);
  });

  it("keeps the risks either pane skipped, in the queue's order, less those this pane recorded since; another pane's risk outside this queue after them", () => {
    const held: MeetingProgress = { attendees: [], skipped: [c, b] };
    expect(mergedProgress(held, pane({ skipped: [a] })).skipped).toEqual([a, b, c]);
    const recorded = new Set([progressKey(b)]);
    expect(mergedProgress(held, pane({ skipped: [a], recorded })).skipped).toEqual([a, c]);
  });

  it("with nothing held, is this pane's own", () => {
    expect(mergedProgress(null, pane({ skipped: [b] }))).toEqual({
      attendees: ["Cllr A Patel"],
      skipped: [b],
    });
  });
});

describe("resumedAttendees", () => {
  it("keeps those recorded and adds those typed at the restart that it does not name already", () => {
    expect(
      resumedAttendees(["Cllr A Patel", "Smith", "John"], ["smith, john", "K Lee", "cllr a  patel"]),
    ).toEqual(["Cllr A Patel", "Smith", "John", "K Lee"]);
    expect(resumedAttendees([], ["K Lee"])).toEqual(["K Lee"]);
  });
});
