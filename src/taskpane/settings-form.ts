// The Settings view's form: settings ↔ text fields, and validation with plain messages. No React here.

import { categoryNamedIn } from "../core/history/appetite";
import { APPETITE_LEVELS, APPETITE_LEVEL_NAMES, type AppetiteLevel } from "../core/model/history";
import type { RuleSeverity, ScaleWord, Settings } from "../core/model/settings";
import { bandScoresOf, SETTING_BANDS, type BandScore } from "../core/model/setting-bands";
import { SETTING_RANGES, settingAmount } from "../core/model/setting-ranges";
import {
  LINE_BREAKS,
  readScaleWords,
  readWordList,
  writeScaleWords,
  writeWordList,
} from "../core/model/settings-words";
import { RULE_CATALOGUE } from "./rule-catalogue";

/** Every editable setting as the text the officer typed. */
export interface SettingsForm {
  asAt: string;
  reviewPeriodMonths: string;
  greenMax: string;
  amberMax: string;
  corporateMinScore: string;
  directorateMinScore: string;
  directorateMaxScore: string;
  operationsBoardMinImpact: string;
  strategicBoardMinImpact: string;
  strategicBoardScore: string;
  protectiveMarking: string;
  /** Each appetite level's highest tolerable score. */
  appetiteAverse: string;
  appetiteMinimal: string;
  appetiteCautious: string;
  appetiteOpen: string;
  appetiteEager: string;
  /** The level for categories not named ("cautious"). */
  appetiteDefaultLevel: string;
  /** One "Category: Level" a line. */
  appetiteCategories: string;
  /** The likelihood words as the officer types them: "Rare = 1; Unlikely = 2; …". */
  likelihoodWords: string;
  /** The impact words, written the same way. */
  impactWords: string;
  /** Each strategy's words, separated by commas: "transfer, share, insure". */
  strategyTreat: string;
  strategyTolerate: string;
  strategyTransfer: string;
  strategyTerminate: string;
  strategyTake: string;
  /**
   * Risk statuses that mean closed and action statuses that mean done (commas between the words). The
   * open status words are not shown: no check reads them (any status not closed is open).
   */
  closedStatusWords: string;
  actionDoneWords: string;
  /** The outstanding-work phrases, one a line. */
  outstandingPhrases: string;
  /** When escalations and de-escalations are proposed (whole numbers). */
  escalateMonthsAbove: string;
  escalateRise: string;
  deEscalateMonths: string;
  /** Every catalogued rule's chosen severity (its default when the settings name none). */
  ruleSeverities: Record<string, RuleSeverity>;
}

export type TextField = Exclude<keyof SettingsForm, "ruleSeverities">;
export type FormErrors = Partial<Record<TextField, string>>;

export type FormResult = { ok: true; settings: Settings } | { ok: false; errors: FormErrors };

/** The form showing `settings`. */
export function toForm(settings: Settings): SettingsForm {
  const e = settings.escalation;
  const ruleSeverities: Record<string, RuleSeverity> = {};
  for (const r of RULE_CATALOGUE) ruleSeverities[r.id] = settings.ruleSeverities[r.id] ?? r.defaultSeverity;
  return {
    asAt: settings.asAt ?? "",
    reviewPeriodMonths: String(settings.reviewPeriodMonths),
    greenMax: String(settings.rag.greenMax),
    amberMax: String(settings.rag.amberMax),
    corporateMinScore: String(e.corporateMinScore),
    directorateMinScore: String(e.directorateMinScore),
    directorateMaxScore: String(e.directorateMaxScore),
    operationsBoardMinImpact: String(e.operationsBoardMinImpact),
    strategicBoardMinImpact: String(e.strategicBoardMinImpact),
    strategicBoardScore: String(e.strategicBoardScore),
    protectiveMarking: settings.protectiveMarking,
    appetiteAverse: String(settings.appetite.maxima.averse),
    appetiteMinimal: String(settings.appetite.maxima.minimal),
    appetiteCautious: String(settings.appetite.maxima.cautious),
    appetiteOpen: String(settings.appetite.maxima.open),
    appetiteEager: String(settings.appetite.maxima.eager),
    appetiteDefaultLevel: settings.appetite.defaultLevel,
    appetiteCategories: Object.entries(settings.appetite.categories)
      .map(([category, level]) => `${category}: ${APPETITE_LEVEL_NAMES[level]}`)
      .join("\n"),
    likelihoodWords: writeScaleWords(settings.likelihoodWords),
    impactWords: writeScaleWords(settings.impactWords),
    strategyTreat: writeWordList(settings.strategyWords.treat, ", "),
    strategyTolerate: writeWordList(settings.strategyWords.tolerate, ", "),
    strategyTransfer: writeWordList(settings.strategyWords.transfer, ", "),
    strategyTerminate: writeWordList(settings.strategyWords.terminate, ", "),
    strategyTake: writeWordList(settings.strategyWords.take, ", "),
    closedStatusWords: writeWordList(settings.closedStatusWords, ", "),
    actionDoneWords: writeWordList(settings.actionDoneWords, ", "),
    // One phrase a line: a phrase holding a comma or a semicolon is shown as it is, on its own line.
    outstandingPhrases: writeWordList(settings.outstandingPhrases, "\n", LINE_BREAKS),
    escalateMonthsAbove: String(settings.proposals.escalateMonthsAbove),
    escalateRise: String(settings.proposals.escalateRise),
    deEscalateMonths: String(settings.proposals.deEscalateMonths),
    ruleSeverities,
  };
}

