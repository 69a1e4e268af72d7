// An Update Log kept by hand under the team's own headers, told from a register (SPEC "Fields": the update
// log's fields are "the Update Log tab's own headers (also when officers keep one by hand)"). A log says when
// (Date, Date of update), which risk (Risk ID, Ref) and whether anything changed (No change); a register
// names each risk and its owner, and may keep the date of its last update beside them.

import { detectSheet } from "../../../src/core/read/detect-sheet";
import { mapHeaders, type HeaderCell } from "../../../src/core/read/map-headers";
import { gridFromRows, type CellValue } from "../../../src/core/model/grid";

const kindOf = (rows: CellValue[][]) => detectSheet(gridFromRows("Sheet1", rows)).kind;

/** Header → field for a whole Update Log header row. */
function logFields(headers: string[]): Record<string, string | null> {
  const cells: HeaderCell[] = headers.map((text, col) => ({ col, text }));
  return Object.fromEntries(mapHeaders("update-log", cells).columns.map((c) => [c.header, c.field]));
}

describe("an Update Log's headers as officers write them", () => {
  it("reads Date of update, Ref, Commentary, No change and Current score", () => {
    expect(logFields(["Date of update", "Ref", "Commentary", "No change", "Current score"])).toEqual({
      "Date of update": "date",
      Ref: "riskId",
      Commentary: "text",
      "No change": "noChange",
      "Current score": "score",
    });
  });

  it.each([
    ["Update date", "date"],
    ["Date reviewed", "date"],
    ["Risk Ref", "riskId"],
    ["Risk Reference", "riskId"],
    ["Comments", "text"],
    ["Latest update", "text"],
    ["Residual score", "score"],
    ["Score after update", "score"],
  ])("%j is the log's %s", (header, field) => {
    expect(mapHeaders("update-log", [{ col: 0, text: header }]).columns[0].field).toBe(field);
  });

  it("takes the score the update recorded, never the one before it or an inherent or target one", () => {
    expect(logFields(["Previous score", "Current score"])).toEqual({
      "Previous score": null,
      "Current score": "score",
    });
    expect(logFields(["Inherent score", "Residual score"])).toEqual({
      "Inherent score": null,
      "Residual score": "score",
    });
    for (const header of ["Previous score", "Old score", "Score before", "Inherent score", "Target score"])
      expect(logFields([header])).toEqual({ [header]: null });
  });
});

describe("a sheet headed as a log is the Update Log; a register with an update date stays a register", () => {
  const row = ["12/09/2022", "HRC-001", "Two schemes slipped", "No", 9];

  it("a hand-kept log headed Date of update / Ref / Commentary / No change / Current score", () => {
    expect(kindOf([["Date of update", "Ref", "Commentary", "No change", "Current score"], row])).toBe(
      "update-log",
    );
  });

  it("a log that copies each risk's title beside its id is still a log", () => {
    expect(
      kindOf([
        ["Date", "Risk ID", "Risk Title", "Update", "No change", "Score"],
        ["12/09/2022", "HRC-001", "Resurfacing", "Reviewed", "No", 9],
      ]),
    ).toBe("update-log");
  });

  it("a register with a 'Date of update' column (and no No change column) is a register", () => {
    expect(
      kindOf([
        ["Ref", "Risk Title", "Risk Owner", "Current score", "Date of update", "Commentary"],
        ["HRC-001", "Resurfacing", "Jane Smith", 9, "12/09/2022", "Reviewed"],
      ]),
    ).toBe("risk-register");
  });

  it("a register naming its risks and owners with 'Date of update' and 'No change' columns is a register", () => {
    expect(
      kindOf([
        ["Ref", "Risk Title", "Risk Owner", "Current score", "Date of update", "No change", "Commentary"],
        ["HRC-001", "Resurfacing", "Jane Smith", 9, "12/09/2022", "No", "Reviewed"],
      ]),
    ).toBe("risk-register");
  });

  it("a register scoring its risks (likelihood, impact, score, description) with 'Date of update' and 'No change?' is a register", () => {
    expect(
      kindOf([
        [
          "Risk Ref",
          "Risk Description",
          "Likelihood",
          "Impact",
          "Risk Score",
          "Date of update",
          "No change?",
        ],
        ["TR-01", "Loss of key staff", 4, 4, 16, "05/10/2022", "No"],
      ]),
    ).toBe("risk-register");
  });

  it("a sheet named as an update log with the log's columns is the log, though it names title and owner", () => {
    const rows: CellValue[][] = [
      ["Date", "Risk ID", "Risk Title", "Risk Owner", "Update", "No change", "Current score"],
      ["12/09/2022", "HRC-001", "Resurfacing", "Jane Smith", "Programme slipped", "No", 12],
    ];
    for (const name of ["Update Log", "Risk Update History", "Risk Updates", "Review_Log"])
      expect(detectSheet(gridFromRows(name, rows)).kind).toBe("update-log");
    expect(kindOf(rows)).toBe("risk-register");
  });
});
