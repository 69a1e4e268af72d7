// sheet/cells-past-headers: a few rows of a register or actions sheet hold values to the right of the last
// header. Those values are not read, and a row pushed right (in a CSV, a comma in an unquoted field does
// this) has its other values under the wrong headers: an owner "High", a likelihood "Q,Sc".

import { toA1 } from "../address/a1";
import { fieldText, type SheetRecord } from "../model/records";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "sheet/cells-past-headers",
    kinds: ["risk-register", "actions"],
    fields: [],
    defaultSeverity: "warning",
    description:
      "A few rows hold values to the right of the last header: those values are not read, and the row's cells may be pushed out of line.",
    messages: {
      past: "Row {row} ({id}) has values past the last header, in {cells}; they are not read. If its cells are pushed to the right (in a CSV, a comma in a field not in quotes does this), its other values sit under the wrong headers: check the row.",
    },
  },
  check(ctx) {
    return [...reportEach(ctx.records.risks, reportOf), ...reportEach(ctx.records.actions, reportOf)];
  },
};

/** The report of a record marked by the reader (see SheetRecord.pastHeaders), or null. */
function reportOf(r: SheetRecord<string>): RuleReport | null {
  if (!r.pastHeaders || r.pastHeaders.length === 0) return null;
  return {
    record: r,
    messageId: "past",
    data: {
      row: r.row + 1,
      id: fieldText(r, r.kind === "actions" ? "actionId" : "id") || fieldText(r, "riskId") || "no id",
      cells: r.pastHeaders.map((c) => toA1(r.row, c)).join(", "),
    },
  };
}
