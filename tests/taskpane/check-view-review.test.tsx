/** @jest-environment jsdom */
// A sceptical review of the Check view, used as a council officer uses it: by keyboard and screen reader,
// on the real adapter over the strict fake Excel host and the real engine. Each test quotes the SPEC or
// README sentence it holds the view to.
//
// Two fail against the product as it is: a sheet-level finding goes to column A of the header row even
// when the table starts further right, and a workbook with no register says "every rule passed" instead
// of naming the sheets it saw. (The arrow keys between findings are left to the browser tests: Fluent's
// grid navigation works from layout, which jsdom does not have.)

import { renderPane } from "./start-meeting";
import * as util from "util";
import { act, configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { disposeTabster, getTabster } from "tabster";
import { saveSettings, loadSettings } from "../../src/excel/settings-store";
import { MARK_FORMULA, MARK_FILL, isMarkFormula } from "../../src/excel/mark-cells";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import { installFakeExcel, uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";

jest.setTimeout(90000);
configure({ asyncUtilTimeout: 15000 });
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

afterEach(() => {
  const tabster = getTabster(window);
  if (tabster) disposeTabster(tabster);
  uninstallFakeExcel();
  localStorage.clear();
});

// ---------------------------------------------------------------------------------------------------
// The workbook: a register whose name has a space and an apostrophe, its table starting in column B
// (title in B1, headers in row 2), and a second register on another sheet.
//
//   B Risk ID · C Title · D Owner · E L · F I · G Score · H RAG · I Strategy · J Actions · K Last Review ·
//   L Latest Update · M Next Review · N Status · O Financial · P Transferred To

const REGISTER = "Bob's Risk Register";
const CORPORATE = "Corporate Risks";

/** A risk scored 2 × 3 = 6 (Amber), under the default appetite, with the given changes. */
const calm = (over: Parameters<typeof risk>[0]) =>
  risk({ likelihood: 2, impact: 3, score: 6, rag: "Amber", ...over });

function bobsRows(): CellValue[][] {
  return [
    ["Contract risk register"],
    REGISTER_HEADERS,
    calm({ id: "HRC-001", title: "All in order" }), // row 3
    calm({ id: "HRC-002", title: "No strategy", strategy: null }), // row 4: I4
    calm({ id: "HRC-003", title: "Not updated", lastReview: "01/06/2022" }), // row 5: stale
    calm({ id: "HRC-004", title: "Nobody owns it", owner: null }), // row 6: D6
    calm({ id: "HRC-005", title: "Wrong colour", rag: "Green" }), // row 7: rag mismatch (warning)
    // rows 8–9: one record, its id merged down B8:B9 and its strategy cell merged I8:I9 and empty
    calm({ id: "HRC-006", title: "Merged record", strategy: null }),
    [null, null, null, null, null, null, null, null, null, "More actions", null, "More words"],
  ];
}

function corporateRows(): CellValue[][] {
  return [REGISTER_HEADERS, calm({ id: "CR-001", title: "Corporate, no owner", owner: null })];
}

function registerSheets(): FakeSheetSpec[] {
  return [
    {
      name: REGISTER,
      origin: "B1",
      values: bobsRows(),
      merges: ["B8:B9", "I8:I9"],
      // The officer's own formatting: a yellow fill on the no-strategy cell and their own highlight rule.
      fills: { I4: "#FFFF00", D6: "#C6EFCE" },
      conditionalFormats: [{ address: "G3:G9", formula: "=$G3>15", fill: "#FF0000" }],
    },
    { name: CORPORATE, values: corporateRows() },
  ];
}

function asAt(date: string, over: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), asAt: date, ...over };
}

/** Installs the workbook, saves its settings (as-at date) and opens the pane on the Check view. */
async function openCheck(
  sheets: FakeSheetSpec[] = registerSheets(),
  settings: Settings = asAt("2022-10-10"),
): Promise<{ host: FakeHost; user: ReturnType<typeof userEvent.setup>; unmount: () => void }> {
  const host = installFakeExcel({ sheets, apiVersion: "1.13" });
  await saveSettings(settings);
  const { user, unmount } = renderPane("check");
  const button = await screen.findByRole("button", { name: "Check workbook" });
  await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled", "true"));
  return { host, user, unmount };
}

