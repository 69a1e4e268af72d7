// Parses risk-review's command line into a typed command, or a usage error (exit 2). No dependency needed.

import { MONTH_NAMES } from "../core/parse/months";
import * as fs from "fs";
import { daysInMonth } from "../core/parse/day";

/** Output formats of `check`. */
export type OutputFormat = "text" | "json";

/** `risk-review check WORKBOOK [--as-at YYYY-MM-DD] [--format text|json] [--out REVIEW.xlsx]`. */
export interface CheckCommand {
  command: "check";
  /** The workbook to check; with `inputs`, the first of them. */
  workbook: string;
  /**
   * Set when the check is over many workbooks (SPEC "Many workbooks"): the files and folders named,
   * in the order given. Absent for one workbook file, whose report keeps the single-file shape.
   */
  inputs?: string[];
  asAt?: string;
  format: OutputFormat;
  out?: string;
}

/** `risk-review --help` / `--version`, and `risk-review COMMAND --help` (its `topic`). */
export interface InfoCommand {
  command: "help" | "version";
  topic?: "check" | "import";
}

/** `risk-review import EXPORT --into WORKBOOK.xlsx --out MERGED.xlsx [--format text|json] [--register SHEET] [--as-at YYYY-MM-DD]`. */
export interface ImportCommand {
  command: "import";
  export: string;
  into: string;
  out: string;
  format: OutputFormat;
  register?: string;
  asAt?: string;
}

export type Command = CheckCommand | ImportCommand | InfoCommand;

/** A command line that cannot be run as written; the CLI prints the message and the usage and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** An input of a type risk-review cannot read (.xls, .ods …): one plain line, without the usage text. */
export class InputTypeError extends UsageError {
  override name = "InputTypeError";
}

/** The file types risk-review reads. */
export const READABLE_INPUT = /\.(xlsx|xlsm|csv)$/i;

/** Spreadsheet types Excel opens but risk-review does not read: the officer re-saves them from Excel. */
const RESAVE_TYPES = /\.(xls|ods|xlsb|numbers|fods)$/i;

/** Why `file` cannot be read for its type (.xls, .ods …), with the advice to re-save it as .xlsx; else null. */
export function resaveProblem(file: string, label = ""): string | null {
  return RESAVE_TYPES.test(file)
    ? `${label}"${file}" is not an .xlsx workbook: open it in Excel and save it as .xlsx`
    : null;
}

/** "-o" or "-f": no short options exist, and a file is never read from a name starting with "-". */
function refuseShortOption(arg: string, command: string): void {
  if (arg.length > 1 && arg.startsWith("-"))
    throw new UsageError(`unknown option "${arg}" for ${command} (options are spelt out: --out, --format …)`);
}

