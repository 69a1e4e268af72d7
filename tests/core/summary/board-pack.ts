// Builders for the board-pack review: registers laid out as a council officer keeps them (any headers, rows
// given by header), the engine run as the command line runs it, and the tabs read back by block and as written.

import { Workbook } from "exceljs";
import { checkWorkbook } from "../../../src/core/check";
import type { CellValue } from "../../../src/core/model/grid";
import type { OwnedCell, OwnedTab } from "../../../src/core/model/owned-tab";
import type { Report } from "../../../src/core/model/report";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";
import { buildSummaryTabs } from "../../../src/core/summary";
import { writeOwnedTabsWorkbook } from "../../../src/files/write-owned-tabs";
import { grid, type SheetSpec } from "../rules/harness";

/** A sheet with a title row, then `headers`, then one row per object (cells looked up by header). */
export function sheetOf(
  name: string,
  headers: string[],
  rows: Record<string, CellValue>[],
  title: string | null = "Contract risk register",
): SheetSpec {
  const data = rows.map((r) => headers.map((h) => (h in r ? r[h] : null)));
  return { name, rows: [...(title ? [[title]] : []), headers, ...data] };
}

/** The register an officer keeps for the board pack (data starts on row 3). */
export const OFFICER_HEADERS = [
  "Risk Ref",
  "Risk Title",
  "Service Annex",
  "Risk Owner",
  "Date Raised",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "RAG Status",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Latest Update",
  "Risk Status",
  "Financial Impact (£)",
  "Escalate?",
  "Transferred To",
];

/** A well-kept open risk as at 10/10/2022 (raised January 2022, reviewed 01/10/2022, score 3 × 4 = 12). */
export function officerRisk(over: Record<string, CellValue> = {}): Record<string, CellValue> {
  const l = (over["Current Likelihood"] ?? 3) as number;
  const i = (over["Current Impact"] ?? 4) as number;
  return {
    "Risk Ref": "HRC-001",
    "Risk Title": "Pothole claims rise after winter",
    "Service Annex": "Highways",
    "Risk Owner": "Jane Smith",
    "Date Raised": "10/01/2022",
    "Current Likelihood": l,
    "Current Impact": i,
    "Current Risk Score": typeof l === "number" && typeof i === "number" ? l * i : null,
    "RAG Status": null,
    "Risk Response Strategy": "Treat",
    "Mitigating Actions": "Increase safety inspections",
    "Date of Last Review": "01/10/2022",
    "Latest Update": "Inspections increased",
    "Risk Status": "Open",
    ...over,
  };
}

export function officerRegister(
  rows: Record<string, CellValue>[],
  name = "Contract Risks",
  headers = OFFICER_HEADERS,
): SheetSpec {
  return sheetOf(name, headers, rows);
}

export const AS_AT = "2022-10-10";

export function run(
  sheets: SheetSpec[],
  over: Partial<Settings> = {},
): { report: Report; tabs: OwnedTab[]; settings: Settings } {
  const settings = { ...defaultSettings(), ...over };
  const report = checkWorkbook(sheets.map(grid), {
    settings,
    asAt: AS_AT,
    today: AS_AT,
    source: "Board Pack Oct 2022.xlsx",
  });
  return { report, settings, tabs: buildSummaryTabs(report, settings, { version: "9.9.9" }) };
}

export const tabNamed = (tabs: OwnedTab[], name: string): OwnedTab => {
  const t = tabs.find((x) => x.name === name);
  if (!t) throw new Error(`no tab ${name}: ${tabs.map((x) => x.name).join(", ")}`);
  return t;
};

const isMarker = (c: OwnedCell): boolean => typeof c === "string" && c.startsWith("⟦");

/** Rows of a tab from the one whose first cell starts with `title` up to the next blank row (title included). */
export function section(tab: OwnedTab, title: string): OwnedCell[][] {
  const start = tab.rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(title));
  if (start < 0) throw new Error(`no section "${title}" on ${tab.name}`);
  const out: OwnedCell[][] = [];
  for (
    let i = start;
    i < tab.rows.length && tab.rows[i].some((c) => c !== null && c !== "" && !isMarker(c));
    i++
  )
    out.push(tab.rows[i]);
  return out;
}

/** The data rows of an Escalation destination block (after its title and header), "None" rows left out. */
export function escalationBlock(tabs: OwnedTab[], title: string): OwnedCell[][] {
  return section(tabNamed(tabs, "Escalation"), `${title} (`)
    .slice(2)
    .filter((r) => r[0] !== "None");
}

/** The ids in an Escalation destination block. */
export const idsIn = (tabs: OwnedTab[], title: string): CellValue[] =>
  escalationBlock(tabs, title).map((r) => r[0] as CellValue);

/** A two-column count table (label → number) from a Risk Summary section. */
export function counts(tab: OwnedTab, title: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of section(tab, title).slice(2))
    if (typeof r[0] === "string" && typeof r[1] === "number") out[r[0]] = r[1];
  return out;
}

export const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

/** The tabs as the file writes them (writeOwnedTabsWorkbook), read back with exceljs. */
export async function writtenWorkbook(tabs: OwnedTab[]): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(Buffer.from(await writeOwnedTabsWorkbook(tabs)) as unknown as ArrayBuffer);
  return wb;
}
