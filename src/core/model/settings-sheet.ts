// The hidden owned Settings sheet as rows, and back: the one place the team's shared settings live.
//
// Layout: a title row whose last cell is OWNED_MARKER, a header row ["Setting", "Value", "Meaning"],
// then one row per setting. Simple settings are written as people read them (an ISO date, a number,
// "open; live; active"); structured ones as JSON. Accepted exceptions and column corrections take one
// row each, so a long list never runs into Excel's 32,767-character cell limit.

import { categoryNamedIn } from "../history/appetite";
import { toA1 } from "../address/a1";
import type { CellValue } from "./grid";
import { emptyFormat, OWNED_MARKER, OWNED_TAB_NAMES, type OwnedTab } from "./owned-tab";
import { nearestOf, nearestRuleId, RULE_IDS } from "./rule-ids";
import type { AcceptedException, ColumnCorrection, ImportProfile, RuleSeverity, Settings } from "./settings";
import { defaultSettings, SETTING_RANGES } from "./settings";
import { settingAmount } from "./setting-ranges";
import {
  BAND_SCORE_KEYS,
  bandScoresOf,
  SETTING_BANDS,
  type BandScore,
  type BandScores,
} from "./setting-bands";
import { savedFieldName } from "./fields";
import { dayFromIso, isoFromDay } from "../parse/day";
import { dayFromSerial, parseDate } from "../parse/date";
import { isLikelyDateSerial } from "../parse/likely-serial";
import { APPETITE_LEVEL_NAMES, APPETITE_LEVELS, type AppetiteLevel } from "./history";
import {
  cellText,
  parseJson,
  PHRASE_SEPARATORS,
  readScaleWords,
  readWordList,
  shown,
  writeScaleWords,
  writeWordList,
  WORD_SEPARATORS,
  type Report,
} from "./settings-words";

export { readScaleWords, readWordList, writeScaleWords, writeWordList };

/** Title written in A1 of the Settings sheet. */
export const SETTINGS_SHEET_TITLE =
  "Contract Risk Review settings (shared by the task pane and the command line)";
/** The header row's cells. */
export const SETTINGS_HEADER: readonly string[] = ["Setting", "Value", "Meaning"];

type StrategyKey = keyof Settings["strategyWords"];
const STRATEGY_KEYS: readonly StrategyKey[] = ["treat", "tolerate", "transfer", "terminate", "take"];
const SEVERITIES: readonly RuleSeverity[] = ["error", "warning", "info", "off"];

interface SettingSpec {
  key: string;
  meaning: string;
  /** The Value cell(s): one row each. */
  write(settings: Settings): CellValue[];
  /** Reads one row's Value cell into `target` (which starts as the defaults). */
  read(value: CellValue, target: Settings, report: Report): void;
  /** True when each row adds an item to a list (accepted exceptions, column corrections). */
  multiRow?: boolean;
}

// ---------- small helpers ----------

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Sets an own property even for "__proto__", which plain assignment would turn into a prototype change. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function wholeNumber(value: CellValue): number | null {
  const n =
    typeof value === "number"
      ? value
      : /^[+-]?\d+(\.0+)?$/.test(cellText(value))
        ? Number(cellText(value))
        : NaN;
  return Number.isInteger(n) ? n : null;
}

function intSetting(
  key: string,
  meaning: string,
  min: number,
  max: number,
  get: (s: Settings) => number,
  set: (s: Settings, n: number) => void,
): SettingSpec {
  return {
    key,
    meaning,
    write: (s) => [get(s)],
    read(value, target, report) {
      const n = wholeNumber(value);
      const fallback = get(target);
      if (n === null) report(`not a whole number; using ${fallback}`);
      else if (n < min || n > max) report(`not between ${min} and ${max}; using ${fallback}`);
      else set(target, n);
    },
  };
}

function moneySetting(
  key: string,
  meaning: string,
  get: (s: Settings) => number,
  set: (s: Settings, n: number) => void,
): SettingSpec {
  return {
    key,
    meaning,
    write: (s) => [get(s)],
    read(value, target, report) {
      const amount = settingAmount(value);
      if (amount === null) report(`not an amount in pounds; using ${get(target)}`);
      else set(target, amount);
    },
  };
}

