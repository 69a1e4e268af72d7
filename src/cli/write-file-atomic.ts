// Writes a new file via a temporary file and a rename, so a failure never leaves a half-written workbook.

import { promises as fsp, statSync } from "fs";
import * as path from "path";
import { CliError, describeFsError } from "./cli-error";

/**
 * True when `a` and `b` name the same file: the same path once resolved, or (when both exist) the same
 * file on disk — which also catches symbolic links, hard links and case-insensitive file systems.
 */
export function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    // One of them does not exist yet, so they cannot be the same file.
    return false;
  }
}

/**
 * Writes `bytes` to `target`: first to a temporary file in the same folder (so the rename stays on one
 * disk and is atomic), then renames it over the target. On any failure the temporary file is removed
 * and the target is as it was. Throws CliError with a plain message.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fsp.writeFile(temp, bytes, { flag: "wx" });
  } catch (err) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(`could not write "${target}": ${describeFsError(err)}`);
  }
  try {
    await fsp.rename(temp, target);
  } catch (err) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(`could not write "${target}": ${describeFsError(err)}`);
  }
}
