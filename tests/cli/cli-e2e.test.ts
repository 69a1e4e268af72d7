// End-to-end tests of the compiled risk-review CLI: JSON contract, text output, exit codes, --out, CSV input.

import { createHash } from "crypto";
import { allExcelLinks } from "../helpers/excel-links";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildCli, runCli, SAMPLE_XLSX, type CliRun } from "./helpers/cli-build";
import { utc, writeWorkbook } from "./helpers/registers";

jest.setTimeout(180_000);

const AS_AT = "2022-10-10";
const SHEET_KINDS = ["risk-register", "actions", "improvement-plan", "update-log", "unknown"];
const DESTINATIONS = [
  "corporate-register",
  "directorate-register",
  "financial-cluster",
  "operations-board",
  "strategic-board",
  "transfer",
];

let build: string;
let tmp: string;
let sampleJson: CliRun;

const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** A register with one risk that breaks no rule as at 10 October 2022. */
const CLEAN_REGISTER: (string | number | Date | null)[][] = [
  [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Current Likelihood",
    "Current Impact",
    "Current Risk Score",
    "RAG Status",
    "Risk Response Strategy",
    "Mitigating Actions",
    "Date of Last Review",
    "Next Review Date",
    "Risk Status",
  ],
  [
    "HRC-100",
    "Winter gritting fleet availability",
    "Gareth Lloyd",
    2,
    2,
    4,
    "Green",
    "Treat",
    "Spare gritters on call-off",
    utc(2022, 10, 1),
    utc(2022, 11, 1),
    "Open",
  ],
];

beforeAll(() => {
  build = buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-cli-e2e-"));
  sampleJson = runCli(build, ["check", SAMPLE_XLSX, "--as-at", AS_AT, "--format", "json"]);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("check --format json on the sample workbook", () => {
  it("exits 1 (the sample has error findings) and prints only JSON, nothing on stderr", () => {
    expect(sampleJson.stderr).toBe("");
    expect(sampleJson.status).toBe(1);
    expect(() => JSON.parse(sampleJson.stdout)).not.toThrow();
  });

  it("has exactly SPEC's top-level keys and as-at date", () => {
    const json = JSON.parse(sampleJson.stdout);
    expect(Object.keys(json)).toEqual(["asAt", "sheets", "findings", "escalations", "risks", "proposals"]);
    expect(json.asAt).toBe(AS_AT);
  });

  it("describes every sheet with kind, 1-based header row, column letters and unmapped headers", () => {
    const json = JSON.parse(sampleJson.stdout);
    for (const s of json.sheets) {
      expect(Object.keys(s)).toEqual(["name", "kind", "headerRow", "columns", "unmapped"]);
      expect(SHEET_KINDS).toContain(s.kind);
      expect(s.headerRow === null || (Number.isInteger(s.headerRow) && s.headerRow >= 1)).toBe(true);
      for (const letters of Object.values(s.columns)) expect(letters).toMatch(/^[A-Z]{1,3}$/);
      expect(Array.isArray(s.unmapped)).toBe(true);
    }
    const byName = new Map(json.sheets.map((s: { name: string }) => [s.name, s]));
    expect(byName.get("Improvement Plan")).toMatchObject({
      kind: "improvement-plan",
      headerRow: 3,
      columns: { no: "A", action: "D", date: "E", evidence: "I" },
    });
    expect(byName.get("IRIS Risks")).toMatchObject({
      kind: "risk-register",
      headerRow: 5,
      columns: {
        id: "A",
        owner: "E",
        score: "L",
        inherentScore: "I",
        rag: "P",
        strategy: "Q",
        actions: "R",
        lastUpdated: "S",
        nextReview: "U",
        transferredTo: "Y",
      },
    });
    expect((byName.get("IRIS Risks") as { unmapped: string[] }).unmapped).toContain("Review Commentary");
    expect(byName.get("IRIS Actions")).toMatchObject({
      kind: "actions",
      headerRow: 1,
      columns: { riskId: "A", due: "E", status: "F", updated: "H" },
    });
    expect(byName.get("Directorate Register")).toMatchObject({
      kind: "risk-register",
      headerRow: 2,
      columns: { id: "A", owner: "C" },
    });
  });

  it("gives every finding SPEC's keys, a real A1 cell whose row is the 1-based row, or null and the header row", () => {
    const json = JSON.parse(sampleJson.stdout);
    expect(json.findings.length).toBeGreaterThan(0);
    const headerRows = new Map(
      json.sheets.map((s: { name: string; headerRow: number }) => [s.name, s.headerRow]),
    );
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(["ruleId", "severity", "sheet", "cell", "row", "recordId", "message"]);
      expect(f.ruleId).toMatch(/^(risk|plan|sheet)\/[a-z-]+$/);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(typeof f.message).toBe("string");
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.recordId === null || typeof f.recordId === "string").toBe(true);
      expect(Number.isInteger(f.row) && f.row >= 1).toBe(true);
      if (f.cell === null) expect(f.row).toBe(headerRows.get(f.sheet));
      else expect(f.cell).toMatch(new RegExp(`^[A-Z]{1,3}${f.row}$`));
    }
    // Priority rules come first, as the report orders them.
    const firstOther = json.findings.findIndex(
      (f: { ruleId: string }) => !["risk/missing-strategy", "risk/stale-update"].includes(f.ruleId),
    );
    const lastPriority = json.findings
      .map((f: { ruleId: string }) => f.ruleId)
      .lastIndexOf("risk/stale-update");
    expect(lastPriority).toBeLessThan(firstOther);
  });

  it("routes HRC-007 (score 20, £450,000, Escalate? Yes) with a reason per destination", () => {
    const json = JSON.parse(sampleJson.stdout);
    for (const e of json.escalations) {
      expect(Object.keys(e)).toEqual(["recordId", "sheet", "row", "destinations", "reasons", "trend"]);
      expect(e.destinations.length).toBe(e.reasons.length);
      for (const d of e.destinations) expect(DESTINATIONS).toContain(d);
    }
    const hrc7 = json.escalations.find(
      (e: { recordId: string; sheet: string }) => e.recordId === "HRC-007" && e.sheet === "IRIS Risks",
    );
    expect(hrc7).toBeDefined();
    expect(hrc7.row).toBe(12);
    expect(hrc7.destinations).toEqual(
      expect.arrayContaining([
        "corporate-register",
        "financial-cluster",
        "operations-board",
        "strategic-board",
      ]),
    );
    expect(hrc7.destinations).not.toContain("directorate-register");
  });
});

