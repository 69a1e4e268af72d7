// A meeting under way kept in the Meeting Record: its attendees and skipped risks read back when it is started
// again after the pane was closed (README Review: starting it again "picks up what was recorded earlier that day").

import {
  buildMeetingProgress,
  progressKey,
  readMeetingProgress,
  resumedAttendees,
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

/** A tab as Excel gives it back (readOwnedTab): values, dates as serials. */
const asRead = (tab: OwnedTab) => ({
  values: tab.rows.map((r) => r.map((c) => (isDateCell(c) ? storedCell(c).value : (c ?? null)))),
});

describe("the Meeting Record of a meeting under way", () => {
  const tab = buildMeetingProgress(meeting, [queue[1]], heading);
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
    expect([...progress.skipped]).toEqual([progressKey(queue[1].facts)]);
  });

  it("reads no meeting under way for another date, nor from a record of a meeting that was ended", () => {
    expect(readMeetingProgress(asRead(tab), "2022-10-11")).toBeNull();
    expect(
      readMeetingProgress({ values: [["Risk review meeting, 10/10/2022"], ["Meeting"]] }, meeting.date),
    ).toBeNull();
  });

  it("reads none recorded as no attendees, and None as no risk skipped", () => {
    const empty = buildMeetingProgress({ ...meeting, attendees: [] }, [], heading);
    expect(readMeetingProgress(asRead(empty), meeting.date)).toEqual({ attendees: [], skipped: new Set() });
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
