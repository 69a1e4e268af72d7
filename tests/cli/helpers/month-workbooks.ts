// An officer's register workbook and three months of IRIS exports (August, September, October 2022), for the
// month-over-month review of the command line (tests/cli/month-over-month-review.test.ts).

import * as fs from "fs";
import ExcelJS from "exceljs";

export type Cell = string | number | Date | null;
export const d = (y: number, m: number, dd: number): Date => new Date(Date.UTC(y, m - 1, dd));

/** The columns IRIS exports (and the register holds, in this order, before its council-only columns). */
export const EXPORT_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Category",
  "Date Raised",
  "Likelihood",
  "Impact",
  "Risk Score",
  "Strategy",
  "Mitigating Actions",
  "Status",
  "Last Updated",
  "Latest Update",
];
/** The register's columns: the export's, then two the officer keeps (the export has neither). */
export const REGISTER_HEADERS = [...EXPORT_HEADERS, "Escalate?", "Council Notes"];
export const COL = Object.fromEntries(REGISTER_HEADERS.map((h, i) => [h, i])) as Record<string, number>;

/** One risk as it stands in a month: id, title, owner, likelihood, impact, last updated, update text, status. */
export interface RiskMonth {
  id: string;
  title: string;
  owner: string;
  raised: Date;
  l: number;
  i: number;
  updated: Date;
  update: string;
  status?: string;
}

const RAISED = d(2022, 3, 1);
const r = (
  id: string,
  title: string,
  owner: string,
  l: number,
  i: number,
  updated: Date,
  update: string,
  more: Partial<RiskMonth> = {},
): RiskMonth => ({ id, title, owner, raised: RAISED, l, i, updated, update, ...more });

/** Titles and owners, by id. */
const T: Record<string, [string, string]> = {
  "HRC-001": ["Carriageway resurfacing programme slippage", "Jane Smith"],
  "HRC-002": ["Winter gritting fleet availability", "Tom Jones"],
  "HRC-003": ["Street lighting energy cost exposure", "Ann Lee"],
  "HRC-004": ["Gully cleansing backlog on principal roads", "Bob Hill"],
  "HRC-006": ["Drainage subcontractor insolvency", "Sam Patel"],
  "HRC-007": ["Traffic signal maintenance backlog", "Jane Smith"],
  "HRC-008": ["Highway tree inspection coverage", "Tom Jones"],
  "HRC-009": ["Pothole compensation claims rising", "Ann Lee"],
  "HRC-010": ["Fleet telematics data quality", "Bob Hill"],
  "HRC-011": ["Skilled operative shortage for structures", "Sam Patel"],
  "HRC-012": ["Contract price indexation exposure", "Jane Smith"],
  "HRC-014": ["Footway trip hazard claims in the town centre", "Tom Jones"],
  "HRC-030": ["Bridge expansion joint failure on the A38", "Ann Lee"],
};
const m = (id: string, l: number, i: number, updated: Date, update: string, more: Partial<RiskMonth> = {}) =>
  r(id, T[id][0], T[id][1], l, i, updated, update, more);

const JUL = d(2022, 7, 15);
const AUG = d(2022, 8, 20);
const SEP = d(2022, 9, 20);
const OCT = d(2022, 10, 20);

/** The register as the officer set it up in July (before any import). */
export const JULY: RiskMonth[] = [
  m("HRC-001", 3, 3, JUL, "July review"),
  m("HRC-002", 2, 2, JUL, "July review"),
  m("HRC-003", 4, 4, JUL, "July review"),
  m("HRC-004", 3, 4, JUL, "July review"),
  m("HRC-006", 3, 3, JUL, "July review"),
  m("HRC-007", 2, 3, JUL, "July review"),
  m("HRC-008", 2, 3, JUL, "July review"),
  m("HRC-009", 4, 3, JUL, "July review"),
  m("HRC-010", 2, 2, JUL, "July review"),
  m("HRC-011", 3, 2, JUL, "July review"),
  m("HRC-012", 3, 3, JUL, "July review"),
  m("HRC-014", 3, 3, JUL, "July review"),
];

