// Hostile and broken files: every one must end in a FileReadError with a plain message, never a crash.

import { FileReadError, readWorkbookFile } from "../../src/files/read-workbook-file";
import { readXlsx } from "../../src/files/read-xlsx";
import { readZipDirectory } from "../../src/files/zip-directory";
import { craftZip, expectFileReadError, makeXlsx } from "./helpers";

const MB = 1024 * 1024;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

let real: Uint8Array;
beforeAll(async () => {
  real = await makeXlsx("real.xlsx", (wb) => {
    const ws = wb.addWorksheet("Register");
    for (let r = 1; r <= 30; r++) ws.getRow(r).values = [`R${r}`, `Risk number ${r} with some text`, r];
  });
});

/** Pseudo-random bytes from a fixed seed, so the case is the same on every run. */
function noise(length: number, seed = 42): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  return out;
}

describe("readXlsx refuses hostile input", () => {
  it.each([
    ["an empty file", () => new Uint8Array(0), "empty", "is empty"],
    [
      "random bytes",
      () => noise(4096),
      "not-xlsx",
      "is not a valid .xlsx file (it may be corrupt or a different format)",
    ],
    ["a CSV renamed .xlsx", () => text("a,b\n1,2\n"), "not-xlsx", "is not a valid .xlsx file"],
    [
      "an OLE compound file (encrypted .xlsx or old .xls)",
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(1000)]),
      "encrypted",
      "is password-protected or an old .xls file: remove the password or save it as .xlsx",
    ],
    ["a zip cut in half", () => real.slice(0, Math.floor(real.length / 2)), "truncated", "cut short"],
    ["a zip missing its last 10 bytes", () => real.slice(0, real.length - 10), "truncated", "cut short"],
    ["a zip cut just after its first header", () => real.slice(0, 40), "truncated", "cut short"],
    [
      "a zip that is not a workbook",
      () => craftZip([{ name: "word/document.xml", data: text("<w/>") }]),
      "not-xlsx",
      "is not a valid .xlsx file",
    ],
    [
      "an OpenDocument spreadsheet (.ods) under an .xlsx name",
      () =>
        craftZip([
          { name: "mimetype", data: text("application/vnd.oasis.opendocument.spreadsheet") },
          { name: "META-INF/manifest.xml", data: text("<manifest/>") },
          { name: "content.xml", data: text("<office:document-content/>") },
        ]),
      "not-xlsx",
      "is an OpenDocument spreadsheet (.ods, LibreOffice Calc's own format) saved under an .xlsx name: open it in Excel or LibreOffice Calc and save it as .xlsx",
    ],
    [
      "an OpenDocument text document under an .xlsx name",
      () =>
        craftZip([
          { name: "mimetype", data: text("application/vnd.oasis.opendocument.text") },
          { name: "content.xml", data: text("<office:document-content/>") },
        ]),
      "not-xlsx",
      "is an OpenDocument text document (not a spreadsheet) saved under an .xlsx name",
    ],
    [
      "an Apple Numbers document under an .xlsx name",
      () =>
        craftZip([
          { name: "Index/Document.iwa", data: new Uint8Array([0, 12, 0, 0, 8, 1]) },
          { name: "Metadata/Properties.plist", data: text("<plist/>") },
        ]),
      "not-xlsx",
      "is an Apple Numbers document (.numbers) saved under an .xlsx name: open it in Numbers and save it as .xlsx (File → Export To → Excel)",
    ],
    [
      "a zip holding one part twice",
      () =>
        craftZip([
          { name: "xl/workbook.xml", data: text("<workbook/>") },
          { name: "xl/worksheets/sheet1.xml", data: text("<worksheet/>") },
          { name: "xl/worksheets/sheet1.xml", data: text("<worksheet/>") },
        ]),
      "damaged",
      'is damaged: the part "xl/worksheets/sheet1.xml" is in the file twice',
    ],
  ])("%s", async (_name, make, code, wording) => {
    const err = await expectFileReadError(() => readXlsx(make(), "hostile.xlsx"));
    expect(err.code).toBe(code);
    expect(err.file).toBe("hostile.xlsx");
    expect(err.message).toContain(`"hostile.xlsx" `);
    expect(err.message).toContain(wording);
  });

  it.each([0.1, 0.3, 0.5, 0.7, 0.9, 0.99])(
    "a zip cut at %p of its length is reported as cut short",
    async (fraction) => {
      const err = await expectFileReadError(() =>
        readXlsx(real.slice(0, Math.floor(real.length * fraction)), "cut.xlsx"),
      );
      expect(err.code).toBe("truncated");
    },
  );

  it("a zip whose entries' data are scrambled but whose directory is intact gives grids or a FileReadError", async () => {
    const damaged = real.slice();
    damaged.set(noise(200, 7), 200);
    const outcome = await readXlsx(damaged, "scrambled.xlsx").then(
      (grids) => (Array.isArray(grids) ? "grids" : "not an array"),
      (e: unknown) => (e instanceof FileReadError ? "FileReadError" : `other error: ${String(e)}`),
    );
    expect(["grids", "FileReadError"]).toContain(outcome);
  });

  describe("zip bombs: the central directory's claimed size is checked before inflating", () => {
    const workbookEntry = { name: "xl/workbook.xml", data: text("<workbook/>") };

    it("refuses a 200 MB claim when the limit is 100 MB", async () => {
      const zip = craftZip([
        workbookEntry,
        { name: "xl/worksheets/sheet1.xml", data: text("<x/>"), claimedSize: 200 * MB },
      ]);
      const err = await expectFileReadError(() =>
        readXlsx(zip, "bomb.xlsx", { maxUncompressedBytes: 100 * MB }),
      );
      expect(err.code).toBe("too-large-uncompressed");
      expect(err.message).toBe('"bomb.xlsx" unpacks to 200.0 MB; the most this can read is 100.0 MB');
    });

    it("refuses a claim spread over many entries that adds up past the default 300 MB", async () => {
      const entries = Array.from({ length: 4 }, (_, i) => ({
        name: `xl/media/image${i}.png`,
        data: text("x"),
        claimedSize: 80 * MB,
      }));
      const err = await expectFileReadError(() =>
        readXlsx(craftZip([workbookEntry, ...entries]), "bomb.xlsx"),
      );
      expect(err.code).toBe("too-large-uncompressed");
    });

    it("refuses a ZIP64 claim of 5 GB", async () => {
      const zip = craftZip([
        workbookEntry,
        { name: "xl/sharedStrings.xml", data: text("x"), claimedSize: 5 * 1024 * MB, zip64: true },
      ]);
      const err = await expectFileReadError(() => readXlsx(zip, "bomb64.xlsx"));
      expect(err.code).toBe("too-large-uncompressed");
      expect(err.message).toContain("5120.0 MB");
    });

    it("a lying 200 MB claim under the default limit still ends in a FileReadError, not a crash", async () => {
      const zip = craftZip([
        workbookEntry,
        { name: "xl/worksheets/sheet1.xml", data: text("<x/>"), claimedSize: 200 * MB },
      ]);
      await expectFileReadError(() => readXlsx(zip, "liar.xlsx"));
    });
  });

  it("refuses a file over maxBytes before parsing (random bytes would otherwise be 'not-xlsx')", async () => {
    const err = await expectFileReadError(() => readXlsx(noise(2048), "huge.xlsx", { maxBytes: 1024 }));
    expect(err.code).toBe("too-large");
    expect(err.message).toBe('"huge.xlsx" is 2 KB; the largest file this can read is 1 KB');
  });
});

