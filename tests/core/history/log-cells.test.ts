// Reading a log's cells: the no-change flag and the date column (each distinct date read once).

import { gridFromRows, type CellValue } from "../../../src/core/model/grid";
import { datesMonthFirst, isNo, isYes, LogDates, minuteOfDay } from "../../../src/core/history/log-cells";
import { monthOf } from "../../../src/core/history/month";
import { dayFromIso } from "../../../src/core/parse/day";
import { readsEitherWay } from "../../../src/core/parse/month-first";

describe("isYes: a log's No change cell", () => {
  it.each<[CellValue, boolean]>([
    ["Yes", true],
    ["yes", true],
    ["Y", true],
    ["TRUE", true],
    ["x", true],
    ["X", true],
    ["✓", true],
    ["✔", true],
    ["  yes", true],
    ["\tYes", true],
    ["\u00a0Yes", true],
    ["Yes – nothing moved", true],
    [true, true],
    [1, true],
    ["No", false],
    ["no", false],
    ["N", false],
    ["", false],
    ["Nope", false],
    ["Yesterday", false],
    ["Not yet", false],
    ["-", false],
    ["0", false],
    [0, false],
    [false, false],
    [null, false],
  ])("%j → %s", (value, expected) => {
    expect(isYes(value)).toBe(expected);
  });
});

describe("isNo: a No change cell that says No outright (a real update, whatever its words)", () => {
  it.each<[CellValue, boolean]>([
    ["No", true],
    ["n", true],
    ["No.", true],
    ["No – works programmed", true],
    [false, true],
    [0, true],
    [null, false],
    ["", false],
    ["N/A", false],
    ["TBC", false],
    ["Yes", false],
    [true, false],
    ["Partly", false],
  ])("%p → %p", (value, expected) => {
    expect(isNo(value)).toBe(expected);
  });
});

describe("LogDates: a log's date column", () => {
  const grid = gridFromRows(
    "Update Log",
    [["Date"], [44805], ["12/09/2022"], ["2022-10-10 14:05"], ["soon"], [null], [44805]],
    { numberFormats: [[], ["dd/mm/yyyy"], [], [], [], [], ["General"]] },
  );
  const at = (dates: LogDates, row: number) => dates.of(grid.values[row][0], grid, row, 0);

  it("reads an Excel serial, a typed UK date and a date with a time, each with its month", () => {
    const dates = new LogDates();
    const expected = (
      [
        ["2022-09-01", -1],
        ["2022-09-12", -1],
        ["2022-10-10", 14 * 60 + 5],
      ] as const
    ).map(([iso, minute]) => {
      const day = dayFromIso(iso)!;
      return { day, month: monthOf(day), minute, monthOnly: false };
    });
    expect([1, 2, 3].map((row) => at(dates, row))).toEqual(expected);
  });

  it("says which cells name a month and no day: the month's first day, counted after its dated entries", () => {
    const cells = gridFromRows(
      "Update Log",
      [["Date"], ["Sept 2022"], [44805], ["w/c 12/09/22"], ["Q3 2022"], ["12/09/2022 14.05"], [44834]],
      { numberFormats: [[], [], ["mmm-yy"], [], [], [], ["mmm-yy"]] },
    );
    const dates = new LogDates();
    const read = [1, 2, 3, 4, 5, 6].map((row) => {
      const d = dates.of(cells.values[row][0], cells, row, 0)!;
      return [d.day, d.monthOnly];
    });
    expect(read).toEqual([
      [dayFromIso("2022-09-01"), true],
      // A serial shown "Sep-22": the month (Excel keeps a typed "Sep-22" as its first day).
      [dayFromIso("2022-09-01"), true],
      // A week, a quarter and a day with a time are not months.
      [dayFromIso("2022-09-12"), false],
      [dayFromIso("2022-07-01"), false],
      [dayFromIso("2022-09-12"), false],
      // 30/09/2022 shown "Sep-22" was a day someone entered: that day.
      [dayFromIso("2022-09-30"), false],
    ]);
  });

  it.each([
    ["the month first", [1, 2]],
    ["the day first", [2, 1]],
  ])(
    "reads one serial shown 'Sep-22' as the month and shown 01/09/2022 as the day, whichever it meets first (%s)",
    (_name, order) => {
      // Excel keeps a typed "Sep 2022" as the serial of 1 September, shown "Sep-22"; another row's 01/09/2022 is
      // the same serial, shown as a day.
      const log = gridFromRows("Update Log", [["Date"], [44805], [44805]], {
        numberFormats: [[], ["mmm-yy"], ["dd/mm/yyyy"]],
      });
      const dates = new LogDates();
      const read = order.map((row) => dates.of(log.values[row][0], log, row, 0)!);
      const byRow = order[0] === 1 ? read : [read[1], read[0]];
      expect(byRow.map((d) => [d.day, d.monthOnly])).toEqual([
        [dayFromIso("2022-09-01"), true],
        [dayFromIso("2022-09-01"), false],
      ]);
    },
  );

  it("gives null for words and blanks", () => {
    const dates = new LogDates();
    expect(at(dates, 4)).toBeNull();
    expect(at(dates, 5)).toBeNull();
  });

  it("reads each distinct value once, the row before's and any earlier one", () => {
    const dates = new LogDates();
    const first = at(dates, 1);
    expect(at(dates, 1)).toBe(first);
    at(dates, 2);
    expect(at(dates, 6)).toBe(first);
  });

  it("looks at the whole column only for a text whose reading it could change", () => {
    let asked = 0;
    const dates = new LogDates(() => {
      asked++;
      return true;
    });
    // An ISO time, a month in words and a serial read the same either way: the column is not looked at.
    const log = gridFromRows("Import Log", [["When"], ["2022-10-10 14:05"], ["12 Sept 2022"], [44805]], {
      numberFormats: [[], [], [], ["dd/mm/yyyy"]],
    });
    for (const row of [1, 2, 3]) dates.of(log.values[row][0], log, row, 0);
    expect(asked).toBe(0);
    // A slashed date could be either: the column says month first, so 09/05/2022 is 5 September.
    const slashed = gridFromRows("Update Log", [["Date"], ["09/05/2022"]]);
    expect(dates.of("09/05/2022", slashed, 1, 0)?.day).toBe(dayFromIso("2022-09-05"));
    expect(asked).toBe(1);
  });
});

