// The ordinary register the heuristics reviews (30, 31) write their cases on, and what they read of its check:
// a "fresh" risk last updated 15/09/2022 (inside the month before the as-at date 30/09/2022), a "stale" one
// 01/05/2022.

import * as path from "path";
import type ExcelJS from "exceljs";
import type { JsonFinding, JsonReport, JsonSheet } from "../../../src/cli/format-json";
import { tempFolder } from "../../helpers/test-files";
import { checkJson, d, writeBook, type Cell } from "./review-book";

export const AS_AT = "2022-09-30";

export interface Sheet {
  name: string;
  rows: Cell[][];
  /** Extra set-up (merged cells, fills, number formats). */
  build?: (ws: ExcelJS.Worksheet) => void;
}

/**
 * `check(sheets)`: writes a workbook as an officer lays it out (dates shown dd/mm/yyyy, Alt+Enter lines
 * wrapped) in a temporary folder named after `review`, and runs `risk-review check FILE --as-at 2022-09-30
 * --format json` on it.
 */
export function ordinaryChecker(review: string): (sheets: Sheet[]) => Promise<JsonReport> {
  const tmp = tempFolder(`crr-rv-${review}-`);
  let files = 0;
  return async (sheets) =>
    checkJson(
      await writeBook(
        path.join(tmp, `${review}-${++files}.xlsx`),
        sheets.map((s) => ({ ...s, dateFormat: () => "dd/mm/yyyy", wrapLines: true })),
      ),
      AS_AT,
    );
}

export const of = (json: JsonReport, rule: string, id?: string): JsonFinding[] =>
  json.findings.filter((f) => f.ruleId === rule && (id === undefined || f.recordId === id));
export const idsOf = (fs: JsonFinding[]): string[] => fs.map((f) => f.recordId ?? "(no id)").sort();
export const staleIds = (json: JsonReport): string[] => idsOf(of(json, "risk/stale-update"));
export const riskIds = (json: JsonReport): string[] => json.risks.map((r) => r.recordId ?? "(no id)");
export const sheetOf = (json: JsonReport, name: string): JsonSheet | undefined =>
  json.sheets.find((s) => s.name === name);
/** Where a risk is routed: its escalation's destinations (none when it is not routed). */
export const routed = (json: JsonReport, id: string): string[] =>
  json.escalations.find((e) => e.recordId === id)?.destinations ?? [];

export const HEAD = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Score",
  "Strategy",
  "Mitigating Actions",
  "Latest Update",
  "Last Updated",
  "Status",
];
export const FRESH = d(2022, 9, 15);
export const STALE = d(2022, 5, 1);

export interface R {
  title?: string;
  owner?: Cell;
  l?: Cell;
  i?: Cell;
  /** The score cell; left out, it is l × i (when both are numbers). */
  s?: Cell;
  strategy?: Cell;
  actions?: Cell;
  update?: Cell;
  last?: Cell;
  status?: Cell;
}

/** One register row in HEAD's columns, with `extra` cells after them. */
export function row(id: Cell, r: R = {}, extra: Cell[] = []): Cell[] {
  const l = r.l ?? 3;
  const i = r.i ?? 3;
  const score = r.s !== undefined ? r.s : typeof l === "number" && typeof i === "number" ? l * i : null;
  return [
    id,
    r.title ?? `Risk ${String(id)}`,
    r.owner === undefined ? "Jo Smith" : r.owner,
    l,
    i,
    score,
    r.strategy === undefined ? "Treat" : r.strategy,
    r.actions === undefined ? "Monthly safety inspections of the network" : r.actions,
    r.update === undefined ? "Reviewed at Risk Management Board" : r.update,
    r.last === undefined ? FRESH : r.last,
    r.status === undefined ? "Open" : r.status,
    ...extra,
  ];
}
