// A risk's category and the appetite that applies to it (SPEC: the register's Category column, else its
// section, else its annex; a level per category, else the default level).

import { APPETITE_LEVEL_NAMES, type RiskAppetite } from "../model/history";
import { fieldText, type RiskRecord, type SheetRecord } from "../model/records";
import type { Settings } from "../model/settings";
import { foldSpaces } from "../parse/spaces";
import { headingCategory } from "../read/heading-category";

/**
 * A field's text by name, for fields another reader may add (the section a heading row gives); a
 * placeholder (N/A, TBC…) is no text, so the next place a category can come from is asked.
 */
function textOf(risk: RiskRecord, field: string): string {
  return fieldText(risk as SheetRecord<string>, field);
}

/** The category a risk's appetite is looked up by: Category, else its section, else its annex; "" when none. */
export function categoryOf(risk: RiskRecord): string {
  return textOf(risk, "category") || risk.section || textOf(risk, "section") || textOf(risk, "annex");
}

const AMPERSAND = /&/g;

const WHITESPACE = /\s+/g;

/**
 * A category's words, folded for lookup: case and spaces ignored, "&" read as "and", a section heading's
 * number or count ("1. Financial", "Legal (1)": see headingCategory) and a last word "risks" left out
 * ("Financial and commercial risks" is the category "Financial and commercial").
 */
function categoryWords(category: string): string[] {
  const words = headingCategory(foldSpaces(category))
    .toLowerCase()
    .replace(AMPERSAND, " and ")
    .split(WHITESPACE)
    .filter(Boolean);
  if (words.length > 1 && RISKS_WORD.test(words[words.length - 1])) words.pop();
  return words;
}

const RISKS_WORD = /^risks?$/;

/** A category folded for lookup (see categoryWords): "Financial/Commercial" is "Financial / Commercial". */
export function categoryKey(category: string): string {
  return categoryWords(category).join("");
}

/** The category of `categories` that `category` names (whatever its case and spaces), if any: the first. */
export function categoryNamedIn(
  categories: Readonly<Record<string, unknown>>,
  category: string,
): string | undefined {
  const key = categoryKey(category);
  return Object.keys(categories).find((c) => categoryKey(c) === key);
}

/** The most letters a word form may add ("Finance"/"Financial", "Operations"/"Operational"). */
const MOST_ENDING = 3;
/** The fewest letters two forms of a word must share. */
const LEAST_STEM = 5;

/** True when two words are forms of one word: a long shared start, each adding at most a short ending. */
function sameWordForm(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= LEAST_STEM && a.length - n <= MOST_ENDING && b.length - n <= MOST_ENDING;
}

/**
 * The category of `categories` that `category` names in another form of its words ("Finance" for
 * "Financial", "Reputation" for "Reputational", "Strategy" for "Strategic"), when exactly one does.
 */
function categoryFormIn(categories: Readonly<Record<string, unknown>>, category: string): string | undefined {
  const words = categoryWords(category);
  const like = Object.keys(categories).filter((c) => {
    const other = categoryWords(c);
    return other.length === words.length && other.every((w, i) => sameWordForm(w, words[i]));
  });
  return like.length === 1 ? like[0] : undefined;
}

/**
 * The appetite of a category: its own level when Settings name it (in another form of its words when
 * no category is named exactly: "Finance" takes Financial's level), else the default level.
 */
export function appetiteFor(category: string, settings: Pick<Settings, "appetite">): RiskAppetite {
  const { categories, defaultLevel, maxima } = settings.appetite;
  const named = categoryKey(category)
    ? (categoryNamedIn(categories, category) ?? categoryFormIn(categories, category))
    : undefined;
  if (named === undefined)
    return { category, level: defaultLevel, max: maxima[defaultLevel], byDefault: true };
  const level = categories[named];
  return { category, level, max: maxima[level] };
}

/** "Cautious, 9": how a reason names an appetite. */
export function appetiteWords(appetite: RiskAppetite): string {
  return `${APPETITE_LEVEL_NAMES[appetite.level]}, ${appetite.max}`;
}

/**
 * "Minimal, up to 6 (Financial)", with " — above appetite" when `score` is above it: how the pane names a
 * risk's appetite (the Check view's detail and the meeting card), with the category it was looked up by,
 * where the risk has one; "Cautious, up to 9 (default level; none set for Highways)" where Settings set
 * the category no level, so that the default is not read as the category's own.
 */
export function appetiteLine(appetite: RiskAppetite, score: number | null): string {
  const category = !appetite.category
    ? ""
    : appetite.byDefault
      ? ` (default level; none set for ${appetite.category})`
      : ` (${appetite.category})`;
  const above = score !== null && score > appetite.max ? " — above appetite" : "";
  return `${APPETITE_LEVEL_NAMES[appetite.level]}, up to ${appetite.max}${category}${above}`;
}
