// Every file in tests/fixtures/external (registers written by others) gives grids with data or a FileReadError.

import { readdirSync, readFileSync } from "fs";
import path from "path";
import type { Grid } from "../../src/core/model/grid";
import { FileReadError, readWorkbookFile } from "../../src/files/read-workbook-file";
import { EXTERNAL_FIXTURES, SEED_FIXTURES } from "./helpers";

const files = readdirSync(EXTERNAL_FIXTURES).sort();

async function read(dir: string, name: string): Promise<Grid[] | FileReadError> {
  try {
    return await readWorkbookFile(new Uint8Array(readFileSync(path.join(dir, name))), name);
  } catch (e) {
    if (e instanceof FileReadError) return e;
    throw e;
  }
}

const hasData = (g: Grid): boolean => g.values.some((r) => r.some((v) => v !== null));

describe("external fixtures", () => {
  it("are there to read", () => {
    expect(files.filter((f) => /\.(xlsx|csv)$/.test(f)).length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)("%s gives grids with data or a FileReadError", async (name) => {
    const result = await read(EXTERNAL_FIXTURES, name);
    if (result instanceof FileReadError) {
      expect(result.file).toBe(name);
      expect(result.message).toContain(`"${name}"`);
    } else {
      expect(result.length).toBeGreaterThan(0);
      expect(result.some(hasData)).toBe(true);
      for (const g of result) expect(g.origin).toBe(name);
    }
  });

  it("reads every .xlsx and .csv among them (only the notes file is refused)", async () => {
    const refused: string[] = [];
    for (const name of files)
      if ((await read(EXTERNAL_FIXTURES, name)) instanceof FileReadError) refused.push(name);
    expect(refused).toEqual(files.filter((f) => !/\.(xlsx|csv)$/.test(f)));
  });

  it("unwraps the Jira import CSV whose rows are each wrapped in quotes", async () => {
    const [g] = (await read(EXTERNAL_FIXTURES, "artloric_risk-register-jira-import.csv")) as Grid[];
    expect(g.values[0]).toHaveLength(11);
    expect(g.values[0][0]).toBe("Issue Type");
    expect(g.values.length).toBe(14);
    for (const row of g.values.slice(1)) expect(row).toHaveLength(11);
    expect(g.values[1].slice(0, 2)).toEqual(["Risk", "A1 - Data gaps in CE structures and role-players"]);
    expect(g.values[1][7]).toBe(16);
  });

  it("decodes the artloric CSV's arrows and curly quotes", async () => {
    const [g] = (await read(EXTERNAL_FIXTURES, "artloric_risk-register.csv")) as Grid[];
    const text = g.values
      .flat()
      .filter((v): v is string => typeof v === "string")
      .join(" ");
    expect(text).toContain("→");
    expect(text).toContain("’");
    expect(text).not.toContain("\uFFFD");
  });

  it("keeps the long multi-line quoted cells of the PRM CSV in two columns", async () => {
    const [g] = (await read(EXTERNAL_FIXTURES, "paulgovan_PRMClass2016_RiskRegister.csv")) as Grid[];
    expect(g.values[0]).toEqual(["Cause", "Risk"]);
    expect(g.values.every((r) => r.length <= 2)).toBe(true);
    expect(String(g.values[1][0])).toContain("\n");
  });

  it("trims the construction register's formatted but empty rows", async () => {
    const [g] = (await read(EXTERNAL_FIXTURES, "trb_construction_Risk_Register.xlsx")) as Grid[];
    const last = g.values[g.values.length - 1];
    expect(last.some((v) => v !== null)).toBe(true);
    expect(g.values[0].length).toBeLessThanOrEqual(12);
  });

  it("reads the seed improvement plan with its title above the headers", async () => {
    const grids = (await read(SEED_FIXTURES, "improvement-plan-close-out-v2.xlsx")) as Grid[];
    expect(grids.map((g) => g.sheetName)).toEqual(["Improvement Plan"]);
    expect(grids[0].values[2].slice(0, 2)).toEqual(["No", "Improvement Aim"]);
  });
});
