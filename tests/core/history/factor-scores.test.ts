// An import that changes a risk's likelihood or impact, on a register that gives no score of its own
// (no score column, or a score worked out by a formula the import keeps), moves the risk's score as
// likelihood × impact: the monthly points and the direction of travel follow it (SPEC "History,
// appetite and proposals": monthly points from the Import Log's changes).

import type { CellValue } from "../../../src/core/model/grid";
import { reportOf, type SheetSpec } from "../rules/harness";
import { IMPORT_LOG_HEADER } from "./helpers";

const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Risk Response Strategy",
  "Last Updated",
  "Risk Status",
  "Date Raised",
];
/** A register with likelihood and impact and no score column (as it is now, after the imports), raised in January. */
const register = (...rows: CellValue[][]): SheetSpec => ({ name: "Highways", rows: [HEADERS, ...rows] });
const row = (id: string, l: CellValue, i: CellValue) => [
  id,
  `Title ${id}`,
  "Jane Smith",
  l,
  i,
  "Treat",
  "05/10/2022",
  "Open",
  "01/01/2022",
];
const importLog = (...rows: CellValue[][]): SheetSpec => ({
  name: "Import Log",
  rows: [IMPORT_LOG_HEADER, ...rows],
});
const logged = (when: string, id: string, field: string, old: CellValue, now: CellValue) => [
  when,
  "iris.xlsx",
  "Highways",
  id,
  null,
  field,
  old,
  now,
];

const factsOf = (sheets: SheetSpec[], id: string) => reportOf(sheets).risks.find((r) => r.id === id)!;

describe("likelihood and impact imported on a register without a score", () => {
  it("a likelihood raised this month is a score rising from 3 × 4 to 4 × 4: the trend is up", () => {
    const facts = factsOf(
      [
        register(row("HRC-001", 4, 4)),
        importLog(logged("2022-10-03 10:00", "HRC-001", "Current Likelihood", 3, 4)),
      ],
      "HRC-001",
    );
    expect(facts.months.slice(-2)).toEqual([12, 16]);
    expect(facts.trend).toBe("up");
  });

  it("likelihood and impact changed in one import count once, from 2 × 2 to 4 × 5", () => {
    const facts = factsOf(
      [
        register(row("HRC-001", 4, 5)),
        importLog(
          logged("2022-10-03 10:00", "HRC-001", "Current Likelihood", 2, 4),
          logged("2022-10-03 10:00", "HRC-001", "Current Impact", 2, 5),
        ),
      ],
      "HRC-001",
    );
    expect(facts.months.slice(-2)).toEqual([4, 20]);
  });

  it("two months of imports are read back month by month from the register's current values", () => {
    const facts = factsOf(
      [
        register(row("HRC-001", 2, 3)),
        importLog(
          logged("2022-08-03 10:00", "HRC-001", "Current Impact", 4, 3),
          logged("2022-09-03 10:00", "HRC-001", "Current Likelihood", 4, 2),
        ),
      ],
      "HRC-001",
    );
    expect(facts.months.slice(-4)).toEqual([16, 12, 6, 6]);
    expect(facts.trend).toBe("same");
  });

  it("a likelihood written in words on the register's scale is read on that scale", () => {
    const facts = factsOf(
      [
        register(row("HRC-001", "Likely", 4)),
        importLog(logged("2022-10-03 10:00", "HRC-001", "Current Likelihood", "Possible", "Likely")),
      ],
      "HRC-001",
    );
    expect(facts.months.slice(-2)).toEqual([12, 16]);
  });

  it("a register with a score column keeps the Import Log's own score rows: a likelihood row alone moves nothing", () => {
    const withScore: SheetSpec = {
      name: "Highways",
      rows: [
        [...HEADERS, "Current Risk Score"],
        [...row("HRC-001", 4, 4), 16],
      ],
    };
    const facts = factsOf(
      [
        withScore,
        importLog(
          logged("2022-10-03 10:00", "HRC-001", "Current Likelihood", 3, 4),
          logged("2022-10-03 10:00", "HRC-001", "Current Risk Score", 12, 16),
        ),
      ],
      "HRC-001",
    );
    expect(facts.months.slice(-2)).toEqual([12, 16]);
  });

  it("a score the register's formula works out, which the import kept, moves with the likelihood imported", () => {
    const withFormula: SheetSpec = {
      name: "Highways",
      rows: [
        [...HEADERS, "Current Risk Score"],
        [...row("HRC-001", 4, 4), 16],
      ],
    };
    const facts = factsOf(
      [
        withFormula,
        importLog(
          logged("2022-10-03 10:00", "HRC-001", "Current Likelihood", 3, 4),
          logged("2022-10-03 10:00", "HRC-001", "Current Risk Score", 12, "kept formula (export says 16)"),
        ),
      ],
      "HRC-001",
    );
    expect(facts.months.slice(-2)).toEqual([12, 16]);
    expect(facts.trend).toBe("up");
  });

  it("an old value that is no number stops the reading back: nothing before it is guessed", () => {
    const facts = factsOf(
      [
        register(row("HRC-001", 4, 4)),
        importLog(logged("2022-10-03 10:00", "HRC-001", "Current Likelihood", "TBC", 4)),
      ],
      "HRC-001",
    );
    expect(facts.trend).not.toBe("up");
  });
});
