// Joins the risks of several checked files as the engine joins a workbook's sheets: owner conflicts between
// files, the risks that stand on more than one file (the same id and title), and actions in one file that
// count for a risk in another (no longer "no action"; a closed risk's open actions; an overdue action whose
// risks are all closed; a risk updated through its actions' updates).

import { toA1 } from "../address/a1";
import type { Finding, Severity } from "../model/finding";
import { idKey } from "../model/records";
import { DEFAULT_SETTINGS, type AcceptedException } from "../model/settings";
import { dayFromIso, isoFromDay, subtractMonths } from "../parse";
import { isAccepted } from "../rules/accepted";
import { renderMessage } from "../rules/render-message";
import {
  rule as closedWithOpenActionsRule,
  openActionsAcrossFiles,
} from "../rules/risk-closed-with-open-actions";
import { rule as ownerConflictRule } from "../rules/risk-owner-conflict";
import { findOwnerConflicts } from "./owner-conflicts";
import type { ActionUpdate, OverdueAction, RiskIdentity } from "./risk-identity";
import { normaliseWords } from "../parse/words";
import { findOwnNumbering, sheetPairKey } from "../read/per-sheet-ids";
import { standingRow } from "./standing-row";

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
  /** For each folded risk id, how many of the file's open actions rows name it (see actionFacts). */
  openActionCounts?: readonly (readonly [string, number])[];
  /** The actions rows the file reported as risk/action-overdue (see actionFacts). */
  overdueActions?: readonly OverdueAction[];
  /** The file's severity for risk/closed-with-open-actions ("off" drops the finding); the rule's default when absent. */
  closedWithOpenSeverity?: Severity | "off";
  /**
   * For each folded risk id, the newest update date of the file's actions rows naming it (see actionFacts):
   * an update in one file's actions keeps another file's risk from being stale.
   */
  actionUpdates?: readonly (readonly [string, ActionUpdate])[];
  /** The file's review period in months (its Settings), the default settings' when absent. */
  reviewPeriodMonths?: number;
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
  /**
   * Closed risks with open actions in another file's actions sheet: a risk/closed-with-open-actions finding
   * placed in the risk's file, on its status cell, as one workbook holding both sheets would have it,
   * counting every file's open actions and saying where they are. Where the risk's own file already warns
   * (open actions there too), the finding replaces that file's own, recounted.
   */
  closedElsewhere: ClosedElsewhere[];
  /**
   * Actions rows a file reported overdue (risk/action-overdue) whose risks, held in other files, are all
   * closed: that finding does not stand across files (one workbook skips such an action), and is withdrawn.
   */
  overdueForClosed: OverdueForClosed[];
  /**
   * Open risks their file found not updated this period (risk/stale-update) whose actions in another file
   * were updated within the file's review period: as one workbook holding both would count those updates
   * as the risk's, that finding does not stand across files, and is withdrawn from the file's report.
   */
  updatedElsewhere: UpdatedElsewhere[];
}

/** A risk updated through its actions in another file: where its withdrawn risk/stale-update finding was. */
export interface UpdatedElsewhere {
  file: string;
  sheet: string;
  /** 1-based sheet row: the finding's row. */
  row: number;
  recordId: string | null;
  /** The finding's severity in its file, or "accepted" where an officer had accepted it there. */
  was: Severity | "accepted";
  /** ISO date of the newest update of its actions in the other files. */
  updated: string;
  /** That update's words (the first file's, in file order, that has any), "" when none. */
  updateText: string;
  /** The other files holding an action updated that day, or the same risk updated that day, in file order. */
  updatedIn: string[];
  /** "register" where the newest update is the same risk's own on a register of another file; else its actions'. */
  through: "actions" | "register";
}

/** A closed risk with open actions in other files, and the finding that says so in the risk's file. */
export interface ClosedElsewhere {
  file: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  recordId: string | null;
  /** The other files whose open actions rows name the risk, in file order. */
  actionsIn: string[];
  finding: FileFinding;
  /** True where an officer accepted the finding in the risk's file (it is then listed as accepted there). */
  accepted: boolean;
  /**
   * Set where the risk's own file already warned about it (open actions there too): that finding's
   * severity, or "accepted". `finding` replaces it in place, in the same state, so the file's counts stand.
   */
  replaces?: Severity | "accepted";
}

