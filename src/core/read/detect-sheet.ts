// Finds a sheet's header row (rows 1–20, any column) and decides what kind of sheet it is.

import { RISK_SCORE_FIELDS, type SheetKind } from "../model/fields";
import { cellAt, formatAt, type Grid } from "../model/grid";
import type { ColumnCorrection } from "../model/settings";
import { headerText } from "./cell-text";
import { mapHeaders, type HeaderCell, type HeaderMapping } from "./map-headers";
import {
  CURRENT_WORDS,
  headerWords,
  INHERENT_WORDS,
  periodQualified,
  PREVIOUS_WORDS,
  TARGET_WORDS,
} from "./header-words";
import { isMonthUnder } from "./month-columns";
import { titleDeclaresThreeByThree } from "./three-point-scale";
import type { RegisterHolds } from "../model/sheet-info";

/** The words that make a group header qualify the headers below it (inherent, current, target, previous). */
const GROUP_QUALIFIERS: ReadonlySet<string> = new Set([
  ...INHERENT_WORDS,
  ...CURRENT_WORDS,
  ...TARGET_WORDS,
  ...PREVIOUS_WORDS,
]);

export interface SheetLayout {
  kind: SheetKind;
  /** 0-based sheet row of the header row, null for an unknown sheet. */
  headerRow: number | null;
  mapping: HeaderMapping | null;
  /** The header row's cells (kept so repeated header rows can be recognised). */
  headerCells: HeaderCell[];
  note: string;
  /** Set on a register whose name says it holds closed risks or opportunities (see withRegisterContents). */
  holds?: RegisterHolds;
  /** Set on a register whose title, above its header row, names a 3 × 3 matrix (see readsOnThreePoints). */
  threeByThreeTitle?: true;
}

const HEADER_SEARCH_ROWS = 20;
type Kind = Exclude<SheetKind, "unknown">;
const KINDS: Kind[] = ["improvement-plan", "update-log", "risk-register", "actions"];

/**
 * The header cells of a row, with group-header text from the row above (Inherent / Current / Target over a
 * few columns each). One text over more than half the header is the table's title, merged across it
 * ("… Planned Works Risk Register"), not a group. A header typed as a date is read as Excel shows it
 * ("Sep-22": see headerText).
 */
export function headerCellsAt(grid: Grid, row: number): HeaderCell[] {
  const r = grid.values[row - grid.rowOffset];
  if (!r) return [];
  const cells: HeaderCell[] = [];
  const over = new Map<string, number>();
  for (let i = 0; i < r.length; i++) {
    const col = i + grid.colOffset;
    const text = headerText(r[i], typeof r[i] === "number" ? formatAt(grid, row, col) : null);
    if (!text) continue;
    const above = row > 0 ? aboveText(grid, row - 1, col) : "";
    cells.push({ col, text, group: above || undefined });
    if (above) over.set(above, (over.get(above) ?? 0) + 1);
  }
  for (const [above, count] of over)
    if (count > cells.length / 2 && !overMonthsOnly(cells, above))
      for (const c of cells) if (c.group === above) c.group = undefined;
  carryGroupLabels(cells);
  carryMonthGroupLabels(cells);
  return cells;
}

/**
 * True when every header under a text is a month under it: a group header over a year of month columns
 * ("Monthly update 2022/23" over Apr … Mar), however much of the header it spans, never the table's title.
 */
function overMonthsOnly(cells: readonly HeaderCell[], above: string): boolean {
  return cells.every((c) => c.group !== above || isMonthUnder(c.text, above));
}

/** The text of the cell above a header cell (its group), a date as Excel shows it. */
function aboveText(grid: Grid, row: number, col: number): string {
  const v = cellAt(grid, row, col);
  return headerText(v, typeof v === "number" ? formatAt(grid, row, col) : null);
}

/**
 * A group row written without merged cells, each label once over its block's first column ("Inherent
 * Risk" over Likelihood, then blank over Impact and Score): where the row above holds two or more labels
 * naming inherent, current or target, each stands over the blank cells to its right as a merged label
 * would, for as many columns as the labels stand apart (the blocks are as wide as each other), and no
 * further: a label over the last block does not reach the columns after it.
 */
function carryGroupLabels(cells: HeaderCell[]): void {
  const qualifies = (g: string | undefined) =>
    !!g && periodQualified(headerWords(g)).some((w) => GROUP_QUALIFIERS.has(w));
  const labelled = cells.filter((c) => qualifies(c.group));
  if (labelled.length < 2) return;
  let width = Infinity;
  for (let k = 1; k < labelled.length; k++) width = Math.min(width, labelled[k].col - labelled[k - 1].col);
  let label: { text: string; col: number } | null = null;
  for (const c of cells) {
    if (c.group) label = qualifies(c.group) ? { text: c.group, col: c.col } : null;
    else if (label && c.col - label.col < width) c.group = label.text;
  }
}

