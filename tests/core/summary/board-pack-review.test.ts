// Board-pack review: registers as a council officer keeps them (their own headers, words for money and
// strategy, two registers, a hand-kept Update Log, the improvement plan), run through the whole engine, and
// the summary tabs read as a board member reads them. Each test names what the reader must see.

import { ValueType } from "exceljs";
import type { OwnedCell } from "../../../src/core/model/owned-tab";
import { LOG_HEADERS } from "../history/helpers";
import { plan, planRow } from "../rules/harness";
import {
  OFFICER_HEADERS,
  counts,
  escalationBlock,
  idsIn,
  officerRegister,
  officerRisk,
  run,
  section,
  sheetOf,
  sum,
  tabNamed,
  writtenWorkbook,
} from "./board-pack";
const logEntry = (date: string, id: string, score: number) => ({
  Date: date,
  Register: "Contract Risks",
  "Risk ID": id,
  By: "J Smith",
  Update: "Reviewed at RMB",
  Score: score,
  Strategy: "Treat",
});
const updateLog = (...rows: Record<string, string | number>[]) =>
  sheetOf("Update Log", LOG_HEADERS, rows, null);

/** A risk scored 1 × 2 (no score route), with a financial impact, an Escalate? cell and a strategy. */
const lowRisk = (id: string, over: Record<string, string | number | boolean | null> = {}) =>
  officerRisk({ "Risk Ref": id, "Current Likelihood": 1, "Current Impact": 2, ...over });

/** [id, reason] pairs of a destination block. */
const reasonsIn = (tabs: ReturnType<typeof run>["tabs"], title: string) =>
  escalationBlock(tabs, title).map((r) => [r[0], r[9]]);

