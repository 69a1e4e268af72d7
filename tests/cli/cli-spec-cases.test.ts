// `risk-review check` against SPEC "Command line" ("Many workbooks") and "Writing files" ("Terminal"), in
// cases a review found wrong: each test failed when it was written. Each builds small workbooks, runs the
// compiled command line and compares what it prints and its exit status with SPEC.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCli, runCli } from "./helpers/cli-build";
import { HEADER, risk, writeWorkbook } from "./helpers/registers";

jest.setTimeout(180_000);

const AS_AT = "2022-10-10";

/** C0 control characters and DEL: none may reach the terminal (SPEC "Writing files", "Terminal"). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

let build: string;
let tmp: string;

beforeAll(() => {
  build = buildCli();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-cli-spec-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

it("never passes a cell's control characters to the terminal in the across-files part of a check over many files", async () => {
  // SPEC "Writing files": "Terminal: text output never passes a cell's control characters (ESC, CR, BEL …)
  // to the terminal; they are shown as `\x1b`, `\r` and so on." The same risk on two files with different
  // owners: the owner conflict and the "Risks on more than one file" table print the cells' ESC and BEL raw.
  const dir = fs.mkdtempSync(path.join(tmp, "ctl-"));
  // `_x001B_` is how a workbook holds ESC in a cell (SPEC "Characters").
  await writeWorkbook(path.join(dir, "corporate.xlsx"), {
    Register: [HEADER, risk("R-1", "Gritting _x001B_[31mfleet", "Ann _x001B_]0;title_x0007_")],
  });
  await writeWorkbook(path.join(dir, "highways.xlsx"), {
    Register: [HEADER, risk("R-1", "Gritting _x001B_[31mfleet", "Carl")],
  });
  const run = runCli(build, ["check", dir, "--as-at", AS_AT]);
  expect(run.stdout).toContain("Across files:");
  expect(run.stdout).not.toMatch(CONTROL);
  expect(run.stdout).toContain("Gritting \\x1b[31mfleet");
  expect(run.stderr).not.toMatch(CONTROL);
});

it("prints a file that could not be checked the same way in a folder as alone: its name's control characters shown, not obeyed", async () => {
  // SPEC "Many workbooks": "Each file is read and checked on its own"; checked alone, the message on stderr
  // shows the ESC in the file's name as `\x1b` (main.ts makes every message terminal-safe). In a folder the
  // same file's message goes to stderr and stdout with the ESC raw, which clears an officer's screen.
  const dir = fs.mkdtempSync(path.join(tmp, "name-"));
  await writeWorkbook(path.join(dir, "good.xlsx"), { Register: [HEADER, risk("R-1", "Gritting", "Ann")] });
  const bad = path.join(dir, "bad\u001b[2J.xlsx");
  fs.writeFileSync(bad, "not a workbook");

  const alone = runCli(build, ["check", bad, "--as-at", AS_AT]);
  expect(alone.status).toBe(2);
  expect(alone.stderr).toContain("bad\\x1b[2J.xlsx");

  const many = runCli(build, ["check", dir, "--as-at", AS_AT]);
  expect(many.status).toBe(0);
  expect(many.stderr).toContain("bad\\x1b[2J.xlsx");
  expect(many.stderr).not.toMatch(CONTROL);
  expect(many.stdout).not.toMatch(CONTROL);
});

it("checks a FOLDER whose name has a dot in it (FY22.q3), as SPEC's `check … | FOLDER` allows", async () => {
  // SPEC "Command line": `risk-review check WORKBOOK.(xlsx|xlsm|csv)... | FOLDER`; "`check` takes several
  // files or a folder (its .xlsx, .xlsm and .csv files, not its subfolders)". A folder called "FY22.q3"
  // is refused as a usage error ('"FY22.q3" is not a .xlsx, .xlsm or .csv file'), exit 2.
  const dir = path.join(tmp, "FY22.q3");
  fs.mkdirSync(dir);
  await writeWorkbook(path.join(dir, "corporate.xlsx"), {
    Register: [HEADER, risk("R-1", "Gritting", "Ann")],
  });
  const run = runCli(build, ["check", dir, "--as-at", AS_AT, "--format", "json"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const json = JSON.parse(run.stdout) as { files: { file: string; error?: string }[] };
  expect(json.files).toEqual([expect.objectContaining({ file: "corporate.xlsx" })]);
  expect(json.files[0].error).toBeUndefined();
});

it("refuses an unknown short option (-o REVIEW.xlsx) as a usage error, exit 2, rather than reading it as files", async () => {
  // SPEC "Command line": "Exit status: … 2 a usage error". `check a.xlsx -o review.xlsx` (an officer's
  // guess at --out) is taken as three inputs: "-o" and "review.xlsx" are reported as missing files, the
  // workbook is checked, no review is written, and the exit status is 0, as if all went well.
  const dir = fs.mkdtempSync(path.join(tmp, "short-"));
  const input = path.join(dir, "corporate.xlsx");
  await writeWorkbook(input, { Register: [HEADER, risk("R-1", "Gritting", "Ann")] });
  const review = path.join(dir, "review.xlsx");
  const run = runCli(build, ["check", input, "-o", review, "--as-at", AS_AT]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("-o");
  expect(run.stdout).toBe("");
  expect(fs.existsSync(review)).toBe(false);
});

it("re-runs `check FOLDER --out FOLDER/roll-up.xlsx`: last run's roll-up (and an older one) are left out, not read as registers", async () => {
  // A council's scheduled task writes the roll-up into the folder it checks. The second run refused
  // ("--out … is the input file"), and a roll-up kept from an earlier month was reported as a file that
  // "holds no improvement plan, risk register or actions sheet". A workbook whose tabs are all
  // risk-review's own is a review, not an input: it is left out with one plain line, and the roll-up is
  // written again.
  const dir = fs.mkdtempSync(path.join(tmp, "rerun-"));
  await writeWorkbook(path.join(dir, "corporate.xlsx"), {
    Register: [HEADER, risk("R-1", "Gritting", "Ann")],
  });
  await writeWorkbook(path.join(dir, "highways.xlsx"), {
    Register: [HEADER, risk("R-2", "Drainage", "Carl")],
  });
  const out = path.join(dir, "roll-up.xlsx");
  const first = runCli(build, ["check", dir, "--out", out, "--as-at", AS_AT]);
  expect(first.status).toBe(0);
  fs.copyFileSync(out, path.join(dir, "roll-up-september.xlsx"));
  const before = fs.statSync(out).mtimeMs;

  const again = runCli(build, ["check", dir, "--out", out, "--as-at", AS_AT, "--format", "json"]);
  expect(again.status).toBe(0);
  const json = JSON.parse(again.stdout) as { files: { file: string; error?: string }[] };
  expect(json.files.map((f) => f.file)).toEqual(["corporate.xlsx", "highways.xlsx"]);
  expect(json.files.every((f) => f.error === undefined)).toBe(true);
  expect(again.stderr).toContain('"roll-up-september.xlsx" is a review risk-review wrote');
  expect(again.stderr).not.toContain("holds no improvement plan");
  expect(fs.statSync(out).mtimeMs).toBeGreaterThanOrEqual(before);

  const text = runCli(build, ["check", dir, "--out", out, "--as-at", AS_AT]);
  expect(text.status).toBe(0);
  expect(text.stdout).toContain("Checked 2 of 2 files");
  expect(text.stdout).toContain(`Wrote ${out}`);
});

it("still refuses `check FOLDER --out FOLDER/register.xlsx` when that file is an officer's register, and leaves it as it was", async () => {
  const dir = fs.mkdtempSync(path.join(tmp, "own-out-"));
  const register = path.join(dir, "corporate.xlsx");
  await writeWorkbook(register, { Register: [HEADER, risk("R-1", "Gritting", "Ann")] });
  await writeWorkbook(path.join(dir, "highways.xlsx"), {
    Register: [HEADER, risk("R-2", "Drainage", "Carl")],
  });
  const bytes = fs.readFileSync(register);
  const run = runCli(build, ["check", dir, "--out", register, "--as-at", AS_AT]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("never changes its inputs");
  expect(fs.readFileSync(register).equals(bytes)).toBe(true);
});

it("still refuses `check a.xlsx b.xlsx --out b.xlsx` when b is an officer's register named among the files, and leaves it as it was", async () => {
  // A file named among the inputs, like one in a folder, may be --out only when it is a review risk-review
  // wrote (last run's roll-up a shell's `*.xlsx` picked up).
  const dir = fs.mkdtempSync(path.join(tmp, "named-out-"));
  const register = path.join(dir, "corporate.xlsx");
  const other = path.join(dir, "highways.xlsx");
  await writeWorkbook(register, { Register: [HEADER, risk("R-1", "Gritting", "Ann")] });
  await writeWorkbook(other, { Register: [HEADER, risk("R-2", "Drainage", "Carl")] });
  const bytes = fs.readFileSync(register);
  const run = runCli(build, ["check", other, register, "--out", register, "--as-at", AS_AT]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("never changes its inputs");
  expect(fs.readFileSync(register).equals(bytes)).toBe(true);
});
