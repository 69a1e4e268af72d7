// The Check view's detail works out the facts of the one risk a finding is about, not every risk's: on a
// 10k-risk register, working out all of them held the pane's keys for ~100 ms after the first selection.

import { riskOfFinding } from "../../src/taskpane/components/RiskDetail";
import { action, actionsSheet, plan, planRow, reportOf } from "../core/rules/harness";
import { hregister, hrisk } from "../core/history/helpers";

describe("riskOfFinding", () => {
  const report = () =>
    reportOf([
      hregister(
        hrisk({ id: "HRC-001", strategy: null }),
        hrisk({ id: "HRC-002", title: "Drainage failures", score: 16 }),
        hrisk({ id: "HRC-003", title: "Street lighting outages", strategy: null }),
      ),
    ]);

  it("finds the risk on the finding's row, working out only its facts", () => {
    const r = report();
    let all = 0;
    const risks = Object.getOwnPropertyDescriptor(r, "risks")!.get!;
    Object.defineProperty(r, "risks", { get: () => (all++, risks.call(r)) });
    const finding = r.findings.find((f) => f.ruleId === "risk/missing-strategy" && f.recordId === "HRC-003")!;
    const facts = riskOfFinding(r, finding)!;
    expect([facts.id, facts.title, facts.row]).toEqual(["HRC-003", "Street lighting outages", finding.row]);
    expect(all).toBe(0);
    // The same object the whole list holds, once it is asked for.
    expect(r.risks.find((f) => f.id === "HRC-003")).toBe(facts);
  });

  it("finds the risk a finding names by id when the finding is on another row", () => {
    const r = report();
    const f = { ...r.findings[0], sheet: "Actions", row: 99, recordId: " hrc-002 " };
    expect(riskOfFinding(r, f)?.id).toBe("HRC-002");
  });

  it("gives a finding selected before a risk was inserted above its row the risk it names, not the one now on that row", () => {
    const before = report();
    const f = before.findings.find((x) => x.recordId === "HRC-001")!;
    const after = reportOf([
      hregister(
        hrisk({ id: "HRC-000", title: "Inserted" }),
        hrisk({ id: "HRC-001", strategy: null }),
        hrisk({ id: "HRC-002", title: "Drainage failures", score: 16 }),
      ),
    ]);
    expect(riskOfFinding(after, f)?.row).toBe(f.row + 1);
    expect(riskOfFinding(after, f)?.id).toBe("HRC-001");
    // A risk with no id is found by its row alone: on another risk's row now, it is not found.
    expect(riskOfFinding(after, { ...f, recordId: null })).toBeNull();
  });

  describe("where a register numbers its risks as a plan numbers its actions (1.1, 1.2, 2.1)", () => {
    const numbered = () =>
      reportOf([
        hregister(hrisk({ id: "1.1" }), hrisk({ id: "2.1", title: "Drainage failures" })),
        plan(planRow({ leadOfficer: null })),
        actionsSheet(action({ riskId: "2.1", actionId: "1.1", due: "30/09/2022" })),
      ]);

    it("gives nothing for an improvement plan's finding on its action 1.1", () => {
      const r = numbered();
      const f = r.findings.find((x) => x.sheet === "Improvement Plan" && x.recordId === "1.1")!;
      expect(f).toBeDefined();
      expect(riskOfFinding(r, f)).toBeNull();
    });

    it("gives an action's finding the risk the action is for, not the risk numbered as the action is", () => {
      const r = numbered();
      const f = r.findings.find((x) => x.sheet === "IRIS Actions" && x.recordId === "1.1")!;
      expect(f).toBeDefined();
      expect(riskOfFinding(r, f)?.id).toBe("2.1");
    });
  });

  it("gives nothing for a finding about no risk, and works on a report made without a check", () => {
    const r = report();
    expect(riskOfFinding(r, { ...r.findings[0], sheet: "Plan", row: 4, recordId: "3.1" })).toBeNull();
    const plain = { risks: r.risks, records: r.records };
    const finding = r.findings.find((f) => f.recordId === "HRC-001")!;
    expect(riskOfFinding(plain, finding)?.id).toBe("HRC-001");
  });
});
