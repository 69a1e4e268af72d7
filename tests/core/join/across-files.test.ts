// joinAcrossFiles: owner conflicts between files and risks held by several files, over compact risk identities.

import { joinAcrossFiles, sameRiskKey, type FileRisks } from "../../../src/core/join/across-files";
import type { RiskIdentity } from "../../../src/core/join/risk-identity";
import { dayFromIso } from "../../../src/core/parse";
import { idKey } from "../../../src/core/model/records";

/** A risk id folded as the files' actions rows name it (see idKey): "R1" is "r-1". */
const key = (id: string): string => idKey(id);

const identity = (id: string, owner: string, extra: Partial<RiskIdentity> = {}): RiskIdentity => ({
  id,
  idText: id,
  title: `Risk ${id}`,
  owner,
  score: 9,
  sheet: "Register",
  row: 1,
  ownerCol: 2,
  fingerprint: `fp-${id}-${owner}`,
  ownerConflictInFile: false,
  noAction: null,
  actionKeys: [key(id)],
  ...extra,
});

const file = (name: string, risks: RiskIdentity[], extra: Partial<FileRisks> = {}): FileRisks => ({
  file: name,
  risks,
  ownerConflictSeverity: "warning",
  acceptedExceptions: [],
  asAt: "2022-10-10",
  actionKeys: [],
  ...extra,
});

describe("joinAcrossFiles: owner conflicts", () => {
  it.each<[string, FileRisks[], [string, string, string][]]>([
    [
      "one id, two owners, two files: the later file's risk, pointing at its owner cell",
      [file("a.xlsx", [identity("R1", "Ann")]), file("b.xlsx", [identity("R1", "Bob", { row: 4 })])],
      [["b.xlsx", "C5", 'Risk R1 is owned by "Bob" here but by "Ann" on Register in a.xlsx.']],
    ],
    [
      "owners that differ only in case and spaces agree",
      [file("a.xlsx", [identity("R1", "Ann  Lee")]), file("b.xlsx", [identity("r1 ", "ann lee")])],
      [],
    ],
    [
      "a conflict inside one file is the file's own check's, not the join's",
      [file("a.xlsx", [identity("R1", "Ann"), identity("R1", "Bob", { sheet: "Other" })])],
      [],
    ],
    [
      "a risk the file's own check already flagged is not flagged twice",
      [
        file("a.xlsx", [identity("R1", "Ann")]),
        file("b.xlsx", [
          identity("R1", "Ann"),
          identity("R1", "Bob", { sheet: "S2", ownerConflictInFile: true }),
        ]),
      ],
      [],
    ],
    [
      "risks without an id or an owner take no part",
      [
        file("a.xlsx", [identity("", "Ann"), identity("R2", "")]),
        file("b.xlsx", [identity("", "Bob"), identity("R2", "Cy")]),
      ],
      [],
    ],
    [
      "a file with the rule off has no finding",
      [
        file("a.xlsx", [identity("R1", "Ann")]),
        file("b.xlsx", [identity("R1", "Bob")], { ownerConflictSeverity: "off" }),
      ],
      [],
    ],
  ])("%s", (_name, files, expected) => {
    const { findings } = joinAcrossFiles(files);
    expect(findings.map((f) => [f.file, f.cell, f.message])).toEqual(expected);
  });

  it("takes the file's severity and keeps a finding the file accepted apart", () => {
    // Accepted for R1 as its cells were; R2's acceptance was for cells that have changed since.
    const accept = (recordId: string, fingerprint: string) => ({
      ruleId: "risk/owner-conflict",
      sheet: "Register",
      recordId,
      reason: "agreed",
      reviewBy: "2022-12-31",
      fingerprint,
    });
    const { findings, accepted: kept } = joinAcrossFiles([
      file("a.xlsx", [identity("R1", "Ann"), identity("R2", "Ann")]),
      file("b.xlsx", [identity("R1", "Bob"), identity("R2", "Bob")], {
        ownerConflictSeverity: "error",
        acceptedExceptions: [accept("R1", "fp-R1-Bob"), accept("R2", "fp-R2-Old")],
      }),
    ]);
    expect(findings.map((f) => [f.recordId, f.severity])).toEqual([["R2", "error"]]);
    expect(kept.map((f) => f.recordId)).toEqual(["R1"]);
  });
});

