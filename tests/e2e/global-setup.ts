// Builds the task pane and the fake host once for every browser test file (see usePaneSite): a production
// build takes 15–20 s, and each file used to make its own.
import { buildAll, SHARED_BUILD_ENV } from "./harness";

export default async function buildOnce(): Promise<void> {
  process.env[SHARED_BUILD_ENV] = await buildAll();
}
