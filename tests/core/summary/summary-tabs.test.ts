import { checkWorkbook } from "../../../src/core/check";
import { OWNED_MARKER } from "../../../src/core/model/owned-tab";
import { defaultSettings } from "../../../src/core/model/settings";
import { buildRiskSummaryTabOf, buildSummaryTabs } from "../../../src/core/summary";
import { closeOutByAim } from "../../../src/core/summary/plan-close-out-tab";
import { actionsSheet, grid, plan, register, risk } from "../rules/harness";

const settings = defaultSettings();
const sheets = [
  register(
    risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red", financial: "£300,000" }),
    risk({
      id: "HRC-002",
      likelihood: 3,
      impact: 3,
      score: 9,
      rag: "Amber",
      strategy: "Transfer",
      transferredTo: "Insurer",
    }),
    risk({ id: "HRC-003", likelihood: 1, impact: 2, score: 2, rag: "Green", lastReview: "01/06/2022" }),
    risk({ id: "HRC-004", status: "Closed", likelihood: 5, impact: 5, score: 25 }),
  ),
  actionsSheet(["HRC-001", "A1", "Patch", "Bob", "01/09/2022", "Open", "", ""]),
  plan(
    ["1.", "Risk management", "bg", "Action one", "July 2022", "RC", "MA", "Completed.", "Minutes"],
    [null, null, null, "Action two", "Dec 2022", "RC", "MA", "In progress", ""],
    ["2.", "Relationships", "bg", "Action three", "July 2022", "RC", "MA", "In progress", ""],
    ["3.", "Governance", "bg", "Action four", "July 2022", "RC", "MA", "Completed.", "Report"],
  ),
];
const report = checkWorkbook(sheets.map(grid), { settings, asAt: "2022-10-10", source: "book.xlsx" });
const tabs = buildSummaryTabs(report, settings, { version: "9.9.9" });
const tab = (name: string) => tabs.find((t) => t.name === name)!;
const rowsWith = (name: string, text: string) => tab(name).rows.filter((r) => r.some((c) => c === text));

