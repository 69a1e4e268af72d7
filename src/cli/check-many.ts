// `risk-review check` over several files or a folder (SPEC "Many workbooks"): each file read and checked on
// its own in a pool of worker threads, then the risks joined across files, one report, and the roll-up.

import { rollUpLabel } from "../files/xlsx/sensitivity-label";
import { existsSync, promises as fsp } from "fs";
import * as path from "path";
import { joinAcrossFiles, type AcrossFiles } from "../core/join/across-files";
import { defaultSettings } from "../core/model/settings";
import { buildSummaryTabsFrom } from "../core/summary/index";
import { rollUpMarking, rollUpSummary } from "../core/summary/roll-up";
import { monthsEndingAt } from "../core/summary/roll-up-months";
import { ukDateOfIso } from "../core/parse";
import { VERSION } from "../core/version";
import { loadTabWriter } from "./load-tab-writer";
import { READABLE_INPUT, resaveProblem, type CheckCommand } from "./args";
import { afterJoin, checkFile, failedFile, type FileJob, type FileResult } from "./check-file";
import type { CliOutput } from "./check-command";
import { CliError, describeFsError } from "./cli-error";
import { settingsWarningLine } from "./settings-from-grids";
import { filesAsAtDates, renderManyJson, renderManyText } from "./format-many";
import { terminalSafe } from "./terminal-text";
import { linkPathFrom } from "./link-path";
import { poolSize, runInWorkers } from "./worker-pool";
import { isSameFile, writeFileAtomic } from "./write-file-atomic";

/** One input to check: a file to open, or a name that could not be opened and why. */
interface Input {
  path: string;
  file: string;
  problem?: string;
}

/**
 * The files named and the workbook files of the folders named (not their subfolders), in the order
 * given, each folder's in name order (see byFileName). Excel's lock files ("~$…", left while someone has a file open)
 * and hidden files (".…", as a Mac's "._" shadow copies) are not workbooks; an old or other workbook
 * type in a folder (.xls, .ods …) is listed with the advice to re-save it, not dropped without a word. A
 * file named twice, or reached by two names (a link, another case on Windows), is checked once.
 */
async function listInputs(names: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const name of names) {
    let stat;
    try {
      stat = await fsp.stat(name);
    } catch (err) {
      inputs.push({ path: name, file: name, problem: `could not read "${name}": ${describeFsError(err)}` });
      continue;
    }
    if (stat.isDirectory()) {
      const entries = await fsp.readdir(name, { withFileTypes: true }).catch((err: unknown) => {
        throw new CliError(`could not read the folder "${name}": ${describeFsError(err)}`);
      });
      const files = entries
        .filter((e) => e.isFile() && !e.name.startsWith("~$") && !e.name.startsWith("."))
        .map((e) => e.name)
        .filter((f) => READABLE_INPUT.test(f) || resaveProblem(f) !== null)
        .sort(byFileName);
      for (const f of files) {
        const problem = READABLE_INPUT.test(f) ? null : resaveProblem(f);
        inputs.push({ path: path.join(name, f), file: f, ...(problem ? { problem } : {}) });
      }
    } else if (READABLE_INPUT.test(name)) inputs.push({ path: name, file: path.basename(name) });
    else
      inputs.push({
        path: name,
        file: name,
        problem: resaveProblem(name) ?? `"${name}" is not a .xlsx, .xlsm or .csv file, nor a folder`,
      });
  }
  const seen = new Set<string>();
  const unique: Input[] = [];
  for (const i of inputs) {
    const key = await fileIdentity(i.path);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(i);
  }
  // A file is named by its file name, unless two inputs share one: then by the path as given.
  const names_ = new Map<string, number>();
  for (const i of unique) names_.set(i.file, (names_.get(i.file) ?? 0) + 1);
  return unique.map((i) => ((names_.get(i.file) ?? 0) > 1 ? { ...i, file: i.path } : i));
}

/**
 * File names in the order File Explorer and Finder show them: case aside, and the numbers in them as
 * numbers ("Register 2" before "Register 10"); names that still tie, by their characters (one order
 * on every machine).
 */
