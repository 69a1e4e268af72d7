// Removes the build the browser test files shared (see global-setup.ts).
import * as fs from "fs";
import { SHARED_BUILD_ENV } from "./harness";

export default function removeSharedBuild(): void {
  const out = process.env[SHARED_BUILD_ENV];
  if (out) fs.rmSync(out, { recursive: true, force: true });
}
