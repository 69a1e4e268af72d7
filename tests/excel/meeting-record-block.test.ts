// The Meeting Record's one block a meeting writes (src/excel/meeting-record-block.ts): the meeting under way at
// the top, replaced in its own rows as it grows and shrinks and by the record at the end; the earlier meetings'
// records below never written (their values, formats, fills and links move with the rows, as Excel moves them);
// a larger block staged so a failure leaves the tab as it was; a protected or unreadable tab left alone.

import type { CellValue } from "../../src/core/model/grid";
import { OWNED_MARKER, type OwnedTab } from "../../src/core/model/owned-tab";
import {
  buildMeetingProgress,
  type MeetingProgress,
  type SkippedRisk,
} from "../../src/core/meeting/meeting-progress";
import { buildMeetingRecord, type MeetingInfo } from "../../src/core/meeting/meeting-record";
import { readMeetingUnderWay, writeMeetingBlock } from "../../src/excel/meeting-record-block";
import { setPayloadBudget } from "../../src/excel/payload";
import { adapterStats, resetAdapterStats } from "../../src/excel/run";
import { uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { install, nameAsOwned } from "./helpers";

afterEach(() => uninstallFakeExcel());

const DATE = "2022-10-10";
const HEADING = { source: "Highways.xlsx", version: "test", marking: "OFFICIAL" };
const meeting = (attendees: string[] = ["Cllr A Patel"], date = DATE): MeetingInfo => ({
  date,
  attendees,
  by: "Jane Smith",
  registers: [],
  annexes: [],
});
const risk = (n: number): SkippedRisk => ({ id: `HRC-00${n}`, title: `Risk ${n}`, sheet: "IRIS Risks" });

/** The block under way, as the pane writes it at the start and at each skip. */
const underWay =
  (skipped: SkippedRisk[], m = meeting()) =>
  () =>
    buildMeetingProgress(m, skipped, HEADING);

/** September's record as the add-in wrote it: its title row holds the marker; an officer's fill and link on HRC-001. */
function september(): FakeSheetSpec {
  const values: CellValue[][] = [
    ["Risk review meeting, 12/09/2022", "", "", "", "", "", OWNED_MARKER],
    ["Meeting"],
    ["Date", 44816],
    ["Started", 14 / 24],
    ["Risks reviewed (1)"],
    ["Risk ID", "Title", "Outcome", "Update", "Changes", "Register"],
    ["HRC-001", "Third-party claims", "Updated", "=B2*C2 was wrong; fixed", "", "IRIS Risks"],
  ];
  const numberFormats = values.map((r) => r.map(() => "@" as string | null));
  numberFormats[2][1] = "dd/mm/yyyy";
  numberFormats[3][1] = "hh:mm";
  return { name: "Meeting Record", values, numberFormats, fills: { "A7:F7": "#FFFF00" } };
}

function book(sheets: FakeSheetSpec[] = [september()]): FakeHost {
  const host = install({ sheets: [{ name: "IRIS Risks", values: [["Risk ID"], ["HRC-001"]] }, ...sheets] });
  if (sheets.some((s) => s.name === "Meeting Record")) {
    nameAsOwned(host, "Meeting Record");
    host.sheet("Meeting Record").ensure(6, 0).link = { documentReference: "'IRIS Risks'!A2" };
  }
  return host;
}

const record = (host: FakeHost) => host.snapshot().sheets.find((s) => s.name === "Meeting Record")!;
/** The tab's rows as text lines, the marker left out. */
const lines = (host: FakeHost) =>
  record(host).values.map((r) =>
    r
      .filter((v) => v !== "" && v !== null && v !== OWNED_MARKER)
      .map(String)
      .join(" | "),
  );
/** September's record as the tab holds it: from its title down, values, formats, fill and link. */
function septemberNow(host: FakeHost) {
  const snap = record(host);
  const at = snap.values.findIndex((r) => r[0] === "Risk review meeting, 12/09/2022");
  const cell = (col: string, row: number) => `${col}${at + row}`;
  return {
    values: snap.values.slice(at),
    date: snap.numberFormats[cell("B", 3)],
    time: snap.numberFormats[cell("B", 4)],
    fill: snap.fills[cell("A", 7)],
    link: snap.links[cell("A", 7)]?.documentReference,
  };
}

describe("the meeting under way's block", () => {
  it("goes in at the top, a blank row after it; the earlier record below keeps its values, date and time formats, fill and link", async () => {
    const host = book();
    const before = septemberNow(host);
    await writeMeetingBlock({ date: DATE, build: underWay([]) });
    const all = lines(host);
    expect(all[0]).toBe("Risk review meeting, 10/10/2022 (in progress)");
    const at = all.indexOf("Risk review meeting, 12/09/2022");
    expect(all[at - 1]).toBe("");
    expect(septemberNow(host)).toEqual({
      ...before,
      date: "dd/mm/yyyy",
      time: "hh:mm",
      fill: "#FFFF00",
      link: "'IRIS Risks'!A2",
    });
    // Still the add-in's: its name still points into it, and row 1 carries the marker.
    expect(record(host).values[0]).toContain(OWNED_MARKER);
    expect(host.snapshot().names.map((n) => n.value)).toEqual([
      expect.stringMatching(/^'?Meeting Record'?!/),
    ]);
  });

  it("grows and shrinks in its own rows (rows inserted or deleted), never touching the record below", async () => {
    const host = book();
    await writeMeetingBlock({ date: DATE, build: underWay([]) });
    const before = septemberNow(host);
    await writeMeetingBlock({ date: DATE, build: underWay([risk(1), risk(2), risk(3)]) });
    expect(lines(host).filter((l) => l.startsWith("HRC-00"))).toEqual([
      "HRC-001 | Risk 1 | IRIS Risks",
      "HRC-002 | Risk 2 | IRIS Risks",
      "HRC-003 | Risk 3 | IRIS Risks",
      "HRC-001 | Third-party claims | Updated | =B2*C2 was wrong; fixed | IRIS Risks",
    ]);
    expect(septemberNow(host)).toEqual(before);
    await writeMeetingBlock({ date: DATE, build: underWay([risk(2)]) });
    const all = lines(host);
    expect(all.filter((l) => l.startsWith("HRC-00"))).toEqual([
      "HRC-002 | Risk 2 | IRIS Risks",
      "HRC-001 | Third-party claims | Updated | =B2*C2 was wrong; fixed | IRIS Risks",
    ]);
    // One blank row between the two meetings, as at the start.
    const at = all.indexOf("Risk review meeting, 12/09/2022");
    expect(all.slice(at - 2, at)).toEqual(["HRC-002 | Risk 2 | IRIS Risks", ""]);
    expect(septemberNow(host)).toEqual(before);
  });

  it("is read just before the write: what the tab holds (a co-author's pane) is handed to the block's builder", async () => {
    const host = book();
    await writeMeetingBlock({ date: DATE, build: underWay([risk(1)], meeting(["Cllr A Patel", "K Lee"])) });
    let held: MeetingProgress | null = null;
    await writeMeetingBlock({
      date: DATE,
      build: (h) => {
        held = h;
        return underWay([risk(2)])();
      },
    });
    expect(held).toEqual({ attendees: ["Cllr A Patel", "K Lee"], skipped: [risk(1)] });
    expect(await readMeetingUnderWay(DATE)).toEqual({ attendees: ["Cllr A Patel"], skipped: [risk(2)] });
    expect(lines(host)[0]).toBe("Risk review meeting, 10/10/2022 (in progress)");
  });

  it("is found by its title below a row the officer inserted above it, and replaced there", async () => {
    const host = book();
    await writeMeetingBlock({ date: DATE, build: underWay([]) });
    host.insertRows("Meeting Record", 0, 1);
    await writeMeetingBlock({ date: DATE, build: underWay([risk(1)]) });
    const titles = lines(host).filter((l) => l.startsWith("Risk review meeting, "));
    expect(titles).toEqual([
      "Risk review meeting, 10/10/2022 (in progress)",
      "Risk review meeting, 12/09/2022",
    ]);
    expect(lines(host)[0]).toBe("");
  });

  it("takes one sync to write once the tab is found and read (sheets, first rows, the write)", async () => {
    book();
    resetAdapterStats();
    await writeMeetingBlock({ date: DATE, build: underWay([risk(1)]) });
    expect(adapterStats().syncs).toBe(3);
  });
});

describe("the meeting's record at the end", () => {
  const theRecord = (m = meeting()): OwnedTab =>
    buildMeetingRecord({
      meeting: m,
      reviewed: [],
      notReviewed: [],
      escalationsAtStart: [],
      escalationsAtEnd: [],
      ...HEADING,
    });

  it("takes the place of its block under way; another day's block under way (a meeting never ended) stays as it was", async () => {
    const host = book();
    await writeMeetingBlock({ date: "2022-10-03", build: underWay([risk(3)], meeting([], "2022-10-03")) });
    const abandoned = lines(host).slice(0, lines(host).indexOf("Risk review meeting, 12/09/2022"));
    await writeMeetingBlock({ date: DATE, build: underWay([risk(1)]) });
    await writeMeetingBlock({ date: DATE, build: () => theRecord() });
    const all = lines(host);
    expect(all.filter((l) => l.startsWith("Risk review meeting, "))).toEqual([
      "Risk review meeting, 10/10/2022",
      "Risk review meeting, 03/10/2022 (in progress)",
      "Risk review meeting, 12/09/2022",
    ]);
    const at = all.indexOf("Risk review meeting, 03/10/2022 (in progress)");
    expect(all.slice(at, at + abandoned.length)).toEqual(abandoned);
  });

  it("on a workbook with no Meeting Record yet, is written as a new owned tab", async () => {
    const host = book([]);
    const result = await writeMeetingBlock({ date: DATE, build: () => theRecord() });
    expect(result).toEqual({ sheetName: "Meeting Record", renamed: false });
    expect(lines(host)[0]).toBe("Risk review meeting, 10/10/2022");
    expect(record(host).values[0]).toContain(OWNED_MARKER);
  });

  it("goes to another tab, named in the result, when a sheet of the officer's is called Meeting Record", async () => {
    const host = book([{ name: "Meeting Record", values: [["Our own minutes"]] }]);
    host.names.length = 0;
    const result = await writeMeetingBlock({ date: DATE, build: () => theRecord() });
    expect(result).toEqual({ sheetName: "Meeting Record (Risk Review)", renamed: true });
    expect(record(host).values).toEqual([["Our own minutes"]]);
  });
});

describe("a write that cannot be made", () => {
  it("a block too large for one sync is staged: the same result, and no staging sheet left", async () => {
    const direct = book();
    await writeMeetingBlock({ date: DATE, build: underWay([risk(1), risk(2)]) });
    const staged = book();
    setPayloadBudget(500);
    resetAdapterStats();
    await writeMeetingBlock({ date: DATE, build: underWay([risk(1), risk(2)]) });
    expect(adapterStats().syncs).toBeGreaterThan(4);
    expect(record(staged).values).toEqual(record(direct).values);
    expect(record(staged).numberFormats).toEqual(record(direct).numberFormats);
    expect(staged.snapshot().sheets.map((s) => s.name)).toEqual(["IRIS Risks", "Meeting Record"]);
  });

  it("a failure part-way through a staged write leaves the tab exactly as it was", async () => {
    const host = book();
    await writeMeetingBlock({ date: DATE, build: underWay([]) });
    const before = JSON.stringify(record(host));
    setPayloadBudget(500);
    const run = host.runSync.bind(host);
    let syncs = 0;
    host.runSync = async (ctx) => {
      if ((syncs += 1) === 5) host.failNextSync("GeneralException");
      return run(ctx);
    };
    await expect(writeMeetingBlock({ date: DATE, build: underWay([risk(1), risk(2)]) })).rejects.toThrow();
    expect(JSON.stringify(record(host))).toBe(before);
    expect(host.snapshot().sheets.map((s) => s.name)).toEqual(["IRIS Risks", "Meeting Record"]);
  });

  it("a protected Meeting Record is left as it was, and the error names it", async () => {
    const host = book();
    host.sheet("Meeting Record").protected = true; // Review › Protect Sheet
    const before = JSON.stringify(record(host));
    await expect(writeMeetingBlock({ date: DATE, build: underWay([]) })).rejects.toThrow(
      /"Meeting Record" is protected/,
    );
    expect(JSON.stringify(record(host))).toBe(before);
  });

  it("a tab that cannot be read is not written", async () => {
    const host = book();
    const before = JSON.stringify(record(host));
    const run = host.runSync.bind(host);
    let syncs = 0;
    host.runSync = async (ctx) => {
      if ((syncs += 1) === 2) host.failNextSync("GeneralException");
      return run(ctx);
    };
    await expect(writeMeetingBlock({ date: DATE, build: underWay([]) })).rejects.toThrow();
    expect(JSON.stringify(record(host))).toBe(before);
  });

  it("a block under way running past the rows read into rows the tab still uses is not written over", async () => {
    const long = buildMeetingProgress(
      meeting(),
      Array.from({ length: 2100 }, (_, i) => ({ id: `R${i}`, title: "t", sheet: "IRIS Risks" })),
      HEADING,
    );
    const values = long.rows.map((r) => r.map((c) => (typeof c === "object" && c !== null ? 44844 : c)));
    const host = book([{ name: "Meeting Record", values }]);
    const before = JSON.stringify(record(host));
    await expect(writeMeetingBlock({ date: DATE, build: underWay([]) })).rejects.toThrow(
      /cannot tell where it ends/,
    );
    expect(JSON.stringify(record(host))).toBe(before);
  });

  it("without ExcelApi 1.9 (no copy), a block too large for one sync is not written, and the tab is as it was", async () => {
    const host = install({
      sheets: [{ name: "IRIS Risks", values: [["Risk ID"]] }, september()],
      apiVersion: "1.8",
    });
    nameAsOwned(host, "Meeting Record");
    const before = JSON.stringify(record(host));
    setPayloadBudget(500);
    await expect(writeMeetingBlock({ date: DATE, build: underWay([risk(1)]) })).rejects.toThrow(
      /cannot write a Meeting Record this long in one step/,
    );
    expect(JSON.stringify(record(host))).toBe(before);
  });
});
