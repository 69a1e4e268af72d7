// README's install step accepts any `chromium` on PATH (`command -v chromium`), so the browser tests and the
// pane benchmarks drive that one, unless CHROMIUM_PATH names another (README review 28: they used
// /usr/bin/chromium whatever PATH held).

import * as fs from "fs";
import * as path from "path";
import { chromiumPath } from "../e2e/harness";
import { tempFolder } from "../helpers/test-files";

const tmp = tempFolder("crr-chromium-path-");

/** A folder holding an executable file named `chromium`. */
function folderWithChromium(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "chromium"), "#!/bin/sh\n", { mode: 0o755 });
  return dir;
}

it("the README's install step finds chromium with `command -v chromium`", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  expect(readme).toContain("command -v chromium");
});

it("drives the first chromium on PATH", () => {
  const empty = path.join(tmp, "empty");
  fs.mkdirSync(empty, { recursive: true });
  const first = folderWithChromium("first");
  const second = folderWithChromium("second");
  const PATH = [empty, first, second].join(path.delimiter);
  expect(chromiumPath({ PATH })).toBe(path.join(first, "chromium"));
});

it("skips a file named chromium that cannot be run", () => {
  const dir = path.join(tmp, "not-executable");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "chromium"), "", { mode: 0o644 });
  const runnable = folderWithChromium("runnable");
  expect(chromiumPath({ PATH: [dir, runnable].join(path.delimiter) })).toBe(path.join(runnable, "chromium"));
});

it("drives CHROMIUM_PATH when it is set, whatever PATH holds", () => {
  const onPath = folderWithChromium("on-path");
  expect(chromiumPath({ PATH: onPath, CHROMIUM_PATH: "/opt/chrome/chrome" })).toBe("/opt/chrome/chrome");
});

it("falls back to Debian's /usr/bin/chromium when PATH holds none", () => {
  expect(chromiumPath({ PATH: path.join(tmp, "nowhere") })).toBe("/usr/bin/chromium");
});
