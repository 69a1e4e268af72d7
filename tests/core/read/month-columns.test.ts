// Fields kept month by month, one column per month (src/core/read/month-columns.ts): which headers name a
// month, which columns make a family and of which field, binding to the as-at date, each row's current month.

import { fillMergedAreas, gridFromRows, type CellValue } from "../../../src/core/model/grid";
import { fieldMonth, monthCells } from "../../../src/core/model/month-cells";
import { fieldText, type SheetRecord } from "../../../src/core/model/records";
import { headerText } from "../../../src/core/read/cell-text";
import { detectSheet } from "../../../src/core/read/detect-sheet";
import { mapHeaders, type HeaderCell } from "../../../src/core/read/map-headers";
import { bindMonthFamilies, headerMonth } from "../../../src/core/read/month-columns";
import { readTable } from "../../../src/core/read/read-table";
import { dayFromIso, isoFromDay } from "../../../src/core/parse";
import { reportOf } from "../rules/harness";

const day = (iso: string) => dayFromIso(iso)!;
const cells = (headers: string[], group?: string): HeaderCell[] =>
  headers.map((text, col) => ({ col, text, ...(group && col >= 2 ? { group } : {}) }));

describe("headerMonth", () => {
  it.each([
    ["Update Apr-22", "2022-04-01", "Update"],
    ["Sep-22", "2022-09-01", ""],
    ["September 2022", "2022-09-01", ""],
    ["Sept 2022", "2022-09-01", ""],
    ["RAG Jul '22", "2022-07-01", "RAG"],
    ["Progress (Aug 2022)", "2022-08-01", "Progress"],
    ["Update - April 2022", "2022-04-01", "Update"],
  ])("%s is %s, with %j beside it", (text, iso, rest) => {
    expect(headerMonth(text)).toEqual({ day: day(iso), rest });
  });

  it.each([
    "Update",
    "Summary 2022",
    "Date Raised",
    "Apr-22 to Jun-22",
    "Mayor 2022",
    "Progress Jul",
    "2022/23",
  ])("%s names no month", (text) => expect(headerMonth(text)).toBeNull());
});

describe("headerText", () => {
  it("shows a date header as Excel does, never as its serial", () => {
    expect(headerText(44805, "mmm-yy")).toBe("Sep-22");
    expect(headerText(44805, "mmmm yyyy")).toBe("September 2022");
    expect(headerText(44805, "dd/mm/yyyy")).toBe("01/09/2022");
    expect(headerText(44805, null)).toBe("44805");
    expect(headerText("Owner", null)).toBe("Owner");
  });
});