/** IRIS in August: HRC-001 up 9 → 12, HRC-003 down 16 → 9, HRC-007 up 6 → 20, HRC-009 down 12 → 9. */
export const AUGUST: RiskMonth[] = [
  m("HRC-001", 4, 3, AUG, "Aug: two schemes slipped"),
  m("HRC-002", 2, 2, AUG, "Aug: fleet ready"),
  m("HRC-003", 3, 3, AUG, "Aug: energy hedged"),
  m("HRC-004", 3, 4, AUG, "Aug: no change"),
  m("HRC-006", 3, 3, AUG, "Aug: monitoring"),
  m("HRC-007", 5, 4, AUG, "Aug: controller failures"),
  m("HRC-008", 2, 3, AUG, "Aug: on programme"),
  m("HRC-009", 3, 3, AUG, "Aug: claims fell"),
  m("HRC-010", 2, 2, AUG, "Aug: data cleansed"),
  m("HRC-011", 3, 2, AUG, "Aug: recruiting"),
  m("HRC-012", 3, 3, AUG, "Aug: index published"),
  m("HRC-014", 3, 3, AUG, "Aug: inspections up"),
];

/**
 * IRIS in September: HRC-003 down 9 → 6, HRC-008 up 6 → 8 (the officer's meeting puts it back to 6 the
 * same day), HRC-009 up 9 → 12, HRC-006 closed, HRC-030 new (raised
 * 12/09/2022), HRC-014 renumbered HRC-114 with the same title; HRC-010 updated 05/09; HRC-011's date
 * not moved (its update is in the officer's Update Log instead).
 */
export const SEPTEMBER: RiskMonth[] = [
  m("HRC-001", 4, 3, SEP, "Sep: recovery plan agreed"),
  m("HRC-002", 2, 2, SEP, "Sep: fleet ready"),
  m("HRC-003", 2, 3, SEP, "Sep: hedge in place"),
  m("HRC-004", 3, 4, SEP, "Sep: no change"),
  m("HRC-006", 3, 3, SEP, "Sep: subcontractor replaced", { status: "Closed" }),
  m("HRC-007", 5, 4, SEP, "Sep: parts on order"),
  m("HRC-008", 2, 4, SEP, "Sep: inspection gaps"),
  m("HRC-009", 4, 3, SEP, "Sep: claims up again"),
  m("HRC-010", 2, 2, d(2022, 9, 5), "Sep: data cleansed"),
  m("HRC-011", 3, 2, AUG, "Aug: recruiting"),
  m("HRC-012", 3, 3, SEP, "Sep: index published"),
  r("HRC-114", T["HRC-014"][0], T["HRC-014"][1], 3, 3, SEP, "Sep: renumbered in IRIS"),
  r("HRC-030", T["HRC-030"][0], T["HRC-030"][1], 2, 5, SEP, "Sep: joint cracking", {
    raised: d(2022, 9, 12),
  }),
];

/**
 * IRIS in October: HRC-001 up 12 → 16, HRC-009 up 12 → 15, HRC-030 up 10 → 15; HRC-006 (closed) no longer exported;
 * HRC-010's date not moved since 05/09 (stale as at 31/10); HRC-011's date still August.
 */
export const OCTOBER: RiskMonth[] = [
  m("HRC-001", 4, 4, OCT, "Oct: more slippage"),
  m("HRC-002", 2, 2, OCT, "Oct: fleet ready"),
  m("HRC-003", 2, 3, OCT, "Oct: hedge in place"),
  m("HRC-004", 3, 4, OCT, "Oct: no change"),
  m("HRC-007", 5, 4, OCT, "Oct: parts fitted"),
  m("HRC-008", 2, 3, OCT, "Oct: on programme"),
  m("HRC-009", 5, 3, OCT, "Oct: claims up sharply"),
  m("HRC-010", 2, 2, d(2022, 9, 5), "Sep: data cleansed"),
  m("HRC-011", 3, 2, AUG, "Aug: recruiting"),
  m("HRC-012", 3, 3, OCT, "Oct: index published"),
  r("HRC-114", T["HRC-014"][0], T["HRC-014"][1], 3, 3, OCT, "Oct: inspections up"),
  r("HRC-030", T["HRC-030"][0], T["HRC-030"][1], 3, 5, OCT, "Oct: joint worse", { raised: d(2022, 9, 12) }),
];

