// What README.md (and the docs it links to: tests/fixtures/sample/PLANTED.md, src/taskpane/help.html) tells
// an officer or an IT person, checked against the code. Each test reads the README's own words, so an edit
// to either side that makes them disagree fails here. (The rule table's ids and default severities are
// checked by tests/core/rules/registry.test.ts; the exit-status sentence by tests/cli/usage.test.ts.)

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { parseArgs, READABLE_INPUT, resaveProblem, usageOf, USAGE } from "../../src/cli/args";
import { poolSize } from "../../src/cli/worker-pool";
import { settingsWarningLine } from "../../src/cli/settings-from-grids";
import { VERSION } from "../../src/core/version";
import { RULES } from "../../src/core/rules/registry";
import { DEFAULT_SETTINGS, SETTING_RANGES, defaultSettings } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import {
  rowsOfOtherSettings,
  settingsFromRows,
  settingsToRows,
  writeWordList,
} from "../../src/core/model/settings-sheet";
import { OWNED_TAB_NAMES } from "../../src/core/model/owned-tab";
import { UPDATE_LOG_HEADER } from "../../src/core/meeting/record";
import { buildUpdateLogTab, UPDATE_LOG_HEADER_ROW } from "../../src/core/meeting/update-log-tab";
import { IMPORT_LOG_HEADER } from "../../src/core/merge/to-workbook-edits";
import { parseDate } from "../../src/core/parse/date";
import { dayFromIso, isoFromDay } from "../../src/core/parse/day";
import { parseScore } from "../../src/core/parse/score";
import { parseMoney } from "../../src/core/parse/money";
import { parseStrategy, strategiesNamed } from "../../src/core/parse/strategy";
import { parseYesNo } from "../../src/core/parse/yes-no";
import { isPlaceholder } from "../../src/core/parse/placeholder";
import { mergedInto, parseActionState, parseRiskState } from "../../src/core/parse/status";
import { latestDatedLine } from "../../src/core/parse/dated-lines";
import { moneyUnitOfHeader } from "../../src/core/read/header-unit";
import { foldOwner } from "../../src/core/join/owner-conflicts";
import { categoryNamedIn } from "../../src/core/history/appetite";
import { toForm } from "../../src/taskpane/settings-form";
import { TARGETS as BENCH_TARGETS, runsFor } from "../../src/bench/run";
import { MANY_TARGETS } from "../../src/bench/many-bench";
import { CSV_PEAK_MB, IMPORT_PEAK_MB, IMPORT_VS_CHECK } from "../../src/bench/cli-import-bench";
import { IMPORT_TARGET_MS } from "../../src/bench/import-bench";
import { NEXT_CARD_TARGET_MS } from "../../src/bench/meeting-bench";
import { PLAN_ACTIONS } from "../../src/bench/workload";
import { unzipSync } from "fflate";
import { excelLinks } from "../helpers/excel-links";
import { REPO_ROOT } from "../helpers/fixture-paths";

jest.setTimeout(120_000);

