/** @jest-environment jsdom */
// The meeting changes one of several own actions kept one a line in the register's own-action cells (Action
// Owner "JS\nAL", Action Due Date, Action Status, one a line): the card offers each its own due date and status,
// labelled for screen readers, and recording writes that action's line alone, every other line, blank line,
// bracketed note and line ending kept; the Update Log names it by its words. The Review view on the real
// adapter over the strict fake host and the real engine (fx-ownline30).

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { openPaneAndStart } from "./start-meeting";
import { installFakeExcel, uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { writeCellValue } from "../fakes/fake-state";
import type { CellValue } from "../../src/core/model/grid";

jest.setTimeout(60000);

const TODAY = new Date();
const p2 = (n: number) => String(n).padStart(2, "0");
const ukOf = (d: Date) => `${p2(d.getDate())}/${p2(d.getMonth() + 1)}/${d.getFullYear()}`;
const isoOf = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
const daysFromToday = (days: number) =>
  new Date(TODAY.getFullYear(), TODAY.getMonth(), TODAY.getDate() + days);

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
const col = (header: string) => HEADERS.indexOf(header);
/** Column letters of the own-action cells (A = Risk ID). */
const DUE_CELL = "K2";

const first = daysFromToday(40);
const second = daysFromToday(90);
const moved = daysFromToday(150);
/** Action 1's date with a note under it and a blank line before action 2's, CRLF as Excel on Windows keeps them. */
const DUE_TEXT = `1. ${ukOf(first)}\r\n(revised from June)\r\n\r\n2. ${ukOf(second)}`;
const STATUS_TEXT = "In progress\r\nNot started";

function register(due: CellValue = DUE_TEXT): FakeSheetSpec {
  return {
    name: "Annex Risks",
    values: [
      HEADERS,
      [
        "R1",
        "Potholes",
        "Jane Smith",
        12,
        "Treat",
        "1. Resurface A38\n2. Review claims",
        ukOf(daysFromToday(-90)),
        "Old words",
        "Open",
        "JS\nAL",
        due,
        STATUS_TEXT,
      ],
      ["R2", "Flooding", "Jane Smith", 6, "Treat", "Gauges", ukOf(daysFromToday(-90)), "Old words", "Open"],
    ],
  };
}

async function startMeeting(sheets: FakeSheetSpec[]) {
  const host: FakeHost = installFakeExcel({ sheets });
  const { user } = await openPaneAndStart(2);
  await screen.findByRole("heading", { level: 2, name: /R1/ });
  return { user, host };
}

const sheetValues = (host: FakeHost, name: string) =>
  host.snapshot().sheets.find((s) => s.name === name)!.values;

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

async function openChanges(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
}

async function typeUpdate(user: ReturnType<typeof userEvent.setup>, words: string) {
  await user.click(screen.getByRole("textbox", { name: /Update for R1/ }));
  await user.keyboard(`${words}{Control>}{Enter}{/Control}`);
}

describe("Review view: several own actions kept one a line", () => {
  afterEach(() => {
    uninstallFakeExcel();
    localStorage.clear();
  });

  it("offers each action its own due date and status, named for screen readers, in order on the keyboard", async () => {
    const { user } = await startMeeting([register()]);
    await openChanges(user);
    const one = screen.getByRole("group", { name: "Action 1 'Resurface A38' on the register" });
    const two = screen.getByRole("group", { name: "Action 2 'Review claims' on the register" });
    expect(within(one).getByLabelText("Action 1 'Resurface A38' due date")).toHaveValue(isoOf(first));
    expect(within(two).getByLabelText("Action 2 'Review claims' status")).toHaveAttribute(
      "placeholder",
      "Not started",
    );
    // jsdom has no layout, so Fluent's focus manager (tabster) cannot move Tab between these controls here (as
    // import-pane-review.test.tsx says); what is checked is that each is in the Tab order (a native control,
    // enabled, no tabindex="-1"), after the owner, in the register's order.
    const owner = screen.getByRole("textbox", { name: "Owner" });
    const tabbable = Array.from(
      document.querySelectorAll<HTMLElement>("button, input, select, textarea, [tabindex]"),
    ).filter(
      (e) =>
        !e.hasAttribute("disabled") &&
        e.getAttribute("tabindex") !== "-1" &&
        !e.closest("[aria-hidden=true]"),
    );
    // Since fx-meet31 each action's owner, on a line of its own in the Action Owner cell ("JS\nAL"), follows its
    // status and due date (meeting-own-lines-gaps.test.tsx).
    const after = tabbable.slice(tabbable.indexOf(owner) + 1, tabbable.indexOf(owner) + 7);
    expect(after.map((e) => e.getAttribute("aria-label"))).toEqual([
      "Action 1 'Resurface A38' status",
      "Action 1 'Resurface A38' due date",
      "Action 1 'Resurface A38' owner",
      "Action 2 'Review claims' status",
      "Action 2 'Review claims' due date",
      "Action 2 'Review claims' owner",
    ]);
    // Each is reached and typed in from the keyboard.
    after[3].focus();
    await user.keyboard("Delayed");
    expect(after[3]).toHaveValue("Delayed");
    // Every action has a line of its own in both cells: nothing is left to change on the register.
    expect(screen.queryByText(/changed on the register itself/)).toBeNull();
  });

  it("writes only the changed lines, keeps the rest of each cell, and logs each action by its words", async () => {
    const { user, host } = await startMeeting([register()]);
    await openChanges(user);
    fireEvent.change(screen.getByLabelText("Action 2 'Review claims' due date"), {
      target: { value: isoOf(moved) },
    });
    await user.type(screen.getByLabelText("Action 1 'Resurface A38' status"), "Delayed");
    await typeUpdate(user, "Resurfacing slipped behind the flood works");
    await screen.findByRole("heading", { level: 2, name: /R2/ });

    const row = sheetValues(host, "Annex Risks")[1];
    expect(row[col("Action Due Date")]).toBe(
      `1. ${ukOf(first)}\r\n(revised from June)\r\n\r\n2. ${ukOf(moved)}`,
    );
    expect(row[col("Action Status")]).toBe("Delayed\r\nNot started");
    expect(row[col("Action Owner")]).toBe("JS\nAL");
    // The dates stay text inside the cell: no date format put on it.
    expect(host.cell("Annex Risks", DUE_CELL)?.nf ?? "General").toBe("General");

    const logged = logRows(host).at(-1)!;
    expect(logged["Risk ID"]).toBe("R1");
    expect(logged.Changes).toBe(
      `"Resurface A38" on the register status In progress → Delayed; ` +
        `"Review claims" on the register due ${ukOf(second)} → ${ukOf(moved)}`,
    );

    // Back on the card, each action shows as the meeting left it, and the next change builds on it.
    await user.keyboard("{Alt>}p{/Alt}");
    await screen.findByRole("heading", { level: 2, name: /R1/ });
    const card = screen.getByRole("region", { name: /R1/ });
    expect(card.textContent).toContain(`Resurface A38 on the register (JS) — due ${ukOf(first)}, Delayed`);
    expect(card.textContent).toContain(
      `Review claims on the register (AL) — due ${ukOf(moved)}, Not started`,
    );
    await openChanges(user);
    await user.type(screen.getByLabelText("Action 2 'Review claims' status"), "In progress");
    await typeUpdate(user, "Claims review started");
    await waitFor(() =>
      expect(sheetValues(host, "Annex Risks")[1][col("Action Status")]).toBe("Delayed\r\nIn progress"),
    );
    expect(sheetValues(host, "Annex Risks")[1][col("Action Due Date")]).toBe(
      `1. ${ukOf(first)}\r\n(revised from June)\r\n\r\n2. ${ukOf(moved)}`,
    );
  });

  it("compares the cell first: a co-author's change to it is shown, and kept when the chair keeps theirs", async () => {
    const { user, host } = await startMeeting([register()]);
    await openChanges(user);
    fireEvent.change(screen.getByLabelText("Action 2 'Review claims' due date"), {
      target: { value: isoOf(moved) },
    });
    // A co-author moves action 1's date in Excel while the room discusses the risk.
    const theirs = `1. ${ukOf(second)}\r\n(revised from June)\r\n\r\n2. ${ukOf(second)}`;
    writeCellValue(host.sheet("Annex Risks"), 1, col("Action Due Date"), theirs);
    await typeUpdate(user, "Claims review later");
    const conflict = await screen.findByRole("group", { name: /Someone changed R1's row/ });
    expect(within(conflict).getByRole("table").textContent).toContain("Action Due Date");
    expect(sheetValues(host, "Annex Risks")[1][col("Action Due Date")]).toBe(theirs);
    await user.click(screen.getByRole("button", { name: /Keep theirs/ }));
    // Their cell is the card's now: the chair's change goes on their cell's line for action 2.
    await openChanges(user);
    expect(screen.getByLabelText("Action 1 'Resurface A38' due date")).toHaveValue(isoOf(second));
    fireEvent.change(screen.getByLabelText("Action 2 'Review claims' due date"), {
      target: { value: isoOf(moved) },
    });
    await typeUpdate(user, "Claims review later");
    await screen.findByRole("heading", { level: 2, name: /R2/ });
    expect(sheetValues(host, "Annex Risks")[1][col("Action Due Date")]).toBe(
      `1. ${ukOf(second)}\r\n(revised from June)\r\n\r\n2. ${ukOf(moved)}`,
    );
  });

  it("never replaces a formula in the cell: the formula is kept, the pane says so, and the log claims no change", async () => {
    // SPEC "Formulas": a register cell holding a formula is never replaced by a value; "The same holds in the
    // task pane and in the meeting".
    const host = installFakeExcel({ sheets: [register("=Lookups!A1")] });
    // The fake stores "=…" with the value #NAME?; Excel caches the worked-out value, which this sets.
    host.cell("Annex Risks", DUE_CELL)!.v = `${ukOf(first)}\n${ukOf(second)}`;
    const { user } = await openPaneAndStart(2);
    await screen.findByRole("heading", { level: 2, name: /R1/ });
    await openChanges(user);
    fireEvent.change(screen.getByLabelText("Action 2 'Review claims' due date"), {
      target: { value: isoOf(moved) },
    });
    await typeUpdate(user, "Claims review later");
    await screen.findByRole("heading", { level: 2, name: /R2/ });
    expect(host.cell("Annex Risks", DUE_CELL)?.formula).toBe("=Lookups!A1");
    // Shown under the card and said in the live region (both).
    expect(
      screen.getAllByText(
        /holds a formula, so it was left as it is: the action's change is not on the register/,
      ),
    ).toHaveLength(2);
    expect(logRows(host).at(-1)!.Changes ?? "").not.toMatch(/due/);
  });
});
