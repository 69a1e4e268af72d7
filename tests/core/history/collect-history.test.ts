// Reading the workbook's memory: the Import Log (this layout and the earlier one), the dated backups,
// and confirmed renumberings, through the whole engine.

import type { CellValue } from "../../../src/core/model/grid";
import type { SheetSpec } from "../rules/harness";
import { grid, reportOf } from "../rules/harness";
import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { riskHistory } from "../../../src/core/history";
import { dueMovesIn } from "../../../src/core/history/collect-history";
import { isoFromDay } from "../../../src/core/parse";
import { structureLines } from "../../../src/core/read/structure-lines";
import { HISTORY_REGISTER_HEADERS, hlog, hregister, hrisk, LOG_HEADERS, logRow } from "./helpers";

const importLog = (header: string[], ...rows: CellValue[][]): SheetSpec => ({
  name: "Import Log",
  rows: [
    ["Import Log", null, null, null, null, null, null, null, "⟦contract-risk-review:owned⟧"],
    [],
    header,
    ...rows,
  ],
});
const NEW_LAYOUT = ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"];
const OLD_LAYOUT = ["When", "File", "Register", "Risk ID", "Field", "Old", "New"];

describe("history from the logs", () => {
  it.each<[string, SheetSpec]>([
    [
      "the Import Log's score changes (Sheet and Action ID columns)",
      importLog(NEW_LAYOUT, [
        "2022-09-10 14:05",
        "iris.xlsx",
        "IRIS Risks",
        "HRC-001",
        null,
        "Current Risk Score",
        9,
        16,
      ]),
    ],
    [
      "an earlier Import Log layout (Register, no Action ID)",
      importLog(OLD_LAYOUT, [
        "2022-09-10 14:05",
        "iris.xlsx",
        "IRIS Risks",
        "HRC-001",
        "Current Risk Score",
        "9",
        "16",
      ]),
    ],
  ])("%s", (_name, log) => {
    const report = reportOf([hregister(hrisk({ score: 16 })), log]);
    const facts = report.risks[0];
    const h = riskHistory(report, facts, 3);
    expect(h.points.map((p) => [p.month, p.score, p.entries.length])).toEqual([
      ["2022-08", 9, 0],
      ["2022-09", 16, 1],
      ["2022-10", 16, 0],
    ]);
    expect(h.points[1].entries[0].text).toBe("Current Risk Score: 9 → 16");
    expect(report.risks[0].trend).toBe("same");
  });

  it("reads a hand-kept Update Log by its columns: a title above, offset cells, a date merged down, blank and repeated header rows", () => {
    // The log starts at B3 (title in B1); the 09/09/22 date is merged down over two rows.
    const values: CellValue[][] = [
      ["Risk updates – kept by the contract team"],
      [],
      [...LOG_HEADERS],
      logRow("12/08/22", "HRC-001", 9, false, "Patching programme agreed"),
      logRow("09/09/22", "HRC-001", 12, true, "No change"),
      logRow(null, "HRC-002", 6, false, "Drainage survey booked"),
      [],
      [...LOG_HEADERS],
      logRow("03/10/22", "HRC-001", 16, false, "Claims rising again"),
    ];
    const log = gridFromRows("Risk updates", values, {
      rowOffset: 2,
      colOffset: 1,
      merges: [{ top: 6, left: 1, bottom: 7, right: 1 }],
    });
    const register = grid(hregister(hrisk({ score: 16 }), hrisk({ id: "HRC-002", score: 6 })));
    const report = checkWorkbook([register, log], {
      settings: defaultSettings(),
      asAt: "2022-10-10",
      source: "t",
    });
    expect(report.sheets.find((s) => s.name === "Risk updates")).toMatchObject({
      kind: "update-log",
      recordCount: 4,
    });
    const months = (id: string) =>
      riskHistory(
        report,
        report.risks.find((f) => f.id === id)!,
        3,
      ).points.map((p) => [p.month, p.score, p.entries.map((e) => [e.text, e.row, e.noChange])]);
    expect(months("HRC-001")).toEqual([
      ["2022-08", 9, [["Patching programme agreed", 6, false]]],
      ["2022-09", 12, [["No change", 7, true]]],
      ["2022-10", 16, [["Claims rising again", 11, false]]],
    ]);
    // The merged date reaches the row below it.
    expect(months("HRC-002")[1]).toEqual(["2022-09", 6, [["Drainage survey booked", 8, false]]]);
  });

  it("dates a risk with no Date Raised by the first backup that names it", () => {
    const backup = (date: string, ...ids: string[]): SheetSpec => ({
      name: `Backup IRIS Risks ${date}`,
      rows: [HISTORY_REGISTER_HEADERS, ...ids.map((id) => hrisk({ id, raised: null }))],
    });
    const report = reportOf([
      hregister(
        hrisk({ id: "HRC-001", raised: null }),
        hrisk({ id: "HRC-002", raised: null }),
        hrisk({ id: "HRC-003", raised: null }),
      ),
      backup("2022-08-10", "HRC-001"),
      backup("2022-10-01", "HRC-001", "HRC-002"),
    ]).risks.filter((r) => r.sheet === "IRIS Risks");
    expect(report.map((r) => [r.id, r.trend, r.firstSeen])).toEqual([
      ["HRC-001", "same", "2022-08-10"],
      ["HRC-002", "new", "2022-10-01"],
      ["HRC-003", null, null],
    ]);
  });

  it("gives a risk under its new id the history of its old one when the pair was confirmed", () => {
    const report = reportOf(
      [hregister(hrisk({ id: "HRC-114", score: 16 })), hlog(logRow("05/08/2022", "HRC-014", 9))],
      {
        settings: { importProfile: { columns: {}, renumbered: [{ oldId: "HRC-014", newId: "HRC-114" }] } },
      },
    );
    expect(report.risks[0].trend).toBe("up");
    expect(riskHistory(report, report.risks[0], 3).points.map((p) => p.score)).toEqual([9, 9, 16]);
  });

  it("counts each entry once when a confirmed pair is listed twice, or both ways", () => {
    const pair = { oldId: "HRC-014", newId: "HRC-114" };
    const report = reportOf(
      [
        hregister(hrisk({ id: "HRC-114", score: 16 })),
        hlog(logRow("05/08/2022", "HRC-014", 9), logRow("05/09/2022", "HRC-114", 12)),
      ],
      {
        settings: {
          importProfile: {
            columns: {},
            renumbered: [pair, pair, { oldId: "HRC-114", newId: "HRC-014" }],
          },
        },
      },
    );
    const h = riskHistory(report, report.risks[0], 3);
    expect(h.points.map((p) => [p.score, p.entries.length])).toEqual([
      [9, 1],
      [12, 1],
      [16, 0],
    ]);
  });

  const first = { oldId: "HRC-014", newId: "HRC-114" };
  const second = { oldId: "HRC-114", newId: "HRC-214" };
  it.each([
    ["in the order they were confirmed", [first, second]],
    ["listed the other way round", [second, first]],
  ])(
    "gives a risk renumbered twice (014 → 114 → 214) the entries of both its old ids, pairs %s",
    (_order, pairs) => {
      const report = reportOf(
        [
          hregister(hrisk({ id: "HRC-214", score: 16, raised: null })),
          hlog(logRow("05/08/2022", "HRC-014", 9), logRow("05/09/2022", "HRC-114", 12)),
        ],
        {
          settings: {
            importProfile: {
              columns: {},
              renumbered: [...pairs],
            },
          },
        },
      );
      expect(riskHistory(report, report.risks[0], 3).points.map((p) => p.score)).toEqual([9, 12, 16]);
      expect(report.risks[0].firstSeen).toBe("2022-08-05");
    },
  );

  it("shows the month's updates, their author and no-change flag", () => {
    const report = reportOf([
      hregister(hrisk({ score: 12 })),
      hlog(
        logRow("12/08/22", "HRC-001", 12, true, "No change this month"),
        logRow("09/09/22", "HRC-001", 12, false, "Resurfacing done"),
      ),
    ]);
    const h = riskHistory(report, report.risks[0], 2);
    expect(
      h.points.map((p) => [p.month, p.carried, p.entries.map((e) => [e.text, e.by, e.noChange])]),
    ).toEqual([
      ["2022-09", false, [["Resurfacing done", "J Smith", false]]],
      ["2022-10", false, []],
    ]);
  });
});

