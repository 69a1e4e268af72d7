// Prints one closing line "N passed, N failed" from Jest's --json result files.
const fs = require("fs");
let passed = 0;
let failed = 0;
let pending = 0;
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  pending += r.numPendingTests + (r.numTodoTests || 0);
}
console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ""}`);
process.exit(failed > 0 || pending > 0 || passed === 0 ? 1 : 0);
