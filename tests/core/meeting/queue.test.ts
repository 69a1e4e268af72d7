// Queue order (due first, never updated first, oldest first, then the rest) and the filters.

import { buildQueue, distinctValues, hasNoStrategy, riskKey } from "../../../src/core/meeting/queue";
import { register, risk, updateLog } from "../rules/harness";
import { reportOfSheets } from "./helpers";

const rows = [
  risk({ id: "R-UP", lastReview: "01/10/2022" }), // updated within the month: not due
  risk({ id: "R-OLD", lastReview: "01/06/2022" }), // due, oldest of the dated
  risk({ id: "R-NEVER", lastReview: null }), // due, never updated
  risk({
    id: "R-AUG",
    lastReview: "15/08/2022",
    owner: "Ali Khan",
    likelihood: 5,
    impact: 5,
    score: 25,
    rag: "Red",
  }),
  risk({ id: "R-CLOSED", lastReview: null, status: "Closed" }),
  risk({ id: "R-EDGE", lastReview: "10/09/2022" }), // exactly one month before: counts, not due
  risk({ id: "R-SEP", lastReview: "09/09/2022" }), // one day too old: due
  risk({ id: "R-LOGGED", lastReview: "01/01/2022" }), // a log entry this month makes it current
];

const { report } = reportOfSheets([
  register(...rows),
  updateLog(["09/10/2022", "R-LOGGED", "J Smith", "No change this month", "Yes", 12, "Treat"]),
]);
const ids = (q: ReturnType<typeof buildQueue>) => q.map((i) => i.facts.id);

describe("buildQueue", () => {
  it("puts due risks first (never updated, then oldest), then the rest oldest first; drops closed risks", () => {
    const q = buildQueue(report, { meetingDate: "2022-10-10" });
    expect(ids(q)).toEqual(["R-NEVER", "R-OLD", "R-AUG", "R-SEP", "R-EDGE", "R-UP", "R-LOGGED"]);
    expect(q.map((i) => i.due)).toEqual([true, true, true, true, false, false, false]);
  });

  it("brings a risk with no strategy up early: due with none first, then due, then none though updated, then the rest", () => {
    // The mission: "risks with no strategy or no update this month first"; SPEC rule risk/missing-strategy.
    const { report: noStrategy } = reportOfSheets([
      register(
        risk({ id: "R-UP", lastReview: "01/10/2022" }),
        risk({ id: "R-UP-NONE", lastReview: "03/10/2022", strategy: null }),
        risk({ id: "R-DUE", lastReview: "01/08/2022" }),
        risk({ id: "R-DUE-NONE", lastReview: "01/09/2022", strategy: null }),
      ),
    ]);
    const q = buildQueue(noStrategy, { meetingDate: "2022-10-10" });
    expect(ids(q)).toEqual(["R-DUE-NONE", "R-DUE", "R-UP-NONE", "R-UP"]);
    expect(q.map((i) => hasNoStrategy(i.facts))).toEqual([true, false, true, false]);
  });

  it("brings a risk on several registers (one id and title) once, naming the other registers it is on", () => {
    const same = risk({ id: "R-1", title: "Pothole claims", lastReview: "01/08/2022" });
    const { report: two } = reportOfSheets([
      { ...register(same), name: "Highways Risks" },
      { ...register(same), name: "Directorate Register" },
    ]);
    const q = buildQueue(two, { meetingDate: "2022-10-10" });
    expect(q.map((i) => [i.facts.sheet, i.alsoOn])).toEqual([["Highways Risks", ["Directorate Register"]]]);
  });

  it("uses the meeting date as the as-at date", () => {
    const q = buildQueue(report, { meetingDate: "2022-11-05" });
    // As at 5 November only updates on or after 5 October count: R-UP (1 Oct) is now due.
    expect(q.filter((i) => i.due).map((i) => i.facts.id)).toContain("R-UP");
    expect(q.find((i) => i.facts.id === "R-LOGGED")!.due).toBe(false);
  });

  it("follows a longer review period", () => {
    const q = buildQueue(report, { meetingDate: "2022-10-10", reviewPeriodMonths: 3 });
    expect(q.filter((i) => i.due).map((i) => i.facts.id)).toEqual(["R-NEVER", "R-OLD"]);
  });

  it.each([
    [{ owners: ["ali khan"] }, ["R-AUG"]],
    [{ scoreBand: ["red" as const] }, ["R-AUG"]],
    [{ scoreBand: ["amber" as const] }, ["R-NEVER", "R-OLD", "R-SEP", "R-EDGE", "R-UP", "R-LOGGED"]],
    [{ registers: ["Other"] }, []],
    [
      { registers: ["iris risks"], owners: [] },
      ["R-NEVER", "R-OLD", "R-AUG", "R-SEP", "R-EDGE", "R-UP", "R-LOGGED"],
    ],
    [{ annexes: ["Street Lighting"] }, []],
  ])("filters %j", (filter, expected) => {
    expect(ids(buildQueue(report, { meetingDate: "2022-10-10", ...filter }))).toEqual(expected);
  });

  it("keys risks by sheet and row, and lists distinct owners of open risks", () => {
    const q = buildQueue(report, { meetingDate: "2022-10-10" });
    expect(q[0].key).toBe(riskKey({ sheet: "IRIS Risks", row: 5 }));
    expect(distinctValues(report, (f) => f.owner)).toEqual(["Ali Khan", "Jane Smith"]);
  });

  it("rejects a meeting date that is not ISO", () => {
    expect(() => buildQueue(report, { meetingDate: "10/10/2022" })).toThrow(RangeError);
  });
});
