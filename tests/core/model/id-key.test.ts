// idKey's shortcut for plain ids ("HRC-001") must fold exactly as the general path does (SPEC "Record ids").

import { idKey, isPlainId, riskIdKeys } from "../../../src/core/model/records";

describe("isPlainId", () => {
  it.each(["HRC-001", "hrc_12", "4.2", "R1", "CRR-2022-014"])("takes %p as a plain id", (id) => {
    expect(isPlainId(id)).toBe(true);
  });

  it.each([
    ["a space", "HRC 001"],
    ["a leading space", " HRC-001"],
    ["a text apostrophe", "'0012"],
    ["a list", "SL-10, SL-11"],
    ["ids joined by and", "SL-10-and-11"],
    ["HTML", "<p>HRC-001</p>"],
    ["a no-break space", "HRC\u00a0001"],
    ["an empty text", ""],
    ["a number", 12],
    ["more than 40 characters", "A".repeat(41)],
  ])("leaves %s to the general path", (_, value) => {
    expect(isPlainId(value)).toBe(false);
  });
});

describe("idKey", () => {
  it("folds a plain id to its lower case", () => {
    expect(idKey("HRC-001")).toBe("hrc-001");
    expect(idKey("Cr_7.2")).toBe("cr_7.2");
  });

  it("gives a placeholder written as a plain id no key, as the general path does", () => {
    expect(idKey("TBC")).toBe("");
    expect(idKey("NA")).toBe(idKey(" NA "));
    expect(idKey("-")).toBe("");
  });

  it("folds a plain id and the same id with spaces, case or an apostrophe around it alike", () => {
    expect(idKey("HRC-001")).toBe(idKey("  hrc-001 "));
    expect(idKey("0012")).toBe(idKey("'0012"));
    expect(idKey("0012")).not.toBe(idKey(12));
  });

  it("still reads ids joined by 'and' as a list", () => {
    expect(riskIdKeys("SL-10-and-11")).toHaveLength(2);
    expect(riskIdKeys("HRC-001")).toEqual(["hrc-001"]);
  });
});
