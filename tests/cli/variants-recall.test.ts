// Recall and precision per rule on six workbooks laid out unlike the bundled sample (tests/fixtures/variants):
// every planted problem must be reported at its sheet and cell, and nothing else may be reported.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildCli, runCli } from "./helpers/cli-build";
import {
  buildVariants,
  EXPECTED_MD,
  expectedMarkdown,
  VARIANTS_AS_AT,
  writeVariant,
} from "../fixtures/variants/make-variants";
import type { Expectation, Variant } from "../fixtures/variants/sheet-builder";
import { documentedRules } from "../helpers/rule-table";

jest.setTimeout(240_000);

interface JsonFinding {
  ruleId: string;
  sheet: string;
  cell: string | null;
  row: number;
  recordId: string | null;
  message: string;
}

const variants = buildVariants();
/**
 * The history rules (issue 11) read appetite, target dates and the logs, which these variants do not
 * plant yet: they are scored by their own table-driven tests and by the history sample, and left out here.
 */
const HISTORY_RULES = new Set(["risk/above-appetite", "risk/target-passed", "risk/no-change-while-slipping"]);
const specRules = [...documentedRules().keys()].filter((r) => !HISTORY_RULES.has(r));

/** Same rule, sheet and cell (or, for a sheet-level finding, the header row). */
function sameSpot(f: JsonFinding, p: Expectation): boolean {
  return (
    f.ruleId === p.ruleId && f.sheet === p.sheet && f.cell === p.cell && (p.cell !== null || f.row === p.row)
  );
}

interface Outcome {
  variant: Variant;
  findings: JsonFinding[];
  missed: Expectation[];
  extra: JsonFinding[];
}

/** Pairs findings with planted problems one to one; what is left over on either side is a miss or an extra. */
function score(variant: Variant, all: JsonFinding[]): Outcome {
  const findings = all.filter((f) => !HISTORY_RULES.has(f.ruleId));
  const left = [...findings];
  const missed: Expectation[] = [];
  for (const p of variant.planted) {
    const i = left.findIndex((f) => sameSpot(f, p));
    if (i < 0) missed.push(p);
    else left.splice(i, 1);
  }
  return { variant, findings, missed, extra: left };
}

const outcomes: Outcome[] = [];

beforeAll(async () => {
  const build = buildCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crr-variants-"));
  try {
    for (const v of variants) {
      const file = await writeVariant(v, dir);
      const run = runCli(build, ["check", file, "--as-at", VARIANTS_AS_AT, "--format", "json"]);
      if (run.status === null || run.status > 1)
        throw new Error(`${v.file}: exit ${run.status}\n${run.stderr}`);
      outcomes.push(score(v, (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // One table for the reader: per rule, planted / found (recall) and reported / correct (precision).
  const rows = specRules.map((rule) => {
    const planted = outcomes.flatMap((o) => o.variant.planted).filter((p) => p.ruleId === rule).length;
    const missed = outcomes.flatMap((o) => o.missed).filter((p) => p.ruleId === rule).length;
    const reported = outcomes.flatMap((o) => o.findings).filter((f) => f.ruleId === rule).length;
    const extra = outcomes.flatMap((o) => o.extra).filter((f) => f.ruleId === rule).length;
    const pct = (n: number, of: number) => (of === 0 ? "  – " : `${Math.round((100 * n) / of)}%`.padStart(4));
    return `${rule.padEnd(34)} ${String(planted).padStart(3)} ${String(planted - missed).padStart(5)} ${pct(planted - missed, planted)}   ${String(reported).padStart(4)} ${String(reported - extra).padStart(5)} ${pct(reported - extra, reported)}`;
  });
  console.log(
    [`rule                               plan found recall  rept  right prec.`, ...rows].join("\n") +
      "\n" +
      outcomes
        .flatMap((o) => [
          ...o.missed.map(
            (p) =>
              `MISSED ${o.variant.file}: ${p.ruleId} at ${p.sheet}!${p.cell ?? `row ${p.row}`} (${p.note})`,
          ),
          ...o.extra.map(
            (f) =>
              `EXTRA  ${o.variant.file}: ${f.ruleId} at ${f.sheet}!${f.cell ?? `row ${f.row}`}: ${f.message}`,
          ),
        ])
        .join("\n"),
  );
});

it("EXPECTED.md is the table the generator makes (UPDATE_VARIANTS=1 rewrites it)", () => {
  const text = expectedMarkdown(variants);
  if (process.env.UPDATE_VARIANTS === "1") fs.writeFileSync(EXPECTED_MD, text);
  expect(fs.readFileSync(EXPECTED_MD, "utf8")).toBe(text);
});

it("plants 2–4 problems or more for every documented rule, across at least six workbooks", () => {
  expect(variants.length).toBeGreaterThanOrEqual(6);
  expect(specRules.length).toBeGreaterThan(20);
  const counts = new Map<string, number>();
  for (const p of variants.flatMap((v) => v.planted)) counts.set(p.ruleId, (counts.get(p.ruleId) ?? 0) + 1);
  expect(specRules.filter((r) => (counts.get(r) ?? 0) < 2)).toEqual([]);
});

describe.each(variants.map((v) => [v.file, v] as const))("%s", (file) => {
  const outcome = () => outcomes.find((o) => o.variant.file === file)!;

  it("reports every planted problem at its sheet and cell (recall 1)", () => {
    expect(outcome().missed).toEqual([]);
  });

  it("reports nothing that was not planted (precision 1)", () => {
    expect(outcome().extra).toEqual([]);
  });

  it("falls into none of its traps", () => {
    const o = outcome();
    const hits = o.variant.traps.filter((t) =>
      o.findings.some((f) => f.ruleId === t.ruleId && f.sheet === t.sheet && f.row === t.row),
    );
    expect(hits).toEqual([]);
  });
});
