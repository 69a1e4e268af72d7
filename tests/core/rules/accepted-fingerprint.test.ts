// Accepted exceptions' fingerprints (src/core/rules/accepted.ts): they cover the record's unmapped cells,
// and an exception stored before they did still matches, so upgrading brings no accepted finding back.

import type { AcceptedException } from "../../../src/core/model/settings";
import { fingerprintStillMatches } from "../../../src/core/rules/accepted";
import { REGISTER_HEADERS, reportOf, risk, type RiskRow, type SheetSpec } from "./harness";

/** A register with one risk that has no strategy, and a council-only column when `notes` is given. */
const sheetOf = (over: RiskRow, notes?: string): SheetSpec => ({
  name: "IRIS Risks",
  rows: [
    ["Contract risk register"],
    notes === undefined ? REGISTER_HEADERS : [...REGISTER_HEADERS, "Council notes"],
    notes === undefined ? risk({ strategy: null, ...over }) : [...risk({ strategy: null, ...over }), notes],
  ],
});

const exception = (fingerprint: string): AcceptedException => ({
  ruleId: "risk/missing-strategy",
  sheet: "IRIS Risks",
  recordId: "HRC-001",
  reason: "Agreed at the Risk Management Board",
  reviewBy: "2023-01-31",
  fingerprint,
});

/** Where the missing-strategy finding ends up: "accepted" or "listed". */
function outcome(sheet: SheetSpec, e: AcceptedException): "accepted" | "listed" {
  const r = reportOf([sheet], { settings: { acceptedExceptions: [e] } });
  return r.accepted.some((f) => f.ruleId === e.ruleId) ? "accepted" : "listed";
}

const fingerprintOf = (sheet: SheetSpec): string =>
  reportOf([sheet]).findings.find((f) => f.ruleId === "risk/missing-strategy")!.fingerprint!;

/** The fingerprint the add-in stored for this risk before unmapped cells counted (with or without notes). */
const STORED_BEFORE = "1eedt8n";

describe("accepted exception fingerprints", () => {
  it("are two parts: the mapped cells' digest as it was stored before, then the unmapped cells'", () => {
    expect(fingerprintOf(sheetOf({}, "Strategy to be agreed"))).toMatch(/^1eedt8n[0-9a-z]{7}$/);
    expect(fingerprintOf(sheetOf({}))).toMatch(/^1eedt8n[0-9a-z]{7}$/);
  });

  it("keep an exception stored before the upgrade accepted, with or without a council-only column", () => {
    expect(outcome(sheetOf({}, "Strategy to be agreed"), exception(STORED_BEFORE))).toBe("accepted");
    expect(outcome(sheetOf({}), exception(STORED_BEFORE))).toBe("accepted");
  });

  it("bring an exception stored before the upgrade back when a mapped cell changes", () => {
    expect(
      outcome(sheetOf({ title: "Another title" }, "Strategy to be agreed"), exception(STORED_BEFORE)),
    ).toBe("listed");
  });

  it("bring a new exception back when a council-only column is filled in for the record", () => {
    const e = exception(fingerprintOf(sheetOf({}, "")));
    expect(outcome(sheetOf({}, ""), e)).toBe("accepted");
    expect(outcome(sheetOf({}, "Owner disputes this risk"), e)).toBe("listed");
  });

  it.each<[string, string, string | undefined, boolean]>([
    ["the same", "0000abc000045h", "0000abc000045h", true],
    ["a one-part one, leading zeros dropped", "abc", "0000abc1234567", true],
    ["a one-part one, other mapped cells", "abd", "0000abc1234567", false],
    ["a two-part one, other unmapped cells", "0000abc000045h", "0000abc1234567", false],
    ["a finding with no fingerprint", "abc", undefined, false],
    ["a made-up one (tests, old findings)", "fp-HRC-001", "fp-HRC-001", true],
  ])("fingerprintStillMatches: %s", (_name, stored, current, matches) => {
    expect(fingerprintStillMatches(stored, current)).toBe(matches);
  });
});