function wordListSetting(
  key: "openStatusWords" | "closedStatusWords" | "actionDoneWords" | "outstandingPhrases",
  meaning: string,
  separators: RegExp = WORD_SEPARATORS,
): SettingSpec {
  return {
    key,
    meaning,
    // Written with the separators every version reads (a word holding a comma as JSON), whatever `separators`.
    write: (s) => [writeWordList(s[key])],
    read(value, target, report) {
      const words = readWordList(value, report, target[key], separators);
      // An emptied list would match nothing (every Closed risk read as open): refused, as the Settings view refuses it.
      if (words && words.length === 0)
        report(`is empty, and the list may not be; using ${writeWordList(target[key])}`);
      else if (words) target[key] = words;
    },
  };
}

function scaleSetting(key: "likelihoodWords" | "impactWords", meaning: string): SettingSpec {
  return {
    key,
    meaning,
    write: (s) => [writeScaleWords(s[key])],
    read(value, target, report) {
      const text = cellText(value);
      // An emptied scale would read no word at all (every "Likely" and "Major" cell no number, no score worked
      // out from them): refused, as the Settings view refuses it and as an emptied word list is.
      if (text === "") {
        report(`is empty, and the words may not be; using ${writeScaleWords(target[key])}`);
        return;
      }
      const words = readScaleWords(text, report);
      // Nothing readable in a filled cell: keep the default words rather than read no words at all.
      if (words.length > 0) target[key] = words;
    },
  };
}

// ---------- structured settings ----------

function readRuleSeverities(value: CellValue, target: Settings, report: Report): void {
  if (isBlank(value)) {
    target.ruleSeverities = {};
    return;
  }
  const parsed = parseJson(value, report, "{}");
  if (!parsed.ok) return;
  if (!isObject(parsed.value)) {
    report('not a JSON object such as {"risk/stale-update": "warning"}; using {}');
    return;
  }
  const out: Record<string, RuleSeverity> = {};
  for (const id of Object.keys(parsed.value)) {
    const sev = parsed.value[id];
    // A severity kept for an id no rule has (a typo) would leave the officer thinking a rule is off.
    if (!RULE_IDS.includes(id)) {
      const meant = nearestRuleId(id);
      report(
        `gives a severity to '${shown(id)}', which is not a rule${meant ? ` (did you mean '${meant}'?)` : ""}; ignoring it`,
      );
    } else if (
      typeof sev === "string" &&
      (SEVERITIES as readonly string[]).includes(sev.trim().toLowerCase())
    )
      setOwn(out, id, sev.trim().toLowerCase() as RuleSeverity);
    else
      report(
        `gives rule '${shown(id)}' the severity '${shown(sev)}', not error, warning, info or off; ignoring it`,
      );
  }
  target.ruleSeverities = out;
}

function readStrategyWords(value: CellValue, target: Settings, report: Report): void {
  if (isBlank(value)) return; // blank keeps the defaults: no strategy could be read otherwise
  const parsed = parseJson(value, report, "the default words");
  if (!parsed.ok) return;
  if (!isObject(parsed.value)) {
    report("not a JSON object of strategy → words; using the default words");
    return;
  }
  const obj = parsed.value;
  for (const k of STRATEGY_KEYS) {
    if (!hasOwn(obj, k)) continue;
    const words = obj[k];
    if (Array.isArray(words) && words.every((w) => typeof w === "string")) {
      const kept = (words as string[]).map((w) => w.trim()).filter((w) => w !== "");
      // A strategy with no words would make every such cell unknown: refused, as the Settings view refuses it.
      if (kept.length === 0)
        report(
          `has no words for '${k}', and a strategy needs some; using ${writeWordList(target.strategyWords[k])}`,
        );
      else target.strategyWords[k] = kept;
    } else {
      report(`has words for '${k}' that are not a list of words; using the default words for it`);
    }
  }
  for (const k of Object.keys(obj)) {
    if (!(STRATEGY_KEYS as readonly string[]).includes(k))
      report(`names '${shown(k)}', which is not a strategy; ignoring it`);
  }
}

function toColumnCorrection(v: unknown): ColumnCorrection | null {
  if (!isObject(v)) return null;
  const { sheet, header, field } = v;
  if (typeof sheet !== "string" || typeof header !== "string") return null;
  if (field !== null && typeof field !== "string") return null;
  return { sheet, header, field: field === null ? null : savedFieldName(field) };
}