describe("joinAcrossFiles: archived rows (a sheet of closed risks) are the risk's history", () => {
  const archived = (id: string, owner: string, extra: Partial<RiskIdentity> = {}): RiskIdentity =>
    identity(id, owner, { sheet: "Closed Risks", closed: true, archived: true, statusCol: 11, ...extra });

  it("gives no owner conflict with the owner a risk had when it closed, and lists no archive as a file holding it", () => {
    const { findings, shared } = joinAcrossFiles([
      file("a.xlsx", [identity("R1", "Ann")]),
      file("b.xlsx", [archived("R1", "Bob")]),
    ]);
    expect(findings).toEqual([]);
    expect(shared).toEqual([]);
  });

  it("gives no closed-with-open-actions to an archived row of a risk open in another file, but does to one archived alone", () => {
    const { closedElsewhere } = joinAcrossFiles([
      file("a.xlsx", [identity("R1", "Ann")]),
      file("b.xlsx", [
        archived("R1", "Ann"),
        archived("R2", "Ann", { row: 2 }),
        archived("R2", "Ann", { row: 3 }),
      ]),
      file("plan.xlsx", [], {
        openActionCounts: [
          [key("R1"), 1],
          [key("R2"), 1],
        ],
      }),
    ]);
    expect(closedElsewhere.map((c) => [c.file, c.recordId, c.row])).toEqual([["b.xlsx", "R2", 3]]);
  });
});

describe("joinAcrossFiles: risks on several files", () => {
  it("lists each risk with the same id and title held by more than one file, with every holder", () => {
    const { shared } = joinAcrossFiles([
      file("a.xlsx", [identity("R1", "Ann"), identity("R2", "Ann"), identity("R3", "Ann")]),
      file("b.xlsx", [identity("R1", "Ann"), identity("R2", "Ann", { title: "Another risk numbered R2" })]),
    ]);
    expect(shared.map((s) => [s.idText, s.holders.map((h) => h.file)])).toEqual([
      ["R1", ["a.xlsx", "b.xlsx"]],
    ]);
  });

  it.each([
    [{ id: "HRC-1", title: "Gritting" }, { id: " hrc-1", title: "gritting " }, true],
    [{ id: "HRC-1", title: "Gritting" }, { id: "HRC-1", title: "Lighting" }, false],
    [{ id: 12, title: "x" }, { id: "12", title: "X" }, true],
  ])("sameRiskKey(%j) equals sameRiskKey(%j): %s", (a, b, same) => {
    expect(sameRiskKey(a) === sameRiskKey(b)).toBe(same);
  });

  it("gives no key to a risk without an id", () => {
    expect(sameRiskKey({ id: null, title: "Gritting" })).toBe("");
  });
});

describe("joinAcrossFiles: actions in one file count for risks in another", () => {
  const noAction = (id: string, extra: Partial<RiskIdentity> = {}): RiskIdentity =>
    identity(id, "Ann", { noAction: "error", ...extra });

  it("lists each risk its file found no action for whose id another file's actions name, with those files", () => {
    const { actionsElsewhere } = joinAcrossFiles([
      file("plan-b.xlsx", [], { actionKeys: [key("R2")] }),
      file("register.xlsx", [noAction("R1"), noAction("R2", { row: 2 }), noAction("R3", { row: 3 })], {
        actionKeys: [key("R3")],
      }),
      file("plan-a.xlsx", [], { actionKeys: [key("R1"), key("R2")] }),
    ]);
    expect(actionsElsewhere).toEqual([
      {
        file: "register.xlsx",
        sheet: "Register",
        row: 2,
        recordId: "R1",
        was: "error",
        actionsIn: ["plan-a.xlsx"],
      },
      {
        file: "register.xlsx",
        sheet: "Register",
        row: 3,
        recordId: "R2",
        was: "error",
        actionsIn: ["plan-b.xlsx", "plan-a.xlsx"],
      },
    ]);
  });

  it("leaves a risk whose own file's actions name it (its file already linked them), and risks with actions", () => {
    const { actionsElsewhere } = joinAcrossFiles([
      file("a.xlsx", [noAction("R1"), identity("R2", "Ann")], { actionKeys: [key("R1")] }),
      file("b.xlsx", [], { actionKeys: [key("R2")] }),
    ]);
    expect(actionsElsewhere).toEqual([]);
  });

  it("matches a risk whose id cell lists several ids by any of them, and keeps an accepted finding's state", () => {
    const { actionsElsewhere } = joinAcrossFiles([
      file("a.xlsx", [
        noAction("CRR 04\nCRR 05", {
          actionKeys: ["crr 04 crr 05", "crr 04", "crr 05"],
          noAction: "accepted",
        }),
      ]),
      file("b.xlsx", [], { actionKeys: ["crr 05"] }),
    ]);
    expect(actionsElsewhere.map((a) => [a.was, a.actionsIn])).toEqual([["accepted", ["b.xlsx"]]]);
  });
});

