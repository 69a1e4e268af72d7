import { moneyUnitOfHeader } from "../../../src/core/read/header-unit";

describe("moneyUnitOfHeader", () => {
  it.each<[string, number]>([
    ["Financial Impact (£)", 1],
    ["Estimated Cost", 1],
    ["Financial Impact (£k)", 1e3],
    ["Cost £k", 1e3],
    ["Cost £000", 1e3],
    ["Cost £'000s", 1e3],
    ["Value at risk (£ thousands)", 1e3],
    ["Financial Impact (£m)", 1e6],
    ["Cost £max", 1],
  ])("%j is %d pounds a unit", (header, expected) => {
    expect(moneyUnitOfHeader(header)).toBe(expected);
  });
});
