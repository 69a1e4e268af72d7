// The command line as a newcomer first meets it: --help for each command, exit 2 for usage errors, dates checked.

import * as fs from "fs";
import * as path from "path";
import { buildCli, REPO_ROOT, runCli, SAMPLE_XLSX } from "./helpers/cli-build";

jest.setTimeout(180_000);

let build: string;

beforeAll(() => {
  build = buildCli();
});

describe("--help", () => {
  it.each([
    [["--help"], /risk-review check .*\n.*risk-review import /],
    [["check", "--help"], /risk-review check WORKBOOK/],
    [["check", "-h"], /risk-review check WORKBOOK/],
    [["check", SAMPLE_XLSX, "--help"], /risk-review check WORKBOOK/],
    [["import", "--help"], /risk-review import EXPORT/],
    [["import", "export.csv", "--into", "a.xlsx", "--help"], /risk-review import EXPORT/],
  ])("%j prints the usage on stdout and exits 0", (args, usage) => {
    const run = runCli(build, args);
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(usage);
    expect(run.stdout).toMatch(/Exit status: .*2 a usage error/s);
  });

  it("says what each command does, without the other command's options", () => {
    const check = runCli(build, ["check", "--help"]).stdout;
    expect(check).toMatch(/--as-at/);
    expect(check).not.toMatch(/--into/);
    const imp = runCli(build, ["import", "--help"]).stdout;
    expect(imp).toMatch(/--into/);
    expect(imp).toMatch(/--register/);
  });
});

describe("usage errors", () => {
  it.each([
    [["check", SAMPLE_XLSX, "--colour"], /unknown option "--colour" for check/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [
      ["check", SAMPLE_XLSX, "--as-at", "10/10/2022"],
      /--as-at "10\/10\/2022" is not a date written YYYY-MM-DD/,
    ],
  ])("%j exits 2 and says what is wrong", (args, message) => {
    const run = runCli(build, args);
    expect([run.status, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toMatch(message);
  });

  it.each([
    [
      ["check", SAMPLE_XLSX, "--as-at", "2022-02-30"],
      '"2022-02-30" is not a real date: February 2022 has 28 days',
    ],
    [
      ["check", SAMPLE_XLSX, "--as-at", "2024-13-01"],
      '"2024-13-01" is not a real date: there is no month 13',
    ],
    [["check", SAMPLE_XLSX, "--as-at", "2022-10-00"], '"2022-10-00" is not a real date: there is no day 0'],
    [
      ["import", "e.csv", "--into", "a.xlsx", "--out", "b.xlsx", "--as-at", "2023-04-31"],
      '"2023-04-31" is not a real date: April 2023 has 30 days',
    ],
  ])("%j exits 2: written YYYY-MM-DD, but not a real date", (args, message) => {
    const run = runCli(build, args);
    expect([run.status, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toContain(`--as-at ${message}`);
    expect(run.stderr).not.toMatch(/not a date written/);
  });

  it("takes a leap day as the real date it is", () => {
    const run = runCli(build, ["check", SAMPLE_XLSX, "--as-at", "2024-02-29", "--format", "json"]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).asAt).toBe("2024-02-29");
  });
});

describe("the README", () => {
  it("says exit status 2 covers usage errors too", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    expect(readme).toMatch(/Exit status: 0 no error findings; 1 error findings; 2 a usage error/);
    expect(readme).toMatch(/risk-review COMMAND --help/);
  });
});
