// Summary tabs as written, judged against SPEC ("Owned tabs", "Escalation", "Accepted exceptions"): wrong
// results found by a review of the Escalation, Exceptions and Risk Summary tabs. Each test fails today.

import { checkWorkbook } from "../../../src/core/check";
import type { Movement } from "../../../src/core/merge/movement";
import type { OwnedTab } from "../../../src/core/model/owned-tab";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import { buildSummaryTabs } from "../../../src/core/summary";
import { action, actionsSheet, plan, grid, register, risk, type SheetSpec } from "../rules/harness";
import { block, rowsOf } from "./tab-rows";

const base = defaultSettings();
const reportOf = (sheets: SheetSpec[], settings: Settings = base) =>
  checkWorkbook(sheets.map(grid), { settings, asAt: "2022-10-10", today: "2022-10-10", source: "book.xlsx" });
const tabsOf = (sheets: SheetSpec[], settings: Settings = base, movement?: Movement): OwnedTab[] =>
  buildSummaryTabs(reportOf(sheets, settings), settings, { version: "1", ...(movement ? { movement } : {}) });

describe("summary tabs as written, against SPEC", () => {
  it("Escalation shows the latest update's own text beside its date, not an older register text", () => {
    // SPEC "Escalation": "a block per destination: id, title, owner, annex, score and RAG, strategy, latest
    // update and its date"; SPEC "Latest update": "A risk's latest update is the newest of: its own
    // lastUpdated date, … its actions' update dates, …". The code shows the register's update cell (last
    // reviewed 14/06/2022) beside the date of the action's newer update (20/07/2022), whose text is
    // "Quote requested." — a text and a date from two different updates (as HRC-005 in the sample).
    const t = tabsOf([
      register(
        risk({
          id: "HRC-005",
          likelihood: 4,
          impact: 4,
          score: 16,
          rag: "Red",
          lastReview: "14/06/2022",
          update: "Inspector vacancy advertised.",
        }),
      ),
      actionsSheet(action({ riskId: "HRC-005", update: "Quote requested.", updated: "20/07/2022" })),
    ]);
    const [row] = block(t, "Corporate risk register");
    expect(row[8]).toEqual({ date: "2022-07-20" });
    expect(row[7]).toBe("Quote requested.");
  });

  it("Exceptions gives an accepted plan finding its reason and review date after the action is renumbered", () => {
    // SPEC "Exceptions": "accepted ones in their own block with reason and date". The finding is accepted
    // (an action inserted above turned 1.1 into 1.2; its cells, the fingerprint, say it is the same action,
    // so the check accepts it), but the tab looks the exception up by record id only and leaves the
    // Reason and Review by cells blank.
    const first = [
      register(risk()),
      plan(["1.", "Risk management", "bg", "Action one", "July 2022", "RC", "MA", "Completed.", ""]),
    ];
    const f = reportOf(first).findings.find((x) => x.ruleId === "plan/completed-without-evidence")!;
    const settings: Settings = {
      ...base,
      acceptedExceptions: [
        {
          ruleId: f.ruleId,
          sheet: f.sheet,
          recordId: f.recordId!,
          reason: "Evidence held by Internal Audit",
          reviewBy: "2022-12-31",
          fingerprint: f.fingerprint!,
        },
      ],
    };
    const second = [
      register(risk()),
      plan(
        ["1.", "Risk management", "bg", "Action zero", "July 2022", "RC", "MA", "Completed.", "Minutes"],
        [null, null, null, "Action one", "July 2022", "RC", "MA", "Completed.", ""],
      ),
    ];
    const report = reportOf(second, settings);
    expect(report.accepted.map((a) => a.ruleId)).toEqual(["plan/completed-without-evidence"]);
    const rows = rowsOf(buildSummaryTabs(report, settings, { version: "1" }), "Exceptions");
    const accepted = rows.find((r) => r[1] === "plan/completed-without-evidence")!;
    expect(accepted.slice(6, 8)).toEqual(["Evidence held by Internal Audit", { date: "2022-12-31" }]);
  });

  it("Risk Summary does not count a risk whose score is out of range as Green", () => {
    // SPEC "Owned tabs": "Every count adds up: a risk that cannot stand in a table (the heat map, say: no
    // likelihood or impact, or one out of range) is listed under it by id with the reason"; RAG scale:
    // "red 15–25". A score of 30 (likelihood 5 × impact 6) has no band; the code counts the risk under
    // Green, from the register's RAG word, with nothing under the RAG table saying why (the Escalation
    // tab likewise shows it as score 30, RAG Green, on the corporate register and strategic board).
    const t = tabsOf([register(risk({ likelihood: 5, impact: 6, score: 30, rag: "Green" }))]);
    const rows = rowsOf(t, "Risk Summary");
    expect(rows.find((r) => r[0] === "Green")![1]).toBe(0);
    const start = rows.findIndex((r) => r[0] === "Open risks by RAG");
    const end = rows.findIndex((r) => r[0] === "Open risks by strategy");
    expect(rows.slice(start, end).some((r) => r[0] === "HRC-001")).toBe(true);
  });

  it("Risk Summary names a new risk without an id by its row in the direction-of-travel Ids, not by a blank", () => {
    // Plain sense: SPEC is silent on risks without an id here, but the tab lists "HRC-001, " — a count of 2
    // with one blank entry — where the heat map's list under it names such a risk "row 3".
    const headers = [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Date Raised",
      "Current Likelihood",
      "Current Impact",
      "Current Risk Score",
      "Risk Response Strategy",
      "Mitigating Actions",
      "Date of Last Review",
      "Latest Update",
      "Risk Status",
    ];
    const t = tabsOf([
      {
        name: "Register",
        rows: [
          headers,
          ["HRC-001", "Salt stock", "Jo", "03/10/2022", 2, 2, 4, "Treat", "Order", "05/10/2022", "u", "Open"],
          [null, "Gully cleansing", "Jo", "03/10/2022", 2, 2, 4, "Treat", "Crew", "05/10/2022", "u", "Open"],
        ],
      },
    ]);
    const row = rowsOf(t, "Risk Summary").find((r) => r[0] === "New this month")!;
    expect(row[1]).toBe(2);
    expect(String(row[2]).split(", ")).toEqual(["HRC-001", "row 3"]);
  });

  it("Risk Summary writes the date of the last import in UK form, not ISO text", () => {
    // SPEC "Owned tabs": "Dates are written as Excel dates with a UK date format, never as text." The
    // movement block's title reads "Movement since the import of 2022-10-05".
    const movement: Movement = {
      since: "2022-10-05",
      newRisks: [],
      closed: [],
      scoreUp: [],
      scoreDown: [],
      strategyChanged: [],
    };
    const rows = rowsOf(tabsOf([register(risk())], base, movement), "Risk Summary");
    const title = rows.find((r) => typeof r[0] === "string" && r[0].startsWith("Movement since"))!;
    expect(title[0]).not.toContain("2022-10-05");
    expect(title[0]).toContain("05/10/2022");
  });
});
