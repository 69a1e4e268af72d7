// Reading the summary tabs the tests build: a tab's rows, and one destination block of the Escalation tab.

import type { CellValue } from "../../../src/core/model/grid";
import type { OwnedTab } from "../../../src/core/model/owned-tab";

/** The rows of the tab named `name`. */
export const rowsOf = (tabs: OwnedTab[], name: string): CellValue[][] =>
  tabs.find((t) => t.name === name)!.rows as CellValue[][];

/** The data rows of one destination block of the Escalation tab, found by the block's title. */
export const block = (tabs: OwnedTab[], title: string): CellValue[][] => {
  const rows = rowsOf(tabs, "Escalation");
  const start = rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith(`${title} (`));
  const out: CellValue[][] = [];
  for (let i = start + 2; i < rows.length && rows[i].some((c) => c !== null); i++) out.push(rows[i]);
  return out;
};
