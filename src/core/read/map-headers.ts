// Maps a header row's cells to fields: word matching, most specific match wins, one column per field.

import type { SheetKind } from "../model/fields";
import type { ColumnMapping } from "../model/sheet-info";
import type { ColumnCorrection } from "../model/settings";
import {
  compilePattern,
  NOT_RISK_ID_WORDS,
  PATTERNS,
  STRATEGY_HEADER_WORDS,
  type CompiledPattern,
} from "./field-patterns";
import {
  CURRENT_WORDS,
  headerWords,
  INHERENT_WORDS,
  periodQualified,
  PREVIOUS_WORDS,
  TARGET_WORDS,
} from "./header-words";
import { monthFamilies, monthOverHeader, type FamilyCandidate, type MonthFamily } from "./month-columns";
import { PARTY_WORD_COST } from "./parties";
import { ALLOCATION_HEADER_WORDS, isAllocationHeader } from "./allocation-column";

export interface HeaderCell {
  /** 0-based sheet column. */
  col: number;
  text: string;
  /** Text of the group-header cell above, if any ("Inherent", "Residual", "Target"). */
  group?: string;
}

export interface HeaderMapping {
  columns: ColumnMapping[];
  /** Field → 0-based column. */
  fieldColumns: Map<string, number>;
  /** Sum of the winning match scores: how strongly the row looks like this kind's header. */
  strength: number;
  /**
   * Fields kept month by month, one column per month (see month-columns.ts): `fieldColumns` holds each one's
   * newest month's column (its as-at month's once bound). Absent when there are none.
   */
  monthFamilies?: MonthFamily[];
}

type Compiled = Map<string, CompiledPattern[]>;
const compiled = new Map<SheetKind, Compiled>();
/** Per kind, the most distinct words a header may have and still match some pattern (see `candidates`). */
const mostWords = new Map<SheetKind, number>();
/**
 * Per kind, the fields some pattern of which holds each word: a pattern matches only a header holding all
 * its words, so a header none of whose words is here matches no pattern (most cells of a sheet's first
 * rows are data, and are passed over without trying every pattern).
 */
const fieldsOfWord = new Map<SheetKind, Map<string, Set<string>>>();

function patternsFor(kind: Exclude<SheetKind, "unknown">): Compiled {
  let c = compiled.get(kind);
  if (!c) {
    c = new Map();
    for (const [field, list] of Object.entries(PATTERNS[kind])) {
      c.set(
        field,
        list.map((p) => compilePattern(p, headerWords)),
      );
    }
    compiled.set(kind, c);
    // A header matches a pattern only while its extra words stay below the pattern's weight.
    let most = 0;
    const byWord = new Map<string, Set<string>>();
    for (const [field, list] of c)
      for (const p of list) {
        most = Math.max(most, p.words.length + p.weight);
        // A pattern of no words would match every header: its field is tried for every one.
        for (const w of p.words.length ? p.words : [ANY_WORD]) {
          const fields = byWord.get(w);
          if (fields) fields.add(field);
          else byWord.set(w, new Set([field]));
        }
      }
    mostWords.set(kind, most);
    fieldsOfWord.set(kind, byWord);
  }
  return c;
}

/** Stands for "any header" in fieldsOfWord (headerWords never gives it: it is not lower-case letters). */
const ANY_WORD = "\u0000any";

/** The fields of `kind` with a pattern that may match a header of these words (see fieldsOfWord). */
function fieldsMatching(kind: Exclude<SheetKind, "unknown">, words: readonly string[]): Set<string> {
  const byWord = fieldsOfWord.get(kind)!;
  const out = new Set<string>(byWord.get(ANY_WORD));
  for (const w of words) for (const f of byWord.get(w) ?? []) out.add(f);
  return out;
}

const SCORED = new Set(["likelihood", "impact", "score"]);
/**
 * The qualified field sets a register keeps apart from the current likelihood, impact and score (SPEC
 * Fields): inherent, target, and previous (last month's beside this month's, under "Previous" or "Last
 * month").
 */