/** An overdue action whose risks are all closed (in other files): where its withdrawn finding was. */
export interface OverdueForClosed {
  file: string;
  sheet: string;
  /** 1-based sheet row: the finding's row. */
  row: number;
  recordId: string | null;
  /** The finding's severity in its file, or "accepted" where an officer had accepted it there. */
  was: Severity | "accepted";
  /** The files holding the closed risks the action names, in file order. */
  risksIn: string[];
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

/** Where the join places what it says of a held risk: its file, sheet, 1-based row and id as written. */
function placeOfHeld({ file, risk }: Held): {
  file: string;
  sheet: string;
  row: number;
  recordId: string | null;
} {
  return { file: file.file, sheet: risk.sheet, row: risk.row + 1, recordId: risk.idText || null };
}

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

/** True for a held risk that is not archived (see RiskIdentity.archived). */
const isLive = (h: Held): boolean => !h.risk.archived;

/**
 * The archived risks that another row, in any file, stands for (standingRow: a row of the same risk not
 * archived, or an earlier archived one): the risk's history, whose actions are not its own. Empty, and no
 * table made, when no file holds an archived risk.
 */
function earlierRecords(
  holders: readonly Held[],
  sameRisk: (a: Held, b: Held) => boolean,
): Set<RiskIdentity> {
  const earlier = new Set<RiskIdentity>();
  if (!holders.some((h) => h.risk.archived)) return earlier;
  const byKey = new Map<string, Held[]>();
  for (const h of holders) {
    const key = idKey(h.risk.id);
    if (!key) continue;
    const list = byKey.get(key);
    if (list) list.push(h);
    else byKey.set(key, [h]);
  }
  for (const h of holders) {
    if (!h.risk.archived) continue;
    const rows = (byKey.get(idKey(h.risk.id)) ?? []).filter((o) => sameRisk(o, h));
    const stands = standingRow(
      rows,
      (o) => !o.risk.closed,
      (o) => o.risk.archived === true,
    );
    if (stands !== undefined && stands.risk !== h.risk) earlier.add(h.risk);
  }
  return earlier;
}

function conflictFinding(h: Held, other: Held): FileFinding {
  const { risk } = h;
  const severity = h.file.ownerConflictSeverity === "off" ? "warning" : h.file.ownerConflictSeverity;
  return riskFinding(
    h.file.file,
    risk,
    ownerConflictRule.meta,
    "conflict",
    severity,
    risk.ownerCol ?? 0,
    "owner",
    {
      id: risk.idText,
      owner: risk.owner,
      otherOwner: other.risk.owner,
      otherSheet: `${other.risk.sheet} in ${other.file.file}`,
    },
  );
}

/** A finding the join makes on a file's risk: on its row, in column `col`, as the rule's own message says. */
function riskFinding(
  file: string,
  risk: RiskIdentity,
  meta: { id: string; messages: Record<string, string> },
  messageId: string,
  severity: FileFinding["severity"],
  col: number,
  field: string,
  data: Record<string, string | number>,
): FileFinding {
  return {
    file,
    ruleId: meta.id,
    severity,
    sheet: risk.sheet,
    cell: toA1(risk.row, col),
    row: risk.row + 1,
    col,
    recordId: risk.idText || null,
    messageId,
    message: renderMessage(meta.messages[messageId], data),
    field,
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
  /** Two rows with the same id are the same risk, unless their registers number their own risks and titles differ. */
  const sameRisk = (a: Held, b: Held): boolean =>
    !ownNumbering.has(sheetPairKey(registerOf(a), registerOf(b))) || titleOf(a) === titleOf(b);
  // An archived row says who owned the risk when it closed, not who owns it today.
  const conflicts = findOwnerConflicts<Held>(holders.filter(isLive), {
    id: (h) => h.risk.id,
    owner: (h) => h.risk.owner,
    register: registerOf,
    sameRisk,
  });
  for (const { risk, other } of conflicts) {
    if (risk.file === other.file || risk.risk.ownerConflictInFile) continue;
    if (risk.file.ownerConflictSeverity === "off") continue;
    const finding = conflictFinding(risk, other);
    (acceptedIn(risk.file, finding) ? accepted : findings).push(finding);
  }

  const byKey = new Map<string, SharedRisk>();
  for (const h of held(files)) {
    const key = sameRiskKey(h.risk);
    // An archived row is the risk's history, not a register it stands on.
    if (!key || h.risk.archived) continue;
    let shared = byKey.get(key);
    if (!shared) byKey.set(key, (shared = { idText: h.risk.idText, title: h.risk.title, holders: [] }));
    shared.holders.push({ file: h.file.file, risk: h.risk });
  }
  const shared = [...byKey.values()].filter((s) => new Set(s.holders.map((x) => x.file)).size > 1);
  const links = actionLinks(files, sameRisk);
  return {
    findings,
    accepted,
    shared,
    actionsElsewhere: actionsInOtherFiles(files, links),
    closedElsewhere: closedRisksWithActionsElsewhere(files, links, earlierRecords(holders, sameRisk)),
    overdueForClosed: overdueActionsOfClosedRisks(files, links),
    updatedElsewhere: risksUpdatedElsewhere(files, links, sameRisk),
  };
}

/** Whether the actions rows of file `actionsFile` naming folded risk id `key` are actions of risk `h`. */
type ActionLinks = (actionsFile: string, key: string, h: Held) => boolean;

/**
 * How a file's actions rows link to the risks of every file. An actions sheet's rows name the risks of
 * their own workbook: a row naming an id its own file holds is that risk's action, so it counts for another
 * file's risk only where the join takes the two for the same risk (`sameRisk`: registers numbering their
 * own risks 1, 2, 3 join only where the titles match too). A row naming an id its file does not hold (a
 * treatment plan kept as its own file) counts for every risk with that id, as within one workbook.
 */
function actionLinks(files: readonly FileRisks[], sameRisk: (a: Held, b: Held) => boolean): ActionLinks {
  const byName = new Map(files.map((f) => [f.file, f]));
  // Each file's risks by the ids its actions rows may name them by, made when first asked for.
  const risksByKey = new Map<string, Map<string, Held[]>>();
  const ownRisks = (file: string, key: string): Held[] => {
    let byKey = risksByKey.get(file);
    if (!byKey) {
      risksByKey.set(file, (byKey = new Map()));
      const f = byName.get(file);
      if (f)
        for (const risk of f.risks)
          for (const k of risk.actionKeys) {
            const list = byKey.get(k);
            if (list) list.push({ file: f, risk });
            else byKey.set(k, [{ file: f, risk }]);
          }
    }
    return byKey.get(key) ?? [];
  };
  return (actionsFile, key, h) => {
    if (h.file.file === actionsFile) return true;
    const own = ownRisks(actionsFile, key);
    return own.length === 0 || own.some((o) => sameRisk(o, h));
  };
}

/** Entries listed under the folded risk ids they name, in file order. */
function byRiskKey<E>(
  files: readonly FileRisks[],
  entries: (f: FileRisks) => Iterable<[string, E]>,
): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const f of files)
    for (const [key, entry] of entries(f)) {
      const list = out.get(key);
      if (list) list.push(entry);
      else out.set(key, [entry]);
    }
  return out;
}