describe("Escalation tab: each open risk routed to the right boards and registers, with its reason", () => {
  it("routes scores at the edges of each band: 8 nowhere, 9 and 15 directorate, 16 corporate, 25 corporate and Strategic Partnership Board", () => {
    // SPEC "Escalation": "corporate-register | current score ≥ 16"; "directorate-register | current score 9–15";
    // "strategic-board | financial impact ≥ £250,000, or score 25".
    const score = (id: string, l: number, i: number) =>
      officerRisk({ "Risk Ref": id, "Current Likelihood": l, "Current Impact": i });
    const { tabs } = run([
      officerRegister([
        score("S-08", 2, 4),
        score("S-09", 3, 3),
        score("S-15", 3, 5),
        score("S-16", 4, 4),
        score("S-20", 4, 5),
        score("S-25", 5, 5),
      ]),
    ]);
    // Highest score first within a block (owned-tab contract review).
    expect(reasonsIn(tabs, "Corporate risk register")).toEqual([
      ["S-25", "score 25 ≥ 16"],
      ["S-20", "score 20 ≥ 16"],
      ["S-16", "score 16 ≥ 16"],
    ]);
    expect(reasonsIn(tabs, "Directorate risk register")).toEqual([
      ["S-15", "score 15 in 9–15"],
      ["S-09", "score 9 in 9–15"],
    ]);
    expect(idsIn(tabs, "Strategic Partnership Board")).toEqual(["S-25"]);
    const everywhere = tabNamed(tabs, "Escalation").rows.map((r) => r[0]);
    expect(everywhere).not.toContain("S-08");
  });

  it("reads financial impact written in words as officers write it, routing each sum to the cluster group and the boards its size calls for", () => {
    // SPEC "Values": "Money: `£120k`, …, `c. £0.25m`, `£120k pa`, `Up to £75,000`, `£85,000 (est.)`, `£50k–£100k`
    // (the upper end), `£0`, `Nil` … Text without an amount ("significant", "TBC") is no amount."
    const { tabs } = run([
      officerRegister([
        lowRisk("F-025M", { "Financial Impact (£)": "c. £0.25m" }),
        lowRisk("F-RANGE", { "Financial Impact (£)": "£50k–£100k" }),
        lowRisk("F-UPTO", { "Financial Impact (£)": "Up to £75,000" }),
        lowRisk("F-PA", { "Financial Impact (£)": "£120k pa" }),
        lowRisk("F-JUST", { "Financial Impact (£)": "£49,999" }),
        lowRisk("F-NIL", { "Financial Impact (£)": "Nil" }),
        lowRisk("F-ZERO", { "Financial Impact (£)": "£0" }),
        lowRisk("F-WORDS", { "Financial Impact (£)": "significant" }),
        lowRisk("F-TBC", { "Financial Impact (£)": "TBC" }),
      ]),
    ]);
    expect(reasonsIn(tabs, "Financial and Commercial Cluster Group")).toEqual([
      ["F-025M", "financial impact £250,000"],
      ["F-RANGE", "financial impact £100,000"],
      ["F-UPTO", "financial impact £75,000"],
      ["F-PA", "financial impact £120,000"],
      ["F-JUST", "financial impact £49,999"],
    ]);
    expect(idsIn(tabs, "Operations Board")).toEqual(["F-025M", "F-RANGE", "F-UPTO", "F-PA"]);
    expect(reasonsIn(tabs, "Strategic Partnership Board")).toEqual([
      ["F-025M", "financial impact £250,000 ≥ £250,000"],
    ]);
  });

  it("reads a 'Financial Impact (£k)' column in thousands: 50 goes to the Operations Board, 250 to the Strategic Partnership Board", () => {
    // SPEC "Escalation": "operations-board | financial impact ≥ £50,000"; "strategic-board | financial impact ≥ £250,000".
    const headers = OFFICER_HEADERS.map((h) => (h === "Financial Impact (£)" ? "Financial Impact (£k)" : h));
    const k = (id: string, v: string | number) => lowRisk(id, { "Financial Impact (£k)": v });
    const { tabs } = run([
      sheetOf("Contract Risks", headers, [
        k("K-50", 50),
        k("K-250", 250),
        k("K-49", 49.5),
        k("K-TXT", "£40k"),
      ]),
    ]);
    expect(reasonsIn(tabs, "Financial and Commercial Cluster Group")).toEqual([
      ["K-50", "financial impact £50,000"],
      ["K-250", "financial impact £250,000"],
      ["K-49", "financial impact £49,500"],
      ["K-TXT", "financial impact £40,000"],
    ]);
    expect(idsIn(tabs, "Operations Board")).toEqual(["K-50", "K-250"]);
    expect(idsIn(tabs, "Strategic Partnership Board")).toEqual(["K-250"]);
  });

  it("sends a risk whose Escalate? says Yes (Y, a ticked box, 'Yes – to Ops Board') to the Operations Board, and not one that says No", () => {
    // SPEC "Escalation": "operations-board | financial impact ≥ £50,000, or Escalate? = Yes"; SPEC "Values":
    // "Yes: Yes, Y, TRUE, a ticked check box, and Yes followed by words (`Yes – to Ops Board`)."
    const { tabs } = run([
      officerRegister([
        lowRisk("E-Y", { "Escalate?": "Y" }),
        lowRisk("E-TICK", { "Escalate?": true }),
        lowRisk("E-WORDS", { "Escalate?": "Yes – to Ops Board" }),
        lowRisk("E-NO", { "Escalate?": "No" }),
        lowRisk("E-N", { "Escalate?": "N" }),
      ]),
    ]);
    expect(reasonsIn(tabs, "Operations Board")).toEqual([
      ["E-Y", "Escalate? = Yes"],
      ["E-TICK", "Escalate? = Yes"],
      ["E-WORDS", "Escalate? = Yes"],
    ]);
  });

  it("lists a risk whose strategy is Transfer, Share or Insure in the Transfer block", () => {
    // SPEC "Escalation": "transfer | strategy Transfer"; SPEC "Values": "Transfer (share, insure)".
    const { tabs } = run([
      officerRegister([
        lowRisk("T-1", { "Risk Response Strategy": "Transfer - insure", "Transferred To": "Contractor" }),
        lowRisk("T-2", { "Risk Response Strategy": "Share", "Transferred To": "Contractor" }),
        lowRisk("T-3", { "Risk Response Strategy": "Insure", "Transferred To": "Insurer" }),
        lowRisk("T-4", { "Risk Response Strategy": "Treat" }),
      ]),
    ]);
    expect(reasonsIn(tabs, "Transfer")).toEqual([
      ["T-1", "strategy Transfer"],
      ["T-2", "strategy Transfer"],
      ["T-3", "strategy Transfer"],
    ]);
  });

  it("leaves out of every block a closed risk, however its status is written, even at score 25, £1m or Escalate? = Yes", () => {
    // SPEC "Escalation": "Each open risk is routed"; SPEC "Values": "closed = Closed, Archived, Transferred, Retired,
    // and Merged / Superseded / Combined … Words or a date after the status word (`Closed (30/11/2022)`) are fine."
    const closed = (id: string, status: string) =>
      officerRisk({
        "Risk Ref": id,
        "Current Likelihood": 5,
        "Current Impact": 5,
        "Risk Status": status,
        "Financial Impact (£)": "£1m",
        "Escalate?": "Yes",
        "Risk Response Strategy": "Transfer",
        "Transferred To": "Contractor",
      });
    const { tabs } = run([
      officerRegister([
        closed("C-1", "Closed (30/09/2022)"),
        closed("C-2", "Archived"),
        closed("C-3", "Merged into HRC-002"),
        closed("C-4", "Transferred"),
        closed("C-5", "closed"),
        officerRisk({ "Risk Ref": "HRC-002" }),
      ]),
    ]);
    const ids = tabNamed(tabs, "Escalation").rows.map((r) => r[0]);
    for (const id of ["C-1", "C-2", "C-3", "C-4", "C-5"]) expect(ids).not.toContain(id);
    expect(idsIn(tabs, "Directorate risk register")).toEqual(["HRC-002"]);
  });

  it("shows each risk's direction of travel: ↑ from the Update Log, new when raised this month, blank when nothing dates it", () => {
    // SPEC "History": "Direction of travel of each risk: ↑ (score higher than at the previous monthly point), ↓
    // (lower), → (same); new when it has no monthly point before the as-at month … Shown on the Escalation tab".
    const { tabs } = run([
      officerRegister([
        officerRisk({ "Risk Ref": "H-UP", "Current Likelihood": 4, "Current Impact": 4 }),
        officerRisk({ "Risk Ref": "H-SAME", "Current Likelihood": 4, "Current Impact": 4 }),
        officerRisk({
          "Risk Ref": "H-NEW",
          "Date Raised": "03/10/2022",
          "Current Likelihood": 4,
          "Current Impact": 4,
        }),
        officerRisk({
          "Risk Ref": "H-UNDATED",
          "Date Raised": null,
          "Current Likelihood": 4,
          "Current Impact": 4,
        }),
      ]),
      updateLog(logEntry("09/08/2022", "H-UP", 9), logEntry("09/09/2022", "H-UP", 9)),
    ]);
    expect(escalationBlock(tabs, "Corporate risk register").map((r) => [r[0], r[11]])).toEqual([
      ["H-UP", "↑ up"],
      ["H-SAME", "→ same"],
      ["H-NEW", "new"],
      ["H-UNDATED", ""],
    ]);
    const travel = section(tabNamed(tabs, "Risk Summary"), "Direction of travel").slice(2);
    expect(travel.map((r) => [r[0], r[1]])).toEqual([
      ["↑ Score up", 1],
      ["↓ Score down", 0],
      ["→ No change", 1],
      ["New this month", 1],
      ["No direction (not dated, or no score to compare)", 1],
    ]);
  });

  it("proposes to escalate a risk whose score rose by 6 in a month and to de-escalate an Escalate? = Yes risk long at appetite, each with where and why", () => {
    // SPEC "Proposals": "escalate a risk not yet escalated whose score … rose by 6 or more from the previous monthly
    // point; … de-escalate an escalated risk whose score has been at or below its appetite … at the last three
    // monthly points; its destination is … the words after Yes (`Yes – to Ops Board`)".
    const { tabs } = run([
      officerRegister([
        officerRisk({ "Risk Ref": "H-UP", "Current Likelihood": 4, "Current Impact": 4 }),
        officerRisk({
          "Risk Ref": "H-DE",
          "Escalate?": "Yes – to Ops Board",
          "Current Likelihood": 2,
          "Current Impact": 2,
        }),
        officerRisk({
          "Risk Ref": "H-CLOSED",
          "Risk Status": "Closed",
          "Current Likelihood": 5,
          "Current Impact": 5,
        }),
      ]),
      updateLog(
        logEntry("09/09/2022", "H-UP", 9),
        logEntry("05/07/2022", "H-DE", 4),
        logEntry("05/08/2022", "H-DE", 4),
        logEntry("05/09/2022", "H-DE", 4),
        logEntry("05/09/2022", "H-CLOSED", 5),
      ),
    ]);
    const block = section(tabNamed(tabs, "Escalation"), "Proposed changes");
    expect(block[0][0]).toBe("Proposed changes for the board to decide (2 risks)");
    expect(block.slice(2).map((r) => [r[0], r[3], r[5], r[7]])).toEqual([
      ["H-UP", "Escalate", "Corporate risk register", "score rose by 7 in a month (9 → 16)"],
      ["H-DE", "De-escalate", "Operations Board", "score 4 at or below appetite (Cautious, 9) for 4 months"],
    ]);
  });

  it("shows as a risk's latest update the newest dated line of its update history, beside that line's date", () => {
    // SPEC "Owned tabs": "Escalation: … latest update and its date"; SPEC "Real registers": "an update cell holding a
    // history ("12/09/22 – reviewed at RMB", one entry a line …) has, as its update date, the newest date that starts a line".
    const headers = OFFICER_HEADERS.filter((h) => h !== "Date of Last Review");
    const { tabs } = run([
      sheetOf("Contract Risks", headers, [
        officerRisk({
          "Risk Ref": "HRC-009",
          "Current Likelihood": 4,
          "Current Impact": 4,
          "Latest Update":
            "12/09/22 – reviewed at RMB, no change\n03/10/22 – gully crew hired, backlog falling",
        }),
      ]),
    ]);
    const [row] = escalationBlock(tabs, "Corporate risk register");
    expect(row[8]).toEqual({ date: "2022-10-03" });
    expect(row[7]).toContain("gully crew hired, backlog falling");
    expect(row[7]).not.toContain("reviewed at RMB, no change");
  });

  it("puts a risk held on two registers in the corporate or the directorate block, not both (one risk, one score band)", () => {
    // SPEC "Owned tabs": "A risk that stands on several registers (the same risk by id and title) is counted once and
    // shown once, naming each register it is on." SPEC "Escalation": corporate ≥ 16, directorate 9–15 (one or other).
    const { tabs } = run([
      officerRegister(
        [
          officerRisk({
            "Risk Ref": "HRC-003",
            "Risk Title": "Drainage backlog",
            "Current Likelihood": 4,
            "Current Impact": 4,
          }),
        ],
        "Corporate Register",
      ),
      officerRegister(
        [
          officerRisk({
            "Risk Ref": "HRC-003",
            "Risk Title": "Drainage backlog",
            "Current Likelihood": 3,
            "Current Impact": 4,
          }),
        ],
        "Directorate Register",
      ),
    ]);
    const corporate = idsIn(tabs, "Corporate risk register");
    const directorate = idsIn(tabs, "Directorate risk register");
    expect([...corporate, ...directorate].filter((id) => id === "HRC-003")).toHaveLength(1);
  });
});

