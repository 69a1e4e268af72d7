/** @jest-environment jsdom */
// The Check view: one button checks; sheets and mapping; counts, groups, filters, selecting and marking.

import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { renderApp } from "./render";
import { MockGateway, finding, sampleReport } from "./fixtures";

async function checked() {
  const user = userEvent.setup({ delay: null });
  const r = renderApp();
  await waitFor(() => expect(r.gateway.callsOf("loadSettings")).toHaveLength(1));
  await user.click(await screen.findByRole("button", { name: "Check workbook" }));
  await screen.findByRole("heading", { name: "Findings" });
  return { user, ...r };
}

// Fluent UI in jsdom is slow on a busy 2-core machine; the default 5 s is too tight.
jest.setTimeout(30000);

describe("CheckView", () => {
  it("checks the whole workbook with one button and shows the counts", async () => {
    const { gateway, engine } = await checked();
    expect(gateway.callsOf("readAllSheets")).toHaveLength(1);
    expect(engine.checks).toHaveLength(1);
    const counts = screen.getByRole("list", { name: "Finding counts" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["5 errors", "1 warning", "0 notes", "1 accepted"]);
    expect(screen.getByRole("status").textContent).toBe("Check finished: 6 findings.");
  });

  it("groups findings by severity and rule, keeping the engine's priority order", async () => {
    await checked();
    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      "Errorrisk/missing-strategy(2)",
      "Errorrisk/stale-update(1)",
      "Errorrisk/missing-owner(1)",
      "Errorsheet/missing-column(1)",
      "Warningrisk/action-overdue(1)",
    ]);
  });

  it.each([
    ["click", "IRIS Risks!D5 · HRC-001", { sheet: "IRIS Risks", address: "D5" }],
    ["Enter", "Actions!E3 · HRC-001", { sheet: "Actions", address: "E3" }],
    // A sheet-level finding: the header row across the table's columns.
    ["click", "IRIS Risks, header row 4", { sheet: "IRIS Risks", address: "A4:E4" }],
  ])("selects the finding's cell on %s (%s)", async (how, place, target) => {
    const { user, gateway } = await checked();
    const button = screen.getByRole("button", {
      name: new RegExp(`^\\w+: ${place.replace(/[.*+?^${}()|[\]\\!]/g, "\\$&")} \\. `),
    });
    if (how === "click") await user.click(button);
    else {
      act(() => button.focus());
      await user.keyboard("{Enter}");
    }
    await waitFor(() => expect(gateway.callsOf("selectCell")).toEqual([[target]]));
    expect(button).toHaveAttribute("aria-current", "true");
  });

  it("names sheet, cell and record id on every finding", async () => {
    await checked();
    const buttons = screen.getAllByRole("button", { name: /^(Error|Warning|Note): / });
    expect(buttons).toHaveLength(6);
    expect(buttons[0]).toHaveAccessibleName("Error: IRIS Risks!D5 · HRC-001 . HRC-001 has no strategy.");
    expect(buttons[0]).toHaveAccessibleDescription(
      "Press Enter to go to the cell. Arrow keys move between findings.",
    );
  });

  it.each([
    ["Severity", "Warning", 1],
    ["Rule", "risk/missing-strategy", 2],
    ["Sheet", "Actions", 1],
  ])("filters by %s = %s", async (label, value, n) => {
    const { user } = await checked();
    await user.selectOptions(screen.getByRole("combobox", { name: label }), value);
    expect(screen.getAllByRole("button", { name: /^(Error|Warning|Note): / })).toHaveLength(n);
    expect(screen.getByText(`Showing ${n} of 6. Select a finding to go to its cell.`)).toBeInTheDocument();
  });

  it("marks the shown findings' cells and removes the marks", async () => {
    const { user, gateway } = await checked();
    await user.selectOptions(screen.getByRole("combobox", { name: "Sheet" }), "IRIS Risks");
    await user.click(screen.getByRole("button", { name: "Mark 4 cells" }));
    await waitFor(() => expect(gateway.callsOf("markCells")).toHaveLength(1));
    expect(gateway.callsOf("markCells")[0][0]).toEqual([
      { sheet: "IRIS Risks", address: "D5" },
      { sheet: "IRIS Risks", address: "D6" },
      { sheet: "IRIS Risks", address: "E6" },
      { sheet: "IRIS Risks", address: "C7" },
    ]);
    await user.click(screen.getByRole("button", { name: "Remove marks" }));
    await waitFor(() => expect(gateway.callsOf("clearMarks")).toHaveLength(1));
  });

  it("shows each sheet's kind and header row, and saves a column correction then re-checks", async () => {
    const { user, gateway, engine } = await checked();
    const sheetButton = screen.getByRole("button", {
      name: /IRIS Risks\s*Risk register · headers in row 4 · 4 of 5 columns recognised/,
    });
    expect(screen.getByRole("button", { name: /Notes\s*Not used/ })).toBeInTheDocument();
    await user.click(sheetButton);
    const approach = screen.getByRole("combobox", { name: "D · Approach" });
    expect(approach).toHaveValue("");
    expect(screen.getByText("Your correction, saved in the workbook")).toBeInTheDocument();
    await user.selectOptions(approach, "strategy");
    await waitFor(() => expect(engine.checks).toHaveLength(2));
    const saved = gateway.callsOf("saveSettings");
    expect(saved).toHaveLength(1);
    expect(engine.checks[1].columnCorrections).toEqual([
      { sheet: "IRIS Risks", header: "Approach", field: "strategy" },
    ]);
  });

  it("says in the sheet list when a sheet was read without its merged cells", async () => {
    const { user } = await checked();
    const actions = screen.getByRole("button", {
      name: /Actions\s*Actions · headers in row 1 .*merged cells not read/,
    });
    expect(screen.getByRole("button", { name: /IRIS Risks\s*Risk register/ }).textContent).not.toMatch(
      /merged/,
    );
    await user.click(actions);
    expect(screen.getByText(/could not list this sheet's merged cells/)).toBeInTheDocument();
  });

  it("shows a long group's first five findings and 'Show all', each saying its place, and keeps the filter across views", async () => {
    const user = userEvent.setup({ delay: null });
    const base = sampleReport();
    const stale = Array.from({ length: 120 }, (_, i) =>
      finding({
        ruleId: "risk/stale-update",
        sheet: "IRIS Risks",
        cell: `K${i + 5}`,
        recordId: `HRC-${i + 1}`,
      }),
    );
    renderApp({ report: { ...base, findings: [...stale, ...base.findings] } });
    await user.click(await screen.findByRole("button", { name: "Check workbook" }));
    const group = await screen.findByRole("list", { name: /risk\/stale-update/ });
    const rows = () => within(group).getAllByRole("listitem");
    expect(rows().map((r) => [r.getAttribute("aria-posinset"), r.getAttribute("aria-setsize")])).toEqual(
      ["1", "2", "3", "4", "5"].map((n) => [n, "121"]),
    );
    await user.click(screen.getByRole("button", { name: "Show all 121 risk/stale-update findings" }));
    // Shown in full: only the rows near the window are drawn (jsdom's window is 768 px high).
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(60);
    expect(document.activeElement).toHaveAccessibleName(/^Error: IRIS Risks!K10 · HRC-6 \. /);

    await user.selectOptions(screen.getByRole("combobox", { name: "Sheet" }), "IRIS Risks");
    await user.click(screen.getByRole("tab", { name: "Summaries" }));
    await screen.findByRole("button", { name: "Write summary tabs" });
    await user.click(screen.getByRole("tab", { name: "Check" }));
    expect(screen.getByRole("combobox", { name: "Sheet" })).toHaveValue("IRIS Risks");
    expect(screen.getByRole("button", { name: /^Show the first 5 only/ })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
  }, 120000);

  it("re-checks after edits with one click", async () => {
    const { user, gateway } = await checked();
    await user.click(screen.getByRole("button", { name: "Check again" }));
    await waitFor(() => expect(gateway.callsOf("readAllSheets")).toHaveLength(2));
  });

  it.each([
    [
      { code: "InvalidOperationInCellEditMode" },
      "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.",
    ],
    [new Error("boom"), "Something went wrong: boom"],
  ])("explains a failed check in plain words (%p)", async (err, text) => {
    const user = userEvent.setup({ delay: null });
    const gateway = new MockGateway();
    gateway.failNext.readAllSheets = err;
    renderApp({ gateway });
    await user.click(await screen.findByRole("button", { name: "Check workbook" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(text);
    await user.click(screen.getByRole("button", { name: "Dismiss the message" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
