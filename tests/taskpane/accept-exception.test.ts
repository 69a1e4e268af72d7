// Accepting a finding as an exception: the form's defaults and checks, building the exception, and
// adding or withdrawing it in Settings; the result checked against the engine's own isAccepted.

import { defaultSettings, type AcceptedException } from "../../src/core/model/settings";
import { isAccepted } from "../../src/core/rules/accepted";
import { dayFromIso } from "../../src/core/parse";
import {
  buildException,
  canAccept,
  defaultReviewBy,
  exceptionFor,
  exceptionTarget,
  initialAcceptForm,
  isValid,
  validateAcceptForm,
  withException,
  withoutException,
  type AcceptForm,
} from "../../src/taskpane/accept-exception";
import { finding } from "./fixtures";

const AS_AT = "2022-10-10";
const f = finding({
  ruleId: "risk/missing-strategy",
  sheet: "IRIS Risks",
  cell: "D5",
  recordId: "HRC-001",
  fingerprint: "abc",
});
const form = (p: Partial<AcceptForm> = {}): AcceptForm => ({
  reason: "Agreed at board",
  reviewBy: "2023-01-10",
  by: "",
  ...p,
});
const exc = (p: Partial<AcceptedException> = {}): AcceptedException => ({
  ruleId: "risk/missing-strategy",
  sheet: "IRIS Risks",
  recordId: "HRC-001",
  reason: "r",
  reviewBy: "2023-01-10",
  fingerprint: "abc",
  ...p,
});

describe("canAccept", () => {
  it.each([
    ["a cell finding with a record", f, true],
    [
      "a sheet-level finding",
      finding({ ruleId: "sheet/missing-column", sheet: "IRIS Risks", cell: null, recordId: null }),
      false,
    ],
    [
      "a cell finding with no record id",
      finding({ ruleId: "risk/missing-id", sheet: "IRIS Risks", cell: "A9", recordId: null }),
      false,
    ],
    [
      "a blank record id",
      finding({ ruleId: "risk/missing-id", sheet: "IRIS Risks", cell: "A9", recordId: "  " }),
      false,
    ],
  ])("%s → %p", (_, fi, yes) => expect(canAccept(fi)).toBe(yes));
});

describe("exceptionTarget", () => {
  it("names rule, record and cell, worded apart from the finding's place", () => {
    expect(exceptionTarget(f)).toBe("risk/missing-strategy for HRC-001 at IRIS Risks!D5");
    expect(exceptionTarget(f)).not.toContain("IRIS Risks!D5 · HRC-001");
  });
});

describe("defaultReviewBy", () => {
  it.each([
    ["2022-10-10", "2023-01-10"],
    ["2022-11-30", "2023-02-28"],
    ["2023-11-30", "2024-02-29"],
    ["2022-03-31", "2022-06-30"],
  ])("three months after %s is %s", (asAt, want) => expect(defaultReviewBy(asAt)).toBe(want));
  it("throws on a date that is not ISO (a programmer's mistake)", () =>
    expect(() => defaultReviewBy("10/10/2022")).toThrow(RangeError));
  it("starts the form with no reason, the default date and the remembered name", () => {
    expect(initialAcceptForm(AS_AT, "  Jo Smith ")).toEqual({
      reason: "",
      reviewBy: "2023-01-10",
      by: "Jo Smith",
    });
  });
});

describe("validateAcceptForm", () => {
  it.each<[string, Partial<AcceptForm>, Record<string, string>]>([
    ["a full form", {}, {}],
    ["the as-at date itself", { reviewBy: AS_AT }, {}],
    ["a blank reason", { reason: "   " }, { reason: "Enter the reason this finding is accepted." }],
    [
      "a long reason",
      { reason: "x".repeat(501) },
      { reason: "Shorten the reason to 500 characters or fewer (it has 501)." },
    ],
    ["no review date", { reviewBy: "" }, { reviewBy: "Enter the date by which to review this exception." }],
    [
      "a date that does not exist",
      { reviewBy: "2023-02-30" },
      { reviewBy: "Enter the review date as a real date, for example 2023-01-10." },
    ],
    [
      "a UK date",
      { reviewBy: "10/01/2023" },
      { reviewBy: "Enter the review date as a real date, for example 2023-01-10." },
    ],
    [
      "a date before the as-at date",
      { reviewBy: "2022-10-09" },
      { reviewBy: "The review date cannot be before the as-at date, 2022-10-10." },
    ],
    ["a long name", { by: "n".repeat(101) }, { by: "Shorten the name to 100 characters or fewer." }],
    [
      "everything wrong",
      { reason: "", reviewBy: "", by: "n".repeat(101) },
      {
        reason: "Enter the reason this finding is accepted.",
        reviewBy: "Enter the date by which to review this exception.",
        by: "Shorten the name to 100 characters or fewer.",
      },
    ],
  ])("%s", (_, p, want) => {
    const errors = validateAcceptForm(form(p), AS_AT);
    expect(errors).toEqual(want);
    expect(isValid(errors)).toBe(Object.keys(want).length === 0);
  });
});

