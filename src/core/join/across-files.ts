// Joins the risks of several checked files as the engine joins a workbook's sheets: owner conflicts between
// files, the risks that stand on more than one file (the same id and title), and actions in one file that
// count for a risk in another.

import { toA1 } from "../address/a1";
import type { Finding, Severity } from "../model/finding";
import { idKey } from "../model/records";
import type { AcceptedException } from "../model/settings";
import { dayFromIso } from "../parse";
import { isAccepted } from "../rules/accepted";
import { renderMessage } from "../rules/render-message";
import { rule as ownerConflictRule } from "../rules/risk-owner-conflict";
import { findOwnerConflicts } from "./owner-conflicts";
import type { RiskIdentity } from "./risk-identity";
import { normaliseWords } from "../parse/words";
import { findOwnNumbering, sheetPairKey } from "../read/per-sheet-ids";

/** One checked file's part in the join: its risks and the settings its own findings follow. */
export interface FileRisks {
  file: string;
  risks: readonly RiskIdentity[];
  /** The file's severity for risk/owner-conflict ("off" drops the finding). */
  ownerConflictSeverity: Severity | "off";
  /** The file's accepted exceptions and as-at date: a finding placed in the file is accepted as there. */
  acceptedExceptions: readonly AcceptedException[];
  asAt: string;
  /** The folded risk ids the file's actions rows name (see actionRiskKeys). */
  actionKeys: readonly string[];
}

/** A finding that belongs to one of several files. */
export type FileFinding = Finding & { file: string };

/** What joining the files found. */
export interface AcrossFiles {
  /** Owner conflicts between files, each placed in the file that met the id later; not accepted ones. */
  findings: FileFinding[];
  /** The same conflicts an officer accepted in that file's Settings. */
  accepted: FileFinding[];
  /** Risks on more than one file: every holder of the same id and title, in file order. */
  shared: SharedRisk[];
  /**
   * Risks whose file found no action for them (risk/no-action) while another file's actions sheet holds
   * one: that finding does not stand across files, and is withdrawn from the file's report.
   */
  actionsElsewhere: ActionsElsewhere[];
}

/** A risk whose actions are in another file: where its withdrawn risk/no-action finding was. */
export interface ActionsElsewhere {
  file: string;
  sheet: string;
  /** 1-based sheet row: the finding's row. */
  row: number;
  recordId: string | null;
  /** The finding's severity in its file, or "accepted" where an officer had accepted it there. */
  was: Severity | "accepted";
  /** The other files whose actions rows name the risk, in file order. */
  actionsIn: string[];
}

/** One risk held by several files. */
export interface SharedRisk {
  idText: string;
  title: string;
  holders: { file: string; risk: RiskIdentity }[];
}

type Held = { file: FileRisks; risk: RiskIdentity };

/**
 * The key that makes two rows the same risk (SPEC "Owned tabs": the same risk by id and title; titles
 * trimmed, case and punctuation folded).
 */
export function sameRiskKey(risk: Pick<RiskIdentity, "id" | "title">): string {
  const id = idKey(risk.id);
  return id ? `${id}\u0000${normaliseWords(risk.title)}` : "";
}

function* held(files: readonly FileRisks[]): Iterable<Held> {
  for (const file of files) for (const risk of file.risks) yield { file, risk };
}

function conflictFinding(h: Held, other: Held): FileFinding {
  const { risk } = h;
  const severity = h.file.ownerConflictSeverity === "off" ? "warning" : h.file.ownerConflictSeverity;
  const col = risk.ownerCol ?? 0;
  return {
    file: h.file.file,
    ruleId: ownerConflictRule.meta.id,
    severity,
    sheet: risk.sheet,
    cell: toA1(risk.row, col),
    row: risk.row + 1,
    col,
    recordId: risk.idText || null,
    messageId: "conflict",
    message: renderMessage(ownerConflictRule.meta.messages.conflict, {
      id: risk.idText,
      owner: risk.owner,
      otherOwner: other.risk.owner,
      otherSheet: `${other.risk.sheet} in ${other.file.file}`,
    }),
    field: "owner",
    fingerprint: risk.fingerprint,
  };
}

/**
 * Joins the files' risks, in the files' order: an id met first in one file and again in another with a
 * different owner is an owner conflict in the later file (unless that file's own check already found one
 * on the same risk); risks with the same id and title in several files are listed once with every holder.
 */
export function joinAcrossFiles(files: readonly FileRisks[]): AcrossFiles {
  const findings: FileFinding[] = [];
  const accepted: FileFinding[] = [];
  const holders = [...held(files)];
  const registerOf = (h: Held) => `${h.file.file}\u0000${h.risk.sheet}`;
  const titleOf = (h: Held) => normaliseWords(h.risk.title);
  // Registers that number their own risks (R1, R2 … in two files) join only where the titles match too.
  const ownNumbering = findOwnNumbering(holders, {
    register: registerOf,
    key: (h) => idKey(h.risk.id),
    title: titleOf,
  });
  const conflicts = findOwnerConflicts<Held>(holders, {
    id: (h) => h.risk.id,
    owner: (h) => h.risk.owner,
    register: registerOf,
    sameRisk: (a, b) =>
      !ownNumbering.has(sheetPairKey(registerOf(a), registerOf(b))) || titleOf(a) === titleOf(b),
  });
  for (const { risk, other } of conflicts) {
    if (risk.file === other.file || risk.risk.ownerConflictInFile) continue;
    if (risk.file.ownerConflictSeverity === "off") continue;
    const finding = conflictFinding(risk, other);
    const asAt = dayFromIso(risk.file.asAt);
    const isKept = asAt !== null && isAccepted(finding, [...risk.file.acceptedExceptions], asAt);
    (isKept ? accepted : findings).push(finding);
  }

  const byKey = new Map<string, SharedRisk>();
  for (const h of held(files)) {
    const key = sameRiskKey(h.risk);
    if (!key) continue;
    let shared = byKey.get(key);
    if (!shared) byKey.set(key, (shared = { idText: h.risk.idText, title: h.risk.title, holders: [] }));
    shared.holders.push({ file: h.file.file, risk: h.risk });
  }
  const shared = [...byKey.values()].filter((s) => new Set(s.holders.map((x) => x.file)).size > 1);
  return { findings, accepted, shared, actionsElsewhere: actionsInOtherFiles(files) };
}

/**
 * The risks a file found no action for whose id another file's actions rows name, linked as an actions
 * sheet's rows are linked to the registers of its own workbook: by the risk's id, or any id its id cell
 * lists, an action naming several ids counting for each.
 */
function actionsInOtherFiles(files: readonly FileRisks[]): ActionsElsewhere[] {
  const filesNaming = new Map<string, string[]>();
  for (const f of files)
    for (const key of f.actionKeys) {
      const list = filesNaming.get(key);
      if (!list) filesNaming.set(key, [f.file]);
      else if (!list.includes(f.file)) list.push(f.file);
    }
  const out: ActionsElsewhere[] = [];
  if (filesNaming.size === 0) return out;
  for (const { file, risk } of held(files)) {
    if (risk.noAction === null) continue;
    const others = new Set<string>();
    for (const key of risk.actionKeys)
      for (const other of filesNaming.get(key) ?? []) if (other !== file.file) others.add(other);
    if (others.size === 0) continue;
    out.push({
      file: file.file,
      sheet: risk.sheet,
      row: risk.row + 1,
      recordId: risk.idText || null,
      was: risk.noAction,
      actionsIn: files.map((f) => f.file).filter((f) => others.has(f)),
    });
  }
  return out;
}
