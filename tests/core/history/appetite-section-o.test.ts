// A section row's leading label ("Category: Financial", "Risk Category - Operational") is not part of the
// category: the appetite Settings give "Financial" applies to the risks under "Category: Financial"
// (SPEC "History, appetite and proposals": appetite by Category, else section, else annex; "Real registers").

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue } from "../../../src/core/model/grid";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import { dayFromIso } from "../../../src/core/parse";

const AS_AT = "2022-10-10";
const HEADERS = ["Risk ID", "Risk Title", "Risk Owner", "Score", "Strategy", "Last Updated", "Status"];
const WIDTH = HEADERS.length;

const settings: Settings = {
  ...defaultSettings(),
  appetite: {
    maxima: { averse: 4, minimal: 6, cautious: 9, open: 12, eager: 16 },
    categories: { Financial: "cautious", Operational: "eager" },
    defaultLevel: "eager",
  },
};

const risk = (id: string, score: number): CellValue[] => [
  id,
  "Pothole claims rise",
  "Jane Smith",
  score,
  "Treat",
  "01/10/2022",
  "Open",
];
const heading = (text: string): CellValue[] => HEADERS.map((_, i) => (i === 0 ? text : null));

function register(section: string) {
  return gridFromRows("Register", [HEADERS, heading(section), risk("R1", 12)], {
    merges: [{ top: 1, left: 0, bottom: 1, right: WIDTH - 1 }],
  });
}

function aboveAppetite(section: string): string[] {
  return checkWorkbook([register(section)], { settings, asAt: AS_AT, today: AS_AT, source: "t.xlsx" })
    .findings.filter((f) => f.ruleId === "risk/above-appetite")
    .map((f) => f.message);
}

describe("a section row's label is not part of its category", () => {
  it.each(["Category: Financial", "Risk Category - Financial", "Section: Financial", "Category – Financial"])(
    "%s: the risk's appetite is Financial's (Cautious, 9)",
    (section) => {
      expect(aboveAppetite(section)).toEqual([
        "Risk R1 scores 12, above the appetite for Financial (Cautious, up to 9).",
      ]);
    },
  );

  it("the section the reader gives the rows below is the heading without its label", () => {
    const { records, sheets } = readWorkbook(
      [register("Risk Category - Operational")],
      settings,
      dayFromIso(AS_AT)!,
    );
    expect(records.risks.map((r) => r.section)).toEqual(["Operational"]);
    expect(sheets[0].sections).toEqual([{ row: 1, text: "Operational" }]);
    expect(aboveAppetite("Risk Category - Operational")).toEqual([]);
  });

  it.each(["Annex 3", "Lot 2", "Financial and commercial risks"])("%s stays as it is", (section) => {
    const { records } = readWorkbook([register(section)], settings, dayFromIso(AS_AT)!);
    expect(records.risks.map((r) => r.section)).toEqual([section]);
  });
});
