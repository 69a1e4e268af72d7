// A sceptical review of the command line's contract (SPEC "Command line", "Writing files" → Terminal,
// "What must never happen"), as a council officer scripting `risk-review` relies on it: a Windows scheduled
// task reading the exit status, a CI pipeline parsing the JSON on stdout.
// Four of these once failed: today taken as UTC's date (a UK check at 00:30 BST was as at yesterday); a
// risk on two registers twice in the JSON's escalations, once in the text; a risk with no id "" on its
// escalation but null on its findings; an --as-at before 1900 accepted and written on the tabs as text.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { buildCli, REPO_ROOT } from "./helpers/cli-build";
import { runMain, type MainRun } from "./helpers/main-in-process";
import { HEADER, red, risk, utc, writeWorkbook, type Row } from "./helpers/registers";

jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-contract-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A register row: `risk()` with some columns changed (index → value). */
function riskWith(id: string, changes: Record<number, string | number | Date | null>): Row {
  const row = risk(id, `Title of ${id}`, "Jane Smith");
  for (const [i, v] of Object.entries(changes)) row[Number(i)] = v;
  return row;
}
const OWNER = 2;
const SCORE = 5;
const STRATEGY = 7;
const LAST_REVIEW = 9;

/** A register with one clean risk, a red one (escalated), and four risks each breaking one error rule. */
async function findingsWorkbook(file: string): Promise<string> {
  await writeWorkbook(file, {
    "IRIS Risks": [
      HEADER,
      risk("HRC-001", "Gritting fleet", "Jane Smith"),
      riskWith("HRC-002", { [SCORE]: 7 }), // score-mismatch (2 × 2 ≠ 7)
      riskWith("HRC-003", { [OWNER]: null }), // missing-owner
      riskWith("HRC-004", { [STRATEGY]: null }), // missing-strategy
      riskWith("HRC-005", { [LAST_REVIEW]: utc(2022, 8, 1) }), // stale-update
      red("HRC-006", "Bridge failure", "Jane Smith"),
    ],
  });
  return file;
}

/** A register every risk of which is clean as at 2022-10-10. */
async function cleanWorkbook(file: string): Promise<string> {
  await writeWorkbook(file, { "IRIS Risks": [HEADER, risk("HRC-001", "Gritting fleet", "Jane Smith")] });
  return file;
}

/** stderr of a failed run is one plain line starting "risk-review:", with no stack trace and nothing on stdout. */
function expectOnePlainErrorLine(run: MainRun): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  const first = run.stderr.split("\n")[0];
  expect(first).toMatch(/^risk-review: \S/);
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.stderr).not.toMatch(/unexpected error|this is a bug/);
}

let findingsXlsx: string;
let cleanXlsx: string;
beforeAll(async () => {
  findingsXlsx = await findingsWorkbook(path.join(dir, "findings.xlsx"));
  cleanXlsx = await cleanWorkbook(path.join(dir, "clean.xlsx"));
});

