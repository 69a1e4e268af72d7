// Walking a check's records for a rule that reports at most once per record.

import type { RuleReport } from "./types";

/**
 * Each record's report, where it has one, in the records' order. A rule checks 100k risks: this makes no
 * array per record (as flatMap over `[]` and `[report]` did) and no iterator step objects.
 */
export function reportEach<R>(
  records: readonly R[],
  reportOf: (record: R) => RuleReport | null,
): RuleReport[] {
  const out: RuleReport[] = [];
  for (let i = 0; i < records.length; i++) {
    const report = reportOf(records[i]);
    if (report !== null) out.push(report);
  }
  return out;
}
