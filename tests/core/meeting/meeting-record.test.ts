// The Meeting Record tab: sections, counts, links, new escalations against those at the start.

import {
  buildMeetingRecord,
  newEscalations,
  type MeetingRecordInput,
} from "../../../src/core/meeting/meeting-record";
import { buildUpdateLogTab, UPDATE_LOG_HEADER_ROW } from "../../../src/core/meeting/update-log-tab";
import { isDateCell, OWNED_MARKER } from "../../../src/core/model/owned-tab";
import type { Escalation } from "../../../src/core/model/report";
import { UPDATE_LOG_HEADER } from "../../../src/core/meeting/record";

const esc = (recordId: string, destinations: Escalation["destinations"], reasons: string[]): Escalation => ({
  recordId,
  sheet: "IRIS Risks",
  row: 3,
  destinations,
  reasons,
  trend: null,
});

const input: MeetingRecordInput = {
  meeting: {
    date: "2022-10-10",
    attendees: ["Jane Smith", "Ali Khan"],
    by: "Jane Smith",
    registers: [],
    annexes: ["Street Lighting"],
  },
  reviewed: [
    {
      id: "HRC-001",
      title: "Potholes",
      sheet: "IRIS Risks",
      row: 3,
      address: "A3",
      noChange: true,
      text: "No change this month",
      changes: [],
    },
    {
      id: "HRC-002",
      title: "Flooding",
      sheet: "IRIS Risks",
      row: 4,
      address: "A4",
      noChange: false,
      text: "Worse",
      changes: [
        { field: "likelihood", label: "Likelihood", from: "3", to: "4" },
        { field: "score", label: "Score", from: "12", to: "16" },
      ],
    },
  ],
  notReviewed: [
    {
      id: "HRC-003",
      title: "Lighting",
      owner: "Ali Khan",
      sheet: "IRIS Risks",
      row: 5,
      due: true,
      reason: "skipped",
    },
  ],
  escalationsAtStart: [esc("HRC-002", ["directorate-register"], ["score 12 in 9–15"])],
  escalationsAtEnd: [
    esc("hrc-002 ", ["corporate-register", "financial-cluster"], ["score 16 ≥ 16", "financial impact £10"]),
  ],
  source: "workbook",
  version: "0.1.0",
  marking: "OFFICIAL-SENSITIVE",
};

