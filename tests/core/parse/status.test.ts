import {
  parseActionState,
  parsePlanStatus,
  parseRiskState,
  type ActionState,
  type PlanStatus,
  type RiskState,
} from "../../../src/core/parse";
import { defaultSettings } from "../../../src/core/model/settings";

const settings = defaultSettings();

describe("parseRiskState", () => {
  it.each<[string, RiskState]>([
    ["Open", "open"],
    ["Live", "open"],
    ["Active", "open"],
    ["Escalated", "open"],
    ["Proposed", "open"],
    ["Draft", "open"],
    ["", "open"],
    ["Something new", "open"],
    ["Not closed", "open"],
    ["Closed", "closed"],
    ["CLOSED", "closed"],
    ["closed - merged into HRC-004", "closed"],
    ["Archived", "closed"],
    ["Transferred", "closed"],
    ["Retired", "closed"],
    [" Closed. ", "closed"],
  ])("%j is %s", (text, expected) => {
    expect(parseRiskState(text, settings)).toBe(expected);
  });
});

describe("parseActionState", () => {
  it.each<[string, ActionState]>([
    ["Complete", "done"],
    ["Completed", "done"],
    ["completed 12/09/2022", "done"],
    ["Closed", "done"],
    ["Done", "done"],
    ["Implemented", "done"],
    ["Cancelled", "done"],
    ["Canceled", "done"],
    ["Open", "open"],
    ["In progress", "open"],
    ["Red", "open"],
    ["Amber", "open"],
    ["Green", "open"],
    ["", "open"],
    ["Not complete", "open"],
    ["Partially completed", "open"],
  ])("%j is %s", (text, expected) => {
    expect(parseActionState(text, settings)).toBe(expected);
  });
});

describe("parsePlanStatus", () => {
  it.each<[string, PlanStatus]>([
    [
      "Completed. Output reports from BBLP IRIS system now formally reviewed by Risk Management Board",
      "completed",
    ],
    ["Completed. New Structure now agreed with plan in place for recruitment", "completed"],
    ["Completed", "completed"],
    ["Complete", "completed"],
    ["Closed", "completed"],
    ["In progress", "in-progress"],
    ["In Progress - recruitment underway", "in-progress"],
    ["Ongoing", "in-progress"],
    ["On-going", "in-progress"],
    ["Underway", "in-progress"],
    ["On track", "in-progress"],
    ["Not started", "not-started"],
    ["Not yet started", "not-started"],
    ["Delayed", "delayed"],
    ["Delayed - awaiting contractor", "delayed"],
    ["At risk", "delayed"],
    ["Cancelled", "cancelled"],
    ["Superseded by action 4.2", "cancelled"],
  ])("%j is %s", (text, expected) => {
    expect(parsePlanStatus(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RegExp]>([
    ["", /^blank$/],
    ["  ", /^blank$/],
    ["Partially completed", /does not start with a plan status word/],
    ["Council full members of Apse", /does not start/],
    ["Red", /does not start/],
    ["Not completed", /does not start/],
    ["Completion expected March", /does not start/],
  ])("%j fails (%s)", (text, reason) => {
    const r = parsePlanStatus(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
