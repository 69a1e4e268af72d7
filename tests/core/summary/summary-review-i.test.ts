// Review I: wrong results on the summary tabs, judged against SPEC ("Owned tabs", "Escalation", "Risk
// Summary"). Each test fails today; none is a matter of taste.

import { checkWorkbook } from "../../../src/core/check";
import { measureMovement } from "../../../src/core/merge/movement";
import type { CellValue } from "../../../src/core/model/grid";
import type { OwnedTab } from "../../../src/core/model/owned-tab";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import { buildSummaryTabs } from "../../../src/core/summary";
import { grid, register, risk, type SheetSpec } from "../rules/harness";
import { block, rowsOf } from "./tab-rows";

const base = defaultSettings();
const reportOf = (sheets: SheetSpec[], settings: Settings = base) =>
  checkWorkbook(sheets.map(grid), { settings, asAt: "2022-10-10", today: "2022-10-10", source: "book.xlsx" });
const tabsOf = (sheets: SheetSpec[], settings: Settings = base): OwnedTab[] =>
  buildSummaryTabs(reportOf(sheets, settings), settings, { version: "1" });
const named = (name: string, sheet: SheetSpec): SheetSpec => ({ ...sheet, name });
const countOf = (rows: CellValue[][], label: string) => rows.find((r) => r[0] === label)?.[1];

describe("summary tabs, review I", () => {
  it("Risk Summary counts as open the risk the Escalation tab escalates, where it is closed on one register and open on another", () => {
    // SPEC "Owned tabs": "A risk that stands on several registers (the same risk by id and title) is
    // counted once and shown once … Every count adds up". SPEC "Escalation": "Each open risk is routed".
    // HRC-001 is Closed on the first register and Open (score 20) on the Directorate register. The
    // Escalation tab lists it under the corporate register, as an open risk; the Risk Summary, counting
    // the first row met, says 0 open and 1 closed, and leaves it out of the RAG table and the heat map.
    const t = tabsOf([
      register(risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red", status: "Closed" })),
      named(
        "Directorate",
        register(risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red" })),
      ),
    ]);
    expect(block(t, "Corporate risk register").map((r) => r[0])).toEqual(["HRC-001"]);
    const summary = rowsOf(t, "Risk Summary");
    expect([countOf(summary, "Open"), countOf(summary, "Closed"), countOf(summary, "Red")]).toEqual([
      1, 0, 1,
    ]);
  });

  it("Escalation shows, on a risk's corporate-register row, the score that routed it there and a link to that register's row", () => {
    // SPEC "Escalation" (owned tab): "a block per destination: id, title, owner, annex, score and RAG,
    // strategy, …, reason, a link to the risk's row". HRC-001 (same id and title) scores 12 on IRIS Risks
    // (directorate register) and 20 on the Corporate sheet (corporate register). The Corporate block's row
    // shows score 12, Amber, beside the reason "score 20 ≥ 16", and links to IRIS Risks!A3 — the row that
    // did not route it there; the officer following the link finds a risk scoring 12.
    const t = tabsOf([
      register(risk({ id: "HRC-001", likelihood: 3, impact: 4, score: 12, rag: "Amber" })),
      named("Corporate", register(risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red" }))),
    ]);
    const [row] = block(t, "Corporate risk register");
    expect(row[9]).toBe("score 20 ≥ 16");
    expect([row[4], row[5]]).toEqual([20, "Red"]);
    expect(String(row[10]).startsWith("Corporate!A3")).toBe(true);
    const at = rowsOf(t, "Escalation").indexOf(row);
    const link = t.find((x) => x.name === "Escalation")!.format.links.find((l) => l.row === at);
    expect(link && { sheet: link.sheet, address: link.address }).toEqual({
      sheet: "Corporate",
      address: "A3",
    });
  });

  it("Risk Summary's movement counts a score rise where the register scores likelihood and impact in words", () => {
    // SPEC "Risk Summary": "movement since the last import (new, closed, score up or down, strategy
    // changed)"; SPEC "Scores": "A bare word is read on the likelihood and impact scales (a setting): …
    // Possible 3, Likely 4 …; Major 4 … A score may then be worked out from likelihood × impact where the
    // register has no score column". The import moved HRC-001 from Possible × Major (12) to Likely × Major
    // (16); the check reads that as 16 (it escalates it to the corporate register), but the movement reads
    // the words with no scale, finds no score, and the Risk Summary says "Score up 0".
    const cells =
      (likelihood: string): ((field: string) => CellValue) =>
      (field) =>
        ({ likelihood, impact: "Major", status: "Open", strategy: "Treat" })[field] ?? null;
    const movement = measureMovement(
      "2022-10-01",
      [],
      [{ id: "HRC-001", before: cells("Possible"), after: cells("Likely") }],
      base,
      base, // a register declaring no scale of its own: read on the Settings words
    );
    const t = buildSummaryTabs(
      reportOf([
        register(risk({ id: "HRC-001", likelihood: "Likely", impact: "Major", score: null, rag: null })),
      ]),
      base,
      { version: "1", movement },
    );
    expect(block(t, "Corporate risk register").map((r) => r[0])).toEqual(["HRC-001"]);
    const up = rowsOf(t, "Risk Summary").find((r) => r[0] === "Score up")!;
    expect([up[1], up[2]]).toEqual([1, "HRC-001"]);
  });
});
