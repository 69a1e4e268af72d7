// Registers that number their own risks (R1, R2 … on each annex sheet): a log row that names its register
// is that register's risk's history, not every same-id risk's (SPEC "Ids numbered per sheet").

import type { CellValue } from "../../../src/core/model/grid";
import type { SheetSpec } from "../rules/harness";
import { ACTION_HEADERS, reportOf } from "../rules/harness";
import { riskHistory } from "../../../src/core/history";
import { lastLoggedTexts } from "../../../src/core/meeting/record";
import { HISTORY_REGISTER_HEADERS, hrisk, LOG_HEADERS } from "./helpers";

/** An annex register whose risks are R1–R3, with titles of its own. */
function annex(name: string, scores: number[]): SheetSpec {
  return {
    name,
    rows: [
      HISTORY_REGISTER_HEADERS,
      ...scores.map((score, i) => hrisk({ id: `R${i + 1}`, title: `${name} risk ${i + 1}`, score })),
    ],
  };
}

const logLine = (date: string, register: string | null, id: string, score: number): CellValue[] => [
  date,
  register,
  id,
  "J Smith",
  `Reviewed (${register ?? "no register"})`,
  "No",
  score,
  "Treat",
  null,
];

const log = (...rows: CellValue[][]): SheetSpec => ({
  name: "Update Log (kept by hand)",
  rows: [LOG_HEADERS, ...rows],
});

describe("history of registers that number their own risks", () => {
  const sheets = (logSheet: SheetSpec) => [
    annex("Highways", [16, 6, 4]),
    annex("Lighting", [4, 9, 2]),
    logSheet,
  ];

  it("gives each register's R1 the log rows that name its register", () => {
    const report = reportOf(
      sheets(
        log(
          logLine("12/08/22", "Highways", "R1", 9),
          logLine("12/09/22", "Highways", "R1", 16),
          logLine("12/08/22", "Lighting", "R1", 12),
          logLine("12/09/22", "Lighting", "R1", 12),
        ),
      ),
    );
    const highways = report.risks.find((r) => r.sheet === "Highways" && r.id === "R1")!;
    const lighting = report.risks.find((r) => r.sheet === "Lighting" && r.id === "R1")!;
    const scores = (facts: typeof highways) => riskHistory(report, facts, 3).points.map((p) => p.score);
    expect(scores(highways)).toEqual([9, 16, 16]);
    expect(scores(lighting)).toEqual([12, 12, 4]);
    expect(highways.trend).toBe("same");
    expect(lighting.trend).toBe("down");
    const texts = (facts: typeof highways) =>
      riskHistory(report, facts, 3).points.flatMap((p) => p.entries.map((e) => e.text));
    expect(texts(highways)).toEqual(["Reviewed (Highways)", "Reviewed (Highways)"]);
    expect(texts(lighting)).toEqual(["Reviewed (Lighting)", "Reviewed (Lighting)"]);
    // The meeting's "last logged" text is the register's own too.
    const logged = lastLoggedTexts(report);
    expect(logged(highways)).toBe("Reviewed (Highways)");
    expect(logged(lighting)).toBe("Reviewed (Lighting)");
  });

  it("matches the register's name whatever its case and spaces", () => {
    const report = reportOf(sheets(log(logLine("12/09/22", "  lighting ", "R2", 20))));
    const lighting = report.risks.find((r) => r.sheet === "Lighting" && r.id === "R2")!;
    const highways = report.risks.find((r) => r.sheet === "Highways" && r.id === "R2")!;
    expect(riskHistory(report, lighting, 2).points.map((p) => p.score)).toEqual([20, 9]);
    expect(riskHistory(report, highways, 2).points.map((p) => p.score)).toEqual([6, 6]);
  });

  it("shares a log row that names no register between the risks of that id, as before", () => {
    const report = reportOf(sheets(log(logLine("12/09/22", null, "R3", 12))));
    for (const sheet of ["Highways", "Lighting"]) {
      const r3 = report.risks.find((r) => r.sheet === sheet && r.id === "R3")!;
      expect(riskHistory(report, r3, 2).points[0].score).toBe(12);
    }
  });

  it("gives a register's R1 the rows that name no register as well as its own rows, in order", () => {
    const report = reportOf(
      sheets(log(logLine("12/08/22", null, "R1", 9), logLine("12/09/22", "Highways", "R1", 12))),
    );
    const highways = report.risks.find((r) => r.sheet === "Highways" && r.id === "R1")!;
    const lighting = report.risks.find((r) => r.sheet === "Lighting" && r.id === "R1")!;
    expect(riskHistory(report, highways, 3).points.map((p) => p.score)).toEqual([9, 12, 16]);
    // Lighting's R1 has the shared row alone.
    expect(riskHistory(report, lighting, 3).points.map((p) => p.score)).toEqual([9, 9, 4]);
    expect(lastLoggedTexts(report)(highways)).toBe("Reviewed (Highways)");
  });

  it("keeps one history per id where ids are made for the whole contract (the same id is the same risk)", () => {
    const same = (name: string): SheetSpec => ({
      name,
      rows: [
        HISTORY_REGISTER_HEADERS,
        hrisk({ id: "HRC-001", title: "Pothole claims rise after winter", score: 12 }),
      ],
    });
    const report = reportOf([
      same("Highways"),
      same("Lighting"),
      log(logLine("12/09/22", "Highways", "HRC-001", 16)),
    ]);
    for (const facts of report.risks) expect(riskHistory(report, facts, 2).points[0].score).toBe(16);
  });
});

