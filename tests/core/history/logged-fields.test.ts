// An Import Log's Field read as the header it was on the register its row names: group headers
// (Inherent / Residual over columns headed alike) and officers' column corrections, from the import
// that writes the log to the history that reads it.

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { applyEditsToGrids } from "../../../src/core/merge/apply-edits-to-grids";
import { toWorkbookEdits } from "../../../src/core/merge/to-workbook-edits";
import { groupedHeader } from "../../../src/core/read/map-headers";
import { mapHeaders } from "../../../src/core/read/map-headers";
import { exportGrid, plan } from "../merge/helpers";
import { GROUPED_HEADERS, groupedRegisterGrid, IMPORT_LOG_HEADER } from "./helpers";

describe("groupedHeader: a header as the check reads it with its group", () => {
  it.each<[string, string | undefined, string]>([
    ["Score", "Inherent", "Inherent Score"],
    ["Score", "Residual", "Residual Score"],
    ["Score", "Residual Risk Rating", "Residual Score"],
    ["Likelihood", "Pre-mitigation", "Pre Likelihood"],
    ["Current Risk Score", "Residual", "Current Risk Score"],
    ["Inherent Score", "Inherent", "Inherent Score"],
    ["Score", "Assessment", "Score"],
    ["Score", undefined, "Score"],
    // A block of columns a month: the month over the column is named first, as "Update Sep-22" names its own.
    ["Update", "Sep-22", "Sep-22 Update"],
    ["RAG", "September 2022", "Sep-22 RAG"],
    ["Update Sep-22", "Sep-22", "Update Sep-22"],
    // A header naming only its period under a group naming the field: the group first.
    ["This month", "Risk score", "Risk score This month"],
    ["Last month", "Risk score", "Risk score Last month"],
  ])("%s under %s is %s", (text, group, named) => {
    expect(groupedHeader({ text, group })).toBe(named);
  });

  it.each<[string, string]>([
    ["Score", "Inherent"],
    ["Score", "Residual"],
    ["Impact", "Target"],
    ["Update", "Sep-22"],
    ["This month", "Risk score"],
    ["Last month", "Risk score"],
  ])("%s under %s maps alone as the pair does", (text, group) => {
    const pair = mapHeaders("risk-register", [{ col: 0, text, group }]).columns[0].field;
    const alone = mapHeaders("risk-register", [{ col: 0, text: groupedHeader({ text, group }) }]).columns[0]
      .field;
    expect(alone).toBe(pair);
  });
});

/** A register with Inherent and Residual groups over columns headed alike; `scores`: [inherent, residual]. */
function groupedRegister(name: string, scores: [number, number]): Grid {
  return groupedRegisterGrid(name, [
    [
      "HRC-001",
      "Pothole claims",
      "Jane Smith",
      4,
      4,
      scores[0],
      2,
      2,
      scores[1],
      "Treat",
      "10/01/2022",
      "01/10/2022",
    ],
  ]);
}

const logGrid = (...rows: CellValue[][]) => gridFromRows("Import Log", [IMPORT_LOG_HEADER, ...rows]);
const logged = (sheet: string, field: string, old: CellValue, now: CellValue): CellValue[] => [
  "2022-10-03 10:00",
  "iris.xlsx",
  sheet,
  "HRC-001",
  null,
  field,
  old,
  now,
];

const check = (grids: Grid[], settings = defaultSettings()) =>
  checkWorkbook(grids, { settings, asAt: "2022-10-10", today: "2022-10-10", source: "test.xlsx" });

describe("the history reads a logged Field as the header it was on the register the row names", () => {
  it("an import into a grouped register logs each Score with its group, and the history reads the residual one", () => {
    const register = groupedRegister("Register", [16, 4]);
    const exportHeaders = ["Risk ID", "Risk Title", "Risk Owner", "Inherent Score", "Residual Score"];
    const exp = exportGrid([["HRC-001", "Pothole claims", "Jane Smith", 20, 6]], exportHeaders);
    const edits = toWorkbookEdits(plan([exp], [register]));
    const fields = edits.logAppends.flatMap((a) => a.rows.map((r) => r[5]));
    expect(fields).toEqual(["Inherent Score", "Residual Score"]);
    // The grids' editor writes the cells and the backup; the Import Log is the rows the import appends.
    const after = applyEditsToGrids([register], edits);
    const report = check([...after, logGrid(...edits.logAppends[0].rows)]);
    expect(report.risks[0].score).toBe(6);
    expect(report.risks[0].months.slice(-2)).toEqual([4, 6]);
    expect(report.risks[0].trend).toBe("up");
  });

  it("a grouped Field logged by hand reads as the column of that group", () => {
    const report = check([
      groupedRegister("IRIS Risks", [20, 6]),
      logGrid(logged("IRIS Risks", "Inherent Score", 16, 20), logged("IRIS Risks", "Residual Score", 9, 6)),
    ]);
    expect(report.risks[0].months.slice(-2)).toEqual([9, 6]);
    expect(report.risks[0].trend).toBe("down");
  });

  it("a bare Field one column alone has on the named register still reads (a log written before groups were named)", () => {
    // "Risk Score" is the residual column's own header here: no other column shares it.
    const register = groupedRegisterGrid(
      "IRIS Risks",
      [["HRC-001", "Pothole claims", "Jane Smith", 4, 4, 16, 2, 2, 6, "Treat", "10/01/2022", "01/10/2022"]],
      GROUPED_HEADERS.map((h, i) => (i === 8 ? "Risk Score" : h)),
    );
    const report = check([register, logGrid(logged("IRIS Risks", "Risk Score", 9, 6))]);
    expect(report.risks[0].months.slice(-2)).toEqual([9, 6]);
  });

  it("a header that means another field on the named register is not the score there", () => {
    // On this register "Score" was corrected to mean nothing the check reads: its change is no score change,
    // though the same words alone read as the score.
    const settings = defaultSettings();
    settings.columnCorrections = [
      { sheet: "IRIS Risks", header: "Score", field: null },
      { sheet: "IRIS Risks", header: "Rating Now", field: "score" },
    ];
    const register = gridFromRows("IRIS Risks", [
      ["Risk ID", "Risk Title", "Risk Owner", "Score", "Rating Now", "Risk Response Strategy", "Date Raised"],
      ["HRC-001", "Pothole claims", "Jane Smith", 3, 12, "Treat", "10/01/2022"],
    ]);
    const report = check([register, logGrid(logged("IRIS Risks", "Score", 9, 3))], settings);
    expect(report.risks[0].score).toBe(12);
    expect(report.risks[0].months.slice(-2)).toEqual([12, 12]);
  });

  it("a row naming a sheet the check did not read falls back to the header's words", () => {
    const register = groupedRegister("IRIS Risks", [20, 6]);
    const report = check([register, logGrid(logged("Old Register", "Current Risk Score", 9, 6))]);
    expect(report.risks[0].months.slice(-2)).toEqual([9, 6]);
  });
});
