// A workbook in the 1904 date system, in the pane: dates read into the 1900 system the engine counts in (as
// the command line reads the file), and every date the pane writes stored back in the workbook's own system.
// And merged cells on a host below ExcelApi 1.13: each officer sheet says it was read without them, and why.

import type { CellValue } from "../../src/core/model/grid";
import { emptyEdits } from "../../src/core/model/edits";
import { emptyFormat, OWNED_MARKER } from "../../src/core/model/owned-tab";
import { buildUpdateLogTab } from "../../src/core/meeting/update-log-tab";
import { rowSnapshot } from "../../src/core/meeting/conflict";
import { fieldColumnsOf, recordToEdits } from "../../src/core/meeting/record";
import { checkWorkbook } from "../../src/core/check";
import { defaultSettings } from "../../src/core/model/settings";
import { MERGES_UNREAD_NOTE, mergesUnreadNote } from "../../src/core/read/structure-lines";
import { applyEdits } from "../../src/excel/apply-edits";
import { readAllSheets } from "../../src/excel/read-sheets";
import { openUpdateLog, recordUpdate } from "../../src/excel/record-update";
import { loadSettingsWithIssues } from "../../src/excel/settings-store";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import { uninstallFakeExcel, type FakeHost } from "../fakes/fake-excel";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";
import { install } from "./helpers";

afterEach(() => uninstallFakeExcel());

const DAYS_1904 = 1462;
/** 10 October 2022 in each system. */
const OCT10_1900 = 44844;
const OCT10_1904 = OCT10_1900 - DAYS_1904;

const v = (host: FakeHost, sheet: string, a1: string): CellValue => host.cell(sheet, a1)?.v ?? null;

describe("reading a 1904 workbook in the pane", () => {
  const sheets = (date1904: boolean) => ({
    use1904DateSystem: date1904,
    sheets: [
      {
        name: "Dates",
        values: [[OCT10_1904, OCT10_1904, 0.5, "text"]],
        numberFormats: [["dd/mm/yyyy", "General", "h:mm", "@"]],
      },
    ],
  });

  it("shifts numbers in date-formatted cells into the 1900 system, and no other number", async () => {
    install(sheets(true));
    const [grid] = await readAllSheets();
    // The time-only cell is shifted too, as the file reader does (exceljs's rule: any of y m d h s).
    expect(grid.values[0]).toEqual([OCT10_1900, OCT10_1904, 0.5 + DAYS_1904, "text"]);
  });

  it("leaves a 1900 workbook's numbers as they are", async () => {
    install(sheets(false));
    const [grid] = await readAllSheets();
    expect(grid.values[0]).toEqual([OCT10_1904, OCT10_1904, 0.5, "text"]);
  });

  it("learns the date system in the first sync it already makes (no sync added)", async () => {
    const host1900 = install(sheets(false));
    await readAllSheets();
    const syncs1900 = host1900.stats().syncs;
    const host1904 = install(sheets(true));
    await readAllSheets();
    expect(host1904.stats().syncs).toBe(syncs1900);
  });

  it("reads an owned tab's dates (below its first rows too) by their formats", async () => {
    const host = install({ use1904DateSystem: true, sheets: [{ name: "Register" }] });
    const rows: CellValue[][] = [["Date", "Text"]];
    for (let i = 0; i < 3000; i++) rows.push([OCT10_1900, `row ${i}`]);
    await writeOwnedTab({
      name: "Update Log",
      kind: "update-log",
      rows,
      format: { ...emptyFormat(), dateColumns: [0] },
    });
    // Stored in the 1904 system …
    expect(v(host, "Update Log", "A3001")).toBe(OCT10_1904);
    // … and read back as the 1900-system date it is.
    const log = (await readAllSheets()).find((g) => g.sheetName === "Update Log")!;
    expect(log.values[3000][0]).toBe(OCT10_1900);
  });

  it("reads the Settings tab's as-at date typed as a date", async () => {
    install({
      use1904DateSystem: true,
      sheets: [
        {
          name: "Risk Review Settings",
          visibility: "Hidden",
          values: [
            ["Contract Risk Review settings", null, OWNED_MARKER],
            ["Setting", "Value"],
            ["asAt", OCT10_1904],
          ],
          numberFormats: [[], [], [null, "dd/mm/yyyy"]],
        },
      ],
    });
    const loaded = await loadSettingsWithIssues();
    expect(loaded.issues).toEqual([]);
    expect(loaded.settings.asAt).toBe("2022-10-10");
  });
});

