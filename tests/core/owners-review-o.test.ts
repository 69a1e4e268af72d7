// Owners as people read them (SPEC "Real registers", risk/owner-conflict): a SharePoint list export's
// person field ("Smith, J;#12;#Jones, K") is read as its names, and "Name (Job title)" is the same
// person as "Name" when owners are compared across registers.

import { checkWorkbook } from "../../src/core/check";
import { defaultSettings } from "../../src/core/model/settings";
import type { Report } from "../../src/core/model/report";
import { findingsOf, grid, register, risk, type SheetSpec } from "./rules/harness";

const CONFLICT = "risk/owner-conflict";
const MISSING = "risk/missing-owner";

const councilRegister = (...rows: ReturnType<typeof risk>[]): SheetSpec => ({
  ...register(...rows),
  name: "Council Risks",
});

function check(sheets: SheetSpec[]): Report {
  return checkWorkbook(sheets.map(grid), {
    settings: defaultSettings(),
    asAt: "2022-10-10",
    today: "2022-10-10",
    source: "test.xlsx",
  });
}

describe("SharePoint person fields", () => {
  it.each<[string, string, string]>([
    ["two people with ids", "Smith, J;#12;#Jones, K", "Smith, J; Jones, K"],
    ["two people, each with an id", "Smith, J;#12;#Jones, K;#14", "Smith, J; Jones, K"],
    ["one person with an id", "Smith, J;#12", "Smith, J"],
    ["an id before the name (SharePoint's own order)", "12;#Smith, J", "Smith, J"],
    ["an ordinary owner", "Jane Smith", "Jane Smith"],
    ["an ordinary owner with a comma", "Smith, Jane", "Smith, Jane"],
    ["a text that only looks like a list", "Smith;#Jones", "Smith;#Jones"],
  ])("%s: the risk's owner reads as its names", (_name, written, read) => {
    const report = check([register(risk({ owner: written }))]);
    expect(report.risks.map((f) => f.owner)).toEqual([read]);
  });

  it("the owner-conflict message names the people, not the ids", () => {
    const report = check([register(risk()), councilRegister(risk({ owner: "Smith, J;#12;#Jones, K" }))]);
    const messages = report.findings.filter((f) => f.ruleId === CONFLICT).map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"Smith, J; Jones, K"');
    expect(messages[0]).not.toContain(";#");
  });

  it("the same person with and without an id is no conflict", () => {
    expect(
      findingsOf(CONFLICT, [
        register(risk({ owner: "Smith, J" })),
        councilRegister(risk({ owner: "Smith, J;#12" })),
      ]),
    ).toEqual([]);
  });

  it("different people with ids are still a conflict", () => {
    expect(
      findingsOf(CONFLICT, [
        register(risk({ owner: "Smith, J;#12" })),
        councilRegister(risk({ owner: "Jones, K;#14" })),
      ]),
    ).toEqual([["C3", "conflict"]]);
  });

  it("an owner that is a person with an id is not missing", () => {
    expect(findingsOf(MISSING, [register(risk({ owner: "Smith, J;#12" }))])).toEqual([]);
  });
});

describe("owners with a job title in brackets", () => {
  it.each<[string, string, string]>([
    ["name with job title, then name", "Dave Brown (Head of Highways)", "Dave Brown"],
    ["name, then name with job title", "Dave Brown", "Dave Brown (Head of Highways)"],
    ["two job titles for one name", "Dave Brown (Head of Highways)", "dave  brown (Highways Manager)"],
  ])("valid: %s", (_name, first, second) => {
    expect(
      findingsOf(CONFLICT, [register(risk({ owner: first })), councilRegister(risk({ owner: second }))]),
    ).toEqual([]);
  });

  it.each<[string, string, string]>([
    ["different names, one with a job title", "Dave Brown (Head of Highways)", "Jane Smith"],
    ["different names, same job title", "Dave Brown (Head of Highways)", "Jane Smith (Head of Highways)"],
    ["a vacant post and a person", "Vacant (Head of Highways)", "Dave Brown"],
    ["two different vacant posts", "Vacant (Head of Highways)", "Vacant (Head of Finance)"],
  ])("invalid: %s", (_name, first, second) => {
    expect(
      findingsOf(CONFLICT, [register(risk({ owner: first })), councilRegister(risk({ owner: second }))]),
    ).toEqual([["C3", "conflict"]]);
  });

  it("the conflict message shows the owners as written", () => {
    const report = check([
      register(risk({ owner: "Dave Brown (Head of Highways)" })),
      councilRegister(risk({ owner: "Jane Smith" })),
    ]);
    const messages = report.findings.filter((f) => f.ruleId === CONFLICT).map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"Jane Smith"');
    expect(messages[0]).toContain('"Dave Brown (Head of Highways)"');
  });

  it("the risk's owner is still shown as written", () => {
    const report = check([register(risk({ owner: "Dave Brown (Head of Highways)" }))]);
    expect(report.risks.map((f) => f.owner)).toEqual(["Dave Brown (Head of Highways)"]);
  });
});