describe("buildSummaryTabs", () => {
  it("writes the four tabs, each with the marker, as-at date, source, version and marking", () => {
    expect(tabs.map((t) => t.name)).toEqual(["Escalation", "Exceptions", "Risk Summary", "Plan Close-Out"]);
    for (const t of tabs) {
      expect(t.rows[0]).toContain(OWNED_MARKER);
      expect(t.rows[1].slice(0, 5)).toEqual([
        "OFFICIAL-SENSITIVE",
        "As at",
        { date: "2022-10-10" },
        "Source: book.xlsx",
        "Contract Risk Review 9.9.9",
      ]);
      expect(t.format.pageHeader).toBe("OFFICIAL-SENSITIVE");
      expect(t.format.headerRows.length).toBeGreaterThan(0);
      expect(t.format.freezeBelowRow).toBe(t.format.headerRows[0]);
    }
  });

  it("puts the protective marking in every tab's page header, and none when the marking is blank", () => {
    expect(tabs.map((t) => t.format.pageHeader)).toEqual(tabs.map(() => "OFFICIAL-SENSITIVE"));
    const unmarked = buildSummaryTabs(report, { ...settings, protectiveMarking: " " }, { version: "9.9.9" });
    expect(unmarked.map((t) => t.format.pageHeader)).toEqual(tabs.map(() => undefined));
  });

  it("is deterministic: the same report gives the same tabs", () => {
    expect(buildSummaryTabs(report, settings, { version: "9.9.9" })).toEqual(tabs);
  });

  it("routes risks into destination blocks with reasons and links to the id cell", () => {
    const hrc1 = rowsWith("Escalation", "HRC-001");
    const reasons = hrc1.map((r) => r[9]);
    expect(reasons).toEqual([
      "score 20 ≥ 16",
      "financial impact £300,000",
      "financial impact £300,000 ≥ £50,000",
      "financial impact £300,000 ≥ £250,000",
    ]);
    // The latest update's date is a date cell (written as a real Excel date), not ISO text.
    expect(hrc1.map((r) => r[8])).toEqual(hrc1.map(() => ({ date: "2022-10-01" })));
    const transfer = rowsWith("Escalation", "HRC-002").map((r) => r[9]);
    expect(transfer).toEqual(["score 9 in 9–15", "strategy Transfer"]);
    expect(rowsWith("Escalation", "HRC-004")).toEqual([]); // closed risks are not escalated
    const esc = tab("Escalation");
    const linkRow = esc.rows.indexOf(hrc1[0]);
    expect(esc.format.links).toContainEqual({ row: linkRow, col: 10, sheet: "IRIS Risks", address: "A3" });
    expect(esc.format.ragCells).toContainEqual({ row: linkRow, col: 5, rag: "red" });
  });

  it("lists every finding on Exceptions with a link to its cell", () => {
    const ex = tab("Exceptions");
    const stale = ex.rows.find((r) => r[1] === "risk/stale-update" && r[4] === "HRC-003")!;
    expect(stale).toBeDefined();
    expect(ex.format.links).toContainEqual({
      row: ex.rows.indexOf(stale),
      col: 3,
      sheet: "IRIS Risks",
      address: stale[3] as string,
    });
    const findingRows = ex.rows.filter((r) => r[0] === "Error" || r[0] === "Warning");
    expect(findingRows).toHaveLength(report.findings.length);
  });

  it("counts open risks into the heat map and colours each cell by its band", () => {
    const rs = tab("Risk Summary");
    const header = rs.rows.findIndex((r) => r[0] === "Likelihood \\ Impact");
    const row4 = rs.rows[header + 2]; // likelihood 4
    expect(row4[0]).toBe("4");
    expect(row4[5]).toBe(1); // HRC-001: 4 × 5
    const row5 = rs.rows[header + 1];
    expect(row5[5]).toBe(0); // HRC-004 is closed
    expect(rs.format.ragCells).toContainEqual({ row: header + 1, col: 5, rag: "red" });
    expect(rs.format.ragCells).toContainEqual({ row: header + 5, col: 1, rag: "green" });
    expect(rowsWith("Risk Summary", "Open")[0][1]).toBe(3);
    expect(rowsWith("Risk Summary", "Open and not updated this period")[0][1]).toBe(1);
  });

  it("rolls the plan up per aim with SPEC's RAG", () => {
    const aims = closeOutByAim(report);
    expect(aims.map((a) => [a.no, a.actions, a.completed, a.rag, a.readyToClose])).toEqual([
      ["1", 2, 1, "amber", false],
      ["2", 1, 0, "red", false],
      ["3", 1, 1, "green", true],
    ]);
  });

  it("shows the aim's number, not its first action's, where the plan numbers each action (1.1, 1.2, 2.1)", () => {
    const numbered = checkWorkbook(
      [
        grid(
          plan(
            ["1.1", "Risk management", "bg", "Action one", "July 2022", "RC", "MA", "Completed.", "Minutes"],
            ["1.2", null, null, "Action two", "July 2022", "RC", "MA", "Completed.", "Report"],
            ["2.1", "Relationships", "bg", "Action three", "Dec 2022", "RC", "MA", "In progress", ""],
            ["2.2.", null, null, "Action four", "Dec 2022", "RC", "MA", "In progress", ""],
            ["3", "Governance", "bg", "Action five", "July 2022", "RC", "MA", "Completed.", "Report"],
          ),
        ),
      ],
      { settings, asAt: "2022-10-10", source: "book.xlsx" },
    );
    expect(closeOutByAim(numbered).map((a) => [a.no, a.aim, a.actions, a.completed, a.rag])).toEqual([
      ["1", "Risk management", 2, 2, "green"],
      ["2", "Relationships", 2, 0, "amber"],
      ["3", "Governance", 1, 1, "green"],
    ]);
    const close = buildSummaryTabs(numbered, settings, { version: "9.9.9" }).find(
      (t) => t.name === "Plan Close-Out",
    )!;
    const header = close.rows.findIndex((r) => r[0] === "No");
    expect(close.rows.slice(header + 1, header + 4).map((r) => r.slice(0, 3))).toEqual([
      ["1", "Risk management", 2],
      ["2", "Relationships", 2],
      ["3", "Governance", 1],
    ]);
  });
});

