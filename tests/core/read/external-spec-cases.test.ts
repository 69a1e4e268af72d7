// Wrong results on the real registers written by others (tests/fixtures/external), read against SPEC.md.
// Each test fails on the code as it stands; its assertion is what SPEC says (or, where SPEC is silent,
// what stops a silently misleading result: the comment says so).

import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import type { Report } from "../../../src/core/model/report";
import { defaultSettings } from "../../../src/core/model/settings";
import { readWorkbookFile } from "../../../src/files/read-workbook-file";
import { EXTERNAL_FIXTURES } from "../../helpers/fixture-paths";

async function check(file: string): Promise<Report> {
  const grids = await readWorkbookFile(fs.readFileSync(path.join(EXTERNAL_FIXTURES, file)), file);
  return checkWorkbook(grids, {
    settings: defaultSettings(),
    asAt: "2022-10-10",
    today: "2022-10-10",
    source: file,
  });
}

describe("sloppyspeech_misc_RiskRegister.csv: rows that run past the last header", () => {
  // SPEC is silent on a register row that does not fit its headers ("Misaligned rows" is written for the
  // plan only), so this is the "clearly, silently misleading" case. SPEC "What must never happen": "A bad
  // file, sheet or value ending in … a silent … result … It ends in a plain-English message naming the
  // file, sheet and cell".
  //
  // File sloppyspeech_misc_RiskRegister.csv, sheet sloppyspeech_misc_RiskRegister, header row 1 has ten
  // headers (A–J: … Potential Impact, Likelihood, Severity, Risk Owner, Mitigation Strategy, Contingency
  // Plan). Rows 47, 48, 51 and 52 (R001, R002, R005, R006) were written with unquoted commas in the
  // description ("(e.g., date transformation logic)"), so each has 11–13 cells and everything from E on
  // is shifted right: H47 (Risk Owner) holds "High" (the severity), F47 (Likelihood) holds "Q,Sc" (the
  // impact letters), I47 holds the owner "Technical Lead"; on row 52 H52 and I52 hold "Medium".
  //
  // The code reads R001, R002 and R005 with owner "High" and R006 with owner "Medium" and actions
  // "Medium", drops the cells past J, and says nothing about those rows (no finding on them beyond the
  // generic missing-strategy / stale-update): risk/missing-owner and risk/no-action can never fire for
  // them and an officer is told the owner is "High". Either the row is not read with a rating word as
  // its owner, or it carries a finding that names it as not fitting its headers.
  it("a row with more cells than headers is not silently read with a rating word as its owner", async () => {
    const report = await check("sloppyspeech_misc_RiskRegister.csv");
    const generic = new Set(["risk/missing-strategy", "risk/stale-update", "risk/above-appetite"]);
    const results = ["R001", "R002", "R005", "R006"].map((id) => {
      const risk = report.records.risks.find((r) => r.fields.id?.text === id)!;
      const owner = risk.fields.owner?.text ?? "";
      const flagged = report.findings.some((f) => f.row === risk.row + 1 && !generic.has(f.ruleId));
      return { id, row: risk.row + 1, ownerIsARating: /^(high|medium|low)$/i.test(owner), flagged };
    });
    expect(results.filter((r) => r.ownerIsARating && !r.flagged)).toEqual([]);
  });
});
