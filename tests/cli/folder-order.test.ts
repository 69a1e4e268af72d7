// A folder's workbooks are taken in the order File Explorer lists them (README "Many workbooks"): case
// aside, and numbers as numbers, so the report and the roll-up follow the officer's folder, not the
// character codes ("Register 10" before "Register 2", "Zeta" before "alpha").

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { byFileName } from "../../src/cli/check-many";
import { buildCli, runCli } from "./helpers/cli-build";
import { HEADER, risk, writeWorkbook } from "./helpers/registers";

jest.setTimeout(180_000);

describe("byFileName", () => {
  it.each([
    [
      ["Register 10.xlsx", "Register 2.xlsx", "Register 1.xlsx"],
      ["Register 1.xlsx", "Register 2.xlsx", "Register 10.xlsx"],
    ],
    [
      ["Zeta.xlsx", "alpha.xlsx", "Beta.csv"],
      ["alpha.xlsx", "Beta.csv", "Zeta.xlsx"],
    ],
    [
      ["Place 2022-10.xlsx", "Place 2022-9.xlsx"],
      ["Place 2022-9.xlsx", "Place 2022-10.xlsx"],
    ],
  ])("orders %j as %j", (given, expected) => {
    expect([...given].sort(byFileName)).toEqual(expected);
  });

  it("still gives one order to names that differ only in case (the same on every machine)", () => {
    expect(["b.xlsx", "B.xlsx"].sort(byFileName)).toEqual(["B.xlsx", "b.xlsx"]);
    expect(["B.xlsx", "b.xlsx"].sort(byFileName)).toEqual(["B.xlsx", "b.xlsx"]);
  });
});

describe("check FOLDER", () => {
  let tmp: string;
  let build: string;

  beforeAll(async () => {
    build = buildCli();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-folder-order-"));
    for (const [file, id] of [
      ["Register 10.xlsx", "R-10"],
      ["register 2.xlsx", "R-2"],
      ["Corporate.xlsx", "C-1"],
    ])
      await writeWorkbook(path.join(tmp, file), { Register: [HEADER, risk(id, `Risk ${id}`, "Ann Lee")] });
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("reports the files in the folder's order, case aside and numbers as numbers", () => {
    const run = runCli(build, ["check", tmp, "--as-at", "2022-10-10", "--format", "json"]);
    const json = JSON.parse(run.stdout) as { files: { file: string }[] };
    expect(json.files.map((f) => f.file)).toEqual(["Corporate.xlsx", "register 2.xlsx", "Register 10.xlsx"]);
  });
});
