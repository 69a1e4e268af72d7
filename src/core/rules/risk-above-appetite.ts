// risk/above-appetite: an open risk's current score is above the appetite of its category.

import { APPETITE_LEVEL_NAMES } from "../model/history";
import { currentScore } from "../escalate/current-score";
import { appetiteOf } from "../history/risk-points";
import { reportEach } from "./report-each";
import type { Rule, RuleReport } from "./types";
import { fieldColumn } from "../model/records";

export const rule: Rule = {
  meta: {
    id: "risk/above-appetite",
    kinds: ["risk-register"],
    fields: ["score"],
    defaultSeverity: "warning",
    description:
      "An open risk's current score is above the appetite of its category (Category, else section, else annex; Settings).",
    messages: {
      above: "Risk {id} scores {score}, above the appetite for {category} ({level}, up to {max}).",
      aboveDefault: "Risk {id} scores {score}, above the default appetite ({level}, up to {max}).",
      aboveDefaultFor:
        "Risk {id} scores {score}, above the default appetite ({level}, up to {max}; Settings set none for {category}).",
    },
  },
  check(ctx) {
    return reportEach(ctx.records.risks, (r): RuleReport | null => {
      if (!ctx.isOpenRisk(r)) return null;
      const score = currentScore(ctx, r);
      if (score === null) return null;
      const appetite = appetiteOf(ctx, r);
      // An opportunity's score is upside, not a threat the appetite bounds (asked only of a risk above it).
      if (score <= appetite.max || ctx.isOpportunity(r)) return null;
      const data = {
        id: ctx.riskId(r) || "(no id)",
        score,
        category: appetite.category,
        level: APPETITE_LEVEL_NAMES[appetite.level],
        max: appetite.max,
      };
      // The Score cell where the register has one, worked out or not (a formula whose result an import cleared).
      const field = fieldColumn(r, "score") !== undefined ? "score" : "likelihood";
      if (!appetite.category) return { record: r, field, messageId: "aboveDefault", data };
      // A category Settings set no level for has the default: said so, not named as if the level were its own.
      if (appetite.byDefault) return { record: r, field, messageId: "aboveDefaultFor", data };
      return { record: r, field, messageId: "above", data };
    });
  },
};