function toAcceptedException(v: unknown): AcceptedException | string {
  if (!isObject(v)) return "not a JSON object";
  const required = ["ruleId", "sheet", "recordId", "reason", "reviewBy", "fingerprint"] as const;
  for (const k of required) if (typeof v[k] !== "string") return `has no '${k}'`;
  const reviewBy = v.reviewBy as string;
  if (dayFromIso(reviewBy) === null)
    return `has review date '${shown(reviewBy)}', not a date like 2023-01-31`;
  const out: AcceptedException = {
    ruleId: v.ruleId as string,
    sheet: v.sheet as string,
    recordId: v.recordId as string,
    reason: v.reason as string,
    reviewBy,
    fingerprint: v.fingerprint as string,
  };
  if (typeof v.acceptedBy === "string") out.acceptedBy = v.acceptedBy;
  if (typeof v.acceptedOn === "string") out.acceptedOn = v.acceptedOn;
  return out;
}

/** Reads one row of a one-item-per-row list; a JSON array in one cell is also taken. */
function readListRow<T>(
  value: CellValue,
  report: Report,
  convert: (v: unknown) => T | string | null,
  add: (item: T) => void,
): void {
  if (isBlank(value)) return;
  const parsed = parseJson(value, report, "nothing from this row");
  if (!parsed.ok) return;
  const items = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  for (const item of items) {
    const r = convert(item);
    if (r === null || typeof r === "string")
      report(`${typeof r === "string" ? r : "not a valid entry"}; ignoring it`);
    else add(r);
  }
}

function readImportProfile(value: CellValue, target: Settings, report: Report): void {
  const text = cellText(value);
  if (text === "" || text === "null") {
    target.importProfile = null;
    return;
  }
  const parsed = parseJson(value, report, "no profile");
  if (!parsed.ok) return;
  const v = parsed.value;
  if (!isObject(v) || !isObject(v.columns)) {
    report('not a JSON object with "columns"; using no profile');
    return;
  }
  const columns: Record<string, string | null> = {};
  for (const header of Object.keys(v.columns)) {
    const field = v.columns[header];
    if (field === null || typeof field === "string")
      setOwn(columns, header, field === null ? null : savedFieldName(field));
    else report(`maps column '${shown(header)}' to '${shown(field)}', not a field name; ignoring it`);
  }
  const profile: ImportProfile = { columns };
  if (isObject(v.actionColumns)) {
    const actionColumns: Record<string, string | null> = {};
    for (const header of Object.keys(v.actionColumns)) {
      const field = v.actionColumns[header];
      if (field === null || typeof field === "string") setOwn(actionColumns, header, field);
      else
        report(`maps actions column '${shown(header)}' to '${shown(field)}', not a field name; ignoring it`);
    }
    profile.actionColumns = actionColumns;
  }
  for (const k of ["riskSheet", "actionSheet", "targetRegister"] as const) {
    const s = v[k];
    if (typeof s === "string") profile[k] = s;
  }
  if (Array.isArray(v.renumbered)) {
    const pairs = v.renumbered.filter(
      (p): p is { oldId: string; newId: string } =>
        isObject(p) && typeof p.oldId === "string" && typeof p.newId === "string",
    );
    if (pairs.length < v.renumbered.length)
      report("has renumbered pairs without an old and a new id; ignoring them");
    profile.renumbered = pairs.map((p) => ({ oldId: p.oldId, newId: p.newId }));
  }
  target.importProfile = profile;
}

const MOVEMENT_LISTS = ["newRisks", "closed", "scoreUp", "scoreDown", "strategyChanged"] as const;

function readLastImport(value: CellValue, target: Settings, report: Report): void {
  if (isBlank(value) || cellText(value) === "null") {
    target.lastImport = null;
    return;
  }
  const parsed = parseJson(value, report, "no last import");
  if (!parsed.ok) return;
  const v = parsed.value;
  const m = isObject(v) && isObject(v.movement) ? v.movement : null;
  const lists =
    m &&
    MOVEMENT_LISTS.every(
      (k) => Array.isArray(m[k]) && (m[k] as unknown[]).every((x) => typeof x === "string"),
    );
  if (!isObject(v) || typeof v.date !== "string" || typeof v.file !== "string" || !m || !lists) {
    report("not a JSON object with date, file and movement lists; using none");
    return;
  }
  const list = (k: (typeof MOVEMENT_LISTS)[number]) => (m[k] as string[]).slice();
  target.lastImport = {
    date: v.date,
    file: v.file,
    movement: {
      since: typeof m.since === "string" ? m.since : v.date,
      newRisks: list("newRisks"),
      closed: list("closed"),
      scoreUp: list("scoreUp"),
      scoreDown: list("scoreDown"),
      strategyChanged: list("strategyChanged"),
    },
  };
}