describe("joinAcrossFiles: a closed risk's actions in another file", () => {
  const closed = (id: string, extra: Partial<RiskIdentity> = {}): RiskIdentity =>
    identity(id, "Ann", { closed: true, statusCol: 11, ...extra });
  const overdue = (sheetRow: number, keys: string[], recordId = `A-${sheetRow}`) => ({
    sheet: "Plan",
    row: sheetRow,
    recordId,
    keys,
    was: "warning" as const,
  });

  it("a closed risk with open actions in other files is risk/closed-with-open-actions in its file, on its status cell, counting them", () => {
    const { closedElsewhere } = joinAcrossFiles([
      file("register.xlsx", [closed("R1"), closed("R2", { row: 2 }), identity("R3", "Ann", { row: 3 })]),
      file("plan-a.xlsx", [], { openActionCounts: [[key("R1"), 2]] }),
      file("plan-b.xlsx", [], {
        openActionCounts: [
          [key("R1"), 1],
          [key("R3"), 1],
        ],
      }),
    ]);
    expect(closedElsewhere.map((c) => [c.file, c.recordId, c.actionsIn, c.accepted])).toEqual([
      ["register.xlsx", "R1", ["plan-a.xlsx", "plan-b.xlsx"], false],
    ]);
    expect(closedElsewhere[0].finding).toMatchObject({
      file: "register.xlsx",
      ruleId: "risk/closed-with-open-actions",
      severity: "warning",
      sheet: "Register",
      cell: "L2",
      row: 2,
      messageId: "openElsewhere",
      message: "Risk R1 is closed but 3 of its actions are still open (2 in plan-a.xlsx, 1 in plan-b.xlsx).",
    });
  });

  it("names the one other file holding all the open actions", () => {
    const { closedElsewhere } = joinAcrossFiles([
      file("register.xlsx", [closed("R1")]),
      file("plan.xlsx", [], { openActionCounts: [[key("R1"), 1]] }),
    ]);
    expect(closedElsewhere.map((c) => [c.finding.message, c.replaces])).toEqual([
      ["Risk R1 is closed but 1 of its actions is still open (in plan.xlsx).", undefined],
    ]);
  });

  it("leaves a risk whose open actions are all in its own file, and a file that turns the rule off", () => {
    const { closedElsewhere } = joinAcrossFiles([
      file(
        "a.xlsx",
        [closed("R1", { closedWithOpen: { state: "warning", count: 1 } }), closed("R2", { row: 2 })],
        { openActionCounts: [[key("R1"), 1]] },
      ),
      file("b.xlsx", [closed("R3")], { closedWithOpenSeverity: "off" }),
      file("plan.xlsx", [], { openActionCounts: [[key("R3"), 1]] }),
    ]);
    expect(closedElsewhere).toEqual([]);
  });

  it("recounts a risk its own file already warns about: the same place, severity and rule, every file's open actions, and where (its own file first)", () => {
    const { closedElsewhere } = joinAcrossFiles([
      file("plan.xlsx", [], { openActionCounts: [[key("R1"), 2]] }),
      file("a.xlsx", [closed("R1", { closedWithOpen: { state: "warning", count: 1 } })], {
        openActionCounts: [[key("R1"), 1]],
      }),
    ]);
    expect(closedElsewhere.map((c) => [c.file, c.row, c.actionsIn, c.replaces, c.accepted])).toEqual([
      ["a.xlsx", 2, ["plan.xlsx"], "warning", false],
    ]);
    expect(closedElsewhere[0].finding).toMatchObject({
      file: "a.xlsx",
      ruleId: "risk/closed-with-open-actions",
      severity: "warning",
      sheet: "Register",
      cell: "L2",
      row: 2,
      messageId: "openElsewhere",
      message: "Risk R1 is closed but 3 of its actions are still open (1 in a.xlsx, 2 in plan.xlsx).",
    });
  });

  it("keeps the recounted finding's severity and accepted state as its file had them", () => {
    const r1 = closed("R1", { closedWithOpen: { state: "error", count: 2 } });
    const r2 = closed("R2", { row: 2, closedWithOpen: { state: "accepted", count: 1 } });
    const { closedElsewhere } = joinAcrossFiles([
      file("a.xlsx", [r1, r2], { closedWithOpenSeverity: "error" }),
      file("plan-1.xlsx", [], { openActionCounts: [[key("R1"), 1]] }),
      file("plan-2.xlsx", [], {
        openActionCounts: [
          [key("R1"), 1],
          [key("R2"), 1],
        ],
      }),
    ]);
    expect(
      closedElsewhere.map((c) => [c.recordId, c.finding.severity, c.replaces, c.accepted, c.finding.message]),
    ).toEqual([
      [
        "R1",
        "error",
        "error",
        false,
        "Risk R1 is closed but 4 of its actions are still open (2 in a.xlsx, 1 in plan-1.xlsx, 1 in plan-2.xlsx).",
      ],
      [
        "R2",
        "error",
        "accepted",
        true,
        "Risk R2 is closed but 2 of its actions are still open (1 in a.xlsx, 1 in plan-2.xlsx).",
      ],
    ]);
  });

  it("follows the file's severity and accepted exceptions", () => {
    const r1 = closed("R1");
    const { closedElsewhere } = joinAcrossFiles([
      file("a.xlsx", [r1], {
        closedWithOpenSeverity: "error",
        acceptedExceptions: [
          {
            ruleId: "risk/closed-with-open-actions",
            sheet: "Register",
            recordId: "R1",
            reason: "Contractor closes its actions next month",
            reviewBy: "2023-01-31",
            fingerprint: r1.fingerprint,
          },
        ],
      }),
      file("plan.xlsx", [], { openActionCounts: [[key("R1"), 1]] }),
    ]);
    expect(closedElsewhere.map((c) => [c.finding.severity, c.accepted])).toEqual([["error", true]]);
  });

  it("withdraws an overdue action whose risks are all closed, in whichever files; keeps one for a risk open anywhere, or held nowhere", () => {
    const { overdueForClosed } = joinAcrossFiles([
      file("a.xlsx", [closed("R1"), closed("R2", { row: 2 })]),
      file("b.xlsx", [identity("R2", "Ann"), closed("R4", { row: 2 })]),
      file("plan.xlsx", [], {
        overdueActions: [
          overdue(2, [key("R1")]),
          overdue(3, [key("R2")]),
          overdue(4, [key("R1"), key("R4")]),
          overdue(5, [key("R9")]),
          overdue(6, [key("R1"), key("R9")]),
        ],
      }),
    ]);
    expect(overdueForClosed.map((o) => [o.file, o.row, o.was, o.risksIn])).toEqual([
      ["plan.xlsx", 2, "warning", ["a.xlsx"]],
      ["plan.xlsx", 4, "warning", ["a.xlsx", "b.xlsx"]],
      ["plan.xlsx", 6, "warning", ["a.xlsx"]],
    ]);
  });
});

