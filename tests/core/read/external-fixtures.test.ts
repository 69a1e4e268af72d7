// Real registers written by others (tests/fixtures/external): each is read and checked without throwing.
//
// What the engine made of them (as at 2022-10-10; header rows 1-based):
// - artloric_risk-register.xlsx / .csv: risk-register, header row 1, 13 risks (id, description,
//   likelihood, impact, score, actions, owner, earlyWarning); no strategy or date column, so
//   sheet/missing-column ×2 and every risk gets missing-strategy (noColumn) and stale-update (never).
//   The xlsx's "Risk Summary" pivot and "Heatmap" sheets are unknown.
// - artloric_risk-register-jira-import.csv (each row wrapped in one pair of quotes, BOM): read as a
//   risk-register, header row 1, 13 risks, no id column (sheet/missing-column ×3): a best effort, not empty.
// - cddo_sbd_risk_register_template.xlsx: only "Security Risk Tracker" is a risk-register, header
//   row 2 under the group-header row, help-text row 3 skipped, 14 risks from row 4; Risk Treatment
//   Approach → strategy, Escalate? → escalation, inherent/residual scores split; "Last updated" is
//   blank everywhere (stale-update ×14), no actions (no-action ×14: Mitigating Controls are controls).
//   Its Residual Risk Rating is Low / Medium / High rising with the score on the template's own bands
//   (4 and 6 Low, 8 and 9 Medium): read as its own scale, not a RAG colour, so no rag-mismatch (the
//   sheet's note says so). Ids are "Risk 001": messages say "Risk 001 has …", never "Risk Risk 001".
//   Introduction, Impact Analysis and Threat Analysis are unknown.
// - cddo_sbd_risk_treatment_plan_template.xlsx: an actions sheet, header row 1, 19 actions (due
//   dates are 2023 serials, so nothing is overdue as at 2022-10-10).
// - kunalpatil_infra_programme_Risk_Register.xlsx: risk-register, header row 1, 25 risks, snake_case
//   headers mapped; no strategy column (sheet/missing-column, missing-strategy ×24, one risk closed);
//   Last_Updated serials are in 2024–25 (future-date ×25); Green for score 6 (rag-mismatch ×2: its RAG
//   column is in colour words, which the council's RAG bands judge, unlike CDDO's rating scale).
// - paulgovan_PRMClass2016_RiskRegister.csv: only Cause and Risk columns: unknown, nothing to check.
// - sloppyspeech_misc_RiskRegister.csv: risk-register, header row 1, 55 risks; Mitigation Strategy
//   → actions (not strategy); no strategy or date column.
// - tomchong_ERM_Risk_Register_Template.xlsx: risk-register, header row 6 from column B, one risk
//   (id "00232" keeps its zeros); the notes below the table are not records; "Pre-Event Mitigations
//   (Controls)" is its controls column ("Control Effectiveness" is not), "Needed Action Plans" its actions.
// - trb_construction_Risk_Register.xlsx: risk-register, header row 1, 6 risks; S.No is not taken
//   for an id (sheet/missing-column for id, strategy and last updated).
// - trb_construction_Delay_Register.xlsx: a delay log: every sheet unknown, never a register.

import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../../src/core/check";
import type { Report } from "../../../src/core/model/report";
import { defaultSettings } from "../../../src/core/model/settings";
import { readWorkbookFile } from "../../../src/files/read-workbook-file";
import { EXTERNAL_FIXTURES } from "../../helpers/fixture-paths";

const EXTERNAL = EXTERNAL_FIXTURES;

const files = fs.existsSync(EXTERNAL)
  ? fs
      .readdirSync(EXTERNAL)
      .filter((f) => /\.(xlsx|csv)$/i.test(f))
      .sort()
  : [];

async function check(file: string): Promise<Report> {
  const grids = await readWorkbookFile(fs.readFileSync(path.join(EXTERNAL, file)), file);
  return checkWorkbook(grids, {
    settings: defaultSettings(),
    asAt: "2022-10-10",
    today: "2022-10-10",
    source: file,
  });
}

const reports = new Map<string, Report>();
beforeAll(async () => {
  for (const f of files) reports.set(f, await check(f));
});

const sheetOf = (file: string, name: string) => {
  const s = reports.get(file)?.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`${file} has no sheet ${name}`);
  return s;
};
const fieldsOf = (file: string, name: string) =>
  sheetOf(file, name).columns.flatMap((c) => (c.field ? [c.field] : []));

