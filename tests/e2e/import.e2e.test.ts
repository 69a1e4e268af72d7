// The Import view in headless Chromium on the fake Excel host, with the real readers, merge and adapter:
// an IRIS .xlsx export chosen, mapped, previewed and applied by keyboard; the backup sheet, the Import Log
// (beside a user's own "Import Log") and the re-check checked in the fake; re-import writes nothing; axe.

import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import type { FakeWorkbookSpec } from "../fakes/fake-excel";
import { axeViolations, fakeSnapshot, fakeStats, pageWidth, shoot, usePaneSite } from "./harness";
import { contractorWorkbook, serial } from "./workbook";

const site = usePaneSite();

const USER_LOG = [["My own notes on imports"], ["Do not overwrite"]];

function workbook(): FakeWorkbookSpec {
  const wb = contractorWorkbook();
  wb.sheets.push({ name: "Import Log", values: USER_LOG });
  return wb;
}

const RISK_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Score",
  "Risk Response Strategy",
  "Latest Update",
  "Status",
  "IRIS Ref",
];

/** The contractor's export: HRC-001 and HRC-004 score up, HRC-002 strategy set and a formula-looking update, HRC-007 new, HRC-006 gone. */
async function exportXlsx(extraRows: (string | number)[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const risks = wb.addWorksheet("Risks");
  risks.addRow(["IRIS export: Highways"]);
  risks.addRow(RISK_HEADERS);
  const rows: (string | number)[][] = [
    [
      "HRC-001",
      "Winter gritting fleet availability",
      "J. Patel",
      5,
      4,
      20,
      "Treat",
      "Call-off contract signed",
      "Open",
      "I-1",
    ],
    [
      "HRC-002",
      "Street lighting column failures",
      "S. Okafor",
      3,
      3,
      9,
      "Treat",
      "=cmd|' /C calc'!A0",
      "Open",
      "I-2",
    ],
    ["HRC-003", "Gully cleansing backlog", "", 2, 4, 8, "Tolerate", "Backlog steady", "Open", "I-3"],
    [
      "HRC-004",
      "Bridge inspection resourcing",
      "M. Reid",
      3,
      5,
      15,
      "Transfer",
      "Framework call-off raised",
      "Open",
      "I-4",
    ],
    ["HRC-005", "TUPE pensions dispute", "L. Brown", 2, 2, 4, "Tolerate", "Settled", "Closed", "I-5"],
    ["HRC-007", "Drainage survey data loss", "T. Ng", 3, 4, 12, "Treat", "Backups restored", "Open", "I-7"],
  ];
  for (const r of [...rows, ...extraRows]) risks.addRow(r);
  const actions = wb.addWorksheet("Actions");
  actions.addRow([
    "Risk Reference",
    "Action Ref",
    "Action Description",
    "Action Owner",
    "Target Date",
    "Action Status",
  ]);
  actions.addRow([
    "HRC-001",
    "A-101",
    "Agree standby gritter call-off",
    "J. Patel",
    new Date(Date.UTC(2022, 10, 30)),
    "Complete",
  ]);
  actions.addRow([
    "HRC-007",
    "A-104",
    "Restore survey backups",
    "T. Ng",
    new Date(Date.UTC(2022, 11, 15)),
    "Open",
  ]);
  actions.getColumn(5).numFmt = "dd/mm/yyyy";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let exportBytes: Buffer;

beforeAll(async () => {
  exportBytes = await exportXlsx();
});

async function openImport(theme: "light" | "dark") {
  const pane = await site.open({ kind: "fake", workbookJson: JSON.stringify(workbook()) }, `?theme=${theme}`);
  const { page } = pane;
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("As-at date").fill("2022-10-10");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByText("Settings saved in this workbook.").waitFor({ state: "attached" });
  // Keyboard: the Import tab is reached from the tab list with the arrow keys.
  await page.getByRole("tab", { name: "Settings" }).focus();
  await page.getByRole("tab", { name: "Import" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Choose an .xlsx or .csv file…" }).waitFor();
  return pane;
}

async function chooseExport(page: Page, buffer = exportBytes) {
  await page.setInputFiles("input[type=file]", {
    name: "iris-october.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByRole("heading", { name: "Map the columns of “iris-october.xlsx”" }).waitFor();
}

/** Presses Enter on a button (keyboard activation). */
async function press(page: Page, name: string | RegExp) {
  const b = page.getByRole("button", { name, exact: typeof name === "string" });
  await b.focus();
  await page.keyboard.press("Enter");
}

describe("Import view on the fake Excel host", () => {
  it("imports an IRIS .xlsx: backup sheet, changed cells, Import Log beside the user's, re-check; the same file again changes nothing", async () => {
    const { context, page, blocked, errors } = await openImport("light");
    const before = await fakeSnapshot(page);
    const registerBefore = before.sheets.find((s) => s.name === "IRIS Risk Register")!;
    expect(await axeViolations(page)).toEqual([]);

    await chooseExport(page);
    expect(await page.getByRole("combobox", { name: "Merge into the register" }).innerText()).toBe(
      "IRIS Risk Register",
    );
    expect(await page.getByRole("combobox", { name: "Risk ID" }).first().innerText()).toBe("Risk ID");
    // "IRIS Ref" matches no field: carried as it is (the register has no such column, so it is not carried).
    expect(await page.getByRole("combobox", { name: "IRIS Ref" }).innerText()).toBe("Carry as it is");
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "import-map-light");
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);

    await press(page, "Preview changes");
    await page.getByRole("heading", { name: "What the import would change" }).waitFor();
    const risks = page.getByRole("region", { name: "Risks" });
    expect(await risks.getByRole("definition").allInnerTexts()).toEqual([
      "1",
      "3 (5 cells)",
      "1 (1 to be noted)",
      "2",
    ]);
    for (const name of [/^New risks/, /^Changed cells/, /^No longer in the export/])
      await risks.getByRole("button", { name }).first().click();
    expect(await risks.getByText("HRC-001 · Current Score (H6): 16 → 20").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "import-preview-light");
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);
    // Nothing written yet.
    expect(
      JSON.stringify((await fakeSnapshot(page)).sheets.find((s) => s.name === "IRIS Risk Register")),
    ).toBe(JSON.stringify(registerBefore));

    await press(page, "Apply the import");
    await page.getByRole("heading", { name: "Imported “iris-october.xlsx”" }).waitFor({ timeout: 30000 });
    const after = await fakeSnapshot(page);
    const names = after.sheets.map((s) => s.name);

    // The backup: the register as it was, marked as the add-in's own.
    const backupName = names.find((n) => /^Backup .*2022-10-10/.test(n) && n.includes("IRIS Risk Reg"))!;
    expect(backupName).toBeDefined();
    const backup = after.sheets.find((s) => s.name === backupName)!;
    expect(backup.values).toEqual(registerBefore.values);
    expect(after.names.some((n) => /^CRR_OWNED_/.test(n.name) && n.value.startsWith(`${backupName}!`))).toBe(
      true,
    );

    // The register: changes written, text kept as text, new risk appended, HRC-006 noted not deleted, council columns untouched.
    const reg = after.sheets.find((s) => s.name === "IRIS Risk Register")!;
    const row = (id: string) => reg.values.find((r) => r[0] === id)!;
    expect(row("HRC-001")[7]).toBe(20);
    expect(row("HRC-002")[12]).toBe("=cmd|' /C calc'!A0");
    expect(Object.keys(reg.formulas)).toEqual([]);
    expect(row("HRC-007")[1]).toBe("Drainage survey data loss");
    expect(String(row("HRC-006")[13])).toMatch(/not in IRIS export/i);
    expect(row("HRC-006")[15]).toBe("Escalated by member");
    expect(row("HRC-001")[15]).toBe("Fleet age 9 yrs");
    expect(row("HRC-001")[11]).toBe(serial("2022-09-28"));

    // The Import Log: ours beside the user's, one row per changed cell; the user's untouched.
    expect(after.sheets.find((s) => s.name === "Import Log")!.values).toEqual(USER_LOG);
    const log = after.sheets.find((s) => s.name === "Import Log (Risk Review)")!;
    const logRows = log.values.filter((r) => r[1] === "iris-october.xlsx");
    expect(logRows.length).toBeGreaterThanOrEqual(6);
    expect(logRows.some((r) => r[3] === "HRC-002" && r[7] === "=cmd|' /C calc'!A0")).toBe(true);
    expect(Object.keys(log.formulas)).toEqual([]);

    // The re-check ran: the pane reports findings, and the Risk Summary shows the movement.
    expect(await page.getByText(/The workbook now has \d+ errors? and \d+ warnings?/).count()).toBe(1);
    const movement = page.getByLabel("Movement since the last import");
    expect(await movement.getByRole("definition").allInnerTexts()).toEqual([
      "1: HRC-007",
      "0",
      "2: HRC-001, HRC-004",
      "0",
      "1: HRC-002",
    ]);
    const summary = after.sheets.find((s) => s.name === "Risk Summary")!;
    expect(JSON.stringify(summary.values)).toMatch(/HRC-007/);
    // The pane's Risk Summary carries its chart of open risks by RAG, month by month.
    expect(summary.charts.map((c) => c.type)).toEqual(["ColumnStacked"]);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "import-done-light");
    expect(await pageWidth(page)).toBeLessThanOrEqual(340);

    const s = await fakeStats(page);
    expect(s.failedSyncs).toBe(0);
    expect(s.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);

    // The same file again: the saved profile maps it, and nothing changes.
    await press(page, "Import another file");
    await chooseExport(page);
    await page.getByText("Mapped with the IRIS profile saved in this workbook: check and go on.").waitFor();
    const settled = JSON.stringify((await fakeSnapshot(page)).sheets);
    await press(page, "Preview changes");
    await page.getByText(/No changes: the register already matches/).waitFor();
    expect(await page.getByRole("button", { name: "Apply the import" }).count()).toBe(0);
    expect(JSON.stringify((await fakeSnapshot(page)).sheets)).toBe(settled);

    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("ends a bad file in a plain message naming it, and the workbook as it was (dark theme, axe)", async () => {
    const { context, page } = await openImport("dark");
    const before = JSON.stringify((await fakeSnapshot(page)).sheets);
    await page.setInputFiles("input[type=file]", {
      name: "iris.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("PK\u0003\u0004 truncated"),
    });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/"iris\.xlsx".*Nothing was written/s);
    expect(JSON.stringify((await fakeSnapshot(page)).sheets)).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "import-error-dark");

    await page.getByRole("button", { name: "Dismiss the message" }).click();
    await chooseExport(page);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "import-map-dark");
    await context.close();
  });

  it.each(["light", "dark"] as const)(
    "offers a renumbered risk as a pair, confirmed by keyboard: merged into the old row, the pair saved (%s, axe)",
    async (theme) => {
      const { context, page, errors } = await openImport(theme);
      // The contractor renumbered HRC-006 as HRC-106 (and its impact, score, strategy and update changed: 4 cells).
      const renumbered = await exportXlsx([
        [
          "HRC-106",
          "Pothole repair quality complaints",
          "J. Patel",
          4,
          4,
          16,
          "Treat",
          "Audit widened",
          "Open",
          "I-6",
        ],
      ]);
      await chooseExport(page, renumbered);
      await press(page, "Preview changes");
      const pairs = page.getByRole("region", { name: "The same risk under a new id?" });
      await pairs.waitFor();
      expect(await pairs.innerText()).toContain(
        "HRC-106 in the export looks like HRC-006 in the register, renumbered",
      );
      const risks = page.getByRole("region", { name: "Risks" });
      expect(await risks.getByRole("definition").allInnerTexts()).toEqual([
        "2",
        "3 (5 cells)",
        "1 (1 to be noted)",
        "2",
      ]);
      expect(await axeViolations(page)).toEqual([]);
      const same = page.getByRole("checkbox", { name: "Same risk: HRC-006 is now HRC-106" });
      await same.focus();
      await page.keyboard.press("Space");
      await page
        .getByText(/^Same risk: HRC-106 in the export updates HRC-006's row/)
        .waitFor({ state: "attached" });
      expect(await same.isChecked()).toBe(true);
      expect(await risks.getByRole("definition").allInnerTexts()).toEqual([
        "1",
        "4 (9 cells)",
        "0 (0 to be noted)",
        "2",
      ]);
      expect(await axeViolations(page)).toEqual([]);
      await shoot(page, `import-renumbered-${theme}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(340);

      await press(page, "Apply the import");
      await page.getByRole("heading", { name: "Imported “iris-october.xlsx”" }).waitFor({ timeout: 30000 });
      const after = await fakeSnapshot(page);
      const reg = after.sheets.find((s) => s.name === "IRIS Risk Register")!;
      const row = (id: string) => reg.values.find((r) => r[0] === id);
      expect(row("HRC-106")).toBeUndefined();
      expect(row("HRC-006")![7]).toBe(16);
      // The pair is kept with the IRIS profile in the hidden Settings sheet.
      const settingsSheet = after.sheets.find((s) => s.name === "Risk Review Settings")!;
      expect(JSON.stringify(settingsSheet.values)).toMatch(/HRC-006.*HRC-106/);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
