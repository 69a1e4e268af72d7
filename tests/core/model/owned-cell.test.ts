// storedCell: how an owned tab's date cell becomes what Excel holds (a serial with the UK date format).

import { storedCell, type OwnedCell } from "../../../src/core/model/owned-tab";

describe("storedCell", () => {
  it.each<[OwnedCell, ReturnType<typeof storedCell>]>([
    [{ date: "2022-10-03" }, { value: 44837, numberFormat: "dd/mm/yyyy" }],
    [{ date: "1900-03-01" }, { value: 61, numberFormat: "dd/mm/yyyy" }],
    [{ date: "2024-02-29" }, { value: 45351, numberFormat: "dd/mm/yyyy" }],
    [{ date: "2022-02-30" }, { value: "2022-02-30", numberFormat: null }],
    [{ date: "1900-01-15" }, { value: "1900-01-15", numberFormat: null }],
    [{ date: "03/10/2022" }, { value: "03/10/2022", numberFormat: null }],
    ["2022-10-03", { value: "2022-10-03", numberFormat: null }],
    [44837, { value: 44837, numberFormat: null }],
    [null, { value: null, numberFormat: null }],
    [true, { value: true, numberFormat: null }],
  ])("%j is stored as %j", (cell, stored) => {
    expect(storedCell(cell)).toEqual(stored);
  });
});
