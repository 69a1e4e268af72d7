// Cases from a review of the meeting's Office.js writing against SPEC: each `it` names what must hold.

import { loggedRows } from "../helpers/logged-rows";
import { checkWorkbook } from "../../src/core/check";
import { idKey } from "../../src/core/model/records";
import { defaultSettings } from "../../src/core/model/settings";
import type { Report } from "../../src/core/model/report";
import { OWNED_MARKER } from "../../src/core/model/owned-tab";
import { rowSnapshot } from "../../src/core/meeting/conflict";
import { fieldColumnsOf, recordToEdits } from "../../src/core/meeting/record";
import { buildUpdateLogTab } from "../../src/core/meeting/update-log-tab";
import { readAllSheets } from "../../src/excel/read-sheets";
import { openUpdateLog, recordUpdate } from "../../src/excel/record-update";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";
import { install, nameAsOwned } from "./helpers";

const MEETING = "2022-10-10";
const SERIAL_MEETING = 44844;
const HEADING = { asAt: MEETING, source: "workbook", version: "test", marking: "OFFICIAL" };

async function checked(): Promise<Report> {
  return checkWorkbook(await readAllSheets(), {
    settings: defaultSettings(),
    asAt: MEETING,
    today: MEETING,
    source: "workbook",
  });
}

describe("recordUpdate: cases from the SPEC review", () => {
  it("writes each value under the log's own header when the headers differ only in case, punctuation or underscores", async () => {
    // SPEC "Fields": headers are matched on their words, ignoring case, punctuation and underscores;
    // the Update Log's fields are its own headers "also when officers keep one by hand".
    const header = [
      "Date",
      "Risk_ID",
      "By",
      "Update",
      "No change?",
      "SCORE",
      "Strategy",
      "Register",
      "Changes",
    ];
    const host = install({
      sheets: [
        {
          name: "IRIS Risks",
          values: [
            ["Contract risk register"],
            REGISTER_HEADERS,
            risk({ id: "HRC-001", lastReview: "01/06/2022" }),
          ],
        },
        {
          name: "Update Log",
          values: [
            ["Update Log", null, null, null, null, null, null, null, null, OWNED_MARKER],
            ["OFFICIAL"],
            [],
            header,
            [44800, "HRC-001", "Ali Khan", "Inspections increased", "No", 12, "Treat", "IRIS Risks", ""],
          ],
        },
      ],
    });
    nameAsOwned(host, "Update Log");
    const report = await checked();
    const logSheet = await openUpdateLog(buildUpdateLogTab(HEADING), () =>
      Promise.reject(new Error("the log exists: must not write")),
    );
    const facts = report.risks.find((f) => f.id === "HRC-001")!;
    const plan = recordToEdits(
      facts,
      { text: "", noChange: true },
      {
        meetingDate: MEETING,
        by: "Jane Smith",
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: "Inspections increased",
      },
    );
    const snap = rowSnapshot(
      facts.record,
      report.sheets.find((s) => s.name === facts.sheet)!,
    )!;
    const result = await recordUpdate({ cells: plan.cells, log: plan.log, logSheet, expected: [snap] });
    expect(result.ok).toBe(true);

    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!;
    // The sheet's rows reach column J (the marker in row 1): nothing is written beyond the log's columns.
    const width = header.length;
    const beyond = (row: readonly unknown[]) => row.slice(width).filter((v) => v !== "" && v !== null);
    expect(log.values[3].slice(0, width)).toEqual(header); // no second Risk ID, No change or Score column
    expect([beyond(log.values[3]), beyond(log.values[5])]).toEqual([[], []]);
    expect(log.values[5].slice(0, width)).toEqual([
      SERIAL_MEETING,
      "HRC-001",
      "Jane Smith",
      "No change this month",
      "Yes",
      12,
      "Treat",
      "IRIS Risks",
      "",
    ]);
    // Read back, the meeting's entry belongs to HRC-001 and says no change.
    const after = await checked();
    expect(loggedRows(after.history).map((e) => [e.riskKey, e.by, e.noChange])).toEqual([
      [idKey("HRC-001"), "Ali Khan", false],
      [idKey("HRC-001"), "Jane Smith", true],
    ]);
  });
});