describe("each log row's risk, whatever order the log names them in", () => {
  // The reader guesses a row's risk from the row before and from the order of the month before: a log in
  // a changed order, with repeats and an id written differently, still files every row under its risk.
  it("files each row under the risk its id names", () => {
    const ids = ["HRC-001", "HRC-002", "HRC-003"];
    const month = (date: string, order: string[], score: number) =>
      order.map((id) => logRow(date, id, score + ids.indexOf(id.toUpperCase().trim())));
    const report = reportOf([
      hregister(...ids.map((id, i) => hrisk({ id, score: 10 + i }))),
      hlog(
        ...month("05/07/22", ["HRC-001", "HRC-002", "HRC-003"], 1),
        ...month("05/08/22", ["HRC-003", "HRC-001", "HRC-002"], 4),
        ...month("05/09/22", ["HRC-001", "HRC-001", "hrc-003 ", "HRC-002"], 7),
      ),
    ]);
    const scoresOf = (i: number) =>
      riskHistory(report, report.risks[i], 4).points.map((p) => [p.month, p.score]);
    expect(ids.map((_, i) => scoresOf(i))).toEqual(
      ids.map((_, i) => [
        ["2022-07", 1 + i],
        ["2022-08", 4 + i],
        ["2022-09", 7 + i],
        ["2022-10", 10 + i],
      ]),
    );
  });
});

