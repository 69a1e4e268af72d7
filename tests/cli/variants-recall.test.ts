// Recall and precision per rule on workbooks laid out unlike the bundled sample (tests/fixtures/variants):
// every planted problem must be reported at its sheet and cell, and nothing else may be reported; on the
// workbooks that list their escalations, every route per destination too. Printed as a table per rule and
// per destination; every rule and destination must reach recall and precision of 0.95 or better.

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
import type { Expectation, RouteExpectation, Variant } from "../fixtures/variants/sheet-builder";
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

interface JsonEscalation {
  recordId: string;
  sheet: string;
  row: number;
  destinations: string[];
}

const variants = buildVariants();
/**
 * The history rules (issue 11) read appetite, target dates and the logs, which these variants do not
 * plant yet: they are scored by their own table-driven tests and by the history sample, and left out here.
 */
const HISTORY_RULES = new Set(["risk/above-appetite", "risk/target-passed", "risk/no-change-while-slipping"]);
const DESTINATIONS = [
  "corporate-register",
  "directorate-register",
  "financial-cluster",
  "operations-board",
  "strategic-board",
  "transfer",
];
const specRules = [...documentedRules().keys()].filter((r) => !HISTORY_RULES.has(r));

/** Same rule, sheet and cell (or, for a sheet-level finding, the header row). */
function sameSpot(f: JsonFinding, p: Expectation): boolean {
  return (
    f.ruleId === p.ruleId && f.sheet === p.sheet && f.cell === p.cell && (p.cell !== null || f.row === p.row)
  );
}

/** One risk routed to one destination. */
interface Route {
  sheet: string;
  row: number;
  recordId: string;
  destination: string;
}

interface Outcome {
  variant: Variant;
  findings: JsonFinding[];
  missed: Expectation[];
  extra: JsonFinding[];
  /** Routes expected and routes reported (empty for variants that do not list their escalations). */
  routes: Route[];
  routed: Route[];
  missedRoutes: Route[];
  extraRoutes: Route[];
}

const routesOf = (list: (RouteExpectation | JsonEscalation)[]): Route[] =>
  list.flatMap((e) =>
    e.destinations.map((destination) => ({ sheet: e.sheet, row: e.row, recordId: e.recordId, destination })),
  );

const sameRoute = (a: Route, b: Route) =>
  a.sheet === b.sheet && a.row === b.row && a.destination === b.destination;

/** Pairs findings with planted problems one to one; what is left over on either side is a miss or an extra. */
function score(variant: Variant, all: JsonFinding[], escalations: JsonEscalation[]): Outcome {
  const findings = all.filter((f) => !HISTORY_RULES.has(f.ruleId));
  const left = [...findings];
  const missed: Expectation[] = [];
  for (const p of variant.planted) {
    const i = left.findIndex((f) => sameSpot(f, p));
    if (i < 0) missed.push(p);
    else left.splice(i, 1);
  }
  const routes = variant.routes ? routesOf(variant.routes) : [];
  const routed = variant.routes ? routesOf(escalations) : [];
  return {
    variant,
    findings,
    missed,
    extra: left,
    routes,
    routed,
    missedRoutes: routes.filter((r) => !routed.some((x) => sameRoute(r, x))),
    extraRoutes: routed.filter((x) => !routes.some((r) => sameRoute(r, x))),
  };
}

interface Figure {
  name: string;
  planted: number;
  found: number;
  reported: number;
  right: number;
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
      const json = JSON.parse(run.stdout) as { findings: JsonFinding[]; escalations: JsonEscalation[] };
      outcomes.push(score(v, json.findings, json.escalations));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pct = (n: number, of: number) => (of === 0 ? "  – " : `${Math.round((100 * n) / of)}%`.padStart(4));
  const line = (f: Figure) =>
    `${f.name.padEnd(34)} ${String(f.planted).padStart(3)} ${String(f.found).padStart(5)} ${pct(f.found, f.planted)}   ${String(f.reported).padStart(4)} ${String(f.right).padStart(5)} ${pct(f.right, f.reported)}`;
  console.log(
    [
      `rule                               plan found recall  rept  right prec.`,
      ...ruleFigures().map(line),
      ``,
      `destination                        plan found recall  rept  right prec.`,
      ...destinationFigures().map(line),
    ].join("\n") +
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
          ...o.missedRoutes.map(
            (r) => `MISSED ${o.variant.file}: ${r.destination} for ${r.recordId} (${r.sheet} row ${r.row})`,
          ),
          ...o.extraRoutes.map(
            (r) => `EXTRA  ${o.variant.file}: ${r.destination} for ${r.recordId} (${r.sheet} row ${r.row})`,
          ),
        ])
        .join("\n"),
  );
});

/** Per rule: planted / found (recall) and reported / correct (precision), over every variant. */
function ruleFigures(): Figure[] {
  return specRules.map((rule) => {
    const planted = outcomes.flatMap((o) => o.variant.planted).filter((p) => p.ruleId === rule).length;
    const missed = outcomes.flatMap((o) => o.missed).filter((p) => p.ruleId === rule).length;
    const reported = outcomes.flatMap((o) => o.findings).filter((f) => f.ruleId === rule).length;
    const extra = outcomes.flatMap((o) => o.extra).filter((f) => f.ruleId === rule).length;
    return { name: rule, planted, found: planted - missed, reported, right: reported - extra };
  });
}

/** Per destination, over the variants that list their escalations. */
function destinationFigures(): Figure[] {
  return DESTINATIONS.map((dest) => {
    const count = (pick: (o: Outcome) => Route[]) =>
      outcomes.flatMap(pick).filter((r) => r.destination === dest).length;
    const planted = count((o) => o.routes);
    const reported = count((o) => o.routed);
    return {
      name: dest,
      planted,
      found: planted - count((o) => o.missedRoutes),
      reported,
      right: reported - count((o) => o.extraRoutes),
    };
  });
}

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

const ratio = (n: number, of: number) => (of === 0 ? 1 : n / of);

it("reaches recall and precision of 0.95 for every rule and every escalation destination", () => {
  const below = [...ruleFigures(), ...destinationFigures()]
    .filter((f) => ratio(f.found, f.planted) < 0.95 || ratio(f.right, f.reported) < 0.95)
    .map((f) => `${f.name}: recall ${f.found}/${f.planted}, precision ${f.right}/${f.reported}`);
  expect(below).toEqual([]);
});

it("lists escalations for the real-register variants, on every destination", () => {
  const listed = new Set(
    variants.flatMap((v) => (v.routes ? routesOf(v.routes) : [])).map((r) => r.destination),
  );
  expect(DESTINATIONS.filter((d) => !listed.has(d))).toEqual([]);
});

describe.each(variants.map((v) => [v.file, v] as const))("%s", (file) => {
  const outcome = () => outcomes.find((o) => o.variant.file === file)!;

  it("reports every planted problem at its sheet and cell (recall 1)", () => {
    expect(outcome().missed).toEqual([]);
  });

  it("reports nothing that was not planted (precision 1)", () => {
    expect(outcome().extra).toEqual([]);
  });

  it("routes every listed escalation, and no other", () => {
    const o = outcome();
    expect([...o.missedRoutes, ...o.extraRoutes]).toEqual([]);
  });

  it("falls into none of its traps", () => {
    const o = outcome();
    const hits = o.variant.traps.filter((t) =>
      o.findings.some((f) => f.ruleId === t.ruleId && f.sheet === t.sheet && f.row === t.row),
    );
    expect(hits).toEqual([]);
  });
});
