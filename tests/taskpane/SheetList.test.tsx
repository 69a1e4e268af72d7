/** @jest-environment jsdom */
// The sheet list says why a row was not taken for a risk: sections found, rows set aside, month-first columns.

import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SheetList, sheetSummary } from "../../src/taskpane/components/SheetList";
import { structureLines } from "../../src/core/read/structure-lines";
import type { SheetInfo } from "../../src/core/model/sheet-info";

jest.setTimeout(60_000);

const annex: SheetInfo = {
  name: "Annex A Highways",
  kind: "risk-register",
  headerRow: 1,
  columns: [
    { col: 0, header: "Risk No", field: "id", source: "header" },
    { col: 8, header: "Last Updated", field: "lastUpdated", source: "header" },
  ],
  unmapped: [],
  recordCount: 10,
  sections: [
    { row: 2, text: "Financial and commercial risks" },
    { row: 8, text: "Operational risks" },
  ],
  setAside: [
    { row: 2, reason: "heading" },
    { row: 8, reason: "heading" },
    { row: 18, reason: "totals" },
  ],
  monthFirstColumns: ["I"],
};

describe("structureLines", () => {
  it.each<[string, SheetInfo, string[]]>([
    [
      "sections, rows set aside and month-first columns, with 1-based rows and the column's header",
      annex,
      [
        "Sections: Financial and commercial risks (row 3); Operational risks (row 9).",
        "Not taken for records: row 3 (section heading), row 9 (section heading), row 19 (totals row).",
        "Read month first: I (Last Updated), where a date can only be month first (such as 09/30/2022).",
      ],
    ],
    [
      "a field kept month by month, in the pane's words for it ('RAG', 'Latest update'), not its code",
      {
        ...annex,
        sections: undefined,
        setAside: undefined,
        monthFirstColumns: undefined,
        monthColumns: [
          {
            field: "rag",
            months: [
              { letter: "J", month: "Jul-22" },
              { letter: "K", month: "Aug-22" },
            ],
            read: 2,
          },
          {
            field: "update",
            months: [
              { letter: "L", month: "Sep-22" },
              { letter: "M", month: "Oct-22" },
            ],
            read: 1,
          },
        ],
      },
      [
        "RAG, by month: Jul-22 (J), Aug-22 (K), each row read from its latest filled month up to the as-at date.",
        "Latest update, by month: Sep-22 (L), Oct-22 (M), each row read from its latest filled month up to the as-at date; Oct-22, after the as-at date, not read yet.",
      ],
    ],
    [
      "nothing to say",
      { ...annex, sections: undefined, setAside: undefined, monthFirstColumns: undefined },
      [],
    ],
  ])("%s", (_name, sheet, lines) => {
    expect(structureLines(sheet)).toEqual(lines);
  });

  it("the summary counts the rows set aside, and names a risk matrix sheet", () => {
    expect(sheetSummary(annex)).toBe(
      "Risk register · headers in row 2 · 2 of 2 columns recognised · 10 rows · 3 set aside",
    );
    expect(
      sheetSummary({
        name: "Matrix",
        kind: "unknown",
        headerRow: null,
        columns: [],
        unmapped: [],
        recordCount: 0,
        riskMatrix: true,
      }),
    ).toBe("Risk matrix (sets the RAG bands)");
  });

  it("the summary of the add-in's own tab (its Settings, a summary tab) says whose it is, not 'Not used'", () => {
    expect(
      sheetSummary({
        name: "Risk Review Settings",
        kind: "unknown",
        headerRow: null,
        columns: [],
        unmapped: [],
        recordCount: 0,
        note: "the add-in's own tab",
        owned: true,
      }),
    ).toBe("The add-in's own tab");
  });

  it("the summary counts one row and one column in the singular", () => {
    const one: SheetInfo = { ...annex, columns: annex.columns.slice(0, 1), recordCount: 1, setAside: [] };
    expect(sheetSummary(one)).toBe("Risk register · headers in row 2 · 1 of 1 column recognised · 1 row");
  });

  it("the summary says what an officer's dated copy of a register was taken as: history, not 'Not used'", () => {
    expect(
      sheetSummary({
        name: "Risk Register (Aug 22)",
        kind: "unknown",
        headerRow: null,
        columns: [],
        unmapped: [],
        recordCount: 0,
        historyCopy: { register: "Risk Register", dated: "Aug 2022" },
      }),
    ).toBe('Copy of "Risk Register" dated Aug 2022 · read as history');
  });
});

