// applyEdits and sheet protection: a protected register is refused before the backup (nothing written, no
// extra sync), and a register protected part-way (by a co-author) ends in a message that says what happened.

import type { CellValue, Grid } from "../../src/core/model/grid";
import type { WorkbookEdits } from "../../src/core/model/edits";
import { applyEdits } from "../../src/excel/apply-edits";
import { PlainError } from "../../src/excel/gateway";
import { onSync } from "../../src/excel/run";
import { setPayloadBudget } from "../../src/excel/payload";
import { uninstallFakeExcel, type FakeSheetSpec } from "../fakes/fake-excel";
import { registerGrid, risk } from "../core/merge/helpers";
import { install, planFromWorkbook as planFromWorkbookFully } from "./helpers";

afterEach(() => uninstallFakeExcel());

function sheetSpec(g: Grid, extra: Partial<FakeSheetSpec> = {}): FakeSheetSpec {
  return { name: g.sheetName, values: g.values, numberFormats: g.numberFormats, ...extra };
}

/** The edits of planning `exportRows` into the open workbook's register. */
const planFromWorkbook = async (exportRows: CellValue[][]): Promise<WorkbookEdits> =>
  (await planFromWorkbookFully(exportRows)).edits;

describe("applyEdits on a protected register", () => {
  it("refuses before the backup, names the sheet, writes nothing and adds no sync", async () => {
    const rows = [risk("HRC-001"), risk("HRC-002")];
    install({ sheets: [sheetSpec(registerGrid(rows))] });
    const edits = await planFromWorkbook([risk("HRC-001", { "Risk Score": 12 }), risk("HRC-002")]);
    const host = install({ sheets: [sheetSpec(registerGrid(rows), { protected: true })] });
    const before = host.snapshot();
    host.resetStats();
    const error = (await applyEdits(edits).catch((e: unknown) => e)) as PlainError;
    expect(error).toBeInstanceOf(PlainError);
    expect(error.message).toBe(
      'The sheet "Register" is protected, so nothing was imported. Unprotect it (Review > Unprotect Sheet), then import again.',
    );
    expect(host.snapshot()).toEqual(before);
    // The check rides on the read syncs the import makes anyway: two, then it stops.
    expect(host.stats().syncs).toBe(2);
  });

  it("a register protected after the backup, before any cell is written: the backup is removed again", async () => {
    const host = install({ sheets: [sheetSpec(registerGrid([risk("HRC-001"), risk("HRC-002")]))] });
    const edits = await planFromWorkbook([risk("HRC-001", { "Risk Score": 12 }), risk("HRC-002")]);
    const before = host.snapshot();
    const stop = onSync((e) => {
      if (e.label === "apply: backup" && e.ok) host.sheet("Register").protected = true;
    });
    const error = (await applyEdits(edits).catch((e: unknown) => e)) as PlainError;
    stop();
    expect(error.message).toBe(
      'The sheet "Register" is protected, so nothing was imported and the backup made for it was removed again. Unprotect it (Review > Unprotect Sheet), then import again.',
    );
    host.sheet("Register").protected = false;
    expect(host.snapshot()).toEqual(before);
  });

  it("a register protected after some cells were written: says so, and points at the backup", async () => {
    const many = Array.from({ length: 60 }, (_, i) => risk(`HRC-${String(i).padStart(3, "0")}`));
    const host = install({ sheets: [sheetSpec(registerGrid(many))] });
    const edits = await planFromWorkbook(
      many.map((_, i) =>
        risk(`HRC-${String(i).padStart(3, "0")}`, { "Review Commentary": `changed ${"x".repeat(300)} ${i}` }),
      ),
    );
    setPayloadBudget(4_000);
    let n = 0;
    const stop = onSync((e) => {
      if (e.label === "apply: cells" && e.ok && ++n === 1) host.sheet("Register").protected = true;
    });
    const error = (await applyEdits(edits).catch((e: unknown) => e)) as PlainError;
    stop();
    expect(n).toBe(1);
    expect(error.message).toMatch(
      /^The import stopped while writing the changed cells: The sheet "Register" became protected/,
    );
    expect(error.message).toMatch(/may be partly written\. The backup "[^"]+" holds it as it was/);
    expect(host.snapshot().sheets).toHaveLength(2);
  });
});
