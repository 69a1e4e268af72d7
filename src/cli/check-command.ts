// `risk-review check`: reads a workbook file, runs the engine, prints the report, optionally writes the review workbook.

import * as path from "path";
import { checkWorkbook } from "../core/check";
import type { Report } from "../core/model/report";
import type { Settings } from "../core/model/settings";
import { buildSummaryTabs } from "../core/summary/index";
import { VERSION } from "../core/version";
import { readWorkbookFile } from "../files/read-workbook-file";
import { readSensitivityLabel, type SensitivityLabel } from "../files/xlsx/sensitivity-label";
import type { CheckCommand } from "./args";
import { readInput, requireCheckableSheet } from "./check-input";
import { CliError } from "./cli-error";
import { writeJson } from "./format-json";
import { renderText } from "./format-text";
import { linkPathFrom } from "./link-path";
import { loadTabWriter } from "./load-tab-writer";
import { settingsFromGrids, settingsWarningLine } from "./settings-from-grids";
import { terminalSafe } from "./terminal-text";
import { isSameFile, writeFileAtomic } from "./write-file-atomic";

/** Where the command writes; tests pass their own. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Builds the owned tabs and writes them to a new workbook whose links name the source file's cells, with
 * the source's sensitivity label (`label`) on it.
 */
async function writeReview(
  report: Report,
  settings: Settings,
  input: string,
  out: string,
  label: SensitivityLabel | null,
): Promise<void> {
  const tabs = buildSummaryTabs(report, settings, { version: VERSION });
  const { writeOwnedTabsWorkbook } = await loadTabWriter();
  const bytes = await writeOwnedTabsWorkbook(tabs, { linkFile: linkPathFrom(out, input), label });
  await writeFileAtomic(out, bytes);
}

/**
 * Runs `check`. Returns the exit status: 0 no error findings, 1 error findings.
 * Throws CliError / FileReadError for input that cannot be checked (main turns those into exit 2).
 */
export async function runCheck(command: CheckCommand, output: CliOutput): Promise<number> {
  const input = command.workbook;
  const fileName = path.basename(input);
  if (command.out !== undefined && isSameFile(command.out, input)) {
    throw new CliError(
      `--out "${command.out}" is the input file; risk-review never changes its input, so name a new file`,
    );
  }

  const bytes = await readInput(input);
  const grids = await readWorkbookFile(bytes, fileName);
  const { settings, issues } = settingsFromGrids(grids);
  // Unreadable settings fall back to their defaults; say so on stderr, where it cannot spoil JSON on stdout.
  for (const issue of issues) output.stderr(`${terminalSafe(settingsWarningLine(fileName, issue))}\n`);
  const report = checkWorkbook(grids, { settings, asAt: command.asAt, source: fileName });
  requireCheckableSheet(report, grids, fileName);

  // Write the review workbook before printing, so a failed write is not followed by a report that reads as success.
  if (command.out !== undefined)
    await writeReview(report, settings, input, command.out, readSensitivityLabel(bytes));

  if (command.format === "json") writeJson(report, output.stdout);
  else output.stdout(renderText(report, fileName));
  if (command.out !== undefined && command.format === "text") output.stdout(`Wrote ${command.out}\n`);
  return report.findings.some((f) => f.severity === "error") ? 1 : 0;
}