const QUALIFIED_PREFIX = {
  inherent: INHERENT_WORDS,
  target: TARGET_WORDS,
  previous: PREVIOUS_WORDS,
} as const;

/**
 * How well a header's words (`set`, and `distinct` in order) match a pattern: 0 for no match. `note` holds
 * the words found only in a bracketed note after the header's leading words ("Risk Owner (Name & Job
 * Title)"): the leading words name the field, so a pattern matched on them alone pays half a point for each
 * note word, while one that needs a note word ("Job Title" for a title) pays a full point for each extra.
 * A word naming a party costs what PARTY_WORD_COST says: the council's column of a field wins the contractor's.
 */
function matchScore(
  set: ReadonlySet<string>,
  distinct: readonly string[],
  pattern: CompiledPattern,
  ignorable: ReadonlySet<string>,
  note: ReadonlySet<string>,
): number {
  for (const w of pattern.words) if (!set.has(w)) return 0;
  const onLeadingWords = !pattern.words.some((w) => note.has(w));
  let extras = 0;
  for (const w of distinct)
    if (!pattern.words.includes(w) && !ignorable.has(w))
      extras += (PARTY_WORD_COST.get(w) ?? 1) * (onLeadingWords && note.has(w) ? 0.5 : 1);
  if (pattern.exact && extras > 0) return 0;
  // A long sentence that merely contains a field's word (a title or instructions) is not that field's header.
  return Math.max(0, pattern.weight - extras);
}

/** Text inside brackets: a note on the header before it ("Owner (Name & Job Title)", "Likelihood (1-5)"). */
const BRACKETED = /\([^()]*\)?|\[[^[\]]*\]?/g;