/**
 * The entries of other files' actions rows that are a risk's actions, linked as within a workbook: those
 * naming the risk's id, else those naming an id its id cell lists; each only where `links` takes the row's
 * risk for this one.
 */
function linkedElsewhere<E extends { file: string }>(
  h: Held,
  byKey: ReadonlyMap<string, readonly E[]>,
  links: ActionLinks,
): E[] {
  const elsewhere = (key: string) =>
    (byKey.get(key) ?? []).filter((e) => e.file !== h.file.file && links(e.file, key, h));
  const whole = idKey(h.risk.id);
  const named = whole ? elsewhere(whole) : [];
  return named.length > 0 ? named : h.risk.actionKeys.filter((k) => k !== whole).flatMap(elsewhere);
}

/** True when a finding placed in a file is accepted there (its accepted exceptions, at its as-at date). */
function acceptedIn(file: FileRisks, finding: Finding): boolean {
  const asAt = dayFromIso(file.asAt);
  return asAt !== null && isAccepted(finding, [...file.acceptedExceptions], asAt);
}

/** The files of `files` named in `names`, in file order. */
const inFileOrder = (files: readonly FileRisks[], names: ReadonlySet<string>): string[] =>
  files.map((f) => f.file).filter((f) => names.has(f));

/**
 * The risks a file found no action for that another file's actions rows name (see linkedElsewhere), an
 * action naming several ids counting for each.
 */
