// The command line's settings: read from the workbook's owned Settings sheet, issues named by its cells.

import { settingsFromGrids, settingsWarningLine } from "../../src/cli/settings-from-grids";
import { gridFromRows } from "../../src/core/model/grid";
import { OWNED_MARKER, OWNED_TAB_NAMES } from "../../src/core/model/owned-tab";

describe("settingsFromGrids", () => {
  it("names the sheet and the real cell of a bad value once, also when the used range starts below A1", () => {
    const g = gridFromRows(OWNED_TAB_NAMES.settings, [
      ["Contract Risk Review settings", null, OWNED_MARKER],
      ["Setting", "Value", "Meaning"],
      ["reviewPeriodMonths", "one month"],
    ]);
    g.owned = true;
    g.rowOffset = 2;
    g.colOffset = 1;
    const { issues } = settingsFromGrids([g]);
    expect(issues).toEqual([
      "Setting 'reviewPeriodMonths' in Risk Review Settings!C5 is 'one month', not a whole number; using 1",
    ]);
    const line = settingsWarningLine("council.xlsx", issues[0]);
    expect(line).toBe(`risk-review: warning: "council.xlsx": ${issues[0]}`);
    expect(line.split("Settings").length - 1).toBe(1);
  });
});