/** Presses Check workbook (or Check again) from the keyboard and waits for the findings. */
async function runCheck(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  const button = screen.getByRole("button", { name: /^Check (workbook|again)$/ });
  act(() => button.focus());
  await user.keyboard("{Enter}");
  await screen.findByRole("button", { name: "Check again" });
  await waitFor(() =>
    expect(screen.getByRole("button", { name: "Check again" })).not.toHaveAttribute("aria-disabled", "true"),
  );
}

/** The finding buttons in the order the list shows them (not the Accept… buttons). */
function findingButtons(): HTMLElement[] {
  return screen.queryAllByRole("button", { description: /Press Enter to go to the cell/ });
}

/** "Bob's Risk Register!I4 · HRC-002" for each finding shown, in order. */
function places(): string[] {
  return findingButtons().map((b) => (b.querySelector("span:nth-of-type(2)")?.textContent ?? "").trim());
}

/** Each group's rule id, in the order the groups are shown. */
function groupRules(): string[] {
  const h = screen.getByRole("heading", { name: "Findings" });
  const region = h.parentElement as HTMLElement;
  return within(region)
    .queryAllByRole("heading", { level: 3 })
    .map((x) => /(risk|plan|sheet)\/[a-z-]+/.exec(x.textContent ?? "")?.[0] ?? "");
}

function showingText(): string {
  return screen.getByText(/^Showing /).textContent ?? "";
}

function countOf(sev: "error" | "warning"): number {
  const list = screen.getByRole("list", { name: "Finding counts" });
  const m = new RegExp(`(\\d+) ${sev}s?(?![a-z])`).exec(list.textContent ?? "");
  return m ? Number(m[1]) : NaN;
}

/** The App's live region (the visually hidden role=status directly under <main>). */
function appStatusRegion(): HTMLElement {
  const region = Array.from(screen.getByRole("main").children).find(
    (c) => c.getAttribute("role") === "status" && c.getAttribute("aria-live") === "polite",
  );
  if (!region) throw new Error("The App's status region was not found.");
  return region as HTMLElement;
}

/** Our marks (conditional formats with the add-in's formula) on one sheet. */
function marksOn(host: FakeHost, sheet: string) {
  const snap = host.snapshot().sheets.find((s) => s.name === sheet);
  return (snap?.conditionalFormats ?? []).filter((c) => isMarkFormula(c.formula));
}

/** Every cell a sheet's marks cover, e.g. ["D6", "I4"], one entry per covering (duplicates kept). */
function markedCells(host: FakeHost, sheet: string): string[] {
  const out: string[] = [];
  for (const cf of marksOn(host, sheet)) {
    for (const area of cf.address.split(",")) {
      const [a, b = a] = area.replace(/\$/g, "").split(":");
      const col = (s: string) =>
        s
          .replace(/\d+/g, "")
          .split("")
          .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const row = (s: string) => Number(s.replace(/[A-Z]+/g, ""));
      for (let r = row(a); r <= row(b); r++)
        for (let c = col(a); c <= col(b); c++) out.push(`${String.fromCharCode(64 + c)}${r}`);
    }
  }
  return out.sort();
}

// ---------------------------------------------------------------------------------------------------

describe("Check view: the findings list", () => {
  // README: "grouped by severity and rule with risks that have no strategy and no update this month first".
  it("lists the no-strategy and no-update findings before every other finding", async () => {
    const { user } = await openCheck();
    await runCheck(user);
    const rules = groupRules();
    expect(rules.slice(0, 2)).toEqual(["risk/missing-strategy", "risk/stale-update"]);
    expect(rules.indexOf("risk/missing-owner")).toBeGreaterThan(1);
    expect(places()[0]).toBe(`${REGISTER}!I4 · HRC-002`);
  });
});