describe("buildException", () => {
  it("carries rule, sheet, record, fingerprint and the as-at date; trims what was typed", () => {
    expect(buildException(f, form({ reason: "  Agreed at board ", by: " Jo Smith " }), AS_AT)).toEqual({
      ruleId: "risk/missing-strategy",
      sheet: "IRIS Risks",
      recordId: "HRC-001",
      reason: "Agreed at board",
      reviewBy: "2023-01-10",
      fingerprint: "abc",
      acceptedBy: "Jo Smith",
      acceptedOn: AS_AT,
    });
  });
  it("leaves acceptedBy out when no name was given", () => {
    expect(buildException(f, form(), AS_AT)).not.toHaveProperty("acceptedBy");
  });
  it("makes an exception the engine honours until the review date, and not after it or once the cells change", () => {
    const e = buildException(f, form(), AS_AT);
    expect(isAccepted(f, [e], dayFromIso(AS_AT)!)).toBe(true);
    expect(isAccepted(f, [e], dayFromIso("2023-01-10")!)).toBe(true);
    expect(isAccepted(f, [e], dayFromIso("2023-01-11")!)).toBe(false);
    expect(isAccepted({ ...f, fingerprint: "changed" }, [e], dayFromIso(AS_AT)!)).toBe(false);
  });
  it.each([
    [
      "a sheet-level finding",
      finding({ ruleId: "sheet/missing-column", sheet: "S", cell: null, recordId: null }),
      form(),
    ],
    ["an invalid form", f, form({ reason: "" })],
  ])("throws on %s (the dialog checks first)", (_, fi, fo) =>
    expect(() => buildException(fi, fo, AS_AT)).toThrow(),
  );
});

describe("withException / exceptionFor / withoutException", () => {
  it("adds an exception without changing the settings it was given", () => {
    const base = defaultSettings();
    const next = withException(base, exc());
    expect(next.acceptedExceptions).toEqual([exc()]);
    expect(base.acceptedExceptions).toEqual([]);
  });
  it("replaces an earlier exception for the same rule and record (ids compared as the engine does)", () => {
    const other = exc({ ruleId: "risk/stale-update" });
    const base = {
      ...defaultSettings(),
      acceptedExceptions: [exc({ recordId: " hrc-001", reason: "old", fingerprint: "old" }), other],
    };
    expect(withException(base, exc({ reason: "new" })).acceptedExceptions).toEqual([
      other,
      exc({ reason: "new" }),
    ]);
  });
  it("finds the exception behind an accepted finding, preferring the one whose fingerprint matches", () => {
    const stale = exc({ fingerprint: "old", reason: "old" });
    const live = exc({ reason: "live" });
    expect(exceptionFor(f, [stale, live])?.reason).toBe("live");
    expect(exceptionFor(f, [exc({ recordId: "HRC-001 ", fingerprint: "" })])?.reason).toBe("r");
    expect(exceptionFor(f, [exc({ sheet: "Other" })])).toBeUndefined();
  });
  it("withdraws only that finding's exception", () => {
    const keep = exc({ recordId: "HRC-002" });
    const base = {
      ...defaultSettings(),
      acceptedExceptions: [exc(), keep, exc({ ruleId: "risk/stale-update" })],
    };
    expect(withoutException(base, f).acceptedExceptions).toEqual([
      keep,
      exc({ ruleId: "risk/stale-update" }),
    ]);
    expect(base.acceptedExceptions).toHaveLength(3);
  });
});