describe("Risk Summary: counts a board member can add up", () => {
  const sheets = () => [
    officerRegister([
      officerRisk({
        "Risk Ref": "R-1",
        "Risk Response Strategy": "Treat - reduce",
        "Service Annex": "Highways",
      }),
      officerRisk({
        "Risk Ref": "R-2",
        "Risk Response Strategy": "Mitigate",
        "Service Annex": "Highways",
        "Current Likelihood": 5,
        "Current Impact": 4,
      }),
      officerRisk({
        "Risk Ref": "R-3",
        "Risk Response Strategy": "Accept",
        "Service Annex": "Street Lighting",
        "Current Likelihood": 1,
        "Current Impact": 2,
      }),
      officerRisk({
        "Risk Ref": "R-4",
        "Risk Response Strategy": "TBC",
        "Service Annex": "Street Lighting",
        "Date of Last Review": "01/08/2022",
      }),
      officerRisk({
        "Risk Ref": "R-5",
        "Risk Response Strategy": "Insure",
        "Transferred To": "Insurer",
        "Service Annex": null,
        "Current Likelihood": "Likely",
        "Current Impact": "Major",
        "Current Risk Score": null,
      }),
      officerRisk({
        "Risk Ref": "R-6",
        "Service Annex": "Drainage",
        "Current Likelihood": null,
        "Current Impact": null,
        "Current Risk Score": 20,
      }),
      officerRisk({
        "Risk Ref": "R-7",
        "Risk Status": "Closed (30/09/2022)",
        "Service Annex": "Drainage",
        "Current Likelihood": 5,
        "Current Impact": 5,
      }),
      officerRisk({ "Risk Ref": "R-8", "Risk Status": "Merged into R-1", "Service Annex": "Drainage" }),
    ]),
  ];

  it("counts open risks by RAG, by strategy and by annex, each adding up to the open risks, closed and merged ones left out", () => {
    // SPEC "Owned tabs": "Every count adds up"; "Risk Summary: counts by status, RAG, strategy and annex".
    const summary = tabNamed(run(sheets()).tabs, "Risk Summary");
    const status = counts(summary, "Risks by status");
    expect(status.Open).toBe(6);
    expect(status.Closed).toBe(2);
    expect(counts(summary, "Open risks by RAG")).toEqual({ Red: 3, Amber: 2, Green: 1, "No score": 0 });
    expect(counts(summary, "Open risks by strategy")).toEqual({
      Treat: 3,
      Tolerate: 1,
      Transfer: 1,
      "(none)": 1,
    });
    expect(sum(counts(summary, "Open risks by annex"))).toBe(6);
    expect(counts(summary, "Open risks by annex")).toEqual({
      Drainage: 1,
      Highways: 2,
      "Street Lighting": 2,
      "(not given)": 1,
    });
  });

  it("places each open risk in the heat map at its likelihood × impact (words too) and lists by id the one it cannot place", () => {
    // SPEC "Owned tabs": "a risk that cannot stand in a table (the heat map, say: no likelihood or impact …) is
    // listed under it by id with the reason"; SPEC "Scores": "Likely 4 … Major 4".
    const summary = tabNamed(run(sheets()).tabs, "Risk Summary");
    const heat = section(summary, "Heat map");
    const cell = (l: number, i: number) => heat.find((r) => r[0] === String(l))![i];
    expect(cell(3, 4)).toBe(2);
    expect(cell(5, 4)).toBe(1);
    expect(cell(1, 2)).toBe(1);
    expect(cell(4, 4)).toBe(1); // R-5 in words
    const gridTotal = heat
      .filter((r) => /^[1-5]$/.test(String(r[0])))
      .reduce((n, r) => n + (r.slice(1, 6) as number[]).reduce((a, b) => a + b, 0), 0);
    expect(gridTotal).toBe(5);
    expect(heat.some((r) => r[0] === "R-6" && r[1] === "no likelihood; no impact")).toBe(true);
  });

  it("names the open risks with no strategy and those not updated this month at the top, the audit's two headline failures", () => {
    // SPEC "Owned tabs": "Risk Summary: … how many are stale"; README: risks "that have no strategy and no update this
    // month first". A board member reading "Open and not updated this period: 1" must be told which risk it is.
    const summary = tabNamed(run(sheets()).tabs, "Risk Summary");
    const firstSection = section(summary, "Risks by status");
    const stale = firstSection.find((r) => r[0] === "Open and not updated this period")!;
    expect(stale[1]).toBe(1);
    expect(stale.some((c) => typeof c === "string" && c.includes("R-4"))).toBe(true);
    const noStrategy = summary.rows.findIndex((r) =>
      r.some((c) => typeof c === "string" && /no strategy/i.test(c)),
    );
    const byRag = summary.rows.findIndex((r) => r[0] === "Open risks by RAG");
    expect(noStrategy).toBeGreaterThan(-1);
    expect(noStrategy).toBeLessThan(byRag);
    expect(summary.rows[noStrategy].some((c) => typeof c === "string" && c.includes("R-4"))).toBe(true);
  });

  it("shows twelve months of open risks by RAG, ending with the as-at month", () => {
    // SPEC "History": "Pictures: … open risks by RAG for each of the last twelve months".
    const summary = tabNamed(run(sheets()).tabs, "Risk Summary");
    const months = section(summary, "Open risks by RAG, month by month").slice(2, -1);
    expect(months).toHaveLength(12);
    // Each month an Excel date shown as the month (SPEC "Owned tabs": dates never as text).
    expect(months[0][0]).toEqual({ date: "2021-11-01", shows: "month" });
    expect(months[11].slice(0, 4)).toEqual([{ date: "2022-10-01", shows: "month" }, 3, 2, 1]);
  });

  it("does not count as 'not updated this period' a risk updated this month on the other register that holds it", () => {
    // SPEC "Latest update": "A risk's latest update is the newest of: its own lastUpdated date, …"; SPEC "Owned tabs":
    // a risk on several registers "is counted once and shown once". Counted once, it was updated on 05/10/2022.
    const { tabs } = run([
      officerRegister(
        [
          officerRisk({
            "Risk Ref": "HRC-003",
            "Risk Title": "Drainage backlog",
            "Date of Last Review": "01/08/2022",
          }),
        ],
        "Corporate Register",
      ),
      officerRegister(
        [
          officerRisk({
            "Risk Ref": "HRC-003",
            "Risk Title": "Drainage backlog",
            "Date of Last Review": "05/10/2022",
            "Latest Update": "Gully crew hired",
          }),
        ],
        "Directorate Register",
      ),
    ]);
    const status = counts(tabNamed(tabs, "Risk Summary"), "Risks by status");
    expect(status.Open).toBe(1);
    expect(status["Open and not updated this period"]).toBe(0);
  });
});

