// Saving settings never loses a co-author's change (SPEC "Saving settings"): three-way, entry by entry.

import { conflictNotice, mergeSettings } from "../../../src/core/model/settings-merge";
import { defaultSettings, type AcceptedException, type Settings } from "../../../src/core/model/settings";

function exception(recordId: string, reason = "Awaiting board"): AcceptedException {
  return {
    ruleId: "risk/stale-update",
    sheet: "IRIS Risks",
    recordId,
    reason,
    reviewBy: "2022-12-01",
    fingerprint: `fp-${recordId}`,
  };
}

/** Settings with `change` applied to a fresh copy of `from`. */
function edit(from: Settings, change: (s: Settings) => void): Settings {
  const s = JSON.parse(JSON.stringify(from)) as Settings;
  change(s);
  return s;
}

const BASE = edit(defaultSettings(), (s) => {
  s.acceptedExceptions = [exception("HRC-001")];
  s.columnCorrections = [{ sheet: "IRIS Risks", header: "Resp.", field: "owner" }];
  s.ruleSeverities = { "risk/stale-update": "warning" };
  s.importProfile = { columns: { "Risk ID": "id", Owner: "owner" } };
});

interface Case {
  name: string;
  mine: (s: Settings) => void;
  theirs: (s: Settings) => void;
  /** What the merged settings must hold (checked on a copy of BASE with these applied). */
  expected: (s: Settings) => void;
  conflicts: RegExp[];
}

const CASES: Case[] = [
  {
    name: "each side accepts a different finding: both kept",
    mine: (s) => s.acceptedExceptions.push(exception("HRC-002")),
    theirs: (s) => s.acceptedExceptions.push(exception("HRC-003")),
    expected: (s) => s.acceptedExceptions.push(exception("HRC-003"), exception("HRC-002")),
    conflicts: [],
  },
  {
    name: "they withdrew an acceptance I did not touch: it stays withdrawn",
    mine: (s) => (s.reviewPeriodMonths = 2),
    theirs: (s) => (s.acceptedExceptions = []),
    expected: (s) => {
      s.acceptedExceptions = [];
      s.reviewPeriodMonths = 2;
    },
    conflicts: [],
  },
  {
    name: "I withdrew one they did not touch: withdrawn, their new one kept",
    mine: (s) => (s.acceptedExceptions = []),
    theirs: (s) => s.acceptedExceptions.push(exception("HRC-004")),
    expected: (s) => (s.acceptedExceptions = [exception("HRC-004")]),
    conflicts: [],
  },
  {
    name: "both changed the same acceptance's reason: mine (the later save) wins, and it is said",
    mine: (s) => (s.acceptedExceptions[0].reason = "Mine"),
    theirs: (s) => (s.acceptedExceptions[0].reason = "Theirs"),
    expected: (s) => (s.acceptedExceptions[0].reason = "Mine"),
    conflicts: [/accepted risk\/stale-update finding on HRC-001 \(IRIS Risks\)/],
  },
  {
    name: "both made the same change: no clash",
    mine: (s) => s.acceptedExceptions.push(exception("HRC-009")),
    theirs: (s) => s.acceptedExceptions.push(exception("HRC-009")),
    expected: (s) => s.acceptedExceptions.push(exception("HRC-009")),
    conflicts: [],
  },
  {
    name: "acceptances are the same entry whatever the case and spacing of their keys",
    mine: (s) => s.acceptedExceptions.push({ ...exception("hrc-010"), sheet: "iris  risks" }),
    theirs: (s) => s.acceptedExceptions.push({ ...exception("HRC-010", "Other"), sheet: "IRIS Risks" }),
    expected: (s) => s.acceptedExceptions.push({ ...exception("hrc-010"), sheet: "iris  risks" }),
    conflicts: [/HRC-010|hrc-010/],
  },
  {
    name: "corrections on different columns: both kept",
    mine: (s) => s.columnCorrections.push({ sheet: "IRIS Risks", header: "Approach", field: "strategy" }),
    theirs: (s) => s.columnCorrections.push({ sheet: "Actions", header: "Due", field: "due" }),
    expected: (s) =>
      s.columnCorrections.push(
        { sheet: "Actions", header: "Due", field: "due" },
        { sheet: "IRIS Risks", header: "Approach", field: "strategy" },
      ),
    conflicts: [],
  },
  {
    name: "both corrected the same column differently: mine wins, said",
    mine: (s) => (s.columnCorrections[0].field = null),
    theirs: (s) => (s.columnCorrections[0].field = "actionOwner"),
    expected: (s) => (s.columnCorrections[0].field = null),
    conflicts: [/correction of column “Resp\.” on IRIS Risks/],
  },
  {
    name: "profile columns merge by header; a clash on one is said",
    mine: (s) => {
      s.importProfile!.columns["Status"] = "status";
      s.importProfile!.columns.Owner = null;
    },
    theirs: (s) => {
      s.importProfile!.columns["Title"] = "title";
      s.importProfile!.columns.Owner = "actionOwner";
    },
    expected: (s) =>
      (s.importProfile = { columns: { "Risk ID": "id", Owner: null, Title: "title", Status: "status" } }),
    conflicts: [/export column “Owner”/],
  },
  {
    name: "a profile they made when there was none is kept when I change something else",
    mine: (s) => (s.protectiveMarking = "OFFICIAL"),
    theirs: (s) => (s.importProfile = { columns: { Ref: "id" }, riskSheet: "Risks" }),
    expected: (s) => {
      s.protectiveMarking = "OFFICIAL";
      s.importProfile = { columns: { Ref: "id" }, riskSheet: "Risks" };
    },
    conflicts: [],
  },
  {
    name: "rule severities merge by rule",
    mine: (s) => (s.ruleSeverities["plan/overdue"] = "off"),
    theirs: (s) => delete s.ruleSeverities["risk/stale-update"],
    expected: (s) => (s.ruleSeverities = { "plan/overdue": "off" }),
    conflicts: [],
  },
  {
    name: "simple settings: each side's own change is kept",
    mine: (s) => (s.protectiveMarking = "OFFICIAL"),
    theirs: (s) => (s.rag = { greenMax: 5, amberMax: 14 }),
    expected: (s) => {
      s.protectiveMarking = "OFFICIAL";
      s.rag = { greenMax: 5, amberMax: 14 };
    },
    conflicts: [],
  },
  {
    name: "both changed the same simple setting: mine wins, said",
    mine: (s) => (s.asAt = "2022-10-10"),
    theirs: (s) => (s.asAt = "2022-11-10"),
    expected: (s) => (s.asAt = "2022-10-10"),
    conflicts: [/setting “asAt”/],
  },
];

