// rollUpSummary and rollUpMarking: the roll-up's data over several files and the marking it carries.

import { rollUpMarking, rollUpSummary, type RollUpPart } from "../../../src/core/summary/roll-up";
import type { SummaryData, SummaryRisk } from "../../../src/core/summary/summary-types";

const risk = (id: string, title: string, row: number): SummaryRisk => ({
  id,
  sheet: "Register",
  row,
  idCol: 0,
  title,
  owner: "Ann",
  annex: "",
  likelihood: 2,
  impact: 2,
  score: 4,
  rag: "green",
  strategy: "Treat",
  open: true,
  latestUpdate: null,
  latestUpdateText: "",
  stale: false,
  trend: null,
  firstSeen: null,
  appetite: { category: "", level: "cautious", max: 9 },
  months: [],
  monthRags: [],
});

const part = (file: string, risks: SummaryRisk[]): RollUpPart => {
  const data: SummaryData = {
    asAt: "2022-10-10",
    source: file,
    findings: [],
    accepted: [],
    escalations: risks.map((r) => ({
      recordId: r.id,
      sheet: r.sheet,
      row: r.row,
      destinations: ["corporate-register"],
      reasons: ["score 20 ≥ 16"],
      trend: null,
    })),
    risks,
    aims: [],
  };
  return { file, data, acceptedExceptions: [] };
};

describe("rollUpSummary", () => {
  const { data } = rollUpSummary(
    [
      part("a.xlsx", [risk("R1", "Gritting", 2), risk("R2", "Lighting", 3)]),
      part("b.xlsx", [risk("R1", "Gritting", 5), risk("R2", "Another R2", 6), risk("", "No id", 7)]),
    ],
    { findings: [], accepted: [] },
    "2022-10-10",
    "2 files",
  );

  it("counts a risk held by several files (same id and title) once, where it was first met", () => {
    expect(data.risks.map((r) => [r.file, r.id, r.row])).toEqual([
      ["a.xlsx", "R1", 2],
      ["a.xlsx", "R2", 3],
      ["b.xlsx", "R2", 6],
      ["b.xlsx", "", 7],
    ]);
  });

  it("shows such a risk's escalation once, naming the other files that hold it", () => {
    expect(data.escalations.map((e) => [e.file, e.recordId, e.alsoOn ?? []])).toEqual([
      ["a.xlsx", "R1", ["b.xlsx"]],
      ["a.xlsx", "R2", []],
      ["b.xlsx", "R2", []],
      ["b.xlsx", "", []],
    ]);
    expect(data.sourced).toBe(true);
  });
});

describe("rollUpSummary, a risk held by several files", () => {
  it("counts it at its open row where it is closed in the first file and open in another", () => {
    const closed = { ...risk("R1", "Gritting", 2), open: false };
    const a = part("a.xlsx", [closed]);
    const { data } = rollUpSummary(
      [{ ...a, data: { ...a.data, escalations: [] } }, part("b.xlsx", [risk("R1", "Gritting", 5)])],
      { findings: [], accepted: [] },
      "2022-10-10",
      "2 files",
    );
    expect(data.risks.map((r) => [r.file, r.row, r.open])).toEqual([["b.xlsx", 5, true]]);
    expect(data.alsoHeld?.map((r) => [r.file, r.row])).toEqual([["a.xlsx", 2]]);
    expect(data.escalations.map((e) => [e.file, e.row])).toEqual([["b.xlsx", 5]]);
  });

  it("puts it in the corporate block alone when one file's row routes it to the corporate register and another's to a directorate register", () => {
    const b = part("b.xlsx", [risk("R1", "Gritting", 5)]);
    b.data.escalations = [
      { ...b.data.escalations[0], destinations: ["directorate-register"], reasons: ["score 12 in 9–15"] },
    ];
    const { data } = rollUpSummary(
      [b, part("a.xlsx", [risk("R1", "Gritting", 2)])],
      { findings: [], accepted: [] },
      "2022-10-10",
      "2 files",
    );
    const [e] = data.escalations;
    expect(e.destinations).toEqual(["corporate-register"]);
    expect(e.reasons).toEqual(["score 20 ≥ 16"]);
    expect(e.routedFrom?.map((f) => [f.file, f.row])).toEqual([["a.xlsx", 2]]);
  });

  it("is not stale where another file that holds it open updated it this period", () => {
    const stale = { ...risk("R1", "Gritting", 2), stale: true };
    const { data } = rollUpSummary(
      [part("a.xlsx", [stale]), part("b.xlsx", [risk("R1", "Gritting", 5)])],
      { findings: [], accepted: [] },
      "2022-10-10",
      "2 files",
    );
    expect(data.risks.map((r) => [r.file, r.row, r.stale])).toEqual([["a.xlsx", 2, false]]);
  });

  it("shows each destination with the file's row that routed it there", () => {
    const b = part("b.xlsx", [risk("R1", "Gritting", 5)]);
    b.data.escalations = [{ ...b.data.escalations[0], destinations: ["operations-board"], reasons: ["why"] }];
    const { data } = rollUpSummary(
      [part("a.xlsx", [risk("R1", "Gritting", 2)]), b],
      { findings: [], accepted: [] },
      "2022-10-10",
      "2 files",
    );
    const [e] = data.escalations;
    expect(e.destinations).toEqual(["corporate-register", "operations-board"]);
    expect(e.routedFrom?.map((f) => [f.file, f.row])).toEqual([
      ["a.xlsx", 2],
      ["b.xlsx", 5],
    ]);
  });
});

describe("rollUpMarking", () => {
  it.each([
    [["OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"], "OFFICIAL-SENSITIVE"],
    [["OFFICIAL", "OFFICIAL-SENSITIVE", "OFFICIAL"], "OFFICIAL-SENSITIVE"],
    [["official", "Official - Sensitive"], "Official - Sensitive"],
    [["OFFICIAL", "Commercial in confidence"], "OFFICIAL / Commercial in confidence"],
    [[], ""],
  ])("%j → %j", (markings, expected) => {
    expect(rollUpMarking(markings)).toBe(expected);
  });
});
