#!/usr/bin/env node
// risk-review's entry point: parses the command line, runs the command, turns expected failures into one line and exit 2.

import { VERSION } from "../core/version";
import { FileReadError } from "../files/file-read-error";
import { InputTypeError, parseArgs, USAGE, usageOf, UsageError } from "./args";
import { runCheck, type CliOutput } from "./check-command";
import { runCheckMany } from "./check-many";
import { CliError } from "./cli-error";
import { runImport } from "./import-command";
import { terminalSafe } from "./terminal-text";

/** Exit status for input that could not be read or checked, and for usage errors (SPEC "Command line"). */
export const EXIT_BAD_INPUT = 2;

/** Turns any thrown value into the one line printed on stderr. Only a bug shows its stack, and only on request. */
export function describeFailure(err: unknown, debug: boolean): string {
  if (err instanceof InputTypeError) return `risk-review: ${err.message}`;
  if (err instanceof UsageError) return `risk-review: ${err.message}\n\n${USAGE}`;
  if (err instanceof FileReadError) return `risk-review: ${err.message}`;
  if (err instanceof CliError) return `risk-review: ${err.message}`;
  const message = err instanceof Error ? err.message : String(err);
  const line = `risk-review: unexpected error: ${message} (this is a bug in risk-review; set RISK_REVIEW_DEBUG=1 to see details)`;
  return debug && err instanceof Error && err.stack ? `${line}\n${err.stack}` : line;
}

/** Runs the command line and resolves to the exit status. Never throws. */
export async function main(argv: readonly string[], output: CliOutput, debug = false): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case "help":
        output.stdout(`${usageOf(command.topic)}\n`);
        return 0;
      case "version":
        output.stdout(`${VERSION}\n`);
        return 0;
      case "check":
        return await (command.inputs ? runCheckMany(command, output) : runCheck(command, output));
      case "import":
        return await runImport(command, output);
    }
  } catch (err) {
    // A file or sheet name in the message may carry control characters: shown, never obeyed.
    output.stderr(`${describeFailure(err, debug).split("\n").map(terminalSafe).join("\n")}\n`);
    return EXIT_BAD_INPUT;
  }
}

/**
 * Writes to `stream` until its reader goes away (EPIPE: a pipe into `head`, a pager closed early), then
 * drops the rest quietly, so the command still ends with the exit status its findings give. Text and JSON
 * output, in one write or in pieces, both go through it. Any other write error is still thrown.
 */
export function writerUntilReaderCloses(stream: NodeJS.WritableStream): (text: string) => void {
  let readerClosed = false;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    readerClosed = true;
  });
  return (text) => {
    if (!readerClosed) stream.write(text);
  };
}

if (require.main === module) {
  const output: CliOutput = {
    stdout: writerUntilReaderCloses(process.stdout),
    stderr: writerUntilReaderCloses(process.stderr),
  };
  void main(process.argv.slice(2), output, Boolean(process.env.RISK_REVIEW_DEBUG)).then((code) => {
    // Set exitCode rather than calling exit(), so a large JSON report on a pipe is flushed in full.
    process.exitCode = code;
  });
}
