// A risk's history holds the updates its register's own update cell dates line by line (SPEC "Dated lines in
// the update text"; "History of a risk: its scores and updates month by month").

import { riskHistory } from "../../../src/core/history";
import { reportOf } from "../rules/harness";
import { hlog, hregister, hrisk, logRow } from "./helpers";

const CELL =
  "03/10/22 – Contractor added night crews\n12/09/22 – No change\n15/08/22 – Claims rising after resurfacing delays";

/** Each month of the risk's last `months`: "2022-09 12: words; more words". */
function monthsOf(report: ReturnType<typeof reportOf>, months = 3): string[] {
  return riskHistory(report, report.risks[0], months).points.map(
    (p) => `${p.month} ${p.score ?? "?"}: ${p.entries.map((e) => e.text).join("; ")}`,
  );
}

describe("a risk's history: the dated lines of its update cell", () => {
  it("shows each dated line in its month; a month before the risk's first monthly point has no score", () => {
    // Nothing else dates the risk (no Date Raised, no log): its monthly points are the as-at month's alone.
    const report = reportOf([hregister(hrisk({ raised: null, score: 12, update: CELL }))]);
    expect(monthsOf(report)).toEqual([
      "2022-08 ?: 15/08/22 – Claims rising after resurfacing delays",
      "2022-09 ?: 12/09/22 – No change",
      "2022-10 12: 03/10/22 – Contractor added night crews",
    ]);
    // The lines are updates, not monthly points: nothing dates the risk's direction of travel.
    expect(report.risks[0].trend).toBeNull();
  });

  it("places a line among the log's entries of its month by its day", () => {
    const report = reportOf([
      hregister(hrisk({ score: 12, update: "05/09/22 – Survey booked" })),
      hlog(logRow("01/09/22", "HRC-001", 12, false, "Start of month"), logRow("20/09/22", "HRC-001", 12)),
    ]);
    expect(monthsOf(report)[1]).toBe("2022-09 12: Start of month; 05/09/22 – Survey booked; Reviewed");
  });

  it("leaves out a line the log holds: the meeting's own words of that day, and the register's update it carried", () => {
    // After a meeting on 10/10/22: the Update Log holds the cell as it stood (carried, dated by the register's
    // Last Updated) and the meeting's words; the cell holds the meeting's line on top of the earlier ones.
    const carried = [
      "15/09/22",
      "HRC-001",
      "(register, before the meeting)",
      "12/09/22 – No change\n15/08/22 – Claims rising",
      "No",
      12,
      "Treat",
      "IRIS Risks",
      null,
    ];
    const report = reportOf([
      hregister(
        hrisk({
          score: 12,
          lastReview: "10/10/2022",
          update: "10/10/22 – Night crews agreed\n12/09/22 – No change\n15/08/22 – Claims rising",
        }),
      ),
      {
        name: "Update Log",
        rows: [
          ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Register", "Changes"],
          carried,
          ["10/10/22", "HRC-001", "J Smith", "Night crews agreed", "No", 12, "Treat", "IRIS Risks", null],
        ],
      },
    ]);
    expect(monthsOf(report)).toEqual([
      "2022-08 12: ",
      // The log reads a cell's words with their spaces folded.
      "2022-09 12: 12/09/22 – No change 15/08/22 – Claims rising",
      "2022-10 12: Night crews agreed",
    ]);
  });
});