describe("summaries say which scores were worked out and which risks were merged (issue 8)", () => {
  // A register with likelihood and impact in words and no score column.
  const headers = [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Likelihood",
    "Impact",
    "Strategy",
    "Actions",
    "Status",
  ];
  const wordRegister = grid({
    name: "Annex A",
    rows: [
      headers,
      ["R1", "Salt stock", "Jo", "Likely", "Major", "Treat", "Order early", "Open"],
      ["R2", "Gully cleansing", "Jo", "Possible", "Moderate", "Treat", "Extra crew", "Open"],
      ["R3", "Depot lease", "Jo", "Rare", "Minor", "Treat", "Renew", "Open"],
      ["R4", "Old depot risk", "Jo", "Rare", "Minor", "Treat", "None", "Merged with R3"],
    ],
  });
  const wordReport = checkWorkbook([wordRegister], { settings, asAt: "2022-10-10", source: "annex.xlsx" });
  const wordTabs = buildSummaryTabs(wordReport, settings, { version: "9.9.9" });
  const cells = (name: string) => wordTabs.find((t) => t.name === name)!.rows.flat();

  it("works the score out as likelihood × impact on the word scales", () => {
    expect(wordReport.risks.map((r) => [r.id, r.score, r.scoreWorkedOut ?? false])).toEqual([
      ["R1", 16, true],
      ["R2", 9, true],
      ["R3", 2, true],
      ["R4", 2, true],
    ]);
  });

  it.each([
    ["Escalation", /^2 open risks' scores were worked out as likelihood × impact .*: R1, R2$/],
    ["Risk Summary", /^3 open risks' scores were worked out as likelihood × impact .*: R1, R2, R3$/],
  ])("the %s tab names the risks whose score was worked out", (name, note) => {
    expect(cells(name).filter((c) => typeof c === "string" && note.test(c))).toHaveLength(1);
  });

  it("each escalated row's reason says the score was worked out", () => {
    expect(cells("Escalation")).toContain("score 16 (worked out as 4 × 4) ≥ 16");
  });

  it("the Risk Summary names the risk a merged one went into", () => {
    const row = wordTabs
      .find((t) => t.name === "Risk Summary")!
      .rows.find((r) => r[0] === "Closed: merged into another risk");
    expect(row?.slice(0, 3)).toEqual(["Closed: merged into another risk", 1, "R4 → R3"]);
  });

  it("a register with a score column says nothing about worked-out scores", () => {
    expect(
      tabs.flatMap((t) => t.rows.flat()).some((c) => typeof c === "string" && /worked out/.test(c)),
    ).toBe(false);
  });
});

describe("every count adds up", () => {
  const tabsOf = (specs: Parameters<typeof grid>[0][]) =>
    buildSummaryTabs(
      checkWorkbook(specs.map(grid), { settings, asAt: "2022-10-10", source: "book.xlsx" }),
      settings,
      { version: "9.9.9" },
    );
  const rowsOf = (t: ReturnType<typeof tabsOf>, name: string) => t.find((x) => x.name === name)!.rows;

  it("lists under the heat map, by id with the reason, each open risk that cannot stand in it", () => {
    const t = tabsOf([
      register(
        risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red" }),
        risk({ id: "HRC-002", likelihood: 3, impact: 6, score: 18, rag: "Red" }),
        risk({ id: "HRC-003", likelihood: null, impact: 2, score: null, rag: "Green" }),
        risk({ id: "HRC-004", likelihood: 0, impact: null, score: null, rag: "Green" }),
      ),
    ]);
    const rows = rowsOf(t, "Risk Summary");
    const header = rows.findIndex((r) => r[0] === "Likelihood \\ Impact");
    const inMap = rows
      .slice(header + 1, header + 6)
      .reduce((n, r) => n + (r.slice(1, 6) as number[]).reduce((a, b) => a + b, 0), 0);
    expect(inMap).toBe(1);
    const after = rows.slice(header + 6).map((r) => r.slice(0, 2));
    expect(after).toEqual(
      expect.arrayContaining([
        ["Open risks in the heat map: 1 of 4; not in it: 3", null],
        ["HRC-002", "impact 6 is not 1–5"],
        ["HRC-003", "no likelihood"],
        ["HRC-004", "likelihood 0 is not 1–5; no impact"],
      ]),
    );
  });

  it("counts a risk on two registers (same id and title) once, and shows it once per Escalation block naming both", () => {
    const directorate = register(risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red" }));
    directorate.name = "Directorate Register";
    const t = tabsOf([
      register(
        risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red" }),
        risk({ id: "HRC-002", likelihood: 1, impact: 2, score: 2, rag: "Green" }),
      ),
      directorate,
    ]);
    const summary = rowsOf(t, "Risk Summary");
    expect(summary.find((r) => r[0] === "Open")![1]).toBe(2);
    expect(summary.find((r) => r[0] === "Red")![1]).toBe(1);
    expect(summary).toContainEqual(
      expect.arrayContaining([
        "Open risks on more than one register, counted once",
        1,
        "HRC-001 (IRIS Risks, Directorate Register)",
      ]),
    );
    const esc = rowsOf(t, "Escalation").filter((r) => r[0] === "HRC-001");
    expect(esc).toHaveLength(1); // routed to the corporate register only, shown once there
    expect(esc[0][10]).toBe("IRIS Risks!A3; also on Directorate Register!A3");
  });

  it("counts open opportunities apart from the threats' RAG, lists them under the heat map, and leaves them out of the months' RAG", () => {
    // rv-tabs30 (judgement): an opportunity's score is upside; a red one is no red risk. Every count adds up.
    const opportunities = register(
      risk({ id: "OPP-01", likelihood: 4, impact: 5, score: 20, strategy: "Exploit" }),
    );
    opportunities.name = "Opportunities";
    const t = tabsOf([
      register(
        risk({ id: "OR-01", likelihood: 4, impact: 4, score: 16, rag: "Red" }),
        risk({ id: "OR-02", likelihood: 5, impact: 5, score: 25, strategy: "Take" }),
      ),
      opportunities,
    ]);
    const summary = rowsOf(t, "Risk Summary");
    const count = (label: string) => summary.find((r) => r[0] === label)?.slice(1, 3);
    expect(count("Open")![0]).toBe(3);
    expect(["Red", "Amber", "Green", "No score"].map((l) => count(l)![0])).toEqual([1, 0, 0, 0]);
    expect(count("Opportunities (upside, counted apart from the threats' RAG)")).toEqual([
      2,
      "OR-02, OPP-01",
    ]);
    const header = summary.findIndex((r) => r[0] === "Likelihood \\ Impact");
    const grid5 = summary.slice(header + 1, header + 6).map((r) => r.slice(1, 6));
    expect(grid5.flat().reduce((a, b) => Number(a) + Number(b), 0)).toBe(1);
    expect(summary.slice(header + 6, header + 9).map((r) => r.slice(0, 2))).toEqual([
      ["Open risks in the heat map: 1 of 3; not in it: 2", null],
      ["OR-02", "an opportunity: its score is upside, not placed among the threats"],
      ["OPP-01", "an opportunity: its score is upside, not placed among the threats"],
    ]);
    const months = summary.findIndex((r) => String(r[0]).startsWith("Open risks by RAG, month by month"));
    expect(summary[months][0]).toMatch(/; opportunities apart\)$/);
    expect(summary[months + 13].slice(1, 4)).toEqual([1, 0, 0]);
  });

  it("builds the Risk Summary an import writes as the Summaries build theirs: a risk on two registers counted once", () => {
    const directorate = register(risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red" }));
    directorate.name = "Directorate Register";
    const specs = [
      register(risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red" })),
      directorate,
    ];
    const checked = checkWorkbook(specs.map(grid), { settings, asAt: "2022-10-10", source: "book.xlsx" });
    const alone = buildRiskSummaryTabOf(checked, settings, { version: "9.9.9" });
    expect(alone).toEqual(tabsOf(specs).find((t) => t.kind === "risk-summary"));
    expect(alone.rows.find((r) => r[0] === "Open")![1]).toBe(1);
  });

  it("keeps two risks that share an id but not a title apart", () => {
    const other = register(
      risk({ id: "HRC-001", title: "Something else", likelihood: 4, impact: 5, score: 20 }),
    );
    other.name = "Annex B";
    const t = tabsOf([
      register(risk({ id: "HRC-001", likelihood: 4, impact: 5, score: 20, rag: "Red" })),
      other,
    ]);
    expect(rowsOf(t, "Risk Summary").find((r) => r[0] === "Open")![1]).toBe(2);
    expect(rowsOf(t, "Escalation").filter((r) => r[0] === "HRC-001")).toHaveLength(2);
  });
});
