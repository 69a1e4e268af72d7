// Summary tabs judged against SPEC ("Owned tabs", "Escalation", "Many workbooks"): cases found by a review.

import { checkWorkbook } from "../../../src/core/check";
import type { OwnedTab } from "../../../src/core/model/owned-tab";
import { defaultSettings } from "../../../src/core/model/settings";
import { buildSummaryTabs, buildSummaryTabsFrom } from "../../../src/core/summary";
import { rollUpSummary } from "../../../src/core/summary/roll-up";
import { summaryDataOf } from "../../../src/core/summary/summary-data";
import { grid, register, REGISTER_HEADERS, risk, type SheetSpec } from "../rules/harness";
import { block, rowsOf } from "./tab-rows";

const settings = defaultSettings();

const reportOf = (sheets: SheetSpec[]) =>
  checkWorkbook(sheets.map(grid), { settings, asAt: "2022-10-10", source: "book.xlsx" });

const tabsOf = (sheets: SheetSpec[]): OwnedTab[] =>
  buildSummaryTabs(reportOf(sheets), settings, { version: "1" });

/** The rolled-up tabs over several files, as `check --out` writes them. */
const rolledUpTabs = (files: [string, SheetSpec[]][]): OwnedTab[] => {
  const { data, acceptedExceptions } = rollUpSummary(
    files.map(([file, sheets]) => ({ file, data: summaryDataOf(reportOf(sheets)), acceptedExceptions: [] })),
    { findings: [], accepted: [] },
    "2022-10-10",
    `${files.length} files`,
  );
  return buildSummaryTabsFrom(data, settings, { version: "1" }, acceptedExceptions);
};

const TITLE = "Pothole claims rise after winter";

describe("summary tabs against SPEC", () => {
  it("shows an escalated risk's title, owner, score and id-cell link where only its second register routes it (SPEC Escalation: id, title, owner, … a link to the risk's row)", () => {
    // The same risk (id and title) on two registers; only the corporate register records its £60,000 impact.
    const contract = register(risk({ id: "HRC-001", likelihood: 2, impact: 3, score: 6, rag: "Amber" }));
    const corporate: SheetSpec = {
      name: "Corporate Register",
      rows: [
        ["Corporate risk register"],
        ["Service Annex", ...REGISTER_HEADERS],
        [
          "Highways",
          ...risk({ id: "HRC-001", likelihood: 2, impact: 3, score: 6, rag: "Amber", financial: "£60,000" }),
        ],
      ],
    };
    const t = tabsOf([contract, corporate]);
    const ops = block(t, "Operations Board");
    expect(ops).toHaveLength(1);
    const [id, title, owner, , score, rag] = ops[0];
    expect([id, title, owner, score, rag]).toEqual(["HRC-001", TITLE, "Jane Smith", 6, "Amber"]);
    // The link goes to the id cell of the row routed there (column B on the corporate register).
    expect(String(ops[0][10]).startsWith("Corporate Register!B3")).toBe(true);
  });

  it("lists a risk held by two files under every destination either file routes it to (SPEC: risks joined across files as across sheets; each open risk routed to its destinations)", () => {
    const a = register(risk({ id: "HRC-001", likelihood: 4, impact: 4, score: 16, rag: "Red" }));
    const b = register(
      risk({ id: "HRC-001", likelihood: 4, impact: 4, score: 16, rag: "Red", financial: "£60,000" }),
    );
    const t = rolledUpTabs([
      ["a.xlsx", [a]],
      ["b.xlsx", [b]],
    ]);
    expect(block(t, "Corporate risk register").map((r) => r[0])).toEqual(["HRC-001"]);
    // b.xlsx gives the risk a £60,000 impact: it goes to the cluster group and the Operations Board too.
    expect(block(t, "Financial and Commercial Cluster Group").map((r) => r[0])).toEqual(["HRC-001"]);
    expect(block(t, "Operations Board").map((r) => r[0])).toEqual(["HRC-001"]);
  });

  it("shows a rolled-up escalated risk's title, owner and score where only its second file routes it (SPEC Escalation: id, title, owner, annex, score and RAG)", () => {
    const a = register(risk({ id: "HRC-001", likelihood: 2, impact: 3, score: 6, rag: "Amber" }));
    const b = register(
      risk({ id: "HRC-001", likelihood: 2, impact: 3, score: 6, rag: "Amber", financial: "£60,000" }),
    );
    const t = rolledUpTabs([
      ["a.xlsx", [a]],
      ["b.xlsx", [b]],
    ]);
    const ops = block(t, "Operations Board");
    expect(ops).toHaveLength(1);
    const [id, title, owner, , score, rag] = ops[0];
    expect([id, title, owner, score, rag]).toEqual(["HRC-001", TITLE, "Jane Smith", 6, "Amber"]);
  });

  it("counts once a risk on two registers whose titles differ only in punctuation (SPEC: counted once and shown once; titles matched trimmed, case and punctuation folded)", () => {
    const directorate = register(
      risk({ id: "HRC-001", title: `${TITLE}.`, likelihood: 4, impact: 5, score: 20 }),
    );
    directorate.name = "Directorate Register";
    const t = tabsOf([
      register(risk({ id: "HRC-001", title: TITLE, likelihood: 4, impact: 5, score: 20, rag: "Red" })),
      directorate,
    ]);
    expect(rowsOf(t, "Risk Summary").find((r) => r[0] === "Open")![1]).toBe(1);
    expect(block(t, "Corporate risk register").map((r) => r[0])).toEqual(["HRC-001"]);
  });

  it("counts info findings as notes in the Exceptions tab's title, not as warnings", () => {
    const quiet = {
      ...settings,
      ruleSeverities: { ...settings.ruleSeverities, "risk/missing-owner": "info" as const },
    };
    const report = checkWorkbook([register(risk({ id: "HRC-001", owner: "" }))].map(grid), {
      settings: quiet,
      asAt: "2022-10-10",
      source: "book.xlsx",
    });
    const bySeverity = (s: string) => report.findings.filter((f) => f.severity === s).length;
    expect([bySeverity("error"), bySeverity("warning"), bySeverity("info")]).toEqual([0, 1, 1]);
    const title = buildSummaryTabs(report, quiet, { version: "1" })
      .find((t) => t.name === "Exceptions")!
      .rows.map((r) => r[0])
      .find((c) => typeof c === "string" && c.startsWith("Findings ("));
    expect(title).toBe("Findings (2: 0 errors, 1 warning, 1 note)");
  });
});