describe("buildMeetingRecord", () => {
  const tab = buildMeetingRecord(input);
  const text = tab.rows.map((r) =>
    r
      .filter((v) => v !== null && v !== "")
      .map((v) => (isDateCell(v) ? `date ${v.date}` : v))
      .join(" | "),
  );

  it("is the owned Meeting Record tab with the title block and marker", () => {
    expect([tab.name, tab.kind]).toEqual(["Meeting Record", "meeting-record"]);
    expect(tab.rows[0]).toContain(OWNED_MARKER);
    // The title names the day as the minutes write it, not as ISO text.
    expect(tab.rows[0][0]).toBe("Risk review meeting, 10/10/2022");
    expect(text[1]).toBe(
      "OFFICIAL-SENSITIVE | As at | date 2022-10-10 | Source: workbook | Contract Risk Review 0.1.0",
    );
  });

  it("lists attendees, reviewed risks, changes, risks not reviewed and new escalations", () => {
    expect(text).toEqual(
      expect.arrayContaining([
        "Attendees | Jane Smith, Ali Khan",
        "Registers | All",
        "Annexes | Street Lighting",
        "Summary | 2 reviewed (1 no change), 1 with changes, 1 not reviewed, 2 new escalations, 0 proposals accepted",
        "Risks reviewed (2)",
        "HRC-001 | Potholes | No change | No change this month | IRIS Risks",
        "HRC-002 | Flooding | Updated | Worse | Likelihood: 3 → 4; Score: 12 → 16 | IRIS Risks",
        "Changes made (2)",
        "HRC-002 | Score | 12 | 16",
        "Risks not reviewed (1)",
        "HRC-003 | Lighting | Ali Khan | Skipped | Yes",
        "New escalations (2)",
        "hrc-002  | Corporate risk register | IRIS Risks | score 16 ≥ 16",
      ]),
    );
    expect(tab.format.links).toEqual([
      {
        row: text.indexOf("HRC-001 | Potholes | No change | No change this month | IRIS Risks"),
        col: 0,
        sheet: "IRIS Risks",
        address: "A3",
      },
      {
        row: text.indexOf(
          "HRC-002 | Flooding | Updated | Worse | Likelihood: 3 → 4; Score: 12 → 16 | IRIS Risks",
        ),
        col: 0,
        sheet: "IRIS Risks",
        address: "A4",
      },
    ]);
  });

  it("names each register a risk reviewed once stands on (SPEC Owned tabs: shown once, naming each register)", () => {
    const [first] = input.reviewed;
    const onTwo = buildMeetingRecord({
      ...input,
      reviewed: [{ ...first, sheet: "Highways Risks", alsoOn: ["Directorate Register"] }],
    });
    const row = onTwo.rows.find((r) => r[0] === "HRC-001")!;
    expect(row.slice(0, 6)).toEqual([
      "HRC-001",
      "Potholes",
      "No change",
      "No change this month",
      "",
      "Highways Risks, Directorate Register",
    ]);
  });

  it("says None in empty sections", () => {
    const empty = buildMeetingRecord({ ...input, reviewed: [], notReviewed: [], escalationsAtEnd: [] });
    expect(empty.rows.filter((r) => r[0] === "None")).toHaveLength(5);
  });

  it("lists the proposals the chair accepted, in words, with their reasons", () => {
    const withProposals = buildMeetingRecord({
      ...input,
      proposalsAccepted: [
        {
          recordId: "HRC-002",
          sheet: "IRIS Risks",
          row: 4,
          action: "escalate",
          destination: "operations-board",
          reason: "score 16 above appetite (Cautious, 9) for 2 months",
        },
        {
          recordId: "HRC-009",
          sheet: "IRIS Risks",
          row: 11,
          action: "de-escalate",
          destination: "Highways Board",
          reason: "score 6 at or below appetite (Cautious, 9) for 3 months",
        },
      ],
    });
    const lines = withProposals.rows.map((r) => r.filter((v) => v !== null && v !== "").join(" | "));
    expect(lines).toEqual(
      expect.arrayContaining([
        "Summary | 2 reviewed (1 no change), 1 with changes, 1 not reviewed, 2 new escalations, 2 proposals accepted",
        "Proposals accepted (2)",
        "HRC-002 | Escalate to Operations Board | IRIS Risks | score 16 above appetite (Cautious, 9) for 2 months",
        "HRC-009 | De-escalate from Highways Board | IRIS Risks | score 6 at or below appetite (Cautious, 9) for 3 months",
      ]),
    );
  });
});

describe("newEscalations", () => {
  it("matches risks by sheet and folded id, and keeps only new destinations", () => {
    expect(
      newEscalations(input.escalationsAtStart, input.escalationsAtEnd).map((e) => e.destination),
    ).toEqual(["corporate-register", "financial-cluster"]);
    expect(newEscalations(input.escalationsAtEnd, input.escalationsAtEnd)).toEqual([]);
  });
});

describe("buildUpdateLogTab", () => {
  it("has the title block, then the header the reader recognises, and no entries", () => {
    const tab = buildUpdateLogTab({
      asAt: "2022-10-10",
      source: "workbook",
      version: "0.1.0",
      marking: "OFFICIAL",
    });
    expect(tab.rows).toHaveLength(UPDATE_LOG_HEADER_ROW + 1);
    // SPEC's order: date, register, risk id, by, text, no change, score, strategy, changes.
    expect(tab.rows[UPDATE_LOG_HEADER_ROW].slice(0, 9)).toEqual([
      "Date",
      "Register",
      "Risk ID",
      "By",
      "Update",
      "No change",
      "Score",
      "Strategy",
      "Changes",
    ]);
    expect(tab.rows[UPDATE_LOG_HEADER_ROW].slice(0, 9).sort()).toEqual([...UPDATE_LOG_HEADER].sort());
    expect(UPDATE_LOG_HEADER.slice(7)).toEqual(["Register", "Changes"]);
    expect(tab.format.headerRows).toEqual([UPDATE_LOG_HEADER_ROW]);
  });
});
