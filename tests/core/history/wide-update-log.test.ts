// An Update Log kept in wide form: a tab named as a log ("Risk Updates") with a row per risk and a column per
// month ("Risk ID | Risk Title | Jul-22 | Aug-22 | Sep-22"), the board's monthly updates kept on their own
// tab. Each filled month's cell is an update of that risk dated the month's first day, as an Update Log row
// dated by its month would be: the latest update, the history, and risk/no-change-while-slipping read it.

import type { CellValue } from "../../../src/core/model/grid";
import { riskHistory } from "../../../src/core/history";
import { structureLines } from "../../../src/core/read/structure-lines";
import { ACTION_HEADERS, reportOf, type SheetSpec } from "../rules/harness";
import { HISTORY_REGISTER_HEADERS, hrisk } from "./helpers";

const AS_AT = "2022-09-30";

const register = (...rows: CellValue[][]): SheetSpec => ({
  name: "Risk Register",
  rows: [HISTORY_REGISTER_HEADERS, ...rows],
});

/** A wide log named `name`, its month headers `months` as text. */
const wide = (name: string, months: string[], ...rows: CellValue[][]): SheetSpec => ({
  name,
  rows: [["Risk ID", "Risk Title", ...months], ...rows],
});

const ruleIds = (report: ReturnType<typeof reportOf>, rule: string) =>
  report.findings.filter((f) => f.ruleId === rule).map((f) => f.recordId);

describe("an Update Log kept a column a month", () => {
  const sheets = (log: SheetSpec) => [
    register(
      hrisk({ id: "RU-01", lastReview: "01/06/2022" }),
      hrisk({ id: "RU-02", lastReview: "01/06/2022" }),
    ),
    log,
  ];
  const months = ["Jul-22", "Aug-22", "Sep-22", "Oct-22"];
  const rows = [
    ["RU-01", "Risk RU-01", "Works ordered", "Works under way", "Works complete", "Planned: handover"],
    ["RU-02", "Risk RU-02", "Survey booked", null, "-", null],
  ];

  it("is read as the log, its months up to the as-at date listed, and no findings of its own", () => {
    const report = reportOf(sheets(wide("Risk Updates", months, ...rows)), { asAt: AS_AT });
    const info = report.sheets.find((s) => s.name === "Risk Updates")!;
    expect(info.kind).toBe("update-log");
    expect(info.monthColumns?.map((m) => [m.field, m.read, m.months.map((x) => x.month)])).toEqual([
      ["text", 3, months],
    ]);
    // Four updates: RU-01's July to September (October is after the as-at date), RU-02's July ("-" is none).
    expect(info.recordCount).toBe(4);
    expect(structureLines(info)).toContain(
      "Updates, a column a month: Jul-22 (C) … Oct-22 (F), each filled month an update of its row's risk, dated the month's first day; Oct-22, after the as-at date, not read yet.",
    );
    expect(report.findings.filter((f) => f.sheet === "Risk Updates")).toEqual([]);
  });

  it("dates each filled month's update the month's first day: RU-01 updated in September, RU-02 stale", () => {
    const report = reportOf(sheets(wide("Risk Updates", months, ...rows)), { asAt: AS_AT });
    expect(ruleIds(report, "risk/stale-update")).toEqual(["RU-02"]);
    const ru01 = report.risks.find((r) => r.id === "RU-01")!;
    const history = riskHistory(report, ru01, 3).points.map((p) => [p.month, p.entries.map((e) => e.text)]);
    expect(history).toEqual([
      ["2022-07", ["Works ordered"]],
      ["2022-08", ["Works under way"]],
      ["2022-09", ["Works complete"]],
    ]);
  });

  it("reads 'No change' months by their words: two running while an action went overdue is slipping", () => {
    const overdue: SheetSpec = {
      name: "IRIS Actions",
      rows: [
        ACTION_HEADERS.slice(0, 6),
        ["RU-01", "A-1", "Install gauges", "Bob Jones", "31/08/2022", "Open"],
      ],
    };
    const log = wide("Risk Updates", months, [
      "RU-01",
      "Risk RU-01",
      "Gauges ordered",
      "No change",
      "No change",
    ]);
    const report = reportOf([...sheets(log), overdue], { asAt: AS_AT });
    expect(ruleIds(report, "risk/no-change-while-slipping")).toEqual(["RU-01"]);
  });

  it("a register named 'Risk Updates', naming its owners and scores beside its months, is still a register", () => {
    const headers = ["Risk ID", "Risk Title", "Risk Owner", "Likelihood", "Impact", "Score", "Strategy"];
    const report = reportOf(
      [
        {
          name: "Risk Updates",
          rows: [
            [...headers, "Update Aug-22", "Update Sep-22"],
            ["RU-01", "Bridge joint failure", "Jo Smith", 3, 3, 9, "Treat", "Survey done", "Works ordered"],
          ],
        },
      ],
      { asAt: AS_AT },
    );
    expect(report.sheets[0].kind).toBe("risk-register");
    expect(report.records.risks.map((r) => r.sheet)).toEqual(["Risk Updates"]);
    expect(ruleIds(report, "risk/stale-update")).toEqual([]);
  });

  it("only on a sheet named as a log: ids and months elsewhere (a score a month) are no updates", () => {
    const report = reportOf(sheets(wide("Monthly scores", months, ["RU-01", "Risk RU-01", 12, 12, 16])), {
      asAt: AS_AT,
    });
    expect(report.sheets.find((s) => s.name === "Monthly scores")?.kind).toBe("unknown");
    expect(ruleIds(report, "risk/stale-update")).toEqual(["RU-01", "RU-02"]);
  });
});
