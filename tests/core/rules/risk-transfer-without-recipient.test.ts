import { findingsOf, register, REGISTER_HEADERS, risk, type RiskRow } from "./harness";

const RULE = "risk/transfer-without-recipient";

describe(RULE, () => {
  it.each<[string, RiskRow]>([
    ["transfer with a recipient", { strategy: "Transfer", transferredTo: "BBLP" }],
    ["another strategy and no recipient", { strategy: "Treat" }],
    ["a closed risk", { strategy: "Transfer", status: "Closed" }],
    ["no strategy", { strategy: null }],
    ["Treat with words that share a strategy's word", { strategy: "Treat - reduce and share learning" }],
    ["Treat and Transfer with a recipient", { strategy: "Treat/Transfer", transferredTo: "Insurer" }],
  ])("valid: %s", (_name, over) => {
    expect(findingsOf(RULE, [register(risk(over))])).toEqual([]);
  });

  it.each<[string, RiskRow, [string, string][]]>([
    ["Transfer and no recipient", { strategy: "Transfer" }, [["O3", "blank"]]],
    ["a synonym of transfer", { strategy: "Insure" }, [["O3", "blank"]]],
    ["words after the strategy", { strategy: "Transfer - share with contractor" }, [["O3", "blank"]]],
    // Two strategies named in one cell: the risk is transferred too, so it must say to whom.
    ["Treat/Transfer and no recipient", { strategy: "Treat/Transfer" }, [["O3", "blank"]]],
    ["Treat & Insure and no recipient", { strategy: "Treat & Insure" }, [["O3", "blank"]]],
    [
      "Tolerate, Transfer and no recipient",
      { strategy: "Tolerate, Transfer (insurance)" },
      [["O3", "blank"]],
    ],
    ["recipient of spaces", { strategy: "Transfer", transferredTo: "  " }, [["O3", "blank"]]],
  ])("invalid: %s", (_name, over, expected) => {
    expect(findingsOf(RULE, [register(risk(over))])).toEqual(expected);
  });

  it("is skipped where the register has no Transferred To column", () => {
    const drop = (row: unknown[]) => row.filter((_, i) => i !== 14);
    const sheet = {
      name: "Reg",
      rows: [drop(REGISTER_HEADERS), drop(risk({ strategy: "Transfer" }))] as never,
    };
    expect(findingsOf(RULE, [sheet])).toEqual([]);
  });

  // rv-nec31: a PFI matrix's allocation column names who bears each risk.
  it("an allocation's Contractor or Shared names its recipient; Transfer written in it names none", () => {
    const sheet = {
      name: "Risk Allocation Matrix",
      rows: [
        ["Ref", "Risk", "Risk Owner", "Risk Allocation", "Actions", "Last Updated", "Transferred To"],
        ["SL-01", "Energy price", "M Evans", "Authority", "Framework", "01/10/2022", null],
        ["SL-02", "Column failure", "M Evans", "Contractor", "Testing", "01/10/2022", null],
        ["SL-03", "Change in law", "M Evans", "Shared", "Protocol", "01/10/2022", null],
        ["SL-04", "Vandalism", "M Evans", "Transfer", "Fittings", "01/10/2022", null],
      ],
    };
    expect(findingsOf(RULE, [sheet])).toEqual([["G5", "blank"]]);
  });
});
