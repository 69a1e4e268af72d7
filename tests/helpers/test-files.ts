// A test file's own temp folder, and a file's hash (to show an input was left byte for byte as it was).

import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** A fresh folder under the system temp folder, named from `prefix`; removed after the test file's tests. */
export function tempFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The SHA-256 of a file's bytes, in hex. */
export const sha = (file: string): string => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
