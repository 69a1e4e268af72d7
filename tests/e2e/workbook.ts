// The workbook the browser test puts in the fake Excel: a contractor-style register with a title
// block, the contractor's actions sheet, the council's improvement plan, and a user sheet that
// happens to be called "Exceptions" (so the add-in must write its own tab under another name).

import type { FakeWorkbookSpec } from "../fakes/fake-excel";

/** Excel's serial number for an ISO date (whole UTC days; 1970-01-01 is 25569). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

type Cell = string | number | null;

const DATE = "dd/mm/yyyy";

/** Number formats for a block of rows: `dateCols` get the date format, the rest General. */
function formats(rows: Cell[][], dateCols: number[], fromRow: number): (string | null)[][] {
  return rows.map((r, i) => r.map((_, c) => (i >= fromRow && dateCols.includes(c) ? DATE : "General")));
}

const REGISTER: Cell[][] = [
  ["Contractor Risk Register: Highways and Public Realm", null, null, null, null, null],
  ["Contract HPR-2019-001 · reporting period September 2022", null, null, null, null, null],
  ["OFFICIAL-SENSITIVE", null, null, null, null, null],
  [null, null, null, null, null, null],
  [
    "Risk ID", "Risk Title", "Service Annex", "Risk Owner", "Date Raised", "Current Likelihood", "Current Impact",
    "Current Score", "RAG Status", "Risk Response Strategy", "Mitigating Actions", "Last Updated", "Latest Update",
    "Status", "Financial Impact (£)", "Contractor Notes",
  ],
  ["HRC-001", "Winter gritting fleet availability", "Annex 3 Winter Service", "J. Patel", serial("2021-09-01"), 4, 4, 16, "Red", "Treat", "Standby gritters on call-off", serial("2022-09-28"), "Call-off contract signed", "Open", 120000, "Fleet age 9 yrs"],
  ["HRC-002", "Street lighting column failures", "Annex 5 Street Lighting", "S. Okafor", serial("2021-11-12"), 3, 3, 9, "Amber", null, "Structural testing programme", serial("2022-06-15"), "Testing 40% complete", "Open", null, null],
  ["HRC-003", "Gully cleansing backlog", "Annex 2 Highway Maintenance", null, serial("2022-01-20"), 2, 4, 8, "Amber", "Tolerate", null, serial("2022-10-03"), "Backlog steady", "Open", null, null],
  ["HRC-004", "Bridge inspection resourcing", "Annex 4 Structures", "M. Reid", serial("2022-02-02"), 3, 5, 12, "Amber", "Transfer", "Specialist inspectors via framework", serial("2022-09-20"), "Framework call-off raised", "Open", 300000, null],
  ["HRC-005", "TUPE pensions dispute", "Annex 1 Contract Management", "L. Brown", serial("2021-05-05"), 2, 2, 4, "Green", "Tolerate", "Legal advice", serial("2022-05-01"), "Settled", "Closed", null, null],
  ["HRC-006", "Pothole repair quality complaints", "Annex 2 Highway Maintenance", "J. Patel", serial("2022-03-14"), 4, 3, 12, "Red", "Mitigate", "Audit 10% of repairs", null, "Audit started", "Open", 60000, "Escalated by member"],
];

const ACTIONS: Cell[][] = [
  ["Risk Reference", "Action Ref", "Action Description", "Action Owner", "Target Date", "Action Status", "Progress Update", "Update Date"],
  ["HRC-001", "A-101", "Agree standby gritter call-off", "J. Patel", serial("2022-11-30"), "In progress", "Draft agreed", serial("2022-09-28")],
  ["HRC-003", "A-102", "Clear zone 4 gully backlog", "T. Ng", serial("2022-09-30"), "Open", "Crews booked", serial("2022-10-01")],
  ["HRC-005", "A-103", "Close pension liability file", "L. Brown", serial("2022-12-31"), "Open", null, null],
];

const PLAN: Cell[][] = [
  ["Highways Contract Improvement Plan: Close-Out", null, null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null, null],
  ["No", "Improvement Aim", "Background", "Action", "Date", "Lead Director", "Lead Officer", "Progress Status", "Evidence"],
  [1, "Strengthen contract governance", "Audit found risks reviewed irregularly", "Monthly risk review meeting", "July 2022", "Director of Place", "Head of Highways", "Completed", "Minutes, August 2022"],
  [null, null, "Registers not shared", "Publish the register monthly", "Sept 2022", "Director of Place", "Head of Highways", "Completed", null],
  [2, "Improve data quality", "Two registers disagree", "Single IRIS export each month", "Q4 2022", "Director of Place", "Contract Manager", "In progress", null],
  [null, null, null, "Train officers on IRIS", "TBC", "Director of Place", null, "Not started", null],
  [3, "Financial grip", "Overspend on reactive works", "Monthly cost report to board", "31/08/2022", "Director of Finance", "Finance Business Partner", "Delayed", null],
];

/** The fake workbook, with dates as serial numbers in date-formatted cells. */
export function contractorWorkbook(): FakeWorkbookSpec {
  return {
    sheets: [
      {
        name: "IRIS Risk Register",
        values: REGISTER,
        numberFormats: formats(REGISTER, [4, 11], 5),
        merges: ["A1:F1"],
      },
      { name: "Contractor Actions", values: ACTIONS, numberFormats: formats(ACTIONS, [4, 7], 1) },
      { name: "Improvement Plan", values: PLAN, numberFormats: formats(PLAN, [], 0) },
      { name: "Exceptions", values: [["My own list of exceptions"], ["Do not overwrite"]] },
    ],
  };
}
