// Builds the production task pane and the fake Excel host bundle for the browser test:
// `node tests/e2e/build.js OUT_DIR [NAME:PATH]` → OUT_DIR/site (the task pane) and OUT_DIR/fake/fake-host.js;
// with NAME:PATH (the pane benchmark's entry), also OUT_DIR/site/NAME/NAME.html loading that entry alone.
// A separate Node process, because copy-webpack-plugin's dynamic import() cannot run inside Jest's VM.
"use strict";

const path = require("path");
const webpack = require("webpack");

const ROOT = path.resolve(__dirname, "../..");
const out = path.resolve(process.argv[2] || path.join(ROOT, "dist-e2e"));
const extraEntry = process.argv[3];

const taskpane = require(path.join(ROOT, "webpack.config.js"))(
  { outputPath: path.join(out, "site") },
  { mode: "production" },
);
taskpane.context = ROOT;
taskpane.devtool = false;
taskpane.name = "taskpane";

/**
 * The extra entry, built like the task pane but as a compilation of its own (one bundle, no shared chunks),
 * so the task pane's chunks and sizes stay exactly what ships. It lands in site/<name>/ once the task pane's
 * build (which cleans site/) is done.
 */
function extraBuild(spec) {
  const name = spec.split(":")[0];
  const config = require(path.join(ROOT, "webpack.config.js"))(
    { outputPath: path.join(out, "site", name), extraEntry: spec },
    { mode: "production" },
  );
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  return Object.assign(config, {
    name,
    dependencies: ["taskpane"],
    context: ROOT,
    devtool: false,
    entry: { [name]: config.entry[name] },
    // BENCH_UNMINIFIED=1 keeps the functions' names, for reading a CPU profile of the bench page.
    optimization: {
      ...config.optimization,
      splitChunks: false,
      ...(process.env.BENCH_UNMINIFIED ? { minimize: false } : {}),
    },
    performance: false,
    // The task pane's page (office.js tag included), loading only this entry.
    plugins: [
      new HtmlWebpackPlugin({
        filename: `${name}.html`,
        template: "./src/taskpane/taskpane.html",
        chunks: [name],
        scriptLoading: "defer",
      }),
    ],
  });
}

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
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
      },
    ],
  },
};

webpack([taskpane, fakeHost, ...(extraEntry ? [extraBuild(extraEntry)] : [])], (err, stats) => {
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