/**
 * A group header over month columns written once over the first month ("Monthly Score" over Jul-22, then blank
 * over Aug-22 and Sep-22), or merged across them where the host could not list merged cells: it stands over
 * the months to its right as a merged label would, up to the next group label, or the first header that is
 * not a month (the table's end, or a column of another field); a month's name alone is a month under a label
 * giving its year ("Monthly update 2022/23" over Apr, then May … Sep).
 */
function carryMonthGroupLabels(cells: HeaderCell[]): void {
  let label: string | undefined;
  for (const c of cells) {
    if (c.group) label = isMonthUnder(c.text, c.group) ? c.group : undefined;
    else if (!isMonthUnder(c.text, label)) label = undefined;
    else if (label) c.group = label;
  }
}

/** Does this mapping look like a real table of this kind? */
export function accepts(kind: Kind, m: HeaderMapping): boolean {
  const has = (f: string) => m.fieldColumns.has(f);
  const count = m.fieldColumns.size;
  switch (kind) {
    case "improvement-plan":
      return (
        has("action") &&
        has("status") &&
        count >= 5 &&
        (has("leadDirector") || has("leadOfficer") || has("aim") || has("evidence"))
      );
    // When (Date, Date of update), which risk (Risk ID, Ref) and whether anything changed (No change).
    case "update-log":
      return has("riskId") && has("date") && has("noChange");
    case "risk-register":
      return (
        (has("id") || has("title") || has("description")) &&
        ([...RISK_SCORE_FIELDS, "strategy"].some(has) || namesRisks(m) || listsEarlyWarnings(m)) &&
        count >= 4
      );
    case "actions": {
      // An action named by its words or by its id ("Action ID, Risk ID, Owner, Due, Status"), and more.
      const more = ["due", "status", "owner", "update"].some(has);
      const action = has("action") && (has("actionId") || !actionOnlyDescribed(m));
      return has("riskId") && (action || has("actionId")) && (more || (action && has("actionId")));
    }
  }
}

/**
 * True when an actions mapping's action column is headed "Description" alone: the action's description beside
 * an action id ("Action no | Description"), but without one a register's ("Risk ID | Description | Owner |
 * Target Date") as much as an action's, so it does not make an actions sheet by itself.
 */
function actionOnlyDescribed(m: HeaderMapping): boolean {
  const col = m.fieldColumns.get("action");
  const header = m.columns.find((c) => c.col === col)?.header ?? "";
  const words = headerWords(header);
  return words.length === 1 && words[0] === "description";
}

/**
 * True when a register mapping names its risks: an id, a title or description, and an owner ("Risk ID",
 * "Risk Title", "Risk Owner"). Such a table is a register without a score or strategy column, and its
 * "Actions" column (mitigating actions) does not make it an actions sheet; an actions sheet is told by its
 * due dates or action ids (see chooseKind).
 */
function namesRisks(m: HeaderMapping): boolean {
  const has = (f: string) => m.fieldColumns.has(f);
  return has("id") && (has("title") || has("description")) && has("owner");
}

/**
 * The words of a header naming NEC4's early warning process, any one set of them enough: an early warning
 * ("EW No.", "Early Warning Ref") or the risk reduction meeting that reviews them ("RRM date").
 */
const EARLY_WARNING_WORDS: readonly (readonly string[])[] = [
  ["ew"],
  ["early", "warning"],
  ["reduction", "meeting"],
  ["rrm"],
];

/**
 * True when a register mapping lists NEC4 early warnings: an id and a title or description, with a column it
 * reads headed as an early warning or a risk reduction meeting ("EW No.", "Risk reduction meeting date").
 * Under NEC4 the Early Warning Register is the contract's risk register, which scores nothing and may name
 * no risk owner (its Service Manager and Contractor keep it; each decision has an action owner).
 */
function listsEarlyWarnings(m: HeaderMapping): boolean {
  if (!m.fieldColumns.has("id") || !(m.fieldColumns.has("title") || m.fieldColumns.has("description")))
    return false;
  return m.columns.some((c) => {
    if (c.field === null) return false;
    const words = headerWords(c.header);
    return EARLY_WARNING_WORDS.some((set) => set.every((w) => words.includes(w)));
  });
}

/**
 * Decides a sheet's kind and header row from its first twenty rows, among `kinds` (all four unless told:
 * the add-in's own tabs can only be its Update Log).
 */
