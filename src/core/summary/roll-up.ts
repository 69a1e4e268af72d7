// The roll-up over several checked files: one SummaryData whose items name their file, each risk counted
// and each escalation shown once however many files hold it (the same id and title), plus the findings
// made across files. The summary tabs built from it carry a Source column.

import type { AcrossFiles } from "../join/across-files";
import { sameRiskKey } from "../join/across-files";
import type { AcceptedException } from "../model/settings";
import type { SummaryData, SummaryEscalation, SummaryRisk } from "./summary-types";

/** One checked file's part in the roll-up. */
export interface RollUpPart {
  file: string;
  data: SummaryData;
  acceptedExceptions: readonly AcceptedException[];
}

/** The roll-up's data and the accepted exceptions of every file, each naming its file. */
export interface RollUp {
  data: SummaryData;
  acceptedExceptions: (AcceptedException & { file: string })[];
}

const placeKey = (file: string, sheet: string, row: number): string => `${file}\u0000${sheet}\u0000${row}`;

/** Joins the files' summary data in the files' order; `source` is what the tabs' heading names. */
export function rollUpSummary(
  parts: readonly RollUpPart[],
  across: Pick<AcrossFiles, "findings" | "accepted">,
  asAt: string,
  source: string,
): RollUp {
  const risks: SummaryRisk[] = [];
  const alsoHeld: SummaryRisk[] = parts.flatMap((p) =>
    (p.data.alsoHeld ?? []).map((r) => ({ ...r, file: p.file })),
  );
  const keyOf = new Map<string, string>();
  const firstHolder = new Map<string, SummaryRisk>();
  for (const { file, data } of parts)
    for (const r of data.risks) {
      const risk = { ...r, file };
      const key = sameRiskKey({ id: risk.id, title: risk.title });
      if (key) keyOf.set(placeKey(file, risk.sheet, risk.row), key);
      const first = key ? firstHolder.get(key) : undefined;
      // The same risk in another file is counted once: where it was first met.
      if (first !== undefined && first.file !== file) {
        alsoHeld.push(risk);
        continue;
      }
      if (key && first === undefined) firstHolder.set(key, risk);
      risks.push(risk);
    }

  const escalations: SummaryEscalation[] = [];
  const shown = new Map<string, SummaryEscalation>();
  for (const { file, data } of parts)
    for (const e of data.escalations) {
      const key = keyOf.get(placeKey(file, e.sheet, e.row));
      const earlier = key ? shown.get(key) : undefined;
      if (earlier && earlier.file !== file) {
        if (!earlier.alsoOn?.includes(file)) earlier.alsoOn = [...(earlier.alsoOn ?? []), file];
        // Where another file routes it further, it goes there too (as across sheets of one workbook).
        e.destinations.forEach((d, i) => {
          if (earlier.destinations.includes(d)) return;
          earlier.destinations.push(d);
          earlier.reasons.push(e.reasons[i]);
        });
        continue;
      }
      const escalation: SummaryEscalation = {
        ...e,
        file,
        destinations: [...e.destinations],
        reasons: [...e.reasons],
      };
      if (key && !earlier) shown.set(key, escalation);
      escalations.push(escalation);
    }

  return {
    data: {
      asAt,
      source,
      findings: [
        ...parts.flatMap((p) => p.data.findings.map((f) => ({ ...f, file: p.file }))),
        ...across.findings,
      ],
      accepted: [
        ...parts.flatMap((p) => p.data.accepted.map((f) => ({ ...f, file: p.file }))),
        ...across.accepted,
      ],
      escalations,
      risks,
      ...(alsoHeld.length > 0 ? { alsoHeld } : {}),
      aims: parts.flatMap((p) => p.data.aims.map((a) => ({ ...a, file: p.file }))),
      proposals: proposalsOnce(parts, keyOf),
      sourced: true,
    },
    acceptedExceptions: parts.flatMap((p) => p.acceptedExceptions.map((e) => ({ ...e, file: p.file }))),
  };
}

/** Each file's proposals naming their file; a risk held by several files is proposed once (where first met). */
function proposalsOnce(parts: readonly RollUpPart[], keyOf: ReadonlyMap<string, string>) {
  const seen = new Set<string>();
  return parts.flatMap(({ file, data }) =>
    (data.proposals ?? []).flatMap((p) => {
      const risk = keyOf.get(placeKey(file, p.sheet, p.row));
      const proposal = risk === undefined ? undefined : `${risk}\u0000${p.action}`;
      if (proposal !== undefined && seen.has(proposal)) return [];
      if (proposal !== undefined) seen.add(proposal);
      return [{ ...p, file }];
    }),
  );
}

/** Government Security Classifications, least to most protective. */
const MARKING_ORDER = ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"];

/**
 * The protective marking of a roll-up: the files' own when they agree; else the most protective of the
 * classifications they use, so a roll-up never carries a lower marking than a file it draws on. A marking
 * outside the classifications cannot be ranked: then every distinct marking is named.
 */
export function rollUpMarking(markings: readonly string[]): string {
  const distinct = [...new Set(markings.map((m) => m.trim()).filter((m) => m))];
  if (distinct.length <= 1) return distinct[0] ?? "";
  const ranks = distinct.map((m) => MARKING_ORDER.indexOf(m.toUpperCase().replace(/\s*-\s*/g, "-")));
  if (ranks.some((r) => r < 0)) return distinct.join(" / ");
  return distinct[ranks.indexOf(Math.max(...ranks))];
}