function readAsAt(value: CellValue, target: Settings, report: Report): void {
  if (isBlank(value)) {
    target.asAt = null;
    return;
  }
  // Excel may have turned the ISO text into a date serial when someone retyped it. A number that is no
  // likely serial is refused rather than read as a day in 1905: 2022 is a year someone typed, not a date.
  if (typeof value === "number") {
    const r = isLikelyDateSerial(value) ? dayFromSerial(value) : null;
    if (r && r.ok) target.asAt = isoFromDay(r.value);
    else if (Number.isInteger(value) && value >= 1900 && value <= 2100)
      report("not a date but a year: write the whole date, such as 2022-10-10; using today");
    else report("not a date; using today");
    return;
  }
  // Text is read as any other date is (SPEC "Values": 2022-10-10, 10/10/2022, 10 October 2022, 10-Oct-22,
  // 10th Oct 2022 …), the whole cell. An as-at date is one day: a week, month, quarter or year ("Oct 2022"), which
  // a deadline reads as its last day and an update as its first, is too vague and refused.
  const text = cellText(value);
  const first = parseDate(text, null, "lastUpdated", WHOLE_CELL);
  const last = parseDate(text, null, "deadline", WHOLE_CELL);
  if (first.ok && last.ok && first.value === last.value) target.asAt = isoFromDay(first.value);
  else if (first.ok && last.ok)
    report(
      "not a date but a week, month, quarter or year: write the whole date, such as 2022-10-10; using today",
    );
  else report("not a date like 2022-10-10; using today");
}

/** A date read from the whole cell: a note after it ("10/10/2022 (board)") is no as-at date. */
const WHOLE_CELL = { noteAfter: false } as const;

// ---------- appetite ----------

/** Reads a level name ("Cautious", "cautious ") or null. */
function appetiteLevel(text: string): AppetiteLevel | null {
  const t = text.trim().toLowerCase();
  return (APPETITE_LEVELS as readonly string[]).includes(t) ? (t as AppetiteLevel) : null;
}

const LEVEL_LIST = APPETITE_LEVELS.map((l) => APPETITE_LEVEL_NAMES[l]).join(", ");

/** "Averse 4; Minimal 6; Cautious 9; Open 12; Eager 16". */
function writeAppetiteMaxima(s: Settings): string {
  return APPETITE_LEVELS.map((l) => `${APPETITE_LEVEL_NAMES[l]} ${s.appetite.maxima[l]}`).join("; ");
}

/**
 * Reads each level's highest tolerable score. Levels not named keep their value; the scores must be
 * whole numbers 1–25 that rise from Averse to Eager, else the defaults are kept.
 */
function readAppetiteMaxima(value: CellValue, target: Settings, report: Report): void {
  const text = cellText(value);
  if (text === "") return;
  const next = { ...target.appetite.maxima };
  for (const part of text.split(/[;\n,]/)) {
    if (part.trim() === "") continue;
    const m = /^\s*([A-Za-z]+)\s*[:=]?\s*(\d+)\s*$/.exec(part);
    const level = m ? appetiteLevel(m[1]) : null;
    if (!m || !level) {
      report(`has '${shown(part.trim())}', not a level (${LEVEL_LIST}) and a score; ignoring it`);
      continue;
    }
    const n = Number(m[2]);
    if (n < 1 || n > 25) report(`gives ${APPETITE_LEVEL_NAMES[level]} the score ${n}, not 1–25; ignoring it`);
    else next[level] = n;
  }
  for (let i = 1; i < APPETITE_LEVELS.length; i++) {
    const lower = APPETITE_LEVELS[i - 1];
    const higher = APPETITE_LEVELS[i];
    if (next[higher] <= next[lower]) {
      report(
        `gives ${APPETITE_LEVEL_NAMES[higher]} (${next[higher]}) no more than ${APPETITE_LEVEL_NAMES[lower]} (${next[lower]}): each level must tolerate more than the one before; using ${writeAppetiteMaxima(target)}`,
      );
      return;
    }
  }
  target.appetite.maxima = next;
}

