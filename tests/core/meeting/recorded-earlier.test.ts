// A meeting resumed after the pane was reopened: which Update Log rows are this meeting's earlier records.

import { gridFromRows, type CellValue } from "../../../src/core/model/grid";
import { OWNED_MARKER } from "../../../src/core/model/owned-tab";
import { buildQueue } from "../../../src/core/meeting/queue";
import { REGISTER_AUTHOR, UPDATE_LOG_HEADER } from "../../../src/core/meeting/record";
import { recordedEarlier } from "../../../src/core/meeting/recorded-earlier";
import { REGISTER_HEADERS, risk } from "../rules/harness";
import { check } from "./helpers";

const MEETING = "2022-10-10";
const TODAY = 44844;

function logGrid(name: string, owned: boolean, rows: CellValue[][]) {
  const g = gridFromRows(name, [
    [name, ...(owned ? [null, null, null, null, null, null, null, null, OWNED_MARKER] : [])],
    [...UPDATE_LOG_HEADER],
    ...rows,
  ]);
  return owned ? { ...g, owned: true } : g;
}

describe("recordedEarlier", () => {
  it("takes the meeting day's rows of the add-in's own log that name the risk's register, with their changes", () => {
    const report = check([
      gridFromRows("IRIS Risks", [
        ["Contract risk register"],
        REGISTER_HEADERS,
        risk({ id: "HRC-001", title: "Recorded twice" }),
        risk({ id: "HRC-002", title: "Recorded on another register only" }),
        risk({ id: "HRC-003", title: "Recorded yesterday and in a log kept by hand" }),
      ]),
      logGrid("Update Log", true, [
        [TODAY - 200, "HRC-001", REGISTER_AUTHOR, "Register words", "No", 12, "Treat", "IRIS Risks", ""],
        [
          TODAY,
          "HRC-001",
          "Jane Smith",
          "Claims up",
          "No",
          16,
          "Treat",
          "IRIS Risks",
          "Impact 3 → 4; Score 12 → 16",
        ],
        [TODAY, "HRC-002", "Jane Smith", "Theirs", "No", 12, "Treat", "Other Register", "Owner A → B"],
        [TODAY - 1, "HRC-003", "Jane Smith", "Yesterday", "No", 12, "Treat", "IRIS Risks", ""],
        [
          TODAY,
          "HRC-001",
          "Jane Smith",
          "No change this month",
          "Yes",
          16,
          "Treat",
          "IRIS Risks",
          "ACT-1 due 30/09/2022 → 31/10/2022; replaced a co-author's Latest Update: 'Ali; words'",
        ],
      ]),
      logGrid("Officers' log", false, [
        [TODAY, "HRC-003", "Sam", "By hand", "No", 12, "Treat", "IRIS Risks", ""],
      ]),
    ]);
    const queue = buildQueue(report, { meetingDate: MEETING });
    const { records } = recordedEarlier(report.history, queue, MEETING, "Update Log", report.proposals);
    const byId = new Map(queue.map((q) => [q.key, q.facts.id]));
    expect([...records].map(([key, r]) => [byId.get(key), r.noChange, r.text])).toEqual([
      ["HRC-001", true, "No change this month"],
    ]);
    expect([...records.values()][0].changes.map((c) => [c.label, c.from, c.to])).toEqual([
      ["Impact", "3", "4"],
      ["Score", "12", "16"],
      ["Action ACT-1 due", "2022-09-30", "2022-10-31"],
      ["Written over a co-author's Latest Update", "Ali; words", ""],
    ]);
  });
});