describe("readZipDirectory", () => {
  it("reads a real workbook's directory", () => {
    const dir = readZipDirectory(real);
    expect(dir.ok).toBe(true);
    if (!dir.ok) return;
    expect(dir.value.entryNames).toContain("xl/workbook.xml");
    expect(dir.value.entryCount).toBe(dir.value.entryNames.length);
    expect(dir.value.totalUncompressedBytes).toBeGreaterThan(real.length);
    expect(dir.value.anyEncrypted).toBe(false);
  });

  it.each([
    ["no end record", new Uint8Array(100), "no-end-record"],
    ["too short for an end record", new Uint8Array(10), "no-end-record"],
  ])("%s", (_name, bytes, reason) => {
    expect(readZipDirectory(bytes)).toEqual({ ok: false, reason });
  });

  it("reports a directory that points outside the file", () => {
    const zip = craftZip([{ name: "a", data: text("a") }]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(zip.length - 22 + 16, 1_000_000, true);
    expect(readZipDirectory(zip)).toEqual({ ok: false, reason: "directory-out-of-range" });
  });
});

describe("readWorkbookFile", () => {
  it.each([
    [
      "register.xls",
      "unsupported-type",
      '"register.xls" is not an .xlsx, .xlsm or .csv file: open it in Excel and save it as .xlsx',
    ],
    [
      "register.ods",
      "unsupported-type",
      '"register.ods" is not an .xlsx, .xlsm or .csv file: open it in Excel and save it as .xlsx',
    ],
    ["notes.txt", "unsupported-type", '"notes.txt" is not an .xlsx, .xlsm or .csv file'],
    ["no-extension", "unsupported-type", '"no-extension" is not an .xlsx, .xlsm or .csv file'],
  ])("refuses %s by its extension", async (name, code, message) => {
    const err = await expectFileReadError(() => readWorkbookFile(real, name));
    expect([err.code, err.message]).toEqual([code, message]);
  });

  it("reads .xlsx, .XLSX and .xlsm with the xlsx reader", async () => {
    for (const name of ["a.xlsx", "A.XLSX", "macro.xlsm"]) {
      const grids = await readWorkbookFile(real, name);
      expect(grids.map((g) => g.sheetName)).toEqual(["Register"]);
      expect(grids[0].origin).toBe(name);
    }
  });

  it("reads .csv with the CSV reader as one grid", async () => {
    const grids = await readWorkbookFile(text("a,b\n1,2\n"), "IRIS.csv");
    expect(grids).toHaveLength(1);
    expect(grids[0].sheetName).toBe("IRIS");
  });

  it("refuses an oversized file before reading it, whatever it holds", async () => {
    for (const name of ["big.xlsx", "big.csv"]) {
      const err = await expectFileReadError(() => readWorkbookFile(noise(5000), name, { maxBytes: 4096 }));
      expect(err.code).toBe("too-large");
    }
  });

  it("refuses an empty file of either kind", async () => {
    for (const name of ["e.xlsx", "e.csv"]) {
      expect((await expectFileReadError(() => readWorkbookFile(new Uint8Array(0), name))).code).toBe("empty");
    }
  });

  it("says a password-protected .xlsx must be unprotected", async () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await expectFileReadError(() => readWorkbookFile(cfb, "Risk Register.xlsx"));
    expect(err.message).toBe(
      '"Risk Register.xlsx" is password-protected or an old .xls file: remove the password or save it as .xlsx',
    );
  });
});