export function detectSheet(
  grid: Grid,
  corrections: ColumnCorrection[] = [],
  kinds: readonly Kind[] = KINDS,
): SheetLayout {
  const best = new Map<Kind, { row: number; mapping: HeaderMapping; cells: HeaderCell[] }>();
  const first = grid.rowOffset;
  const last = Math.min(grid.rowOffset + grid.values.length, HEADER_SEARCH_ROWS) - 1;
  for (let row = first; row <= last; row++) {
    const cells = headerCellsAt(grid, row);
    if (cells.length < 2) continue;
    if (cells.some((c) => typeof cellAt(grid, row, c.col) === "number") && cells.length < 4) continue;
    for (const kind of kinds) {
      const mapping = mapHeaders(kind, cells, corrections, grid.sheetName);
      if (!accepts(kind, mapping) && !(kind === "update-log" && readsAsWideLog(mapping, grid.sheetName)))
        continue;
      const prev = best.get(kind);
      if (!prev || quality(mapping) > quality(prev.mapping)) best.set(kind, { row, mapping, cells });
    }
  }
  const chosen = chooseKind(best, grid.sheetName);
  if (!chosen) {
    return {
      kind: "unknown",
      headerRow: null,
      mapping: null,
      headerCells: [],
      note: "no header row of a known kind in rows 1–20",
    };
  }
  const b = best.get(chosen)!;
  const arrows = arrowColumns(grid, b.row, b.mapping);
  const mapping = arrows.size ? mapHeaders(chosen, b.cells, corrections, grid.sheetName, arrows) : b.mapping;
  const mapped = mapping.columns.filter((c) => c.field).length;
  return {
    kind: chosen,
    headerRow: b.row,
    mapping,
    headerCells: b.cells,
    note: `header row ${b.row + 1} matched ${mapped} of ${b.cells.length} headers`,
    ...(chosen === "risk-register" && titleDeclaresThreeByThree(grid, b.row)
      ? { threeByThreeTitle: true as const }
      : {}),
  };
}

/**
 * Arrows a register writes a direction of travel in (↔ ↑ ↓ → ⬆ ▲ ▼ …), with spaces: a cell of nothing else
 * says which way the risk moved, never a score or a response.
 */
const DIRECTION_ARROWS =
  /^[\s\u2190-\u21FF\u2794-\u27BF\u27F0-\u27FF\u2900-\u297F\u2B00-\u2BFF\u25B2-\u25C5]+$/;

/**
 * The columns, mapped by their headers, whose filled cells below the header row are mostly direction arrows
 * (one heading row among them is fine): a direction of travel, which no field holds, however it is headed (East
 * Sussex's arrows sit under "Risk Control / Response and Post Mitigation RAG score", merged over them and the
 * response). Read once per sheet, for its header row; a column of other values is left at its second.
 */
function arrowColumns(grid: Grid, headerRow: number, m: HeaderMapping): Set<number> {
  const out = new Set<number>();
  const last = grid.rowOffset + grid.values.length - 1;
  for (const c of m.columns) {
    if (c.field === null || c.source !== "header" || c.month !== undefined) continue;
    let arrows = 0;
    let others = 0;
    for (let row = headerRow + 1; row <= last && others <= arrows + 1; row++) {
      const v = cellAt(grid, row, c.col);
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      if (typeof v === "string" && DIRECTION_ARROWS.test(v)) arrows++;
      else others++;
    }
    if (arrows > others) out.add(c.col);
  }
  return out;
}

function quality(m: HeaderMapping): number {
  return m.fieldColumns.size * 1000 + m.strength;
}

function chooseKind(best: Map<Kind, { mapping: HeaderMapping }>, sheetName: string): Kind | null {
  const log = best.get("update-log")?.mapping;
  // A log kept a column a month (no Date column) is named as one; a register so named, naming or scoring its
  // risks beside its months ("Update Jul-22 | Update Aug-22"), is still a register.
  const namedLog = log !== undefined && log.fieldColumns.has("date") && isNamedAsLog(sheetName);
  if (log && (namedLog || !readsAsRegisterBeyondLog(best.get("risk-register")?.mapping))) return "update-log";
  if (best.has("improvement-plan")) {
    const plan = best.get("improvement-plan")!.mapping;
    const reg = best.get("risk-register")?.mapping;
    if (!reg || plan.fieldColumns.size >= reg.fieldColumns.size) return "improvement-plan";
  }
  const reg = best.get("risk-register")?.mapping;
  const act = best.get("actions")?.mapping;
  if (reg && act && readsAsRiskLog(reg, act)) return "risk-register";
  if (act && (act.fieldColumns.has("due") || act.fieldColumns.has("actionId"))) {
    const regHasScores = reg ? RISK_SCORE_FIELDS.some((f) => reg.fieldColumns.has(f)) : false;
    if (!regHasScores) return "actions";
    // An actions sheet's "RAG Status" is the action's status: a RAG column alone, with no score and no
    // strategy, does not make a register of a table that reads at least as fully as actions.
    const regNumbers = RISK_SCORE_FIELDS.some((f) => f !== "rag" && reg!.fieldColumns.has(f));
    if (!regNumbers && !reg!.fieldColumns.has("strategy") && act.fieldColumns.size >= reg!.fieldColumns.size)
      return "actions";
  }
  if (reg) return "risk-register";
  if (act) return "actions";
  return null;
}

