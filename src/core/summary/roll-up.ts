// The roll-up over several checked files: one SummaryData whose items name their file, each risk counted
// and each escalation shown once however many files hold it (the same id and title), plus the findings
// made across files. The summary tabs built from it carry a Source column.

import type { AcrossFiles } from "../join/across-files";
import { sameRiskKey } from "../join/across-files";
import type { Proposal } from "../model/history";
import type { Escalation } from "../model/report";
import type { Movement } from "../merge/movement";
import { compareFindingKinds, type Finding } from "../model/finding";
import type { AcceptedException, RagBands } from "../model/settings";
import type {
  FileOwnSettings,
  RegisterPlace,
  RoutedFrom,
  RowHistory,
  SummaryData,
  SummaryEscalation,
  SummaryFinding,
  SummaryRisk,
} from "./summary-types";
import { corporateOrDirectorate } from "./summary-data";
import { oneRisk } from "./one-risk";
import { idKey } from "../model/records";

/** One checked file's part in the roll-up. */
export interface RollUpPart {
  file: string;
  data: SummaryData;
  acceptedExceptions: readonly AcceptedException[];
  /** The file's own RAG bands (its scores' RAG, which the roll-up shows as they are). */
  ragBands?: RagBands;
  /** The movement the file's last import recorded (it stays in the file's own review). */
  movement?: Movement;
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
  const alsoHeld: SummaryRisk[] = [];
  // Every register holding each risk, in the files' order: a risk's row and the other sheets of its file.
  const placesOf = new Map<string, RegisterPlace[]>();
  // Each risk's rows, one per file, in the files' order (a file's own duplicates stand apart, as it counts them).
  const groups: SummaryRisk[][] = [];
  const groupOf = new Map<string, SummaryRisk[]>();
  for (const { file, data } of parts)
    for (const r of data.risks) {
      const risk = { ...r, file };
      const key = sameRiskKey({ id: risk.id, title: risk.title });
      // An archived row (a sheet of closed risks) is the risk's history, not a register it stands on.
      if (key && !risk.archived) {
        const places = placesOf.get(key) ?? [];
        for (const sheet of [risk.sheet, ...(risk.alsoOnSheets ?? [])])
          if (!places.some((p) => p.file === file && p.sheet === sheet)) places.push({ file, sheet });
        placesOf.set(key, places);
      }
      const group = key ? groupOf.get(key) : undefined;
      if (group && !group.some((g) => g.file === file)) {
        group.push(risk);
        continue;
      }
      const rows = [risk];
      if (key && !group) groupOf.set(key, rows);
      groups.push(rows);
    }
  const logsOf = logsByRisk(parts, groups);
  // The same risk in several files is counted once, at the row that stands for it, with what its rows (and the
  // Update Logs kept apart that name it) say of it together: as across the registers of one workbook (oneRisk).
  const historyOf = new Map<string, RowHistory>();
  for (const rows of groups) {
    const { stands, history } = oneRisk(rows, logsOf.get(rows) ?? []);
    const key = sameRiskKey({ id: stands.id, title: stands.title });
    const joined = key !== "" && groupOf.get(key) === rows;
    const elsewhere = joined ? (placesOf.get(key) ?? []).filter((p) => p.file !== stands.file) : [];
    risks.push({ ...stands, ...history, ...(elsewhere.length > 0 ? { alsoIn: elsewhere } : {}) });
    for (const r of rows) if (r !== stands) alsoHeld.push({ ...r, ...history });
    if (history && joined) historyOf.set(key, history);
  }
  // The rows each file counted on another of its registers: shown (where they routed the risk) with the same.
  for (const { file, data } of parts)
    for (const r of data.alsoHeld ?? [])
      alsoHeld.push({ ...r, file, ...historyOf.get(sameRiskKey({ id: r.id, title: r.title })) });
  const filesHolding = (key: string): string[] => [...new Set((placesOf.get(key) ?? []).map((p) => p.file))];