describe("external registers", () => {
  it("are all there", () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
  });

  it.each(files)("%s is read and checked without throwing, with every finding rendered", (file) => {
    const report = reports.get(file)!;
    expect(report.sheets.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.message).not.toMatch(/\{\w+\}/);
  });

  it("the trb Delay Register is not taken for a risk register", () => {
    const report = reports.get("trb_construction_Delay_Register.xlsx")!;
    expect(report.sheets.map((s) => s.kind)).not.toContain("risk-register");
    expect(report.records.risks).toEqual([]);
  });

  it("kunalpatil's register is a risk-register with its snake_case headers mapped", () => {
    const sheet = sheetOf("kunalpatil_infra_programme_Risk_Register.xlsx", "Risk_Register");
    expect(sheet).toMatchObject({ kind: "risk-register", headerRow: 0, recordCount: 25 });
    expect(fieldsOf("kunalpatil_infra_programme_Risk_Register.xlsx", "Risk_Register")).toEqual(
      expect.arrayContaining([
        "id",
        "likelihood",
        "impact",
        "score",
        "rag",
        "owner",
        "status",
        "lastUpdated",
      ]),
    );
    const findings = reports.get("kunalpatil_infra_programme_Risk_Register.xlsx")!.findings;
    expect(findings.filter((f) => f.ruleId === "sheet/missing-column").map((f) => [f.cell, f.row])).toEqual([
      [null, 1],
    ]);
  });

  it("the CDDO treatment plan is an actions sheet", () => {
    expect(sheetOf("cddo_sbd_risk_treatment_plan_template.xlsx", "Sheet1")).toMatchObject({
      kind: "actions",
      headerRow: 0,
      recordCount: 19,
    });
  });

  it("the CDDO register's tracker: header under the group row, help text skipped, strategy from Risk Treatment Approach", () => {
    const file = "cddo_sbd_risk_register_template.xlsx";
    expect(sheetOf(file, "Security Risk Tracker")).toMatchObject({ kind: "risk-register", headerRow: 1 });
    expect(sheetOf(file, "Impact Analysis").kind).not.toBe("risk-register");
    const risks = reports.get(file)!.records.risks;
    expect(risks[0].row).toBe(3);
    expect(risks[0].fields.id?.text).toBe("Risk 001");
    expect(sheetOf(file, "Security Risk Tracker").columns.find((c) => c.field === "strategy")?.header).toBe(
      "Risk Treatment Approach",
    );
  });

  it("the CDDO register's rating is its own Low/Medium/High scale, not a RAG colour; messages say Risk 001 once", () => {
    const file = "cddo_sbd_risk_register_template.xlsx";
    const report = reports.get(file)!;
    expect(report.findings.filter((f) => f.ruleId === "risk/rag-mismatch")).toEqual([]);
    expect(sheetOf(file, "Security Risk Tracker").note).toMatch(/own Low\/Medium\/High scale/);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.filter((f) => /Risk Risk/.test(f.message))).toEqual([]);
    expect(report.findings.find((f) => f.recordId === "Risk 001")?.message).toMatch(/^Risk 001 /);
  });

  it("kunalpatil's colour words are still judged by the RAG bands", () => {
    const findings = reports.get("kunalpatil_infra_programme_Risk_Register.xlsx")!.findings;
    expect(findings.filter((f) => f.ruleId === "risk/rag-mismatch").map((f) => f.cell)).toEqual([
      "J21",
      "J25",
    ]);
  });

  it("tomchong's Pre-Event Mitigations (Controls) is its controls column", () => {
    const sheet = reports.get("tomchong_ERM_Risk_Register_Template.xlsx")!.sheets[0];
    const header = (field: string) => sheet.columns.find((c) => c.field === field)?.header;
    expect([header("controls"), header("actions")]).toEqual([
      "Pre-Event Mitigations (Controls)",
      "Needed Action Plans",
    ]);
  });

  it("tomchong's template: header row 6 from column B, one risk, notes below are not records", () => {
    const file = "tomchong_ERM_Risk_Register_Template.xlsx";
    const sheet = reports.get(file)!.sheets[0];
    expect(sheet).toMatchObject({ kind: "risk-register", headerRow: 5, recordCount: 1 });
    expect(Math.min(...sheet.columns.map((c) => c.col))).toBe(1);
    expect(reports.get(file)!.records.risks[0].fields.id?.text).toBe("00232");
  });

  it("Mitigation Strategy columns are read as actions, never as the strategy", () => {
    for (const [file, sheet] of [
      ["sloppyspeech_misc_RiskRegister.csv", "sloppyspeech_misc_RiskRegister"],
      ["trb_construction_Risk_Register.xlsx", "Risk Register"],
    ]) {
      const col = sheetOf(file, sheet).columns.find(
        (c) => c.header.trim().toLowerCase() === "mitigation strategy",
      );
      expect([file, col?.field]).toEqual([file, "actions"]);
    }
  });

  it("the malformed Jira CSV gives a best effort, not a silent empty result", () => {
    expect(reports.get("artloric_risk-register-jira-import.csv")!.records.risks.length).toBeGreaterThan(0);
  });
});
