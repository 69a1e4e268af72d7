// Sheet detection by headers (SPEC "Check": "find the plan, registers, actions and log sheets … by their
// headers"): a register that names its risks (id, title, owner) is a register even when it has an
// "Actions" column and no score or strategy column; an actions sheet keeps its kind.

import { detectSheet } from "../../../src/core/read/detect-sheet";
import { gridFromRows } from "../../../src/core/model/grid";
import type { CellValue } from "../../../src/core/model/grid";
import { reportOf } from "../rules/harness";

const kindOf = (rows: CellValue[][]) => detectSheet(gridFromRows("Sheet1", rows)).kind;

describe("a register with an Actions column", () => {
  const REGISTER = ["Risk ID", "Risk Title", "Risk Owner", "Last Updated", "Status", "Actions"];

  it("is detected as a risk register, not an actions sheet", () => {
    expect(kindOf([REGISTER, ["R1", "Flooding", "Jane Smith", "01/10/2022", "Open", "Sandbags"]])).toBe(
      "risk-register",
    );
  });

  it("has its risks checked", () => {
    const report = reportOf([
      {
        name: "Risks",
        rows: [REGISTER, ["R1", "Flooding", null, "01/01/2022", "Open", "Sandbags"]],
      },
    ]);
    expect(report.sheets.find((s) => s.name === "Risks")?.kind).toBe("risk-register");
    const rules = report.findings.filter((f) => f.recordId === "R1").map((f) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(["risk/missing-owner", "risk/stale-update"]));
  });

  it("leaves an actions sheet an actions sheet", () => {
    const row = ["A1", "R1", "Jane Smith", "01/12/2022", "Open"];
    expect(kindOf([["Action ID", "Risk ID", "Owner", "Due", "Status"], row])).toBe("actions");
    expect(
      kindOf([
        ["Action", "Risk ID", "Owner", "Due", "Status"],
        ["Buy sandbags", ...row.slice(1)],
      ]),
    ).toBe("actions");
    expect(
      kindOf([
        ["Action ID", "Action", "Risk ID", "Action Owner", "Due Date", "Status"],
        ["A1", "Buy sandbags", "R1", "Jane Smith", "01/12/2022", "Open"],
      ]),
    ).toBe("actions");
  });
});

describe("a risk log with mitigating actions and a target date, and no score", () => {
  // A council's risk log: a row per risk, its mitigations in one column, the date the risk should be down by.
  it.each([
    [
      [
        "Risk ID",
        "Risk Title",
        "Risk Description",
        "Risk Owner",
        "Mitigating Actions",
        "Target Date",
        "Status",
      ],
    ],
    [["Risk Ref", "Risk", "Owner", "Controls / Actions", "Target Date", "Progress"]],
    [["Ref", "Risk Description", "Risk Owner", "Mitigation", "Target Date", "Status"]],
  ])("%j is a risk register", (header) => {
    const row = header.map((h, i) => (i === 0 ? "R1" : /date/i.test(h) ? "01/12/2022" : "Words"));
    expect(kindOf([header, row])).toBe("risk-register");
  });

  // An action tracker that repeats the risk's title for readability stays an actions sheet.
  it.each([
    [["Risk ID", "Risk Title", "Action", "Owner", "Due Date", "Status"]],
    [["Risk ID", "Risk Title", "Action", "Owner", "Target Date", "Status"]],
    [["Risk ID", "Risk Title", "Action", "Action Owner", "Target Date", "Status"]],
    [["Action ID", "Risk ID", "Risk Title", "Mitigating Actions", "Owner", "Target Date", "Status"]],
  ])("%j stays an actions sheet", (header) => {
    const row = header.map((h, i) => (i === 0 ? "R1" : /date/i.test(h) ? "01/12/2022" : "Words"));
    expect(kindOf([header, row])).toBe("actions");
  });
});