describe("mapHeaders: month families", () => {
  const base = ["Risk ID", "Risk Title"];

  it("maps a family to its field at its newest month, labelling every column with its month", () => {
    const m = mapHeaders(
      "risk-register",
      cells([...base, "Update Aug-22", "Update Jul-22", "Update Sep-22"]),
    );
    expect(m.fieldColumns.get("update")).toBe(4);
    expect(m.columns.map((c) => [c.field, c.month ?? null])).toEqual([
      ["id", null],
      ["title", null],
      [null, "Aug-22"],
      [null, "Jul-22"],
      ["update", "Sep-22"],
    ]);
    expect(m.monthFamilies?.[0].columns.map((c) => c.col)).toEqual([3, 2, 4]);
  });

  it.each([
    [
      "months alone on a register are its updates",
      "risk-register",
      ["Jul-22", "Aug-22"],
      undefined,
      "update",
    ],
    [
      "months alone on a plan are its progress",
      "improvement-plan",
      ["Jul-22", "Aug-22"],
      undefined,
      "status",
    ],
    [
      "months under a group header are the field it names",
      "risk-register",
      ["Jul-22", "Aug-22"],
      "RAG",
      "rag",
    ],
    ["'Monthly Update' names the update", "risk-register", ["Jul-22", "Aug-22"], "Monthly Update", "update"],
    [
      "the words beside the month name the field",
      "risk-register",
      ["Score Jul-22", "Score Aug-22"],
      undefined,
      "score",
    ],
  ])("%s", (_, kind, months, group, field) => {
    const m = mapHeaders(kind as "risk-register", cells([...base, ...months], group));
    expect(m.monthFamilies?.map((f) => f.field)).toEqual([field]);
  });

  it("an explicit column of the field wins: the month columns are read as before, not as a family", () => {
    const m = mapHeaders(
      "risk-register",
      cells([...base, "Latest Update", "Update Jul-22", "Update Aug-22"]),
    );
    expect(m.fieldColumns.get("update")).toBe(2);
    expect(m.monthFamilies).toBeUndefined();
    expect(m.columns.filter((c) => c.month !== undefined)).toEqual([]);
  });

  it("one update column named with its month is a family of one: its words are that month's update", () => {
    // Changed in rv29-misfire (was "one month column alone is no family"): a register keeping only this
    // month's update column ("Update (Sep-22)", last month's copied off) dates its updates by that header.
    for (const header of ["Update Sep-22", "Update (Sep-22)"]) {
      const m = mapHeaders("risk-register", cells([...base, header]));
      expect(m.monthFamilies?.map((f) => [f.field, f.columns.map((c) => c.label)])).toEqual([
        ["update", ["Sep-22"]],
      ]);
      expect(m.fieldColumns.get("update")).toBe(2);
    }
  });

  it.each<[string, string[], string, string[]]>([
    [
      "a financial year: April–December in its first year, January–March in its second",
      ["April", "Dec", "January", "Mar"],
      "Monthly update 2022/23",
      ["Apr-22", "Dec-22", "Jan-23", "Mar-23"],
    ],
    ["a calendar year", ["Jul", "Aug", "Sept"], "Monthly update 2022", ["Jul-22", "Aug-22", "Sep-22"]],
    ["a financial year written FY 2022-23", ["July", "August"], "Updates FY 2022-23", ["Jul-22", "Aug-22"]],
  ])(
    "months headed by their names alone under a group giving %s are the group's field, dated in that year",
    (_, months, group, labels) => {
      const m = mapHeaders("risk-register", cells([...base, ...months], group));
      expect(m.monthFamilies?.map((f) => [f.field, f.columns.map((c) => c.label)])).toEqual([
        ["update", labels],
      ]);
    },
  );

  it.each([
    ["no group", undefined],
    ["a group giving no year", "Monthly update"],
    ["a group giving two years", "Monthly update 2022 and 2023"],
  ])("months headed by their names alone under %s are not read (a month needs its year)", (_, group) => {
    const m = mapHeaders("risk-register", cells([...base, "July", "August", "September"], group));
    expect(m.monthFamilies).toBeUndefined();
  });

  it("one month column of another field, or a bare month, is no family", () => {
    for (const header of ["Score Sep-22", "Budget Sep-22", "Sep-22"]) {
      const m = mapHeaders("risk-register", cells([...base, header]));
      expect(m.monthFamilies).toBeUndefined();
    }
  });
});

describe("bare month names under a group header giving the year, as officers lay it out (heuristics review 31)", () => {
  const YEAR = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
  const HEAD = ["Risk ID", "Risk Title", "Risk Owner", "Strategy"];
  const monthsRead = (months: string[], merged: boolean) => {
    const group: CellValue[] = [null, null, null, null, "Monthly update 2022/23"];
    const grid = gridFromRows(
      "Risk Register",
      [group, [...HEAD, ...months], ["R1", "A", "Ann", "Treat", "x"]],
      {
        merges: merged ? [{ top: 0, left: 4, bottom: 0, right: 3 + months.length }] : [],
      },
    );
    const m = detectSheet(fillMergedAreas(grid)).mapping!;
    return m.monthFamilies?.map((f) => [f.field, f.columns.map((c) => c.label)]);
  };

  it("merged over a whole financial year (most of the header): a group over months, not the table's title", () => {
    expect(monthsRead(YEAR, true)).toEqual([["update", YEAR.map((mm, k) => `${mm}-${k < 9 ? 22 : 23}`)]]);
  });

  it("written once over Apr: it stands over May … Sep to its right", () => {
    expect(monthsRead(YEAR.slice(0, 6), false)).toEqual([
      ["update", ["Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22", "Sep-22"]],
    ]);
  });
});