describe("Exceptions tab: every finding, in the order the audit reads them", () => {
  const book = () => [
    officerRegister([
      officerRisk({ "Risk Ref": "X-1", "Risk Owner": null }),
      officerRisk({ "Risk Ref": "X-2", "Date of Last Review": "01/08/2022" }),
      officerRisk({ "Risk Ref": "X-3", "Risk Response Strategy": null }),
      officerRisk({ "Risk Ref": "X-4", "Current Risk Score": 10 }),
    ]),
  ];

  it("lists every finding with sheet, cell, record and message, no-strategy and no-update first, then errors before warnings", () => {
    // SPEC "Owned tabs": "Exceptions: every finding: severity, rule, sheet, cell (a link), record id, message";
    // README: findings "grouped by severity and rule with risks that have no strategy and no update this month first".
    const { tabs, report } = run(book());
    const rows = section(tabNamed(tabs, "Exceptions"), "Findings (").slice(2);
    expect(rows).toHaveLength(report.findings.length);
    expect(rows.slice(0, 2).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ["risk/missing-strategy", "Contract Risks", "J5", "X-3"],
      ["risk/stale-update", "Contract Risks", "L4", "X-2"],
    ]);
    const severities = rows.map((r) => r[0]);
    expect(severities.lastIndexOf("Error")).toBeLessThan(severities.indexOf("Warning"));
    expect(rows.find((r) => r[1] === "risk/missing-owner")!.slice(2, 5)).toEqual([
      "Contract Risks",
      "D3",
      "X-1",
    ]);
    expect(rows.find((r) => r[1] === "risk/score-mismatch")![4]).toBe("X-4");
    for (const r of rows) expect(typeof r[5] === "string" && (r[5] as string).length > 0).toBe(true);
  });

  it("moves an accepted finding to its own block with the officer's reason and review-by date, out of the findings", () => {
    // SPEC "Owned tabs": "Exceptions: … accepted ones in their own block with reason and date".
    const first = run(book());
    const f = first.report.findings.find((x) => x.ruleId === "risk/missing-owner")!;
    const accepted = {
      ruleId: f.ruleId,
      sheet: f.sheet,
      recordId: f.recordId!,
      reason: "Owner to be named at November RMB",
      reviewBy: "2022-11-30",
      fingerprint: f.fingerprint!,
    };
    const { tabs } = run(book(), { acceptedExceptions: [accepted] });
    const exceptions = tabNamed(tabs, "Exceptions");
    const findings = section(exceptions, "Findings (").slice(2);
    expect(findings.some((r) => r[1] === "risk/missing-owner")).toBe(false);
    const block = section(exceptions, "Accepted exceptions (");
    expect(block[0][0]).toBe("Accepted exceptions (1)");
    expect(block[2].slice(1, 8)).toEqual([
      "risk/missing-owner",
      "Contract Risks",
      "D3",
      "X-1",
      f.message,
      "Owner to be named at November RMB",
      { date: "2022-11-30" },
    ]);
  });
});

