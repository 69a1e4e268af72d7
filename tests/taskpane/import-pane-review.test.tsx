/** @jest-environment jsdom */
// A sceptical review of the Import view on the real adapter over the strict fake host: registers and
// exports as officers have them in Excel (a table with a totals row, a score formula, a protected sheet,
// an officer's edit since the last import, ids typed differently, formula-like text, a long text, dates
// over text-formatted cells), each `it` naming what SPEC or an officer expects and quoting the sentence.

import { renderPane } from "./start-meeting";
import * as util from "util";
import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { disposeTabster, getTabster } from "tabster";
import type { CellValue } from "../../src/core/model/grid";
import { installFakeExcel, uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { writeCellValue } from "../fakes/fake-state";
import { csvLine, fileOf, REGISTER_HEADER, REGISTER_ROWS } from "./import-files";

jest.setTimeout(90000);
configure({ asyncUtilTimeout: 15000 });
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

const HEADER = [...REGISTER_HEADER, "Council Notes"];
const registerRows = (): CellValue[][] => REGISTER_ROWS.map((r) => [...r, "ours"]);

/** The export as CSV: HRC-001's likelihood, impact and score go up, the rest as the register has them. */
const CHANGED_001 = ["HRC-001", "Gritting fleet", "J. Patel", 4, 4, 16, "Treat", "Open", "Fleet checked"];
function exportCsv(
  rows: (string | number)[][] = [CHANGED_001, REGISTER_ROWS[1], REGISTER_ROWS[2]],
  header = REGISTER_HEADER,
) {
  return [csvLine(header), ...rows.map(csvLine)].join("\r\n");
}

function registerSheet(extra: Partial<FakeSheetSpec> = {}): FakeSheetSpec {
  return { name: "Register", values: [HEADER, ...registerRows()], ...extra };
}

async function openImport(sheets: FakeSheetSpec[], apiVersion = "1.13") {
  const host: FakeHost = installFakeExcel({ sheets, apiVersion });
  const { user, ...r } = renderPane("import");
  const choose = await screen.findByRole("button", { name: "Choose an .xlsx or .csv file…" });
  await waitFor(() => expect(choose).toBeEnabled());
  return { host, user, ...r };
}

function chooseFile(file: File) {
  fireEvent.change(screen.getByTestId("import-file"), { target: { files: [file] } });
}

/** Picks the file, keeps the proposed mapping and opens the preview. */
async function preview(user: ReturnType<typeof userEvent.setup>, csv: string, name = "iris.csv") {
  chooseFile(fileOf(name, csv));
  await user.click(await screen.findByRole("button", { name: "Preview changes" }));
  await waitFor(() =>
    expect(
      screen.queryByRole("heading", { name: "What the import would change" }) ?? screen.queryByRole("alert"),
    ).not.toBeNull(),
  );
}

/** Opens every list of the preview and returns the preview step's text. */
async function previewText(user: ReturnType<typeof userEvent.setup>): Promise<string> {
  const heading = screen.getByRole("heading", { name: "What the import would change" });
  const step = heading.parentElement as HTMLElement;
  for (const b of within(step).queryAllByRole("button", { name: /\(\d+\)$/ })) await user.click(b);
  return step.textContent ?? "";
}

async function apply(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Apply the import" }));
  await waitFor(
    () =>
      expect(
        screen.queryByRole("heading", { name: /^Imported “/ }) ?? screen.queryByRole("alert"),
      ).not.toBeNull(),
    { timeout: 30000 },
  );
}

const sheetNames = (host: FakeHost) => host.snapshot().sheets.map((s) => s.name);
const values = (host: FakeHost, name: string) => host.snapshot().sheets.find((s) => s.name === name)!.values;

/** The Import Log's rows under its header row (the row whose first cell is "When"), as objects by header. */
function importLog(host: FakeHost): { row: Record<string, CellValue>; nf: Record<string, string> }[] {
  const snap = host.snapshot().sheets.find((s) => s.name === "Import Log");
  if (!snap) return [];
  const h = snap.values.findIndex((r) => r.some((v) => v === "When"));
  const header = snap.values[h].map(String);
  return snap.values
    .slice(h + 1)
    .filter((r) => r.some((v) => v !== ""))
    .map((r, i) => ({
      row: Object.fromEntries(header.map((k, c) => [k, r[c]])),
      nf: Object.fromEntries(
        header.map((k, c) => [k, snap.numberFormats[`${String.fromCharCode(65 + c)}${h + i + 2}`] ?? ""]),
      ),
    }));
}

describe("Import view on the fake host: cases from a sceptical review", () => {
  afterEach(() => {
    // Tabster (Fluent's focus manager) is one per window: dispose it between tests, as a11y-review does.
    const tabster = getTabster(window);
    if (tabster) disposeTabster(tabster);
    uninstallFakeExcel();
    localStorage.clear();
  });

  it("appends a new risk inside the register's Excel table, above its totals row, which moves down", async () => {
    // SPEC "Writing files › Tables": new rows appended to a register that is an Excel table extend the table.
    const { host, user } = await openImport([
      registerSheet({
        values: [
          HEADER,
          ...registerRows(),
          ["Total", "", "", "", "", "=SUBTOTAL(109,F2:F4)", "", "", "", ""],
        ],
        tables: [{ name: "RiskTable", address: "A1:J5", showTotals: true }],
      }),
    ]);
    await preview(
      user,
      exportCsv([
        ...REGISTER_ROWS,
        ["HRC-004", "Bridge inspections", "M. Reid", 3, 5, 15, "Transfer", "Open", "New"],
      ]),
    );
    await apply(user);
    const v = values(host, "Register");
    expect(v[4].slice(0, 2)).toEqual(["HRC-004", "Bridge inspections"]);
    expect(v[5][0]).toBe("Total");
    expect(host.snapshot().sheets.find((s) => s.name === "Register")!.tables).toEqual([
      { name: "RiskTable", address: "A1:J6", showTotals: true },
    ]);
  });

  it("keeps a register's score formula, and the preview and the Import Log say “kept formula” with both values", async () => {
    // SPEC "Writing files › Formulas": a register cell holding a formula is never replaced by a value; where the
    // export says otherwise, the preview and the Import Log say "kept formula" with both values.
    const rows = registerRows();
    rows.forEach((r, i) => (r[5] = `=D${i + 2}*E${i + 2}`));
    const { host, user } = await openImport([registerSheet({ values: [HEADER, ...rows] })]);
    // Excel's cached values for the formulas (the fake does not calculate).
    REGISTER_ROWS.forEach((r, i) => (host.sheet("Register").cell(i + 1, 5)!.v = r[5] as number));
    // The export says 12 for HRC-001's score and changes its owner; likelihood and impact stay 3 × 3.
    await preview(
      user,
      exportCsv([
        ["HRC-001", "Gritting fleet", "A. Khan", 3, 3, 12, "Treat", "Open", "Fleet checked"],
        REGISTER_ROWS[1],
        REGISTER_ROWS[2],
      ]),
    );
    const text = await previewText(user);
    expect(text).toMatch(/F2[^]*kept formula/i);
    expect(text).toMatch(/F2[^]*9[^]*12/);
    await apply(user);
    expect(host.snapshot().sheets.find((s) => s.name === "Register")!.formulas.F2).toBe("=D2*E2");
    const kept = importLog(host).find((l) => l.row["Field"] === "Risk Score");
    expect(kept).toBeDefined();
    expect(Object.values(kept!.row).join(" | ")).toMatch(/kept formula/i);
    expect(Object.values(kept!.row).join(" | ")).toMatch(/9[^]*12|12[^]*9/);
  });

  it("refuses to import into a protected register in plain words, writing nothing at all", async () => {
    // SPEC "What must never happen": a bad file, sheet or value ending in … a half-written workbook. It ends in a
    // plain-English message naming the file, sheet and cell, and the workbook as it was.
    const { host, user } = await openImport([registerSheet({ protected: true })]);
    const before = JSON.stringify(values(host, "Register"));
    await preview(user, exportCsv());
    const applyButton = screen.queryByRole("button", { name: "Apply the import" });
    if (applyButton) await apply(user);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/protected/i);
    expect(alert.textContent).toMatch(/Register/);
    expect(alert.textContent).not.toMatch(/AccessDenied|Error:|at \w+ \(/);
    expect(sheetNames(host)).toEqual(["Register"]);
    expect(JSON.stringify(values(host, "Register"))).toBe(before);
  });

  it("a second import of the same export writes nothing: no second backup, no new Import Log rows", async () => {
    // SPEC "Imports": an import with no changes writes nothing at all … so a re-import shows no changes.
    const { host, user } = await openImport([registerSheet()]);
    await preview(user, exportCsv());
    await apply(user);
    const sheetsAfterFirst = sheetNames(host);
    const logRows = importLog(host).length;
    await user.click(screen.getByRole("button", { name: "Import another file" }));
    await preview(user, exportCsv());
    expect(
      await screen.findByText(
        /No changes: the register already matches “iris.csv”. Nothing will be written./,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Apply the import" })).toBeNull();
    expect(sheetNames(host)).toEqual(sheetsAfterFirst);
    expect(importLog(host)).toHaveLength(logRows);
  });

  it("keeps an officer's edit made since the last import when IRIS still says what that import wrote, and says so", async () => {
    // README "Import": a cell the officer changed since the last import wrote it, per the Import Log, is kept when
    // the export still says what that import wrote, and the preview and the Import Log say so with both values.
    const { host, user } = await openImport([registerSheet()]);
    await preview(user, exportCsv());
    await apply(user);
    expect(values(host, "Register")[1][3]).toBe(4);
    // The officer then types 5 in HRC-001's likelihood (D2).
    writeCellValue(host.sheet("Register"), 1, 3, 5);
    const logRows = importLog(host).length;
    await user.click(screen.getByRole("button", { name: "Import another file" }));
    // Next month IRIS still says 4 for HRC-001; HRC-002's owner changed.
    await preview(
      user,
      exportCsv([
        CHANGED_001,
        ["HRC-002", "Lighting columns", "A. Khan", 2, 3, 6, "Tolerate", "Open", "Testing"],
        REGISTER_ROWS[2],
      ]),
    );
    const text = await previewText(user);
    expect(text).toMatch(/D2[^]*5[^]*4|D2[^]*4[^]*5/);
    await apply(user);
    expect(values(host, "Register")[1][3]).toBe(5);
    expect(values(host, "Register")[2][2]).toBe("A. Khan");
    const added = importLog(host).slice(logRows);
    const kept = added.find((l) => l.row["Risk ID"] === "HRC-001" && l.row["Field"] === "Current Likelihood");
    expect(kept).toBeDefined();
    expect(Object.values(kept!.row).join(" | ")).toMatch(/5[^]*4|4[^]*5/);
  });

  it("merges an export row whose id is typed “hrc-001 ” into HRC-001's row, adding no new risk", async () => {
    // SPEC "Reading sheets": record ids are compared trimmed, case-insensitively and with runs of spaces folded.
    const { host, user } = await openImport([registerSheet()]);
    await preview(
      user,
      exportCsv([["hrc-001 ", ...CHANGED_001.slice(1)], REGISTER_ROWS[1], REGISTER_ROWS[2]]),
    );
    const counts = within(screen.getByRole("region", { name: "Risks" }))
      .getAllByRole("definition")
      .map((d) => d.textContent);
    expect(counts).toEqual(["0", "1 (3 cells)", "0 (0 to be noted)", "2"]);
    await apply(user);
    const v = values(host, "Register");
    expect(v).toHaveLength(4);
    expect(v[1].slice(0, 6)).toEqual(["HRC-001", "Gritting fleet", "J. Patel", 4, 4, 16]);
  });

  it("writes text that looks like a formula (“=1+1”, “+44 …”, “@x”) as text, and a re-import shows no changes", async () => {
    // SPEC "What must never happen": imported text becoming a formula: text starting with =, +, -, @ … is stored as text.
    const csv = exportCsv([
      [...REGISTER_ROWS[0].slice(0, 8), "=1+1"],
      [...REGISTER_ROWS[1].slice(0, 8), "+44 20 7946 0000"],
      [...REGISTER_ROWS[2].slice(0, 8), "@x"],
    ]);
    const { host, user } = await openImport([registerSheet()]);
    await preview(user, csv);
    await apply(user);
    const snap = host.snapshot().sheets.find((s) => s.name === "Register")!;
    expect(snap.values.slice(1).map((r) => r[8])).toEqual(["=1+1", "+44 20 7946 0000", "@x"]);
    expect(Object.keys(snap.formulas)).toEqual([]);
    // SPEC "Imports": values are compared as text after the formula-safety escape is undone, so a re-import shows no changes.
    await user.click(screen.getByRole("button", { name: "Import another file" }));
    await preview(user, csv);
    expect(
      await screen.findByText(/No changes: the register already matches “iris.csv”/),
    ).toBeInTheDocument();
  });

  it("does not write a 40,000-character text: the cell keeps its value, and the preview and the Import Log name the cell and the length", async () => {
    // SPEC "Writing files › Characters": a text longer than a cell holds (32,767 characters) is not written: the
    // preview and the log name the cell and the length, and the cell keeps its value.
    const long = "Salt barn roof leaking. ".repeat(2000).slice(0, 40000);
    const { host, user } = await openImport([registerSheet()]);
    await preview(user, exportCsv([[...CHANGED_001.slice(0, 8), long], REGISTER_ROWS[1], REGISTER_ROWS[2]]));
    const text = await previewText(user);
    expect(text).toMatch(/I2[^]*40,?000/);
    await apply(user);
    expect(values(host, "Register")[1][8]).toBe("Fleet checked");
    expect(values(host, "Register")[1][3]).toBe(4);
    const row = importLog(host).find((l) => l.row["Field"] === "Review Commentary");
    expect(row).toBeDefined();
    const line = Object.values(row!.row).join(" | ");
    expect(line).toMatch(/40,?000/);
    expect(line.length).toBeLessThan(2000);
  });

  it("writes an imported date as an Excel date even over a text-formatted register cell", async () => {
    // SPEC "Owned tabs": dates are written as Excel dates with a UK date format, never as text.
    const header = [...REGISTER_HEADER, "Last Review Date", "Council Notes"];
    const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000 + 25569;
    const rows: CellValue[][] = REGISTER_ROWS.map((r) => [...r, serial(2022, 9, 1), "ours"]);
    rows[1][9] = "TBC"; // HRC-002's review date cell was formatted as Text by an officer who typed TBC.
    const nfs = [[], ...rows.map((_, i) => [...Array(9).fill(null), i === 1 ? "@" : "dd/mm/yyyy"])];
    const { host, user } = await openImport([
      { name: "Register", values: [header, ...rows], numberFormats: nfs },
    ]);
    await preview(
      user,
      exportCsv(
        REGISTER_ROWS.map((r, i) => [...r, i === 1 ? "15/10/2022" : "01/09/2022"]),
        [...REGISTER_HEADER, "Last Review Date"],
      ),
    );
    await apply(user);
    const snap = host.snapshot().sheets.find((s) => s.name === "Register")!;
    expect(snap.values[2][9]).toBe(serial(2022, 10, 15));
    expect(snap.numberFormats.J3).toMatch(/d.*m.*y/i);
  });

  it("logs every changed cell: When as a date and time, file, sheet, risk id, blank action id, the sheet's own header, old, new", async () => {
    // SPEC "Owned tabs › Import Log": one row per changed cell: when (an Excel date and time), file, sheet, risk id,
    // action id (for an actions sheet's row), field (the sheet's header text), old, new.
    const header = [...HEADER];
    header[3] = "Current Likelihood (1-5)";
    const { host, user } = await openImport([registerSheet({ values: [header, ...registerRows()] })]);
    await preview(user, exportCsv([CHANGED_001, REGISTER_ROWS[1], REGISTER_ROWS[2]]), "IRIS export Oct.csv");
    await apply(user);
    const log = importLog(host);
    expect(
      log.map((l) => [
        l.row["File"],
        l.row["Sheet"],
        l.row["Risk ID"],
        l.row["Action ID"],
        l.row["Field"],
        String(l.row["Old"]),
        String(l.row["New"]),
      ]),
    ).toEqual([
      ["IRIS export Oct.csv", "Register", "HRC-001", "", "Current Likelihood (1-5)", "3", "4"],
      ["IRIS export Oct.csv", "Register", "HRC-001", "", "Current Impact", "3", "4"],
      ["IRIS export Oct.csv", "Register", "HRC-001", "", "Risk Score", "9", "16"],
    ]);
    for (const l of log) {
      expect(typeof l.row["When"]).toBe("number");
      expect(Math.abs((l.row["When"] as number) - (Date.now() / 86400000 + 25569))).toBeLessThan(1);
      expect(l.nf["When"]).toMatch(/d.*m.*y.*h.*m/i);
    }
  });

  it("copies the register to a dated backup holding it as it was, and never offers the backup as a register", async () => {
    // SPEC "Imports": an import with changes copies the register first (a dated owned backup). SPEC "The workbook":
    // owned tabs are never taken for registers when the workbook is read.
    const { host, user } = await openImport([registerSheet()]);
    const before = values(host, "Register");
    await preview(user, exportCsv());
    await apply(user);
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    const backup = sheetNames(host).find((n) => n !== "Register" && n.includes("Register"));
    expect(backup).toBe(`Backup Register ${today}`);
    const b = values(host, backup!);
    // The register's header and rows as they were, wherever the backup's banner puts them.
    const at = b.findIndex((r) => r[0] === "Risk ID");
    expect(b.slice(at, at + 4).map((r) => r.slice(0, HEADER.length))).toEqual(before);
    await user.click(screen.getByRole("button", { name: "Import another file" }));
    chooseFile(fileOf("iris.csv", exportCsv([REGISTER_ROWS[0], REGISTER_ROWS[1], REGISTER_ROWS[2]])));
    await user.click(await screen.findByRole("combobox", { name: "Merge into the register" }));
    expect((await screen.findAllByRole("option")).map((o) => o.textContent)).toEqual(["Register"]);
  });

  it("never writes the log into an officer's own sheet called “Import Log”: it uses another name and says so", async () => {
    // SPEC "The workbook": only owned tabs are ever rewritten; a user sheet with the same name is never touched
    // (use another name and say so).
    const notes: CellValue[][] = [["Our notes on IRIS imports"], ["Sept: export late, chased"]];
    const { host, user } = await openImport([registerSheet(), { name: "Import Log", values: notes }]);
    await preview(user, exportCsv());
    await apply(user);
    expect(values(host, "Import Log")).toEqual(notes);
    const logSheet = sheetNames(host).find((n) => n !== "Import Log" && /Import Log/.test(n));
    expect(logSheet).toBeDefined();
    expect(document.body.textContent).toContain(`“${logSheet}”`);
  });

  it("after “Preview changes” is pressed from the keyboard, focus goes to the preview step, not to the page body", async () => {
    // README: the pane works from the keyboard alone (WCAG 2.4.3: the control pressed is gone, focus must not drop to <body>).
    const { user } = await openImport([registerSheet()]);
    chooseFile(fileOf("iris.csv", exportCsv()));
    (await screen.findByRole("button", { name: "Preview changes" })).focus();
    await user.keyboard("{Enter}");
    const heading = await screen.findByRole("heading", { name: "What the import would change" });
    const step = heading.parentElement as HTMLElement;
    // The view moves focus to its "Step 3 of 4" line at the step's top, or into the step itself.
    await waitFor(() => {
      const el = document.activeElement!;
      expect(el).not.toBe(document.body);
      expect(step.contains(el) || /^Step 3 of 4/.test(el.textContent ?? "")).toBe(true);
    });
  });

  it("puts the preview.s lists and Apply in the Tab order, opens a list and applies with Enter, and the live region says what was applied", async () => {
    // README: the pane works from the keyboard alone.
    const { user } = await openImport([registerSheet()]);
    await preview(user, exportCsv());
    const step = screen.getByRole("heading", { name: "What the import would change" })
      .parentElement as HTMLElement;
    const applyButton = screen.getByRole("button", { name: "Apply the import" });
    const changed = screen.getByRole("button", { name: "Changed cells (3)" });
    // jsdom has no layout, so Fluent's focus manager (tabster) cannot move Tab between these controls here;
    // what is checked is that each is in the Tab order (a native control, enabled, no tabindex="-1"), in order.
    const tabbable = Array.from(
      step.querySelectorAll<HTMLElement>("button, input, select, textarea, [tabindex]"),
    ).filter(
      (e) =>
        !e.hasAttribute("disabled") &&
        e.getAttribute("tabindex") !== "-1" &&
        !e.closest("[aria-hidden=true]"),
    );
    expect(tabbable.indexOf(changed)).toBeGreaterThanOrEqual(0);
    expect(tabbable.indexOf(applyButton)).toBeGreaterThan(tabbable.indexOf(changed));
    // Enter on a list's header opens it from the keyboard.
    changed.focus();
    await user.keyboard("{Enter}");
    expect(await within(step).findByText("HRC-001 · Risk Score (F2): 9 → 16")).toBeInTheDocument();
    applyButton.focus();
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: "Imported “iris.csv”" }, { timeout: 30000 });
    // Any polite live region of the pane (the App's or the Import view's own) saying what was applied.
    await waitFor(() =>
      expect(
        screen
          .getAllByRole("status")
          .filter((e) => e.getAttribute("aria-live") === "polite")
          .map((e) => e.textContent ?? "")
          .join(" | "),
      ).toMatch(/3 cells written[^|]*Backup Register/),
    );
  });
});
