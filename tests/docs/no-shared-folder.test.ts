// A fresh clone has no shared folder beside it: no test or source may read it (copy a fixture into
// tests/fixtures and note its origin instead). A review file once read three external registers from there.

import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
/** The folder named inside a string (a path the code would open), not in a comment about it. */
const SHARED = new RegExp(`["'\`][^"'\`]*(?:/work/${"shared"}\\b|\\.\\./${"shared"}/)`);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" || d.name === "screenshots" ? [] : files(p);
    return /\.(tsx?|js|json)$/.test(d.name) ? [p] : [];
  });
}

it("no test, source or config reads the shared folder beside the project", () => {
  const hits = [
    ...files(path.join(ROOT, "src")),
    ...files(path.join(ROOT, "tests")),
    path.join(ROOT, "package.json"),
  ]
    .flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ at: `${path.relative(ROOT, f)}:${i + 1}`, line }))
        .filter(({ line }) => SHARED.test(line)),
    )
    .map(({ at, line }) => `${at}: ${line.trim()}`);
  expect(hits).toEqual([]);
});
