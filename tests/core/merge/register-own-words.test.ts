// Readers outside the check read a register's own words as the check does (sheet-readings.ts): a 3 × 3
// register's Low / Medium / High are 1 / 2 / 3, and a PFI allocation column's parties are strategies. The
// import's movement counts and the meeting's "Keep theirs" recalculation both read through the sheet's words.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { fieldColumnsOf } from "../../../src/core/meeting/record";
import { factsWithRowNow } from "../../../src/core/meeting/row-now";
import { defaultSettings } from "../../../src/core/model/settings";
import { check } from "../meeting/helpers";
import { EXPORT_HEADERS, exportGrid, plan, risk } from "./helpers";

const THREE_BY_THREE = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood (L/M/H)",
  "Impact (L/M/H)",
  "Risk Score (1-9)",
  "Risk Response Strategy",
  "Risk Status",
  "Date of Last Review",
  "Review Commentary",
];
const ALLOCATION = [
  ...EXPORT_HEADERS.slice(0, 6),
  "Allocation: Authority / Contractor / Shared",
  ...EXPORT_HEADERS.slice(7),
];

/** A register headed `headers` holding `rows` (each in the export's column order). */
function register(headers: string[], rows: CellValue[][]): Grid {
  return gridFromRows("Register", [["Parks register"], headers, ...rows], { origin: "council.xlsx" });
}

describe("the import's movement reads the register's own words", () => {
  it("on a 3 × 3 register, Medium → High is a rise, and a 3 written as High is no movement", () => {
    const before = [
      risk("R-1", { "Current Likelihood": "Medium", "Current Impact": "Medium", "Risk Score": null }),
      risk("R-2", { "Current Likelihood": 3, "Current Impact": "Medium", "Risk Score": null }),
    ];
    const after = [
      risk("R-1", { "Current Likelihood": "High", "Current Impact": "Medium", "Risk Score": null }),
      risk("R-2", { "Current Likelihood": "High", "Current Impact": "Medium", "Risk Score": null }),
    ];
    const p = plan([exportGrid(after)], [register(THREE_BY_THREE, before)]);
    // 3 × Medium (6) before, High × Medium (6) after; on the Settings words High is 4 (a rise to 12).
    expect(p.movement.scoreUp).toEqual(["R-1"]);
    expect(p.movement.scoreDown).toEqual([]);
  });

  it("in an allocation column, a Transfer written as 'Contractor' is no strategy change", () => {
    const before = [risk("R-1", { "Risk Response Strategy": "Transfer" })];
    const after = [risk("R-1", { "Risk Response Strategy": "Contractor", "Review Commentary": "Moved" })];
    const p = plan([exportGrid(after)], [register(ALLOCATION, before)]);
    expect(p.risks.changed.map((c) => c.label)).toEqual(["R-1"]);
    expect(p.movement.strategyChanged).toEqual([]);
  });
});

describe("the meeting's 'Keep theirs' reads the register's own words", () => {
  const row = (over: Partial<Record<string, CellValue>>): CellValue[] =>
    risk("R-1", over).map((v, i) => (EXPORT_HEADERS[i] === "Date of Last Review" ? null : v));

  it("on a 3 × 3 register, a co-author's High × Medium is 6, not 12", () => {
    const start = row({ "Current Likelihood": "Medium", "Current Impact": "Medium", "Risk Score": null });
    const report = check([register(THREE_BY_THREE, [start])]);
    const facts = report.risks.find((f) => f.id === "R-1")!;
    expect(facts.score).toBe(4);
    const now = factsWithRowNow(
      facts,
      {
        firstCol: 0,
        values: row({ "Current Likelihood": "High", "Current Impact": "Medium", "Risk Score": null }),
      },
      fieldColumnsOf(report)("Register"),
      { ...defaultSettings(), ...report.wordsOf!("Register") },
    );
    expect([now.likelihood, now.impact, now.score]).toEqual([3, 2, 6]);
  });

  it("in an allocation column, a co-author's 'Contractor' is a transfer", () => {
    const report = check([register(ALLOCATION, [row({ "Risk Response Strategy": "Authority" })])]);
    const facts = report.risks.find((f) => f.id === "R-1")!;
    expect(facts.strategy).toBe("Tolerate");
    const now = factsWithRowNow(
      facts,
      { firstCol: 0, values: row({ "Risk Response Strategy": "Contractor" }) },
      fieldColumnsOf(report)("Register"),
      { ...defaultSettings(), ...report.wordsOf!("Register") },
    );
    expect(now.strategy).toBe("Transfer");
  });
});