describe("readsEitherWay: a date text the column's order could change", () => {
  it.each<[string, boolean]>([
    ["09/05/2022", true],
    ["9.5.22", true],
    ["w/c 09/05/2022", true],
    ["Updated 09-05-2022 by JS", true],
    ["09 / 05 / 2022", true],
    ["2022-09-05", false],
    ["2022-09-05 14:05", false],
    ["5 September 2022", false],
    ["Sept 2022", false],
    ["Q3 2022/23", false],
    ["2022/23", false],
  ])("%s → %s", (text, expected) => {
    expect(readsEitherWay(text)).toBe(expected);
  });
});

describe("datesMonthFirst", () => {
  const column = (...dates: CellValue[]) => [["Date"], ...dates.map((d) => [d])];
  it.each<[string, CellValue[], boolean]>([
    ["a text only month first, the rest either way", ["07/29/2022", "09/05/2022"], true],
    ["one text only day first as well", ["07/29/2022", "13/08/2022"], false],
    ["every text either way", ["09/05/2022", "10/06/2022"], false],
    ["Excel serials and ISO dates (no vote)", [44800, "2022-09-20 14:05", null], false],
    ["a week-commencing prefix", ["w/c 07/29/2022"], true],
  ])("%s → %s", (_case, dates, expected) => {
    expect(datesMonthFirst(column(...dates), 1, 0)).toBe(expected);
  });

  it("is false for a log without a date column", () => {
    expect(datesMonthFirst(column("07/29/2022"), 1, -1)).toBe(false);
  });
});

describe("minuteOfDay: the time a log's date cell gives", () => {
  it.each([
    ["20/09/2022 16:30", 16 * 60 + 30],
    ["2022-09-20T10:00:00.000Z", 10 * 60],
    ["20/09/2022 4:30 pm", 16 * 60 + 30],
    ["20/09/2022 12:05am", 5],
    ["20/09/2022, 09:15", 9 * 60 + 15],
    // A time typed with a dot after a space, as UK officers write it; a dot inside a date is no time.
    ["12/09/2022 14.05", 14 * 60 + 5],
    ["12.09.2022 9.30", 9 * 60 + 30],
    ["w/c 12.09.22", -1],
    [44824.75, 18 * 60],
    [44824, -1],
    ["20/09/2022", -1],
    ["12.09.2022", -1],
    ["20/09/2022 25:00", -1],
    ["Sept 2022", -1],
    [null, -1],
  ])("%j → %d", (value, minute) => {
    expect(minuteOfDay(value)).toBe(minute);
  });
});