describe("a risk whose register keeps its updates a column a month", () => {
  const sheet = (jul: string | null) => ({
    name: "Risk Register",
    rows: [
      ["Risk ID", "Risk Title", "Risk Owner", "Likelihood", "Impact", "Score", "Strategy", "Actions"].concat([
        "Update Jul-22",
        "Update Aug-22",
        "Update Sep-22",
      ]),
      ["MR-01", "Pothole claims", "Ann Lee", 3, 3, 9, "Treat", "Inspect", jul, "August words", "No change"],
    ],
  });

  it("is first seen in its first filled month, as a log row naming it then would date it: its direction is 'same'", () => {
    // README reading section: each filled month "is an update of the risk's history", dated the month's first
    // day; SPEC Monthly points: a risk with no log entry has its current score at every month since first seen.
    const report = reportOf([sheet("July words")], { asAt: "2022-09-30" });
    expect(report.risks[0].firstSeen).toBe("2022-07-01");
    expect(report.risks[0].trend).toBe("same");
  });

  it("is first seen in August when July's column is blank", () => {
    expect(reportOf([sheet(null)], { asAt: "2022-09-30" }).risks[0].firstSeen).toBe("2022-08-01");
  });

  it("shows a month's update once when the Update Log holds the month column's words: the log's entry, with who wrote it", () => {
    // fx-a11y30: the meeting writes its words to the month's column and to the log (and officers keep both by
    // hand); the card listed "August words" twice, the column's and the log's.
    const log = {
      name: "Update Log",
      rows: [
        ["Date", "Register", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Changes"],
        ["22/08/22", "Risk Register", "MR-01", "J Smith", "August words", "No", 9, "Treat", null],
        // Another month's entry with August's words is no copy of August's column.
        ["21/09/22", "Risk Register", "MR-01", "J Smith", "August words", "No", 9, "Treat", null],
      ],
    };
    const report = reportOf([sheet("July words"), log], { asAt: "2022-09-30" });
    const months = riskHistory(report, report.risks[0], 3).points.map(
      (p) => `${p.month}: ${p.entries.map((e) => `${e.text}${e.by ? ` (${e.by})` : ""}`).join("; ")}`,
    );
    expect(months).toEqual([
      "2022-07: July words",
      "2022-08: August words (J Smith)",
      // September's column (dated the 1st) comes before the log's entry of the 21st.
      "2022-09: No change; August words (J Smith)",
    ]);
  });
});

describe("a risk whose register rates it a column a month, with no score", () => {
  const sheet = (ragJul: string | null, ragAug: string | null, score: number | null = null) => ({
    name: "Risk Register",
    rows: [
      ["Risk ID", "Risk Title", "Risk Owner", "Strategy", "Actions", "Score"].concat([
        "RAG Jul-22",
        "RAG Aug-22",
        "RAG Sep-22",
        "Update Sep-22",
      ]),
      ["RG-01", "Pothole claims", "Ann Lee", "Treat", "Inspect", score, ragJul, ragAug, "Red", "Sep words"],
    ],
  });
  const lastThree = (report: ReturnType<typeof reportOf>) => report.risks[0].monthRags.slice(-3);

  it("has each month's RAG from that month's column (rv-tabs30: the month-by-month table counts it there)", () => {
    expect(lastThree(reportOf([sheet("Green", "Amber")], { asAt: "2022-09-30" }))).toEqual([
      "green",
      "amber",
      "red",
    ]);
  });

  it("carries a month left blank from the month before, as a score is carried, and has none before its first", () => {
    const rags = reportOf([sheet("Green", null)], { asAt: "2022-09-30" }).risks[0].monthRags;
    expect(rags.slice(-4)).toEqual([null, "green", "green", "red"]);
  });

  it("rates a month by its score where it has one, as the current RAG is read; by its kept RAG where none is known", () => {
    // Score 4 (green) and an update only in September: nothing gives a score before September (SPEC Monthly
    // points: the current score stands from when the risk was first seen), so July and August take the RAG kept.
    expect(lastThree(reportOf([sheet("Red", "Red", 4)], { asAt: "2022-09-30" }))).toEqual([
      "red",
      "red",
      "green",
    ]);
    // Raised in January, its current score stands at every month since: the score's band wins.
    const raised = sheet("Red", "Red", 4);
    raised.rows[0].push("Date Raised");
    raised.rows[1].push("10/01/2022");
    expect(lastThree(reportOf([raised], { asAt: "2022-09-30" }))).toEqual(["green", "green", "green"]);
  });
});
