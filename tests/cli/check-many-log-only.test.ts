// `check FOLDER` where one workbook holds only an Update Log, kept beside the register's file (README "Many
// workbooks"): read as history for the roll-up, listed as checked, never as "Not checked"; alone, nothing to check.

import * as fs from "fs";
import * as path from "path";
import { tempFolder } from "../helpers/test-files";
import { runMain } from "./helpers/main-in-process";
import { d, writeBook, type Cell } from "./helpers/review-book";
import { filePart } from "./helpers/many-text";

const tmp = tempFolder("crr-many-log-only-");
const dated = (row: number): string => (row === 0 ? "mmm-yy" : "dd/mm/yyyy");
const LOG: Cell[][] = [
  ["Date", "Register", "Risk ID", "By", "Update", "No change", "Score", "Strategy"],
  [d(2022, 9, 15), "Highways Register", "HRC-050", "SP", "Payment delays reported", null, 12, "Treat"],
  [d(2022, 10, 3), "Highways Register", "HRC-050", "SP", "Administrators appointed", null, 20, "Treat"],
];
const REGISTER: Cell[][] = [
  ["Risk ID", "Risk Title", "Risk Owner", "Likelihood", "Impact", "Risk Score", "Strategy", "Status"],
  ["HRC-050", "Drainage subcontractor insolvency", "Sam Patel", 4, 5, 20, "Treat", "Open"],
];

describe("a workbook holding only an Update Log, checked with others", () => {
  it("is listed as checked, not as 'Not checked', and says it is read as the history of the risks it names", async () => {
    const dir = path.join(tmp, "with register");
    fs.mkdirSync(dir, { recursive: true });
    await writeBook(path.join(dir, "register.xlsx"), [
      { name: "Highways Register", rows: REGISTER, dateFormat: dated },
    ]);
    await writeBook(path.join(dir, "update log.xlsx"), [
      { name: "Update Log", rows: LOG, dateFormat: dated },
    ]);
    const run = await runMain(["check", dir, "--as-at", "2022-10-10"]);
    expect(run.stdout.split("\n")[0]).toBe("Checked 2 of 2 files as at 2022-10-10.");
    expect(run.stdout).not.toContain("Not checked");
    expect(filePart(run.stdout, "update log.xlsx")).toContain(
      "Holds only an Update Log: read as the history of the risks it names on the other files' registers.",
    );
    expect(run.stderr).toBe("");
  });

  it("alone (a folder of nothing but logs), is nothing to check: exit 2, saying so", async () => {
    const dir = path.join(tmp, "log alone");
    fs.mkdirSync(dir, { recursive: true });
    await writeBook(path.join(dir, "update log.xlsx"), [
      { name: "Update Log", rows: LOG, dateFormat: dated },
    ]);
    const run = await runMain(["check", dir, "--as-at", "2022-10-10"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('found only Update Logs ("update log.xlsx")');
  });
});