describe("joinAcrossFiles: registers that number their own risks 1, 2, 3 (SPEC 'Ids numbered per sheet')", () => {
  // Two directorates' risks 1–3, other titles: the registers number their own risks.
  const people = (extra: Partial<FileRisks> = {}) =>
    file(
      "people.xlsx",
      ["Care market", "Referrals backlog", "Agency costs"].map((title, i) =>
        identity(String(i + 1), "Ann", { title, row: i + 1 }),
      ),
      extra,
    );
  const place = (over: (i: number) => Partial<RiskIdentity>) =>
    file(
      "place.xlsx",
      ["Gritting fleet", "Depot lease", "Street lighting"].map((title, i) =>
        identity(String(i + 1), "Tom", { title, row: i + 1, ...over(i) }),
      ),
    );

  it("an actions row naming its own file's risk 1 does not count for another file's different risk 1", () => {
    const { actionsElsewhere, closedElsewhere } = joinAcrossFiles([
      people({
        actionKeys: ["1", "2", "3"],
        openActionCounts: [
          ["1", 1],
          ["2", 1],
          ["3", 1],
        ],
      }),
      place((i) => (i === 1 ? { closed: true, statusCol: 11 } : { noAction: "error" })),
    ]);
    expect(actionsElsewhere).toEqual([]);
    expect(closedElsewhere).toEqual([]);
  });

  it("counts where the titles match (the same risk), and from a file holding no risk of that id", () => {
    const { actionsElsewhere } = joinAcrossFiles([
      people({ actionKeys: ["1"] }),
      file("place.xlsx", [
        identity("1", "Tom", { title: "Care market", noAction: "error" }),
        identity("2", "Tom", { title: "Depot lease", row: 2 }),
        identity("3", "Tom", { title: "Street lighting", row: 3, noAction: "warning" }),
      ]),
      file("plan.xlsx", [], { actionKeys: ["3"] }),
    ]);
    expect(actionsElsewhere.map((a) => [a.recordId, a.actionsIn])).toEqual([
      ["1", ["people.xlsx"]],
      ["3", ["plan.xlsx"]],
    ]);
  });

  it("an overdue action of its own file's open risk 2 is not withdrawn for another file's closed risk 2", () => {
    const { overdueForClosed } = joinAcrossFiles([
      people({
        overdueActions: [{ sheet: "Actions", row: 3, recordId: "A-2", keys: ["2"], was: "warning" }],
      }),
      place(() => ({ closed: true, statusCol: 11 })),
    ]);
    expect(overdueForClosed).toEqual([]);
  });
});

