// An import writes a date cell as a serial only when the export's text names one day and nothing else.

import { importedValue, IMPORT_DATE_FORMAT } from "../../../src/core/merge/values";
import type { RecordCell } from "../../../src/core/model/records";

const cell = (value: string): RecordCell => ({ value, text: value, format: null, row: 1, col: 1 });

describe("importedValue in a date column", () => {
  it.each<[string, string | number]>([
    ["31/10/2022", 44865],
    ["31/10/2022 (was 30/09/2022)", "31/10/2022 (was 30/09/2022)"],
    ["Sept 2022 (revised from June 2022)", "Sept 2022 (revised from June 2022)"],
    ["w/c 12/09/22", "w/c 12/09/22"],
    ["Q2 2022/23", "Q2 2022/23"],
    ["TBC", "TBC"],
  ])("%j is written as %j", (text, written) => {
    expect(importedValue(cell(text), "date")?.value).toBe(written);
  });

  it("gives a date it writes as a serial the import's date format", () => {
    expect(importedValue(cell("31/10/2022"), "date")?.format).toBe(IMPORT_DATE_FORMAT);
  });
});
