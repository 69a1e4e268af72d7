// A Node test environment whose clock reads UK time (Europe/London), as a council officer's machine does:
// for tests of times written for officers. TZ is set on the real process (the environment runs outside the
// test's sandbox) and put back after the file.
const { TestEnvironment } = require("jest-environment-node");

class LondonTimeEnvironment extends TestEnvironment {
  async setup() {
    this.savedTz = process.env.TZ;
    process.env.TZ = "Europe/London";
    await super.setup();
  }

  async teardown() {
    if (this.savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = this.savedTz;
    await super.teardown();
  }
}

module.exports = LondonTimeEnvironment;
