// The shape of a rule, as ESLint's rules are shaped: static meta plus a check function.

import type { SheetKind } from "../model/fields";
import type { Severity } from "../model/finding";
import type { SheetRecord } from "../model/records";
import type { RuleContext } from "./context";

export interface RuleMeta {
  /** Stable id, e.g. "risk/stale-update"; matches the rule's file name. */
  id: string;
  /** Sheet kinds the rule reads. */
  kinds: SheetKind[];
  /** Fields the rule needs; the rule is skipped silently on sheets without them unless it says otherwise. */
  fields: string[];
  defaultSeverity: Severity;
  /** One-line description for the README and the Settings view. */
  description: string;
  /** messageId → text with {placeholders}. */
  messages: Record<string, string>;
}

/** What a rule reports: a record and field (the runner works out the cell), or a whole sheet. */
export type RuleReport =
  | {
      record: SheetRecord<string>;
      /** The field the finding points at; omitted → the record's id cell. */
      field?: string;
      /**
       * The 0-based column the finding points at where it is not the record's cell of `field`: a cell to be
       * filled (the as-at month's of a field kept month by month, see risk/stale-update).
       */
      col?: number;
      /**
       * A cell of another sheet the finding points at, where the record is what it is about: the date cell of
       * an Update Log row naming the risk (0-based row and column of that sheet; see risk/future-date).
       */
      at?: { sheet: string; row: number; col: number };
      messageId: string;
      data?: Record<string, string | number>;
    }
  | { sheet: string; messageId: string; data?: Record<string, string | number>; record?: undefined };

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): RuleReport[];
}