describe("check, text output", () => {
  it("prints the header, findings grouped by severity with sheet!cell and record, escalations and a count line", () => {
    const run = runCli(build, ["check", SAMPLE_XLSX, "--as-at", AS_AT]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const out = run.stdout;
    expect(out).toMatch(/^File: +contract-risk-sample\.xlsx$/m);
    expect(out).toMatch(/^As at: 2022-10-10$/m);
    expect(out).toMatch(/^ {2}IRIS Risks: risk-register, header row 5/m);
    expect(out).toMatch(/^ {2}error +risk\/missing-strategy +IRIS Risks!Q9 +HRC-004 +\S/m);
    expect(out.indexOf("Errors (")).toBeLessThan(out.indexOf("Warnings ("));
    expect(out.indexOf("Warnings (")).toBeLessThan(out.indexOf("Escalations ("));
    expect(out.trimEnd().split("\n").pop()).toMatch(
      /^\d+ errors?, \d+ warnings?, \d+ notes?; \d+ risks? to escalate; \d+ proposals?\.$/,
    );
  });
});

describe("exit status", () => {
  it("is 0 for a workbook with no error findings", async () => {
    const file = path.join(tmp, "clean.xlsx");
    await writeWorkbook(file, { Register: CLEAN_REGISTER });
    const run = runCli(build, ["check", file, "--as-at", AS_AT, "--format", "json"]);
    expect(run.stderr).toBe("");
    const json = JSON.parse(run.stdout);
    expect(json.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(run.status).toBe(0);
  });

  it("is 2 with one plain line naming the file for a text file renamed .xlsx", () => {
    const file = path.join(tmp, "notes.xlsx");
    fs.writeFileSync(file, "These are my meeting notes, not a workbook.\n");
    const run = runCli(build, ["check", file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("notes.xlsx");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("is 2 and lists the sheets it saw when none is a plan, register or actions sheet", async () => {
    const file = path.join(tmp, "budget.xlsx");
    await writeWorkbook(file, {
      Notes: [["Meeting notes"], ["Discussed the winter budget"]],
      Budget: [
        ["Cost centre", "Budget", "Spend"],
        ["Winter", 120000, 80000],
      ],
    });
    const run = runCli(build, ["check", file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("budget.xlsx");
    expect(run.stderr).toContain('"Notes"');
    expect(run.stderr).toContain('"Budget"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    ["a missing file", ["check", "no-such-file.xlsx"], /no-such-file\.xlsx.*no such file/],
    ["no command", [], /no command/],
    ["an unknown command", ["frobnicate", "x.xlsx"], /unknown command "frobnicate"/],
    ["a bad --as-at", ["check", "x.xlsx", "--as-at", "10/10/2022"], /--as-at "10\/10\/2022" is not a date/],
    ["a bad --format", ["check", "x.xlsx", "--format", "yaml"], /--format "yaml"/],
    ["a file that is not .xlsx or .csv", ["check", "x.pdf"], /not a \.xlsx, \.xlsm or \.csv/],
  ])("is 2 with a plain message for %s", (_name, args, message) => {
    const run = runCli(build, args as string[]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
  });
});

describe("check --out", () => {
  it("writes a new workbook with the owned tabs, links naming the source file, and leaves the input's bytes alone", async () => {
    const input = path.join(tmp, "contract-risk-sample.xlsx");
    fs.copyFileSync(SAMPLE_XLSX, input);
    const before = sha(input);
    const committedBefore = sha(SAMPLE_XLSX);
    const out = path.join(tmp, "out", "review.xlsx");
    fs.mkdirSync(path.dirname(out));
    const run = runCli(build, ["check", input, "--as-at", AS_AT, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`Wrote ${out}`);
    expect(sha(input)).toBe(before);
    expect(sha(SAMPLE_XLSX)).toBe(committedBefore);
    expect(fs.readdirSync(path.dirname(out))).toEqual(["review.xlsx"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(["Escalation", "Exceptions", "Risk Summary", "Plan Close-Out"]),
    );
    const links = allExcelLinks(new Uint8Array(fs.readFileSync(out)));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.includes("contract-risk-sample.xlsx"))).toBe(true);
    expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/IRIS Risks'?!Q9$/)]));
  });

  it("refuses to write over the input file, however the path is spelt, and leaves it unchanged", () => {
    const input = path.join(tmp, "mine.xlsx");
    fs.copyFileSync(SAMPLE_XLSX, input);
    const before = sha(input);
    for (const out of [input, path.join(tmp, ".", "sub", "..", "mine.xlsx")]) {
      const run = runCli(build, ["check", input, "--out", out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/is the input file/);
      expect(sha(input)).toBe(before);
    }
  });

  it("exits 2 with a plain message when the output folder does not exist, leaving nothing behind", () => {
    const out = path.join(tmp, "missing-folder", "review.xlsx");
    const run = runCli(build, ["check", SAMPLE_XLSX, "--as-at", AS_AT, "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not write .*review\.xlsx/);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });
});

describe("CSV input", () => {
  it("reads a CSV as one sheet named after the file", () => {
    const file = path.join(tmp, "iris-risks.csv");
    const rows = CLEAN_REGISTER.map((r) =>
      r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ""))).join(","),
    );
    fs.writeFileSync(file, `${rows.join("\n")}\n`);
    const before = sha(file);
    const run = runCli(build, ["check", file, "--as-at", AS_AT, "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.sheets.map((s: { name: string }) => s.name)).toEqual(["iris-risks"]);
    expect(json.sheets[0]).toMatchObject({
      kind: "risk-register",
      headerRow: 1,
      columns: { id: "A", strategy: "H" },
    });
    expect(sha(file)).toBe(before);
  });
});
