// Builders for the import tests: a council register and an IRIS-style export as plain grids.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { planImport, type PlanImportInput } from "../../../src/core/merge/plan-import";
import { proposeImportMapping } from "../../../src/core/merge/propose-mapping";
import type { ImportPlan, ImportMapping } from "../../../src/core/merge/types";

export const EXPORT_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Risk Score",
  "Risk Response Strategy",
  "Risk Status",
  "Date of Last Review",
  "Review Commentary",
];

/** Serial of 1 September 2022, formatted as a date. */
export const SEP_1 = 44805;

export type Row = CellValue[];

/** An export risk row: id, title, owner, L, I, score, strategy, status, last review serial, commentary. */
export function risk(
  id: string,
  overrides: Partial<Record<(typeof EXPORT_HEADERS)[number], CellValue>> = {},
): Row {
  const base: Record<string, CellValue> = {
    "Risk ID": id,
    "Risk Title": `Title of ${id}`,
    "Risk Owner": "A. Officer",
    "Current Likelihood": 3,
    "Current Impact": 3,
    "Risk Score": 9,
    "Risk Response Strategy": "Treat",
    "Risk Status": "Open",
    "Date of Last Review": SEP_1,
    "Review Commentary": `Commentary ${id}`,
  };
  return EXPORT_HEADERS.map((h) => (h in overrides ? (overrides[h] as CellValue) : base[h]));
}

function dateFormats(rows: Row[], headers: string[], header: string, from: number): (string | null)[][] {
  const col = headers.indexOf(header);
  return rows.map((r, i) => r.map((_, c) => (i >= from && c === col ? "dd/mm/yyyy" : null)));
}

/** The export: a title block, then the header row, then `rows`. */
export function exportGrid(rows: Row[], headers = EXPORT_HEADERS, sheetName = "IRIS Risks"): Grid {
  const all: Row[] = [["IRIS risk export"], ["Exported 10/10/2022"], headers, ...rows];
  return gridFromRows(sheetName, all, {
    origin: "iris.xlsx",
    numberFormats: dateFormats(all, headers, "Date of Last Review", 3),
  });
}

export const REGISTER_HEADERS = [...EXPORT_HEADERS.slice(0, 9), "Council Notes", "Review Commentary"];

/** The council's register: same risks, plus a council-only "Council Notes" column. */
export function registerGrid(rows: Row[], notes: string[] = []): Grid {
  const data = rows.map((r, i) => [...r.slice(0, 9), notes[i] ?? `Council note ${i + 1}`, r[9]]);
  const all: Row[] = [["Highways register"], REGISTER_HEADERS, ...data];
  return gridFromRows("Register", all, {
    origin: "council.xlsx",
    numberFormats: dateFormats(all, REGISTER_HEADERS, "Date of Last Review", 2),
  });
}

export function mappingFor(exportGrids: Grid[]): ImportMapping {
  const m = proposeImportMapping(exportGrids);
  if (!m.ok) throw new Error(m.problem.message);
  return m.value;
}

export function plan(
  exportGrids: Grid[],
  workbookGrids: Grid[],
  extra: Partial<PlanImportInput> = {},
): ImportPlan {
  const r = planImport({
    exportGrids,
    mapping: mappingFor(exportGrids),
    workbookGrids,
    targetRegister: "Register",
    settings: defaultSettings(),
    asAt: "2022-10-10",
    fileName: "iris.xlsx",
    ...extra,
  });
  if (!r.ok) throw new Error(r.problem.message);
  return r.value;
}
