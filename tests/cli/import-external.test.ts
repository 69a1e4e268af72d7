// Every file in tests/fixtures/external/ (registers written by others) tried as an IRIS export into a
// generated council register: each gives a plan or a plain problem / FileReadError, never a stack trace.
//
// What the importer made of each (as at 2022-10-10, into a one-risk register "CNL-1": a council's own id, which
// no file holds; an "R-1" would be sloppyspeech's R001, the same id typed with its zeros, see idKey):
//   ORIGIN.md                                   FileReadError unsupported-type: not an .xlsx or .csv file
//   artloric_risk-register-jira-import.csv      no-id-column: a Jira import (Summary, Description, Priority …) has no risk id column
//   artloric_risk-register.csv                  plan: 13 new risks (Risk ID, Description, Probability→likelihood, Mitigation→actions …), R-1 flagged
//   artloric_risk-register.xlsx                 plan: the same 13 risks from sheet "Risk Register"
//   cddo_sbd_risk_register_template.xlsx        plan: sheet "Security Risk Tracker", header row 3, 14 new; 24 columns not carried (threat modelling columns)
//   cddo_sbd_risk_treatment_plan_template.xlsx  duplicate-ids: a treatment plan lists "Risk 001" on rows 2, 3 and 4 (one row per treatment)
//   kunalpatil_infra_programme_Risk_Register.xlsx  plan: 25 new (Risk_ID, Likelihood_1_5, Current_Status … matched through underscores)
//   paulgovan_PRMClass2016_RiskRegister.csv     no-risk-sheet: no row in the first 20 has a risk id header
//   sloppyspeech_misc_RiskRegister.csv          plan: 55 new (Severity→impact, Mitigation Strategy→actions)
//   tomchong_ERM_Risk_Register_Template.xlsx    plan: sheet "Sheet1", header row 7 below a title block, 1 new (the template's example row)
//   trb_construction_Delay_Register.xlsx        no-risk-sheet: a delay register, not risks
//   trb_construction_Risk_Register.xlsx         no-id-column: risks, but no id column to match them by

import { readdirSync, readFileSync } from "fs";
import path from "path";
import { gridFromRows } from "../../src/core/model/grid";
import { defaultSettings } from "../../src/core/model/settings";
import { planImport } from "../../src/core/merge/plan-import";
import { proposeImportMapping } from "../../src/core/merge/propose-mapping";
import { FileReadError, readWorkbookFile } from "../../src/files/read-workbook-file";
import { EXTERNAL_FIXTURES } from "../helpers/fixture-paths";

const DIR = EXTERNAL_FIXTURES;
const files = readdirSync(DIR).sort();

const register = gridFromRows("Register", [
  [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Likelihood",
    "Impact",
    "Risk Score",
    "Strategy",
    "Status",
    "Latest Update",
    "Council Notes",
  ],
  ["CNL-1", "A risk", "Bob", 3, 3, 9, "Treat", "Open", "ok", "ours"],
]);

type Outcome =
  | { kind: "plan"; added: number }
  | { kind: "problem"; code: string; message: string }
  | { kind: "unreadable"; code: string; message: string };

async function importFile(name: string): Promise<Outcome> {
  let grids;
  try {
    grids = await readWorkbookFile(new Uint8Array(readFileSync(path.join(DIR, name))), name);
  } catch (e) {
    if (e instanceof FileReadError) return { kind: "unreadable", code: e.code, message: e.message };
    throw e;
  }
  const m = proposeImportMapping(grids, null, "2022-10-10");
  if (!m.ok) return { kind: "problem", code: m.problem.code, message: m.problem.message };
  const p = planImport({
    exportGrids: grids,
    mapping: m.value,
    workbookGrids: [register],
    targetRegister: "Register",
    settings: defaultSettings(),
    asAt: "2022-10-10",
    fileName: name,
  });
  if (!p.ok) return { kind: "problem", code: p.problem.code, message: p.problem.message };
  // Council Notes is never written, and the council's CNL-1 (absent from every file) is flagged, not deleted.
  expect(p.value.risks.added.flatMap((r) => r.cells).some((c) => c.header === "Council Notes")).toBe(false);
  expect(p.value.risks.missing.map((x) => x.label)).toEqual(["CNL-1"]);
  return { kind: "plan", added: p.value.risks.added.length };
}

const EXPECTED: Record<string, string> = {
  "ORIGIN.md": "unreadable unsupported-type",
  "artloric_risk-register-jira-import.csv": "problem no-id-column",
  "artloric_risk-register.csv": "plan 13",
  "artloric_risk-register.xlsx": "plan 13",
  "cddo_sbd_risk_register_template.xlsx": "plan 14",
  "cddo_sbd_risk_treatment_plan_template.xlsx": "problem duplicate-ids",
  "kunalpatil_infra_programme_Risk_Register.xlsx": "plan 25",
  "paulgovan_PRMClass2016_RiskRegister.csv": "problem no-risk-sheet",
  "sloppyspeech_misc_RiskRegister.csv": "plan 55",
  "tomchong_ERM_Risk_Register_Template.xlsx": "plan 1",
  "trb_construction_Delay_Register.xlsx": "problem no-risk-sheet",
  "trb_construction_Risk_Register.xlsx": "problem no-id-column",
};

describe("external fixtures as IRIS exports", () => {
  it("are all listed above", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)("%s gives a plan or a plain message naming the file", async (name) => {
    const outcome = await importFile(name);
    const summary = outcome.kind === "plan" ? `plan ${outcome.added}` : `${outcome.kind} ${outcome.code}`;
    expect(summary).toBe(EXPECTED[name]);
    if (outcome.kind !== "plan") {
      expect(outcome.message).toContain(`"${name}"`);
      expect(outcome.message).not.toMatch(/\n\s+at |Error:|undefined|\[object/);
    }
  });
});