describe("log rows the reader must not misfile (reviewed cases)", () => {
  const pointsOf = (report: ReturnType<typeof reportOf>, i: number, months: number) =>
    riskHistory(report, report.risks[i], months).points.map((p) => [p.month, p.score]);

  it("files an id written as a number, as text and with a space under the same risk", () => {
    const row = (date: string, id: CellValue, score: number): CellValue[] => [
      date,
      "IRIS Risks",
      id,
      "J Smith",
      "Reviewed",
      "No",
      score,
      "Treat",
      null,
    ];
    const report = reportOf([
      hregister(hrisk({ id: 14, score: 20 }), hrisk({ id: 15, score: 21 })),
      hlog(
        row("05/07/22", 14, 1),
        row("05/07/22", "15", 2),
        row("05/08/22", "14", 3),
        row("05/08/22", 15, 4),
        row("05/09/22", 15, 6),
        row("05/09/22", " 14", 5),
      ),
    ]);
    expect(pointsOf(report, 0, 4)).toEqual([
      ["2022-07", 1],
      ["2022-08", 3],
      ["2022-09", 5],
      ["2022-10", 20],
    ]);
    expect(pointsOf(report, 1, 4)).toEqual([
      ["2022-07", 2],
      ["2022-08", 4],
      ["2022-09", 6],
      ["2022-10", 21],
    ]);
  });

  it("files rows whose ids alternate, so that the risk that followed one last time is the wrong guess", () => {
    const ids = ["A-1", "B-1", "C-1"];
    const report = reportOf([
      hregister(...ids.map((id, i) => hrisk({ id, score: 10 + i }))),
      hlog(
        logRow("05/06/22", "A-1", 1),
        logRow("05/06/22", "B-1", 2),
        logRow("05/06/22", "A-1", 1),
        logRow("05/06/22", "C-1", 3),
        logRow("05/07/22", "A-1", 4),
        logRow("05/07/22", "C-1", 6),
        logRow("05/07/22", "B-1", 5),
        logRow("05/07/22", "A-1", 4),
        logRow("05/08/22", "B-1", 8),
        logRow("05/08/22", "A-1", 7),
        logRow("05/08/22", "C-1", 9),
        logRow("05/08/22", "A-1", 7),
      ),
    ]);
    expect(ids.map((_, i) => pointsOf(report, i, 5))).toEqual(
      ids.map((_, i) => [
        ["2022-06", 1 + i],
        ["2022-07", 4 + i],
        ["2022-08", 7 + i],
        ["2022-09", 7 + i],
        ["2022-10", 10 + i],
      ]),
    );
  });

  // One risk scored 12 (16 where the dates are typed month first), its log's dates as typed, its points.
  it.each<[string, number, [string, number][], [string, number][]]>([
    [
      "puts a hand-kept log written newest first back in the order its rows happened",
      12,
      [
        ["05/09/22", 9],
        ["05/08/22", 6],
        ["20/08/22", 8],
        ["05/07/22", 4],
      ],
      [
        ["2022-07", 4],
        ["2022-08", 8],
        ["2022-09", 9],
        ["2022-10", 12],
      ],
    ],
    [
      // 29 July and 31 August can only be month first; 09/05/2022 is then 5 September, not 9 May.
      "reads a hand-kept log whose dates were typed month first (09/30/2022) as such, the whole column",
      16,
      [
        ["07/29/2022", 6],
        ["08/31/2022", 9],
        ["09/05/2022", 12],
      ],
      [
        ["2022-07", 6],
        ["2022-08", 9],
        ["2022-09", 12],
        ["2022-10", 16],
      ],
    ],
    [
      // 07/29/2022 is then no date at all; 13 August and 9 May are read day first.
      "keeps a log's dates day first when one of them can only be day first",
      16,
      [
        ["07/29/2022", 6],
        ["13/08/2022", 9],
        ["09/05/2022", 12],
      ],
      [
        ["2022-05", 12],
        ["2022-06", 12],
        ["2022-07", 12],
        ["2022-08", 9],
        ["2022-09", 9],
        ["2022-10", 16],
      ],
    ],
  ])("%s", (_case, score, rows, points) => {
    const report = reportOf([
      hregister(hrisk({ score })),
      hlog(...rows.map(([date, s]) => logRow(date, "HRC-001", s))),
    ]);
    expect(pointsOf(report, 0, points.length)).toEqual(points);
  });
});