describe("Check view: counts and filters", () => {
  // README: "Then the findings: counts at the top".
  it("shows counts at the top that match the findings listed, severity by severity", async () => {
    const { user } = await openCheck();
    await runCheck(user);
    const errors = findingButtons().filter((b) => /^Error:/.test(b.textContent ?? "")).length;
    const warnings = findingButtons().filter((b) => /^Warning:/.test(b.textContent ?? "")).length;
    expect(errors).toBe(5);
    expect(warnings).toBe(1);
    expect(countOf("error")).toBe(errors);
    expect(countOf("warning")).toBe(warnings);
    expect(showingText()).toMatch(/^Showing 6 of 6\./);
  });

  // README: "Filter by rule, sheet and severity".
  it("filters by severity, rule and sheet, and shows every finding again when the filters are cleared", async () => {
    const { user } = await openCheck();
    await runCheck(user);
    await user.selectOptions(screen.getByRole("combobox", { name: "Severity" }), "warning");
    expect(places()).toEqual([`${REGISTER}!H7 · HRC-005`]);
    expect(showingText()).toMatch(/^Showing 1 of 6\./);
    await user.selectOptions(screen.getByRole("combobox", { name: "Severity" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Rule" }), "risk/missing-owner");
    expect(places()).toEqual([`${REGISTER}!D6 · HRC-004`, `${CORPORATE}!C2 · CR-001`]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Sheet" }), CORPORATE);
    expect(places()).toEqual([`${CORPORATE}!C2 · CR-001`]);
    expect(showingText()).toMatch(/^Showing 1 of 6\./);
    await user.selectOptions(screen.getByRole("combobox", { name: "Rule" }), "");
    await user.selectOptions(screen.getByRole("combobox", { name: "Sheet" }), "");
    expect(findingButtons()).toHaveLength(6);
    expect(showingText()).toMatch(/^Showing 6 of 6\./);
  });
});

describe("Check view: going to the cell", () => {
  // SPEC Workflow 1: "list each finding with sheet, cell and record; go to the cell".
  it("Enter on a finding selects its cell on its sheet, for a sheet named with an apostrophe and a table from column B", async () => {
    const { host, user } = await openCheck();
    await runCheck(user);
    const first = findingButtons()[0];
    expect(first).toHaveTextContent(`${REGISTER}!I4 · HRC-002`);
    act(() => first.focus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.selection).toEqual({ sheet: REGISTER, address: "I4" }));
    expect(host.active.name).toBe(REGISTER);
    // …and a finding on the other sheet moves there.
    const corp = findingButtons().find((b) => b.textContent?.includes(`${CORPORATE}!C2`)) as HTMLElement;
    act(() => corp.focus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.selection).toEqual({ sheet: CORPORATE, address: "C2" }));
    expect(host.active.name).toBe(CORPORATE);
  });

  // SPEC "Reading sheets": "A finding on a joined or continued record points at the record's first row."
  it("a finding on a record merged over two rows goes to the merged cell's first row", async () => {
    const { host, user } = await openCheck();
    await runCheck(user);
    const merged = findingButtons().find((b) => b.textContent?.includes("HRC-006")) as HTMLElement;
    expect(merged).toHaveTextContent(`${REGISTER}!I8 · HRC-006`);
    act(() => merged.focus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.selection?.sheet).toBe(REGISTER));
    expect(host.selection?.address).toMatch(/^I8(:I9)?$/);
  });

  // SPEC "Command line": "A sheet-level finding has "cell": null and the header row"; README: "click it or
  // press Enter to select that cell in the sheet". The table starts in column C: its header row's cells
  // are C3…, so going to the sheet-level finding must land on the header row inside the table.
  it("going to a sheet-level finding selects the table's header row, not column A beside a table that starts in C", async () => {
    const headers = REGISTER_HEADERS.filter((h) => h !== "Risk Response Strategy");
    const row = calm({ id: "OPS-001", title: "No strategy column" });
    row.splice(REGISTER_HEADERS.indexOf("Risk Response Strategy"), 1);
    const { host, user } = await openCheck([
      { name: "Annex 2 – Ops' Risks", origin: "C1", values: [["Ops risks"], [], headers, row] },
    ]);
    await runCheck(user);
    const sheetLevel = findingButtons().find((b) => /header row/.test(b.textContent ?? "")) as HTMLElement;
    expect(sheetLevel).toBeDefined();
    act(() => sheetLevel.focus());
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.selection?.sheet).toBe("Annex 2 – Ops' Risks"));
    // The header row is row 3, and the table's first column is C.
    expect(host.selection?.address).toMatch(/^C3(:[A-Z]+3)?$/);
  });
});

