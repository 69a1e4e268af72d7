// The reader and what stands below a register (rv-imp30): a colour key ("Key:" then "Red | 15–25: escalate …")
// and a line of words straight under a key are set aside, neither risks nor a section; a heading with no risk
// under it is noted as such (an import must not put risks under it); a "New risks …" heading ends a CLOSED
// RISKS section and names no category.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { defaultSettings } from "../../../src/core/model/settings";
import { readWorkbook } from "../../../src/core/read/read-workbook";
import { headingNamesNoCategory } from "../../../src/core/read/heading-category";
import { dayFromIso } from "../../../src/core/parse";
import { NOTHING_READ_LINE, structureLines } from "../../../src/core/read/structure-lines";
import { REGISTER_HEADERS, risk, type Row } from "../merge/helpers";

const AS_AT = "2022-10-10";
const WIDTH = REGISTER_HEADERS.length;

/** The register (title row, header row 2) with `rows` below its header: a risk, a text alone, or a row as it is. */
function register(rows: (Row | string | CellValue[])[]): Grid {
  const data = rows.map((r) =>
    typeof r === "string" ? [r] : r.length === WIDTH - 1 ? [...r.slice(0, 9), null, r[9]] : r,
  );
  return gridFromRows("Register", [["Highways register"], REGISTER_HEADERS, ...data], {
    origin: "council.xlsx",
  });
}

const read = (g: Grid) => readWorkbook([g], defaultSettings(), dayFromIso(AS_AT)!);
const ids = (g: Grid) => read(g).records.risks.map((r) => String(r.fields.id?.text ?? ""));

describe("the reader: a colour key and a note below the register", () => {
  const key = register([
    risk("R-1"),
    risk("R-2"),
    [],
    ["Key:"],
    ["Red", "15–25: escalate to the corporate register"],
    ["Amber", "5–12"],
    ["Green", "1–4: manage locally"],
    ["Scores are likelihood × impact"],
  ]);

  it("sets the key's entries under its 'Key:' row aside as the colour key, and the note under them with it", () => {
    expect(ids(key)).toEqual(["R-1", "R-2"]);
    const sheet = read(key).sheets.find((s) => s.name === "Register")!;
    expect(sheet.setAside?.map((x) => [x.row + 1, x.reason])).toEqual([
      [6, "key"],
      [7, "key"],
      [8, "key"],
      [9, "key"],
      [10, "key"],
    ]);
    expect(sheet.sections).toBeUndefined();
    expect(sheet.emptyHeadings).toBeUndefined();
  });

  it("guard: a row under the key that names an id is a risk, not the key's", () => {
    const g = register([risk("R-1"), ["Key:"], ["Red", "HRC-009", "A. Officer"]]);
    expect(ids(g)).toEqual(["R-1", "Red"]);
  });

  it("a heading straight under the key with risks under it is a section: CLOSED RISKS, or any heading over risks", () => {
    const g = register([
      risk("R-1"),
      [],
      ["Key:"],
      ["Red", "15–25: escalate to the corporate register"],
      ["Green", "1–4: manage locally"],
      "CLOSED RISKS",
      risk("R-2"),
    ]);
    const { records, sheets } = read(g);
    expect(records.risks.map((r) => [String(r.fields.id?.text), r.section])).toEqual([
      ["R-1", undefined],
      ["R-2", "CLOSED RISKS"],
    ]);
    expect(sheets[0].sections).toEqual([{ row: 7, text: "CLOSED RISKS", closed: true }]);
    const other = register([risk("R-1"), ["Key:"], ["Red", "15–25"], "Lighting", risk("L-1")]);
    expect(read(other).records.risks.map((r) => r.section)).toEqual([undefined, "Lighting"]);
  });

  it("a review note straight under the key stays the key's, even with rows below it", () => {
    const g = register([
      risk("R-1"),
      ["Key:"],
      ["Red", "15–25"],
      "Last reviewed at RMB 28/09/22",
      risk("R-2"),
    ]);
    const { records, sheets } = read(g);
    expect(records.risks.map((r) => [String(r.fields.id?.text), r.section])).toEqual([
      ["R-1", undefined],
      ["R-2", undefined],
    ]);
    expect(sheets[0].setAside?.map((x) => x.reason)).toEqual(["key", "key", "key"]);
  });

  it("risks numbered 1, 2, 3 with their RAG first are risks under a key on the row under the header", () => {
    const headers = ["RAG", ...REGISTER_HEADERS];
    const row = (rag: string, n: number): CellValue[] =>
      [rag, ...risk("x").slice(1, 9), null, "Open"].map((v, k) => (k === 1 ? n : v));
    const g = gridFromRows("Register", [
      headers,
      ["Key:", "R = Red (15–25)", "A = Amber (5–12)", "G = Green (1–4)"],
      row("Red", 1),
      row("Amber", 2),
      row("Green", 3),
    ]);
    expect(ids(g)).toEqual(["1", "2", "3"]);
  });

  it("a register whose every row is set aside says no record was read, never passing silently", () => {
    const g = register([["Key:"], ["Red", "15–25"], ["Amber", "5–12"]]);
    const sheet = read(g).sheets.find((s) => s.name === "Register")!;
    expect(sheet.recordCount).toBe(0);
    expect(structureLines(sheet)).toContain(NOTHING_READ_LINE);
    expect(structureLines(read(key).sheets.find((s) => s.name === "Register")!)).not.toContain(
      NOTHING_READ_LINE,
    );
  });

  it("a heading with no risk under it is noted as such (a note the import must not put risks under)", () => {
    const g = register([risk("R-1"), [], "Last reviewed at RMB 28/09/22"]);
    const sheet = read(g).sheets.find((s) => s.name === "Register")!;
    expect(sheet.emptyHeadings).toEqual([{ row: 4, text: "Last reviewed at RMB 28/09/22" }]);
  });
});

describe("the reader: a 'New risks …' heading", () => {
  it.each(["New risks", "New risks raised this month", "New risks – IRIS import 10/10/2022"])(
    "'%s' names no category",
    (text) => expect(headingNamesNoCategory(text)).toBe(true),
  );
  it.each(["Financial risks", "Newport depot risks", "Risks new this year"])("'%s' names one", (text) =>
    expect(headingNamesNoCategory(text)).toBe(false),
  );

  it("ends a CLOSED RISKS section: the risks under it are live, with no section of their own", () => {
    const g = register([
      "Operational",
      risk("R-1"),
      "CLOSED RISKS",
      risk("R-2", { "Risk Status": "Closed" }),
      "New risks – IRIS import 10/10/2022",
      risk("R-3"),
    ]);
    const { records, sheets } = read(g);
    expect(records.risks.map((r) => [String(r.fields.id?.text), r.section])).toEqual([
      ["R-1", "Operational"],
      ["R-2", "CLOSED RISKS"],
      ["R-3", undefined],
    ]);
    expect(sheets[0].sections?.map((s) => s.text)).toEqual([
      "Operational",
      "CLOSED RISKS",
      "New risks – IRIS import 10/10/2022",
    ]);
  });
});
