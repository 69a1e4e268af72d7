// Contract registers' headers (rv-nec31): a PFI risk allocation matrix's Countermeasures and Allocation, a joint
// register's council and contractor columns side by side, and a 3 × 3 register's declared scale.

import { mapHeaders, type HeaderCell } from "../../../src/core/read/map-headers";
import {
  allocationStrategyWords,
  isAllocationHeader,
  namesAllocatedParty,
} from "../../../src/core/read/allocation-column";
import { declaresThreePoints, readsOnThreePoints } from "../../../src/core/read/three-point-scale";
import { detectSheet } from "../../../src/core/read/detect-sheet";
import { parseStrategy } from "../../../src/core/parse";
import { defaultSettings } from "../../../src/core/model/settings";
import { gridFromRows, type CellValue } from "../../../src/core/model/grid";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import { dayFromIso } from "../../../src/core/parse";

/** Header → field for a whole register header row. */
function mapRow(headers: string[]): Record<string, string | null> {
  const cells: HeaderCell[] = headers.map((text, col) => ({ col, text }));
  return Object.fromEntries(mapHeaders("risk-register", cells).columns.map((c) => [c.header, c.field]));
}

const fieldOf = (header: string): string | null => mapRow([header])[header];

describe("a contract register's headers", () => {
  it.each([
    ["Countermeasures", "actions"],
    ["Counter measures", "actions"],
    ["Risk reduction measures", "actions"],
    ["Mitigation measures", "actions"],
    ["Treatment actions", "actions"],
    ["Allocation: Authority / Contractor / Shared", "strategy"],
    ["Risk Allocation", "strategy"],
    ["Risk allocated to", "strategy"],
    ["Risk allocation (transfer strategy)", "strategy"],
    // A column qualified by one party alone is still its field.
    ["Contractor owner", "owner"],
    ["Contractor actions", "actions"],
    ["Contractor RAG", "rag"],
    ["Council RAG", "rag"],
  ])("%s → %s", (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  // Misfire review 32: an allocation of money, people or work is not who bears the risk.
  it.each([
    ["Budget allocation (£)"],
    ["Allocation (£k)"],
    ["Allocation (£)"],
    ["Resource allocation"],
    ["Funding allocation"],
    ["Cost allocation"],
    ["Work allocation"],
  ])("%s is no strategy", (header) => {
    expect(fieldOf(header)).not.toBe("strategy");
  });

  it("a Strategy or Response column wins the strategy from an allocation column beside it", () => {
    expect(mapRow(["Risk Allocation", "Strategy"])).toEqual({
      "Risk Allocation": null,
      Strategy: "strategy",
    });
    expect(mapRow(["Allocation", "Response"])).toEqual({ Allocation: null, Response: "strategy" });
  });

  it.each([
    [["Contractor owner", "Council owner"]],
    [["Council owner", "Contractor owner"]],
    [["Risk owner (Contractor)", "Risk owner (Authority)"]],
    [["Provider's Owner", "Client Owner"]],
    [["Contractor owner", "Council's owner"]],
  ])("of two owner columns %j, the council's is the owner and the contractor's its own field", (headers) => {
    const council = headers.find((h) => /council|authority|client/i.test(h))!;
    const contractor = headers.find((h) => h !== council)!;
    expect(mapRow(headers)).toEqual({ [council]: "owner", [contractor]: "contractorOwner" });
  });

  // rv-misfire32 #7: the contractor's actions are kept as the owner is, for risk/no-action.
  it.each([
    [["Council actions", "Contractor actions"]],
    [["Contractor actions", "Council actions"]],
    [["Mitigating actions (Provider)", "Mitigating actions (Authority)"]],
  ])(
    "of two actions columns %j, the council's is the actions and the contractor's its own field",
    (headers) => {
      const council = headers.find((h) => /council|authority/i.test(h))!;
      const contractor = headers.find((h) => h !== council)!;
      expect(mapRow(headers)).toEqual({ [council]: "actions", [contractor]: "contractorActions" });
    },
  );

  it.each([
    [["Contractor RAG", "Council RAG"]],
    [["Supplier RAG", "Authority RAG"]],
    [["Contractor RAG", "LA RAG"]],
  ])("of two RAG columns %j, the council's is the RAG, the contractor's unread", (headers) => {
    expect(mapRow(headers)).toEqual({ [headers[1]]: "rag", [headers[0]]: null });
  });
});

describe("an allocation column", () => {
  it.each([
    ["Allocation: Authority / Contractor / Shared", true],
    ["Risk allocated to", true],
    ["Risk allocation (see Schedule 14)", true],
    ["Strategy / Allocation", true],
    ["Budget allocation (£)", false],
    ["Allocation (£k)", false],
    ["Resource allocation", false],
    ["Funding allocation", false],
    ["Strategy", false],
    [undefined, false],
  ])("%s is an allocation: %s", (header, is) => {
    expect(isAllocationHeader(header)).toBe(is);
  });

  const words = allocationStrategyWords(defaultSettings().strategyWords);
  it.each([
    ["Contractor", "transfer"],
    ["Shared", "transfer"],
    ["Service Provider", "transfer"],
    ["Authority", "tolerate"],
    ["Council", "tolerate"],
    ["Retained", "tolerate"],
    ["Treat", "treat"],
  ])("reads %s as %s", (cell, strategy) => {
    expect(parseStrategy(cell, words)).toEqual({ ok: true, value: strategy });
  });

  it("is made once per list of strategy words, and leaves the Settings' lists as they were", () => {
    const settings = defaultSettings();
    expect(allocationStrategyWords(settings.strategyWords)).toBe(
      allocationStrategyWords(settings.strategyWords),
    );
    expect(settings.strategyWords.transfer).not.toContain("contractor");
    expect(parseStrategy("Contractor", settings.strategyWords).ok).toBe(false);
  });

  it.each([
    ["Contractor", true],
    ["Shared", true],
    ["Authority", true],
    ["Transfer", false],
    ["Insure", false],
  ])("%s names who bears the risk: %s", (cell, names) => {
    expect(namesAllocatedParty(cell)).toBe(names);
  });
});

describe("an allocation column's cells (misfire review 32)", () => {
  /** The strategy column of a matrix whose "Risk Allocation" column holds `cells`, or null for none. */
  const strategyColumn = (cells: CellValue[]): number | null => {
    const grid = gridFromRows("Risk Allocation Matrix", [
      ["Ref", "Risk", "Risk Owner", "Risk Allocation", "Actions", "Last Updated"],
      ...cells.map((c, n) => [`SL-0${n + 1}`, `Risk ${n + 1}`, "Jo Smith", c, "Inspections", "01/10/2022"]),
    ]);
    const read = readWorkbook([grid], defaultSettings(), dayFromIso("2022-10-10")!);
    return read.layouts.get("Risk Allocation Matrix")?.mapping?.fieldColumns.get("strategy") ?? null;
  };

  it("naming the parties (or the strategies) for the most part, it is the strategy", () => {
    expect(strategyColumn(["Authority", "Contractor", "Shared", "Jo Smith"])).toBe(3);
    expect(strategyColumn(["Contractor", "Treat", "TBC", null])).toBe(3);
  });

  it("naming officers or amounts for the most part, it is no strategy", () => {
    expect(strategyColumn(["Jo Smith", "Sam Patel", "Contractor"])).toBeNull();
    expect(strategyColumn([25000, 120000, 0])).toBeNull();
  });
});

describe("a register declaring three points", () => {
  const columns = (l: string, i: string, s: string) => [
    { field: "likelihood", header: l },
    { field: "impact", header: i },
    { field: "score", header: s },
  ];
  it.each([
    ["Likelihood (L/M/H)", "Impact", "Score", true],
    ["Likelihood", "Impact (H/M/L)", "Score", true],
    ["Likelihood (1-3)", "Impact (1-3)", "Score", true],
    ["Likelihood (1 to 3)", "Impact", "Score", true],
    ["Likelihood", "Impact (Low/Medium/High)", "Score", true],
    ["Likelihood", "Impact", "Risk Score (1–9)", true],
    ["Likelihood", "Impact", "Risk Score (3x3)", true],
    // Misfire review 32: the levels with commas or hyphens between them; not three of five.
    ["Likelihood (L, M, H)", "Impact (L, M, H)", "Score", true],
    ["Likelihood (L-M-H)", "Impact", "Score", true],
    ["Likelihood", "Impact (Low, Medium, High)", "Score", true],
    ["Likelihood – L/M/H", "Impact", "Score", true],
    ["Likelihood (VL/L/M/H/VH)", "Impact (VL, L, M, H, VH)", "Score", false],
    ["Likelihood (Very Low, Low, Medium, High, Very High)", "Impact", "Score", false],
    ["Likelihood (VH/H/M/L/VL)", "Impact (Very High / High / Medium / Low / Very Low)", "Score", false],
    ["Likelihood (1-5)", "Impact (1-5)", "Risk Score (1-25)", false],
    ["Probability (1–4)", "Severity (1–4)", "Risk Score (P×S)", false],
    ["Likelihood", "Impact", "Score", false],
  ])("%s, %s, %s: %s", (l, i, s, three) => {
    expect(declaresThreePoints(columns(l, i, s))).toBe(three);
  });

  it("in an inherent or target likelihood, impact or score header too", () => {
    expect(
      declaresThreePoints([{ field: "inherentLikelihood", header: "Inherent Likelihood (L/M/H)" }]),
    ).toBe(true);
    expect(declaresThreePoints([{ field: "targetScore", header: "Target Score (1-9)" }])).toBe(true);
  });

  it("only in its likelihood, impact and score headers", () => {
    expect(declaresThreePoints([{ field: "nextReview", header: "Proximity (1-3 months)" }])).toBe(false);
  });
});

describe("a register titled as a 3 × 3 matrix (misfire review 32)", () => {
  const REGISTER = ["Risk ID", "Risk Title", "Risk Owner", "Likelihood", "Impact", "Score", "Strategy"];
  const risk = ["PK-01", "Tree failure", "Jo Smith", "High", "High", 9, "Treat"];
  /** Whether a register under `above` (title rows), headed `header`, is read on three points. */
  const threePoints = (above: CellValue[][], header = REGISTER): boolean =>
    readsOnThreePoints(detectSheet(gridFromRows("Risk Register", [...above, header, risk])));

  it.each([
    [[["Parks and Open Spaces Risk Register (3x3 matrix)"]]],
    [[["Parks Risk Register"], [null, "Scored on a 3 x 3 matrix"]]],
    [[["Risk Register – 3×3"]]],
  ])("a title %j naming a 3 × 3 matrix: three points", (above) => {
    expect(threePoints(above)).toBe(true);
  });

  it.each([
    [[]],
    [[["Parks and Open Spaces Risk Register"]]],
    [[["Parks Risk Register (5x5 matrix)"]]],
    [[["Risk Register"], ["Version 13x3"]]],
  ])("a title %j naming none: the Settings scale", (above) => {
    expect(threePoints(above)).toBe(false);
  });

  it("a header giving its own range wins over the title", () => {
    const fivePoint = REGISTER.map((h) => (h === "Likelihood" ? "Likelihood (1-5)" : h));
    expect(threePoints([["Risk Register (3x3 matrix)"]], fivePoint)).toBe(false);
    const ninePoint = REGISTER.map((h) => (h === "Score" ? "Score (1-9)" : h));
    expect(threePoints([["Risk Register (3x3 matrix)"]], ninePoint)).toBe(true);
  });

  it("only the rows above the header: a 3 × 3 named in the register's cells says nothing of its scale", () => {
    const cells = gridFromRows("Risk Register", [
      REGISTER,
      ["PK-02", "3x3 lane closure on the A38", "Jo Smith"],
    ]);
    expect(readsOnThreePoints(detectSheet(cells))).toBe(false);
  });
});
