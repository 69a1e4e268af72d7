// The Check view's detail works out the facts of the one risk a finding is about, not every risk's: on a
// 10k-risk register, working out all of them held the pane's keys for ~100 ms after the first selection.

import { riskOfFinding } from "../../src/taskpane/components/RiskDetail";
import { reportOf } from "../core/rules/harness";
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

  it("gives nothing for a finding about no risk, and works on a report made without a check", () => {
    const r = report();
    expect(riskOfFinding(r, { ...r.findings[0], sheet: "Plan", row: 4, recordId: "3.1" })).toBeNull();
    const plain = { risks: r.risks, records: r.records };
    const finding = r.findings.find((f) => f.recordId === "HRC-001")!;
    expect(riskOfFinding(plain, finding)?.id).toBe("HRC-001");
  });
});