describe("exit status and streams", () => {
  // SPEC: "Exit status: 0 no error findings; 1 error findings"
  it("exits 1 with the report on stdout and nothing on stderr when there are error findings, 0 when there are none", async () => {
    const bad = await runMain(["check", findingsXlsx, "--as-at", "2022-10-10"]);
    expect([bad.status, bad.stderr]).toEqual([1, ""]);
    expect(bad.stdout).toMatch(/risk\/missing-strategy/);
    const good = await runMain(["check", cleanXlsx, "--as-at", "2022-10-10", "--format", "json"]);
    expect([good.status, good.stderr]).toEqual([0, ""]);
    expect(JSON.parse(good.stdout).findings).toEqual([]);
  });

  // SPEC: "2 a usage error" (README: "an unknown option, a missing value, an `--as-at` that is not a real date written YYYY-MM-DD")
  it.each([
    [["--as-at", "2022-13-01"], /2022-13-01/],
    [["--as-at", "10/10/2022"], /10\/10\/2022/],
    [["--as-at", "2022-02-29"], /2022-02-29/],
    [["--format", "xml"], /xml/],
    [["--format", "json", "--format", "text"], /--format/],
    [["--as-at", "2022-10-10", "--as-at", "2022-10-10"], /--as-at/],
    [["--colour"], /--colour/],
    [["--as-at"], /--as-at/],
    [["--format", "--as-at", "2022-10-10"], /--format/],
    [["--out", "review.csv"], /review\.csv/],
  ])(
    "check FILE %j is a usage error: exit 2, nothing on stdout, the bad part named on stderr",
    async (extra, named) => {
      const run = await runMain(["check", cleanXlsx, ...extra]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.split("\n")[0]).toMatch(/^risk-review: /);
      expect(run.stderr.split("\n")[0]).toMatch(named);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    },
  );

  // README: "`risk-review --help`, `check --help` and `import --help` print the usage"; "`risk-review --version` prints the version"
  it("prints --help and --version on stdout with exit 0, the version being the package's", async () => {
    for (const args of [["--help"], ["check", "--help"], ["import", "--help"]]) {
      const run = await runMain(args);
      expect([args, run.status, run.stderr]).toEqual([args, 0, ""]);
      expect(run.stdout).toMatch(/Usage:/);
    }
    const version = await runMain(["--version"]);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
      version: string;
    };
    expect(version).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  // SPEC: "2 … an input that could not be read"; "It ends in a plain-English message naming the file"
  it("names a file that is not there in one plain line on stderr and exits 2", async () => {
    const missing = path.join(dir, "no such register.xlsx");
    const run = await runMain(["check", missing, "--as-at", "2022-10-10"]);
    expectOnePlainErrorLine(run);
    expect(run.stderr).toMatch(/no such register\.xlsx/);
  });

  // SPEC: "2 … an input that could not be read"; "A bad file … ends in a plain-English message naming the file"
  it("refuses a folder named like a workbook in one plain line that says it is a folder, exit 2", async () => {
    const folder = path.join(dir, "Registers.xlsx");
    fs.mkdirSync(folder);
    const run = await runMain(["check", folder, "--as-at", "2022-10-10"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/Registers\.xlsx/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  // SPEC: "2 … an input that … holds no plan, register or actions sheet (the message lists the sheets it saw)"
  it("exits 2 naming the sheets it saw when a workbook holds nothing to check", async () => {
    const file = path.join(dir, "shopping.xlsx");
    await writeWorkbook(file, {
      Groceries: [
        ["Item", "Qty"],
        ["Milk", 2],
      ],
      Notes: [["hello"]],
    });
    const run = await runMain(["check", file, "--as-at", "2022-10-10", "--format", "json"]);
    expectOnePlainErrorLine(run);
    expect(run.stderr).toMatch(/Groceries/);
    expect(run.stderr).toMatch(/Notes/);
  });

  // SPEC: "A bad file … ending in … a half-written workbook. It ends in a plain-English message naming the file"
  it("fails writing --out into a folder that does not exist with one plain line naming it, and no report printed", async () => {
    const out = path.join(dir, "no-such-folder", "review.xlsx");
    const run = await runMain(["check", findingsXlsx, "--as-at", "2022-10-10", "--out", out]);
    expectOnePlainErrorLine(run);
    expect(run.stderr).toMatch(/review\.xlsx/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("--format json", () => {
  // SPEC: `--format json` prints { "asAt", "sheets", "findings", "escalations", "risks", "proposals" } with the fields shown
  it("prints exactly the documented keys, each finding with ruleId, severity, sheet, cell, row, recordId and message", async () => {
    const run = await runMain(["check", findingsXlsx, "--as-at", "2022-10-10", "--format", "json"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(["asAt", "sheets", "findings", "escalations", "risks", "proposals"]);
    expect(doc.asAt).toBe("2022-10-10");
    const sheets = doc.sheets as Record<string, unknown>[];
    expect(sheets).toEqual([
      expect.objectContaining({ name: "IRIS Risks", kind: "risk-register", headerRow: 1, unmapped: [] }),
    ]);
    expect((sheets[0].columns as Record<string, string>).id).toBe("A");
    expect((sheets[0].columns as Record<string, string>).strategy).toBe("H");
    const findings = doc.findings as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThanOrEqual(4);
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual([
        "cell",
        "message",
        "recordId",
        "row",
        "ruleId",
        "severity",
        "sheet",
      ]);
      expect(typeof f.ruleId).toBe("string");
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(f.sheet).toBe("IRIS Risks");
      expect(typeof f.row).toBe("number");
      expect(typeof f.message).toBe("string");
      expect((f.message as string).length).toBeGreaterThan(0);
      // A finding on a cell names it in A1 form, on the finding's own row.
      if (f.cell !== null) expect(f.cell).toMatch(new RegExp(`^[A-Z]+${f.row as number}$`));
    }
    const byRule = (rule: string): Record<string, unknown> | undefined =>
      findings.find((f) => f.ruleId === rule);
    expect(byRule("risk/missing-strategy")).toMatchObject({
      recordId: "HRC-004",
      cell: "H5",
      row: 5,
      severity: "error",
    });
    expect(byRule("risk/stale-update")).toMatchObject({ recordId: "HRC-005", row: 6, severity: "error" });
    expect(byRule("risk/missing-owner")).toMatchObject({ recordId: "HRC-003", cell: "C4", row: 4 });
    expect(byRule("risk/score-mismatch")).toMatchObject({ recordId: "HRC-002", row: 3 });
  });

  // SPEC: "escalations": [{ "recordId", "sheet", "row", "destinations", "reasons", "trend" }]; "`reasons[i]` explains `destinations[i]`"
  it("gives each escalation its destinations with one reason each and a trend, and every risk its score and trend", async () => {
    const run = await runMain(["check", findingsXlsx, "--as-at", "2022-10-10", "--format", "json"]);
    const doc = JSON.parse(run.stdout) as {
      escalations: Record<string, unknown>[];
      risks: Record<string, unknown>[];
      proposals: unknown[];
    };
    const e = doc.escalations.find((x) => x.recordId === "HRC-006");
    expect(e).toBeDefined();
    expect(Object.keys(e!).sort()).toEqual(["destinations", "reasons", "recordId", "row", "sheet", "trend"]);
    expect(e).toMatchObject({ sheet: "IRIS Risks", row: 7 });
    expect(e!.destinations).toEqual(expect.arrayContaining(["corporate-register", "strategic-board"]));
    expect((e!.reasons as string[]).length).toBe((e!.destinations as string[]).length);
    for (const r of e!.reasons as string[]) expect(r).toMatch(/\S/);
    // No Date Raised, no log, no backup: nothing dates the risk, so its trend is null (SPEC "Direction of travel").
    expect(e!.trend).toBeNull();
    expect(doc.risks.map((r) => r.recordId)).toEqual([
      "HRC-001",
      "HRC-002",
      "HRC-003",
      "HRC-004",
      "HRC-005",
      "HRC-006",
    ]);
    for (const r of doc.risks) {
      expect(Object.keys(r).sort()).toEqual(["recordId", "row", "score", "sheet", "trend"]);
      expect(r.score === null || typeof r.score === "number").toBe(true);
    }
    expect(doc.risks.find((r) => r.recordId === "HRC-006")).toMatchObject({ score: 25, row: 7 });
    expect(Array.isArray(doc.proposals)).toBe(true);
  });

  // SPEC: "A sheet-level finding has `"cell": null` and the header row."
  it("gives a sheet-level finding cell null and the 1-based header row", async () => {
    const file = path.join(dir, "no-owner-column.xlsx");
    const header = HEADER.filter((_, i) => i !== OWNER);
    const row = risk("HRC-001", "Gritting fleet", "x").filter((_, i) => i !== OWNER);
    await writeWorkbook(file, { Register: [["Highways risk register"], [], header, row] });
    const run = await runMain(["check", file, "--as-at", "2022-10-10", "--format", "json"]);
    const doc = JSON.parse(run.stdout) as {
      sheets: { headerRow: number }[];
      findings: Record<string, unknown>[];
    };
    expect(doc.sheets[0].headerRow).toBe(3);
    const sheetLevel = doc.findings.filter((f) => f.ruleId === "sheet/missing-column");
    expect(sheetLevel).toHaveLength(1);
    expect(sheetLevel[0]).toMatchObject({ cell: null, row: 3, sheet: "Register", severity: "error" });
    expect(run.status).toBe(1);
  });

  // The JSON and the text report count the same findings: "Every count adds up" (SPEC "Owned tabs")
  it("counts the same errors and warnings and the same escalations in text as it lists in JSON", async () => {
    const json = JSON.parse(
      (await runMain(["check", findingsXlsx, "--as-at", "2022-10-10", "--format", "json"])).stdout,
    ) as {
      findings: { severity: string }[];
      escalations: unknown[];
      proposals: unknown[];
    };
    const text = (await runMain(["check", findingsXlsx, "--as-at", "2022-10-10"])).stdout;
    const n = (s: string): number => json.findings.filter((f) => f.severity === s).length;
    const plural = (k: number, w: string): string => `${k} ${w}${k === 1 ? "" : "s"}`;
    expect(text).toContain(
      `${plural(n("error"), "error")}, ${plural(n("warning"), "warning")}, ${plural(n("info"), "note")}; ` +
        `${plural(json.escalations.length, "risk")} to escalate; ${plural(json.proposals.length, "proposal")}.`,
    );
    expect(text).toContain(`Errors (${n("error")}):`);
  });

  // A CI pipeline diffs check.json run to run: the same input must give the same bytes (no timestamps, no ordering noise)
  it("prints byte-identical JSON and text for the same input twice, and never mentions the wall-clock time", async () => {
    const args = ["check", findingsXlsx, "--as-at", "2022-10-10"];
    const [j1, j2] = [
      await runMain([...args, "--format", "json"]),
      await runMain([...args, "--format", "json"]),
    ];
    expect(j1.stdout).toBe(j2.stdout);
    const [t1, t2] = [await runMain(args), await runMain(args)];
    expect(t1.stdout).toBe(t2.stdout);
    const year = String(new Date().getFullYear());
    if (year !== "2022") expect(j1.stdout).not.toContain(year);
  });
});

describe("one risk, one id, one count", () => {
  // SPEC "Owned tabs": "A risk that stands on several registers (the same risk by id and title) is counted once and shown once … Every count adds up"
  it("lists a risk that stands on two registers once in the JSON escalations, as the text's count does", async () => {
    const file = path.join(dir, "two-registers.xlsx");
    await writeWorkbook(file, {
      "Corporate Register": [HEADER, red("HRC-007", "Bridge failure", "Jane Smith")],
      "Highways Register": [HEADER, red("HRC-007", "Bridge failure", "Jane Smith")],
    });
    const text = (await runMain(["check", file, "--as-at", "2022-10-10"])).stdout;
    expect(text).toMatch(/; 1 risk to escalate;/);
    const doc = JSON.parse(
      (await runMain(["check", file, "--as-at", "2022-10-10", "--format", "json"])).stdout,
    ) as {
      escalations: { recordId: string }[];
    };
    expect(doc.escalations.map((e) => e.recordId)).toEqual(["HRC-007"]);
  });

  // SPEC: "findings": [{ …, "recordId": "HRC-005", … }], "escalations": [{ "recordId": "HRC-007", … }] — one field, one meaning
  it("gives a risk with no id the same recordId (null) on its findings and on its escalation", async () => {
    const file = path.join(dir, "no-id.xlsx");
    await writeWorkbook(file, { Register: [HEADER, red("", "Bridge failure", "Jane Smith")] });
    const doc = JSON.parse(
      (await runMain(["check", file, "--as-at", "2022-10-10", "--format", "json"])).stdout,
    ) as {
      findings: { ruleId: string; recordId: unknown }[];
      escalations: { row: number; recordId: unknown }[];
    };
    expect(doc.findings.find((f) => f.ruleId === "risk/missing-id")!.recordId).toBeNull();
    expect(doc.escalations).toHaveLength(1);
    expect(doc.escalations[0].recordId).toBeNull();
  });
});

describe("text output", () => {
  // README (Check view, which the CLI's text mirrors): "grouped by severity and rule with risks that have no strategy and no update this month first"
  it("lists the file, as-at and sheets, then errors before warnings, with no-strategy and no-update findings first among the errors", async () => {
    const run = await runMain(["check", findingsXlsx, "--as-at", "2022-10-10"]);
    const out = run.stdout;
    const at = (s: string): number => {
      const i = out.indexOf(s);
      expect([s, i >= 0]).toEqual([s, true]);
      return i;
    };
    expect(out.startsWith("File:  findings.xlsx\nAs at: 2022-10-10\nSheets:\n")).toBe(true);
    expect(at("Errors (")).toBeLessThan(at("Escalations ("));
    const errorsBlock = out.slice(at("Errors ("), out.indexOf("\n\n", at("Errors (")));
    const rules = [...errorsBlock.matchAll(/^\s+error\s+(\S+)/gm)].map((m) => m[1]);
    const firstOther = rules.findIndex((r) => r !== "risk/missing-strategy" && r !== "risk/stale-update");
    const lastPriority = Math.max(
      rules.lastIndexOf("risk/missing-strategy"),
      rules.lastIndexOf("risk/stale-update"),
    );
    expect(rules).toEqual(
      expect.arrayContaining(["risk/missing-strategy", "risk/stale-update", "risk/missing-owner"]),
    );
    expect(lastPriority).toBeLessThan(firstOther);
    // The count line is the last line.
    expect(out.trimEnd().split("\n").pop()).toMatch(/^\d+ errors?, \d+ warnings?, \d+ notes?; /);
  });

  // SPEC: "text output never passes a cell's control characters (ESC, CR, BEL …) to the terminal; they are shown as `\x1b`, `\r` and so on. JSON output escapes them as JSON does."
  it("shows a cell's ESC, CR and BEL as \\x1b, \\r, \\a in text and keeps them escaped-but-exact in JSON", async () => {
    // A CSV, because exceljs drops control characters when it writes a workbook.
    const file = path.join(dir, "control.csv");
    const cells = riskWith("HRC-\u001b[31m001", {
      [STRATEGY]: "Tr\u001b[2Jeat\u0007",
      1: "Title \u001b]0;pwned\u0007",
    });
    cells[LAST_REVIEW] = "01/10/2022";
    cells[LAST_REVIEW + 1] = "01/11/2022";
    const csv = [HEADER, cells].map((r) => r.map((c) => `"${String(c)}"`).join(",")).join("\r\n");
    fs.writeFileSync(file, csv);
    const text = await runMain(["check", file, "--as-at", "2022-10-10"]);
    expect(text.status).toBe(1);
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text.stdout).toContain("\\x1b");
    const json = await runMain(["check", file, "--as-at", "2022-10-10", "--format", "json"]);
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    const doc = JSON.parse(json.stdout) as { findings: { recordId: string; message: string }[] };
    expect(doc.findings.some((f) => f.recordId === "HRC-\u001b[31m001")).toBe(true);
  });
});

describe("paths and dates", () => {
  // SPEC: `check WORKBOOK.(xlsx|xlsm|csv)...`; a Windows task runs `risk-review check "Risk registers - Documents\…"`
  it("reads a path with spaces and non-ASCII letters and names it in the report", async () => {
    const sub = path.join(dir, "Risk registers – Documents");
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, "Café Ŵales register.xlsx");
    fs.copyFileSync(cleanXlsx, file);
    const run = await runMain(["check", file, "--as-at", "2022-10-10"]);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout.split("\n")[0]).toBe("File:  Café Ŵales register.xlsx");
  });

  // SPEC "Owned tabs": "Dates are written as Excel dates with a UK date format, never as text" — so an as-at no Excel date can hold is no usable date
  it("refuses an --as-at before 1900 (a mistyped year) as a usage error rather than writing it on the tabs as text", async () => {
    const out = path.join(dir, "review-1066.xlsx");
    const run = await runMain(["check", cleanXlsx, "--as-at", "1066-10-14", "--out", out]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toMatch(/^risk-review: .*1066-10-14/);
    expect(fs.existsSync(out)).toBe(false);
  });

  // README: "`--as-at` defaults to the workbook's Settings, then today" — a UK council's today, not UTC's
  it("takes today as the UK date when --as-at is not given (00:30 BST on 11 October is 11 October)", () => {
    const build = buildCli();
    const preload = path.join(dir, "clock-2022-10-10T2330Z.js");
    fs.writeFileSync(
      preload,
      `const Real = Date; const now = Real.parse("2022-10-10T23:30:00Z");
       globalThis.Date = class extends Real { constructor(...a) { if (a.length === 0) super(now); else super(...a); }
         static now() { return now; } };`,
    );
    const run = spawnSync(
      process.execPath,
      ["-r", preload, path.join(build, "cli", "main.js"), "check", cleanXlsx, "--format", "json"],
      {
        env: { ...process.env, TZ: "Europe/London", NODE_PATH: path.join(REPO_ROOT, "node_modules") },
        encoding: "utf8",
      },
    );
    expect(run.stderr).toBe("");
    // The preload did move the clock: the machine's own calendar reads 11 October in London.
    expect(
      new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(
        Date.parse("2022-10-10T23:30:00Z"),
      ),
    ).toBe("2022-10-11");
    expect(JSON.parse(run.stdout).asAt).toBe("2022-10-11");
  });
});

describe("many workbooks", () => {
  // SPEC: JSON `{"asAt", "files": [{"file", "sheets", "error"?}], "findings", "escalations", "proposals"}` with `file` on every finding, escalation and proposal; "A file that cannot be read is reported by name and the others are still checked"
  it("checks a folder with one damaged file: the others' JSON has file on every finding and escalation, the damaged one a line on stderr", async () => {
    const folder = path.join(dir, "Registers");
    fs.mkdirSync(folder);
    await findingsWorkbook(path.join(folder, "corporate.xlsx"));
    await cleanWorkbook(path.join(folder, "directorate.xlsx"));
    fs.writeFileSync(path.join(folder, "damaged.xlsx"), "this is not a zip file");
    const run = await runMain(["check", folder, "--as-at", "2022-10-10", "--format", "json"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/damaged\.xlsx/);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining(["asAt", "files", "findings", "escalations", "proposals"]),
    );
    expect(doc.asAt).toBe("2022-10-10");
    const files = doc.files as { file: string; error?: string }[];
    expect(files.map((f) => f.file).sort()).toEqual(["corporate.xlsx", "damaged.xlsx", "directorate.xlsx"]);
    expect(files.find((f) => f.file === "damaged.xlsx")!.error).toMatch(/\S/);
    const findings = doc.findings as { file: string }[];
    const escalations = doc.escalations as { file: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(escalations.length).toBeGreaterThan(0);
    for (const x of [...findings, ...escalations]) expect(x.file).toBe("corporate.xlsx");

    const again = await runMain(["check", folder, "--as-at", "2022-10-10", "--format", "json"]);
    expect(again.stdout).toBe(run.stdout);
  });

  // SPEC: "exit 2 only when none could be read"
  it("exits 2 with one plain line for a folder with no workbook in it", async () => {
    const empty = path.join(dir, "Empty registers");
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, "notes.txt"), "nothing here");
    const run = await runMain(["check", empty, "--as-at", "2022-10-10", "--format", "json"]);
    expectOnePlainErrorLine(run);
    expect(run.stderr).toMatch(/Empty registers/);
  });
});