describe("Plan Close-Out: each aim's actions, and whether the board can close it", () => {
  const aims = () =>
    run([
      officerRegister([officerRisk()]),
      plan(
        planRow({ no: "1.", aim: "Risk Management.", evidence: "Minutes of RMB" }),
        planRow({ no: null, aim: null, action: "Train officers", status: "Completed", evidence: "N/A" }),
        planRow({
          no: "2.",
          aim: "Performance.",
          action: "KPI report",
          status: "Completed",
          evidence: "Awaiting sign-off",
        }),
        planRow({
          no: "3.",
          aim: "Supervision.",
          action: "Recruit inspectors",
          date: "June 2022",
          status: "In progress",
          evidence: null,
        }),
        planRow({
          no: "4.",
          aim: "Finance.",
          action: "Budget reconciliation",
          date: "March 2023",
          status: "Not started",
          evidence: null,
        }),
        planRow({
          no: "5.",
          aim: "Reporting.",
          action: "Monthly report",
          status: "Completed",
          evidence: "Board minutes Sept",
        }),
        planRow({
          no: null,
          aim: null,
          action: "Quarterly report",
          status: "Complete",
          evidence: "Board minutes Q2",
        }),
        planRow({
          no: "6.",
          aim: "Contract governance.",
          action: "Set up Ops Board",
          status: "Completed",
          evidence: "ToR v2",
        }),
        planRow({
          no: null,
          aim: null,
          action: "Separate commercial board",
          status: "Cancelled – superseded by the Ops Board",
          evidence: null,
        }),
      ),
    ]).tabs;
  const row = (no: string) =>
    section(tabNamed(aims(), "Plan Close-Out"), "Improvement plan close-out")
      .slice(2)
      .find((r) => r[0] === no)!
      .slice(1, 9);

  it("rates each aim as SPEC says: N/A evidence or overdue red, 'awaiting' or not yet done amber, all done and evidenced green and ready to close", () => {
    // SPEC "Plan Close-Out": "RAG (red: any overdue or completed without evidence; amber: open actions or not evidenced;
    // green: all completed and evidenced); ready to close = green"; SPEC "Placeholders": "evidence "N/A" is empty evidence".
    expect(row("1")).toEqual(["Risk Management.", 2, 2, 0, 1, 0, "Red", "No"]);
    expect(row("2")).toEqual(["Performance.", 1, 1, 0, 0, 1, "Amber", "No"]);
    expect(row("3")).toEqual(["Supervision.", 1, 0, 1, 0, 0, "Red", "No"]);
    expect(row("4")).toEqual(["Finance.", 1, 0, 0, 0, 0, "Amber", "No"]);
    expect(row("5")).toEqual(["Reporting.", 2, 2, 0, 0, 0, "Green", "Yes"]);
  });

  it("lets the board close an aim whose actions are completed and evidenced, one of them cancelled as superseded", () => {
    // SPEC "Plan Close-Out": "amber: open actions or not evidenced"; a cancelled action is no open action (SPEC "Rules":
    // plan/overdue fires only when "the status is neither completed nor cancelled").
    expect(row("6").slice(6)).toEqual(["Green", "Yes"]);
  });
});

