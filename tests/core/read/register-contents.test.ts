// What a register-shaped table holds besides live risks: closed risks (by the sheet's name or a section
// heading), opportunities (by the sheet's name), and issues logs, which are not registers.

import { gridFromRows } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso } from "../../../src/core/parse";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import {
  closedPlaceOf,
  closedPlaceText,
  isIssuesLog,
  namesClosedRisks,
  registerHoldsByName,
} from "../../../src/core/read/register-contents";
import { structureLines } from "../../../src/core/read/structure-lines";
import { REGISTER_HEADERS, risk } from "../rules/harness";

const AS_AT = dayFromIso("2022-10-10")!;

describe("namesClosedRisks", () => {
  it.each([
    "Closed Risks",
    "Closed",
    "CLOSED RISKS",
    "Archive",
    "Archived Risks",
    "Risks closed 2022-23",
    "Closed risks 2021/22",
    "Closed and de-escalated risks",
    "Closed risk log",
    "Highways closed risks",
    "Risks closed Sept 2022",
    "Retired risks",
    // Where the closed risks went from, not that they were taken off this sheet.
    "Closed risks (removed from the register)",
    // The closed risks, removed or deleted from the register: the sheet holds them.
    "Closed & removed risks",
    "Closed and deleted risks",
  ])("%s holds closed risks", (text) => {
    expect(namesClosedRisks(text)).toBe(true);
  });

  it.each([
    "Risk Register (Closed & Open)",
    "Risk Register 2022-23",
    "Risk Register",
    "Financial and commercial risks",
    "Risks to be closed",
    "Not closed",
    "Reopened risks (previously closed)",
    "Closed landfill sites",
    "Open risks",
    // The closed risks were taken off this sheet.
    "Risks (closed ones removed)",
    "Risks (archived ones removed)",
    "Risks excluding closed",
    "Risks (closed risks taken out)",
    "Risks (closed removed)",
    "Risks (excl. archived)",
    "Risks - closed ones removed",
    // The Archives Service is the council's record office.
    "Archives Service Risks",
    "Archive Centre risks",
    "",
  ])("%s does not", (text) => {
    expect(namesClosedRisks(text)).toBe(false);
  });
});

describe("registerHoldsByName", () => {
  it.each<[string, ReturnType<typeof registerHoldsByName>]>([
    ["Closed Risks", "closed-risks"],
    ["Opportunities", "opportunities"],
    ["Opportunity Register", "opportunities"],
    ["Risks and Opportunities", null],
    ["Risk Register", null],
    ["Proposed risks", null],
    // A dated copy is history (read as a dated backup is), whatever it calls itself.
    ["Risk Reg archive copy Aug 22", null],
    ["Closed Risks backup 31-08-2022", null],
  ])("%s: %s", (name, holds) => {
    expect(registerHoldsByName(name)).toBe(holds);
  });
});

describe("isIssuesLog", () => {
  const layout = (headers: string[]) => {
    const { layouts } = readWorkbook(
      [gridFromRows("Sheet", [headers, headers.map(() => "x")])],
      defaultSettings(),
      AS_AT,
    );
    return layouts.get("Sheet")!;
  };

  it("an Issues Log's headers speak of issues: read as no register, and the sheet list says why", () => {
    const grid = gridFromRows("Issues Log", [
      ["Issue ID", "Issue Title", "Issue Owner", "Impact", "Actions", "Last Updated", "Status"],
      ["ISS-01", "Flooding claims", "", 4, "", "01/06/2022", "Open"],
    ]);
    const { sheets, records } = readWorkbook([grid], defaultSettings(), AS_AT);
    expect(sheets[0]).toMatchObject({ kind: "unknown", recordCount: 0 });
    expect(sheets[0].note).toMatch(/issues log/);
    expect(records.risks).toEqual([]);
  });

  it("a register with Risk headers, or one that scores likelihood, is a register whatever its words of issues", () => {
    expect(isIssuesLog(layout(["Risk ID", "Issue Title", "Owner", "Impact", "Strategy"]), "Issues Log")).toBe(
      false,
    );
    expect(isIssuesLog(layout(["Ref", "Issue", "Owner", "Likelihood", "Impact", "Strategy"]), "Log")).toBe(
      false,
    );
  });
});

describe("readWorkbook: what a register holds", () => {
  it("a sheet named as closed risks is a register that holds closed risks, and the sheet list says so", () => {
    const grid = gridFromRows("Closed Risks", [REGISTER_HEADERS, risk()]);
    const { sheets, layouts } = readWorkbook([grid], defaultSettings(), AS_AT);
    expect(sheets[0]).toMatchObject({ kind: "risk-register", holds: "closed-risks", recordCount: 1 });
    expect(layouts.get("Closed Risks")?.holds).toBe("closed-risks");
    expect(structureLines(sheets[0])[0]).toMatch(/^Read as closed risks/);
  });

  it("a section heading saying the rows below are closed is marked so in the sheet list; an ordinary one is not", () => {
    const grid = gridFromRows("Risk Register", [
      REGISTER_HEADERS,
      ["Operational risks"],
      risk(),
      ["CLOSED RISKS"],
      risk({ id: "HRC-002", status: null }),
    ]);
    const { sheets } = readWorkbook([grid], defaultSettings(), AS_AT);
    expect(sheets[0].sections).toEqual([
      { row: 1, text: "Operational risks" },
      { row: 3, text: "CLOSED RISKS", closed: true },
    ]);
    expect(structureLines(sheets[0])).toContain(
      "Sections: Operational risks (row 2); CLOSED RISKS (row 4; its risks read as closed).",
    );
  });
});

describe("closedPlaceOf: the one test of a row closed by where it stands (the check and the import read it)", () => {
  const closedPlace = closedPlaceOf(
    new Map([
      ["Risk Register", {}],
      ["Closed Risks", { holds: "closed-risks" as const }],
      ["Opportunities", { holds: "opportunities" as const }],
    ]),
  );

  it("a row on a sheet of closed risks stands closed there, whatever heading is above it", () => {
    expect(closedPlace({ sheet: "Closed Risks" })).toEqual({ sheet: "Closed Risks" });
    expect(closedPlace({ sheet: "Closed Risks", section: "Highways" })).toEqual({ sheet: "Closed Risks" });
  });

  it("a row under a CLOSED RISKS heading stands closed under it; other rows are live", () => {
    expect(closedPlace({ sheet: "Risk Register", section: "CLOSED RISKS" })).toEqual({
      sheet: "Risk Register",
      section: "CLOSED RISKS",
    });
    expect(closedPlace({ sheet: "Risk Register", section: "Operational risks" })).toBeNull();
    expect(closedPlace({ sheet: "Risk Register" })).toBeNull();
    expect(closedPlace({ sheet: "Opportunities" })).toBeNull();
  });

  it("says where in words", () => {
    expect(closedPlaceText({ sheet: "Closed Risks" })).toBe("on Closed Risks");
    expect(closedPlaceText({ sheet: "Risk Register", section: "CLOSED RISKS" })).toBe(
      "under CLOSED RISKS on Risk Register",
    );
  });
});
