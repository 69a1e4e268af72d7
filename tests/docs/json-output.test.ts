// docs/json-output.md, the contract `check --format json` prints (README links it), held to what the
// command line prints: each shape's example has the keys real output has, in its order; every key and every
// value a closed list allows is named in the text; the keys left out when empty are marked optional; and
// which shape a command prints is as the page says.

import * as fs from "fs";
import * as path from "path";
import { FIELDS_BY_KIND } from "../../src/core/model/fields";
import { runMain } from "../cli/helpers/main-in-process";
import { HEADER } from "../cli/helpers/registers";
import { REPO_ROOT } from "../helpers/fixture-paths";
import { tempFolder } from "../helpers/test-files";

jest.setTimeout(120_000);

const DOC_PATH = "docs/json-output.md";
const DOC = fs.readFileSync(path.join(REPO_ROOT, DOC_PATH), "utf8");
const SAMPLE = path.join(REPO_ROOT, "tests/fixtures/sample/contract-risk-sample.xlsx");
const HISTORY_SAMPLE = path.join(REPO_ROOT, "tests/fixtures/sample/contract-risk-history.xlsx");
const tmp = tempFolder("crr-json-output-");

type Obj = Record<string, unknown>;

/** The page's section under `## heading`, up to the next `## `. */
function section(heading: string): string {
  const start = DOC.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${DOC_PATH} has no section "${heading}"`);
  const end = DOC.indexOf("\n## ", start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** The one ```json example of a section, parsed. */
function example(heading: string): Obj {
  const m = /```json\n([\s\S]*?)\n```/.exec(section(heading));
  if (!m) throw new Error(`${DOC_PATH} "${heading}" has no json example`);
  return JSON.parse(m[1]) as Obj;
}

/** The keys of a list's items, in the order they first appear (an optional key where some item has it). */
function keysOf(items: unknown): string[] {
  const keys: string[] = [];
  for (const item of items as Obj[]) for (const k of Object.keys(item)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** Keys some item lacks: the ones real output leaves out when empty. */
function leftOut(items: unknown): string[] {
  const list = items as Obj[];
  return keysOf(list).filter((k) => list.some((item) => !(k in item)));
}

/** A one-register CSV whose Date of Last Review column can only be read month first (09/30/2022). */
function monthFirstCsv(): string {
  const file = path.join(tmp, "us-export.csv");
  const rows = [
    HEADER,
    [
      "HRC-001",
      "Pothole claims",
      "Jane Smith",
      4,
      5,
      20,
      "Red",
      "Treat",
      "More gangs",
      "09/30/2022",
      "11/30/2022",
      "Open",
    ],
    [
      "HRC-002",
      "Gully cleansing",
      "Raj Patel",
      2,
      2,
      4,
      "Green",
      "Treat",
      "Jetting",
      "10/05/2022",
      "11/30/2022",
      "Open",
    ],
  ];
  fs.writeFileSync(file, rows.map((r) => r.join(",")).join("\n") + "\n");
  return file;
}

/** `check … --format json` as the command line prints it, parsed. */
async function checkJson(args: string[]): Promise<Obj> {
  const run = await runMain(["check", ...args, "--as-at", "2022-10-10", "--format", "json"]);
  expect(run.status === 0 || run.status === 1).toBe(true);
  return JSON.parse(run.stdout) as Obj;
}

let one: Obj;
let oneMonthFirst: Obj;
let many: Obj;
let folderOfOne: Obj;

beforeAll(async () => {
  one = await checkJson([HISTORY_SAMPLE]);
  oneMonthFirst = await checkJson([monthFirstCsv()]);
  const broken = path.join(tmp, "broken.xlsx");
  fs.writeFileSync(broken, "this is not a zip");
  many = await checkJson([SAMPLE, HISTORY_SAMPLE, broken]);
  const folder = path.join(tmp, "one-register");
  fs.mkdirSync(folder);
  fs.copyFileSync(HISTORY_SAMPLE, path.join(folder, "contract-risk-history.xlsx"));
  folderOfOne = await checkJson([folder]);
});

describe(`${DOC_PATH}: the single-file shape`, () => {
  const doc = example("One workbook");
  const lists = ["findings", "escalations", "risks", "proposals"] as const;

  it("has the top-level keys `check FILE` prints, in its order", () => {
    expect(Object.keys(doc)).toEqual(Object.keys(one));
  });

  it("gives each sheet the keys real output does, monthFirst among them, in their order", () => {
    const real = [...(one.sheets as Obj[]), ...(oneMonthFirst.sheets as Obj[])];
    expect(keysOf(doc.sheets)).toEqual(keysOf(real));
    expect(leftOut(real)).toEqual(["monthFirst"]);
  });

  it.each(lists)("gives each of %s the keys real output does, in their order", (list) => {
    expect((one[list] as Obj[]).length).toBeGreaterThan(0);
    expect(keysOf(doc[list])).toEqual(keysOf(one[list]));
    expect(leftOut(one[list])).toEqual([]);
  });
});

describe(`${DOC_PATH}: the several-files shape`, () => {
  const doc = example("Several workbooks");

  it("has the top-level keys `check FILE FILE …` prints, in its order, and no `risks`", () => {
    expect(Object.keys(doc)).toEqual(Object.keys(many));
    expect(Object.keys(many)).not.toContain("risks");
  });

  it("gives each file the keys real output does, error among them", () => {
    expect(keysOf(doc.files)).toEqual(keysOf(many.files));
    expect(leftOut(many.files)).toEqual(["error"]);
  });

  it.each(["findings", "escalations", "proposals"] as const)(
    "gives each of %s `file` first, then the single-file keys",
    (list) => {
      expect((many[list] as Obj[]).length).toBeGreaterThan(0);
      expect(keysOf(doc[list])).toEqual(keysOf(many[list]));
      expect(keysOf(many[list])).toEqual(["file", ...keysOf(one[list])]);
    },
  );

  it("is what a folder holding one workbook prints, as the page says", () => {
    expect(DOC).toMatch(
      /a folder \(a folder holding only one workbook\s+too\), prints the \[several-files shape\]/,
    );
    expect(Object.keys(folderOfOne)).toEqual(Object.keys(many));
    expect(Object.keys(one)).toContain("risks");
  });
});

describe(`${DOC_PATH}: every key and value named`, () => {
  const realKeys = (): string[] => {
    const lists = (o: Obj) => Object.values(o).filter(Array.isArray) as Obj[][];
    const keys = new Set<string>([...Object.keys(one), ...Object.keys(many)]);
    for (const o of [one, oneMonthFirst, many])
      for (const list of lists(o))
        for (const k of keysOf(list.filter((x) => typeof x === "object"))) keys.add(k);
    return [...keys];
  };

  it("describes every key real output has", () => {
    const missing = realKeys().filter((k) => !DOC.includes(`- \`${k}\``) && !DOC.includes(`\`${k}\`, `));
    expect(missing).toEqual([]);
  });

  it("marks optional exactly the keys real output leaves out", () => {
    const optional = [...DOC.matchAll(/`(\w+)` \([_*]optional[_*]\)/g)].map((m) => m[1]).sort();
    // `holds` (fx29-archive): a register named as closed risks or opportunities says so; others leave it out.
    // `formulasWithoutResults` (fx-prod31): only a file saved without formula results (POI, openpyxl) has it.
    expect(optional).toEqual(["error", "formulasWithoutResults", "holds", "monthFirst"]);
  });

  it("names every sheet kind, severity, trend, action and destination real output gives", () => {
    const values = new Set<string>();
    for (const s of [...(one.sheets as Obj[]), ...((many.files as Obj[]).flatMap((f) => f.sheets) as Obj[])])
      values.add(String(s.kind));
    for (const o of [one, many]) {
      for (const f of o.findings as Obj[]) values.add(String(f.severity));
      for (const e of o.escalations as Obj[]) {
        values.add(String(e.trend));
        for (const d of e.destinations as string[]) values.add(d);
      }
      for (const p of o.proposals as Obj[]) values.add(String(p.action)).add(String(p.destination));
    }
    for (const r of one.risks as Obj[]) values.add(String(r.trend));
    values.delete("null");
    expect([...values].filter((v) => !DOC.includes(`\`${v}\``))).toEqual([]);
  });

  it("names every field a sheet's `columns` may give, kind by kind", () => {
    const fields = new Set(Object.values(FIELDS_BY_KIND).flat());
    expect([...fields].filter((f) => !DOC.includes(`\`${f}\``))).toEqual([]);
  });
});
