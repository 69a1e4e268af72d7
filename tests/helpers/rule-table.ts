// The rule table of the project's own documentation (README.md, "## The rules"): ids and default severities.

import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "./fixture-paths";

export const RULES_DOC = path.join(REPO_ROOT, "README.md");

/** Rule id → default severity, read from the README's rule table (rows such as "| `risk/x` | error | … |"). */
export function documentedRules(): Map<string, string> {
  const text = fs.readFileSync(RULES_DOC, "utf8");
  const start = text.indexOf("\n## The rules");
  if (start < 0) throw new Error(`${RULES_DOC} has no "## The rules" section`);
  const end = text.indexOf("\n## ", start + 1);
  const out = new Map<string, string>();
  for (const line of text.slice(start, end < 0 ? undefined : end).split("\n")) {
    const cells = line.split("|").map((c) => c.trim().replace(/`/g, ""));
    if (cells.length < 4 || !/^[a-z]+\/[a-z-]+$/.test(cells[1])) continue;
    out.set(cells[1], cells[2].split(/\s/)[0]);
  }
  return out;
}