describe("mergeSettings", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const before = JSON.stringify(BASE);
    const mine = edit(BASE, c.mine);
    const theirs = edit(BASE, c.theirs);
    const { merged, conflicts } = mergeSettings(BASE, mine, theirs);
    expect(merged).toEqual(edit(BASE, c.expected));
    expect(conflicts).toHaveLength(c.conflicts.length);
    c.conflicts.forEach((re, i) => expect(conflicts[i]).toMatch(re));
    expect(JSON.stringify(BASE)).toBe(before); // pure
  });

  it("merges the proposal thresholds and the strategy words one by one; a clash on one is said", () => {
    const mine = edit(BASE, (s) => {
      s.proposals.escalateRise = 4;
      s.strategyWords.transfer = ["transfer", "share", "insure", "outsource"];
      s.strategyWords.take = ["take", "exploit"];
    });
    const theirs = edit(BASE, (s) => {
      s.proposals.deEscalateMonths = 6;
      s.strategyWords.treat = ["treat", "reduce"];
      s.strategyWords.take = ["take", "enhance"];
    });
    const { merged, conflicts } = mergeSettings(BASE, mine, theirs);
    expect(merged.proposals).toEqual({ ...BASE.proposals, escalateRise: 4, deEscalateMonths: 6 });
    expect(merged.strategyWords).toEqual({
      ...BASE.strategyWords,
      treat: ["treat", "reduce"],
      transfer: ["transfer", "share", "insure", "outsource"],
      take: ["take", "exploit"],
    });
    expect(conflicts).toEqual(["the words for the strategy “take”"]);
  });

  it("is the plain save when nobody else saved (theirs = base)", () => {
    const mine = edit(BASE, (s) => {
      s.acceptedExceptions = [exception("HRC-005")];
      s.reviewPeriodMonths = 6;
      s.importProfile = null;
    });
    expect(mergeSettings(BASE, mine, BASE)).toEqual({ merged: mine, conflicts: [] });
  });

  it("takes theirs when I changed nothing", () => {
    const theirs = edit(BASE, (s) => (s.outstandingPhrases = ["tbc"]));
    expect(mergeSettings(BASE, BASE, theirs)).toEqual({ merged: theirs, conflicts: [] });
  });

  it("keeps a setting added to Settings later as one entry (mine wins over an unchanged sheet)", () => {
    const withNew = (v: number) => ({ ...BASE, futureSetting: v }) as unknown as Settings;
    const { merged } = mergeSettings(withNew(1), withNew(2), withNew(1));
    expect((merged as unknown as { futureSetting: number }).futureSetting).toBe(2);
  });
});

describe("conflictNotice", () => {
  it.each([
    [[], null],
    [["the setting “asAt”"], /^Someone else changed this too .*your version was saved: the setting “asAt”\./],
    [
      ["a", "b", "c", "d", "e"],
      /these too .*: a; b; c and 2 more\. Everything else they changed was kept\.$/,
    ],
  ] as const)("%j", (conflicts, expected) => {
    const notice = conflictNotice(conflicts);
    if (expected === null) expect(notice).toBeNull();
    else expect(notice).toMatch(expected);
  });
});

describe("mergeSettings: the import profile's confirmed renumberings", () => {
  // The pane-months review: the second import's save (the profile already there) dropped the pair the
  // officer had just confirmed, so it was offered again next month and the risk added twice.
  const profile = (renumbered?: { oldId: string; newId: string }[]) => ({
    ...defaultSettings(),
    importProfile: { columns: { "Risk ID": "id" }, ...(renumbered ? { renumbered } : {}) },
  });
  const pair = { oldId: "HRC-014", newId: "HRC-114" };

  it("keeps a pair confirmed in this save, the profile having been saved before", () => {
    const { merged, conflicts } = mergeSettings(profile(), profile([pair]), profile());
    expect(merged.importProfile?.renumbered).toEqual([pair]);
    expect(conflicts).toEqual([]);
  });

  it("keeps pairs confirmed on both sides, once each, and drops a pair either side dropped", () => {
    const other = { oldId: "HRC-020", newId: "HRC-120" };
    const third = { oldId: "HRC-030", newId: "HRC-130" };
    const { merged } = mergeSettings(profile([third]), profile([pair, third]), profile([{ ...pair }, other]));
    expect(merged.importProfile?.renumbered).toEqual([pair, other]);
  });
});
