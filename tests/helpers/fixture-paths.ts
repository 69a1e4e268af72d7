// Where the bundled test fixtures live: inside the repository, so a fresh clone passes on its own.

import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "../..");
/** Real risk registers written by others (see tests/fixtures/external/ORIGIN.md for origin and licence). */
export const EXTERNAL_FIXTURES = path.join(REPO_ROOT, "tests/fixtures/external");
/** The council's improvement plan, laid out as the document was. */
export const SEED_FIXTURES = path.join(REPO_ROOT, "tests/fixtures/seed");
export const SEED_PLAN = path.join(SEED_FIXTURES, "improvement-plan-close-out-v2.xlsx");
