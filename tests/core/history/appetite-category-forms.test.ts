// A register's category written in another form of the words Settings use ("Finance" where Settings say
// "Financial") takes that category's appetite, not the default level: officers and contractors word the
// same category differently, and the default would judge a financial risk against the wrong score.
// Judgement (SPEC is silent on word forms): a form matches when the words share at least five letters and
// each adds at most three ("Finance"/"Financial", "Operations"/"Operational"), and only when exactly one
// Settings category matches that way; an exact name (any case or spacing) always wins.

import { appetiteFor } from "../../../src/core/history/appetite";
import { defaultSettings, type Settings } from "../../../src/core/model/settings";

const settingsWith = (categories: Settings["appetite"]["categories"]): Pick<Settings, "appetite"> => ({
  appetite: { ...defaultSettings().appetite, categories, defaultLevel: "cautious" },
});

const settings = settingsWith({
  Financial: "averse",
  Reputational: "minimal",
  Operational: "open",
  Strategic: "eager",
  "Health & Safety": "averse",
  Legal: "minimal",
});

describe("appetite by category, the category written in another form", () => {
  it.each([
    ["Finance", "averse"],
    ["finances", "averse"],
    ["Reputation", "minimal"],
    ["Operations", "open"],
    ["Strategy", "eager"],
    ["Health and Safety", "averse"],
    ["2. Finance", "averse"],
    ["Financial", "averse"],
  ])("%s takes the level Settings give its category (%s)", (category, level) => {
    expect(appetiteFor(category, settings).level).toBe(level);
  });

  it.each([
    // Different words that merely start alike, or share too little.
    ["Legislation", "cautious"],
    ["Leg", "cautious"],
    ["Finance and Legal", "cautious"],
    ["People", "cautious"],
    ["Information", "cautious"],
  ])("%s is not a form of any category: the default level (%s)", (category, level) => {
    expect(appetiteFor(category, settings).level).toBe(level);
  });

  it("takes the exact name over another form", () => {
    const both = settingsWith({ Finance: "eager", Financial: "averse" });
    expect(appetiteFor("Finance", both).level).toBe("eager");
    expect(appetiteFor("FINANCIAL", both).level).toBe("averse");
  });

  it("matches no form when two categories would match it", () => {
    const two = settingsWith({ Operational: "open", Operations: "eager" });
    expect(appetiteFor("Operation", two).level).toBe("cautious");
  });

  it("keeps the risk's own words for the reason", () => {
    expect(appetiteFor("Finance", settings)).toMatchObject({ category: "Finance", level: "averse" });
  });
});
