// An import that changes a formula's inputs (README review 28): a register whose Risk Score is `=D2*E2` and
// whose RAG is worked out from that score takes a new likelihood. The formulas stay (SPEC "Formulas"); their
// saved results, now out of date, are dropped so Excel works them out again on opening, and `check MERGED`
// reads the score as likelihood × impact instead of the old result ("score 9 is not likelihood 4 × impact
// 3 = 12"). Formulas whose inputs did not change keep their results.

import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { runMain } from "../cli/helpers/main-in-process";
import { tempFolder } from "../helpers/test-files";
import { withoutResult } from "../../src/files/xlsx/sheet-edit";

jest.setTimeout(120_000);

const tmp = tempFolder("crr-recalculated-");

const HEADERS = ["Risk ID", "Risk Title", "Risk Owner", "Likelihood", "Impact", "Risk Score", "RAG"];
const RAG = (row: number) => `IF(F${row}>=15,"Red",IF(F${row}>=8,"Amber","Green"))`;

/** A register of two risks with formula scores and RAGs, and an export raising HRC-001's likelihood. */
async function writeInputs(): Promise<{ into: string; exportFile: string }> {
  const into = path.join(tmp, "register.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Register");
  ws.addRow(HEADERS);
  ws.addRow(["HRC-001", "Flooding", "Jane Smith", 2, 3, null, null]);
  ws.addRow(["HRC-002", "Gritting", "Jane Smith", 2, 2, null, null]);
  ws.getCell("F2").value = { formula: "D2*E2", result: 6 };
  ws.getCell("G2").value = { formula: RAG(2), result: "Green" };
  ws.getCell("F3").value = { formula: "D3*E3", result: 4 };
  ws.getCell("G3").value = { formula: RAG(3), result: "Green" };
  await wb.xlsx.writeFile(into);
  const exportFile = path.join(tmp, "export.csv");
  fs.writeFileSync(
    exportFile,
    [
      "Risk ID,Risk Title,Risk Owner,Likelihood,Impact",
      "HRC-001,Flooding,Jane Smith,5,3",
      "HRC-002,Gritting,Jane Smith,2,2",
    ].join("\r\n"),
  );
  return { into, exportFile };
}

/** The `<c>` of `ref` in the merged file's Register sheet. */
function cellXmlOf(file: string, ref: string): string {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheet);
  return m ? m[0] : "";
}

describe("import: formulas whose inputs the import changed", () => {
  let merged: string;
  let importText: string;

  beforeAll(async () => {
    const { into, exportFile } = await writeInputs();
    merged = path.join(tmp, "merged.xlsx");
    const run = await runMain([
      "import",
      exportFile,
      "--into",
      into,
      "--out",
      merged,
      "--as-at",
      "2022-10-10",
    ]);
    expect(run.status).toBe(0);
    importText = run.stdout;
  });

  it("keeps the score and RAG formulas of the changed row without their out-of-date results", () => {
    expect(cellXmlOf(merged, "F2")).toBe('<c r="F2"><f>D2*E2</f></c>');
    expect(cellXmlOf(merged, "G2")).toMatch(/^<c r="G2"><f>IF\(F2&gt;=15.*<\/f><\/c>$/);
  });

  it("leaves the formulas of a row the import did not change as they were, results and all", () => {
    expect(cellXmlOf(merged, "F3")).toBe('<c r="F3"><f>D3*E3</f><v>4</v></c>');
    expect(cellXmlOf(merged, "G3")).toMatch(/<v>Green<\/v><\/c>$/);
  });

  it("lists the formulas left for Excel to work out, and counts the score's rise in the movement", () => {
    expect(importText).toContain(
      "Formulas kept, their saved results cleared for Excel to work out again on opening: HRC-001 Risk Score (F2), HRC-001 RAG (G2)",
    );
    expect(importText).toMatch(/Movement: 0 new, 0 closed, 1 score up \(HRC-001\)/);
  });

  it("`check MERGED` reads the score as likelihood × impact, with no mismatch", async () => {
    const run = await runMain(["check", merged, "--as-at", "2022-10-10", "--format", "json"]);
    const json = JSON.parse(run.stdout) as {
      findings: { ruleId: string; severity: string; recordId: string }[];
      risks: { recordId: string; score: number; trend: string }[];
    };
    expect(json.findings.filter((f) => /score-mismatch|rag-mismatch/.test(f.ruleId))).toEqual([]);
    // The import's own re-check of the workbook as it will be read the same: it counted what check counts.
    const errors = json.findings.filter((f) => f.severity === "error").length;
    expect(importText).toContain(`After the import the workbook has ${errors} error`);
    expect(json.risks.map((r) => [r.recordId, r.score])).toEqual([
      ["HRC-001", 15],
      ["HRC-002", 4],
    ]);
  });
});

describe("withoutResult", () => {
  it("takes out the saved result and its type, keeping the formula, style and other attributes", () => {
    expect(withoutResult('<c r="G2" s="3" t="str"><f>IF(F2&gt;1,"a","b")</f><v>a</v></c>')).toBe(
      '<c r="G2" s="3"><f>IF(F2&gt;1,"a","b")</f></c>',
    );
    expect(withoutResult('<c r="F3"><f t="shared" si="0"/><v>4</v></c>')).toBe(
      '<c r="F3"><f t="shared" si="0"/></c>',
    );
  });

  it("reads a part written with a prefix, and an empty result", () => {
    expect(withoutResult('<x:c r="F2" t="n"><x:f>D2*E2</x:f><x:v>9</x:v></x:c>', "x:")).toBe(
      '<x:c r="F2"><x:f>D2*E2</x:f></x:c>',
    );
    expect(withoutResult('<c r="F2"><f>D2*E2</f><v/></c>')).toBe('<c r="F2"><f>D2*E2</f></c>');
  });

  it("leaves a self-closing cell as it is", () => {
    expect(withoutResult('<c r="F2" s="1"/>')).toBe('<c r="F2" s="1"/>');
  });
});
