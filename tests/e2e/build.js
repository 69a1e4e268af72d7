// Builds the production task pane and the fake Excel host bundle for the browser test:
// `node tests/e2e/build.js OUT_DIR` → OUT_DIR/site (the task pane) and OUT_DIR/fake/fake-host.js.
// A separate Node process, because copy-webpack-plugin's dynamic import() cannot run inside Jest's VM.
"use strict";

const path = require("path");
const webpack = require("webpack");

const ROOT = path.resolve(__dirname, "../..");
const out = path.resolve(process.argv[2] || path.join(ROOT, "dist-e2e"));

const taskpane = require(path.join(ROOT, "webpack.config.js"))({ outputPath: path.join(out, "site") }, { mode: "production" });
taskpane.context = ROOT;
taskpane.devtool = false;

/** The fake host: one self-contained script, no chunks, injected in place of office.js. */
const fakeHost = {
  mode: "development",
  devtool: false,
  context: ROOT,
  entry: { "fake-host": "./tests/fakes/fake-host-entry.ts" },
  output: { path: path.join(out, "fake"), filename: "[name].js" },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      { test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } } },
    ],
  },
};

webpack([taskpane, fakeHost], (err, stats) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true }));
    process.exit(1);
  }
  console.log(`built into ${out}`);
});
