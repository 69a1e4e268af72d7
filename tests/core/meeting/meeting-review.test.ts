// Review of the meeting (queue, card, record, Meeting Record, logged changes) against SPEC: each `it`
// is a wrong result an officer chairing the meeting would meet. These tests fail until the product is fixed.

import { buildCardIndex, cardFor } from "../../../src/core/meeting/card";
import { changesOfLogText } from "../../../src/core/meeting/logged-changes";
import { buildMeetingRecord } from "../../../src/core/meeting/meeting-record";
import {
  fieldColumnsOf,
  lastLoggedTexts,
  logChangesText,
  recordToEdits,
  type RecordChoice,
} from "../../../src/core/meeting/record";
import { isDateCell } from "../../../src/core/model/owned-tab";
import { defaultSettings } from "../../../src/core/model/settings";
import type { Report } from "../../../src/core/model/report";
import { action, actionsSheet, register, risk } from "../rules/harness";
import { reportOfSheets } from "./helpers";

const MEETING = "2022-10-10";

function planFor(report: Report, id: string, choice: RecordChoice, meetingDate = MEETING) {
  const facts = report.risks.find((f) => f.id === id)!;
  return recordToEdits(facts, choice, {
    meetingDate,
    by: "Jane Smith",
    columns: fieldColumnsOf(report),
    settings: defaultSettings(),
    lastLoggedText: lastLoggedTexts(report)(facts),
  });
}

/** A built tab's rows, each as its filled cells joined by " | " (dates as UK text). */
function tabLines(tab: ReturnType<typeof buildMeetingRecord>): string[] {
  return tab.rows.map((r) =>
    r
      .filter((v) => v !== null && v !== "")
      .map((v) => (isDateCell(v) ? `date ${v.date}` : String(v)))
      .join(" | "),
  );
}

describe("meeting review: the card", () => {
  it("shows an action whose risk id cell names several risks on each of those risks' cards", () => {
    // SPEC "Real registers": "One action, several risks: an actions row whose risk id cell lists several
    // ids ("SL-10, SL-11", "SL-10 / SL-11", "SL-10 & SL-11") belongs to each of them."
    const { report } = reportOfSheets([
      register(
        risk({ id: "SL-10", title: "Column failures" }),
        risk({ id: "SL-11", title: "Lantern stock" }),
      ),
      actionsSheet(action({ riskId: "SL-10, SL-11", actionId: "ACT-0003", action: "Replace columns" })),
    ]);
    const index = buildCardIndex(report, defaultSettings());
    for (const id of ["SL-10", "SL-11"]) {
      const card = cardFor(
        report.risks.find((f) => f.id === id)!,
        index,
      );
      expect([id, card.actions.map((a) => a.actionId)]).toEqual([id, ["ACT-0003"]]);
    }
  });
});

describe("meeting review: the Meeting Record", () => {
  it("gives an action's due date moved in the meeting in UK form, as the Update Log does", () => {
    // SPEC "Values": dates are UK day-first (never month-first or ISO to an officer); SPEC "Update Log":
    // "an action's due date or status: `ACT-0003 due 30/09/2022 → 31/10/2022`"; SPEC "Meeting Record":
    // "changes made".
    const { report } = reportOfSheets([
      register(risk({ id: "HRC-001", lastReview: "01/06/2022" })),
      actionsSheet(action({ riskId: "HRC-001", actionId: "ACT-0003", due: "30/09/2022" })),
    ]);
    const facts = report.risks[0];
    const card = cardFor(facts, buildCardIndex(report, defaultSettings()));
    const p = planFor(report, "HRC-001", {
      text: "Contractor needs another month",
      noChange: false,
      actions: [{ action: card.actions[0], due: "2022-10-31" }],
    });
    expect(logChangesText(p.changes)).toBe("ACT-0003 due 30/09/2022 → 31/10/2022");
    const tab = buildMeetingRecord({
      meeting: { date: MEETING, attendees: ["Jane Smith"], by: "Jane Smith", registers: [], annexes: [] },
      reviewed: [
        {
          id: "HRC-001",
          title: facts.title,
          sheet: facts.sheet,
          row: facts.row,
          address: "A3",
          noChange: false,
          text: p.text,
          changes: p.changes,
        },
      ],
      notReviewed: [],
      escalationsAtStart: [],
      escalationsAtEnd: [],
      source: "workbook",
      version: "0",
      marking: "OFFICIAL",
    });
    // The reviewed risk's changes in words, UK form; the Changes made block as real dates (date cells,
    // written dd/mm/yyyy: the owned-tab contract review), never ISO text.
    const lines = tabLines(tab).filter((l) => l.startsWith("HRC-001"));
    expect(lines[0]).toMatch(/Action ACT-0003 due: 30\/09\/2022 → 31\/10\/2022/);
    expect(tab.rows.find((r) => r[0] === "HRC-001" && r[1] === "Action ACT-0003 due")?.slice(0, 4)).toEqual([
      "HRC-001",
      "Action ACT-0003 due",
      { date: "2022-09-30" },
      { date: "2022-10-31" },
    ]);
  });

  it("reads back an action named by its words (no action id) as that action's change, not a change of owner", () => {
    // SPEC "Update Log": "the other changes made with it (an action's due date or status ...)"; SPEC
    // "Meeting Record": "changes made". A meeting resumed after the pane was reopened reads its changes back
    // from the Changes cell; an action with no Action Ref is named by its first words.
    const { report } = reportOfSheets([
      register(risk({ id: "HRC-001" })),
      actionsSheet(
        action({
          riskId: "HRC-001",
          actionId: null,
          action: "Owner to agree revised programme",
          status: "Open",
        }),
      ),
    ]);
    const card = cardFor(report.risks[0], buildCardIndex(report, defaultSettings()));
    const p = planFor(report, "HRC-001", {
      text: "Programme agreed",
      noChange: false,
      actions: [{ action: card.actions[0], status: "Complete" }],
    });
    const cell = String(p.log.rows.at(-1)![8]);
    expect(cell).toBe("Owner to agree revised programme status Open → Complete");
    const back = changesOfLogText(cell);
    // Read back, this must still be the action's status, never "Owner: to agree revised programme status Open → Complete".
    expect(back.map((c) => [c.field, c.from, c.to])).toEqual([["action.status", "Open", "Complete"]]);
  });
});