/** Reads one "Category: Level" row (the last colon or equals sign splits it). */
function readAppetiteCategory(value: CellValue, target: Settings, report: Report): void {
  const text = cellText(value);
  if (text === "") return;
  const at = Math.max(text.lastIndexOf(":"), text.lastIndexOf("="));
  const category = at > 0 ? text.slice(0, at).trim() : "";
  const level = at > 0 ? appetiteLevel(text.slice(at + 1)) : null;
  if (!category || !level) {
    report(
      `is '${shown(text)}', not a category and a level such as 'Financial: Averse' (${LEVEL_LIST}); ignoring it`,
    );
    return;
  }
  // A category named twice (whatever its case and spaces) is looked up by its first row: say so.
  const earlier = categoryNamedIn(target.appetite.categories, category);
  if (earlier !== undefined) {
    report(
      `names the category '${shown(category)}' again ('${shown(earlier)}' is on an earlier row); ignoring it`,
    );
    return;
  }
  setOwn(target.appetite.categories, category, level);
}

// ---------- the settings, in sheet order ----------

const SPECS: readonly SettingSpec[] = [
  {
    key: "asAt",
    meaning: "Date the checks are made as at (YYYY-MM-DD); blank means today",
    write: (s) => [s.asAt ?? null],
    read: readAsAt,
  },
  {
    key: "protectiveMarking",
    meaning: "Protective marking printed on every owned tab, e.g. OFFICIAL-SENSITIVE",
    write: (s) => [s.protectiveMarking],
    read(value, target) {
      target.protectiveMarking = cellText(value);
    },
  },
  intSetting(
    "reviewPeriodMonths",
    "A risk needs an update within this many months before the as-at date",
    SETTING_RANGES.reviewPeriodMonths.min,
    SETTING_RANGES.reviewPeriodMonths.max,
    (s) => s.reviewPeriodMonths,
    (s, n) => (s.reviewPeriodMonths = n),
  ),
  intSetting(
    "rag.greenMax",
    "Scores up to this are green",
    SETTING_RANGES.greenMax.min,
    SETTING_RANGES.greenMax.max,
    (s) => s.rag.greenMax,
    (s, n) => (s.rag.greenMax = n),
  ),
  intSetting(
    "rag.amberMax",
    "Scores up to this are amber; above it, red",
    SETTING_RANGES.amberMax.min,
    SETTING_RANGES.amberMax.max,
    (s) => s.rag.amberMax,
    (s, n) => (s.rag.amberMax = n),
  ),
  intSetting(
    "escalation.corporateMinScore",
    "Scores from this go to the corporate risk register",
    1,
    25,
    (s) => s.escalation.corporateMinScore,
    (s, n) => (s.escalation.corporateMinScore = n),
  ),
  intSetting(
    "escalation.directorateMinScore",
    "Scores from this go to the directorate risk register",
    1,
    25,
    (s) => s.escalation.directorateMinScore,
    (s, n) => (s.escalation.directorateMinScore = n),
  ),
  intSetting(
    "escalation.directorateMaxScore",
    "… up to and including this score",
    1,
    25,
    (s) => s.escalation.directorateMaxScore,
    (s, n) => (s.escalation.directorateMaxScore = n),
  ),
  moneySetting(
    "escalation.operationsBoardMinImpact",
    "Financial impacts from this (£) go to the Operations Board",
    (s) => s.escalation.operationsBoardMinImpact,
    (s, n) => (s.escalation.operationsBoardMinImpact = n),
  ),
  moneySetting(
    "escalation.strategicBoardMinImpact",
    "Financial impacts from this (£) go to the Strategic Board",
    (s) => s.escalation.strategicBoardMinImpact,
    (s, n) => (s.escalation.strategicBoardMinImpact = n),
  ),
  intSetting(
    "escalation.strategicBoardScore",
    "Risks with this score go to the Strategic Board",
    1,
    25,
    (s) => s.escalation.strategicBoardScore,
    (s, n) => (s.escalation.strategicBoardScore = n),
  ),
  {
    key: "ruleSeverities",
    meaning: "Rule id → error, warning, info or off (JSON); rules not listed use their default",
    write: (s) => [JSON.stringify(s.ruleSeverities)],
    read: readRuleSeverities,
  },
  {
    key: "strategyWords",
    meaning: "Words that mean each strategy (JSON)",
    write: (s) => [JSON.stringify(s.strategyWords)],
    read: readStrategyWords,
  },
  wordListSetting("openStatusWords", "Risk statuses that mean open, separated by semicolons or commas"),
  wordListSetting("closedStatusWords", "Risk statuses that mean closed, separated by semicolons or commas"),
  wordListSetting("actionDoneWords", "Action statuses that mean done, separated by semicolons or commas"),
  wordListSetting(
    "outstandingPhrases",
    "Phrases that show a completed plan action is not finished, one a line or separated by semicolons (a comma belongs to its phrase); … stands for a few words",
    PHRASE_SEPARATORS,
  ),
  scaleSetting(
    "likelihoodWords",
    "Words read as likelihood 1–5 where a cell holds a word, e.g. Rare = 1; Likely = 4",
  ),
  scaleSetting(
    "impactWords",
    "Words read as impact 1–5 where a cell holds a word, e.g. Minor = 2; Major = 4",
  ),
  {
    key: "appetite.levels",
    meaning: `Each appetite level's highest tolerable score (${LEVEL_LIST}), rising from Averse to Eager`,
    write: (s) => [writeAppetiteMaxima(s)],
    read: readAppetiteMaxima,
  },
  {
    key: "appetite.defaultLevel",
    meaning: "Appetite level of categories not named below",
    write: (s) => [APPETITE_LEVEL_NAMES[s.appetite.defaultLevel]],
    read(value, target, report) {
      const level = appetiteLevel(cellText(value));
      if (level) target.appetite.defaultLevel = level;
      else if (!isBlank(value))
        report(`not a level (${LEVEL_LIST}); using ${APPETITE_LEVEL_NAMES[target.appetite.defaultLevel]}`);
    },
  },
  {
    key: "appetite.category",
    meaning: "One category's appetite level per row, e.g. 'Financial and commercial: Averse'",
    multiRow: true,
    write: (s) => {
      const entries = Object.entries(s.appetite.categories);
      return entries.length === 0 ? [null] : entries.map(([c, l]) => `${c}: ${APPETITE_LEVEL_NAMES[l]}`);
    },
    read: readAppetiteCategory,
  },
  intSetting(
    "proposals.escalateMonthsAbove",
    "Propose escalating a risk above its appetite at this many last monthly points",
    1,
    12,
    (s) => s.proposals.escalateMonthsAbove,
    (s, n) => (s.proposals.escalateMonthsAbove = n),
  ),
  intSetting(
    "proposals.escalateRise",
    "… or whose score rose by at least this much since the month before",
    1,
    24,
    (s) => s.proposals.escalateRise,
    (s, n) => (s.proposals.escalateRise = n),
  ),
  intSetting(
    "proposals.deEscalateMonths",
    "Propose de-escalating an escalated risk at or below appetite or target at this many last monthly points",
    1,
    12,
    (s) => s.proposals.deEscalateMonths,
    (s, n) => (s.proposals.deEscalateMonths = n),
  ),
  intSetting(
    "proposals.renumberTitleShare",
    "An import offers two risks as one renumbered when their titles share this percentage of words",
    1,
    100,
    (s) => s.proposals.renumberTitleShare,
    (s, n) => (s.proposals.renumberTitleShare = n),
  ),
  {
    key: "columnCorrections",
    meaning: "One correction of a column's meaning per row (JSON: sheet, header, field)",
    multiRow: true,
    write: (s) =>
      s.columnCorrections.length === 0 ? [null] : s.columnCorrections.map((c) => JSON.stringify(c)),
    read: (value, target, report) =>
      readListRow(value, report, toColumnCorrection, (c) => target.columnCorrections.push(c)),
  },
  {
    key: "importProfile",
    meaning: "How the IRIS export's columns map to the register's fields (JSON); blank for none",
    write: (s) => [s.importProfile ? JSON.stringify(s.importProfile) : null],
    read: readImportProfile,
  },
  {
    key: "lastImport",
    meaning: "The last IRIS import: date, file and movement (JSON); shown on the Risk Summary",
    write: (s) => [s.lastImport ? JSON.stringify(s.lastImport) : null],
    read: readLastImport,
  },
  {
    key: "acceptedExceptions",
    meaning: "One accepted finding per row (JSON: rule, sheet, record, reason, review date)",
    multiRow: true,
    write: (s) =>
      s.acceptedExceptions.length === 0 ? [null] : s.acceptedExceptions.map((e) => JSON.stringify(e)),
    read: (value, target, report) =>
      readListRow(value, report, toAcceptedException, (e) => target.acceptedExceptions.push(e)),
  },
];

