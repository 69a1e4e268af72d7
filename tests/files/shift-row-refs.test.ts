// shiftRowRefs: a totals row's formula after rows are inserted above it (rows 21–23 inserted at row 21).

import { shiftRowRefs } from "../../src/files/xlsx/shift-row-refs";
import { reachesRowOf } from "../../src/files/xlsx/totals-row-references";

describe("shiftRowRefs (3 rows inserted at 0-based row 20, the totals row)", () => {
  it.each([
    ["a range ending on the last data row grows", "SUM(F5:F20)", "SUM(F5:F23)"],
    ["absolute rows too", "SUBTOTAL(109,$F$5:$F$20)", "SUBTOTAL(109,$F$5:$F$23)"],
    ["a structured reference is kept", "SUBTOTAL(109,Table1[Score])", "SUBTOTAL(109,Table1[Score])"],
    ["a totals reference is kept", "Table1[[#Totals],[Score]]*2", "Table1[[#Totals],[Score]]*2"],
    ["a cell in the totals row moves with it", "F21/G21", "F24/G24"],
    ["a single cell on the last data row is kept", "F20", "F20"],
    [
      "another sheet's range is kept",
      "SUM(Other!F5:F20)+SUM('My Sheet'!F5:F20)",
      "SUM(Other!F5:F20)+SUM('My Sheet'!F5:F20)",
    ],
    ["text is kept", 'IF(F21>0,"F5:F20","")', 'IF(F24>0,"F5:F20","")'],
    ["a function name is kept", "LOG10(F21)", "LOG10(F24)"],
    ["a range above is kept", "SUM(F5:F10)", "SUM(F5:F10)"],
  ])("%s", (_why, formula, expected) => {
    expect(shiftRowRefs(formula, 20, 3)).toBe(expected);
  });
});

describe("reachesRowOf (does a formula elsewhere name row 21, 0-based 20, of Register or below?)", () => {
  it.each<[string, string, boolean]>([
    ["a cell on the totals row", "Register!$F$21", true],
    ["a quoted sheet name, any case", "'register'!F21*2", true],
    ["a range reaching it", "SUM(Register!F5:F21)", true],
    ["a whole row", "SUM(Register!21:21)", true],
    ["a range above it", "SUM(Register!F5:F20)", false],
    ["another sheet's row 21", "Other!F21", false],
    ["a sheet whose name ends the same", "MyRegister!F21", false],
    ["a name with spaces, quoted", "'Risk Register'!F21", false],
    ["text that looks like one", '"Register!F21"', false],
  ])("%s: %s", (_why, formula, expected) => {
    expect(reachesRowOf(formula, "Register", 20)).toBe(expected);
  });
});