/** True when the name is a folder on disk. */
function isFolder(name: string): boolean {
  return fs.statSync(name, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** Refuses `file` unless it is one of the readable types; .xls/.ods get the advice to re-save as .xlsx. */
function requireReadableInput(file: string, label: string): void {
  if (READABLE_INPUT.test(file)) return;
  const resave = resaveProblem(file, label);
  if (resave !== null) throw new InputTypeError(resave);
  throw new UsageError(`${label}"${file}" is not a .xlsx, .xlsm or .csv file`);
}

const CHECK_LINE =
  "  risk-review check WORKBOOK.(xlsx|xlsm|csv)... | FOLDER [--as-at YYYY-MM-DD] [--format text|json] [--out REVIEW.xlsx]";
const IMPORT_LINE =
  "  risk-review import EXPORT.(xlsx|xlsm|csv) --into WORKBOOK.(xlsx|xlsm) --out MERGED.(xlsx|xlsm) [--register SHEET] [--as-at YYYY-MM-DD] [--format text|json]";

const CHECK_HELP = [
  "  check     check the workbook's plan, registers and actions against the rules; several files or a",
  "            folder are each checked, then joined (owner conflicts across files) in one report",
  "  --as-at   the date to check as at (default: the workbook's Settings, else today)",
  "  --format  text (default) or json",
  "  --out     write a new workbook with the Escalation, Exceptions, Risk Summary and Plan Close-Out tabs",
  "            (its links name the workbook by its path from the folder REVIEW.xlsx is in)",
  "  exits     0 no error findings, 1 error findings (2 below)",
];

const IMPORT_HELP = [
  "  import    merge a contractor's IRIS export into a copy of the workbook (MERGED.xlsx); inputs are never changed",
  "  --register  the register sheet to merge into (default: the Settings' IRIS profile, else the workbook's only register)",
  "  --as-at   the date the import is recorded as at (default: the workbook's Settings, else today)",
  "  --format  text (default) or json",
  "  exits     0 once MERGED.xlsx is written, whatever the register's findings (its last line counts the",
  "            errors left, for check to list; 2 below)",
];

/** The exit status both commands share; each command's own 0 and 1 are in its help above. */
const EXIT_STATUS = [
  "Exit status: as each command says above, and 2 a usage error (an unknown option, a missing or badly",
  "written value), an input that could not be read or holds no plan, register or actions sheet, or an",
  "import that could not be made (check with several files: 2 only when none of them could be checked).",
];

/** The usage text of both commands (`risk-review --help`, and after a usage error). */
export const USAGE = [
  "Usage:",
  CHECK_LINE,
  IMPORT_LINE,
  "  risk-review COMMAND --help",
  "",
  ...CHECK_HELP,
  "",
  ...IMPORT_HELP,
  "",
  ...EXIT_STATUS,
].join("\n");

/** The usage text `risk-review COMMAND --help` prints: that command's line, its options, the exit status. */
export function usageOf(topic?: "check" | "import"): string {
  if (topic === undefined) return USAGE;
  const [line, help] = topic === "check" ? [CHECK_LINE, CHECK_HELP] : [IMPORT_LINE, IMPORT_HELP];
  return ["Usage:", line, "", ...help, "", ...EXIT_STATUS].join("\n");
}

/** True when `arg` asks for help. */
const isHelp = (arg: string): boolean => arg === "--help" || arg === "-h";

const CHECK_OPTIONS = new Set(["--as-at", "--format", "--out"]);

/** True when `iso` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(iso: string): boolean {
  return asAtProblem(iso) === null;
}

/**
 * Why `iso` cannot be an as-at date, or null when it is a real date written YYYY-MM-DD from 1900 on: a
 * date written otherwise, a date that does not exist (30 February) and one before Excel's dates are told apart.
 */
export function asAtProblem(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return `--as-at "${iso}" is not a date written YYYY-MM-DD`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const notReal = `--as-at "${iso}" is not a real date`;
  if (month < 1 || month > 12) return `${notReal}: there is no month ${month}`;
  if (day < 1) return `${notReal}: there is no day 0`;
  const days = daysInMonth(year, month);
  if (day > days) return `${notReal}: ${MONTH_NAMES[month - 1]} ${year} has ${days} days`;
  // Excel's dates start in 1900: an earlier year (a mistyped 2022) could not be written on the tabs as a date.
  if (year < 1900) return `--as-at "${iso}" is before 1900, when Excel's dates begin: check the year`;
  return null;
}

/** Throws the usage error for an as-at date that cannot be used. */
function requireAsAt(asAt: string | undefined): void {
  const problem = asAt === undefined ? null : asAtProblem(asAt);
  if (problem !== null) throw new UsageError(problem);
}

/**
 * Parses `argv` (without node and the script path). Throws UsageError for anything it cannot run,
 * with a message that says what was wrong.
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) throw new UsageError("no command given");
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") return { command: "help" };
  if (first === "--version" || first === "-v") return { command: "version" };
  if (first !== "import" && first !== "check") throw new UsageError(`unknown command "${first}"`);
  // `COMMAND --help` wins over anything else on the line, as it does for most command-line tools.
  if (rest.some(isHelp)) return { command: "help", topic: first };
  return first === "import" ? parseImport(rest) : parseCheck(rest);
}

const IMPORT_OPTIONS = new Set(["--into", "--out", "--format", "--register", "--as-at"]);

function parseImport(args: readonly string[]): ImportCommand {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      refuseShortOption(arg, "import");
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!IMPORT_OPTIONS.has(name)) throw new UsageError(`unknown option "${name}" for import`);
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--")))
      throw new UsageError(`${name} needs a value`);
    if (options.has(name)) throw new UsageError(`${name} is given twice`);
    options.set(name, value);
  }
  if (positional.length !== 1)
    throw new UsageError(`import takes one export file (.xlsx or .csv), got ${positional.length}`);
  const exportFile = positional[0];
  requireReadableInput(exportFile, "");
  const into = options.get("--into");
  const out = options.get("--out");
  if (into === undefined)
    throw new UsageError("import needs --into WORKBOOK.xlsx, the workbook to merge into");
  if (out === undefined) throw new UsageError("import needs --out MERGED.xlsx, the new workbook to write");
  if (RESAVE_TYPES.test(into)) requireReadableInput(into, "--into ");
  if (!/\.(xlsx|xlsm)$/i.test(into)) throw new UsageError(`--into "${into}" must name a .xlsx or .xlsm file`);
  // An .xlsm keeps its macros and its type; Excel refuses a file whose extension and type disagree.
  const kind = into.slice(-4).toLowerCase();
  if (out.slice(-4).toLowerCase() !== kind || !/\.(xlsx|xlsm)$/i.test(out))
    throw new UsageError(`--out "${out}" must name a .${kind} file, as --into does`);
  const format = options.get("--format") ?? "text";
  if (format !== "text" && format !== "json")
    throw new UsageError(`--format "${format}" is not text or json`);
  const asAt = options.get("--as-at");
  requireAsAt(asAt);
  return {
    command: "import",
    export: exportFile,
    into,
    out,
    format,
    register: options.get("--register"),
    asAt,
  };
}

function parseCheck(args: readonly string[]): CheckCommand {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--")) {
      // Accept both "--as-at 2022-10-10" and "--as-at=2022-10-10".
      const eq = arg.indexOf("=");
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      if (!CHECK_OPTIONS.has(name)) throw new UsageError(`unknown option "${name}" for check`);
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = args[i + 1];
        i++;
      }
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
        throw new UsageError(`${name} needs a value`);
      }
      if (options.has(name)) throw new UsageError(`${name} is given twice`);
      options.set(name, value);
    } else {
      refuseShortOption(arg, "check");
      positional.push(arg);
    }
  }
  if (positional.length === 0) throw new UsageError("check needs a workbook file (.xlsx or .csv)");
  const workbook = positional[0];
  // A name with a file extension must be a readable type; a name without one, or a folder whose name has a
  // dot in it ("FY22.q3"), may be a folder (check-many decides). Beside other inputs, a spreadsheet to re-save
  // (.xls, .ods …) is a file that cannot be read: check-many refuses it by name and checks the others.
  const refusedHere = (input: string): boolean => positional.length === 1 || resaveProblem(input) === null;
  for (const input of positional)
    if (/\.[a-z][a-z0-9]{0,5}$/i.test(input) && !isFolder(input) && refusedHere(input))
      requireReadableInput(input, "");
  const inputs = positional.length > 1 || !READABLE_INPUT.test(workbook) ? { inputs: positional } : {};

  const asAt = options.get("--as-at");
  requireAsAt(asAt);
  const formatText = options.get("--format") ?? "text";
  if (formatText !== "text" && formatText !== "json") {
    throw new UsageError(`--format "${formatText}" is not text or json`);
  }
  const out = options.get("--out");
  if (out !== undefined && !/\.xlsx$/i.test(out)) {
    throw new UsageError(`--out "${out}" must name a .xlsx file`);
  }
  return { command: "check", workbook, ...inputs, asAt, format: formatText, out };
}