const read = (rel: string): string => fs.readFileSync(path.join(REPO_ROOT, rel), "utf8");
const README = read("README.md");
const PACKAGE = JSON.parse(read("package.json")) as {
  version: string;
  engines: { node: string };
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

/** The README's section under "## title", up to the next "## " heading. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = README.indexOf("\n## ", start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The one match of `re` in `text` (group 1), or a failure naming what was looked for. */
function one(text: string, re: RegExp): string {
  // The README wraps its lines anywhere: a phrase read from it is one line.
  return oneBlock(text, re).replace(/\s+/g, " ");
}

/** As `one`, keeping the lines (a code block). */
function oneBlock(text: string, re: RegExp): string {
  const m = re.exec(text);
  if (!m) throw new Error(`README no longer says ${re}`);
  return m[1];
}

/** `1–4` / `1-4` → [1, 4]. */
const range = (text: string): [number, number] => {
  const m = /(\d+)\s*[–-]\s*(\d+)/.exec(text);
  if (!m) throw new Error(`no range in "${text}"`);
  return [Number(m[1]), Number(m[2])];
};

const words = (list: string): string[] =>
  list
    .split(/,\s*/)
    .map((w) => w.trim())
    .filter((w) => w !== "");

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-readme-truth-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------------------
// The two opening commands

/** The opening block's commands (comment lines dropped). */
const OPENING = oneBlock(README, /On a fresh machine[^\n]*\n\n```sh\n([\s\S]*?)```/)
  .split("\n")
  .filter((l) => l.trim() !== "" && !l.startsWith("#"));

/** "npm run --silent risk-review -- check A --as-at D --out review.xlsx" → the CLI's own arguments. */
function cliArgs(command: string): string[] {
  const m = /npm run --silent risk-review -- (.*)$/.exec(command.trim());
  if (!m) throw new Error(`not a risk-review command: ${command}`);
  return m[1].split(/\s+/);
}

describe("README: the opening commands", () => {
  const first = OPENING[0].split(" && ");
  const args = cliArgs(first[first.length - 1]);
  const input = path.join(REPO_ROOT, args[1]);
  const outName = args[args.indexOf("--out") + 1];
  const out = path.join(tmp, outName);
  let result: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    const argv = args.map((a, i) => (i === 1 ? input : a === outName ? out : a));
    result = await run(argv);
  });

  it("are two: the CLI check of the bundled sample, then every test", () => {
    expect(OPENING).toHaveLength(2);
    expect(first[0]).toBe("npm ci");
    expect(args.slice(0, 1)).toEqual(["check"]);
    expect(fs.existsSync(input)).toBe(true);
    expect(OPENING[1]).toMatch(/&& npm test$/);
    expect(PACKAGE.scripts.test).toMatch(/\bjest\b/);
    expect(PACKAGE.scripts.test).toMatch(/test:e2e/);
  });

  it("runs the compiled CLI, which `npm run risk-review` builds first (prerisk-review) and installs as the bin", () => {
    expect(PACKAGE.scripts["risk-review"]).toBe("node dist-cli/cli/main.js");
    expect(PACKAGE.scripts["prerisk-review"]).toMatch(/build:cli/);
    expect(PACKAGE.scripts["build:cli"]).toMatch(/tsc -p tsconfig\.cli\.json/);
    expect(PACKAGE.bin["risk-review"]).toBe("dist-cli/cli/main.js");
  });

  it("exits with the status the README gives, printing the findings", () => {
    const status = Number(one(README, /The first command exits with status (\d)/));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(status);
    expect(result.stdout).toMatch(/^Errors \(\d+\):$/m);
    expect(result.stdout).toMatch(/^Warnings \(\d+\):$/m);
    expect(result.stdout).toContain(`Wrote ${out}`);
  });

  it("writes exactly the tabs the README names, with links back to the sample's cells", () => {
    const named = one(README, /`review\.xlsx` holds the ([^.]*?) tabs/).split(/, | and /);
    const links = excelLinks(fs.readFileSync(out));
    expect([...links.keys()]).toEqual(named);
    const targets = [...links.values()].flatMap((m) => [...m.values()]);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.some((t) => /contract-risk-sample\.xlsx#'IRIS Risks'!A\d+$/.test(t))).toBe(true);
  });

  it("prints them as the README says: A4 landscape, header row repeated, marking on every page, dd/mm/yyyy dates, no chart", () => {
    const parts = unzipSync(fs.readFileSync(out));
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(4);
    for (const sheet of sheets) {
      const setup = /<pageSetup [^>]*>/.exec(text(sheet))?.[0] ?? "";
      const header = /<oddHeader>[^<]*<\/oddHeader>/.exec(text(sheet))?.[0] ?? "";
      expect([sheet, setup]).toEqual([
        sheet,
        expect.stringMatching(/paperSize="9"[^>]*orientation="landscape"/),
      ]);
      expect([sheet, header]).toEqual([sheet, expect.stringContaining(DEFAULT_SETTINGS.protectiveMarking)]);
    }
    expect(text("xl/workbook.xml").match(/_xlnm\.Print_Titles/g)).toHaveLength(4);
    expect(text("xl/styles.xml")).toContain('formatCode="dd/mm/yyyy"');
    // "`check --out` writes the Risk Summary's month-by-month RAG table but no chart (the tab says so)"
    expect(section("The command line")).toMatch(
      /`check --out` writes the Risk Summary's month-by-month RAG table but\s+no chart \(the tab says so/,
    );
    expect(Object.keys(parts).filter((n) => /chart|drawing/.test(n))).toEqual([]);
    expect(text("xl/sharedStrings.xml")).toMatch(/No chart on this tab/);
  });

  it("has PLANTED.md (which it links) name the cell each planted problem is reported at", async () => {
    const planted = read("tests/fixtures/sample/PLANTED.md");
    const json = JSON.parse(
      (await run(["check", input, "--as-at", args[args.indexOf("--as-at") + 1], "--format", "json"])).stdout,
    ) as { findings: { ruleId: string; sheet: string; cell: string | null }[] };
    const traps = planted.indexOf("## Traps");
    const missed: string[] = [];
    let checked = 0;
    for (const line of planted.slice(0, traps < 0 ? undefined : traps).split("\n")) {
      const c = line.split("|").map((s) => s.trim());
      if (!/^\d+$/.test(c[1] ?? "")) continue;
      const at = /^(.+)!([A-Z]+\d+)$/.exec(c[3]);
      if (!at) continue;
      checked++;
      const hit = json.findings.some((f) => f.ruleId === c[2] && f.sheet === at[1] && f.cell === at[2]);
      if (!hit) {
        const there = json.findings
          .filter(
            (f) =>
              f.ruleId === c[2] &&
              f.sheet === at[1] &&
              f.cell?.replace(/[A-Z]+/, "") === at[2].replace(/[A-Z]+/, ""),
          )
          .map((f) => f.cell);
        missed.push(`#${c[1]} ${c[2]} at ${c[3]} (reported at ${there.join(", ") || "no cell of that row"})`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
    expect(missed).toEqual([]);
  });

  it("the second sample's command shows directions of travel, the history rules and the proposals", async () => {
    const cmd = one(README, /A second sample[\s\S]*?```sh\n([^\n]+)\n```/);
    const a = cliArgs(cmd);
    const { code, stdout } = await run(a.map((x, i) => (i === 1 ? path.join(REPO_ROOT, x) : x)));
    expect(code).toBeLessThan(2);
    for (const arrow of ["↑", "↓", "→"]) expect(stdout).toContain(arrow);
    expect(stdout).toMatch(/risk\/no-change-while-slipping/);
    expect(stdout).toMatch(/risk\/above-appetite/);
    expect(stdout).toMatch(/^Proposed changes for the boards \([1-9]\d*;/m);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The command line

/** "risk-review import A --into B [--x Y]" → its parts, each bracketed option one part, in order of text. */
const usageParts = (line: string): string[] =>
  (line.trim().match(/\[[^\]]+\]|\S+/g) ?? []).map((p) => p.replace(/\s+/g, " ")).sort();

describe("README: the command line", () => {
  const cli = section("The command line");
  const readmeUsage = oneBlock(cli, /```\n(risk-review check[\s\S]*?)```/)
    .trim()
    .split("\n");
  const codeUsage = USAGE.split("\n")
    .filter((l) => l.startsWith("  risk-review "))
    .map((l) => l.trim());

  it.each(["check", "import", "COMMAND"])("shows the CLI's own usage line for %s", (command) => {
    const mine = readmeUsage.find((l) => l.startsWith(`risk-review ${command} `));
    const theirs = codeUsage.find((l) => l.startsWith(`risk-review ${command} `));
    expect(mine).toBeDefined();
    expect(theirs).toBeDefined();
    expect(usageParts(theirs!)).toEqual(usageParts(mine!));
  });

  it("names only options the CLI accepts, each where the README puts it", () => {
    const inputs = path.join(REPO_ROOT, "tests/fixtures/sample/contract-risk-sample.xlsx");
    expect(
      parseArgs(["check", inputs, "--as-at", "2022-10-10", "--format", "json", "--out", "r.xlsx"]),
    ).toMatchObject({
      command: "check",
      asAt: "2022-10-10",
      format: "json",
      out: "r.xlsx",
    });
    expect(
      parseArgs([
        "import",
        "e.csv",
        "--into",
        "w.xlsm",
        "--out",
        "m.xlsm",
        "--register",
        "R",
        "--as-at",
        "2022-10-10",
        "--format",
        "json",
      ]),
    ).toMatchObject({ command: "import", register: "R", asAt: "2022-10-10", format: "json" });
    expect(parseArgs(["--version"])).toEqual({ command: "version" });
    expect(parseArgs(["import", "--help"])).toEqual({ command: "help", topic: "import" });
    // "`--out` must have `--into`'s extension"
    expect(() => parseArgs(["import", "e.csv", "--into", "w.xlsm", "--out", "m.xlsx"])).toThrow(/xlsm/);
  });

  it("says where import's --as-at comes from as `import --help` does", () => {
    // README: "`--as-at` defaults to the workbook's Settings, then today" (import-command.ts does so).
    expect(cli).toMatch(/`--as-at` defaults to the workbook's Settings, then today/);
    const help = usageOf("import")
      .split("\n")
      .find((l) => l.trim().startsWith("--as-at"));
    expect(help).toMatch(/Settings/);
  });

  it("--version prints package.json's version", async () => {
    expect(VERSION).toBe(PACKAGE.version);
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: "" });
  });

  it("prints the JSON keys the README names, for one workbook", async () => {
    const sample = path.join(REPO_ROOT, "tests/fixtures/sample/contract-risk-sample.xlsx");
    const { stdout } = await run(["check", sample, "--as-at", "2022-10-10", "--format", "json"]);
    const j = JSON.parse(stdout) as Record<string, Record<string, unknown>[]>;
    // The README links the project's own page for the contract (it named SPEC.md, which a clone does not hold).
    const keys = one(
      cli,
      /`--format json` prints the contract in \[docs\/json-output\.md\]\(docs\/json-output\.md\), every field of both shapes \(([^)]*\))/,
    );
    const named = [...keys.matchAll(/`(\w+)`/g)].map((m) => m[1]);
    expect(Object.keys(j)).toEqual(["asAt", "sheets", "findings", "escalations", "risks", "proposals"]);
    for (const k of Object.keys(j)) expect(named).toContain(k);
    expect(Object.keys(j.escalations[0])).toContain("trend");
    expect(Object.keys(j.risks[0])).toEqual(expect.arrayContaining(["score", "trend"]));
    expect(Object.keys(j.proposals[0])).toEqual(expect.arrayContaining(["action", "destination", "reason"]));
    // "`recordId` is `null` for a risk with no id, as on its findings"
    expect(j.findings.some((f) => f.ruleId === "risk/missing-id" && f.recordId === null)).toBe(true);
    expect(j.risks.some((r) => r.recordId === null)).toBe(true);
  });

  it("prints the many-workbooks JSON shape the README gives, and exits 2 only when none could be checked", async () => {
    const many = section("The command line");
    const shape = one(many, /`--format json` prints `(\{"asAt", "files"[^`]*\})`/);
    const broken = path.join(tmp, "not-a-workbook.xlsx");
    fs.writeFileSync(broken, "this is not a zip");
    const files = ["contract-risk-sample.xlsx", "contract-risk-history.xlsx"].map((f) =>
      path.join(REPO_ROOT, "tests/fixtures/sample", f),
    );
    const { code, stdout, stderr } = await run([
      "check",
      ...files,
      broken,
      "--as-at",
      "2022-10-10",
      "--format",
      "json",
    ]);
    const j = JSON.parse(stdout) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(j)).toEqual(
      [...shape.matchAll(/"(\w+)"(?!\?)/g)]
        .map((m) => m[1])
        .filter((k) => !["file", "sheets", "error"].includes(k)),
    );
    expect(j.files.map((f) => Object.keys(f))).toEqual([
      ["file", "sheets"],
      ["file", "sheets"],
      ["file", "sheets", "error"],
    ]);
    for (const k of ["findings", "escalations", "proposals"])
      for (const x of j[k]) expect(x).toHaveProperty("file");
    expect(stderr).toContain("not-a-workbook.xlsx");
    expect(code).toBe(1);
  });

  it("reads the folder types it names and refuses by name the ones to re-save", () => {
    const folder = one(cli, /A folder means its ([^;]*?) files, not its subfolders/);
    for (const ext of [...folder.matchAll(/`(\.\w+)`/g)].map((m) => m[1]))
      expect(READABLE_INPUT.test(`x${ext}`)).toBe(true);
    const refused = one(cli, /An ((?:`[^`]+`(?:, | or )?)+) register in the folder is not dropped/);
    for (const ext of [...refused.matchAll(/`(\.\w+)`/g)].map((m) => m[1])) {
      expect(READABLE_INPUT.test(`x${ext}`)).toBe(false);
      expect(resaveProblem(`x${ext}`)).toMatch(/save it as \.xlsx/);
    }
  });

  it("starts one worker per core unless RISK_REVIEW_WORKERS says otherwise", () => {
    expect(README).toMatch(
      /`RISK_REVIEW_WORKERS=N` sets how many worker threads check files at once \(default: one per core\)/,
    );
    const cores =
      typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    expect(poolSize(1000, undefined)).toBe(cores);
    expect(poolSize(1000, "3")).toBe(3);
  });

  it("names environment variables the code reads", () => {
    const sources = [
      ...["src/cli/main.ts", "src/cli/worker-pool.ts", "src/bench/history-bench.ts"].map(read),
      read("webpack.config.js"),
      read("tests/e2e/build.js"),
    ].join("\n");
    const named = [...README.matchAll(/`([A-Z][A-Z_]{5,})=/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(4);
    for (const name of new Set(named))
      expect([name, sources.includes(`process.env.${name}`)]).toEqual([name, true]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Rules and how values are read

describe("README: the rules", () => {
  const ids = new Set(RULES.map((r) => r.meta.id));
  const TYPO_EXAMPLE = "risk/stale-updates"; // the Settings section's example of a mistyped id

  it.each([
    ["README.md", README],
    ["tests/fixtures/sample/PLANTED.md", read("tests/fixtures/sample/PLANTED.md")],
  ])("%s names only rules that exist", (_file, text) => {
    const named = [...text.matchAll(/\b((?:risk|plan|sheet)\/[a-z]+(?:-[a-z]+)*)\b/g)].map((m) => m[1]);
    expect(new Set(named).size).toBeGreaterThanOrEqual(15);
    const unknown = [...new Set(named)].filter((id) => !ids.has(id) && id !== TYPO_EXAMPLE);
    expect(unknown).toEqual([]);
  });

  it("lists the strategy words and outstanding-work phrases the defaults hold", () => {
    const rules = section("The rules");
    const strategies = one(rules, /`risk\/unknown-strategy` \|[^|]*\|[^(]*\(([^)]*)\)/);
    expect(words(strategies).map((w) => w.toLowerCase())).toEqual(
      Object.keys(DEFAULT_SETTINGS.strategyWords),
    );
    const phrases = one(rules, /`plan\/completed-not-evidenced` \|[^|]*\|[^(]*\(([^)]*)\)/);
    for (const p of [...phrases.matchAll(/"([^"]+)"/g)].map((m) => m[1]))
      expect(DEFAULT_SETTINGS.outstandingPhrases).toContain(p);
  });
});

describe("README: how values are read", () => {
  const S = defaultSettings();
  const iso = (v: CellValue, meaning: "deadline" | "lastUpdated", format: string | null = null): string => {
    const r = parseDate(v, format, meaning);
    return r.ok ? isoFromDay(r.value) : `unread: ${r.reason}`;
  };

  it.each([
    ["10/10/2022", "deadline", "2022-10-10"],
    ["12.09.22", "deadline", "2022-09-12"],
    ["10 October 2022", "deadline", "2022-10-10"],
    ["12th Sept 2022", "deadline", "2022-09-12"],
    ["10-Oct-22", "deadline", "2022-10-10"],
    ["Sept 2022", "deadline", "2022-09-30"],
    ["Sept 2022", "lastUpdated", "2022-09-01"],
    ["Q3 2022", "deadline", "2022-09-30"],
    ["2022/23", "deadline", "2023-03-31"],
    ["Q2 2022/23", "deadline", "2022-09-30"],
    ["Q1 2022/23", "lastUpdated", "2022-04-01"],
    ["Q4 2022/23", "deadline", "2023-03-31"],
    ["w/c 12/09/22", "lastUpdated", "2022-09-12"],
    ["w/c 12/09/22", "deadline", "2022-09-18"],
    ["Sept 2022 (revised from June 2022)", "deadline", "2022-09-30"],
    ["31/10/2022 revised", "deadline", "2022-10-31"],
    ["End Q2 2022/23", "deadline", "2022-09-30"],
    ["End of September 2022", "deadline", "2022-09-30"],
    ["By 30/09/2022", "deadline", "2022-09-30"],
    ["No later than 30/09/2022", "deadline", "2022-09-30"],
    ["Before 30/09/2022", "deadline", "2022-09-30"],
    ["Revised to March 2023", "deadline", "2023-03-31"],
    ["Sept 2022 / revised Dec 2022", "deadline", "2022-12-31"],
    ["Q2 – 2022/23", "deadline", "2022-09-30"],
    ["2022-10-09T23:00:00Z", "lastUpdated", "2022-10-10"],
  ] as const)("date %j as a %s is %s", (text, meaning, want) => {
    expect(iso(text, meaning)).toBe(want);
  });

  it("reads an Excel date shown as a month (`Oct-22`) as the month", () => {
    expect(iso(44835, "deadline", "mmm-yy")).toBe("2022-10-31");
    expect(iso(44835, "lastUpdated", "mmm-yy")).toBe("2022-10-01");
  });

  it.each([
    ["28/09/22 – reviewed at RMB", "2022-09-28"],
    ["2022-09-28 – reviewed", "2022-09-28"],
    ["Oct 2022: reviewed", "2022-10-01"],
    ["w/c 12/09/22 – reviewed", "2022-09-12"],
    ["[03/10/2022 09:14] J Smith: reviewed", "2022-10-03"],
    ["Reviewed at the board (RC 12/09/22)", "2022-09-12"],
    ["Mon 03/10/2022 – reviewed", "2022-10-03"],
    ["Update 28/09/22: reviewed", "2022-09-28"],
    ["Review 28/09/22", null],
    ["Due 28/09/22", null],
  ])("dated update line %j is dated %s", (text, want) => {
    const day = latestDatedLine(text, dayFromIso("2022-10-31")!);
    expect(day === null ? null : isoFromDay(day)).toBe(want);
  });

  it.each([
    ["3 - Possible", 3],
    ["High (4)", 4],
    ["4x4=16", 16],
    ["16 (4x4)", 16],
    ["4 x 4", 16],
    ["L4 x I4", 16],
    ["Likely (4) x Major (4)", 16],
    ["L=4, I=4", 16],
    ["4/4", null],
  ])("score %j is %s", (text, want) => {
    expect(README).toContain(text);
    const r = parseScore(text, S.likelihoodWords);
    expect(r.ok ? r.value : null).toBe(want);
  });

  it("reads the bare likelihood and impact words it lists", () => {
    const likelihood = { Rare: 1, "Almost certain": 5, "Very Low": 1, "Very High": 5 };
    const impact = {
      Insignificant: 1,
      Negligible: 1,
      Minor: 2,
      Moderate: 3,
      Major: 4,
      Catastrophic: 5,
      Severe: 5,
      Critical: 5,
    };
    for (const [w, n] of Object.entries(likelihood))
      expect([w, parseScore(w, S.likelihoodWords)]).toEqual([w, { ok: true, value: n }]);
    for (const [w, n] of Object.entries(impact))
      expect([w, parseScore(w, S.impactWords)]).toEqual([w, { ok: true, value: n }]);
  });

  it("reads the strategies as it says, a cell naming two as its first and transferred too", () => {
    const want: Record<string, string> = {
      "Risk Transfer": "transfer",
      Insurance: "transfer",
      Acceptance: "tolerate",
      Avoidance: "terminate",
      Tolerance: "tolerate",
      Treatment: "treat",
      Mitigation: "treat",
      Reduction: "treat",
      Termination: "terminate",
      "Treat/Transfer": "treat",
      "Treat & Insure": "treat",
      "Tolerate, Transfer": "tolerate",
    };
    for (const [text, s] of Object.entries(want)) {
      expect(README).toContain(text);
      expect([text, parseStrategy(text, S.strategyWords)]).toEqual([text, { ok: true, value: s }]);
    }
    for (const two of ["Treat/Transfer", "Treat & Insure", "Tolerate, Transfer"])
      expect(strategiesNamed(two, S.strategyWords)).toContain("transfer");
  });

  it("reads risk and action statuses as it says", () => {
    for (const t of [
      "Closed",
      "Archived",
      "Transferred",
      "Retired",
      "Merged",
      "Superseded",
      "Combined",
      "Closed (30/11/2022)",
    ])
      expect([t, parseRiskState(t, S)]).toEqual([t, "closed"]);
    expect(mergedInto("Merged with HRC-012")).toBe("HRC-012");
    for (const t of [
      "Complete",
      "Completed",
      "Closed",
      "Done",
      "Implemented",
      "Cancelled",
      "Blue",
      "100% complete",
    ])
      expect([t, parseActionState(t, S)]).toEqual([t, "done"]);
    for (const t of ["Red", "Amber", "Green", "50% complete"])
      expect([t, parseActionState(t, S)]).toEqual([t, "open"]);
  });

  it.each([
    ["£120k", 120_000],
    ["120,000", 120_000],
    ["£1.2m", 1_200_000],
    ["c. £0.25m", 250_000],
    ["£120k pa", 120_000],
    ["Up to £75,000", 75_000],
    ["£85,000 (est.)", 85_000],
    ["£50k–£100k", 100_000],
    ["£0", 0],
    ["Nil", 0],
    ["£60k (Q3)", 60_000],
    ["£60,000 (2022/23)", 60_000],
    ["£300k over 3 years", 300_000],
    ["In excess of £250,000", 250_000],
    ["significant", null],
    ["£50k now, £80k by 2025", null],
  ])("money %j is %s", (text, want) => {
    expect(README).toContain(text);
    const r = parseMoney(text);
    expect(r.ok ? r.value : null).toBe(want);
  });

  it("reads a plain number in the unit its header gives", () => {
    expect(moneyUnitOfHeader("Financial Impact (£k)")).toBe(1000);
    expect(moneyUnitOfHeader("Financial Impact £000")).toBe(1000);
    expect(moneyUnitOfHeader("Financial Impact (£m)")).toBe(1_000_000);
    expect(parseMoney(120, 1000)).toEqual({ ok: true, value: 120_000 });
  });

  it("reads Yes as it says, and the placeholders as empty", () => {
    for (const t of ["Yes", "Y", "TRUE", true, "Yes – to Ops Board", "Y (to board)"] as const)
      expect([t, parseYesNo(t)]).toEqual([t, { ok: true, value: true }]);
    const list = one(
      section("The rules"),
      /\*\*Placeholders count as empty\*\* wherever a field is read: ([^.]*?)\./,
    );
    const placeholders = list.replace(/ and Excel error values \(([^)]*)\)/, ", $1").replace(/ and /, ", ");
    expect(words(placeholders)).toHaveLength(13);
    for (const p of words(placeholders)) expect([p, isPlaceholder(p)]).toEqual([p, true]);
  });

  it("compares owners and categories as it says", () => {
    expect(foldOwner("Smith, Jane")).toBe(foldOwner("Jane Smith"));
    expect(foldOwner("J. Smith")).toBe(foldOwner("J Smith"));
    expect(foldOwner("Jane  SMITH (Head of Highways)")).toBe(foldOwner("Jane Smith"));
    expect(foldOwner("J Smith")).not.toBe(foldOwner("Jane Smith"));
    const cats = { Financial: "averse" as const, "Financial and commercial": "open" as const };
    expect(categoryNamedIn(cats, "1. Financial")).toBe("Financial");
    expect(categoryNamedIn(cats, "Financial (2)")).toBe("Financial");
    expect(categoryNamedIn(cats, "financial  &  COMMERCIAL")).toBe("Financial and commercial");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Settings

/** The README's Settings table: setting name → default text. */
const SETTINGS_TABLE = new Map(
  section("Settings")
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| setting") && !l.startsWith("|---"))
    .map((l) => {
      const cells = l.split(" | ");
      return [
        cells[0]
          .slice(2)
          .replace(/ \(`.*$/, "")
          .trim(),
        cells.slice(1).join(" | ").replace(/ \|$/, ""),
      ] as const;
    }),
);
const setting = (name: string): string => {
  const text = SETTINGS_TABLE.get(name);
  if (text === undefined) throw new Error(`README's Settings table has no row "${name}"`);
  return text;
};

/** The Settings sheet with one row's value changed (or a row added), read back. */
function readSheetWith(edits: [string, CellValue][]): ReturnType<typeof settingsFromRows> {
  const rows = settingsToRows(defaultSettings());
  for (const [key, value] of edits) {
    const row = rows.find((r) => r[0] === key);
    if (row) row[1] = value;
    else rows.push([key, value]);
  }
  return settingsFromRows(rows);
}

describe("README: Settings", () => {
  const D = DEFAULT_SETTINGS;

  it("gives the default as-at date, review period and protective marking", () => {
    expect(setting("As-at date")).toMatch(/^blank = today$/);
    expect(D.asAt).toBeNull();
    expect(Number(one(setting("Review period"), /^(\d+) month/))).toBe(D.reviewPeriodMonths);
    expect(one(setting("Protective marking"), /^([A-Z-]+),/)).toBe(D.protectiveMarking);
  });

  it("gives the default RAG bands as the engine bands scores (red is every score above amber's end)", () => {
    const bands = setting("RAG bands");
    const green = range(one(bands, /green (\d+\s*[–-]\s*\d+)/));
    const amber = range(one(bands, /amber (\d+\s*[–-]\s*\d+)/));
    const red = range(one(bands, /red (\d+\s*[–-]\s*\d+)/));
    expect({ green, amber, red }).toEqual({
      green: [1, D.rag.greenMax],
      amber: [D.rag.greenMax + 1, D.rag.amberMax],
      red: [D.rag.amberMax + 1, 25],
    });
  });

  it("gives the default escalation thresholds", () => {
    const t = setting("Escalation thresholds");
    const e = D.escalation;
    expect(Number(one(t, /corporate ≥ (\d+)/))).toBe(e.corporateMinScore);
    expect(range(one(t, /directorate (\d+\s*[–-]\s*\d+)/))).toEqual([
      e.directorateMinScore,
      e.directorateMaxScore,
    ]);
    expect(Number(one(t, /Operations Board ≥ £([\d,]+)/).replace(/,/g, ""))).toBe(e.operationsBoardMinImpact);
    expect(Number(one(t, /Strategic Board ≥ £([\d,]+)/).replace(/,/g, ""))).toBe(e.strategicBoardMinImpact);
    expect(Number(one(t, /or score (\d+)/))).toBe(e.strategicBoardScore);
  });

  it("gives each severity a rule can take", () => {
    expect(one(setting("Rule severities"), /each can be ([^|]*)$/).trim()).toBe(
      "error, warning, info or off",
    );
    const ok = readSheetWith([
      ["ruleSeverities", JSON.stringify({ "risk/no-action": "info", "risk/missing-id": "off" })],
    ]);
    expect(ok.settings.ruleSeverities).toEqual({ "risk/no-action": "info", "risk/missing-id": "off" });
    expect(readSheetWith([["ruleSeverities", '{"risk/no-action":"fatal"}']]).issues.join()).toMatch(
      /error, warning, info or off/,
    );
  });

  it("gives the default word lists", () => {
    const strategies = one(setting("Strategy words"), /^(.*?)\. A Strategy cell/);
    const byStrategy = Object.fromEntries(
      strategies.split("; ").map((part) => {
        const [name, list] = part.split(": ");
        return [name.toLowerCase(), words(list)];
      }),
    );
    expect(byStrategy).toEqual(D.strategyWords);
    expect(words(one(setting("Closed status words"), /^([^:]*):/))).toEqual(D.closedStatusWords);
    expect(words(one(setting("Open status words"), /^([^:]*):/))).toEqual(D.openStatusWords);
    expect(words(one(setting("Done words"), /^([^:]*):/))).toEqual(D.actionDoneWords);
    expect(words(one(setting("Outstanding-work phrases"), /^([^:]*):/))).toEqual(D.outstandingPhrases);
  });

  it("gives likelihood and impact words that are defaults", () => {
    const text = setting("Likelihood and impact words");
    const pairs = [...text.matchAll(/([A-Z][a-z]+(?: [A-Za-z]+)?) = (\d)/g)].map((m) => [m[1], Number(m[2])]);
    expect(pairs.length).toBeGreaterThanOrEqual(6);
    const all = [...D.likelihoodWords, ...D.impactWords].map((w) => [w.word, w.value]);
    for (const p of pairs) expect(all).toContainEqual(p);
  });

  it("gives the appetite defaults", () => {
    const levels = one(setting("Appetite levels"), /highest tolerable score: ([^(]*)\(/).trim();
    const parsed = Object.fromEntries(
      levels.split("; ").map((l) => [l.split(" ")[0].toLowerCase(), Number(l.split(" ")[1])]),
    );
    expect(parsed).toEqual(D.appetite.maxima);
    expect(one(setting("Default appetite level"), /^(\w+),/).toLowerCase()).toBe(D.appetite.defaultLevel);
    expect(D.appetite.categories).toEqual({});
    const example = one(setting("Appetite per category"), /e\.g\. `([^`]+)`/);
    expect(readSheetWith([["appetite.category", example]]).settings.appetite.categories).toEqual({
      "Financial and commercial": "averse",
    });
  });

  it("gives the proposal thresholds, the ranges the sheet and the view accept, and the renumbered share", () => {
    const t = setting("Proposal thresholds");
    const p = D.proposals;
    expect(Number(one(t, /at the last (\d+) monthly points/))).toBe(p.escalateMonthsAbove);
    expect(Number(one(t, /up by (\d+) in a month/))).toBe(p.escalateRise);
    expect(Number(one(t, /target for (\d+) months/))).toBe(p.deEscalateMonths);
    const ranges = [...t.matchAll(/\((\d+)–(\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const keys = ["proposals.escalateMonthsAbove", "proposals.escalateRise", "proposals.deEscalateMonths"];
    expect(ranges).toHaveLength(3);
    keys.forEach((key, i) => {
      const [lo, hi] = ranges[i];
      expect([key, readSheetWith([[key, hi]]).issues]).toEqual([key, []]);
      expect([key, readSheetWith([[key, hi + 1]]).issues.join()]).toEqual([
        key,
        expect.stringContaining(`between ${lo} and ${hi}`),
      ]);
    });
    expect(Number(one(setting("Renumbered titles"), /^(\d+) %/))).toBe(p.renumberTitleShare);
  });

  it("names only keys the Settings sheet has, in column A", () => {
    const sheetKeys = settingsToRows(defaultSettings())
      .slice(2)
      .map((r) => r[0]);
    const text = section("Settings") + section("What each view does");
    const named = [...text.matchAll(/`([a-z]+(?:[A-Z][a-z]*)+|[a-z]+\.[a-zA-Z]+)`/g)].map((m) => m[1]);
    const typo = "reviewPeriodMonth"; // the README's example of a mistyped name
    const keys = [...new Set(named)].filter((k) => k !== typo);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const k of keys) expect([k, sheetKeys.includes(k)]).toEqual([k, true]);
  });

  it("prints the README's stderr warning, word for word, for that cell", () => {
    const example = one(section("Settings"), /\(`(risk-review: warning: [^`]+)`\)/);
    const m = /"([^"]+)": Setting '(\w+)' in [^!]+!B\d+ is '([^']+)'/.exec(example)!;
    const { issues } = readSheetWith([[m[2], m[3]]]);
    expect(issues.map((i) => settingsWarningLine(m[1], i))).toEqual([example]);
  });

  it("reads the sheet as it says: typos named, bad values kept at their defaults", () => {
    const typo = readSheetWith([["reviewPeriodMonth", 2]]);
    expect(typo.issues.join()).toMatch(/did you mean 'reviewPeriodMonths'/);
    const sev = readSheetWith([
      ["ruleSeverities", JSON.stringify({ "risk/stale-updates": "warning", "risk/no-action": " Off " })],
    ]);
    expect(sev.issues.join()).toMatch(/did you mean 'risk\/stale-update'/);
    expect(sev.settings.ruleSeverities).toEqual({ "risk/no-action": "off" });
    const year = readSheetWith([["asAt", 2022]]);
    expect(year.settings.asAt).toBeNull();
    expect(year.issues).toHaveLength(1);
    const overlap = readSheetWith([["rag.greenMax", 12]]);
    expect(overlap.settings.rag).toEqual(D.rag);
    expect(overlap.issues).toHaveLength(1);
    const reversed = readSheetWith([
      ["escalation.directorateMinScore", 16],
      ["escalation.directorateMaxScore", 10],
    ]);
    expect(reversed.settings.escalation).toEqual(D.escalation);
    const emptied = readSheetWith([["closedStatusWords", ""]]);
    expect(emptied.settings.closedStatusWords).toEqual(D.closedStatusWords);
    expect(emptied.issues).toHaveLength(1);
  });

  it("takes the ranges the Settings view allows", () => {
    const s = section("Settings");
    expect(range(one(s, /the review period (\d+–\d+) months/))).toEqual([
      SETTING_RANGES.reviewPeriodMonths.min,
      SETTING_RANGES.reviewPeriodMonths.max,
    ]);
    expect(range(one(s, /green ending at (\d+–\d+)/))).toEqual([
      SETTING_RANGES.greenMax.min,
      SETTING_RANGES.greenMax.max,
    ]);
    expect(range(one(s, /amber at (\d+–\d+)/))).toEqual([
      SETTING_RANGES.amberMax.min,
      SETTING_RANGES.amberMax.max,
    ]);
  });

  it("reads lists written with ; , or one a line, writes a word holding one as JSON, and keeps later versions' rows", () => {
    for (const text of ["done; complete", "done, complete", "done\ncomplete"])
      expect(readSheetWith([["actionDoneWords", text]]).settings.actionDoneWords).toEqual([
        "done",
        "complete",
      ]);
    expect(writeWordList(["closed; archived", "retired"])).toBe('["closed; archived","retired"]');
    const rows: CellValue[][] = [...settingsToRows(defaultSettings()), ["aLaterVersionsSetting", "x"]];
    expect(rowsOfOtherSettings(rows)).toEqual([["aLaterVersionsSetting", "x"]]);
  });

  it("shows in the Settings view all it lists there, and not the two kept on the sheet alone", () => {
    const form = Object.keys(toForm(defaultSettings()));
    for (const k of [
      "asAt",
      "reviewPeriodMonths",
      "greenMax",
      "amberMax",
      "corporateMinScore",
      "appetiteCautious",
      "appetiteDefaultLevel",
      "appetiteCategories",
      "escalateMonthsAbove",
      "escalateRise",
      "deEscalateMonths",
      "likelihoodWords",
      "impactWords",
      "strategyTreat",
      "closedStatusWords",
      "actionDoneWords",
      "outstandingPhrases",
      "protectiveMarking",
      "ruleSeverities",
    ])
      expect(form).toContain(k);
    expect(section("What each view does")).toMatch(
      /The renumbered-title share and the open status words are changed on\s+the Settings sheet itself/,
    );
    expect(form.filter((k) => /renumber|openStatus/i.test(k))).toEqual([]);
  });

  it("names the settings sheet and the owned tabs as the add-in names them", () => {
    expect(README).toContain(`hidden *${OWNED_TAB_NAMES.settings}* sheet`);
    const tabs = one(README, /Print preview of every owned tab \(([^)]*)\)/).split(/,\s*/);
    const owned = Object.entries(OWNED_TAB_NAMES).filter(([kind]) => kind !== "settings");
    expect(tabs.sort()).toEqual(owned.map(([, name]) => name).sort());
  });
});