/** The sheet's keys of the scores that make bands (SETTING_BANDS), checked once every row is read. */
const BAND_KEYS = new Set<string>(Object.values(BAND_SCORE_KEYS));

/** Puts a band score back to its value in `from`. */
function setBandScore(target: Settings, score: BandScore, from: BandScores): void {
  if (score === "greenMax" || score === "amberMax") target.rag[score] = from[score];
  else target.escalation[score] = from[score];
}

const SPEC_BY_KEY = new Map<string, SettingSpec>(SPECS.map((s) => [s.key.toLowerCase(), s]));
const SETTING_KEYS: readonly string[] = SPECS.map((s) => s.key);

// ---------- public API ----------

/** The Settings sheet's rows for `settings`: title (with the owned marker), header, one row per setting. */
export function settingsToRows(settings: Settings): CellValue[][] {
  const rows: CellValue[][] = [[SETTINGS_SHEET_TITLE, null, OWNED_MARKER], [...SETTINGS_HEADER]];
  for (const spec of SPECS) {
    for (const value of spec.write(settings)) rows.push([spec.key, value, spec.meaning]);
  }
  return rows;
}

/**
 * The rows of a Settings sheet's values that hold no setting this version knows (a later version's, or a
 * key this one no longer has): kept when the sheet is written again, so saving never loses them.
 */
