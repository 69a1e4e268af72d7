import {
  parseActionState,
  parsePlanStatus,
  parseRiskState,
  type ActionState,
  type PlanStatus,
  type RiskState,
} from "../../../src/core/parse";
import { defaultSettings } from "../../../src/core/model/settings";
import { mergedInto } from "../../../src/core/parse";

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
    // NEC4 removes an early warning from its register (review 31).
    ["Removed", "closed"],
    ["Removed from register", "closed"],
    ["Removed (21/06/2022)", "closed"],
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
    ["Not applicable – superseded by 2.1", "cancelled"],
    ["Not applicable", "cancelled"],
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

describe("statuses as registers write them (issue 8)", () => {
  it.each<[string, RiskState]>([
    ["Closed (30/11/2022)", "closed"],
    ["Closed 30/11/2022", "closed"],
    ["Merged", "closed"],
    ["Merged with HRC-012", "closed"],
    ["Merged into HRC-012", "closed"],
    ["Superseded by US-03", "closed"],
    ["Superseded", "closed"],
    ["Combined with SL-03", "closed"],
    ["Retired", "closed"],
    ["Open (reopened 01/09/2022)", "open"],
    // A later word reverses the closed word.
    ["Closed – reopened Sep-22", "open"],
    ["Closed (re-opened at RMB 12/09/22)", "open"],
    ["Closed, reinstated 01/09/2022", "open"],
    ["Closed – not to be reopened", "closed"],
    ["Closed; never reopened", "closed"],
    // A reopening only said to be possible has not happened.
    ["Closed – can be reopened if the A38 scheme is re-programmed", "closed"],
    ["Closed; may be re-opened should DfT funding be withdrawn", "closed"],
    ["Closed, will not be reopened", "closed"],
    ["Closed – could be reinstated at RMB", "closed"],
    ["Closed – would need to be reopened by CMT", "closed"],
    // "May" the month is no such word; "has been" says it happened.
    ["Closed in May – reopened Sep-22", "open"],
    ["Closed – has been reopened at RMB", "open"],
  ])("risk %j is %s", (text, expected) => {
    expect(parseRiskState(text, settings)).toBe(expected);
  });

  it.each<[string, ActionState]>([
    ["Blue", "done"],
    ["100%", "done"],
    ["100% complete", "done"],
    ["100 % Complete", "done"],
    ["Complete (31/08/2022)", "done"],
    ["50%", "open"],
    ["50% complete", "open"],
    ["99% complete", "open"],
    ["0%", "open"],
    ["Red", "open"],
    ["Amber", "open"],
    ["Green", "open"],
  ])("action %j is %s", (text, expected) => {
    expect(parseActionState(text, settings)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ["Merged with HRC-012", "HRC-012"],
    ["Merged into HRC 012", "HRC 012"],
    ["merged into risk SL-03.", "SL-03"],
    ["Superseded by US-03", "US-03"],
    ["Combined with R4 (Annex B)", "R4"],
    ["Merged", null],
    ["Merged with the winter risk", null],
    ["Closed", null],
    ["Open", null],
  ])("the risk %j was merged into %j", (text, id) => {
    expect(mergedInto(text)).toBe(id);
  });
});
