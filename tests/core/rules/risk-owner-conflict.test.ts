import { findingsOf, register, risk, type SheetSpec } from "./harness";

const RULE = "risk/owner-conflict";

/** The same register layout under another sheet name (a second register in the workbook). */
const councilRegister = (...rows: ReturnType<typeof risk>[]): SheetSpec => ({
  ...register(...rows),
  name: "Council Risks",
});

describe(RULE, () => {
  it.each<[string, SheetSpec[]]>([
    ["the same owner on both registers", [register(risk()), councilRegister(risk())]],
    [
      "owners differing only in case and spacing",
      [register(risk()), councilRegister(risk({ owner: " jane  SMITH " }))],
    ],
    ["one register only", [register(risk())]],
    [
      "the owner a risk had when it was cut across to the sheet of closed risks",
      [register(risk()), { ...councilRegister(risk({ owner: "John Brown" })), name: "Closed Risks" }],
    ],
    ["an owner left blank on the other register", [register(risk()), councilRegister(risk({ owner: null }))]],
    ["different ids", [register(risk()), councilRegister(risk({ id: "HRC-002", owner: "John Brown" }))]],
    // One person written the two ways officers write names: surname first with a comma, and with or
    // without full stops after initials.
    ["surname first with a comma", [register(risk()), councilRegister(risk({ owner: "Smith, Jane" }))]],
    [
      "initials with and without full stops",
      [register(risk({ owner: "J. Smith" })), councilRegister(risk({ owner: "J Smith" }))],
    ],
    [
      "surname and initial with a comma",
      [register(risk({ owner: "J Smith" })), councilRegister(risk({ owner: "Smith, J." }))],
    ],
    [
      "two owners on one register (duplicate-id's business)",
      [register(risk(), risk({ owner: "John Brown" }))],
    ],
  ])("valid: %s", (_name, sheets) => {
    expect(findingsOf(RULE, sheets)).toEqual([]);
  });

  it.each<[string, SheetSpec[], [string, string][]]>([
    [
      "different owners on two registers",
      [register(risk()), councilRegister(risk({ owner: "John Brown" }))],
      [["C3", "conflict"]],
    ],
    // An initial is not a name: J Smith may be John Smith.
    [
      "a full name and an initial",
      [register(risk()), councilRegister(risk({ owner: "Smith, J" }))],
      [["C3", "conflict"]],
    ],
    [
      "two people listed with a comma are not one person written surname first",
      [register(risk()), councilRegister(risk({ owner: "Smith, Jane, John Brown" }))],
      [["C3", "conflict"]],
    ],
    [
      "ids matched with case and spacing folded",
      [register(risk()), councilRegister(risk({ id: "hrc-001 ", owner: "John Brown" }))],
      [["C3", "conflict"]],
    ],
    [
      "numeric ids",
      [register(risk({ id: 12 })), councilRegister(risk({ id: 12, owner: "John Brown" }))],
      [["C3", "conflict"]],
    ],
    [
      "reported on the later register's row",
      [
        register(risk({ id: "HRC-002" }), risk()),
        councilRegister(risk({ id: "HRC-009" }), risk({ owner: "John Brown" })),
      ],
      [["C4", "conflict"]],
    ],
  ])("invalid: %s", (_name, sheets, expected) => {
    const report = findingsOf(RULE, sheets);
    expect(report).toEqual(expected);
  });
});
