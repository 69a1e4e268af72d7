// Actions merge the same way as risks: by action id, else by risk id + action text, into the workbook's actions sheet.

import { gridFromRows, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { applyEditsToGrids } from "../../../src/core/merge/apply-edits-to-grids";
import { planImport } from "../../../src/core/merge/plan-import";
import { toWorkbookEdits } from "../../../src/core/merge/to-workbook-edits";
import { exportGrid, mappingFor, plan, registerGrid, risk } from "./helpers";

const EXPORT_ACTION_HEADERS = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
];
type A = [string, string, string, string, string, string];

function exportActions(rows: A[], headers = EXPORT_ACTION_HEADERS): Grid {
  return gridFromRows("IRIS Actions", [headers, ...rows], { origin: "iris.xlsx" });
}

/** The council's actions sheet: the export's columns plus a council-only "Council Comment". */
function councilActions(rows: A[], headers = EXPORT_ACTION_HEADERS): Grid {
  return gridFromRows(
    "Actions",
    [[...headers, "Council Comment"], ...rows.map((r) => [...r.slice(0, headers.length), "ours"])],
    { origin: "council.xlsx" },
  );
}

const A1: A = ["R-1", "A-1", "Inspect gullies", "Bob", "31/10/2022", "Open"];
const A2: A = ["R-1", "A-2", "Order salt", "Sue", "30/11/2022", "Open"];
const A3: A = ["R-2", "A-3", "Test columns", "Raj", "31/12/2022", "Complete"];

const register = registerGrid([risk("R-1"), risk("R-2")]);
const exportRisks = exportGrid([risk("R-1"), risk("R-2")]);

describe("actions by action id", () => {
  const wb = [register, councilActions([A1, A2, A3])];
  const exp = [
    exportRisks,
    exportActions([
      ["R-1", "A-1", "Inspect gullies", "Bob", "31/10/2022", "Complete"],
      ["R-2", "A-4", "New action", "Raj", "31/01/2023", "Open"],
    ]),
  ];
  const p = plan(exp, wb);

  it("changes, adds and flags the way risks do", () => {
    const a = p.actions!;
    expect(a.sheet).toBe("Actions");
    expect(a.changed).toMatchObject([
      { label: "A-1", riskId: "R-1", cells: [{ cell: "F2", old: "Open", new: "Complete" }] },
    ]);
    expect(a.added).toMatchObject([{ label: "A-4", row: 4 }]);
    expect(a.missing).toMatchObject([
      { label: "A-2", flag: { cell: "F3", new: "Open (not in IRIS export of 10/10/2022)" } },
      { label: "A-3", flag: null, noFlagReason: "done" },
    ]);
  });

  it("never writes the council's own column, backs up the actions sheet, and logs the action", () => {
    const edits = toWorkbookEdits(p);
    expect(edits.cells.filter((c) => c.sheet === "Actions" && c.col === 6)).toEqual([]);
    expect(edits.copies.map((c) => c.from)).toEqual(["Actions"]);
    // The action in its own column; an Import Log made before that column names it in the Field.
    expect(edits.logAppends[0].rows).toContainEqual([
      44844,
      "iris.xlsx",
      "Actions",
      "R-1",
      "A-1",
      "Action Status",
      "Open",
      "Complete",
      null,
    ]);
    expect(edits.logAppends[0].earlier?.[1].rows).toContainEqual([
      44844,
      "iris.xlsx",
      "Actions",
      "R-1",
      "Action Status (action A-1)",
      "Open",
      "Complete",
    ]);
  });

  it("re-import changes nothing", () => {
    const after = applyEditsToGrids(wb, toWorkbookEdits(p));
    const again = plan(exp, after);
    expect(again.cellCount).toBe(0);
    expect(again.actions?.unchanged).toBe(2);
  });

  it("refuses duplicate action ids in the export", () => {
    const dup = [exportRisks, exportActions([A1, ["R-2", "A-1", "Other", "Raj", "", "Open"]])];
    const r = planImport({
      exportGrids: dup,
      mapping: mappingFor(dup),
      workbookGrids: wb,
      targetRegister: "Register",
      settings: defaultSettings(),
      asAt: "2022-10-10",
      fileName: "iris.xlsx",
    });
    expect(!r.ok && r.problem).toMatchObject({
      code: "duplicate-action-ids",
      sheet: "IRIS Actions",
      rows: [2, 3],
    });
  });
});

describe("actions by risk id + action text", () => {
  const noRef = EXPORT_ACTION_HEADERS.filter((h) => h !== "Action Ref");
  const drop = (a: A) => [a[0], a[2], a[3], a[4], a[5]] as unknown as A;

  it("matches on the risk id and the action's words, case and spacing aside", () => {
    const wb = [register, councilActions([A1, A2].map(drop), noRef)];
    const exp = [
      exportRisks,
      exportActions([["r-1", "A-1", "INSPECT  gullies", "Bob", "31/10/2022", "Done"]]),
    ];
    const p = plan(exp, wb);
    expect(p.actions?.changed).toMatchObject([
      { cells: [{ header: "Action Status", old: "Open", new: "Done" }] },
    ]);
    expect(p.actions?.added).toEqual([]);
    expect(p.actions?.missing.map((m) => m.label)).toEqual(["R-1: Order salt"]);
  });
});

