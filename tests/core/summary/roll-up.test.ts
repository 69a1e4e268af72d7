// rollUpSummary and rollUpMarking: the roll-up's data over several files and the marking it carries.

import { defaultSettings } from "../../../src/core/model/settings";
import { buildRiskSummaryTab } from "../../../src/core/summary/risk-summary-tab";
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

  it("counts it at its row on a register, not at its archived row in another file, and names no archive as a register it is on", () => {
    const archived = {
      ...risk("R1", "Gritting", 2),
      sheet: "Closed Risks",
      open: false,
      archived: true as const,
    };
    const reopened = { ...risk("R1", "Gritting", 5), open: false };
    const a = part("a.xlsx", [archived]);
    const { data } = rollUpSummary(
      [{ ...a, data: { ...a.data, escalations: [] } }, part("b.xlsx", [reopened])],
      { findings: [], accepted: [] },
      "2022-10-10",
      "2 files",
    );
    expect(data.risks.map((r) => [r.file, r.row, r.alsoIn])).toEqual([["b.xlsx", 5, undefined]]);
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
    // Typed without the hyphen (or with a dash), it is still the classification, and outranks OFFICIAL.
    [["OFFICIAL SENSITIVE", "OFFICIAL"], "OFFICIAL SENSITIVE"],
    [["OFFICIAL", "Official – Sensitive", "TOP  SECRET"], "TOP  SECRET"],
    [["OFFICIAL", "Commercial in confidence"], "OFFICIAL / Commercial in confidence"],
    [[], ""],
  ])("%j → %j", (markings, expected) => {
    expect(rollUpMarking(markings)).toBe(expected);
  });
});

describe("rollUpSummary, what the board is told of a risk several files hold", () => {
  it("names every file holding it in its escalation's alsoOn, though only one file routes it", () => {
    const b = { ...part("b.xlsx", [risk("R1", "Gritting", 5)]) };
    b.data = { ...b.data, escalations: [] };
    const { data } = rollUpSummary(
      [part("a.xlsx", [risk("R1", "Gritting", 2)]), b],
      { findings: [], accepted: [] },
      "2022-10-10",
      "2 files",
    );
    expect(data.escalations.map((e) => [e.file, e.alsoOn])).toEqual([["a.xlsx", ["b.xlsx"]]]);
  });

  it("names on the risk counted the other files' registers holding it (alsoIn), each of their sheets", () => {
    const b = part("b.xlsx", [{ ...risk("R1", "Gritting", 5), sheet: "IRIS Risks", alsoOnSheets: ["Old"] }]);
    const { data } = rollUpSummary(
      [part("a.xlsx", [risk("R1", "Gritting", 2), risk("R2", "Lighting", 3)]), b],
      { findings: [], accepted: [] },
      "2022-10-10",
      "2 files",
    );
    expect(data.risks.map((r) => [r.id, r.alsoIn])).toEqual([
      [
        "R1",
        [
          { file: "b.xlsx", sheet: "IRIS Risks" },
          { file: "b.xlsx", sheet: "Old" },
        ],
      ],
      ["R2", undefined],
    ]);
  });
});

describe("rollUpSummary, the files' findings", () => {
  const finding = (ruleId: string, severity: "error" | "warning", row: number) => ({
    ruleId,
    severity,
    sheet: "Register",
    cell: `A${row}`,
    row,
    col: 0,
    recordId: null,
    messageId: "m",
    message: "m",
  });
  it("lists them as one file's report does over all files (priority, severity, rule), file by file within a rule", () => {
    const a = part("a.xlsx", []);
    a.data = {
      ...a.data,
      findings: [finding("risk/stale-update", "error", 4), finding("risk/no-action", "warning", 2)],
    };
    const b = part("b.xlsx", []);
    b.data = {
      ...b.data,
      findings: [
        finding("risk/stale-update", "error", 3),
        finding("risk/missing-owner", "error", 2),
        finding("risk/missing-owner", "error", 5),
      ],
    };
    const conflict = { ...finding("risk/owner-conflict", "warning", 9), file: "a.xlsx" };
    const { data } = rollUpSummary([a, b], { findings: [conflict], accepted: [] }, "2022-10-10", "2 files");
    expect(data.findings.map((f) => [f.file, f.ruleId, f.row])).toEqual([
      ["a.xlsx", "risk/stale-update", 4],
      ["b.xlsx", "risk/stale-update", 3],
      ["b.xlsx", "risk/missing-owner", 2],
      ["b.xlsx", "risk/missing-owner", 5],
      ["a.xlsx", "risk/no-action", 2],
      ["a.xlsx", "risk/owner-conflict", 9],
    ]);
  });
});