describe("writing dates into a 1904 workbook from the pane", () => {
  it("an owned tab's as-at date (a date cell) holds the 1904 serial; a 1900 workbook's the 1900 one", async () => {
    for (const date1904 of [true, false]) {
      const host = install({ use1904DateSystem: date1904, sheets: [{ name: "Register" }] });
      await writeOwnedTab({
        name: "Escalation",
        kind: "escalation",
        rows: [
          ["As at", { date: "2022-10-10" }],
          ["Count", 3],
        ],
        format: emptyFormat(),
      });
      expect(v(host, "Escalation", "B1")).toBe(date1904 ? OCT10_1904 : OCT10_1900);
      expect(v(host, "Escalation", "B2")).toBe(3);
    }
  });

  it("an Update Log row and the register's Last Reviewed date hold 1904 serials, and the row is no conflict", async () => {
    const values: CellValue[][] = [
      ["Contract risk register"],
      REGISTER_HEADERS,
      risk({ id: "HRC-001", lastReview: "01/06/2022", update: "Inspections increased" }),
    ];
    const host = install({ use1904DateSystem: true, sheets: [{ name: "IRIS Risks", values }] });
    // The register's Next Review cell made a real date (1904 serial) so the row holds a date to compare.
    const nextReview = REGISTER_HEADERS.findIndex((h) => /next review/i.test(String(h)));
    expect(nextReview).toBeGreaterThanOrEqual(0);
    const cell = host.sheet("IRIS Risks").ensure(2, nextReview);
    cell.v = OCT10_1904 + 30;
    cell.nf = "dd/mm/yyyy";
    const grids = await readAllSheets();
    const report = checkWorkbook(grids, {
      settings: defaultSettings(),
      asAt: "2022-10-10",
      today: "2022-10-10",
      source: "workbook",
    });
    const logSheet = await openUpdateLog(
      buildUpdateLogTab({ asAt: "2022-10-10", source: "workbook", version: "test", marking: "OFFICIAL" }),
      writeOwnedTab,
    );
    const facts = report.risks.find((f) => f.id === "HRC-001")!;
    const plan = recordToEdits(
      facts,
      { text: "Patrols doubled", noChange: false },
      {
        meetingDate: "2022-10-10",
        by: "Jane Smith",
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: null,
      },
    );
    const snap = rowSnapshot(
      facts.record,
      report.sheets.find((s) => s.name === facts.sheet)!,
    )!;
    const result = await recordUpdate({ cells: plan.cells, log: plan.log, logSheet, expected: [snap] });
    expect(result.ok).toBe(true);
    // Last Reviewed (J3) written as a 1904 serial.
    expect(v(host, "IRIS Risks", "J3")).toBe(OCT10_1904);
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!;
    expect(log.values.at(-1)![0]).toBe(OCT10_1904);
    // The rows read back are in the 1900 system, as the card's were.
    if (result.ok) expect(result.rowsNow[0][nextReview]).toBe(OCT10_1900 + 30);
  });

  it("an imported date cell and an Import Log row hold 1904 serials", async () => {
    const host = install({
      use1904DateSystem: true,
      sheets: [
        {
          name: "Register",
          values: [
            ["Risk ID", "Next Review"],
            ["R1", OCT10_1904],
          ],
          numberFormats: [[], [null, "dd/mm/yyyy"]],
        },
      ],
    });
    const edits = emptyEdits();
    // A date over a date-formatted cell keeps the cell's format (format null), so the edit says it is a date.
    edits.cells.push({ sheet: "Register", row: 1, col: 1, value: OCT10_1900 + 1, date: true });
    // A date with the import's own date format, into a General cell.
    edits.cells.push({ sheet: "Register", row: 1, col: 2, value: OCT10_1900, format: "dd/mm/yyyy" });
    // A plain number is not a date.
    edits.cells.push({ sheet: "Register", row: 1, col: 3, value: 42 });
    await applyEdits(edits);
    expect([v(host, "Register", "B2"), v(host, "Register", "C2"), v(host, "Register", "D2")]).toEqual([
      OCT10_1904 + 1,
      OCT10_1904,
      42,
    ]);
  });
});

describe("merged cells on a host below ExcelApi 1.13", () => {
  const spec = (apiVersion: string) => ({
    apiVersion,
    sheets: [
      {
        name: "Register",
        values: [
          ["Risk ID", "Owner"],
          ["R1", "Jo"],
          ["R2", null],
        ],
        merges: ["B2:B3"],
      },
    ],
  });

  it("marks each officer sheet as read without merges, because this Excel cannot list them", async () => {
    install(spec("1.9"));
    await writeOwnedTab({ name: "Escalation", kind: "escalation", rows: [["x"]], format: emptyFormat() });
    const grids = await readAllSheets();
    const reg = grids.find((g) => g.sheetName === "Register")!;
    expect(reg.mergesUnread).toBe("old-excel");
    expect(reg.merges).toBeUndefined();
    // Owned tabs are not asked about merges, so they say nothing.
    expect(grids.find((g) => g.sheetName === "Escalation")!.mergesUnread).toBeUndefined();
  });

  it("reads the merges on ExcelApi 1.13 and says nothing", async () => {
    install(spec("1.13"));
    const [reg] = await readAllSheets();
    expect(reg.mergesUnread).toBeUndefined();
    expect(reg.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 1 }]);
  });

  it("words the two reasons apart", () => {
    expect(mergesUnreadNote("too-many")).toBe(MERGES_UNREAD_NOTE);
    expect(mergesUnreadNote("old-excel")).toMatch(/^This version of Excel cannot list merged cells/);
    expect(mergesUnreadNote("old-excel")).toMatch(/top-left cell only/);
    expect(mergesUnreadNote("old-excel")).not.toBe(MERGES_UNREAD_NOTE);
  });
});