describe("reading a register kept month by month", () => {
  const rows: CellValue[][] = [
    ["Risk ID", "Risk Title", "Risk Owner", "Strategy", "Update Aug-22", "Update Sep-22", "Update Oct-22"],
    ["R1", "A", "Ann", "Treat", "August", "No change", "October, early"],
    ["R2", "B", "Bob", "Treat", "August", "-", null],
    ["R3", "C", "Cat", "Treat", null, null, null],
  ];

  function read(asAt: string): SheetRecord<string>[] {
    const grid = gridFromRows("Risk Register", rows);
    const layout = detectSheet(grid);
    bindMonthFamilies(layout.mapping, day(asAt));
    return readTable<string>(grid, layout);
  }

  it("reads each row's newest filled month up to the as-at date, a placeholder as empty", () => {
    const [r1, r2, r3] = read("2022-09-30");
    expect([r1, r2, r3].map((r) => fieldText(r, "update"))).toEqual(["No change", "August", ""]);
    const month = (r: SheetRecord<string>) => {
      const d = fieldMonth(r, "update");
      return d === null ? null : isoFromDay(d);
    };
    expect([r1, r2, r3].map(month)).toEqual(["2022-09-01", "2022-08-01", null]);
    expect(monthCells(r1, "update").map((m) => m.cell.text)).toEqual(["August", "No change"]);
  });

  it("binds the field to the as-at month's column, so a blank row points there", () => {
    const grid = gridFromRows("Risk Register", rows);
    const layout = detectSheet(grid);
    bindMonthFamilies(layout.mapping, day("2022-09-30"));
    expect(layout.mapping!.fieldColumns.get("update")).toBe(5);
    expect(layout.mapping!.monthFamilies![0].readable).toBe(2);
  });

  it("reads the October column once the as-at date reaches October", () => {
    const [r1] = read("2022-10-31");
    expect(fieldText(r1, "update")).toBe("October, early");
  });
});

it("a block of columns a month, under a month group header each, makes one family a field", () => {
  const head: HeaderCell[] = [
    { col: 0, text: "Risk ID" },
    { col: 1, text: "Risk Title" },
    { col: 2, text: "RAG", group: "Aug-22" },
    { col: 3, text: "Update", group: "Aug-22" },
    { col: 4, text: "RAG", group: "Sep-22" },
    { col: 5, text: "Update", group: "Sep-22" },
  ];
  const m = mapHeaders("risk-register", head);
  expect(Object.fromEntries(m.fieldColumns)).toMatchObject({ rag: 4, update: 5 });
  expect(m.columns.map((c) => c.month ?? null)).toEqual([null, null, "Aug-22", "Aug-22", "Sep-22", "Sep-22"]);
});

describe("a register whose only update column is named with its month (a family of one)", () => {
  const head = [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Likelihood",
    "Impact",
    "Strategy",
    "Mitigating Actions",
  ];
  const sheet = (header: string) => ({
    name: "Risk Register",
    rows: [
      [...head, header],
      ["UC-01", "Claims", "Jo Smith", 3, 3, "Treat", "Inspections", "Claims steady; no change"],
      ["UC-02", "Flooding", "Jo Smith", 3, 3, "Treat", "Inspections", null],
    ],
  });
  const stale = (report: ReturnType<typeof reportOf>) =>
    report.findings.filter((f) => f.ruleId === "risk/stale-update");

  it("dates a filled cell the month's first day and lacks no last-updated column", () => {
    const report = reportOf([sheet("Update (Sep-22)")], { asAt: "2022-09-30" });
    expect(stale(report).map((f) => f.recordId)).toEqual(["UC-02"]);
    expect(report.findings.filter((f) => f.ruleId === "sheet/missing-column")).toEqual([]);
  });

  it("a column of the month before the as-at month dates its words then: stale, the message naming the day", () => {
    const report = reportOf([sheet("Update Aug-22")], { asAt: "2022-09-30" });
    const found = stale(report);
    expect(found.map((f) => f.recordId)).toEqual(["UC-01", "UC-02"]);
    expect(found[0].message).toContain("01/08/2022");
  });
});