/** Words of a header found only in a bracketed note after leading words of its own; none without such words. */
function noteWords(text: string): ReadonlySet<string> {
  if (!/[([]/.test(text)) return NONE;
  const leading = new Set(headerWords(text.replace(BRACKETED, " ")));
  if (leading.size === 0) return NONE; // all in brackets: no leading words for a note to follow
  const note = (text.match(BRACKETED) ?? []).flatMap((t) => headerWords(t)).filter((w) => !leading.has(w));
  return note.length ? new Set(note) : NONE;
}

/** Score of a header naming two or more strategies ("Treat / Tolerate / Transfer / Terminate"), else 0. */
function strategyListScore(own: readonly string[]): number {
  const named = new Set<string>();
  let others = 0;
  for (const w of new Set(own)) {
    const s = STRATEGY_HEADER_WORDS.get(w);
    if (s) named.add(s);
    else others++;
  }
  return named.size >= 2 ? Math.max(0, 20 - others) : 0;
}

/**
 * A bare "Rating" qualified as inherent, target or current (by its group, "Rating" under "Target Risk"
 * beside Likelihood and Impact, or by its own words, "Target Rating") is that group's score. Under a
 * current group it may still be the RAG, but only where no score claims the column and no RAG column
 * ("RAG") claims the RAG: below the plain patterns ("score" 10, "rag" 10) so those win.
 */
const QUALIFIED_RATING_SCORE = 9;
const QUALIFIED_RATING_RAG = 8;

const QUALIFIERS = new Set([...INHERENT_WORDS, ...TARGET_WORDS, ...PREVIOUS_WORDS, ...CURRENT_WORDS]);
/**
 * Words that make a likelihood, impact or score the risk's own rather than one of its parts: "Overall
 * Impact" beside "Impact - Financial", "Impact - Reputation" (the highest of them) is the impact.
 */
const WHOLE_WORDS = new Set(["overall", "combined", "highest", "total"]);
const SCORED_IGNORABLE = new Set([...QUALIFIERS, ...WHOLE_WORDS]);
const NONE: ReadonlySet<string> = new Set();
/**
 * Words an update header may carry at no cost: "Update – this month" (periodQualified's "current") is the
 * latest update, so it wins over "Update – last month" beside it, which then stays unmapped (SPEC Fields:
 * the update is the latest one).
 */
const CURRENT_PERIOD: ReadonlySet<string> = new Set(["current"]);

/** Words that make a log's score the one before the update, not the one it recorded ("Previous score"). */
const EARLIER_WORDS = ["previous", "prior", "old", "was"];
/**
 * Words that make an Update Log's score column another than the score the update recorded: the score before
 * it, or an inherent or target one ("Previous score", "Inherent score": SPEC Fields keeps those apart from the
 * current score). A log's current words ("Current score", "Residual score") are ignored as a register's are.
 */
const NOT_LOGGED_SCORE: ReadonlySet<string> = new Set([...INHERENT_WORDS, ...TARGET_WORDS, ...EARLIER_WORDS]);

/**
 * Words that make a plan's status header a colour rating ("RAG Status", "BRAG Status"): its Blue / Red /
 * Amber / Green say less than the leading words of a progress column ("Progress Update: Completed. …"), so
 * it is the status only where no other column claims it (below "progress" and "status", 10 less a word).
 */
const PLAN_RATING_WORDS: ReadonlySet<string> = new Set(["rag", "brag"]);
const PLAN_RATING_STATUS = 5;

type Candidate = { field: string; score: number };
/**
 * Candidates of header texts already seen, per kind, by text (and group, where there is one): the header
 * search reads the same rows many times.
 */
const seenCandidates = new Map<SheetKind, Map<string, readonly Candidate[]>>();
const SEEN_LIMIT = 20_000;

/** Candidate (field, score) pairs for one header cell (remembered per kind, text and group). */
function candidates(kind: Exclude<SheetKind, "unknown">, cell: HeaderCell): readonly Candidate[] {
  let seen = seenCandidates.get(kind);
  if (!seen) seenCandidates.set(kind, (seen = new Map()));
  const key = cell.group === undefined ? cell.text : `${cell.text}\u0000${cell.group}`;
  let found = seen.get(key);
  if (found === undefined) {
    found = findCandidates(kind, cell);
    if (seen.size >= SEEN_LIMIT) seen.clear();
    seen.set(key, found);
  }
  return found;
}

/**
 * The words of a group header that qualify the headers below it: inherent, target, previous or current ones
 * alone ("Last month" is previous: see periodQualified).
 */
function groupQualifiers(group: string | undefined): string[] {
  return group ? periodQualified(headerWords(group)).filter((w) => QUALIFIERS.has(w)) : [];
}

/**
 * A header named as it is read with its group: "Score" under "Inherent" is "Inherent Score", which the
 * mapper reads alone as it reads the pair (a group qualifies by its inherent / target / current words
 * only, see findCandidates: "Score" under "Residual Risk Rating" is "Residual Score"). A header under no
 * such group, or one that names its own ("Current Risk Score" under "Residual"), is its own text. The
 * Import Log's Field, so that two columns headed alike under different groups are told apart. Under a
 * month alone (a block of columns a month: "Update" under "Sep-22"), the month goes first ("Sep-22
 * Update"), as a column naming its own month names it ("Update Sep-22"). A header naming only its period
 * under a group naming the field goes after the group ("Risk score This month": see wordsOf).
 */
export function groupedHeader(cell: Pick<HeaderCell, "text" | "group">): string {
  const month = monthOverHeader(cell);
  if (month !== null) return `${month} ${cell.text}`;
  // A header naming only its period under a group naming the field ("This month" under "Risk score": see wordsOf).
  if (cell.group && isOnlyQualifiers(periodQualified(headerWords(cell.text))))
    return `${cell.group.trim()} ${cell.text}`;
  if (groupQualifiers(cell.group).length === 0) return cell.text;
  if (headerWords(cell.text).some((w) => QUALIFIERS.has(w))) return cell.text;
  // The group's qualifying words as the officer wrote them ("Residual", "Pre"), in its order; a period
  // named by its place ("Last month") as the whole group.
  const words = cell
    .group!.split(/[^A-Za-z0-9]+/)
    .filter((w) => headerWords(w).some((h) => QUALIFIERS.has(h)));
  return `${words.length ? words.join(" ") : cell.group!.trim()} ${cell.text}`;
}

/** True for a header of qualifiers alone: "This month", "Residual", "Previous". */
function isOnlyQualifiers(own: readonly string[]): boolean {
  return own.length > 0 && own.every((w) => QUALIFIERS.has(w));
}

/**
 * The words a header is read on: its own (`own`), and its group's qualifiers (see groupQualifiers). Under a
 * group naming the field, a header that is only a qualifier takes all the group's words as its own, the group
 * naming the field and the header its period or stage ("Last month" | "This month" under "Risk score": last
 * month's score beside this month's; "Residual" under "Risk Rating" reads as "Residual Risk Rating").
 */
function wordsOf(cell: HeaderCell): { own: readonly string[]; groupWords: readonly string[] } {
  const own = periodQualified(headerWords(cell.text));
  if (cell.group && isOnlyQualifiers(own))
    return { own: [...own, ...periodQualified(headerWords(cell.group))], groupWords: [] };
  return { own, groupWords: groupQualifiers(cell.group) };
}

function findCandidates(kind: Exclude<SheetKind, "unknown">, cell: HeaderCell): Candidate[] {
  const { own, groupWords } = wordsOf(cell);
  const words = [...own, ...groupWords];
  if (own.length === 0) return [];
  const byField = patternsFor(kind);
  // A sentence (a data cell, instructions) has more words than any pattern tolerates: no candidate.
  const set = new Set(words);
  const distinct = [...set];
  let counted = 0;
  for (const w of distinct) if (!QUALIFIERS.has(w)) counted++;
  if (counted >= mostWords.get(kind)!) return [];
  const note = noteWords(cell.text);
  const register = kind === "risk-register";
  const qualifier = register
    ? (Object.keys(QUALIFIED_PREFIX) as (keyof typeof QUALIFIED_PREFIX)[]).find((q) =>
        words.some((w) => QUALIFIED_PREFIX[q].has(w)),
      )
    : undefined;
  // "Target Risk Rating", "Inherent Risk Rating" too: a target or inherent rating is never the RAG.
  const qualifiedRating =
    register &&
    words.some((w) => QUALIFIERS.has(w)) &&
    own.every((w) => w === "rating" || QUALIFIERS.has(w) || (qualifier !== undefined && w === "risk")) &&
    own.includes("rating");
  const out: Candidate[] = [];
  const matching = fieldsMatching(kind, distinct);
  const log = kind === "update-log";
  const planRating = kind === "improvement-plan" && own.some((w) => PLAN_RATING_WORDS.has(w));
  const otherAllocation = register && !isAllocationHeader(cell.text);
  for (const [field, patterns] of byField) {
    let best = 0;
    if (log && field === "score" && words.some((w) => NOT_LOGGED_SCORE.has(w))) continue;
    if (register && field === "id" && words.some((w) => NOT_RISK_ID_WORDS.has(w))) continue;
    const ignorable =
      (register && SCORED.has(field)) || (log && field === "score")
        ? SCORED_IGNORABLE
        : register && field === "rag"
          ? QUALIFIERS
          : register && field === "update"
            ? CURRENT_PERIOD
            : NONE;
    if (matching.has(field))
      for (const p of patterns) {
        if (field === "strategy" && otherAllocation && namesAllocation(p)) continue;
        best = Math.max(best, matchScore(set, distinct, p, ignorable, note));
      }
    if (register && field === "strategy") best = Math.max(best, strategyListScore(own));
    if (register && field === "rag" && qualifiedRating) best = qualifier ? 0 : QUALIFIED_RATING_RAG;
    if (register && field === "score" && qualifiedRating) best = Math.max(best, QUALIFIED_RATING_SCORE);
    if (planRating && field === "status") best = Math.min(best, PLAN_RATING_STATUS);
    if (best === 0) continue;
    let target = field;
    if (register && (SCORED.has(field) || field === "rag")) {
      if (qualifier && field === "rag") continue; // an inherent or target RAG is not the current one
      if (qualifier) target = qualifier + field[0].toUpperCase() + field.slice(1);
    }
    out.push({ field: target, score: best });
  }
  return out;
}

/**
 * True for a strategy pattern naming an allocation ("risk allocation"): a PFI matrix's allocation of the risk
 * between the parties, matched only on a header that allocates the risk (see isAllocationHeader), never on a
 * budget's or a team's ("Budget allocation (£)", "Resource allocation").
 */
function namesAllocation(p: CompiledPattern): boolean {
  return p.words.some((w) => ALLOCATION_HEADER_WORDS.has(w));
}

/**
 * Maps header cells to fields for one sheet kind. Officers' corrections (from Settings) win over
 * matching; the rest are assigned greedily, best score first, one column per field and one field per column.
 * `fieldless`: columns whose cells say they hold no field whatever their header (a column of direction
 * arrows under a merged header: see detect-sheet's arrowColumns), left unmapped unless a correction maps them.
 */
export function mapHeaders(
  kind: Exclude<SheetKind, "unknown">,
  cells: HeaderCell[],
  corrections: ColumnCorrection[] = [],
  sheetName = "",
  fieldless: ReadonlySet<number> = NO_COLUMNS,
): HeaderMapping {
  const fieldColumns = new Map<string, number>();
  const takenCols: TakenColumns = new Map();
  const validFields = new Set<string>(
    Object.keys(PATTERNS[kind]).flatMap((f) => [f, ...qualifiedVariants(kind, f)]),
  );

  for (const corr of corrections) {
    if (corr.sheet !== sheetName) continue;
    const cell = cells.find((c) => headerKey(c.text) === headerKey(corr.header));
    if (!cell || takenCols.has(cell.col)) continue;
    if (corr.field !== null && (!validFields.has(corr.field) || fieldColumns.has(corr.field))) continue;
    takenCols.set(cell.col, { field: corr.field, source: "setting" });
    if (corr.field !== null) fieldColumns.set(corr.field, cell.col);
  }
  for (const col of fieldless) if (!takenCols.has(col)) takenCols.set(col, { field: null, source: "header" });

  // Month columns of one field ("Update Apr-22 … Update Sep-22") are the field kept month by month, where no
  // column of its own claims it: an explicit current column ("Latest Update") wins over them.
  const free = takenCols.size > 0 ? cells.filter((c) => !takenCols.has(c.col)) : cells;
  const families = monthFamilies(kind, free, (text, group) => bestCandidate(kind, text, group));
  let strength = assignGreedily(
    kind,
    families.length ? outsideFamilies(free, families) : free,
    takenCols,
    fieldColumns,
  );
  const kept: MonthFamily[] = [];
  const months = new Map<number, string>();
  const unclaimed: HeaderCell[] = [];
  for (const f of families) {
    if (fieldColumns.has(f.field)) {
      for (const c of f.columns) unclaimed.push(free.find((h) => h.col === c.col)!);
      continue;
    }
    strength += f.score + assignFamily(f, takenCols, fieldColumns, months);
    kept.push({ field: f.field, columns: f.columns, readable: f.columns.length });
  }
  // Month columns no family could take are read as any header is (as they were before families).
  strength += assignGreedily(kind, unclaimed, takenCols, fieldColumns);
  if (kind === "risk-register") earlyWarningAsId(cells, takenCols, fieldColumns);

  const columns: ColumnMapping[] = cells.map((cell) => {
    const t = takenCols.get(cell.col);
    const c: ColumnMapping = {
      col: cell.col,
      header: cell.text,
      field: t?.field ?? null,
      source: t?.source ?? "header",
    };
    const month = months.get(cell.col);
    if (month !== undefined) c.month = month;
    return c;
  });
  return { columns, fieldColumns, strength, ...(kept.length ? { monthFamilies: kept } : {}) };
}

/** Words that make an early warning column its reference ("EW No.", "Early Warning Ref"), not its words. */
const REFERENCE_WORDS: ReadonlySet<string> = new Set(["ref", "reference", "no", "number", "id"]);

/**
 * An NEC4 Early Warning Register lists early warnings: where a register has no id column, the column its
 * headers name as the early warning's reference ("EW No.", "Early Warning Ref") is each record's id instead
 * (one column serves one field; no rule reads the earlyWarning field). An early warning column not headed as
 * a reference ("Custom field (Early Warning)" in a Jira export, holding each risk's warning signs) stays the
 * earlyWarning, as does a column an officer's correction gave that field.
 */
function earlyWarningAsId(
  cells: readonly HeaderCell[],
  takenCols: TakenColumns,
  fieldColumns: Map<string, number>,
): void {
  const col = fieldColumns.get("earlyWarning");
  if (fieldColumns.has("id") || col === undefined || takenCols.get(col)?.source !== "header") return;
  const header = cells.find((c) => c.col === col)?.text ?? "";
  if (!headerWords(header).some((w) => REFERENCE_WORDS.has(w))) return;
  fieldColumns.delete("earlyWarning");
  fieldColumns.set("id", col);
  takenCols.set(col, { field: "id", source: "header" });
}

/** The header cells that are no family's month column. */
function outsideFamilies(cells: readonly HeaderCell[], families: readonly FamilyCandidate[]): HeaderCell[] {
  const inFamily = new Set(families.flatMap((f) => f.columns.map((c) => c.col)));
  return cells.filter((c) => !inFamily.has(c.col));
}

const NO_COLUMNS: ReadonlySet<number> = new Set();

type TakenColumns = Map<number, { field: string | null; source: "header" | "setting" }>;

/**
 * Assigns header cells to fields greedily, best score first, one column per field and one field per column;
 * returns the sum of the scores assigned.
 */
function assignGreedily(
  kind: Exclude<SheetKind, "unknown">,
  cells: readonly HeaderCell[],
  takenCols: TakenColumns,
  fieldColumns: Map<string, number>,
): number {
  const pairs: { col: number; field: string; score: number }[] = [];
  for (const cell of cells) {
    if (takenCols.has(cell.col)) continue;
    for (const c of candidates(kind, cell)) pairs.push({ col: cell.col, ...c });
  }
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  let strength = 0;
  for (const p of pairs) {
    if (takenCols.has(p.col) || fieldColumns.has(p.field)) continue;
    takenCols.set(p.col, { field: p.field, source: "header" });
    fieldColumns.set(p.field, p.col);
    strength += p.score;
  }
  return strength;
}

/**
 * Gives a family of month columns its field: the newest month's column carries it, every column is taken
 * and labelled with its month (`months`). Returns a point for each month after the first, so a row of
 * month headers under a group header ("Monthly Update" over Jul-22, Aug-22, Sep-22) reads more strongly
 * than the group row above it.
 */
function assignFamily(
  family: FamilyCandidate,
  takenCols: TakenColumns,
  fieldColumns: Map<string, number>,
  months: Map<number, string>,
): number {
  const newest = family.columns[family.columns.length - 1].col;
  for (const c of family.columns) {
    takenCols.set(c.col, { field: c.col === newest ? family.field : null, source: "header" });
    months.set(c.col, c.label);
  }
  fieldColumns.set(family.field, newest);
  return family.columns.length - 1;
}

/** The field a header's words name best on this kind of sheet, and its score; null for none. */
function bestCandidate(
  kind: Exclude<SheetKind, "unknown">,
  text: string,
  group: string | undefined,
): { field: string; score: number } | null {
  if (!text) return null;
  let best: Candidate | null = null;
  for (const c of candidates(kind, { col: -1, text, group })) if (!best || c.score > best.score) best = c;
  return best;
}

function qualifiedVariants(kind: SheetKind, field: string): string[] {
  if (kind !== "risk-register" || !SCORED.has(field)) return [];
  const cap = field[0].toUpperCase() + field.slice(1);
  return (Object.keys(QUALIFIED_PREFIX) as (keyof typeof QUALIFIED_PREFIX)[]).map((q) => `${q}${cap}`);
}

/** Key a header is remembered by in column corrections: its words, in order. */
export function headerKey(text: string): string {
  return headerWords(text).join(" ");
}