describe("rollUpSummary, each file's own settings", () => {
  it("keeps each file's RAG bands, risk matrix and last import's day, in the files' order", () => {
    const a = { ...part("a.xlsx", []), ragBands: { greenMax: 4, amberMax: 8 } };
    const b = part("b.xlsx", []);
    const since = "2022-10-03";
    const movement = { since, newRisks: [], closed: [], scoreUp: [], scoreDown: [], strategyChanged: [] };
    const { data } = rollUpSummary(
      [a, { ...b, movement }],
      { findings: [], accepted: [] },
      "2022-10-10",
      "2 files",
    );
    expect(data.files).toEqual([
      { file: "a.xlsx", ragBands: { greenMax: 4, amberMax: 8 } },
      { file: "b.xlsx", lastImport: since },
    ]);
  });
});

describe("the roll-up's Risk Summary", () => {
  const heading = { asAt: "2022-10-10", source: "2 files", version: "1", marking: "OFFICIAL" };
  const rowsOf = (parts: RollUpPart[]) => {
    const { data } = rollUpSummary(parts, { findings: [], accepted: [] }, "2022-10-10", "2 files");
    return buildRiskSummaryTab(data, defaultSettings(), heading).rows.map((r) => r.filter((c) => c !== null));
  };
  const texts = (rows: unknown[][]) => rows.map((r) => String(r[0] ?? ""));

  it("names a risk several files hold with each register and its file", () => {
    const rows = rowsOf([
      part("a.xlsx", [{ ...risk("R1", "Gritting", 2), alsoOnSheets: ["Directorate"] }]),
      part("b.xlsx", [{ ...risk("R1", "Gritting", 5), sheet: "IRIS Risks" }]),
    ]);
    expect(rows).toContainEqual([
      "Open risks on more than one register, counted once",
      1,
      "R1 (Register in a.xlsx, Directorate in a.xlsx, IRIS Risks in b.xlsx)",
    ]);
  });

  it("says the heat map is coloured by the default bands, naming the files whose own bands differ", () => {
    const rows = rowsOf([
      { ...part("a.xlsx", []), ragBands: { greenMax: 4, amberMax: 12 } },
      { ...part("b.xlsx", []), ragBands: { greenMax: 4, amberMax: 8 } },
    ]);
    expect(texts(rows).filter((t) => /default RAG bands/.test(t))).toEqual([
      expect.stringMatching(/amber up to 12\).*: b\.xlsx$/),
    ]);
    const same = rowsOf([{ ...part("a.xlsx", []), ragBands: { greenMax: 4, amberMax: 12 } }]);
    expect(texts(same).filter((t) => /default RAG bands/.test(t))).toEqual([]);
  });

  it("names the files a risk matrix of their own colours otherwise", () => {
    const matrix = [1, 2, 3, 4, 5].map(() => [1, 2, 3, 4, 5].map(() => "red" as const));
    const b = part("b.xlsx", []);
    const rows = rowsOf([part("a.xlsx", []), { ...b, data: { ...b.data, ragMatrix: matrix } }]);
    expect(texts(rows).filter((t) => /default RAG bands/.test(t))).toEqual([
      expect.stringMatching(/: b\.xlsx$/),
    ]);
  });

  it("sends the board to each file's own review for movement, naming the files that recorded an import", () => {
    const movement = {
      since: "2022-10-03",
      newRisks: ["R9"],
      closed: [],
      scoreUp: [],
      scoreDown: [],
      strategyChanged: [],
    };
    const rows = rowsOf([part("a.xlsx", []), { ...part("b.xlsx", []), movement }]);
    const section = rows.slice(texts(rows).indexOf("Movement since the last import"));
    expect(section.slice(1)).toEqual([
      [expect.stringContaining("each file's own review")],
      ["File", "Last import"],
      ["b.xlsx", { date: "2022-10-03" }],
    ]);
    const none = rowsOf([part("a.xlsx", []), part("b.xlsx", [])]);
    expect(texts(none)).toContain("No import recorded yet");
  });
});