type StrategyKey = keyof Settings["strategyWords"];

/** The form field of each strategy's words, and the strategy's name as officers write it. */
export const STRATEGY_FIELDS: Record<StrategyKey, { key: TextField; name: string }> = {
  treat: { key: "strategyTreat", name: "Treat" },
  tolerate: { key: "strategyTolerate", name: "Tolerate" },
  transfer: { key: "strategyTransfer", name: "Transfer" },
  terminate: { key: "strategyTerminate", name: "Terminate" },
  take: { key: "strategyTake", name: "Take" },
};

/** The word lists other than the strategies': what an empty list would break, said plainly. */
const WORD_LISTS: Record<"closedStatusWords" | "actionDoneWords" | "outstandingPhrases", string> = {
  closedStatusWords: "Give at least one closed status word: with none, no risk would ever be read as closed.",
  actionDoneWords: "Give at least one done word: with none, no action would ever be read as done.",
  outstandingPhrases:
    "Give at least one phrase. To stop this check instead, turn plan/completed-not-evidenced off under Rules.",
};

/**
 * The separators of each word list in the form: the outstanding-work phrases one a line (a phrase may
 * hold a comma: "to be confirmed, subject to funding"), the other lists as the Settings sheet reads them
 * (commas, semicolons or new lines).
 */
const LIST_SEPARATORS: Partial<Record<TextField, RegExp>> = { outstandingPhrases: LINE_BREAKS };

/**
 * A word list typed in the form, read as the Settings sheet reads it (`separators` between the words; a
 * JSON list when a word holds one of those): the words, or why they cannot be used.
 */
function wordList(text: string, separators?: RegExp): string[] | "empty" | "unreadable" {
  let unreadable = false;
  const words = readWordList(text, () => (unreadable = true), [], separators);
  if (unreadable || !words) return "unreadable";
  return words.length > 0 ? words : "empty";
}

const UNREADABLE_LIST =
  'This list starts with "[" but its brackets and quotes do not match: separate the words with commas instead.';

/** The form field of each appetite level's highest score. */
export const APPETITE_FIELDS: Record<AppetiteLevel, TextField> = {
  averse: "appetiteAverse",
  minimal: "appetiteMinimal",
  cautious: "appetiteCautious",
  open: "appetiteOpen",
  eager: "appetiteEager",
};

