// Reading and writing the Settings sheet's word lists and word scales, and the small helpers its readers
// share: a module of its own, so the Settings view's form reads words as the sheet does without pulling
// the whole sheet's reader into the task pane's first load.

import type { CellValue } from "./grid";
import type { ScaleWord } from "./settings";

/** Reports a problem with one setting's row. */
export type Report = (problem: string) => void;

/** A cell's text, trimmed ("" for blank; TRUE / FALSE for a boolean). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v).trim();
}

/** A value as shown inside an issue message, kept short. */
export function shown(v: unknown): string {
  const t = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** A cell read as JSON, or a report that it is not (naming what is used instead). */
export function parseJson(
  value: CellValue,
  report: Report,
  fallbackShown: string,
): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(cellText(value)) as unknown };
  } catch {
    report(`not valid JSON; using ${fallbackShown}`);
    return { ok: false };
  }
}

/** What separates the words of a word list written as text. */
export const WORD_SEPARATORS = /[;,\r\n]/;
/**
 * What separates the phrases of a phrase list (the outstanding-work phrases) on the Settings sheet: a
 * phrase may hold a comma ("to be confirmed, subject to funding"), so only semicolons and line breaks do.
 */
export const PHRASE_SEPARATORS = /[;\r\n]/;
/** What separates the phrases typed in the Settings view: one phrase a line. */
export const LINE_BREAKS = /[\r\n]/;

/**
 * Reads a list of words: a JSON array, or words separated by `separators` (semicolons, commas or new
 * lines unless told otherwise). Commas count because people type lists that way ("closed, archived,
 * transferred"); read as one word, such a list would match no status at all. A word that holds a separator
 * itself is written as JSON.
 */
export function readWordList(
  value: CellValue,
  report: Report,
  fallback: readonly string[],
  separators: RegExp = WORD_SEPARATORS,
): string[] | null {
  const text = cellText(value);
  if (text === "") return [];
  if (text.startsWith("[")) {
    const parsed = parseJson(value, report, fallback.join("; "));
    if (!parsed.ok) return null;
    if (!Array.isArray(parsed.value) || !parsed.value.every((w) => typeof w === "string")) {
      report(`not a list of words; using ${fallback.join("; ")}`);
      return null;
    }
    return (parsed.value as string[]).map((w) => w.trim()).filter((w) => w !== "");
  }
  return text
    .split(separators)
    .map((w) => w.trim())
    .filter((w) => w !== "");
}

/**
 * Writes a word list readably (`separator` between the words: "; " on the sheet, ", " or a new line in the
 * task pane's form), or as JSON when a word itself holds one of `separators` (those `readWordList` is given
 * to read it back; on the sheet always {@link WORD_SEPARATORS}, which every version reads).
 */
export function writeWordList(
  words: readonly string[],
  separator = "; ",
  separators: RegExp = WORD_SEPARATORS,
): string {
  return words.some((w) => separators.test(w) || w.trim() !== w)
    ? JSON.stringify(words)
    : words.join(separator);
}

/** Writes a word scale as people read it: "Rare = 1; Unlikely = 2; …". */
export function writeScaleWords(words: readonly ScaleWord[]): string {
  return words.map((w) => `${w.word} = ${w.value}`).join("; ");
}

/**
 * Reads a word scale written "Rare = 1; Unlikely = 2; …" (semicolons or new lines between entries).
 * Each entry needs a word and a whole number from 1 to 5; `problems` gets a plain message for each
 * entry that has not, and the entry is left out. Blank is no words at all.
 */
export function readScaleWords(text: string, problems: (problem: string) => void): ScaleWord[] {
  const out: ScaleWord[] = [];
  for (const raw of text.split(/[;\n]/)) {
    const entry = raw.trim();
    if (entry === "") continue;
    const m = /^(.*?)\s*[=:]\s*(\S+)$/.exec(entry);
    const word = m ? m[1].trim() : "";
    const value = m ? Number(m[2]) : NaN;
    if (!m || word === "" || /\d/.test(word)) {
      problems(`has '${shown(entry)}', which is not a word = number (such as "Likely = 4"); ignoring it`);
    } else if (!Number.isInteger(value) || value < 1 || value > 5) {
      problems(
        `gives '${shown(word)}' the number '${shown(m[2])}', not a whole number from 1 to 5; ignoring it`,
      );
    } else if (out.some((w) => w.word.toLowerCase() === word.toLowerCase())) {
      problems(`names '${shown(word)}' twice; using the first`);
    } else out.push({ word, value });
  }
  return out;
}
