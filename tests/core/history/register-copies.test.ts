// Officers' dated copies of a register ("Risk Register 31-08-2022", "Copy of Risk Register (Aug 22)"): history,
// as the add-in's dated backups are (SPEC "History, appetite and proposals", "Owned tabs": the dated backups
// are never taken for registers), and the live registers named with a period that are not copies.

import type { CellValue } from "../../../src/core/model/grid";
import { registerCopyOf } from "../../../src/core/history/backups";
import { dayFromIso } from "../../../src/core/parse";
import { reportOf } from "../rules/harness";
import { HISTORY_REGISTER_HEADERS, hrisk } from "./helpers";
import type { SheetSpec } from "../rules/harness";

const day = (iso: string) => dayFromIso(iso);

const sheet = (name: string, ...rows: CellValue[][]): SheetSpec => ({
  name,
  rows: [HISTORY_REGISTER_HEADERS, ...rows],
});

describe("registerCopyOf: a register's name, or 'Copy of' it, then a day or a month", () => {
  const registers = ["Risk Register", "Risks", "Risk Register Highways"];
  it.each<[string, string, string, string]>([
    ["Risk Register 31-08-2022", "Risk Register", "2022-08-31", "31/08/2022"],
    ["Risk Register (Aug 22)", "Risk Register", "2022-08-31", "Aug 2022"],
    ["Copy of Risk Register 31.07.22", "Risk Register", "2022-07-31", "31/07/2022"],
    ["risk register - september 2022", "Risk Register", "2022-09-30", "Sep 2022"],
    ["Risk Register_2022-08-31", "Risk Register", "2022-08-31", "31/08/2022"],
    ["Risk Register as at 31.08.22", "Risk Register", "2022-08-31", "31/08/2022"],
    ["Backup of Risks Aug-22", "Risks", "2022-08-31", "Aug 2022"],
    // The longest register name that fits: a copy of the Highways register, not of "Risk Register".
    ["Risk Register Highways 31.08.22", "Risk Register Highways", "2022-08-31", "31/08/2022"],
  ])("'%s' is a copy of %s dated %s", (name, register, iso, dated) => {
    expect(registerCopyOf(name, registers)).toEqual({ register, day: day(iso), dated });
  });

  it.each([
    // A period, not a day or month: the register of that year or quarter.
    "Risk Register 2022-23",
    "Risk Register 2022/23",
    "Risk Register 2022",
    "Risk Register Q3 2022",
    "Risks Q3",
    // No date at all, or words after it.
    "Risk Register (2)",
    "Copy of Risk Register",
    "Risk Register Aug 22 draft",
    // Another name that starts with a register's.
    "Risk Registers Aug 22",
    "Risksaug 22",
    // The register itself.
    "Risk Register",
  ])("'%s' is no dated copy", (name) => {
    expect(registerCopyOf(name, registers)).toBeNull();
  });

  it("reads a name saying it is a dated copy in words, the register's name shortened word by word", () => {
    // A copy word ("copy", "backup") with a day or month after it ending the name; filler words beside it.
    expect(registerCopyOf("Risk Reg archive copy Aug 22", registers)).toEqual({
      register: "Risk Register",
      day: day("2022-08-31"),
      dated: "Aug 2022",
    });
    // No register named: the workbook's one other register, and none where there are several.
    expect(registerCopyOf("Archive copy Aug 22", ["Risk Register", "Archive copy Aug 22"])).toEqual({
      register: "Risk Register",
      day: day("2022-08-31"),
      dated: "Aug 2022",
    });
    expect(registerCopyOf("Archive copy Aug 22", registers)).toBeNull();
    // A copy word without a day or month, or words naming no register beside it.
    expect(registerCopyOf("Risk Reg archive copy", registers)).toBeNull();
    expect(registerCopyOf("Highways copy Aug 22", registers)).toBeNull();
  });

  it("names nothing when no register it copies is beside it", () => {
    expect(registerCopyOf("Risk Register Aug 22", ["Highways"])).toBeNull();
  });
});

