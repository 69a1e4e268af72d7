// Runs a TypeScript benchmark module that imports from tests/ (outside the CLI build) by transpiling
// on the fly with the project's own TypeScript: `node src/bench/run-ts.js src/bench/pane-bench.ts [args]`.
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

require.extensions[".ts"] = (module, file) => {
  const source = fs.readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
  });
  module._compile(outputText, file);
};

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node src/bench/run-ts.js <module.ts> [args]");
  process.exit(2);
}
Promise.resolve(require(path.resolve(entry)).main(args)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
