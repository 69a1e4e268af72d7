// Review: ORDER. The mission says the check lists "risks with no strategy or no update this month first",
// and the meeting steps through open risks "those due for their monthly update first". These cases probe
// that order in the report, the CLI text, the JSON, the Check view's list and the meeting queue.
// Cases marked (judgement) go beyond SPEC's words; the comment says why.

import { buildQueue } from "../../src/core/meeting/queue";
import type { Finding } from "../../src/core/model/finding";
import type { Report } from "../../src/core/model/report";
import type { CellValue } from "../../src/core/model/grid";
import { renderText } from "../../src/cli/format-text";
import { renderJson, toJsonReport } from "../../src/cli/format-json";
import { groupFindings } from "../../src/taskpane/findings-view";
import {
  REGISTER_HEADERS,
  plan,
  planRow,
  register,
  reportOf,
  risk,
  updateLog,
  type RiskRow,
  type SheetSpec,
} from "./rules/harness";

const PRIORITY = ["risk/missing-strategy", "risk/stale-update"];
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Many warnings on early rows (RAG disagrees, next review passed), the priority findings last. */
function warningsThenPriority(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 1; i <= 8; i++)
    rows.push(
      risk({ id: `HRC-0${10 + i}`, title: `Warned risk ${i}`, rag: "Green", nextReview: "01/09/2022" }),
    );
  rows.push(risk({ id: "HRC-090", title: "No strategy risk", strategy: null }));
  rows.push(risk({ id: "HRC-091", title: "Stale risk", lastReview: "01/06/2022" }));
  return rows;
}

function priorityBlockFirst(findings: readonly Pick<Finding, "ruleId">[]): boolean {
  const flags = findings.map((f) => PRIORITY.includes(f.ruleId));
  const firstOther = flags.indexOf(false);
  return firstOther < 0 || !flags.slice(firstOther).includes(true);
}

/** The finding lines of the CLI text, in order, as [ruleId, place] read back from the table. */
function textFindingRules(text: string): string[] {
  const out: string[] = [];
  let inFindings = false;
  for (const line of text.split("\n")) {
    if (/^(Errors|Warnings|Information) \(\d+\):$/.test(line)) {
      inFindings = true;
      continue;
    }
    if (line === "" || !line.startsWith("  ")) {
      inFindings = false;
      continue;
    }
    if (inFindings) out.push(line.trim().split(/\s+/)[1]);
  }
  return out;
}

function annexRegister(name: string, rows: { r: RiskRow; annex: string }[]): SheetSpec {
  return {
    name,
    rows: [
      ["Contract risk register"],
      [...REGISTER_HEADERS, "Service Annex"],
      ...rows.map((x) => [...risk(x.r), x.annex]),
    ],
  };
}

const ids = (q: ReturnType<typeof buildQueue>): string[] => q.map((i) => i.facts.id);

// Not kept from the review (judgement, in the closing note): a stale-update the officer demoted to a
// warning is listed under Warnings in the CLI text, which groups by severity (the report and the Check
// view still lead with it); a risk on two registers, updated this month on one and stale on the other,
// is due in the queue, as the check flags the stale row (the update the meeting records, logged by id,
// then makes it current on both).