export function rowsOfOtherSettings(values: readonly (readonly CellValue[] | undefined)[]): CellValue[][] {
  const header = findHeaderRow(values as unknown[]);
  if (header < 0) return [];
  const out: CellValue[][] = [];
  for (let i = header + 1; i < values.length; i++) {
    const row = values[i];
    const key = Array.isArray(row) && typeof row[0] === "string" ? row[0].trim() : "";
    if (key && !SPEC_BY_KEY.has(key.toLowerCase())) out.push([...row!]);
  }
  return out;
}

/** 1-based index of the header row, or -1; looked for in the first 20 rows like any header row. */
function findHeaderRow(values: unknown[]): number {
  for (let i = 0; i < Math.min(values.length, 20); i++) {
    const row = values[i];
    if (Array.isArray(row) && typeof row[0] === "string" && row[0].trim().toLowerCase() === "setting")
      return i;
  }
  return -1;
}

/**
 * Reads settings from the Settings sheet's values (row 1 first). Settings that are missing keep their
 * defaults; a bad value keeps the default and adds a plain-English issue naming the setting, the sheet
 * and the cell ("Risk Review Settings!B5") and the value; unknown settings are ignored. Never throws,
 * whatever the cells hold.
 *
 * @param firstRowNumber the 1-based sheet row of `values[0]` (a grid's rowOffset + 1), so issues name real cells.
 * @param sheetName the sheet the values come from, named in every issue.
 * @param firstColumnNumber the 1-based sheet column of `values[r][0]` (a grid's colOffset + 1).
 */
