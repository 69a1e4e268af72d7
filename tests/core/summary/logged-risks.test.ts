// loggedRisks: what a workbook holding only an Update Log says of each risk it names (the roll-up's history).

import { checkWorkbook } from "../../../src/core/check";
import { defaultSettings } from "../../../src/core/model/settings";
import { holdsOnlyALog, loggedRisks } from "../../../src/core/summary/logged-risks";
import { grid, REGISTER_HEADERS } from "../rules/harness";

/** Excel's serial number of a day. */
const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
const LOG_HEADER = ["Date", "Register", "Risk ID", "By", "Update", "No change", "Score", "Strategy"];
const logRows = [
  LOG_HEADER,
  [serial(2022, 7, 15), "Highways Register", "HRC-050", "SP", "Monitoring accounts", null, 6, "Treat"],
  [serial(2022, 9, 15), "Highways Register", "HRC-050", "SP", "Payment delays", null, 12, "Treat"],
  [serial(2022, 10, 3), "Highways Register", "HRC-050", "SP", "Administrators appointed", null, 20, "Treat"],
  [serial(2022, 6, 1), "Highways Register", "HRC-051", "SP", "Fleet hire agreed", null, 4, "Treat"],
];
const formats = Object.fromEntries(logRows.slice(1).map((_, i) => [`${i + 1},0`, "dd/mm/yyyy"]));
const settings = defaultSettings();
const check = (sheets: Parameters<typeof grid>[0][]) =>
  checkWorkbook(sheets.map(grid), { settings, asAt: "2022-10-10", today: "2022-10-10", source: "log.xlsx" });

describe("a workbook holding only an Update Log", () => {
  const report = check([{ name: "Update Log", rows: logRows, formats }]);

  it("is told apart from one holding a register beside its log", () => {
    expect(holdsOnlyALog(report)).toBe(true);
    const withRegister = check([
      { name: "Register", rows: [REGISTER_HEADERS] },
      { name: "Update Log", rows: logRows, formats },
    ]);
    expect(holdsOnlyALog(withRegister)).toBe(false);
  });

  it("gives each risk it names its history from its entries alone: newest update, months, trend, staleness", () => {
    const [hrc050, hrc051] = loggedRisks(report, settings);
    expect(hrc050).toMatchObject({
      key: "hrc-50", // HRC-050 folded (see idKey)
      latestUpdate: "2022-10-03",
      latestUpdateText: "Administrators appointed",
      stale: false,
      trend: "up",
      firstSeen: "2022-07-15",
      monthsLogged: true,
    });
    expect(hrc050.months.slice(-5)).toEqual([null, 6, 6, 12, 20]);
    expect(hrc050.monthRags.slice(-4)).toEqual(["amber", "amber", "amber", "red"]);
    // Last logged in June: not updated within the month before 10/10/2022; its June score carried since.
    expect(hrc051).toMatchObject({ key: "hrc-51", stale: true, trend: "same" });
    expect(hrc051.months.slice(-5)).toEqual([4, 4, 4, 4, 4]);
  });
});