// ---------------------------------------------------------------------------------------------------------
// Sideloading and deploying

describe("README: sideloading and deploying", () => {
  const manifest = read("manifest.xml");
  const sideload = section("Sideloading the add-in");
  const deploy = section("Deploying it for the team");
  const { productionManifest, normaliseBaseUrl } = require("../../scripts/manifest-urls") as {
    productionManifest(xml: string, base?: string): string;
    normaliseBaseUrl(raw: string): string;
  };

  it("serves the development add-in where the manifest and the dev server say", () => {
    const url = one(sideload, /the manifest points at `(https:\/\/localhost:\d+)`/);
    expect(one(manifest, /<SourceLocation DefaultValue="([^"]+)"/)).toBe(`${url}/taskpane.html`);
    expect(sideload).toContain(`${url}/taskpane.html`);
    const config = (
      require("../../webpack.config.js") as (env: object, argv: object) => { devServer: { port: number } }
    )({}, { mode: "development" });
    expect(config.devServer.port).toBe(Number(new URL(url).port));
  });

  it("starts, stops and serves with the scripts it names", () => {
    expect(PACKAGE.scripts.start).toMatch(/^office-addin-debugging start manifest\.xml/);
    expect(PACKAGE.scripts.stop).toMatch(/^office-addin-debugging stop manifest\.xml/);
    expect(PACKAGE.scripts["dev-server"]).toMatch(/^webpack serve/);
    expect(PACKAGE.scripts.validate).toMatch(/office-addin-manifest validate manifest\.xml/);
  });

  it("needs the Excel API versions it names", () => {
    const min = one(sideload, /It needs an Excel that supports\s+ExcelApi (\d\.\d+)/);
    expect(one(manifest, /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/)).toBe(min);
    const newer = one(
      sideload,
      /\(reading merged cells, growing a table over imported rows: ExcelApi (\d\.\d+)\)/,
    );
    expect(read("src/excel/read-range-areas.ts")).toMatch(
      new RegExp(`supportsExcelApi\\("${newer.replace(".", "\\.")}"\\)[^\\n]*getMergedAreas`),
    );
    expect(read("src/excel/apply-edits.ts")).toContain(`supportsExcelApi("${newer}")`);
    const asked = new Set<string>();
    for (const f of fs.readdirSync(path.join(REPO_ROOT, "src/excel")))
      for (const m of read(`src/excel/${f}`).matchAll(/supportsExcelApi\("([\d.]+)"\)/g)) asked.add(m[1]);
    const above = [...asked].filter((v) => Number(v.split(".")[1]) > Number(min.split(".")[1]));
    expect(above).toEqual([newer]);
  });

  it("puts a Risk Review button on the Home tab", () => {
    expect(sideload).toMatch(/\*\*Risk Review\*\* button on the \*\*Home\*\* tab/);
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<bt:String id="TaskpaneButton.Label" DefaultValue="Risk Review"/>');
  });

  it("builds a manifest for the README's hosting address, and refuses one that is not https", () => {
    const base = one(deploy, /ADDIN_BASE_URL=(\S+) npm run build/);
    const built = productionManifest(manifest, base);
    expect(built).not.toContain("localhost");
    expect(built).toContain(`<SourceLocation DefaultValue="${base}/taskpane.html"/>`);
    expect(built).toContain(`<SupportUrl DefaultValue="${base}/help.html"/>`);
    expect(built).toContain(`<AppDomain>${new URL(base).origin}</AppDomain>`);
    expect(productionManifest(manifest, undefined)).toBe(manifest);
    expect(() => normaliseBaseUrl(base.replace("https:", "http:"))).toThrow(/https/);
  });

  it("ships help.html with a Getting support section naming the IT service desk", () => {
    expect(deploy).toContain("`src/taskpane/help.html`");
    const help = read("src/taskpane/help.html");
    const support = help.slice(help.indexOf("Getting support"));
    expect(help).toContain("Getting support");
    expect(support).toMatch(/IT service desk/);
    expect(read("webpack.config.js")).toContain('{ from: "src/taskpane/help.html", to: "help.html" }');
  });

  it("makes no request at run time but for its own files and office.js", () => {
    const urls: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (/\.(tsx?|html)$/.test(e.name))
          for (const m of read(rel).matchAll(/https?:\/\/[^\s"'`)<>]+/g))
            if (!/schemas\.(openxmlformats|microsoft)\.com|www\.w3\.org|purl\.org/.test(m[0]))
              urls.push(`${rel}: ${m[0]}`);
      }
    };
    walk("src/taskpane");
    walk("src/excel");
    expect(urls.every((u) => u.endsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js"))).toBe(
      true,
    );
  });

  it("asks for the Node.js the package needs", () => {
    const node = one(README, /On a fresh machine \(Node\.js (\d+) and npm\)/);
    expect(PACKAGE.engines.node).toBe(`>=${node}`);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Scripts and the benchmark

describe("README: scripts and the benchmark", () => {
  const bench = section("The benchmark");

  it("names only npm scripts that exist", () => {
    const named = new Set([
      ...[...README.matchAll(/npm run (?:--silent )?([a-z][\w:-]*)/g)].map((m) => m[1]),
      ...[...README.matchAll(/\bnpm (start|stop|test)\b/g)].map((m) => m[1]),
    ]);
    expect(named.size).toBeGreaterThanOrEqual(15);
    for (const s of named) expect([s, s in PACKAGE.scripts]).toEqual([s, true]);
  });

  it("names only compiled scripts `npm run build:cli` writes", () => {
    const tsconfig = read("tsconfig.cli.json");
    const excluded = [...tsconfig.matchAll(/"src\/bench\/([^"]+)"/g)].map(
      (m) => new RegExp(`^${m[1].replace(/\./g, "\\.").replace(/\*/g, ".*")}$`),
    );
    const named = [...README.matchAll(/node (?:--[a-z-]+ )?dist-cli\/([a-z/-]+)\.js/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const n of named) {
      expect([n, fs.existsSync(path.join(REPO_ROOT, "src", `${n}.ts`))]).toEqual([n, true]);
      expect([n, excluded.some((re) => re.test(path.basename(`${n}.ts`)))]).toEqual([n, false]);
    }
  });

  it("names result files the benchmarks write", () => {
    const sources = fs
      .readdirSync(path.join(REPO_ROOT, "src/bench"))
      .map((f) => read(`src/bench/${f}`))
      .join("\n");
    const files = [...bench.matchAll(/`\.bench\/([a-z-]+\.json)`/g)].map((m) => m[1]);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect([f, sources.includes(f)]).toEqual([f, true]);
  });

  it("gives npm run bench's sizes, runs and targets", () => {
    expect(bench).toMatch(/1k, 10k and 100k risks \(two actions each\) \+ a (\d+)-action plan/);
    expect(Number(one(bench, /\+ a (\d+)-action plan/))).toBe(PLAN_ACTIONS);
    expect([runsFor(10_000), runsFor(100_000)]).toEqual([3, 1]); // "up to 10k risks the median of three such runs"
    expect(Number(one(bench, /engine at ([\d,]+) rows a second/).replace(/,/g, ""))).toBe(
      BENCH_TARGETS.engineRowsPerSecond,
    );
    expect(Number(one(bench, /CLI's check within ([\d.]+) × the bare/))).toBe(BENCH_TARGETS.cliOverParse);
    expect(Number(one(bench, /checked under (\d+) MB/)) * 1024 ** 2).toBe(BENCH_TARGETS.peakBytes);
  });

  it("gives the many-workbooks, import and meeting targets", () => {
    expect(Number(one(bench, /the folder within ([\d.]+) × the one file/))).toBe(MANY_TARGETS.manyOverOne);
    expect(Number(one(bench, /import ≤ (\d+) × check/))).toBe(IMPORT_VS_CHECK);
    expect(Number(one(bench, /import ≤ \d+ × check, < (\d+) MB/))).toBe(IMPORT_PEAK_MB);
    expect(Number(one(bench, /CSV\s+< ([\d.]+) GB/)) * 1024).toBe(CSV_PEAK_MB);
    expect(Number(one(bench, /the whole import ≤ (\d+) s/)) * 1000).toBe(IMPORT_TARGET_MS);
    expect(Number(one(bench, /times the meeting's next card \(target < (\d+) ms\)/))).toBe(
      NEXT_CARD_TARGET_MS,
    );
  });

  it("gives the history benchmark's runs and target", () => {
    const src = read("src/bench/history-bench.ts");
    expect(bench).toMatch(/five times each \(`HISTORY_BENCH_RUNS=\d+` for\s+more\)/);
    expect(Number(one(src, /HISTORY_BENCH_RUNS \?\? (\d+)/))).toBe(5);
    const pct = Number(one(bench, /target: the history adds at most (\d+) %/));
    expect(pct / 100).toBe(Number(one(src, /const TARGET_OVERHEAD = ([\d.]+);/)));
  });

  it("gives the task pane's targets and options", () => {
    const pane = read("src/bench/pane-bench.ts");
    const waits = read("src/bench/pane-waits.ts");
    const n = (text: string) => Number(text.replace(/[,_]/g, ""));
    expect(n(one(bench, /read \+ check of 10k risks ≤ ([\d,]+) ms/))).toBe(
      n(one(pane, /readCheckMs: ([\d_]+)/)),
    );
    expect(n(one(bench, /ms in ≤ (\d+) syncs/))).toBe(n(one(pane, /readCheckSyncs: (\d+)/)));
    expect(n(one(bench, /first-load\s+script ≤ (\d+) KB gzipped/))).toBe(
      n(one(pane, /initialGzipBytes: (\d+) \* 1024/)),
    );
    expect(n(one(bench, /gzipped, next card < (\d+) ms/))).toBe(n(one(pane, /nextCardMs: (\d+)/)));
    expect(n(one(bench, /findings on screen ≤ ([\d,]+) ms/))).toBe(
      n(one(waits, /findingsVisibleMs: ([\d_]+)/)),
    );
    expect(n(one(bench, /a key press answered\s+≤ (\d+) ms/))).toBe(n(one(waits, /keyPressMs: (\d+)/)));
    expect(n(one(bench, /a view switch ≤ (\d+) ms/))).toBe(n(one(waits, /viewSwitchMs: (\d+)/)));
    expect(n(one(bench, /at most ([\d,]+) DOM nodes/))).toBe(n(one(waits, /domNodes: ([\d_]+)/)));
    const flags = [...bench.matchAll(/npm run bench:pane -- ([^`]+)`/g)].flatMap((m) => m[1].split(/\s+/));
    expect(flags).toHaveLength(5);
    for (const flag of flags)
      expect([
        flag,
        pane.includes(`"${flag.replace(/^--/, "").replace(/=.*$/, "")}`) ||
          pane.includes(`"${flag.replace(/=.*$/, "")}"`),
      ]).toEqual([flag, true]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The views

describe("README: what each view does", () => {
  const views = section("What each view does");
  const taskpane = (() => {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
        if (e.isDirectory()) walk(`${dir}/${e.name}`);
        else if (/\.tsx?$/.test(e.name)) out.push(read(`${dir}/${e.name}`));
      }
    };
    walk("src/taskpane");
    return out.join("\n");
  })();

  it("has the views the README lists, as many as it says, one tab each", () => {
    const app = read("src/taskpane/App.tsx");
    const tabs = [...one(app, /const TABS[^=]*=\s*\[([\s\S]*?)\];/).matchAll(/label: "([^"]+)"/g)].map(
      (m) => m[1],
    );
    const listed = [...views.matchAll(/^- \*\*(\w+)\*\* —/gm)].map((m) => m[1]);
    const count = one(views, /The task pane has (\w+) views/);
    const numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven"];
    expect(numbers.indexOf(count)).toBe(tabs.length);
    expect([...listed].sort()).toEqual([...tabs].sort());
  });

  it.each([
    ["Check again", /"Check again"/],
    ["Show all 7,412", /`Show all \$\{/],
    ["Mark N cells", /Mark \{[^}]+\} \{[^}]*"cells"\}/],
    ["Remove marks", /Remove marks/],
    ["Accept…", /Accept…/],
    ["Withdraw", />\s*Withdraw\s*</],
    ["Accepted", /Accepted \(\{/],
    ["Accept proposal", /Accept proposal \(Alt\+A\)/],
    ["No change this month", /No change this month</],
    ["Use a sheet in this workbook…", /Use a sheet in this workbook…/],
    ["Same risk", /Same risk/],
    ["Save the pair for later imports", /Save the \{[^}]*"pair"[^}]*\} for later imports/],
    ["Preview changes", /Preview changes/],
    ["Write summary tabs", /Write summary tabs/],
  ])("has the button or list the README calls *%s*", (label, code) => {
    expect(README).toMatch(new RegExp(`\\*{1,2}${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\*{1,2}`));
    expect(taskpane).toMatch(code);
  });

  it("shows a long group's first five findings", () => {
    expect(views).toMatch(/A long group shows its first five/);
    expect(Number(one(read("src/taskpane/components/FindingList.tsx"), /GROUP_FIRST_ROWS = (\d+)/))).toBe(5);
  });

  it("has the meeting's keyboard shortcuts the manual script tries", () => {
    const keys = [
      ...one(README, /12\. The Review view by keyboard alone:([\s\S]*?)each act once/).matchAll(
        /(Alt\+\w|Ctrl\+Enter)/g,
      ),
    ].map((m) => m[1]);
    expect(keys.sort()).toEqual(["Alt+0", "Alt+A", "Alt+N", "Alt+P", "Alt+S", "Ctrl+Enter"]);
    const panel = read("src/taskpane/review/RecordPanel.tsx");
    const labels = [...panel.matchAll(/label: "([^"]+)"/g)].map((m) => m[1]);
    expect(labels.sort()).toEqual(["Alt+0", "Alt+N", "Alt+P", "Alt+S", "Ctrl+Enter"]);
    expect(read("src/taskpane/review/RiskCardPanel.tsx")).toContain('aria-keyshortcuts="Alt+A"');
  });

  it("writes the Update Log and Import Log columns it lists", () => {
    const update = one(views, /adds a row to the Update Log tab\s*\(([^:]*):/)
      .split(/,\s*/)
      .map((w) =>
        w
          .replace(/^and the other /, "")
          .replace(/^the /, "")
          .replace(/ made with it$/, ""),
      );
    // The columns of the Update Log tab the add-in creates, in its order.
    const tab = buildUpdateLogTab({ asAt: "2022-10-10", source: "x", version: "x", marking: "x" });
    const header = tab.rows[UPDATE_LOG_HEADER_ROW].filter((h): h is string => typeof h === "string");
    expect(update).toEqual(header.map((h) => h.toLowerCase()));
    expect([...header].sort()).toEqual([...UPDATE_LOG_HEADER].sort());
    const imported = one(views, /written to the Import Log tab \(([^;]*);/)
      .split(/,\s*/)
      .map((w) => w.replace(/ as .*$/, ""));
    expect(imported).toEqual(IMPORT_LOG_HEADER);
  });
});
