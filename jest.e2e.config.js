/** Browser tests: build the task pane, serve it on 127.0.0.1 and drive it in headless Chromium (tests/e2e). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  testTimeout: 300000,
  // One production build of the pane for every file (tests/e2e/global-setup.ts), not one each.
  globalSetup: "<rootDir>/tests/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/tests/e2e/global-teardown.ts",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
};
