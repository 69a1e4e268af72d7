import { parseStrategy, strategiesNamed, type Strategy } from "../../../src/core/parse";
import { defaultSettings } from "../../../src/core/model/settings";

const words = defaultSettings().strategyWords;

describe("parseStrategy", () => {
  it.each<[string, Strategy]>([
    ["Treat", "treat"],
    ["treat", "treat"],
    ["TREAT", "treat"],
    ["Treat - reduce", "treat"],
    ["Treat: reduce likelihood", "treat"],
    ["Reduce", "treat"],
    ["Mitigate", "treat"],
    ["Mitigated", "treat"],
    ["Control", "treat"],
    ["Controlled", "treat"],
    ["Treating", "treat"],
    ["Tolerate", "tolerate"],
    ["Tolerate/Accept", "tolerate"],
    ["Accept", "tolerate"],
    ["Accepted", "tolerate"],
    ["Retain", "tolerate"],
    ["Transfer", "transfer"],
    ["Transfer to insurer", "transfer"],
    ["Transferred", "transfer"],
    ["Share", "transfer"],
    ["Insure", "transfer"],
    ["Terminate", "terminate"],
    ["Avoid", "terminate"],
    ["Take", "take"],
    ["Exploit", "take"],
    ["Enhance", "take"],
    ["  Treat  ", "treat"],
    ["1. Treat", "treat"],
    ["Treat/Transfer", "treat"],
    ["Risk Transfer", "transfer"],
    ["Risk accepted", "tolerate"],
    ["Insurance", "transfer"],
    ["Acceptance", "tolerate"],
    ["Avoidance", "terminate"],
    // The noun in -ment or -ion, as the one in -ance: an officer's "Treatment" is treat.
    ["Treatment", "treat"],
    ["Risk reduction", "treat"],
    ["Mitigation Strategy", "treat"],
    ["Tolerance", "tolerate"],
    ["Termination", "terminate"],
    // A Take word alone or before a mark is the opportunity's strategy; run on into a sentence it is a verb,
    // and the sentence's strategy word decides (SPEC Values: Take (exploit, enhance); Treat (reduce, control)).
    ["Take – exploit", "take"],
    ["Take (enhance)", "take"],
    ["Exploit", "take"],
    ["Take: income from permits", "take"],
    ["Take action to reduce", "treat"],
    ["Enhance controls", "treat"],
    ["Take out insurance", "transfer"],
    ["Treat – take out insurance", "treat"],
  ])("%j is %s", (text, expected) => {
    expect(parseStrategy(text, words)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RegExp]>([
    ["", /^blank$/],
    ["   ", /^blank$/],
    ["-", /^blank$/],
    ["Monitor", /unknown strategy "Monitor"/],
    ["Not treated", /unknown strategy/],
    ["TBC", /unknown strategy/],
    ["Risk", /unknown strategy/],
    ["Risk owner to review", /unknown strategy/],
    ["Exploit existing contract terms to recover costs", /unknown strategy "Exploit existing/],
  ])("%j fails (%s)", (text, reason) => {
    const r = parseStrategy(text, words);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("uses the words in settings, multi-word ones included", () => {
    const custom = { ...words, transfer: ["risk share"], treat: ["manage"] };
    expect(parseStrategy("Risk share with contractor", custom)).toEqual({ ok: true, value: "transfer" });
    expect(parseStrategy("Manage", custom)).toEqual({ ok: true, value: "treat" });
    expect(parseStrategy("Share", custom).ok).toBe(false);
  });

  it("does not throw on junk settings", () => {
    const junk = { treat: "treat", tolerate: [null, 3] } as unknown as typeof words;
    expect(parseStrategy("Treat", junk).ok).toBe(false);
  });

  it("shortens a long unknown value in the reason", () => {
    const r = parseStrategy("x".repeat(200), words);
    expect(!r.ok && r.reason.length).toBeLessThan(80);
  });
});

describe("strategiesNamed", () => {
  it.each<[string, Strategy[]]>([
    ["Treat/Transfer", ["treat", "transfer"]],
    ["Treat & Insure", ["treat", "transfer"]],
    ["Tolerate, Transfer (insurance)", ["tolerate", "transfer"]],
    ["Tolerate/Accept", ["tolerate"]],
    ["Treat - reduce and share learning", ["treat"]],
    ["Transfer to insurer", ["transfer"]],
    ["TBC", []],
    ["", []],
  ])("%j names %j", (text, expected) => {
    expect(strategiesNamed(text, words)).toEqual(expected);
  });
});