const FILE_NAME_ORDER = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
export function byFileName(a: string, b: string): number {
  return FILE_NAME_ORDER.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** What tells one file on disk from another: its device and inode where the system gives them, else its resolved path. */
async function fileIdentity(file: string): Promise<string> {
  const stat = await fsp.stat(file, { bigint: true }).catch(() => null);
  return stat && stat.ino !== 0n ? `${stat.dev}:${stat.ino}` : path.resolve(file);
}

/** Checks every job: in worker threads when there are several and the compiled worker is at hand. */
async function checkAll(jobs: FileJob[]): Promise<FileResult[]> {
  const script = path.join(__dirname, "check-worker.js");
  if (jobs.length > 1 && existsSync(script)) {
    return runInWorkers(script, jobs, poolSize(jobs.length), (job, reason) =>
      failedFile(job.file, `"${job.file}" could not be checked: ${reason}`),
    );
  }
  const results: FileResult[] = [];
  for (const job of jobs) results.push(await checkFile(job));
  return results;
}

/**
 * The as-at date the joint report (the JSON's asAt, the roll-up) names: --as-at, else the files' own when
 * they agree, else the latest of them (each file was checked as at its own date, none as at today; the
 * text's first line gives them all).
 */
function jointAsAt(command: CheckCommand, results: readonly FileResult[]): string {
  return command.asAt ?? filesAsAtDates(results).at(-1)!;
}

/**
 * Reads again, as at the roll-up's date, each workbook holding only an Update Log that was read as at another
 * (its own Settings', or today's): its risks' months must end where the roll-up's do. Such workbooks are few
 * and small beside the registers; in place, in `results`.
 */
async function logsAsAt(
  asAt: string,
  results: FileResult[],
  jobs: readonly Input[],
  command: CheckCommand,
): Promise<void> {
  for (const [i, r] of results.entries()) {
    const job = r.historyOnly && r.asAt !== asAt ? jobs.find((j) => j.file === r.file) : undefined;
    if (job)
      results[i] = await checkFile({
        path: job.path,
        file: job.file,
        asAt,
        format: command.format,
        rollUp: true,
      });
  }
}

/**
 * What the roll-up's Source adds when the files were checked as at their own dates (each from its own
 * Settings), so its as-at date is read as the latest of them: ", each as at its own date: 10/10/2022 to
 * 12/10/2022"; nothing when they agree.
 */
function ownDatesWords(results: readonly FileResult[]): string {
  const dates = filesAsAtDates(results);
  return dates.length > 1
    ? `, each as at its own date: ${ukDateOfIso(dates[0])} to ${ukDateOfIso(dates[dates.length - 1])}`
    : "";
}

/** Writes the roll-up workbook: the owned tabs over all files, links relative to the folder it is written in. */
async function writeRollUp(
  out: string,
  asAt: string,
  results: readonly FileResult[],
  paths: ReadonlyMap<string, string>,
  across: AcrossFiles,
): Promise<void> {
  // Each file's months are the roll-up's months, whatever date the file was checked as at.
  const parts = results.flatMap(({ file, summary, acceptedExceptions }) =>
    summary
      ? [
          {
            file,
            data: monthsEndingAt(summary.data, asAt),
            acceptedExceptions,
            ragBands: summary.ragBands,
            movement: summary.movement,
          },
        ]
      : [],
  );
  const source = parts.length === 1 ? parts[0].file : `${parts.length} files${ownDatesWords(results)}`;
  const rollUp = rollUpSummary(parts, across, asAt, source);
  const settings = {
    ...defaultSettings(),
    protectiveMarking: rollUpMarking(results.flatMap((r) => (r.summary ? [r.summary.marking] : []))),
  };
  // Movement since an import belongs to one workbook: a roll-up of one file shows that file's.
  const summaries = results.flatMap((r) => (r.summary ? [r.summary] : []));
  const movement = summaries.length === 1 ? summaries[0].movement : undefined;
  const tabs = buildSummaryTabsFrom(
    rollUp.data,
    settings,
    { version: VERSION, ...(movement ? { movement } : {}) },
    rollUp.acceptedExceptions,
  );
  for (const tab of tabs)
    for (const link of tab.format.links) {
      const input = link.file === undefined ? undefined : paths.get(link.file);
      if (input !== undefined) link.file = linkPathFrom(out, input);
    }
  // The files' sensitivity label, the most protective when they differ (see rollUpLabel).
  const label = rollUpLabel(results.map((r) => r.summary?.label));
  const { writeOwnedTabsWorkbook } = await loadTabWriter();
  await writeFileAtomic(out, await writeOwnedTabsWorkbook(tabs, { label }));
}

/**
 * Runs `check` over many files. Returns the exit status: 0 no error findings, 1 error findings, and
 * throws CliError (exit 2) only when none of the files could be checked.
 */
export async function runCheckMany(command: CheckCommand, output: CliOutput): Promise<number> {
  const names = command.inputs ?? [command.workbook];
  const inputs = await listInputs(names);
  if (inputs.length === 0)
    throw new CliError(`found no .xlsx, .xlsm or .csv files in ${names.map((n) => `"${n}"`).join(", ")}`);
  // --out may name a file being checked (in a folder named, or named itself, as a shell's `*.xlsx` names
  // last run's roll-up) only when that file is a review risk-review wrote, written again: known once it is read.
  const outInput =
    command.out === undefined
      ? undefined
      : inputs.find((i) => !i.problem && isSameFile(command.out!, i.path));
  const refuseOut = (input: Input) =>
    new CliError(
      `--out "${command.out}" is the input file "${input.path}"; risk-review never changes its inputs, so name a new file`,
    );

  const jobs = inputs.filter((i) => !i.problem);
  const checked = await checkAll(
    jobs.map((i) => ({
      path: i.path,
      file: i.file,
      asAt: command.asAt,
      format: command.format,
      rollUp: command.out !== undefined,
    })),
  );
  const byFile = new Map(checked.map((r) => [r.file, r]));
  if (outInput && !byFile.get(outInput.file)?.ownReview) throw refuseOut(outInput);
  const all = inputs.map((i) => (i.problem ? failedFile(i.file, i.problem) : byFile.get(i.file)!));
  // Reviews written by risk-review (a roll-up kept in the folder) are not registers: left out, said once each.
  for (const r of all)
    if (r.ownReview)
      output.stderr(
        `${terminalSafe(`risk-review: "${r.file}" is a review risk-review wrote (all its tabs are its own); left out`)}\n`,
      );
  const results = all.filter((r) => !r.ownReview);
  if (results.length === 0)
    throw new CliError(
      `found only reviews risk-review wrote in ${names.map((n) => `"${n}"`).join(", ")}; nothing to check`,
    );

  for (const r of results) {
    if (r.error !== undefined) output.stderr(`${terminalSafe(`risk-review: ${r.error}`)}\n`);
    for (const issue of r.warnings) output.stderr(`${terminalSafe(settingsWarningLine(r.file, issue))}\n`);
  }
  const good = results.filter((r) => r.error === undefined);
  if (good.length === 0)
    throw new CliError(`none of the ${results.length} files could be checked (each is named above)`);
  if (good.every((r) => r.historyOnly))
    throw new CliError(
      `found only Update Logs (${good.map((r) => `"${r.file}"`).join(", ")}) and no plan, register or actions sheet to read them for`,
    );

  const asAt = jointAsAt(command, results);
  // A workbook holding only an Update Log is history for the roll-up, read as at the roll-up's date.
  if (command.out !== undefined) await logsAsAt(asAt, results, jobs, command);
  const across = joinAcrossFiles(
    good.map((r) => ({
      file: r.file,
      risks: r.risks,
      ownerConflictSeverity: r.ownerConflictSeverity,
      acceptedExceptions: r.acceptedExceptions,
      asAt: r.asAt,
      actionKeys: r.actionKeys,
      openActionCounts: r.openActionCounts,
      overdueActions: r.overdueActions,
      closedWithOpenSeverity: r.closedWithOpenSeverity,
      actionUpdates: r.actionUpdates,
      reviewPeriodMonths: r.reviewPeriodMonths,
    })),
  );
  // Each file's findings as they stand across files: actions in one file count for risks in another, and
  // the owner conflicts placed in a file are counted in it (so the files' counts are the whole run's).
  const joined = results.map((r) => afterJoin(r, across));

  // Write the roll-up before printing, so a failed write is not followed by a report that reads as success.
  if (command.out !== undefined)
    await writeRollUp(command.out, asAt, joined, new Map(inputs.map((i) => [i.file, i.path])), across);

  output.stdout(
    command.format === "json" ? renderManyJson(asAt, joined, across) : renderManyText(joined, across),
  );
  if (command.out !== undefined && command.format === "text") output.stdout(`Wrote ${command.out}\n`);
  return joined.some((r) => r.counts.error > 0) ? 1 : 0;
}