export function settingsFromRows(
  values: CellValue[][],
  firstRowNumber = 1,
  sheetName: string = OWNED_TAB_NAMES.settings,
  firstColumnNumber = 1,
): { settings: Settings; issues: string[] } {
  const settings = defaultSettings();
  const issues: string[] = [];
  const firstRow = Number.isInteger(firstRowNumber) ? firstRowNumber : 1;
  const firstColumn = Number.isInteger(firstColumnNumber) && firstColumnNumber > 0 ? firstColumnNumber : 1;
  /** "Risk Review Settings!B5": the sheet and cell of a row's Value (or, with column 0, Setting) cell. */
  const cellOf = (rowNumber: number, column: 0 | 1): string =>
    `${sheetName}!${toA1(rowNumber - 1, firstColumn - 1 + column)}`;
  try {
    if (!Array.isArray(values)) {
      issues.push(`The sheet '${sheetName}' could not be read; using the default settings`);
      return { settings, issues };
    }
    const header = findHeaderRow(values);
    if (header < 0) {
      if (values.length > 0)
        issues.push(`The sheet '${sheetName}' has no 'Setting' header row; using the default settings`);
      return { settings, issues };
    }
    const seen = new Map<string, number>();
    /** The row each score that makes a band was last read from, named when the band is checked. */
    const bandRows = new Map<string, number>();
    for (let i = header + 1; i < values.length; i++) {
      const row = values[i];
      if (!Array.isArray(row)) continue;
      const rowNumber = i + firstRow;
      const key = typeof row[0] === "string" ? row[0].trim() : "";
      const spec = SPEC_BY_KEY.get(key.toLowerCase());
      if (!spec) {
        // A row another version wrote is no concern of this one; a near miss is a slip the officer should see.
        const meant = key ? nearestOf(key, SETTING_KEYS) : undefined;
        if (meant)
          issues.push(
            `Setting '${shown(key)}' in ${cellOf(rowNumber, 0)} is not a setting (did you mean '${meant}'?); ignoring it`,
          );
        continue;
      }
      const value = (row[1] ?? null) as CellValue;
      const at = cellOf(rowNumber, 1);
      const report: Report = (problem) =>
        issues.push(
          problem.startsWith("not ") || problem.startsWith("between")
            ? `Setting '${spec.key}' in ${at} is '${shown(cellText(value))}', ${problem}`
            : `Setting '${spec.key}' in ${at} ${problem}`,
        );
      const earlier = seen.get(spec.key);
      if (spec.multiRow) {
        if (earlier === undefined) {
          // The first row of a list replaces the default list rather than adding to it.
          if (spec.key === "columnCorrections") settings.columnCorrections = [];
          if (spec.key === "acceptedExceptions") settings.acceptedExceptions = [];
        }
      } else if (earlier !== undefined) {
        issues.push(
          `Setting '${spec.key}' is in ${cellOf(earlier, 0)} and again in ${toA1(rowNumber - 1, firstColumn - 1)}; ` +
            `using the value in ${toA1(rowNumber - 1, firstColumn)}`,
        );
      }
      seen.set(spec.key, rowNumber);
      if (BAND_KEYS.has(spec.key)) bandRows.set(spec.key, rowNumber);
      try {
        spec.read(value, settings, report);
      } catch {
        report(`could not be read; using the default`);
      }
    }
    // Scores that make bands are read on rows of their own, so whether they agree is known only now. A band
    // that does not (RAG bands that overlap, registers that overlap or leave a gap) is reported by both
    // cells and goes back to its defaults, as the Settings view refuses it (SETTING_BANDS: one check for both).
    const defaults = bandScoresOf(defaultSettings());
    for (const band of SETTING_BANDS) {
      const scores = bandScoresOf(settings);
      const problem = band.problem(scores);
      if (problem === null) continue;
      // Each setting by the cell its value was read from (the last row naming it), the sheet named for each:
      // the two may be far apart, and either may be the one to correct.
      const named = band.scores.map((score) => {
        const key = BAND_SCORE_KEYS[score];
        const row = bandRows.get(key);
        return `'${key}' (${scores[score]})${row === undefined ? "" : ` in ${cellOf(row, 1)}`}`;
      });
      issues.push(`Settings ${named.join(" and ")} ${problem}; using ${band.using(defaults)}`);
      for (const score of band.resets) setBandScore(settings, score, defaults);
    }
  } catch {
    issues.push(`The sheet '${sheetName}' could not be read; using the default settings`);
    return { settings: defaultSettings(), issues };
  }
  return { settings, issues };
}

/**
 * The Settings sheet as an owned tab: title, header row, one row per setting, then `otherRows`. Both writers (the task pane
 * and the command line) write it hidden, so it has no freeze and no print set-up (both have failed on
 * hidden sheets).
 */
export function settingsTab(settings: Settings, otherRows: readonly CellValue[][] = []): OwnedTab {
  return {
    name: OWNED_TAB_NAMES.settings,
    kind: "settings",
    // Rows of settings this version does not know (see rowsOfOtherSettings) follow its own, as they were.
    rows: [...settingsToRows(settings), ...otherRows.map((r) => [...r])],
    format: {
      ...emptyFormat(),
      titleRows: [0],
      headerRows: [1],
      columnWidths: [28, 60, 60],
      freezeBelowRow: null,
    },
  };
}