describe("due dates moved on registers that number their own risks", () => {
  const RULE = "risk/no-change-while-slipping";
  /** Two "no change" updates of R1 on one register, and the Changes cell of the second. */
  const noChanges = (register: string, changes: string | null): CellValue[][] => [
    ["12/08/22", register, "R1", "J Smith", "No change", "Yes", 9, "Treat", null],
    ["12/09/22", register, "R1", "J Smith", "No change", "Yes", 9, "Treat", changes],
  ];

  it("holds a moved due date against the register whose log row moved it, not every R1", () => {
    const report = reportOf([
      annex("Highways", [9, 6, 4]),
      annex("Lighting", [9, 2, 4]),
      log(...noChanges("Highways", "A-1 due 30/09/2022 → 31/10/2022"), ...noChanges("Lighting", null)),
    ]);
    const slipping = report.findings.filter((f) => f.ruleId === RULE);
    expect(slipping.map((f) => [f.sheet, f.recordId])).toEqual([["Highways", "R1"]]);
    expect(slipping[0].message).toContain("A-1's due date moved from 30/09/2022 to 31/10/2022");
  });
});

describe("due dates moved by an import, on registers that number their own risks", () => {
  it("counts an action's move that the Import Log names by the actions sheet against the register's R1", () => {
    // The Import Log's Sheet is the sheet of the changed cell: for an action, the actions sheet, which is no
    // register: the row is shared by the risks of that id, like a row naming no register.
    const report = reportOf([
      annex("Highways", [12, 6, 4]),
      annex("Lighting", [4, 9, 2]),
      {
        name: "IRIS Actions",
        rows: [
          ACTION_HEADERS,
          ["R1", "A-1", "Install river gauges", "Jo Bloggs", "31/10/2022", "In progress"],
        ],
      },
      log(
        ["12/08/22", "Highways", "R1", "J Smith", "No change", "Yes", 12, "Treat", null],
        ["12/09/22", "Highways", "R1", "J Smith", "No change", "Yes", 12, "Treat", null],
      ),
      {
        name: "Import Log",
        rows: [
          ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"],
          [
            "2022-09-20 14:05",
            "iris.xlsx",
            "IRIS Actions",
            "R1",
            "A-1",
            "Target Date",
            "30/09/2022",
            "31/10/2022",
          ],
        ],
      },
    ]);
    const slipping = report.findings.filter((f) => f.ruleId === "risk/no-change-while-slipping");
    expect(slipping.map((f) => [f.sheet, f.recordId])).toEqual([["Highways", "R1"]]);
    expect(slipping[0].message).toContain("A-1's due date moved from 30/09/2022 to 31/10/2022");
  });
});

describe("backups of registers that number their own risks", () => {
  /** An annex whose R1–R3 give no Date Raised: only a log row or a backup can date them. */
  const undated = (name: string): SheetSpec => ({
    name,
    rows: [
      HISTORY_REGISTER_HEADERS,
      ...[1, 2, 3].map((n) => hrisk({ id: `R${n}`, title: `${name} risk ${n}`, raised: null })),
    ],
  });
  const firstSeen = (report: ReturnType<typeof reportOf>, sheet: string) =>
    report.risks.find((r) => r.sheet === sheet && r.id === "R1")!.firstSeen;

  it("dates only the risks of the register the backup copies", () => {
    const backup = { ...undated("Highways"), name: "Backup Highways 2022-08-01" };
    const report = reportOf([undated("Highways"), undated("Lighting"), backup]);
    expect(firstSeen(report, "Highways")).toBe("2022-08-01");
    expect(firstSeen(report, "Lighting")).toBeNull();
  });

  it("dates a risk by an earlier log row naming no register, though its register's backup is later", () => {
    const backup = { ...undated("Highways"), name: "Backup Highways 2022-10-01" };
    const report = reportOf([
      undated("Highways"),
      undated("Lighting"),
      backup,
      log(logLine("12/07/22", null, "R1", 9)),
    ]);
    expect(firstSeen(report, "Highways")).toBe("2022-07-12");
    expect(firstSeen(report, "Lighting")).toBe("2022-07-12");
    const highways = report.risks.find((r) => r.sheet === "Highways" && r.id === "R1")!;
    expect(highways.trend).not.toBe("new");
  });

  it("finds the register of a backup whose name was shortened to fit Excel's 31 characters", () => {
    const long = "Annex 4 Structures and Bridges";
    const backup = { ...undated(long), name: "Backup Annex 4 Struc 2022-08-01" };
    const report = reportOf([undated(long), undated("Lighting"), backup]);
    expect(firstSeen(report, long)).toBe("2022-08-01");
    expect(firstSeen(report, "Lighting")).toBeNull();
  });
});
