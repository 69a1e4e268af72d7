// Reading the text report of `risk-review check` over several files: one file's part, a count line.

/** The part of a many-file text report from "File:  NAME" to the next file's part, Not checked or Across files. */
export function filePart(stdout: string, file: string): string {
  const start = stdout.indexOf(`File:  ${file}\n`);
  if (start < 0) throw new Error(`no part for ${file}`);
  const ends = [
    stdout.indexOf("\nFile:  ", start + 1),
    stdout.indexOf("\nNot checked (", start),
    stdout.indexOf("\nAcross files:", start),
  ].filter((i) => i > 0);
  return stdout.slice(start, Math.min(...ends)).trimEnd();
}

/** "1 error, 2 warnings, 0 notes" of a count line → [errors, warnings, notes]. */
export function countsOf(line: string): number[] {
  const m = /(\d+) errors?, (\d+) warnings?, (\d+) notes?/.exec(line);
  if (!m) throw new Error(`not a count line: ${line}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The last line of a text. */
export const lastLine = (text: string): string => text.trimEnd().split("\n").pop() ?? "";
