// When an import is recorded as made (importStamp): the Import Log's When, for the task pane and the
// command line alike (README review 28: an import as at 10/10/2022 run on another day was logged on the
// day it ran, so a check as at 10/10/2022 did not see it).

import { importStamp, localStamp } from "../../src/core/local-time";
import { stampSerial } from "../../src/core/merge/to-workbook-edits";
import { minuteOfDay } from "../../src/core/history/log-cells";

describe("importStamp", () => {
  const now = new Date(2022, 9, 10, 14, 5); // 10 October 2022, 14:05 on the machine's clock

  it("is the run's date and time for an import as at today", () => {
    expect(importStamp("2022-10-10", now)).toBe("2022-10-10 14:05");
    expect(importStamp("2022-10-10", now)).toBe(localStamp(now));
  });

  it("is the as-at date alone for an import as at another day, earlier or later", () => {
    expect(importStamp("2022-09-30", now)).toBe("2022-09-30");
    expect(importStamp("2022-11-01", now)).toBe("2022-11-01");
  });

  it("gives a backdated import's When no time, so the logs' own order places it among that day's entries", () => {
    const when = stampSerial(importStamp("2022-09-30", now));
    expect(typeof when).toBe("number");
    expect(Number.isInteger(when)).toBe(true);
    expect(minuteOfDay(when)).toBe(-1);
    expect(minuteOfDay(stampSerial(importStamp("2022-10-10", now)))).toBe(14 * 60 + 5);
  });
});
