// Builds the task pane and the ribbon commands page into dist/, and serves them for sideloading.
// `npm run build` → production; `npm run dev-server` → https://localhost:3000 (http when no dev certs).
// `ADDIN_BASE_URL=https://… npm run build` writes dist/manifest.xml for that hosting address (without it,
// the manifest keeps localhost, for sideloading a local build).
/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { productionManifest } = require("./scripts/manifest-urls");

const PORT = 3000;

/**
 * https options from office-addin-dev-certs when its certificates are already installed.
 * We do not call its installer here: it needs sudo and exits 0 when that fails, which would leave
 * the dev server half-configured. Without certificates we serve http and say so.
 */
function devCertificates() {
  let dir = path.join(os.homedir(), ".office-addin-dev-certs");
  try {
    dir = require("office-addin-dev-certs/lib/defaults").certificateDirectory;
  } catch {
    // package not installed: keep the default location
  }
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const out = {};
  for (const [k, f] of Object.entries(files)) {
    const p = path.join(dir, f);
    if (!fs.existsSync(p)) return null;
    out[k] = fs.readFileSync(p);
  }
  return out;
}

/**
 * @param {Record<string, string|boolean>} env  `--env outputPath=… --env extraEntry=name:path` (the e2e test uses these)
 * @param {{ mode?: string }} argv
 */
module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  // Read here (not at require time) so a test can call the config with the address set.
  const baseUrl = process.env.ADDIN_BASE_URL || undefined;
  const outputPath = env.outputPath ? path.resolve(String(env.outputPath)) : path.resolve(__dirname, "dist");
  /** @type {Record<string, string>} */
  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    commands: "./src/taskpane/commands/commands.ts",
  };
  if (env.extraEntry) {
    const [name, file] = String(env.extraEntry).split(":");
    entry[name] = path.resolve(__dirname, file);
  }

  /** @type {import("webpack").Configuration & { devServer?: object }} */
  const config = {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry,
    output: {
      path: outputPath,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } } },
        },
      ],
    },
    // ExcelJS is Node-minded and only the file readers (lazy chunks) may reach it; never let it in the initial chunk.
    performance: { hints: production ? "warning" : false, maxEntrypointSize: 600 * 1024, maxAssetSize: 600 * 1024 },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          fluent: { test: /[\\/]node_modules[\\/]@fluentui[\\/]/, name: "fluent", priority: 20, chunks: "initial" },
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: "react", priority: 30, chunks: "initial" },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Microsoft's templates' way: the localhost URLs become the hosting address in dist/ only.
            transform: (content) => productionManifest(content.toString(), baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: outputPath },
      client: { overlay: { warnings: false, errors: true } },
    },
  };

  if (process.argv.includes("serve")) {
    const certs = devCertificates();
    if (certs) {
      config.devServer.server = { type: "https", options: certs };
    } else {
      config.devServer.server = { type: "http" };
      console.warn(
        "\n[contract-risk-review] No Office dev certificates found in ~/.office-addin-dev-certs.\n" +
          "  Serving http://localhost:" + PORT + " instead. Office only loads add-ins over https, so run\n" +
          "  `npx office-addin-dev-certs install` (it needs administrator rights) and restart to sideload.\n",
      );
    }
  }
  return config;
};