/** "Winter service: Cautious" lines → category → level, or the first line that cannot be read. */
export function parseAppetiteCategories(
  text: string,
): { ok: true; categories: Record<string, AppetiteLevel> } | { ok: false; message: string } {
  const categories: Record<string, AppetiteLevel> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const m = /^(.+?)\s*[:=]\s*([A-Za-z]+)$/.exec(line);
    const level = m ? APPETITE_LEVELS.find((l) => l === m[2].toLowerCase()) : undefined;
    if (!m || !level)
      return {
        ok: false,
        message: `Line ${i + 1} ("${line}") must read "Category: Level", with a level of Averse, Minimal, Cautious, Open or Eager.`,
      };
    const category = m[1].trim();
    const earlier = categoryNamedIn(categories, category);
    if (earlier !== undefined)
      return {
        ok: false,
        message: `Line ${i + 1} ("${line}") names the category "${earlier}" again: keep one line for it.`,
      };
    categories[category] = level;
  }
  return { ok: true, categories };
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** A whole number typed as text ("12", " 3 "), or null. */
function wholeNumber(s: string): number | null {
  const t = s.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * Reads a word scale typed as "Rare = 1; Likely = 4", or gives a plain message naming the first entry
 * to correct. Blank is refused, as the Settings sheet refuses it: no word would be read as a number.
 */
function scaleWords(
  text: string,
  what: string,
): { ok: true; words: ScaleWord[] } | { ok: false; message: string } {
  if (text.trim() === "")
    return {
      ok: false,
      message: `Give at least one word, such as ${what === "likelihood" ? "Likely = 4" : "Major = 4"}: with none, no ${what} written as a word would be read.`,
    };
  for (const entry of text.split(/[;\n]/).map((e) => e.trim())) {
    if (entry === "") continue;
    let bad = false;
    readScaleWords(entry, () => (bad = true));
    if (bad)
      return {
        ok: false,
        message: `Check “${entry.length > 30 ? `${entry.slice(0, 30)}…` : entry}”: write each word with a whole number from 1 to 5, such as Likely = 4, separated by semicolons.`,
      };
  }
  let twice = "";
  const words = readScaleWords(text, (problem) => {
    const m = /names '(.*)' twice/.exec(problem);
    if (m && !twice) twice = m[1];
  });
  if (twice) return { ok: false, message: `“${twice}” is listed twice: keep one.` };
  return { ok: true, words };
}

/**
 * Reads the form back into settings (keeping everything the form does not show from `base`),
 * or says in plain words what is wrong with each field.
 */
export function fromForm(form: SettingsForm, base: Settings): FormResult {
  const errors: FormErrors = {};
  const asAt = form.asAt.trim();
  if (asAt !== "" && !isIsoDate(asAt))
    errors.asAt = "Enter a real date, such as 2022-10-10, or leave it blank for today.";

  const period = wholeNumber(form.reviewPeriodMonths);
  const periods = SETTING_RANGES.reviewPeriodMonths;
  if (period === null || period < periods.min || period > periods.max)
    errors.reviewPeriodMonths = `Enter a whole number of months from ${periods.min} to ${periods.max}.`;

  const greenMax = wholeNumber(form.greenMax);
  const amberMax = wholeNumber(form.amberMax);
  const { greenMax: greens, amberMax: ambers } = SETTING_RANGES;
  if (greenMax === null || greenMax < greens.min || greenMax > greens.max)
    errors.greenMax = `Green must end at a whole-number score from ${greens.min} to ${greens.max}.`;
  if (amberMax === null || amberMax < ambers.min || amberMax > ambers.max)
    errors.amberMax = `Amber must end at a whole-number score from ${ambers.min} to ${ambers.max} (higher scores are red).`;

  const score = (key: TextField, what: string): number | null => {
    const n = wholeNumber(form[key]);
    if (n === null || n < 1 || n > 25) {
      errors[key] = `${what} must be a whole-number score from 1 to 25.`;
      return null;
    }
    return n;
  };
  const corporate = score("corporateMinScore", "The corporate register threshold");
  const dirMin = score("directorateMinScore", "The directorate register's lowest score");
  const dirMax = score("directorateMaxScore", "The directorate register's highest score");
  const strategicScore = score("strategicBoardScore", "The strategic board score");

  // Scores that must agree (RAG bands, the two registers' thresholds), checked as the Settings sheet checks
  // them, once each score of a band can be read.
  const bandScores = bandScoresOf({
    rag: { greenMax: greenMax ?? NaN, amberMax: amberMax ?? NaN },
    escalation: {
      ...base.escalation,
      corporateMinScore: corporate ?? NaN,
      directorateMinScore: dirMin ?? NaN,
      directorateMaxScore: dirMax ?? NaN,
    },
  });
  for (const band of SETTING_BANDS) {
    const read = (k: BandScore) => !Number.isNaN(bandScores[k]) && errors[k] === undefined;
    if (!band.reads.every(read) || band.problem(bandScores) === null) continue;
    errors[band.field] = band.viewMessage(bandScores);
  }

  const amount = (key: TextField, what: string): number | null => {
    // Read as the Settings sheet reads the same cell (SPEC "Values" › Money: "£250k", "£1.2m", "250,000").
    const n = settingAmount(form[key]);
    if (n === null) errors[key] = `${what} must be an amount in pounds, such as 50000 or £50,000.`;
    return n;
  };
  const opsImpact = amount("operationsBoardMinImpact", "The operations board threshold");
  const stratImpact = amount("strategicBoardMinImpact", "The strategic board threshold");

  const marking = form.protectiveMarking.trim();
  if (marking.length > 60)
    errors.protectiveMarking = "Keep the protective marking to 60 characters or fewer.";

  const maxima = {} as Record<AppetiteLevel, number>;
  let previous = 0;
  for (const level of APPETITE_LEVELS) {
    const key = APPETITE_FIELDS[level];
    const n = wholeNumber(form[key]);
    if (n === null || n < 1 || n > 25)
      errors[key] = `${APPETITE_LEVEL_NAMES[level]} must be a whole-number score from 1 to 25.`;
    else if (n <= previous)
      errors[key] = `${APPETITE_LEVEL_NAMES[level]} must tolerate a higher score than the level before it.`;
    maxima[level] = n ?? 0;
    previous = Math.max(previous, n ?? 0);
  }
  const defaultLevel = APPETITE_LEVELS.find((l) => l === form.appetiteDefaultLevel);
  if (!defaultLevel) errors.appetiteDefaultLevel = "Choose the level for categories not listed.";
  const categories = parseAppetiteCategories(form.appetiteCategories);
  if (!categories.ok) errors.appetiteCategories = categories.message;

  const likelihood = scaleWords(form.likelihoodWords, "likelihood");
  if (!likelihood.ok) errors.likelihoodWords = likelihood.message;
  const impact = scaleWords(form.impactWords, "impact");
  if (!impact.ok) errors.impactWords = impact.message;

  const strategyWords = { ...base.strategyWords };
  for (const strategy of Object.keys(STRATEGY_FIELDS) as StrategyKey[]) {
    const { key, name } = STRATEGY_FIELDS[strategy];
    const words = wordList(form[key]);
    if (Array.isArray(words)) strategyWords[strategy] = words;
    else if (words === "unreadable") errors[key] = UNREADABLE_LIST;
    else
      errors[key] =
        `Give at least one word for ${name}: with none, every ${name} strategy would be read as unknown.`;
  }
  const lists = {} as Record<keyof typeof WORD_LISTS, string[]>;
  for (const key of Object.keys(WORD_LISTS) as (keyof typeof WORD_LISTS)[]) {
    const words = wordList(form[key], LIST_SEPARATORS[key]);
    if (Array.isArray(words)) lists[key] = words;
    else errors[key] = words === "unreadable" ? UNREADABLE_LIST : WORD_LISTS[key];
  }

  const months = (key: TextField, what: string, max: number): number | null => {
    const n = wholeNumber(form[key]);
    if (n === null || n < 1 || n > max) {
      errors[key] = `${what} must be a whole number from 1 to ${max}.`;
      return null;
    }
    return n;
  };
  const escalateMonthsAbove = months(
    "escalateMonthsAbove",
    "The months above appetite before escalating",
    12,
  );
  const escalateRise = months("escalateRise", "The rise in score that proposes escalating", 24);
  const deEscalateMonths = months(
    "deEscalateMonths",
    "The months at or below appetite before de-escalating",
    12,
  );

  if (Object.keys(errors).length > 0 || !likelihood.ok || !impact.ok || !categories.ok)
    return { ok: false, errors };

  // Only choices that differ from a rule's default are stored, so a changed default reaches everyone.
  const ruleSeverities: Record<string, RuleSeverity> = { ...base.ruleSeverities };
  for (const r of RULE_CATALOGUE) {
    const chosen = form.ruleSeverities[r.id];
    if (chosen === undefined || chosen === r.defaultSeverity) delete ruleSeverities[r.id];
    else ruleSeverities[r.id] = chosen;
  }
  return {
    ok: true,
    settings: {
      ...base,
      asAt: asAt === "" ? null : asAt,
      reviewPeriodMonths: period as number,
      rag: { greenMax: greenMax as number, amberMax: amberMax as number },
      escalation: {
        corporateMinScore: corporate as number,
        directorateMinScore: dirMin as number,
        directorateMaxScore: dirMax as number,
        operationsBoardMinImpact: opsImpact as number,
        strategicBoardMinImpact: stratImpact as number,
        strategicBoardScore: strategicScore as number,
      },
      ruleSeverities,
      protectiveMarking: marking,
      appetite: { maxima, categories: categories.categories, defaultLevel: defaultLevel as AppetiteLevel },
      likelihoodWords: likelihood.words,
      impactWords: impact.words,
      strategyWords,
      ...lists,
      proposals: {
        ...base.proposals,
        escalateMonthsAbove: escalateMonthsAbove as number,
        escalateRise: escalateRise as number,
        deEscalateMonths: deEscalateMonths as number,
      },
    },
  };
}