function actionsInOtherFiles(files: readonly FileRisks[], links: ActionLinks): ActionsElsewhere[] {
  const naming = byRiskKey(files, (f) => f.actionKeys.map((key): [string, { file: string }] => [key, f]));
  const out: ActionsElsewhere[] = [];
  if (naming.size === 0) return out;
  for (const h of held(files)) {
    const { risk } = h;
    if (risk.noAction === null) continue;
    const others = linkedElsewhere(h, naming, links);
    if (others.length === 0) continue;
    out.push({
      ...placeOfHeld(h),
      was: risk.noAction,
      actionsIn: inFileOrder(files, new Set(others.map((o) => o.file))),
    });
  }
  return out;
}

/**
 * Closed risks whose open actions other files' actions rows name, linked as within a workbook: by the
 * risk's id, else by the ids its id cell lists. Each is a finding in the risk's file, on its status cell,
 * counting the other files' open actions and naming the files. Where the risk's own file found none, the
 * finding is new, at that file's severity for the rule (accepted if an officer accepted it there); where
 * it already warns, the finding replaces that one in the same state, its count the file's own plus the
 * other files'. An archived row another row stands for (`earlier`) is the risk's history and gets none.
 */
function closedRisksWithActionsElsewhere(
  files: readonly FileRisks[],
  links: ActionLinks,
  earlier: ReadonlySet<RiskIdentity>,
): ClosedElsewhere[] {
  const openIn = byRiskKey(files, (f) =>
    (f.openActionCounts ?? []).map(([key, count]): [string, { file: string; count: number }] => [
      key,
      { file: f.file, count },
    ]),
  );
  const out: ClosedElsewhere[] = [];
  if (openIn.size === 0) return out;
  for (const h of held(files)) {
    const { file, risk } = h;
    if (!risk.closed || earlier.has(risk)) continue;
    const own = risk.closedWithOpen;
    const severity =
      own && own.state !== "accepted"
        ? own.state
        : (file.closedWithOpenSeverity ?? closedWithOpenActionsRule.meta.defaultSeverity);
    if (severity === "off") continue;
    const from = linkedElsewhere(h, openIn, links);
    if (from.length === 0) continue;
    // Each file's open actions: the risk's own file's first, as its own finding counted them, then the
    // other files' in file order.
    const counts = new Map<string, number>();
    for (const o of from) counts.set(o.file, (counts.get(o.file) ?? 0) + o.count);
    const actionsIn = inFileOrder(files, new Set(counts.keys()));
    const openActionsIn = [
      ...(own ? [{ file: file.file, count: own.count }] : []),
      ...actionsIn.map((f) => ({ file: f, count: counts.get(f)! })),
    ];
    const { messageId, data } = openActionsAcrossFiles(risk.idText, openActionsIn);
    const finding = riskFinding(
      file.file,
      risk,
      closedWithOpenActionsRule.meta,
      messageId,
      severity,
      risk.statusCol ?? risk.ownerCol ?? 0,
      "status",
      data,
    );
    out.push({
      file: file.file,
      sheet: risk.sheet,
      row: risk.row + 1,
      recordId: finding.recordId,
      actionsIn,
      finding,
      accepted: own ? own.state === "accepted" : acceptedIn(file, finding),
      ...(own ? { replaces: own.state } : {}),
    });
  }
  return out;
}

/**
 * The actions rows a file reported overdue whose every risk, over all the files (linked by id, as an
 * actions row is linked to its workbook's registers, where `links` takes it for that risk's), is closed:
 * one workbook does not flag an action all of whose risks are closed. An action naming no risk held
 * anywhere, or one held open anywhere, stands.
 */
