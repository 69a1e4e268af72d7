// The history sample through the command line: direction of travel for every risk, the proposals, and the
// three history rules reported exactly where they were planted (recall and precision), none of the traps.

import * as fs from "fs";
import * as path from "path";
import { buildCli, runCli, SAMPLE_DIR } from "./helpers/cli-build";

jest.setTimeout(180_000);

interface Spot {
  ruleId: string;
  sheet: string;
  cell: string | null;
  recordId: string | null;
}
const expected = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, "history-planted.json"), "utf8")) as {
  asAt: string;
  file: string;
  planted: Spot[];
  traps: Spot[];
  trends: Record<string, string | null>;
  proposals: unknown[];
};
const HISTORY_RULES = ["risk/above-appetite", "risk/target-passed", "risk/no-change-while-slipping"];

let json: {
  findings: Spot[];
  risks: { recordId: string; trend: string | null }[];
  escalations: { recordId: string; trend: string | null }[];
  proposals: unknown[];
};
let text = "";

beforeAll(() => {
  const build = buildCli();
  const file = path.join(SAMPLE_DIR, expected.file);
  const run = runCli(build, ["check", file, "--as-at", expected.asAt, "--format", "json"]);
  expect(run.stderr).toBe("");
  json = JSON.parse(run.stdout) as typeof json;
  text = runCli(build, ["check", file, "--as-at", expected.asAt]).stdout;
});

it("gives every risk its planted direction of travel, on risks and escalations alike", () => {
  expect(Object.fromEntries(json.risks.map((r) => [r.recordId, r.trend]))).toEqual(expected.trends);
  for (const e of json.escalations)
    expect([e.recordId, e.trend]).toEqual([e.recordId, expected.trends[e.recordId]]);
});

it("proposes exactly the planted escalations and de-escalations, with their reasons", () => {
  expect(json.proposals).toEqual(expected.proposals);
});

it("reports the history rules exactly where they were planted", () => {
  const spot = (f: Spot) => `${f.ruleId} ${f.sheet}!${f.cell} ${f.recordId}`;
  const found = json.findings
    .filter((f) => HISTORY_RULES.includes(f.ruleId))
    .map(spot)
    .sort();
  expect(found).toEqual(expected.planted.map(spot).sort());
  expect(new Set(expected.planted.map((p) => p.ruleId))).toEqual(new Set(HISTORY_RULES));
});

it("falls into none of the traps", () => {
  const hits = expected.traps.filter((t) =>
    json.findings.some((f) => f.ruleId === t.ruleId && f.sheet === t.sheet && f.recordId === t.recordId),
  );
  expect(hits).toEqual([]);
});

it("shows arrows and proposals in the text output", () => {
  expect(text).toMatch(/H-01 +Risk Register row 3 +↑ up +Corporate risk register/);
  expect(text).toContain("Proposed changes for the boards (6; never applied by themselves):");
  // Each proposal names its destination as the board knows it, not by the id the JSON uses.
  expect(text).toMatch(/H-01 +Risk Register row 3 +Escalate to Corporate risk register +score 16 above/);
  expect(text).toMatch(/H-05 +Risk Register row 7 +De-escalate from Corporate risk register +score 4 at/);
  expect(text).not.toMatch(/(?:escalate|from|to) (?:corporate|directorate)-register/);
  expect(text).toContain(
    "Direction of travel of open risks: 4 ↑ up, 1 ↓ down, 7 → same, 1 new, 1 with no direction (not dated, or no score).",
  );
});