describe("finding order: priority findings first (mission; SPEC 'Rules')", () => {
  const report = reportOf([register(...warningsThenPriority())]);

  it("the report lists missing-strategy and stale-update before the earlier rows' warnings", () => {
    expect(report.findings.length).toBeGreaterThan(8);
    expect(report.findings.slice(0, 2).map((f) => [f.ruleId, f.recordId])).toEqual([
      ["risk/missing-strategy", "HRC-090"],
      ["risk/stale-update", "HRC-091"],
    ]);
    expect(priorityBlockFirst(report.findings)).toBe(true);
  });

  it("the CLI text shows them as its first finding lines", () => {
    const rules = textFindingRules(renderText(report, "test.xlsx"));
    expect(rules.length).toBe(report.findings.length);
    expect(rules.slice(0, 2)).toEqual(["risk/missing-strategy", "risk/stale-update"]);
  });

  it("the JSON (object and streamed text) keeps the report's order", () => {
    const expected = report.findings.map((f) => [f.ruleId, f.cell]);
    expect(toJsonReport(report).findings.map((f) => [f.ruleId, f.cell])).toEqual(expected);
    const parsed = JSON.parse(renderJson(report)) as { findings: { ruleId: string; cell: string }[] };
    expect(parsed.findings.map((f) => [f.ruleId, f.cell])).toEqual(expected);
  });

  it("the Check view's first groups are the priority rules", () => {
    const groups = groupFindings(report.findings);
    expect(groups.slice(0, 2).map((g) => g.ruleId)).toEqual(PRIORITY);
    expect(groups[0].findings[0].recordId).toBe("HRC-090");
  });

  it("after the priority block: errors, then warnings, then notes", () => {
    const r = reportOf(
      [
        register(
          risk({ id: "HRC-001", title: "A", rag: "Green" }), // rag-mismatch → info (setting)
          risk({ id: "HRC-002", title: "B", nextReview: "01/09/2022" }), // warning
          risk({ id: "HRC-003", title: "C", owner: null }), // error
          risk({ id: "HRC-004", title: "D", lastReview: null, update: null }), // stale: priority
        ),
      ],
      { settings: { ruleSeverities: { "risk/rag-mismatch": "info" } } },
    );
    const rest = r.findings.filter((f) => !PRIORITY.includes(f.ruleId));
    expect(r.findings[0].ruleId).toBe("risk/stale-update");
    const ranks = rest.map((f) => RANK[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(rest.map((f) => f.severity))).toEqual(new Set(["error", "warning", "info"]));
  });

  it("a register with no strategy column: per-risk missing-strategy comes before the sheet-level finding", () => {
    const headers = REGISTER_HEADERS.filter((h) => h !== "Risk Response Strategy");
    const drop = (row: CellValue[]) =>
      row.filter((_, i) => i !== REGISTER_HEADERS.indexOf("Risk Response Strategy"));
    const r = reportOf([
      {
        name: "IRIS Risks",
        rows: [
          headers,
          drop(risk({ id: "HRC-001", title: "A", rag: "Green" })),
          drop(risk({ id: "HRC-002", title: "B" })),
        ],
      },
    ]);
    expect(r.findings.slice(0, 2).map((f) => [f.ruleId, f.recordId])).toEqual([
      ["risk/missing-strategy", "HRC-001"],
      ["risk/missing-strategy", "HRC-002"],
    ]);
    expect(r.findings.some((f) => f.ruleId === "sheet/missing-column")).toBe(true);
    expect(priorityBlockFirst(r.findings)).toBe(true);
  });

  it("a plan sheet before the register: the register's priority findings still lead, above plan errors", () => {
    const r = reportOf([
      plan(planRow({ date: null }), planRow({ no: "2.", aim: "Other aim.", leadOfficer: null })),
      register(risk({ id: "HRC-001", title: "A", lastReview: "01/06/2022" })),
    ]);
    expect(r.findings.some((f) => f.ruleId.startsWith("plan/"))).toBe(true);
    expect(r.findings[0].ruleId).toBe("risk/stale-update");
    expect(textFindingRules(renderText(r, "test.xlsx"))[0]).toBe("risk/stale-update");
  });

  // (judgement) SPEC is silent on the order between registers; the officer sees tabs in workbook order,
  // and "Risks 10" before "Risks 2" (string order) reads as a muddle. Within one rule, workbook order.
  it("(judgement) several registers: within a rule, findings follow the workbook's sheet order", () => {
    const reg = (name: string, id: string): SheetSpec => ({
      ...register(risk({ id, title: `Risk ${id}`, lastReview: "01/06/2022" })),
      name,
    });
    const r = reportOf([reg("Risks 2", "R2-001"), reg("Risks 10", "R10-001")]);
    const stale = r.findings.filter((f) => f.ruleId === "risk/stale-update").map((f) => f.sheet);
    expect(stale).toEqual(["Risks 2", "Risks 10"]);
  });

  it("ties within a rule keep register order (row, then column)", () => {
    const r = reportOf([
      register(
        risk({ id: "HRC-003", title: "C", lastReview: "01/05/2022" }),
        risk({ id: "HRC-001", title: "A", lastReview: "01/06/2022" }),
        risk({ id: "HRC-002", title: "B", lastReview: "01/04/2022" }),
      ),
    ]);
    expect(r.findings.filter((f) => f.ruleId === "risk/stale-update").map((f) => f.recordId)).toEqual([
      "HRC-003",
      "HRC-001",
      "HRC-002",
    ]);
  });
});

describe("meeting queue order (mission; SPEC 'Latest update and the review period')", () => {
  const interleaved = (): SheetSpec[] => [
    register(
      risk({ id: "M-UP1", title: "Up one", lastReview: "05/10/2022" }),
      risk({ id: "M-DUE-JUL", title: "Due July", lastReview: "01/07/2022" }),
      risk({ id: "M-CLOSED", title: "Closed one", lastReview: null, update: null, status: "Closed" }),
      risk({ id: "M-UP2", title: "Up two", lastReview: "20/09/2022" }),
      risk({ id: "M-DUE-NEVER", title: "Never", lastReview: null, update: null }),
      risk({ id: "M-DUE-AUG", title: "Due August", lastReview: "01/08/2022" }),
      risk({ id: "M-DUE-JUL2", title: "Due July too", lastReview: "01/07/2022" }),
    ),
  ];

  it("due risks first, closed left out; (judgement) within due: never updated, then oldest, ties in register order", () => {
    const q = buildQueue(reportOf(interleaved()), { meetingDate: "2022-10-10" });
    expect(q.map((i) => i.due)).toEqual([true, true, true, true, false, false]);
    expect(ids(q).slice(0, 4)).toEqual(["M-DUE-NEVER", "M-DUE-JUL", "M-DUE-JUL2", "M-DUE-AUG"]);
    expect(ids(q)).not.toContain("M-CLOSED");
    expect(new Set(ids(q).slice(4))).toEqual(new Set(["M-UP1", "M-UP2"]));
  });

  it("queue 'due' agrees with the check's stale-update findings at the same date (SPEC: same rule)", () => {
    const sheets = [
      ...interleaved(),
      updateLog(["09/10/2022", "M-DUE-AUG", "J Smith", "No change this month", "Yes", 12, "Treat"]),
    ];
    const report: Report = reportOf(sheets);
    const stale = new Set(
      report.findings.filter((f) => f.ruleId === "risk/stale-update").map((f) => f.recordId),
    );
    const q = buildQueue(report, { meetingDate: "2022-10-10" });
    for (const item of q)
      expect([item.facts.id, item.due]).toEqual([item.facts.id, stale.has(item.facts.id)]);
    expect(q.find((i) => i.facts.id === "M-DUE-AUG")!.due).toBe(false);
  });

  it("risks with no id are each in the queue, in their due place (not merged as one risk)", () => {
    const r = reportOf([
      register(
        risk({ id: "N-UP", title: "Up", lastReview: "05/10/2022" }),
        risk({ id: null, title: "Untitled gap", lastReview: null, update: null }),
        risk({ id: null, title: "Untitled gap", lastReview: "01/06/2022" }),
      ),
    ]);
    const q = buildQueue(r, { meetingDate: "2022-10-10" });
    expect(q.map((i) => [i.facts.title, i.due])).toEqual([
      ["Untitled gap", true],
      ["Untitled gap", true],
      ["Up", false],
    ]);
  });

  it("filters (annex, owner, score band) keep due-first order and register order among ties", () => {
    const sheet = annexRegister("IRIS Risks", [
      { r: { id: "F-1", title: "One", lastReview: "05/10/2022" }, annex: "Annex 3" },
      { r: { id: "F-2", title: "Two", lastReview: "01/06/2022" }, annex: "Annex 3" },
      { r: { id: "F-3", title: "Three", lastReview: "01/06/2022", owner: "Ali Khan" }, annex: "Annex 4" },
      { r: { id: "F-4", title: "Four", lastReview: "01/06/2022" }, annex: "Annex 3" },
      {
        r: {
          id: "F-5",
          title: "Five",
          lastReview: null,
          update: null,
          likelihood: 5,
          impact: 5,
          score: 25,
          rag: "Red",
        },
        annex: "Annex 3",
      },
    ]);
    const r = reportOf([sheet]);
    const at = { meetingDate: "2022-10-10" };
    expect(ids(buildQueue(r, { ...at, annexes: ["annex 3"] }))).toEqual(["F-5", "F-2", "F-4", "F-1"]);
    expect(ids(buildQueue(r, { ...at, owners: ["JANE SMITH"] }))).toEqual(["F-5", "F-2", "F-4", "F-1"]);
    expect(ids(buildQueue(r, { ...at, scoreBand: ["amber"] }))).toEqual(["F-2", "F-3", "F-4", "F-1"]);
    expect(ids(buildQueue(r, { ...at, annexes: ["Annex 3"], scoreBand: ["red"] }))).toEqual(["F-5"]);
  });
});
