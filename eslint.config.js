// ESLint flat config: typescript-eslint, the Office add-in rules, and the project's one-way dependencies.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

const OFFICE_RULES = {
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/call-sync-after-load": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", ".tmpdc/**", "node_modules/**", "coverage/**", "*.config.js", "eslint.config.js"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "tests/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The Office.js rules read any object named like an Excel proxy; only the adapter uses Office.js.
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: OFFICE_RULES,
  },
  {
    // core is pure TypeScript: no Office, React, DOM-framework or Node imports (DESIGN "Layout").
    files: ["src/core/**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "@fluentui/*", "office-*", "@microsoft/*"], message: "src/core must stay pure." },
            { group: ["fs", "path", "os", "node:*", "child_process", "exceljs", "papaparse", "fflate"], message: "src/core must not touch Node or file libraries." },
            { group: ["**/excel/**", "**/files/**", "**/taskpane/**", "**/cli/**"], message: "Dependencies point one way: core imports nothing outside core." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/files/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/excel/**", "**/taskpane/**", "**/cli/**", "react", "@fluentui/*"], message: "files → core only." }] },
      ],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/taskpane/**", "**/cli/**", "**/files/**", "react", "@fluentui/*"], message: "excel → core only." }] },
      ],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx,js}", "src/bench/**/*.js"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off", "@typescript-eslint/no-require-imports": "off" },
  },
);
