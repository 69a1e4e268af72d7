// A register far past the size where a spread over all rows (push(...rows), Math.max(...rows)) overflows the call stack.

import { checkWorkbook } from "../../src/core/check";
import type { CellValue } from "../../src/core/model/grid";
import { defaultSettings } from "../../src/core/model/settings";
import { buildSummaryTabs } from "../../src/core/summary";
import { grid, REGISTER_HEADERS, risk } from "./rules/harness";

const ROWS = 200_000;

describe("a 200,000-row register", () => {
  it("is read, checked and summarised without overflowing the stack", () => {
    const rows: CellValue[][] = [["Contract risk register"], REGISTER_HEADERS];
    // Every risk lacks an owner, so there is one finding (and one Exceptions row) per data row.
    for (let n = 1; n <= ROWS; n++) rows.push(risk({ id: `HRC-${String(n).padStart(6, "0")}`, owner: "" }));
    const settings = defaultSettings();
    const report = checkWorkbook([grid({ name: "IRIS Risks", rows })], {
      settings,
      asAt: "2022-10-10",
      source: "big.xlsx",
    });

    expect(report.sheets).toEqual([
      expect.objectContaining({ name: "IRIS Risks", kind: "risk-register", recordCount: ROWS }),
    ]);
    const missingOwner = report.findings.filter((f) => f.ruleId === "risk/missing-owner");
    expect(missingOwner).toHaveLength(ROWS);
    expect(missingOwner[ROWS - 1].cell).toBe(`C${ROWS + 2}`);

    const tabs = buildSummaryTabs(report, settings, { version: "9.9.9" });
    const exceptions = tabs.find((t) => t.name === "Exceptions")!;
    expect(exceptions.rows.length).toBeGreaterThan(ROWS);
  });
});
