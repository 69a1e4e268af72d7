import { findingsOf, register, reportOf, risk } from "./harness";

const RULE = "sheet/cells-past-headers";

/** Five risks; `pushed` of them carry a value one column past the last header (P). */
const withValuesPast = (pushed: number) =>
  register(...[1, 2, 3, 4, 5].map((n) => [...risk({ id: `HRC-00${n}` }), ...(n <= pushed ? ["stray"] : [])]));

describe(RULE, () => {
  it.each([
    ["no row has a value past the last header", withValuesPast(0)],
    // A column of notes left without a header (most rows use it) is not rows pushed out of line.
    ["a notes column without a header, on most rows", withValuesPast(4)],
  ])("valid: %s", (_name, sheet) => {
    expect(findingsOf(RULE, [sheet])).toEqual([]);
  });

  it.each<[string, ReturnType<typeof withValuesPast>, [string, string][]]>([
    ["one row of five with a value past the last header", withValuesPast(1), [["A3", "past"]]],
  ])("invalid: %s", (_name, sheet, expected) => {
    expect(findingsOf(RULE, [sheet])).toEqual(expected);
  });

  it("names the row, its id and the cells past the header", () => {
    const [f] = reportOf([withValuesPast(1)]).findings.filter((x) => x.ruleId === RULE);
    expect(f.message).toMatch(
      /^Row 3 \(HRC-001\) has values past the last header, in P3; they are not read\./,
    );
  });
});
