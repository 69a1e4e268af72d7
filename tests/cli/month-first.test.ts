// A column exported month first is read so, and the text and JSON reports say so once for that column.

import { checkWorkbook } from "../../src/core/check";
import { gridFromRows } from "../../src/core/model/grid";
import { defaultSettings } from "../../src/core/model/settings";
import { toJsonReport } from "../../src/cli/format-json";
import { renderText } from "../../src/cli/format-text";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";

function reportFor(lastReviews: string[], nextReview = "11/30/2022") {
  const grid = gridFromRows("IRIS Risks", [
    REGISTER_HEADERS,
    ...lastReviews.map((d, i) => risk({ id: `HRC-00${i + 1}`, lastReview: d, nextReview })),
  ]);
  return checkWorkbook([grid], {
    settings: defaultSettings(),
    asAt: "2022-10-10",
    today: "2022-10-10",
    source: "us-export.xlsx",
  });
}

describe("month-first columns in the reports", () => {
  const report = reportFor(["09/30/2022", "10/05/2022", "10/07/2022"]);

  it("JSON names the columns read month first", () => {
    expect(toJsonReport(report).sheets[0]).toMatchObject({ name: "IRIS Risks", monthFirst: ["J", "L"] });
  });

  it("text says so once, naming each column by letter and header", () => {
    const lines = renderText(report, "us-export.xlsx").split("\n");
    const said = lines.filter((l) => /month first/.test(l));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain("J (Date of Last Review), L (Next Review Date)");
  });

  it("no month-first column: no key in JSON and nothing said in text", () => {
    const plain = reportFor(["30/09/2022", "05/10/2022"], "30/11/2022");
    expect(toJsonReport(plain).sheets[0]).not.toHaveProperty("monthFirst");
    expect(renderText(plain, "us-export.xlsx")).not.toMatch(/month first/);
  });

  it("reads the dates month first: none of these recent updates is stale, no next review has passed", () => {
    const rules = report.findings.map((f) => f.ruleId);
    expect(rules).not.toContain("risk/stale-update");
    expect(rules).not.toContain("risk/next-review-passed");
  });
});