describe("Check view: marking flagged cells", () => {
  // SPEC "The workbook": "marks on flagged cells (which the add-in can remove again)"; README: "*Remove
  // marks* removes exactly those highlights".
  it("marks every flagged cell and removes the marks without touching the officer's own fills or rules", async () => {
    const { host, user } = await openCheck();
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: "Mark 6 cells" }));
    await waitFor(() => expect(marksOn(host, REGISTER).length).toBeGreaterThan(0));
    expect(markedCells(host, REGISTER)).toEqual(["D6", "H7", "I4", "I8", "K5"]);
    expect(markedCells(host, CORPORATE)).toEqual(["C2"]);
    expect(marksOn(host, REGISTER)[0].fill).toBe(MARK_FILL);
    // The officer's fills stay as they were, under the mark.
    expect(host.snapshot().sheets.find((s) => s.name === REGISTER)?.fills).toMatchObject({
      I4: "#FFFF00",
      D6: "#C6EFCE",
    });

    await user.click(screen.getByRole("button", { name: "Remove marks" }));
    await waitFor(() => expect(marksOn(host, REGISTER)).toHaveLength(0));
    expect(marksOn(host, CORPORATE)).toHaveLength(0);
    const snap = host.snapshot().sheets.find((s) => s.name === REGISTER);
    expect(snap?.fills).toMatchObject({ I4: "#FFFF00", D6: "#C6EFCE" });
    expect(snap?.conditionalFormats).toEqual([
      expect.objectContaining({ address: "G3:G9", formula: "=$G3>15", fill: "#FF0000" }),
    ]);
    expect(MARK_FORMULA).not.toBe("=$G3>15");
  });

  // README: "*Mark N cells* highlights the cells of the findings shown (every finding when no filter is set)".
  it("with a filter set, marks only the cells of the findings shown", async () => {
    const { host, user } = await openCheck();
    await runCheck(user);
    await user.selectOptions(screen.getByRole("combobox", { name: "Rule" }), "risk/missing-strategy");
    await user.click(screen.getByRole("button", { name: "Mark 2 cells" }));
    await waitFor(() => expect(marksOn(host, REGISTER).length).toBeGreaterThan(0));
    expect(markedCells(host, REGISTER)).toEqual(["I4", "I8"]);
    expect(markedCells(host, CORPORATE)).toEqual([]);
  });

  // SPEC Workflow 1: "mark flagged cells" (plain sense: a second check and mark does not mark a cell twice).
  it("checking and marking twice leaves one mark on each flagged cell and the same list", async () => {
    const { host, user } = await openCheck();
    await runCheck(user);
    await user.click(screen.getByRole("button", { name: "Mark 6 cells" }));
    await waitFor(() => expect(marksOn(host, REGISTER).length).toBeGreaterThan(0));
    await runCheck(user);
    expect(findingButtons()).toHaveLength(6);
    expect(showingText()).toMatch(/^Showing 6 of 6\./);
    await user.click(screen.getByRole("button", { name: "Mark 6 cells" }));
    await waitFor(() => expect(appStatusRegion()).toHaveTextContent(/Marked 6 cells/));
    expect(markedCells(host, REGISTER)).toEqual(["D6", "H7", "I4", "I8", "K5"]);
    expect(markedCells(host, CORPORATE)).toEqual(["C2"]);
    expect(marksOn(host, CORPORATE)).toHaveLength(1);
  });
});