describe("an Update Log's rows the history cannot read", () => {
  it("lists a row without a readable date and a dated row without a risk id, not blank or header rows", () => {
    const report = reportOf([
      hregister(hrisk({ score: 12 })),
      hlog(
        logRow("12/08/22", "HRC-001", 9),
        logRow("TBC", "HRC-001", 10),
        logRow(null, "HRC-001", 11),
        [...LOG_HEADERS],
        [null, null, null, null, null, null, null, null, null],
        ["12/09/22", "IRIS Risks", null, "J Smith", "Reviewed", "No", 12, "Treat", null],
      ),
    ]);
    const log = report.sheets.find((s) => s.kind === "update-log")!;
    expect(log.recordCount).toBe(1);
    // Sheet rows are 0-based: the header is row 0, the log's rows 1–6.
    expect(log.setAside).toEqual([
      { row: 2, reason: "no date" },
      { row: 3, reason: "no date" },
      { row: 6, reason: "no risk id" },
    ]);
    expect(structureLines(log)).toEqual([
      "Not taken for records: row 3 (no date the history can read), row 4 (no date the history can read), row 7 (no risk id).",
    ]);
  });

  it("names ten rows at the most in the sheet list, and counts the rest", () => {
    const report = reportOf([
      hregister(hrisk({ score: 12 })),
      hlog(...Array.from({ length: 14 }, () => logRow("TBC", "HRC-001", 10))),
    ]);
    const line = structureLines(report.sheets.find((s) => s.kind === "update-log")!)[0];
    expect(line).toMatch(
      /^Not taken for records: row 2 \(no date the history can read\), .*row 11 \(no date the history can read\) and 4 more\.$/,
    );
  });
});

describe("the history as at the as-at date (review 31)", () => {
  // SPEC "Latest update and the review period": counted back from the as-at date. What the logs record after
  // it had not happened then: a check re-run as at last month gives last month's answer.
  it("reads no Update Log row dated after the as-at date, and lists each as set aside", () => {
    const report = reportOf(
      [
        hregister(hrisk({ score: 12, lastReview: "15/08/2022" })),
        hlog(
          logRow("15/08/2022", "HRC-001", 9),
          logRow("01/10/2022", "HRC-001", 16, false, "Claim received"),
          logRow("Oct 2022", "HRC-001", 16),
        ),
      ],
      { asAt: "2022-09-30" },
    );
    const log = report.sheets.find((s) => s.kind === "update-log")!;
    expect(log.recordCount).toBe(1);
    expect(log.setAside).toEqual([
      { row: 2, reason: "after the as-at date" },
      { row: 3, reason: "after the as-at date" },
    ]);
    expect(structureLines(log)).toEqual([
      "Not taken for records: row 3 (dated after the as-at date, not read yet), row 4 (dated after the as-at date, not read yet).",
    ]);
    expect(riskHistory(report, report.risks[0], 2).points.map((p) => [p.month, p.score])).toEqual([
      ["2022-08", 9],
      ["2022-09", 12],
    ]);
    expect(report.findings.filter((f) => f.ruleId === "risk/stale-update").map((f) => f.cell)).toEqual([
      "K2",
    ]);
  });

  it("reads no Import Log change made after the as-at date", () => {
    const change = (when: string, old: number, now: number) =>
      [when, "iris.xlsx", "IRIS Risks", "HRC-001", null, "Current Risk Score", old, now] as CellValue[];
    const report = reportOf(
      [
        hregister(hrisk({ score: 16 })),
        importLog(NEW_LAYOUT, change("2022-08-10 14:05", 6, 9), change("2022-10-20 09:00", 9, 16)),
      ],
      { asAt: "2022-10-10" },
    );
    expect(
      riskHistory(report, report.risks[0], 3).points.map((p) => [p.month, p.score, p.entries.length]),
    ).toEqual([
      ["2022-08", 9, 1],
      ["2022-09", 9, 0],
      ["2022-10", 16, 0],
    ]);
  });

  it("dates a risk by no backup taken after the as-at date", () => {
    const backup = (date: string): SheetSpec => ({
      name: `Backup IRIS Risks ${date}`,
      rows: [HISTORY_REGISTER_HEADERS, hrisk({ raised: null })],
    });
    const risks = reportOf([hregister(hrisk({ raised: null })), backup("2022-11-01")]).risks;
    expect(risks.filter((r) => r.sheet === "IRIS Risks").map((r) => [r.trend, r.firstSeen])).toEqual([
      [null, null],
    ]);
  });
});

