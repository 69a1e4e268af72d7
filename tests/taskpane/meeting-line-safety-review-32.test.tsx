/** @jest-environment jsdom */
// Review (rv-meetline32): data safety of the meeting's newest writes into the officer's own register cells, on the
// real task pane (App → Review view → real Office adapter over the strict fake Excel host, real engine), Settings
// as at 10 October 2022.
//
// (1) An action's owner where the Action Owner cell keeps owners one a line: the chair changes one; only its
//     line may change.
// (2) A due date written on an action's own line of the actions text ("Resurface A38 – JS – 31/12/22", "(due
//     Dec-22)"): the chair changes it; only that date on that line may change, in the officer's own form.
// (3) "Write my update anyway" after a co-author's change to such a cell: their lines kept, and the pane, the
//     Update Log and the Meeting Record say so; where their change means the chair's line can no longer be found,
//     nothing of theirs may be written over.
//
// SPEC "The workbook": user sheets change only when the officer asks for that change, never a user's cell
// deleted; "What must never happen": a cell overwritten without the officer asking, text becoming a formula.
// SPEC "Formulas": a register cell holding a formula is never replaced, "The same holds in the task pane and in
// the meeting". README Review: "a change is written on that action's line of the cell alone … every other line,
// blank line, bracketed note and line ending kept"; "Where the cell's lines no longer match its actions (a line
// added or taken away) … that cell is not written and the pane says so".
// "(guard)" marks behaviour that works and must not break. The fake host has no rich-text runs, so rich text is
// not tested here.
//
// Failing when written (7 of 20): a co-author's formula in the Action Owner cell kept, yet the Update Log, the
// card and the Meeting Record say AL → KM; actions in tab-separated columns not offered their dates; a line
// with "due 31/12/22 (was 30/09/22)" not offered its date at all; "w/c 12/12/22" rewritten as a bare "22/01/23"
// and "(due Q4 2022/23)" as "(due 30/06/2023)", both silently; fields numbered among the dated actions only
// ("2. Review claims" called "Action 1 'Review claims'"); two actions of the same words logged alike.

