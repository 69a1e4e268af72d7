/** Browser tests: build the task pane, serve it on 127.0.0.1 and drive it in headless Chromium (tests/e2e). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  testTimeout: 300000,
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
};