/** A register keeping its updates a column a month (J Jul-22, K Aug-22, L Sep-22, M Oct-22), as at September. */
const byMonth: SheetInfo = {
  name: "Risk Register",
  kind: "risk-register",
  headerRow: 0,
  columns: [
    { col: 0, header: "Risk ID", field: "id", source: "header" },
    { col: 9, header: "Update Jul-22", field: null, source: "header", month: "Jul-22" },
    { col: 10, header: "Update Aug-22", field: null, source: "header", month: "Aug-22" },
    { col: 11, header: "Update Sep-22", field: "update", source: "header", month: "Sep-22" },
    { col: 12, header: "Update Oct-22", field: null, source: "header", month: "Oct-22" },
    { col: 13, header: "Notes", field: null, source: "header" },
  ],
  unmapped: ["Notes"],
  recordCount: 3,
  monthColumns: [
    {
      field: "update",
      months: ["J", "K", "L", "M"].map((letter, i) => ({
        letter,
        month: `${["Jul", "Aug", "Sep", "Oct"][i]}-22`,
      })),
      read: 3,
    },
  ],
};

describe("a field kept month by month in the sheet list", () => {
  it("counts each month's column as recognised", () => {
    expect(sheetSummary(byMonth)).toBe(
      "Risk register · headers in row 1 · 5 of 6 columns recognised · 3 rows",
    );
  });

  it("shows each earlier month's column as the field by month, a later one as not read yet; choosing it again corrects nothing", async () => {
    const onCorrect = jest.fn();
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetList sheets={[byMonth]} disabled={false} onCorrect={onCorrect} />
      </FluentProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: /Risk Register/ }));
    const shows = (label: string) =>
      (screen.getByRole("combobox", { name: label }) as HTMLSelectElement).selectedOptions[0].textContent;
    expect(shows("J · Update Jul-22")).toBe("Latest update — Jul-22");
    expect(shows("L · Update Sep-22")).toBe("Latest update");
    expect(shows("M · Update Oct-22")).toBe("Latest update — Oct-22 (after the as-at date, not read yet)");
    expect(shows("N · Notes")).toBe("Not used (kept as it is)");
    const july = screen.getByRole("combobox", { name: "J · Update Jul-22" });
    fireEvent.change(july, { target: { value: "(by month)" } });
    expect(onCorrect).not.toHaveBeenCalled();
    // "Not used" is a correction of its own: the column is then no month of the field.
    await userEvent.selectOptions(july, "Not used (kept as it is)");
    expect(onCorrect).toHaveBeenCalledWith("Risk Register", "Update Jul-22", null);
  });
});

describe("a sheet of closed risks or opportunities", () => {
  it("the summary says what it was read as", () => {
    expect(sheetSummary({ ...annex, setAside: undefined, holds: "closed-risks" })).toBe(
      "Risk register · read as closed risks · headers in row 2 · 2 of 2 columns recognised · 10 rows",
    );
    expect(sheetSummary({ ...annex, setAside: undefined, holds: "opportunities" })).toMatch(
      /^Risk register · read as opportunities · /,
    );
  });
});

it("shows the lines when the sheet is opened", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetList sheets={[annex]} disabled={false} onCorrect={() => undefined} />
    </FluentProvider>,
  );
  await userEvent.click(screen.getByRole("button", { name: /Annex A Highways/ }));
  expect(await screen.findByText(/Not taken for records: row 3 \(section heading\)/)).toBeTruthy();
  expect(screen.getByText(/Read month first: I \(Last Updated\)/)).toBeTruthy();
});