it("a workbook without an actions sheet: says so, invents none", () => {
  const exp = [exportRisks, exportActions([A1])];
  const p = plan(exp, [register]);
  expect(p.actions).toMatchObject({
    sheet: null,
    added: [],
    note: expect.stringMatching(/has no actions sheet, so the export's 1 actions were not imported/),
  });
  expect(toWorkbookEdits(p).cells.some((c: { sheet: string }) => c.sheet !== "Register")).toBe(false);
});

it("actions of risks outside this import are not flagged", () => {
  const other: A = ["X-9", "A-9", "Someone else's", "Kim", "", "Open"];
  const p = plan([exportRisks, exportActions([A1])], [register, councilActions([A1, other])]);
  expect(p.actions?.missing).toMatchObject([
    { label: "A-9", flag: null, noFlagReason: "belongs to a risk outside this import" },
  ]);
  expect(p.cellCount).toBe(0);
});

describe("a closed risk's actions that left the export with it (judgement)", () => {
  // IRIS drops a closed risk and its actions from its export: the risk is not flagged, nor are its actions.
  const closedRegister = registerGrid([risk("R-1"), risk("R-2", { "Risk Status": "Closed" })]);
  const B3: A = ["R-2", "A-3", "Test columns", "Raj", "31/12/2022", "Open"];

  it("an open action of a risk the register holds closed is not flagged", () => {
    const p = plan(
      [exportGrid([risk("R-1")]), exportActions([A1])],
      [closedRegister, councilActions([A1, B3])],
    );
    expect(p.actions?.missing).toMatchObject([
      { label: "A-3", flag: null, noFlagReason: "its risk is closed" },
    ]);
    expect(p.cellCount).toBe(0);
  });

  it("a risk the export closes this month: its missing action is not flagged either", () => {
    const p = plan(
      [exportGrid([risk("R-1"), risk("R-2", { "Risk Status": "Closed" })]), exportActions([A1])],
      [register, councilActions([A1, B3])],
    );
    expect(p.actions?.missing).toMatchObject([
      { label: "A-3", flag: null, noFlagReason: "its risk is closed" },
    ]);
  });

  it("a risk the export reopens: its missing action is flagged", () => {
    const p = plan(
      [exportGrid([risk("R-1"), risk("R-2", { "Risk Status": "Open" })]), exportActions([A1])],
      [closedRegister, councilActions([A1, B3])],
    );
    expect(p.actions?.missing).toMatchObject([
      { label: "A-3", flag: { new: "Open (not in IRIS export of 10/10/2022)" } },
    ]);
  });
});

describe("a due date the meeting moved since the last import (SPEC Imports: the later write wins)", () => {
  /** The add-in's Update Log with one meeting row whose Changes moved A-1's due date. */
  const updateLog = (changes: string) =>
    gridFromRows("Update Log", [
      ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Register", "Changes"],
      [44830, "R-1", "Jane Smith", "Gullies late", "No", 6, "Treat", "Register", changes],
    ]);
  const moved: A = ["R-1", "A-1", "Inspect gullies", "Bob", "30/11/2022", "Open"];
  const due = (p: ReturnType<typeof plan>) =>
    p.actions!.changed.flatMap((r) => r.cells).filter((c) => c.cell.startsWith("E"));

  it("keeps it, with no backup of the actions sheet, when the export still says what the Update Log says it replaced", () => {
    const p = plan(
      [exportRisks, exportActions([A1])],
      [register, councilActions([moved]), updateLog("A-1 due 31/10/2022 → 30/11/2022")],
    );
    expect(due(p)).toEqual([]);
    expect(p.actions!.notWritten).toEqual([
      expect.objectContaining({
        cell: "E2",
        reason: "edited-since-import",
        note: 'kept the register\'s edit made since the last import (the export still says "31/10/2022", as the sheet held before the meeting changed it)',
      }),
    ]);
  });

  it("writes the export's date when IRIS changed it since, saying it replaces the meeting's change", () => {
    const p = plan(
      [exportRisks, exportActions([["R-1", "A-1", "Inspect gullies", "Bob", "31/12/2022", "Open"]])],
      [register, councilActions([moved]), updateLog("A-1 due 31/10/2022 → 30/11/2022")],
    );
    expect(due(p)).toEqual([
      expect.objectContaining({
        cell: "E2",
        note: 'replaces the meeting\'s change, which the Update Log says moved it from "31/10/2022"',
      }),
    ]);
  });

  it("keeps it when the latest dated backup of the actions sheet holds what the export still says", () => {
    const backup = gridFromRows(
      "Backup Actions 2022-09-26",
      [
        [...EXPORT_ACTION_HEADERS, "Council Comment"],
        [...A1, "ours"],
      ],
      { owned: true },
    );
    const p = plan([exportRisks, exportActions([A1])], [register, councilActions([moved]), backup]);
    expect(due(p)).toEqual([]);
    expect(p.actions!.notWritten).toEqual([
      expect.objectContaining({ cell: "E2", reason: "edited-since-import" }),
    ]);
  });
});
