// The unit a money column's header states: "Financial Impact (£k)" holds thousands of pounds.

/** "£k", "£000", "£'000s", "£ thousands": the column is in thousands of pounds. */
const THOUSANDS = /£\s*(?:k|'?000'?s?|thousands?)(?![\p{L}\p{N}])/iu;
/** "£m", "£mn", "£ millions": the column is in millions of pounds. */
const MILLIONS = /£\s*(?:m|mn|millions?)(?![\p{L}\p{N}])/iu;

/**
 * How many pounds a plain number under this header is: 1000 under "Financial Impact (£k)", "£000" or
 * "£'000s", 1,000,000 under "(£m)", else 1. A cell that names its own unit ("£1.2m") is read as it says.
 */
export function moneyUnitOfHeader(header: string): number {
  if (THOUSANDS.test(header)) return 1e3;
  if (MILLIONS.test(header)) return 1e6;
  return 1;
}
