// The review-workbook writer, loaded only when a command writes one: it brings in exceljs, whose loading
// took about 200 ms of every check, most of which write nothing.

/** The writer of a new workbook holding the owned tabs (src/files/write-owned-tabs). */
export function loadTabWriter(): Promise<typeof import("../files/write-owned-tabs")> {
  return import("../files/write-owned-tabs");
}
