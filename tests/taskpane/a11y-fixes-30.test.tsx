/** @jest-environment jsdom */
// What the a11y review (rv-a11y30) saw beside its tests, fixed in fx-a11y30, on the real pane over the fake host:
// the add-in's hidden Settings sheet listed in the Check view as "Not used"; a month's update shown twice on the
// meeting card's history (the month column's words and the Update Log's entry of them); and a record on a
// register whose month columns date its updates noting that it "has no Last Updated column".

import * as util from "util";
import { screen, waitFor, within } from "@testing-library/react";
import "@testing-library/jest-dom";
import { computeAccessibleName } from "dom-accessibility-api";
import { saveSettings } from "../../src/excel/settings-store";
import { defaultSettings } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import { installFakeExcel, uninstallFakeExcel, type FakeSheetSpec } from "../fakes/fake-excel";
import { openPaneAndStart, renderPane } from "./start-meeting";

jest.setTimeout(60_000);
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

afterEach(() => {
  uninstallFakeExcel();
  localStorage.clear();
});

const serial = (y: number, m: number, d: number): number =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** A register keeping its updates a column a month (Jul-22 … Oct-22), with no Last Updated column. */
function monthRegister(): FakeSheetSpec {
  return {
    name: "Highways Risks",
    values: [
      [
        ...["Risk ID", "Risk Title", "Risk Owner", "Likelihood", "Impact", "Score", "Strategy"],
        ...["Mitigating Actions", "Risk Status", "Update Jul-22", "Update Aug-22", "Update Sep-22"],
        "Update Oct-22",
      ],
      [
        ...["HRC-101", "A38 carriageway failure", "Jane Smith", 4, 4, 16, "Treat", "Resurface", "Open"],
        ...["July: patching", "August: patching", "September: patching", null],
      ],
    ],
  };
}

/** The Update Log holding August's and September's words as the month columns hold them. */
function updateLog(): FakeSheetSpec {
  const rows: CellValue[][] = [
    ["Date", "Register", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Changes"],
    [serial(2022, 8, 22), "Highways Risks", "HRC-101", "Jane Smith", "August: patching", "", 16, "Treat", ""],
    [
      serial(2022, 9, 21),
      "Highways Risks",
      "HRC-101",
      "Jane Smith",
      "September: patching",
      "",
      16,
      "Treat",
      "",
    ],
  ];
  return {
    name: "Update Log",
    values: rows,
    numberFormats: rows.map((r) => [typeof r[0] === "number" ? "dd/mm/yyyy" : null]),
  };
}

describe("Check view: the add-in's own tabs in the sheet list", () => {
  it("lists its hidden Settings sheet as the add-in's own tab, not 'Not used'; an officer's sheet of notes stays 'Not used'", async () => {
    installFakeExcel({
      sheets: [monthRegister(), { name: "Notes", values: [["Meeting notes, kept by hand"]] }],
      apiVersion: "1.13",
    });
    await saveSettings({ ...defaultSettings(), asAt: "2022-09-30" });
    const { user } = renderPane("check");
    const button = await screen.findByRole("button", { name: "Check workbook" });
    await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled", "true"));
    await user.click(button);
    const settings = await screen.findByRole("button", { name: /^Risk Review Settings / });
    expect(computeAccessibleName(settings)).toBe("Risk Review Settings The add-in's own tab");
    expect(computeAccessibleName(screen.getByRole("button", { name: /^Notes / }))).toBe("Notes Not used");
    // Opened, it does not say the same again.
    await user.click(settings);
    const item = settings.closest(".fui-AccordionItem") as HTMLElement;
    expect(within(item).queryByText("the add-in's own tab")).toBeNull();
  });
});

describe("Meeting card on a register keeping its updates a column a month", () => {
  async function meeting(asAt: string): Promise<ReturnType<typeof openPaneAndStart>> {
    installFakeExcel({ sheets: [monthRegister(), updateLog()], apiVersion: "1.13" });
    await saveSettings({ ...defaultSettings(), asAt });
    return openPaneAndStart(1, asAt);
  }

  it("shows a month's update once in the history when the Update Log holds the month column's words", async () => {
    await meeting("2022-10-10");
    const card = screen.getByRole("region", { name: /^HRC-101:/ });
    const logged = within(within(card).getByRole("table"))
      .getAllByRole("row")
      .slice(1)
      .map((row) => `${row.children[0].textContent}: ${row.children[2].textContent}`);
    expect(logged).toEqual([
      "Oct 2022: nothing logged",
      "Sep 2022: September: patching — Jane Smith",
      "Aug 2022: August: patching — Jane Smith",
      "Jul 2022: July: patching",
    ]);
  });

  it("a record written in the month's column leaves no note of a Last Updated column: the month dates it", async () => {
    const { user } = await meeting("2022-10-10");
    await user.type(screen.getByRole("textbox", { name: "Update for HRC-101" }), "Resurfacing booked");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await screen.findByText("Update recorded");
    expect(document.body.textContent).not.toMatch(/Last Updated column/);
    // Nor any other note: Oct-22's column holds the update.
    expect(document.body.textContent).not.toMatch(/just recorded:/);
  });
});