describe("rows of a log kept by hand", () => {
  const pointsOf = (report: ReturnType<typeof reportOf>, i = 0, months = 3) =>
    riskHistory(report, report.risks[i], months).points.map((p) => [p.month, p.score, p.entries.length]);

  it("files a row naming two risks ('HRC-001, HRC-002', reviewed together) under each", () => {
    const report = reportOf([
      hregister(hrisk({ score: 9 }), hrisk({ id: "HRC-002", score: 9 })),
      hlog(logRow("05/09/22", "HRC-001, HRC-002", 6)),
    ]);
    expect([pointsOf(report, 0), pointsOf(report, 1)]).toEqual([
      [
        ["2022-08", 6, 0],
        ["2022-09", 6, 1],
        ["2022-10", 9, 0],
      ],
      [
        ["2022-08", 6, 0],
        ["2022-09", 6, 1],
        ["2022-10", 9, 0],
      ],
    ]);
  });

  it.each([
    ["kept oldest first", ["12/09/22", "Sept 2022"]],
    ["kept newest first", ["Sept 2022", "12/09/22"]],
  ])(
    "counts a row dated by its month alone ('Sept 2022') after the month's dated rows (%s)",
    (_name, [first, second]) => {
      const rows = [logRow("15/08/22", "HRC-001", 6)];
      const scoreOf = (date: string) => (date === "Sept 2022" ? 16 : 12);
      rows.push(logRow(first, "HRC-001", scoreOf(first)), logRow(second, "HRC-001", scoreOf(second)));
      const report = reportOf([
        hregister(hrisk({ score: 16, lastReview: "01/08/2022" })),
        hlog(...(first === "Sept 2022" ? [rows[2], rows[1], rows[0]] : rows)),
      ]);
      expect(pointsOf(report)).toEqual([
        ["2022-08", 6, 1],
        ["2022-09", 16, 2],
        ["2022-10", 16, 0],
      ]);
    },
  );

  it("counts a month typed into Excel ('Sep 2022', a serial shown Sep-22) after the month's dated rows when another row is dated 01/09/2022", () => {
    // Both cells hold the serial of 1 September: the one shown "Sep-22" is the month, the other the day.
    const SEP_1 = 44805;
    const rows = [
      logRow(SEP_1, "HRC-002", 12, false, "Start of month check"),
      logRow("12/09/22", "HRC-001", 16, false, "Claims up"),
      logRow(SEP_1, "HRC-001", 20, false, "September summary"),
    ];
    const report = reportOf([
      hregister(hrisk({ score: 20, lastReview: "01/08/2022" }), hrisk({ id: "HRC-002", score: 12 })),
      { ...hlog(...rows), formats: { "1,0": "dd/mm/yyyy", "3,0": "mmm-yy" } },
    ]);
    const september = riskHistory(report, report.risks[0], 3).points[1];
    expect([september.score, september.entries.map((e) => e.text)]).toEqual([
      20,
      ["Claims up", "September summary"],
    ]);
  });

  it("dates a risk's last update by the month's dated row where the month's last row names the month alone", () => {
    // The 28/09 RMB and a month-end "Sept 2022" row: the risk was updated on 28/09 at the latest, not 01/09.
    const report = reportOf([
      hregister(hrisk({ score: 12, lastReview: "01/08/2022" })),
      hlog(logRow("28/09/22", "HRC-001", 12), logRow("Sept 2022", "HRC-001", 12, false, "Month end")),
    ]);
    expect(report.findings.filter((f) => f.ruleId === "risk/stale-update")).toEqual([]);
  });

  it("counts an Update Log row after an Import Log change of the same day, though the Update Log is read first", () => {
    const report = reportOf([
      hregister(hrisk({ score: 16, lastReview: "01/08/2022" })),
      hlog(logRow("12/09/22", "HRC-001", 16, false, "Re-scored at the RMB")),
      importLog(NEW_LAYOUT, [
        "2022-09-12 09:30",
        "iris.xlsx",
        "IRIS Risks",
        "HRC-001",
        null,
        "Current Risk Score",
        12,
        9,
      ]),
    ]);
    const september = riskHistory(report, report.risks[0], 3).points[1];
    expect([september.month, september.score]).toEqual(["2022-09", 16]);
  });

  it("counts a row dated by its month alone after a later-written row dated on a day of that month", () => {
    const report = reportOf([
      hregister(hrisk({ score: 16, lastReview: "01/08/2022" })),
      hlog(
        logRow("Sept 2022", "HRC-001", 20, false, "Month end"),
        logRow("12/09/22", "HRC-001", 9, false, "Claims down"),
      ),
    ]);
    const september = riskHistory(report, report.risks[0], 3).points[1];
    expect([september.month, september.score, september.entries.map((e) => e.text)]).toEqual([
      "2022-09",
      20,
      ["Claims down", "Month end"],
    ]);
  });

  it("counts an update an archived copy of the log repeats once; a row the copy holds in other words counts", () => {
    const log = hlog(logRow("15/08/22", "HRC-001", 9), logRow("15/09/22", "HRC-001", 9, true, "No change"));
    const copy = { name: "Update Log (to Sep 22)", rows: [...log.rows] };
    const copied = reportOf([hregister(hrisk({ score: 9 })), log, copy]);
    expect(pointsOf(copied)).toEqual([
      ["2022-08", 9, 1],
      ["2022-09", 9, 1],
      ["2022-10", 9, 0],
    ]);
    const reworded = reportOf([
      hregister(hrisk({ score: 9 })),
      log,
      { ...copy, rows: [LOG_HEADERS, logRow("15/09/22", "HRC-001", 9, true, "No change: survey awaited")] },
    ]);
    expect(pointsOf(reworded)[1]).toEqual(["2022-09", 9, 2]);
  });
});