describe("a dated copy in the workbook", () => {
  it("named 'archive copy' with a month is history, not a sheet of closed risks", () => {
    const report = reportOf([
      sheet("Risk Register", hrisk({ id: "HRC-001" })),
      sheet("Risk Reg archive copy Aug 22", hrisk({ id: "HRC-001" })),
    ]);
    expect(report.records.risks.map((r) => r.sheet)).toEqual(["Risk Register"]);
    const info = report.sheets.find((s) => s.name === "Risk Reg archive copy Aug 22")!;
    expect(info.holds).toBeUndefined();
    expect(info.historyCopy).toEqual({ register: "Risk Register", dated: "Aug 2022" });
  });

  it("is no register: its risks are no records, the sheet list says what it was taken as", () => {
    const report = reportOf([
      sheet("Risk Register", hrisk({ id: "HRC-001" })),
      sheet(
        "Risk Register (Aug 22)",
        hrisk({ id: "HRC-001" }),
        hrisk({ id: "HRC-009", score: 20, status: "Open", owner: null }),
      ),
    ]);
    expect(report.records.risks.map((r) => r.sheet)).toEqual(["Risk Register"]);
    expect(report.findings.filter((f) => f.sheet === "Risk Register (Aug 22)")).toEqual([]);
    const info = report.sheets.find((s) => s.name === "Risk Register (Aug 22)")!;
    expect(info.kind).toBe("unknown");
    expect(info.recordCount).toBe(0);
    expect(info.note).toBe(
      'a copy of "Risk Register" dated Aug 2022, under its header: read as history, as a dated backup is, not as a live register',
    );
  });

  it("dates the risks it holds, as a dated backup does: a risk with no Date Raised has a direction of travel", () => {
    const undated = hrisk({ id: "HRC-001", raised: null });
    const alone = reportOf([sheet("Risk Register", undated)]);
    expect(alone.risks.map((r) => r.trend)).toEqual([null]);
    const copied = reportOf([
      sheet("Risk Register", undated),
      sheet("Copy of Risk Register 31.07.22", undated),
    ]);
    expect(copied.risks.map((r) => [r.id, r.trend, r.firstSeen])).toEqual([
      ["HRC-001", "same", "2022-07-31"],
    ]);
  });

  it.each<[string, string]>([
    ["a register named with a financial year beside the register", "Risk Register 2022-23"],
    ["a register named with a quarter beside the register", "Risk Register Q3"],
    ["a register named with a month that copies no register of the workbook", "Highways Aug 22"],
  ])("(judgement) %s is a live register", (_what, name) => {
    const report = reportOf([
      sheet("Risk Register", hrisk({ id: "HRC-001" })),
      sheet(name, hrisk({ id: "HRC-002" })),
    ]);
    expect(report.records.risks.map((r) => `${r.sheet} ${String(r.fields.id?.value)}`)).toEqual([
      "Risk Register HRC-001",
      `${name} HRC-002`,
    ]);
  });

  it("(judgement) a register named with a month is a live register when no register it would copy is in the workbook", () => {
    const report = reportOf([
      sheet("Risk Register Aug 22", hrisk({ id: "HRC-001" })),
      sheet("Risks Q3", hrisk({ id: "HRC-002" })),
    ]);
    expect(report.records.risks).toHaveLength(2);
  });

  it("(judgement) a sheet named as a copy but under another header is a live register (an annex kept its own way)", () => {
    const report = reportOf([
      sheet("Risk Register", hrisk({ id: "HRC-001" })),
      {
        name: "Risk Register Sep 22",
        rows: [
          ["Ref", "Risk Description", "Owner", "Likelihood", "Impact", "Score", "Status"],
          ["HRC-002", "Bridge joint failure", "Bob Hill", 3, 3, 9, "Open"],
        ],
      },
    ]);
    expect(report.records.risks.map((r) => r.sheet)).toEqual(["Risk Register", "Risk Register Sep 22"]);
  });

  it("(judgement) a sheet named as a copy but reviewed after everything in its register is the live register, and the register its earlier state", () => {
    // A copy holds its register as it stood, so it cannot hold reviews newer than the register's latest.
    const report = reportOf([
      sheet("Risk Register", hrisk({ id: "HRC-001", raised: "10/01/2021", lastReview: "14/10/2021" })),
      sheet("Risk Register Oct 22", hrisk({ id: "HRC-001" }), hrisk({ id: "HRC-004" })),
    ]);
    expect(report.records.risks.map((r) => r.sheet)).toEqual([
      "Risk Register Oct 22",
      "Risk Register Oct 22",
    ]);
    expect(report.sheets.find((s) => s.name === "Risk Register")!.note).toBe(
      'an earlier state of "Risk Register Oct 22", last reviewed 14/10/2021, under its header: read as history, as a dated backup is, not as a live register',
    );
  });

  it("a copy reviewed no later than its register stays a copy", () => {
    const report = reportOf([
      sheet("Risk Register", hrisk({ id: "HRC-001", lastReview: "01/10/2022" })),
      sheet("Risk Register (Sep 22)", hrisk({ id: "HRC-001", lastReview: "01/09/2022" })),
    ]);
    expect(report.records.risks.map((r) => r.sheet)).toEqual(["Risk Register"]);
  });
});
