// Records left in the grid (issue 12): a record is a row index, read through accessors that give what the
// eager reader gave, and a check reads a register without making a cell object per field.

import { checkWorkbook } from "../../../src/core/check";
import { gridFromRows, type CellValue } from "../../../src/core/model/grid";
import {
  fieldCell,
  fieldColumn,
  fieldNames,
  fieldText,
  fieldValue,
  GridRecord,
  rawCell,
  rawFormat,
  rawText,
  rawValue,
  type SheetRecord,
} from "../../../src/core/model/records";
import { defaultSettings } from "../../../src/core/model/settings";
import { dayFromIso } from "../../../src/core/parse";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import { REGISTER_HEADERS, risk } from "../rules/harness";

const AS_AT = dayFromIso("2022-10-10")!;
const settings = defaultSettings();

function register(rows: CellValue[][]) {
  return gridFromRows("Register", [["Contract risk register"], REGISTER_HEADERS, ...rows]);
}

/** Each accessor's answer for every field of a record, so a record in the grid and its made copy compare. */
function answers(record: SheetRecord<string>, fields: string[]) {
  return fields.map((f) => ({
    f,
    text: fieldText(record, f),
    value: fieldValue(record, f),
    rawText: rawText(record, f),
    rawValue: rawValue(record, f),
    format: rawFormat(record, f),
    cell: rawCell(record, f) ?? null,
    ruleCell: fieldCell(record, f) ?? null,
    col: rawCell(record, f) ? fieldColumn(record, f) : "blank",
  }));
}

describe("GridRecord", () => {
  const rows = [
    risk({ id: "HRC-001", owner: "TBC", update: "  Inspections   increased <br>weekly " }),
    risk({ id: "HRC-002", strategy: null, score: 16, rag: "Red" }),
  ];

  it("reads every field as the made record does: placeholders, blanks, folded text, formats, columns", () => {
    const { records } = readWorkbook([register(rows)], settings, AS_AT);
    const fields = [...fieldNames(records.risks[0]), "notAField"];
    for (const r of records.risks) {
      expect(r).toBeInstanceOf(GridRecord);
      const inGrid = answers(r, fields);
      expect((r as GridRecord<string>).inGrid).toBe(true);
      void r.fields; // make the cells
      expect((r as GridRecord<string>).inGrid).toBe(false);
      expect(answers(r, fields)).toEqual(inGrid);
    }
    const first = records.risks[0];
    expect(fieldText(first, "owner")).toBe(""); // TBC is a placeholder
    expect(rawText(first, "owner")).toBe("TBC");
    expect(fieldText(first, "update")).toBe("Inspections increased weekly");
    expect(fieldText(records.risks[1], "strategy")).toBe("");
    expect(rawCell(records.risks[1], "strategy")).toBeUndefined();
  });

  it("follows a column the reader renames for the whole sheet (a Review Date found to be last updated)", () => {
    const headers = ["Risk ID", "Risk Title", "Risk Owner", "Risk Score", "Review Date"];
    const grid = gridFromRows("Register", [
      headers,
      ["R1", "Flooding", "Ann", 12, 44800],
      ["R2", "Potholes", "Bob", 9, 44801],
    ]);
    grid.numberFormats = [[], [null, null, null, null, "dd/mm/yyyy"], [null, null, null, null, "dd/mm/yyyy"]];
    const { records } = readWorkbook([grid], settings, AS_AT);
    const r = records.risks[0] as SheetRecord<string>;
    expect(rawValue(r, "lastUpdated")).toBe(44800);
    expect(rawValue(r, "reviewDate")).toBeNull();
    expect(r.fields.lastUpdated?.value).toBe(44800);
    expect(r.fields.reviewDate).toBeUndefined();
  });

  it("turns into the same plain data as the eager reader made (JSON)", () => {
    const { records } = readWorkbook([register(rows)], settings, AS_AT);
    const json = JSON.parse(JSON.stringify(records.risks[0])) as SheetRecord<string>;
    expect(json).toMatchObject({ sheet: "Register", kind: "risk-register", row: 2, rows: [2] });
    expect(json.fields.id).toEqual({ value: "HRC-001", text: "HRC-001", format: null, row: 2, col: 0 });
    expect(json.extras).toEqual({});
  });

  it("is checked without making a cell object for any risk: the rules read the grid", () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      risk({ id: `HRC-${String(i + 1).padStart(3, "0")}`, strategy: i % 3 === 0 ? null : "Treat" }),
    );
    const report = checkWorkbook([register(many)], { settings, asAt: "2022-10-10", source: "test" });
    expect(report.findings.some((f) => f.ruleId === "risk/missing-strategy")).toBe(true);
    const made = report.records.risks.filter((r) => !(r instanceof GridRecord) || !r.inGrid);
    expect(made.map((r) => r.row)).toEqual([]);
  });
});