describe("joinAcrossFiles: a risk updated through its actions in another file", () => {
  const stale = (id: string, extra: Partial<RiskIdentity> = {}): RiskIdentity =>
    identity(id, "Ann", { staleUpdate: "error", ...extra });
  const update = (iso: string, text = "Progress reported") => ({ day: dayFromIso(iso)!, text });

  it("lists a risk its file found stale whose actions elsewhere were updated within the file's review period", () => {
    const { updatedElsewhere } = joinAcrossFiles([
      file("register.xlsx", [stale("R1"), stale("R2", { row: 2 }), identity("R3", "Ann", { row: 3 })]),
      file("plan-a.xlsx", [], {
        actionUpdates: [
          [key("R1"), update("2022-09-12", "")],
          [key("R2"), update("2022-09-09")],
          [key("R3"), update("2022-10-01")],
        ],
      }),
      file("plan-b.xlsx", [], { actionUpdates: [[key("R1"), update("2022-09-12", "Gritters serviced")]] }),
    ]);
    // As at 10/10/2022, a month's review period: 10/09/2022 on counts; R2's 09/09 is too old. The words
    // are the first file's that has any for that day.
    expect(updatedElsewhere).toEqual([
      {
        file: "register.xlsx",
        sheet: "Register",
        row: 2,
        recordId: "R1",
        was: "error",
        updated: "2022-09-12",
        updateText: "Gritters serviced",
        updatedIn: ["plan-a.xlsx", "plan-b.xlsx"],
        through: "actions",
      },
    ]);
  });

  it("follows the risk's file's review period and keeps an accepted finding's state", () => {
    const { updatedElsewhere } = joinAcrossFiles([
      file("register.xlsx", [stale("R1", { staleUpdate: "accepted" })], { reviewPeriodMonths: 3 }),
      file("plan.xlsx", [], { actionUpdates: [[key("R1"), update("2022-08-01")]] }),
    ]);
    expect(updatedElsewhere.map((u) => [u.recordId, u.was, u.updated])).toEqual([
      ["R1", "accepted", "2022-08-01"],
    ]);
  });

  it("lists a risk its file found stale that another file holds open and updated this period, as one workbook's registers would", () => {
    // SPEC "Many workbooks": risks are joined across files as across sheets; "Latest update": the newest.
    const { updatedElsewhere } = joinAcrossFiles([
      file("highways.xlsx", [stale("R1"), stale("R2", { row: 2 })]),
      file("contractor.xlsx", [
        identity("R1", "Ann", { updated: update("2022-10-05", "Oct: joints fitted") }),
        identity("R2", "Ann", { row: 2, updated: update("2022-08-01") }),
      ]),
    ]);
    expect(updatedElsewhere).toEqual([
      {
        file: "highways.xlsx",
        sheet: "Register",
        row: 2,
        recordId: "R1",
        was: "error",
        updated: "2022-10-05",
        updateText: "Oct: joints fitted",
        updatedIn: ["contractor.xlsx"],
        through: "register",
      },
    ]);
  });
});