function overdueActionsOfClosedRisks(files: readonly FileRisks[], links: ActionLinks): OverdueForClosed[] {
  const out: OverdueForClosed[] = [];
  if (!files.some((f) => (f.overdueActions ?? []).length > 0)) return out;
  const holders = new Map<string, Held[]>();
  for (const h of held(files)) {
    const key = idKey(h.risk.id);
    if (!key) continue;
    const list = holders.get(key);
    if (!list) holders.set(key, [h]);
    else list.push(h);
  }
  for (const f of files)
    for (const action of f.overdueActions ?? []) {
      const named = [...new Set(action.keys)].flatMap((k) =>
        (holders.get(k) ?? []).filter((h) => links(f.file, k, h)),
      );
      if (named.length === 0 || named.some((h) => !h.risk.closed)) continue;
      out.push({
        file: f.file,
        sheet: action.sheet,
        row: action.row,
        recordId: action.recordId,
        was: action.was,
        risksIn: inFileOrder(files, new Set(named.map((h) => h.file.file))),
      });
    }
  return out;
}

/**
 * The open risks a file found not updated this period (risk/stale-update) whose actions in other files
 * (see linkedElsewhere), or whose own rows open on another file's register (`sameRisk`, as owner conflicts
 * join them), were updated on or after the file's review cutoff (its as-at date less its review period): one
 * workbook takes its actions' update dates, and the newest of its registers' updates, as the risk's latest.
 */
function risksUpdatedElsewhere(
  files: readonly FileRisks[],
  links: ActionLinks,
  sameRisk: (a: Held, b: Held) => boolean,
): UpdatedElsewhere[] {
  type Update = ActionUpdate & { file: string; through: UpdatedElsewhere["through"] };
  const updates = byRiskKey(files, (f) =>
    (f.actionUpdates ?? []).map(([key, update]): [string, Update] => [
      key,
      { file: f.file, through: "actions", ...update },
    ]),
  );
  // The open risks' own latest updates, by folded id (each with its row, to tell the same risk by): only of
  // the ids some file found stale, the few the join looks up.
  const staleKeys = new Set<string>();
  for (const { risk } of held(files)) if (risk.staleUpdate !== undefined) staleKeys.add(idKey(risk.id));
  const onRegisters = byRiskKey(files, (f) =>
    f.risks.flatMap((risk): [string, Update & { held: Held }][] => {
      const key = idKey(risk.id);
      return risk.updated && key && staleKeys.has(key)
        ? [[key, { file: f.file, through: "register", ...risk.updated, held: { file: f, risk } }]]
        : [];
    }),
  );
  const out: UpdatedElsewhere[] = [];
  if (updates.size === 0 && onRegisters.size === 0) return out;
  for (const h of held(files)) {
    const { file, risk } = h;
    if (risk.staleUpdate === undefined) continue;
    const asAt = dayFromIso(file.asAt);
    if (asAt === null) continue;
    const sameRiskElsewhere = (onRegisters.get(idKey(risk.id)) ?? []).filter(
      (u) => u.file !== file.file && sameRisk(u.held, h),
    );
    const linked: Update[] = [...linkedElsewhere(h, updates, links), ...sameRiskElsewhere];
    if (linked.length === 0) continue;
    const newest = Math.max(...linked.map((u) => u.day));
    if (newest < subtractMonths(asAt, file.reviewPeriodMonths ?? DEFAULT_SETTINGS.reviewPeriodMonths))
      continue;
    const newestUpdates = linked.filter((u) => u.day === newest);
    const updatedIn = inFileOrder(files, new Set(newestUpdates.map((u) => u.file)));
    const textIn = (f: string) => newestUpdates.find((u) => u.file === f && u.text)?.text;
    out.push({
      ...placeOfHeld(h),
      was: risk.staleUpdate,
      updated: isoFromDay(newest),
      updateText: updatedIn.map(textIn).find((t) => t !== undefined) ?? "",
      updatedIn,
      through: newestUpdates.some((u) => u.through === "actions") ? "actions" : "register",
    });
  }
  return out;
}
