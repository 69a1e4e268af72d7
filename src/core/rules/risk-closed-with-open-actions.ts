// risk/closed-with-open-actions: a closed risk should not leave actions open.

import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";

export const rule: Rule = {
  meta: {
    id: "risk/closed-with-open-actions",
    kinds: ["risk-register", "actions"],
    fields: ["status"],
    defaultSeverity: "warning",
    description: "A closed risk still has open actions.",
    messages: { open: "Risk {id} is closed but {count} of its actions {verb} still open." },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      if (ctx.isOpenRisk(r)) return null;
      const own = ctx.ownAction(r);
      const open = ctx.actionsFor(r).filter((a) => ctx.isOpenAction(a)).length + (own?.open ? 1 : 0);
      return open === 0
        ? null
        : {
            record: r,
            field: "status",
            messageId: "open",
            data: { id: ctx.riskId(r), count: open, verb: open === 1 ? "is" : "are" },
          };
    });
  },
};