const exportRow = (k: RiskMonth): Cell[] => [
  k.id,
  k.title,
  k.owner,
  "Operational",
  k.raised,
  k.l,
  k.i,
  k.l * k.i,
  "Treat",
  `Action plan for ${k.id}`,
  k.status ?? "Open",
  k.updated,
  k.update,
];

function writeRows(ws: ExcelJS.Worksheet, rows: Cell[][]): void {
  rows.forEach((row, ri) =>
    row.forEach((v, ci) => {
      if (v === null) return;
      const cell = ws.getCell(ri + 1, ci + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
    }),
  );
}

/** An IRIS export (.xlsx, one sheet "IRIS Risks") of the month's risks. */
export async function writeExport(file: string, month: RiskMonth[], actions: Cell[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  writeRows(wb.addWorksheet("IRIS Risks"), [EXPORT_HEADERS, ...month.map(exportRow)]);
  writeRows(wb.addWorksheet("IRIS Actions"), [ACTION_HEADERS, ...actions]);
  await wb.xlsx.writeFile(file);
}

export const ACTION_HEADERS = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
];
/** One action per risk of the month, due 31/12/2022; HRC-011's ACT-011 is due `due011`. */
export function actionsOf(month: RiskMonth[], due011: Date): Cell[][] {
  return month.map((k) => {
    const n = k.id.slice(4);
    return [
      k.id,
      `ACT-${n}`,
      `Action for ${k.id}`,
      k.owner,
      n === "011" ? due011 : d(2022, 12, 31),
      "In progress",
    ];
  });
}

/** What the officer typed in the council-only columns, by id. */
export const COUNCIL_NOTES: Record<string, string> = Object.fromEntries(
  JULY.map((k) => [k.id, `Council note on ${k.id}`]),
);
/** HRC-003 stands escalated (a bare Yes) on the register. */
export const ESCALATED = new Set(["HRC-003"]);

export const UPDATE_LOG_HEADERS = [
  "Date",
  "Register",
  "Risk ID",
  "By",
  "Update",
  "No change",
  "Score",
  "Strategy",
  "Changes",
];

/** The officer's July workbook: the register, and an Update Log kept by hand with one July row. */
export async function writeJulyWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const reg = JULY.map((k) => [...exportRow(k), ESCALATED.has(k.id) ? "Yes" : null, COUNCIL_NOTES[k.id]]);
  writeRows(wb.addWorksheet("Risk Register"), [REGISTER_HEADERS, ...reg]);
  writeRows(wb.addWorksheet("Actions"), [ACTION_HEADERS, ...actionsOf(JULY, d(2022, 9, 30))]);
  writeRows(wb.addWorksheet("Update Log"), [
    UPDATE_LOG_HEADERS,
    [d(2022, 7, 15), "Risk Register", "HRC-012", "J Smith", "July RMB: reviewed", null, 9, "Treat", null],
  ]);
  await wb.xlsx.writeFile(file);
}

/**
 * The officer opens the workbook in Excel and adds rows to the Update Log kept by hand, then saves it
 * under `out` (exceljs stands in for Excel).
 */
export async function addUpdateLogRows(
  input: string,
  out: string,
  rows: Cell[][],
  registerCells: Record<string, Cell> = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const reg = wb.getWorksheet("Risk Register");
  if (!reg) throw new Error(`no Risk Register in ${input}`);
  for (const [ref, v] of Object.entries(registerCells)) reg.getCell(ref).value = v;
  const ws = wb.getWorksheet("Update Log");
  if (!ws) throw new Error(`no Update Log in ${input}`);
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (_row, n) => (last = Math.max(last, n)));
  rows.forEach((row, ri) =>
    row.forEach((v, ci) => {
      if (v === null) return;
      const cell = ws.getCell(last + ri + 1, ci + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
    }),
  );
  await wb.xlsx.writeFile(out);
  if (!fs.existsSync(out)) throw new Error(`not written: ${out}`);
}