  // An escalation may be shown at a row counted elsewhere (alsoHeld): its key is that row's risk's all the same.
  const keyed = parts.flatMap(({ file, data }) =>
    escalationKeys([...data.risks, ...(data.alsoHeld ?? [])], data.escalations).map((key, i) => ({
      file,
      key,
      e: data.escalations[i],
    })),
  );
  const shownAt = shownWith(keyed);
  const escalations: SummaryEscalation[] = [];
  const shown = new Map<number, SummaryEscalation>();
  keyed.forEach(({ file, key, e }, i) => {
    const earlier = shown.get(shownAt[i]);
    if (earlier) {
      // Where another file routes it further, it goes there too (as across sheets of one workbook), shown
      // in that block with the other file's row that routed it there.
      e.destinations.forEach((d, j) => {
        if (earlier.destinations.includes(d)) return;
        earlier.destinations.push(d);
        earlier.reasons.push(e.reasons[j]);
        earlier.routedFrom!.push(routedFrom(e, j, file));
      });
      corporateOrDirectorate(earlier);
      return;
    }
    // Its Source names every file holding the risk, whether or not that file routes it (SPEC "Owned tabs").
    const alsoOn = filesHolding(key).filter((f) => f !== file);
    const escalation: SummaryEscalation = {
      ...e,
      file,
      ...(alsoOn.length > 0 ? { alsoOn } : {}),
      destinations: [...e.destinations],
      reasons: [...e.reasons],
      routedFrom: e.destinations.map((_, j) => routedFrom(e, j, file)),
    };
    shown.set(i, escalation);
    escalations.push(escalation);
  });

  return {
    data: {
      asAt,
      source,
      findings: inRollUpOrder(parts, (p) => p.data.findings, across.findings),
      accepted: inRollUpOrder(parts, (p) => p.data.accepted, across.accepted),
      escalations,
      risks,
      ...(alsoHeld.length > 0 ? { alsoHeld } : {}),
      aims: parts.flatMap((p) => p.data.aims.map((a) => ({ ...a, file: p.file }))),
      proposals: proposalsOnce(parts),
      sourced: true,
      files: parts.map(ownSettingsOf),
    },
    acceptedExceptions: parts.flatMap((p) => p.acceptedExceptions.map((e) => ({ ...e, file: p.file }))),
  };
}

/**
 * The history each risk takes from the Update Logs kept as workbooks of their own (a part's `logged`), by the
 * risk's rows: a log's entries for an id are the history of the one risk of the roll-up with that id, as one
 * workbook reads a log row by the id it names. An id several risks share (registers that number their own
 * risks, R1 in two files) cannot be told apart by a log that names no title: its entries are left.
 */
function logsByRisk(
  parts: readonly RollUpPart[],
  groups: readonly (readonly SummaryRisk[])[],
): Map<readonly SummaryRisk[], RowHistory[]> {
  const out = new Map<readonly SummaryRisk[], RowHistory[]>();
  const logged = parts.flatMap((p) => p.data.logged ?? []);
  if (logged.length === 0) return out;
  const byId = new Map<string, (readonly SummaryRisk[])[]>();
  for (const rows of groups) {
    const id = idKey(rows[0].id);
    if (id) byId.set(id, [...(byId.get(id) ?? []), rows]);
  }
  for (const log of logged) {
    const holders = byId.get(log.key);
    if (holders?.length !== 1) continue;
    out.set(holders[0], [...(out.get(holders[0]) ?? []), log]);
  }
  return out;
}

/**
 * The files' findings and those made across files, each naming its file, in the order one file's report
 * lists them (priority rules, then severity, then rule) over all files: every file's errors before any
 * warning. Among findings of one rule, file by file in the files' order, each file's in its own order
 * (sheet and row) and then those the join placed in it.
 */
function inRollUpOrder(
  parts: readonly RollUpPart[],
  own: (part: RollUpPart) => readonly Finding[],
  acrossFiles: readonly (Finding & { file: string })[],
): SummaryFinding[] {
  const fileAt = new Map(parts.map((p, i) => [p.file, i]));
  const atFile = (f: SummaryFinding) => fileAt.get(f.file ?? "") ?? parts.length;
  // A stable sort: ties keep the files' order, and each file's own.
  return [...parts.flatMap((p) => own(p).map((f) => ({ ...f, file: p.file }))), ...acrossFiles].sort(
    (a, b) => compareFindingKinds(a, b) || atFile(a) - atFile(b),
  );
}

/** What the roll-up's Risk Summary says of a file's own settings: how it rates scores, and its last import. */
function ownSettingsOf({ file, data, ragBands, movement }: RollUpPart): FileOwnSettings {
  return {
    file,
    ...(ragBands ? { ragBands } : {}),
    ...(data.ragMatrix ? { ragMatrix: data.ragMatrix } : {}),
    ...(movement ? { lastImport: movement.since } : {}),
  };
}

/** The row of `file` that routed escalation `e` to its destinations[j]. */
function routedFrom(e: SummaryEscalation, j: number, file: string): RoutedFrom {
  const at = e.routedFrom?.[j];
  if (at) return { ...at, file };
  const { recordId, sheet, row, trend, alsoOnSheets } = e;
  return { recordId, sheet, row, trend, file, ...(alsoOnSheets ? { alsoOnSheets } : {}) };
}