/** A sheet named as an update log: "Update Log", "Update History", "Risk Updates", "Review Log" … */
const LOG_NAME = /\b(?:updates?|reviews?|changes?) (?:log|history)\b|\brisk updates\b/i;

/**
 * True when a sheet's name says it is an update log (LOG_NAME): with the log's columns it is the log,
 * whatever other columns it carries (a title and owner copied onto each row so the log reads on its own).
 */
function isNamedAsLog(sheetName: string): boolean {
  return LOG_NAME.test(sheetName.replace(/[\s_-]+/g, " "));
}

/**
 * True for an Update Log kept in wide form: a sheet named as a log ("Risk Updates") whose header names the
 * risk (Risk ID) and then months ("Jul-22 | Aug-22 | Sep-22", a column a month, the board's updates kept on
 * their own tab) where a log's row would give a date. Each filled month's cell is that month's update of the
 * row's risk (see the history's fromWideUpdateLog). Only a sheet so named: months beside ids elsewhere may
 * hold anything (a score a month).
 */
function readsAsWideLog(m: HeaderMapping, sheetName: string): boolean {
  const text = m.fieldColumns.get("text");
  return (
    m.fieldColumns.has("riskId") &&
    !m.fieldColumns.has("date") &&
    isNamedAsLog(sheetName) &&
    (m.monthFamilies ?? []).some((f) => f.field === "text" && f.columns.some((c) => c.col === text))
  );
}

/**
 * True when a register mapping scores its risks: a title or description with a likelihood, an impact and
 * a score together ("Risk Ref, Risk Description, Likelihood, Impact, Risk Score, …").
 */
function scoresRisks(m: HeaderMapping): boolean {
  const has = (f: string) => m.fieldColumns.has(f);
  const scored =
    (has("likelihood") && has("impact") && has("score")) ||
    (has("inherentLikelihood") && has("inherentImpact") && has("inherentScore"));
  return scored && (has("title") || has("description"));
}

/**
 * True when a header row that reads as an Update Log also reads as a register: one naming its risks (an id,
 * a title or description and an owner: "Ref, Risk Title, Risk Owner, …, Date of update, No change?") or
 * scoring them (see scoresRisks: "Risk Ref, Risk Description, Likelihood, Impact, Risk Score, …, Date of
 * update, No change?"). A log says which risk by its id and when it was updated; a register says what each
 * risk is and who owns it or how it scores, and may keep the date of its last update and whether it changed
 * beside them: it is a register, unless the sheet is named as a log (see isNamedAsLog).
 */
function readsAsRegisterBeyondLog(reg: HeaderMapping | undefined): boolean {
  return reg !== undefined && (namesRisks(reg) || scoresRisks(reg));
}

/** A column of a risk's mitigations, not one action: "Mitigating Actions", "Controls / Actions", "Mitigation". */
const MITIGATIONS_HEADER = /\bactions\b|\bcontrols?\b|\bmitigat/i;

/**
 * True for a risk log: a row per risk that names it (id, title or description, owner), its mitigating
 * actions in one column and the risk's target date ("Risk ID, Risk Title, Risk Description, Risk Owner,
 * Mitigating Actions, Target Date, Status"). Read as actions it would look like an action with a due date;
 * an action tracker names its action in the singular ("Action"), dates it "Due", or numbers its actions.
 */
function readsAsRiskLog(reg: HeaderMapping, act: HeaderMapping): boolean {
  if (!namesRisks(reg) || act.fieldColumns.has("actionId")) return false;
  const due = act.fieldColumns.get("due");
  if (due !== undefined && due !== reg.fieldColumns.get("targetDate")) return false;
  const actionCol = act.fieldColumns.get("action");
  const header = reg.columns.find((c) => c.col === actionCol)?.header ?? "";
  return MITIGATIONS_HEADER.test(header);
}