import * as React from "react";
import { fireEvent, render, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import * as engine from "../../src/taskpane/engine";
import { createOfficeGateway } from "../../src/excel/office-gateway";
import { saveSettings } from "../../src/excel/settings-store";
import { defaultSettings } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import { installFakeExcel, uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { writeCellValue } from "../fakes/fake-state";

jest.setTimeout(180_000);

type User = ReturnType<typeof userEvent.setup>;

const AS_AT = "2022-10-10";

const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Risk Score",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Latest Update",
  "Risk Status",
  "Action Owner",
  "Action Due Date",
  "Action Status",
];
const col = (h: string) => HEADERS.indexOf(h);
const SHEET = "Annex Risks";

interface Row {
  actions: CellValue;
  owner?: CellValue;
  due?: CellValue;
  status?: CellValue;
}

/** A council's annex register: R1 holds the own actions under test, R2 is the next card. */
function register(row: Row): FakeSheetSpec {
  return {
    name: SHEET,
    values: [
      HEADERS,
      [
        "R1",
        "Potholes after the winter",
        "Jane Smith",
        12,
        "Treat",
        row.actions,
        "01/08/2022",
        "Old words",
        "Open",
        row.owner ?? null,
        row.due ?? null,
        row.status ?? null,
      ],
      ["R2", "Flooding", "Jane Smith", 6, "Treat", "Gauges", "01/08/2022", "Old words", "Open"],
    ],
  };
}

/** Two actions, their owners, dates and statuses one a line in the own-action cells. */
const ownCells = (owner: CellValue): FakeSheetSpec =>
  register({
    actions: "a) Resurface A38\r\nb) Review claims",
    owner,
    due: "31/10/2022\r\n31/12/2022",
    status: "In progress\r\nNot started",
  });

afterEach(() => {
  uninstallFakeExcel();
  localStorage.clear();
});

async function begin(spec: FakeSheetSpec, before?: (host: FakeHost) => void) {
  const host = installFakeExcel({ sheets: [spec], apiVersion: "1.13" });
  before?.(host);
  await saveSettings({ ...defaultSettings(), asAt: AS_AT });
  const user = userEvent.setup({ delay: null });
  const pane = render(
    <App
      gateway={createOfficeGateway()}
      loadEngine={() => Promise.resolve(engine)}
      theme={webLightTheme}
      initialView="review"
    />,
  ).container;
  const q = within(pane);
  const check = await q.findByRole("button", { name: "Check the workbook" });
  await waitFor(() => expect(check).toBeEnabled());
  await user.click(check);
  const name = await q.findByRole("textbox", { name: /Your name/ });
  await user.clear(name);
  await user.type(name, "Jane Smith");
  fireEvent.change(q.getByLabelText(/Meeting date/), { target: { value: AS_AT } });
  await user.click(q.getByRole("button", { name: "Start meeting" }));
  await q.findByRole("heading", { level: 2, name: /^R1:/ });
  await user.click(q.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
  return { host, user, pane, q };
}

async function recordUpdate(pane: HTMLElement, user: User, words: string): Promise<void> {
  await user.click(within(pane).getByRole("textbox", { name: /Update for R1/ }));
  await user.keyboard(`${words}{Control>}{Enter}{/Control}`);
}

/** Records the update, is shown the co-author's change, and writes the chair's update anyway. */
async function recordAnyway(pane: HTMLElement, user: User, words: string): Promise<void> {
  await recordUpdate(pane, user, words);
  await within(pane).findByRole("group", { name: /Someone changed R1's row/ });
  await user.click(within(pane).getByRole("button", { name: /Write my update anyway/ }));
  await within(pane).findByRole("heading", { level: 2, name: /^R2:/ });
}

async function endMeeting(pane: HTMLElement, user: User): Promise<void> {
  const button = within(pane).getByRole("button", { name: /End meeting/ });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  await within(pane).findByRole("button", { name: "Start another meeting" }, { timeout: 60_000 });
}

const sheetValues = (host: FakeHost, name: string) =>
  host.snapshot().sheets.find((s) => s.name === name)!.values;
const cellNow = (host: FakeHost, header: string) => sheetValues(host, SHEET)[1][col(header)];

/** The Update Log's rows below its header row, each as header → value. */
function logRows(host: FakeHost): Record<string, CellValue>[] {
  const values = sheetValues(host, "Update Log");
  const at = values.findIndex((r) => r.includes("Changes") && r.includes("Risk ID"));
  const header = values[at].map(String);
  return values
    .slice(at + 1)
    .filter((r) => r.some((v) => v !== "" && v !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
const lastChanges = (host: FakeHost) => String(logRows(host).at(-1)?.Changes ?? "");

/** The Meeting Record's "Changes made" rows for R1, as [field, from, to]. */
function recordChanges(host: FakeHost): CellValue[][] {
  const values = sheetValues(host, "Meeting Record");
  const at = values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("Changes made ("));
  return values
    .slice(at + 2)
    .filter((r) => r[0] === "R1")
    .map((r) => r.slice(1, 4));
}

/** What the pane shows and says (its live regions). */
const said = (pane: HTMLElement) =>
  [
    pane.textContent ?? "",
    ...within(pane)
      .queryAllByRole("status")
      .map((s) => s.textContent ?? ""),
  ].join(" ");

/** Sets a date field as the date picker does (ISO). */
const setDate = (pane: HTMLElement, label: string, iso: string) =>
  fireEvent.change(within(pane).getByLabelText(label), { target: { value: iso } });

// ---------------------------------------------------------------------------------------------------------
describe("(1) one action's owner, kept one a line in the Action Owner cell", () => {
  it("(guard) bullets, a trailing space, a trailing tab and CRLF / LF mixed: action 3's owner changed on its line, every other byte kept, logged KL → KM", async () => {
    // README Review: the change "is written on that action's line of the cell alone … every other line, blank
    // line, bracketed note and line ending kept". Officers paste bulleted lists from Word; a cell edited on a Mac
    // and on Windows holds both line endings.
    const spec = register({
      actions: "1) Resurface A38\n2) Review claims\n3) Replace gully lids",
      owner: "• JS \r\n• AL\t\n• KL",
      due: "31/10/2022\n31/12/2022\n31/03/2023",
      status: "In progress\nNot started\nNot started",
    });
    const { host, user, pane, q } = await begin(spec);
    const field = q.getByRole("textbox", { name: "Action 3 'Replace gully lids' owner" });
    expect(field).toHaveAttribute("placeholder", "KL");
    await user.type(field, "KM");
    await recordUpdate(pane, user, "Gully lids to KM");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Action Owner")).toBe("• JS \r\n• AL\t\n• KM");
    expect(cellNow(host, "Action Due Date")).toBe("31/10/2022\n31/12/2022\n31/03/2023");
    expect(cellNow(host, "Action Status")).toBe("In progress\nNot started\nNot started");
    expect(lastChanges(host)).toBe('"Replace gully lids" on the register owner KL → KM');
  });

  it("(guard) two owners on one line ('JS / KM'): the field shows both, and replacing them logs JS / KM → RC in the Update Log and the Meeting Record", async () => {
    // SPEC Owned tabs › Update Log: the other changes made with the update; Meeting Record: changes made.
    const { host, user, pane, q } = await begin(ownCells("JS / KM\r\nAL"));
    const field = q.getByRole("textbox", { name: "Action 1 'Resurface A38' owner" });
    expect(field).toHaveAttribute("placeholder", "JS / KM");
    await user.type(field, "RC");
    await recordUpdate(pane, user, "Resurfacing now led by RC");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Action Owner")).toBe("RC\r\nAL");
    expect(lastChanges(host)).toBe('"Resurface A38" on the register owner JS / KM → RC');
    await endMeeting(pane, user);
    expect(recordChanges(host)).toContainEqual([
      'Action "Resurface A38" on the register owner',
      "JS / KM",
      "RC",
    ]);
  });

  it("(guard) changed, then changed back when the room reconsiders (the pane's only undo): the cell is exactly as the officer wrote it, each step logged", async () => {
    // README Review: going back to a recorded card (Alt+P) and recording again builds on what was written. An
    // officer undoing the change expects their own cell back byte for byte and the log to say both steps.
    const { host, user, pane, q } = await begin(ownCells("JS\r\n(acting)\r\n\r\nAL"));
    await user.type(q.getByRole("textbox", { name: "Action 2 'Review claims' owner" }), "KM");
    await recordUpdate(pane, user, "Claims review handed to KM");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Action Owner")).toBe("JS\r\n(acting)\r\n\r\nKM");
    await user.keyboard("{Alt>}p{/Alt}");
    await q.findByRole("heading", { level: 2, name: /^R1:/ });
    await user.click(q.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
    const field = q.getByRole("textbox", { name: "Action 2 'Review claims' owner" });
    expect(field).toHaveAttribute("placeholder", "KM");
    await user.type(field, "AL");
    await recordUpdate(pane, user, "Claims review stays with AL");
    await waitFor(() => expect(cellNow(host, "Action Owner")).toBe("JS\r\n(acting)\r\n\r\nAL"));
    // The first R1 row is the register's own "Old words", logged before the meeting's first update.
    const changes = logRows(host)
      .filter((r) => r["Risk ID"] === "R1" && r.Changes)
      .map((r) => r.Changes);
    expect(changes).toEqual([
      '"Review claims" on the register owner AL → KM',
      '"Review claims" on the register owner KM → AL',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("(3) write anyway over a co-author's change to the Action Owner cell", () => {
  it("(guard) a co-author moved a note so the cell has as many lines but AL is on another line: KM goes on AL's line, their note is kept", async () => {
    // SPEC What must never happen: a user's cell overwritten without the officer asking. The card read
    // "JS | (acting) | (blank) | AL"; a co-author tidied it to "JS | (acting) | AL | (from 1 Nov)" — four lines
    // still, but action 2's owner now on the third. The chair asked to change AL alone.
    const { host, user, pane, q } = await begin(ownCells("JS\r\n(acting)\r\n\r\nAL"));
    await user.type(q.getByRole("textbox", { name: "Action 2 'Review claims' owner" }), "KM");
    writeCellValue(host.sheet(SHEET), 1, col("Action Owner"), "JS\r\n(acting)\r\nAL\r\n(from 1 Nov)");
    await recordAnyway(pane, user, "Claims review handed to KM");
    expect(cellNow(host, "Action Owner")).toBe("JS\r\n(acting)\r\nKM\r\n(from 1 Nov)");
  });

  it("(guard) a co-author added a new action's owner at the top and took out the blank line (as many lines): nothing written over JS, the pane says so, the log claims no owner change", async () => {
    // README Review: "Where the cell's lines no longer match its actions (a line added or taken away) … that cell
    // is not written and the pane says so (your update itself is recorded)". By line number alone, action 2's
    // line is now JS's.
    const { host, user, pane, q } = await begin(ownCells("JS\r\n\r\nAL"));
    await user.type(q.getByRole("textbox", { name: "Action 2 'Review claims' owner" }), "KM");
    writeCellValue(host.sheet(SHEET), 1, col("Action Owner"), "RC\r\nJS\r\nAL");
    await recordAnyway(pane, user, "Claims review handed to KM");
    expect(cellNow(host, "Action Owner")).toBe("RC\r\nJS\r\nAL");
    expect(cellNow(host, "Latest Update")).toContain("Claims review handed to KM");
    expect(lastChanges(host)).not.toMatch(/owner AL → KM/);
    await waitFor(() => expect(said(pane)).toMatch(/Action 2 'Review claims''s owner was not written/));
  });

  it("a co-author turned the Action Owner cell into a formula (showing 'JS⏎AL'): the formula is kept, and neither the Update Log, the card nor the Meeting Record claims AL → KM", async () => {
    // SPEC Formulas: "a register cell holding a formula is never replaced by a value … The same holds in the task
    // pane and in the meeting". README Review: the Update Log and the record "say what the register holds"; the
    // card "shows what was recorded … as the next check will give them". The co-author now looks the owners up
    // from the contract's Lookups sheet; the register still reads AL for action 2.
    const { host, user, pane, q } = await begin(ownCells("JS\r\nAL"));
    await user.type(q.getByRole("textbox", { name: "Action 2 'Review claims' owner" }), "KM");
    writeCellValue(host.sheet(SHEET), 1, col("Action Owner"), "=Lookups!B2");
    host.cell(SHEET, "J2")!.v = "JS\nAL";
    await recordAnyway(pane, user, "Claims review handed to KM");
    expect(host.cell(SHEET, "J2")?.formula).toBe("=Lookups!B2");
    await waitFor(() =>
      expect(said(pane)).toMatch(/'Annex Risks'!J2 holds a formula, so it was left as it is/),
    );
    expect(lastChanges(host)).not.toMatch(/owner AL → KM/);
    await user.keyboard("{Alt>}p{/Alt}");
    await q.findByRole("heading", { level: 2, name: /^R1:/ });
    expect(q.getByRole("region", { name: /R1/ }).textContent).toContain("Review claims on the register (AL)");
    await endMeeting(pane, user);
    expect(recordChanges(host)).not.toContainEqual([
      'Action "Review claims" on the register owner',
      "AL",
      "KM",
    ]);
  });

  it("(guard) after a write anyway that kept a co-author's line, the card shows what the register now says, and the Meeting Record says their line was kept", async () => {
    // README Review: "writing yours anyway writes only your action's line, on the cell as it is now, so their line
    // stays, and the pane, the Update Log and the Meeting Record say so"; the card shows what was recorded.
    const { host, user, pane, q } = await begin(ownCells("JS\r\nAL"));
    await user.type(q.getByRole("textbox", { name: "Action 2 'Review claims' owner" }), "KM");
    writeCellValue(host.sheet(SHEET), 1, col("Action Owner"), "RC\r\nAL");
    await recordAnyway(pane, user, "Claims review handed to KM");
    expect(cellNow(host, "Action Owner")).toBe("RC\r\nKM");
    await user.keyboard("{Alt>}p{/Alt}");
    await q.findByRole("heading", { level: 2, name: /^R1:/ });
    const card = q.getByRole("region", { name: /R1/ }).textContent ?? "";
    expect(card).toContain("Resurface A38 on the register (RC)");
    expect(card).toContain("Review claims on the register (KM)");
    await endMeeting(pane, user);
    expect(recordChanges(host)).toContainEqual([
      "Kept a co-author's Action Owner, rewriting only the line of Action 2 'Review claims'",
      "RC\r\nAL",
      "",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("(2) a due date on an action's line of the actions text", () => {
  it("(guard) a list bulleted with '-' (the cell's text starts with '-'): the date rewritten, the cell stays text, never a formula", async () => {
    // SPEC What must never happen: text starting with "-" stored as text; "The same holds in the task pane and in
    // the meeting". The officer typed the list with a leading apostrophe, as Excel needs.
    const { host, user, pane, q } = await begin(
      register({ actions: "'- Resurface A38 – JS – 31/12/22\n- Review claims – AL – 31/01/23" }),
    );
    expect(q.getByLabelText("Action 2 'Review claims' due date")).toHaveValue("2023-01-31");
    setDate(pane, "Action 1 'Resurface A38' due date", "2023-03-31");
    await recordUpdate(pane, user, "Resurfacing slipped to March");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(host.cell(SHEET, "F2")?.formula).toBeUndefined();
    expect(cellNow(host, "Mitigating Actions")).toBe(
      "- Resurface A38 – JS – 31/03/23\n- Review claims – AL – 31/01/23",
    );
    expect(lastChanges(host)).toBe('"Resurface A38" on the register due 31/12/2022 → 31/03/2023');
  });

  it("(guard) bullets '•', a blank line, trailing spaces, CRLF and LF mixed, dates in the actions' own words: only action 2's due date changes", async () => {
    // README Review: "a change rewrites that date alone … every other line, blank line, bracketed note and line
    // ending kept". "(2019 scheme)" and the claims batch's "01/04/22" are what the actions are, not due dates.
    const text =
      "• Resurface A38 (2019 scheme) – JS – 31/12/22  \r\n\r\n" +
      "• Review 01/04/22 claims batch – AL – by 31/01/23\n" +
      "• Replace gully lids (due Mar-23) ";
    const { host, user, pane, q } = await begin(register({ actions: text }));
    const field = q.getByLabelText(/^Action 2 .* due date$/);
    expect(field).toHaveValue("2023-01-31");
    fireEvent.change(field, { target: { value: "2023-02-28" } });
    await recordUpdate(pane, user, "Claims batch review slipped to February");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Mitigating Actions")).toBe(
      "• Resurface A38 (2019 scheme) – JS – 31/12/22  \r\n\r\n" +
        "• Review 01/04/22 claims batch – AL – by 28/02/23\n" +
        "• Replace gully lids (due Mar-23) ",
    );
    expect(lastChanges(host)).toMatch(/on the register due 31\/01\/2023 → 28\/02\/2023$/);
  });

  it("actions laid out in tab-separated columns (pasted from a Word table: action ⇥ owner ⇥ date): each is offered its due date", async () => {
    // README Review: "An action whose due date is written on its own line of the actions text (1. Resurface A38 –
    // JS – 31/12/22 …) is offered its due date". judgement: a tab is how a pasted Word table separates the action,
    // its owner and its date, as " – " does when typed; the pane reads the same line with dashes.
    const text = "1. Resurface A38\tJS\t31/12/22\r\n2. Review claims\tAL\t31/01/23";
    const { host, user, pane, q } = await begin(register({ actions: text }));
    expect(q.getByLabelText("Action 2 'Review claims' due date")).toHaveValue("2023-01-31");
    setDate(pane, "Action 2 'Review claims' due date", "2023-03-31");
    await recordUpdate(pane, user, "Claims review slipped to March");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Mitigating Actions")).toBe(
      "1. Resurface A38\tJS\t31/12/22\r\n2. Review claims\tAL\t31/03/23",
    );
  });

  it("a due date written twice on one line ('due 31/12/22 (was 30/09/22)'): the field shows 31/12/2022, only that date moves, the earlier one stays as history", async () => {
    // README Review: "An action whose due date is written on its own line of the actions text … is offered its
    // due date, and a change rewrites that date alone … a word before it such as due or by kept". The bracketed
    // "(was 30/09/22)" is the officer's note of the last slip, kept as officers keep a history.
    const text = "1. Resurface A38 – JS – due 31/12/22 (was 30/09/22)\r\n2. Review claims – AL – by 31/01/23";
    const { host, user, pane, q } = await begin(register({ actions: text }));
    expect(q.getByLabelText("Action 1 'Resurface A38' due date")).toHaveValue("2022-12-31");
    setDate(pane, "Action 1 'Resurface A38' due date", "2023-03-31");
    await recordUpdate(pane, user, "Resurfacing slipped again");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Mitigating Actions")).toBe(
      "1. Resurface A38 – JS – due 31/03/23 (was 30/09/22)\r\n2. Review claims – AL – by 31/01/23",
    );
    expect(lastChanges(host)).toBe('"Resurface A38" on the register due 31/12/2022 → 31/03/2023');
  });

  it("a week form ('w/c 12/12/22'): a new week's Sunday keeps 'w/c', never drops it silently for a bare dd/mm/yy", async () => {
    // README Review: the change rewrites the date "in the form the line wrote it (…, a word before it such as due
    // or by kept), or as dd/mm/yyyy where that form cannot hold the day chosen …, and the pane says so". SPEC
    // Dates: "w/c 12/09/22 (… that Sunday as a deadline)". 22/01/2023 is the Sunday of w/c 16/01/23.
    const text = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims – w/c 12/12/22";
    const { host, user, pane, q } = await begin(register({ actions: text }));
    expect(q.getByLabelText("Action 2 'Review claims' due date")).toHaveValue("2022-12-18");
    setDate(pane, "Action 2 'Review claims' due date", "2023-01-22");
    await recordUpdate(pane, user, "Claims review into the new year");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    const line = String(cellNow(host, "Mitigating Actions")).split("\r\n")[1];
    expect(lastChanges(host)).toBe('"Review claims" on the register due 18/12/2022 → 22/01/2023');
    if (line !== "2. Review claims – w/c 16/01/23") {
      expect(line).toBe("2. Review claims – 22/01/2023");
      expect(said(pane)).toMatch(
        /due date was written 22\/01\/2023 on its line of the actions text: 'w\/c 12\/12\/22'/,
      );
    }
  });

  it("a quarter form ('(due Q4 2022/23)') moved to 30/06/2023: written 'Q1 2023/24', or dd/mm/yyyy with the pane saying so — not changed form silently", async () => {
    // README Review: "in the form the line wrote it …, or as dd/mm/yyyy where that form cannot hold the day
    // chosen …, and the pane says so". SPEC Dates: a quarter as a deadline is its last day; 30/06/2023 ends Q1
    // of 2023/24, so the officer's form holds it.
    const text = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due Q4 2022/23)";
    const { host, user, pane, q } = await begin(register({ actions: text }));
    expect(q.getByLabelText("Action 2 'Review claims' due date")).toHaveValue("2023-03-31");
    setDate(pane, "Action 2 'Review claims' due date", "2023-06-30");
    await recordUpdate(pane, user, "Claims review into the next financial year");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    const line = String(cellNow(host, "Mitigating Actions")).split("\r\n")[1];
    expect(lastChanges(host)).toBe('"Review claims" on the register due 31/03/2023 → 30/06/2023');
    if (line !== "2. Review claims (due Q1 2023/24)") {
      expect(line).toBe("2. Review claims (due 30/06/2023)");
      expect(said(pane)).toMatch(
        /due date was written 30\/06\/2023 on its line of the actions text: 'Q4 2022\/23'/,
      );
    }
  });

  it("the fields are named by the officer's own numbering: '2. Review claims' is 'Action 2 'Review claims'', not 'Action 1', when action 1's line has no date", async () => {
    // README Review: fields "labelled by the action (Action 2 'Review claims' due date …)". judgement: the chair
    // says "action 2" in the room, reading the officer's list; a screen reader that calls the second action
    // "Action 1" (and the third "Action 2") sends the chair to the wrong line.
    const text =
      "1. Resurface A38 – JS – complete\r\n2. Review claims – AL – 31/01/23\r\n3. Replace gully lids – KL – 31/03/23";
    const { q } = await begin(register({ actions: text }));
    expect(q.getByLabelText("Action 2 'Review claims' due date")).toHaveValue("2023-01-31");
    expect(q.getByLabelText("Action 3 'Replace gully lids' due date")).toHaveValue("2023-03-31");
    expect(q.getByRole("group", { name: "Action 2 'Review claims' on the register" })).toBeInTheDocument();
    expect(q.queryByLabelText("Action 1 'Review claims' due date")).toBeNull();
  });

  it("two actions with the same words (two gangs' 'Gully cleansing'): the Update Log and the Meeting Record say which one's date moved", async () => {
    // SPEC Owned tabs › Update Log: "the other changes made with it (an action's due date …)"; the log is the
    // officer's evidence of exactly what changed. judgement: '"Gully cleansing" on the register due 31/03/2023 →
    // 30/06/2023' could be either line; naming its number or owner (Action 2, KM) tells them apart.
    const text = "1. Gully cleansing – JS – 31/12/22\r\n2. Gully cleansing – KM – 31/03/23";
    const { host, user, pane, q } = await begin(register({ actions: text }));
    setDate(pane, "Action 2 'Gully cleansing' due date", "2023-06-30");
    await recordUpdate(pane, user, "Second gang's cleansing slipped to June");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Mitigating Actions")).toBe(
      "1. Gully cleansing – JS – 31/12/22\r\n2. Gully cleansing – KM – 30/06/23",
    );
    expect(lastChanges(host)).toMatch(/due 31\/03\/2023 → 30\/06\/2023/);
    expect(lastChanges(host)).toMatch(/Action 2|KM/);
    await endMeeting(pane, user);
    const field = recordChanges(host).find((r) => r[2] === 45107)?.[0];
    expect(String(field)).toMatch(/Action 2|KM/);
  });

  it("(guard) the chair empties an action's due date field: no date is deleted from the officer's line, and the log records no change", async () => {
    // SPEC The workbook: "It never deletes a user's row or cell"; What must never happen: overwritten without the
    // officer asking. An emptied date picker is not a request to delete the officer's deadline.
    const text = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due Dec-22)";
    const { host, user, pane, q } = await begin(register({ actions: text }));
    setDate(pane, "Action 2 'Review claims' due date", "");
    await recordUpdate(pane, user, "Claims review date to be confirmed");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Mitigating Actions")).toBe(text);
    expect(lastChanges(host)).not.toMatch(/Review claims/);
  });

  it("(guard) a date that would take the actions text past 32,767 characters: the cell keeps its value and the pane names F2 and the length", async () => {
    // SPEC Characters: "A text longer than a cell holds (32,767 characters) is not written: the preview and the log
    // name the cell and the length, and the cell keeps its value". 'Dec-22' cannot hold 15/01/2023, so the line
    // would grow by four characters.
    const head = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due Dec-22)\r\n3. ";
    const text = (head + "Scheme notes: carriageway, drainage, signage; ".repeat(800)).slice(0, 32_765);
    const { host, user, pane, q } = await begin(register({ actions: text }));
    setDate(pane, "Action 2 'Review claims' due date", "2023-01-15");
    await recordUpdate(pane, user, "Claims review mid-January");
    await waitFor(() =>
      expect(said(pane)).toMatch(
        /"Annex Risks" F2 is 32,769 characters long, and an Excel cell holds at most 32,767/,
      ),
    );
    expect(cellNow(host, "Mitigating Actions")).toBe(text);
    expect(q.getByRole("heading", { level: 2, name: /^R1:/ })).toBeInTheDocument();
  });

  it("(guard) a hyperlink on the actions cell (to the scheme's document) survives the date being rewritten", async () => {
    // SPEC Writing files: internal and external hyperlinks are kept; the same care in the task pane.
    const text = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due Dec-22)";
    const { host, user, pane, q } = await begin(register({ actions: text }), (h) => {
      h.cell(SHEET, "F2")!.link = { address: "https://intranet.example.gov.uk/a38-scheme.pdf" };
    });
    setDate(pane, "Action 1 'Resurface A38' due date", "2023-03-31");
    await recordUpdate(pane, user, "Resurfacing slipped to March");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(cellNow(host, "Mitigating Actions")).toBe(
      "1. Resurface A38 – JS – 31/03/23\r\n2. Review claims (due Dec-22)",
    );
    expect(host.cell(SHEET, "F2")?.link?.address).toBe("https://intranet.example.gov.uk/a38-scheme.pdf");
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("(3) write anyway over a co-author's change to the actions text", () => {
  it("(guard) a co-author inserted a new action above: nothing written on any line, their text kept, the pane says so, and neither the log, the Meeting Record nor the card claims the move", async () => {
    // README Review: "Where the cell's lines no longer match its actions (a line added or taken away) … that cell
    // is not written and the pane says so (your update itself is recorded)".
    const text = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims – AL – 31/01/23";
    const { host, user, pane, q } = await begin(register({ actions: text }));
    setDate(pane, "Action 2 'Review claims' due date", "2023-03-31");
    const theirs = "1. Survey A38 drainage – RC – 30/11/22\r\n" + text;
    writeCellValue(host.sheet(SHEET), 1, col("Mitigating Actions"), theirs);
    await recordAnyway(pane, user, "Claims review slipped to March");
    expect(cellNow(host, "Mitigating Actions")).toBe(theirs);
    expect(cellNow(host, "Latest Update")).toContain("Claims review slipped to March");
    expect(lastChanges(host)).not.toMatch(/Review claims" on the register due/);
    await waitFor(() => expect(said(pane)).toMatch(/Action 2 'Review claims''s due date was not written/));
    await user.keyboard("{Alt>}p{/Alt}");
    await q.findByRole("heading", { level: 2, name: /^R1:/ });
    expect(q.getByRole("region", { name: /R1/ }).textContent).not.toMatch(
      /Review claims[^—]*— due 31\/03\/2023/,
    );
    await endMeeting(pane, user);
    expect(recordChanges(host).filter((r) => String(r[0]).includes("Review claims"))).toEqual([]);
  });

  it("(guard) a co-author changed another action's line: the chair's date is written on the cell as it is now, theirs kept, and the pane, the Update Log and the Meeting Record say so", async () => {
    // README Review: "writing yours anyway writes only your action's line, on the cell as it is now, so their line
    // stays, and the pane, the Update Log and the Meeting Record say so".
    const text = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims – AL – 31/01/23";
    const { host, user, pane } = await begin(register({ actions: text }));
    setDate(pane, "Action 1 'Resurface A38' due date", "2023-03-31");
    const theirs = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims – AL – 28/02/23";
    writeCellValue(host.sheet(SHEET), 1, col("Mitigating Actions"), theirs);
    await recordAnyway(pane, user, "Resurfacing slipped to March");
    expect(cellNow(host, "Mitigating Actions")).toBe(
      "1. Resurface A38 – JS – 31/03/23\r\n2. Review claims – AL – 28/02/23",
    );
    expect(lastChanges(host)).toBe(
      '"Resurface A38" on the register due 31/12/2022 → 31/03/2023; ' +
        `kept a co-author's Mitigating Actions, rewriting only the line of Action 1 'Resurface A38': '${theirs}'`,
    );
    await waitFor(() =>
      expect(said(pane)).toMatch(
        /Their change to Mitigating Actions was kept, only the line of Action 1 'Resurface A38' rewritten\./,
      ),
    );
    await endMeeting(pane, user);
    expect(recordChanges(host)).toContainEqual([
      "Kept a co-author's Mitigating Actions, rewriting only the line of Action 1 'Resurface A38'",
      theirs,
      "",
    ]);
  });
});