/** One escalation of several files: its file and its risk's same-risk key ("" when the risk has no id). */
export interface KeyedEscalation {
  file: string;
  key: string;
}

/**
 * The same-risk key of each of a file's escalations: the id and title of the risk on its row (SPEC "Owned
 * tabs": the same risk by id and title), "" when that row holds no risk with an id.
 */
export function escalationKeys(
  risks: readonly Pick<SummaryRisk, "id" | "title" | "sheet" | "row">[],
  escalations: readonly Pick<Escalation, "sheet" | "row">[],
): string[] {
  const byRow = new Map(
    risks.map((r) => [placeKey("", r.sheet, r.row), sameRiskKey({ id: r.id, title: r.title })]),
  );
  return escalations.map((e) => byRow.get(placeKey("", e.sheet, e.row)) ?? "");
}

/**
 * Where each of the files' escalations (in file order) is shown: at its own index, or at the index of the
 * same risk's first escalation on an earlier file, where it is shown once. The one rule the roll-up's
 * Escalation tab and the check's "All files" count line both follow.
 */
export function shownWith(escalations: readonly KeyedEscalation[]): number[] {
  const first = new Map<string, number>();
  return escalations.map(({ file, key }, i) => {
    const earlier = key ? first.get(key) : undefined;
    if (earlier !== undefined && escalations[earlier].file !== file) return earlier;
    if (key && earlier === undefined) first.set(key, i);
    return i;
  });
}

/** How many risks the files escalate, a risk several files escalate counted once. */
export function countEscalationsOnce(escalations: readonly KeyedEscalation[]): number {
  return shownWith(escalations).filter((at, i) => at === i).length;
}

/**
 * Each file's proposals naming their file; the same change several files propose for one risk is shown once
 * (where first met), different changes each (see proposalKeys).
 */
function proposalsOnce(parts: readonly RollUpPart[]) {
  const seen = new Set<string>();
  return parts.flatMap(({ file, data }) => {
    const proposals = data.proposals ?? [];
    const keys = proposalKeys([...data.risks, ...(data.alsoHeld ?? [])], proposals);
    return proposals.flatMap((p, i) => {
      if (keys[i] && seen.has(keys[i])) return [];
      if (keys[i]) seen.add(keys[i]);
      return [{ ...p, file }];
    });
  });
}

/**
 * What makes two files' proposals one: the same change (escalate, de-escalate …, to or from the same register
 * or board) for the same risk (its same-risk key), one key per proposal; "" for a proposal on a row with no
 * risk id, never one with another. Two files proposing different changes for one risk (one escalating it to a
 * directorate register, the other to the corporate register) make two proposals, both shown.
 */
export function proposalKeys(
  risks: readonly Pick<SummaryRisk, "id" | "title" | "sheet" | "row">[],
  proposals: readonly Pick<Proposal, "sheet" | "row" | "action" | "destination">[],
): string[] {
  return escalationKeys(risks, proposals).map(
    (risk, i) => risk && `${risk}\u0000${proposals[i].action}\u0000${proposals[i].destination}`,
  );
}

/** How many proposals the files make, one change for a risk several files hold counted once, as the roll-up shows it. */
export function countProposalsOnce(keys: readonly string[]): number {
  return new Set(keys.filter((k) => k)).size + keys.filter((k) => !k).length;
}

/** A marking as it is compared: upper case, a hyphen or dash (with spaces round it) or a run of spaces one space. */
const markingKey = (marking: string): string => marking.toUpperCase().replace(/\s*[-–—]\s*|\s+/g, " ");

/** Government Security Classifications, least to most protective ("OFFICIAL SENSITIVE" typed without the hyphen too). */
const MARKING_ORDER = ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"].map(markingKey);

/**
 * How protective a marking (or a sensitivity label's name) is among the classifications, OFFICIAL (0) to
 * TOP SECRET (3), whatever its case or hyphen; -1 for one outside them, which cannot be ranked.
 */
export function markingRank(marking: string): number {
  return MARKING_ORDER.indexOf(markingKey(marking.trim()));
}

/**
 * The protective marking of a roll-up: the files' own when they agree; else the most protective of the
 * classifications they use, so a roll-up never carries a lower marking than a file it draws on. A marking
 * outside the classifications cannot be ranked: then every distinct marking is named.
 */
export function rollUpMarking(markings: readonly string[]): string {
  const distinct = [...new Set(markings.map((m) => m.trim()).filter((m) => m))];
  if (distinct.length <= 1) return distinct[0] ?? "";
  const ranks = distinct.map(markingRank);
  if (ranks.some((r) => r < 0)) return distinct.join(" / ");
  return distinct[ranks.indexOf(Math.max(...ranks))];
}
