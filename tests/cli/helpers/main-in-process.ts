// Runs the command line in-process through main() (no compiled build), collecting what it prints.

import { main } from "../../../src/cli/main";

export interface MainRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `risk-review <args>` run through main(): its exit status and its whole stdout and stderr. */
export async function runMain(args: string[]): Promise<MainRun> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { status, stdout, stderr };
}