describe("due dates moved, in an Update Log's Changes cell", () => {
  const day = 44900;
  it.each<[string, string, [string, string | null, string | null][]]>([
    [
      "an action by its id",
      "ACT-0003 due 30/09/2022 → 31/10/2022",
      [["ACT-0003", "2022-09-30", "2022-10-31"]],
    ],
    [
      "an action by its words, after another change",
      "Impact 2 → 4; Install river gauges due 30/11/2022 → 31/12/2022",
      [["Install river gauges", "2022-11-30", "2022-12-31"]],
    ],
    [
      "two actions, one with an arrow typed as -> and one with 'to'",
      "A-1 due 01/10/2022 -> 15/10/2022; A-2 due 1 Oct 2022 to 1 Nov 2022",
      [
        ["A-1", "2022-10-01", "2022-10-15"],
        ["A-2", "2022-10-01", "2022-11-01"],
      ],
    ],
    [
      "typed by hand: 'due date', 'due date moved from … to …'",
      "A-1 due date 30/09/2022 → 31/10/2022; A-2 due date moved from 01/10/2022 to 01/11/2022",
      [
        ["A-1", "2022-09-30", "2022-10-31"],
        ["A-2", "2022-10-01", "2022-11-01"],
      ],
    ],
    [
      "typed by hand as the actions sheet heads it: 'target date'",
      "A-1 target date 30/09/2022 → 31/12/2022",
      [["A-1", "2022-09-30", "2022-12-31"]],
    ],
    ["the risk's own target date, no action's", "Risk target date 31/03/2023 → 30/06/2023", []],
    ["a status change only", "A-1 status Open → Complete", []],
    ["a date that cannot be read", "A-1 due soon → 31/10/2022", [["A-1", null, "2022-10-31"]]],
  ])("%s", (_name, changes, expected) => {
    expect(
      dueMovesIn(changes, day).map((m) => [
        m.action,
        m.from === null ? null : isoFromDay(m.from),
        m.to === null ? null : isoFromDay(m.to),
      ]),
    ).toEqual(expected);
    expect(dueMovesIn(changes, day).every((m) => m.day === day)).toBe(true);
  });
});
