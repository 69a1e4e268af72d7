/** @jest-environment jsdom */
// The sheet list says why a row was not taken for a risk: sections found, rows set aside, month-first columns.

import * as React from "react";
import { render, screen } from "@testing-library/react";
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
