// `risk-review check A.xlsx B.xlsx --out roll-up.xlsx` (SPEC "Many workbooks"; "Owned tabs": "A risk that
// stands on several registers (the same risk by id and title) is counted once and shown once … Every count
// adds up"). Within ONE file, a risk on two registers is one risk in the roll-up, as in that file's own
// summary tabs (countOnce); the same risk in another file is still joined across files (Source column).
// Run in-process through main() (the checks run one after another; the report is the same).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runMain } from "./helpers/main-in-process";
import { HEADER, risk, scoredRisk, writeWorkbook } from "./helpers/registers";

jest.setTimeout(60_000);

const AS_AT = "2022-10-10";

/** A risk scored 4 × 5 = 20 (red): routed on to the boards. */
const scored20 = (id: string, title: string, owner: string) => scoredRisk(id, title, owner, 4, 5, "Red");

async function tabRows(file: string, name: string): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: ExcelJS.CellValue[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

/** The text of a cell, whether plain or a hyperlink. */
const text = (v: ExcelJS.CellValue): string =>
  v && typeof v === "object" && "text" in v
    ? String((v as ExcelJS.CellHyperlinkValue).text)
    : String(v ?? "");

let tmp: string;
let directorate: string;
let corporate: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-check-many-rollup-once-"));
  // HRC-001 stands on both registers of the directorate's workbook: one risk.
  directorate = path.join(tmp, "directorate.xlsx");
  await writeWorkbook(directorate, {
    "Directorate Register": [
      HEADER,
      scored20("HRC-001", "Winter gritting fleet", "Ann Lee"),
      risk("HRC-002", "Depot lease", "Nadia Khan"),
    ],
    "Contract Risks": [HEADER, scored20("HRC-001", "Winter gritting fleet", "Ann Lee")],
  });
  corporate = path.join(tmp, "corporate.xlsx");
  await writeWorkbook(corporate, {
    "Corporate Register": [HEADER, risk("CR-1", "Budget overspend", "Richard Cole")],
  });
});
afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("check A.xlsx B.xlsx --out: a risk on two registers of one file", () => {
  it("is counted once and shown once in the roll-up, as in the file's own summary tabs", async () => {
    const out = path.join(tmp, "roll-up.xlsx");
    const run = await runMain(["check", directorate, corporate, "--as-at", AS_AT, "--out", out]);
    expect(run.stderr).toBe("");

    // Risk Summary: HRC-001, HRC-002 and CR-1 are three open risks, HRC-001 named on both registers.
    const summary = await tabRows(out, "Risk Summary");
    expect(summary.find((r) => r[0] === "Open")?.[1]).toBe(3);
    expect(summary.find((r) => r[0] === "Closed")?.[1]).toBe(0);
    const shared = summary.find((r) => r[0] === "Open risks on more than one register, counted once");
    expect(shared?.[1]).toBe(1);
    expect(shared?.[2]).toBe("HRC-001 (Directorate Register, Contract Risks)");
    expect(summary.find((r) => r[0] === "Red")?.[1]).toBe(1);

    // Escalation: HRC-001 shown once in each block it is routed to, naming the other register.
    const escalation = await tabRows(out, "Escalation");
    const blocks = escalation.filter((r) => /^.+ \(\d+ risks?\)$/.test(text(r[0])));
    expect(blocks.length).toBeGreaterThan(0);
    const routed = blocks.filter((r) => !text(r[0]).startsWith("Proposed changes"));
    expect(routed.some((r) => !/\(0 risks\)$/.test(text(r[0])))).toBe(true);
    for (const block of routed) expect(text(block[0])).toMatch(/\((0 risks|1 risk)\)$/);
    const hrc = escalation.filter((r) => r[0] === "HRC-001");
    const blocksWithIt = routed.filter((r) => !/\(0 risks\)$/.test(text(r[0]))).length;
    expect(hrc).toHaveLength(blocksWithIt);
    for (const r of hrc) {
      expect(text(r[10])).toBe("Directorate Register!A2; also on Contract Risks!A2");
      expect(r[12]).toBe("directorate.xlsx");
    }

    // The count line agrees with the roll-up: one risk to escalate.
    expect(run.stdout).toMatch(/^All files: .*; 1 risk to escalate; 0 proposals\.$/m);
  });

  it("still joins the same risk held by another file: shown once, Source naming both files", async () => {
    const other = path.join(tmp, "contract.xlsx");
    await writeWorkbook(other, {
      "Contract Register": [HEADER, scored20("HRC-001", "Winter gritting fleet", "Ann Lee")],
    });
    const out = path.join(tmp, "roll-up-2.xlsx");
    const run = await runMain(["check", directorate, other, "--as-at", AS_AT, "--out", out]);
    expect(run.stderr).toBe("");

    // HRC-001 (three rows over two files) and HRC-002: two open risks.
    const summary = await tabRows(out, "Risk Summary");
    expect(summary.find((r) => r[0] === "Open")?.[1]).toBe(2);
    expect(summary.find((r) => r[0] === "Red")?.[1]).toBe(1);

    const escalation = await tabRows(out, "Escalation");
    const routed = escalation.filter(
      (r) => /^.+ \(\d+ risks?\)$/.test(text(r[0])) && !text(r[0]).startsWith("Proposed changes"),
    );
    for (const block of routed) expect(text(block[0])).toMatch(/\((0 risks|1 risk)\)$/);
    const hrc = escalation.filter((r) => r[0] === "HRC-001");
    expect(hrc).toHaveLength(routed.filter((r) => !/\(0 risks\)$/.test(text(r[0]))).length);
    for (const r of hrc) expect(r[12]).toBe("directorate.xlsx, contract.xlsx");
    expect(run.stdout).toMatch(/^All files: .*; 1 risk to escalate; 0 proposals\.$/m);
  });
});
