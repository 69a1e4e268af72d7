import { checkWorkbook } from "../../../src/core/check";
import { OWNED_MARKER } from "../../../src/core/model/owned-tab";
import { defaultSettings } from "../../../src/core/model/settings";
import { buildSummaryTabs } from "../../../src/core/summary";
import { closeOutByAim } from "../../../src/core/summary/plan-close-out-tab";
import { actionsSheet, grid, plan, register, risk } from "../rules/harness";

const settings = defaultSettings();
const sheets = [
  register(
    risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red", financial: "£300,000" }),
    risk({
      id: "HRC-002",
      likelihood: 3,
      impact: 3,
      score: 9,
      rag: "Amber",
      strategy: "Transfer",
      transferredTo: "Insurer",
    }),
    risk({ id: "HRC-003", likelihood: 1, impact: 2, score: 2, rag: "Green", lastReview: "01/06/2022" }),
    risk({ id: "HRC-004", status: "Closed", likelihood: 5, impact: 5, score: 25 }),
  ),
  actionsSheet(["HRC-001", "A1", "Patch", "Bob", "01/09/2022", "Open", "", ""]),
  plan(
    ["1.", "Risk management", "bg", "Action one", "July 2022", "RC", "MA", "Completed.", "Minutes"],
    [null, null, null, "Action two", "Dec 2022", "RC", "MA", "In progress", ""],
    ["2.", "Relationships", "bg", "Action three", "July 2022", "RC", "MA", "In progress", ""],
    ["3.", "Governance", "bg", "Action four", "July 2022", "RC", "MA", "Completed.", "Report"],
  ),
];
const report = checkWorkbook(sheets.map(grid), { settings, asAt: "2022-10-10", source: "book.xlsx" });
const tabs = buildSummaryTabs(report, settings, { version: "9.9.9" });
const tab = (name: string) => tabs.find((t) => t.name === name)!;
const rowsWith = (name: string, text: string) => tab(name).rows.filter((r) => r.some((c) => c === text));

describe("buildSummaryTabs", () => {
  it("writes the four tabs, each with the marker, as-at date, source, version and marking", () => {
    expect(tabs.map((t) => t.name)).toEqual(["Escalation", "Exceptions", "Risk Summary", "Plan Close-Out"]);
    for (const t of tabs) {
      expect(t.rows[0]).toContain(OWNED_MARKER);
      expect(t.rows[1]).toEqual(
        expect.arrayContaining([
          "OFFICIAL-SENSITIVE",
          "As at 2022-10-10",
          "Source: book.xlsx",
          "Contract Risk Review 9.9.9",
        ]),
      );
      expect(t.format.headerRows.length).toBeGreaterThan(0);
      expect(t.format.freezeBelowRow).toBe(t.format.headerRows[0]);
    }
  });

  it("puts the protective marking in every tab's page header, and none when the marking is blank", () => {
    expect(tabs.map((t) => t.format.pageHeader)).toEqual(tabs.map(() => "OFFICIAL-SENSITIVE"));
    const unmarked = buildSummaryTabs(report, { ...settings, protectiveMarking: " " }, { version: "9.9.9" });
    expect(unmarked.map((t) => t.format.pageHeader)).toEqual(tabs.map(() => undefined));
  });

  it("is deterministic: the same report gives the same tabs", () => {
    expect(buildSummaryTabs(report, settings, { version: "9.9.9" })).toEqual(tabs);
  });

  it("routes risks into destination blocks with reasons and links to the id cell", () => {
    const hrc1 = rowsWith("Escalation", "HRC-001");
    const reasons = hrc1.map((r) => r[9]);
    expect(reasons).toEqual([
      "score 20 ≥ 16",
      "financial impact £300,000",
      "financial impact £300,000 ≥ £50,000",
      "financial impact £300,000 ≥ £250,000",
    ]);
    const transfer = rowsWith("Escalation", "HRC-002").map((r) => r[9]);
    expect(transfer).toEqual(["score 9 in 9–15", "strategy Transfer"]);
    expect(rowsWith("Escalation", "HRC-004")).toEqual([]); // closed risks are not escalated
    const esc = tab("Escalation");
    const linkRow = esc.rows.indexOf(hrc1[0]);
    expect(esc.format.links).toContainEqual({ row: linkRow, col: 10, sheet: "IRIS Risks", address: "A3" });
    expect(esc.format.ragCells).toContainEqual({ row: linkRow, col: 5, rag: "red" });
  });

  it("lists every finding on Exceptions with a link to its cell", () => {
    const ex = tab("Exceptions");
    const stale = ex.rows.find((r) => r[1] === "risk/stale-update" && r[4] === "HRC-003")!;
    expect(stale).toBeDefined();
    expect(ex.format.links).toContainEqual({
      row: ex.rows.indexOf(stale),
      col: 3,
      sheet: "IRIS Risks",
      address: stale[3] as string,
    });
    const findingRows = ex.rows.filter((r) => r[0] === "Error" || r[0] === "Warning");
    expect(findingRows).toHaveLength(report.findings.length);
  });

  it("counts open risks into the heat map and colours each cell by its band", () => {
    const rs = tab("Risk Summary");
    const header = rs.rows.findIndex((r) => r[0] === "Likelihood \\ Impact");
    const row4 = rs.rows[header + 2]; // likelihood 4
    expect(row4[0]).toBe("4");
    expect(row4[5]).toBe(1); // HRC-001: 4 × 5
    const row5 = rs.rows[header + 1];
    expect(row5[5]).toBe(0); // HRC-004 is closed
    expect(rs.format.ragCells).toContainEqual({ row: header + 1, col: 5, rag: "red" });
    expect(rs.format.ragCells).toContainEqual({ row: header + 5, col: 1, rag: "green" });
    expect(rowsWith("Risk Summary", "Open")[0][1]).toBe(3);
    expect(rowsWith("Risk Summary", "Open and not updated this period")[0][1]).toBe(1);
  });

  it("rolls the plan up per aim with SPEC's RAG", () => {
    const aims = closeOutByAim(report);
    expect(aims.map((a) => [a.no, a.actions, a.completed, a.rag, a.readyToClose])).toEqual([
      ["1", 2, 1, "amber", false],
      ["2", 1, 0, "red", false],
      ["3", 1, 1, "green", true],
    ]);
  });
});
