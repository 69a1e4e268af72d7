// How the review workbook names a source workbook in its links: by the path from the review's own folder.

import * as path from "path";

/**
 * The source workbook as a link from the review workbook: its path relative to the folder `out` is
 * written in (SPEC "Command line"), with forward slashes, so the links open from wherever the two sit.
 */
export function linkPathFrom(out: string, input: string): string {
  const relative = path.relative(path.dirname(path.resolve(out)), path.resolve(input));
  return relative.split(path.sep).join("/");
}