describe("what the board pack prints: the heading, dates as dates, text as text", () => {
  const hostile = {
    title: "=SUM(C3:C9) over budget",
    owner: "+44 20 7946 0000 (duty officer)",
    annex: "-5 % efficiency",
    update: "@risk model rerun",
  };
  const book = () =>
    run(
      [
        officerRegister([
          officerRisk({
            "Risk Ref": "HRC-007",
            "Risk Title": hostile.title,
            "Risk Owner": hostile.owner,
            "Service Annex": hostile.annex,
            "Latest Update": hostile.update,
            "Current Likelihood": 4,
            "Current Impact": 5,
            "Date of Last Review": "03/10/2022",
          }),
        ]),
      ],
      { protectiveMarking: "OFFICIAL-SENSITIVE" },
    );

  it("heads every tab with its name, the protective marking, the as-at date as a date, the source file and the version", () => {
    // SPEC "Owned tabs": "Each carries the as-at date, the source, the version of the add-in and the protective marking".
    const { tabs } = book();
    expect(tabs.map((t) => t.name)).toEqual(["Escalation", "Exceptions", "Risk Summary", "Plan Close-Out"]);
    for (const t of tabs) {
      expect(t.rows[0][0]).toBe(t.name);
      expect(t.rows[1].slice(0, 5)).toEqual([
        "OFFICIAL-SENSITIVE",
        "As at",
        { date: "2022-10-10" },
        "Source: Board Pack Oct 2022.xlsx",
        "Contract Risk Review 9.9.9",
      ]);
      expect(t.format.pageHeader).toBe("OFFICIAL-SENSITIVE");
    }
  });

  it("writes the as-at date and each update date into the file as Excel dates shown dd/mm/yyyy, never as text", async () => {
    // SPEC "Owned tabs": "Dates are written as Excel dates with a UK date format, never as text."
    const { tabs } = book();
    const wb = await writtenWorkbook(tabs);
    const esc = wb.getWorksheet("Escalation")!;
    const asAt = esc.getCell("C2");
    expect(asAt.type).toBe(ValueType.Date);
    expect(asAt.numFmt).toBe("dd/mm/yyyy");
    expect((asAt.value as Date).toISOString().slice(0, 10)).toBe("2022-10-10");
    const escRows = tabNamed(tabs, "Escalation").rows;
    const r = escRows.findIndex((row) => row[0] === "HRC-007");
    const updated = esc.getCell(r + 1, 9);
    expect(updated.type).toBe(ValueType.Date);
    expect(updated.numFmt).toBe("dd/mm/yyyy");
    expect((updated.value as Date).toISOString().slice(0, 10)).toBe("2022-10-03");
  });

  it("writes a title, owner, annex or update that looks like a formula ('=SUM(…)', '+44 …', '-5 %', '@risk') as that text, never as a formula", async () => {
    // SPEC "What must never happen": "text starting with `=`, `+`, `-`, `@`, tab, CR or LF is stored as text."
    const { tabs } = book();
    const shown: OwnedCell[] = escalationBlock(tabs, "Corporate risk register")[0];
    expect(shown.slice(0, 4)).toEqual(["HRC-007", hostile.title, hostile.owner, hostile.annex]);
    expect(shown[7]).toBe(hostile.update);
    const wb = await writtenWorkbook(tabs);
    const texts = new Map<string, string>();
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ValueType.Formula || cell.formula) formulas++;
          if (typeof cell.value === "string") texts.set(cell.value, `${ws.name}!${cell.address}`);
        }),
      ),
    );
    expect(formulas).toBe(0);
    for (const text of Object.values(hostile)) expect(texts.has(text)).toBe(true);
    // The annex is a label of the Risk Summary's annex counts too.
    expect(texts.get(hostile.annex)).toMatch(/^(Escalation|Risk Summary)!/);
    expect(counts(tabNamed(tabs, "Risk Summary"), "Open risks by annex")).toEqual({ [hostile.annex]: 1 });
  });
});