describe("Check view: accepting an exception", () => {
  // SPEC "Accepted exceptions": "an officer can accept a finding (rule + record) with a reason and a review
  // date; it is kept in Settings, listed separately, and returns when the date passes".
  it("an accepted finding leaves the list with its reason and review-by date, and comes back once that date has passed", async () => {
    const { user, unmount } = await openCheck();
    await runCheck(user);
    const row = findingButtons().find((b) => b.textContent?.includes("K5 · HRC-003")) as HTMLElement;
    const accept = within(row.parentElement as HTMLElement).getByRole("button", { name: /^Accept… / });
    await user.click(accept);
    const dialog = await screen.findByRole("dialog", { name: "Accept this finding" });
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "Owner on leave, agreed at RMB");
    const reviewBy = within(dialog).getByLabelText(/Review by/) as HTMLInputElement;
    await user.clear(reviewBy);
    await user.type(reviewBy, "2022-11-30");
    await user.click(within(dialog).getByRole("button", { name: "Accept finding" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(places()).not.toContain(`${REGISTER}!K5 · HRC-003`));
    expect(findingButtons()).toHaveLength(5);
    expect(screen.getByRole("list", { name: "Finding counts" })).toHaveTextContent("1 accepted");
    const saved = (await loadSettings()).acceptedExceptions;
    expect(saved).toEqual([
      expect.objectContaining({
        ruleId: "risk/stale-update",
        recordId: "HRC-003",
        reason: "Owner on leave, agreed at RMB",
        reviewBy: "2022-11-30",
      }),
    ]);

    // A later day: the review-by date has passed, so the pane brings the finding back.
    unmount();
    await saveSettings({ ...(await loadSettings()), asAt: "2022-12-05" });
    const { user: user2 } = renderPane("check");
    const button = await screen.findByRole("button", { name: "Check workbook" });
    await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled", "true"));
    await runCheck(user2);
    expect(places()).toContain(`${REGISTER}!K5 · HRC-003`);
    expect(screen.getByRole("list", { name: "Finding counts" })).toHaveTextContent("0 accepted");
  });
});

describe("Check view: correcting a column", () => {
  // README: "A wrong guess can be corrected, or an unrecognised column mapped, there; corrections are saved
  // in the workbook."
  it("mapping an unrecognised header to Strategy is saved in the workbook and used by the next check", async () => {
    const headers = REGISTER_HEADERS.map((h) => (h === "Risk Response Strategy" ? "Way forward" : h));
    const { user, unmount } = await openCheck([
      { name: "Register", values: [headers, calm({ id: "HRC-010", title: "Has a strategy" })] },
    ]);
    await runCheck(user);
    expect(groupRules()).toContain("sheet/missing-column");
    await user.click(screen.getByRole("button", { name: /^Register/ }));
    const approach = await screen.findByRole("combobox", { name: /^H · Way forward/ });
    await user.selectOptions(approach, "strategy");
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: /^H · Way forward/ }) as HTMLSelectElement).value).toBe(
        "strategy",
      ),
    );
    await waitFor(() => expect(screen.queryByText(/No findings: every rule passed\./)).toBeInTheDocument());
    expect((await loadSettings()).columnCorrections).toEqual([
      { sheet: "Register", header: "Way forward", field: "strategy" },
    ]);

    // The next check, in a pane opened afresh, uses the saved correction.
    unmount();
    const { user: user2 } = renderPane("check");
    const button = await screen.findByRole("button", { name: "Check workbook" });
    await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled", "true"));
    await runCheck(user2);
    expect(screen.getByText("No findings: every rule passed.")).toBeInTheDocument();
  });
});

describe("Check view: a workbook with no register", () => {
  // SPEC "Command line": "an input that … holds no plan, register or actions sheet (the message lists the
  // sheets it saw)"; SPEC "What must never happen": "a silent empty result". The pane must say the same.
  it("says plainly that no register was found, naming the sheets it saw, instead of 'every rule passed'", async () => {
    const { user } = await openCheck([
      { name: "Notes", values: [["Minutes of the contract board"], ["Agenda item 1"]] },
      {
        name: "Budget 2022-23",
        values: [
          ["Line", "Amount"],
          ["Gritting", 120000],
        ],
      },
    ]);
    await runCheck(user);
    expect(screen.queryByText("No findings: every rule passed.")).toBeNull();
    const main = screen.getByRole("main");
    expect(main.textContent).toMatch(/no (improvement plan, )?(risk )?register/i);
    expect(main.textContent).toMatch(/Sheets seen:?[^]*Notes[^]*Budget 2022-23/);
  });
});

describe("Check view: what a screen reader hears after a check", () => {
  // README: "The pane … works from the keyboard alone"; WCAG 4.1.3: the finished check is announced, with
  // the number of findings the list holds, and focus stays on the button pressed (now Check again).
  it("announces the finished check with the list's count and keeps focus on the Check button, both times", async () => {
    const { user } = await openCheck();
    await runCheck(user);
    await waitFor(() => expect(appStatusRegion()).toHaveTextContent("Check finished: 6 findings."));
    expect(findingButtons()).toHaveLength(6);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Check again" }));
    // Again, after the officer has moved on to a finding and come back: announced again, same count.
    const seen: string[] = [];
    const mo = new MutationObserver(() => seen.push(appStatusRegion().textContent ?? ""));
    mo.observe(appStatusRegion(), { subtree: true, childList: true, characterData: true });
    await runCheck(user);
    await waitFor(() => expect(seen.some((t) => t.includes("Check finished: 6 findings."))).toBe(true));
    mo.disconnect();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Check again" }));
  });
});
