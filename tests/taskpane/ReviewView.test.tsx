/** @jest-environment jsdom */
// The Review view driven by the keyboard alone, on the real adapter over the strict fake Excel host and
// the real engine: start, record, no change, skip, previous/next, a co-author's change, end the meeting.

import * as React from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import * as engine from "../../src/taskpane/engine";
import { createOfficeGateway } from "../../src/excel/office-gateway";
import { meetingKey } from "../../src/taskpane/views/ReviewView";
import { announce, queueEnd } from "../../src/taskpane/review/useMeeting";
import type { RiskFacts } from "../../src/core/model/risk-summary";
import { installFakeExcel, uninstallFakeExcel, type FakeHost } from "../fakes/fake-excel";
import { writeCellValue } from "../fakes/fake-state";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";

jest.setTimeout(60000);

const TODAY = new Date();
const p2 = (n: number) => String(n).padStart(2, "0");
const ukDaysAgo = (days: number) => {
  const d = new Date(TODAY.getTime() - days * 86_400_000);
  return `${p2(d.getDate())}/${p2(d.getMonth() + 1)}/${d.getFullYear()}`;
};

function workbook(): FakeHost {
  return installFakeExcel({
    sheets: [
      {
        name: "IRIS Risks",
        values: [
          ["Contract risk register"],
          REGISTER_HEADERS,
          risk({ id: "HRC-001", title: "Recent", lastReview: ukDaysAgo(2) }),
          risk({ id: "HRC-002", title: "Never updated", lastReview: null, update: null }),
          risk({ id: "HRC-003", title: "Old", lastReview: ukDaysAgo(90) }),
          risk({ id: "HRC-004", title: "Closed", status: "Closed" }),
        ],
      },
    ],
  });
}

async function startMeeting(host: FakeHost) {
  const user = userEvent.setup({ delay: null });
  const gateway = createOfficeGateway();
  render(
    <App
      gateway={gateway}
      loadEngine={() => Promise.resolve(engine)}
      theme={webLightTheme}
      initialView="review"
    />,
  );
  const check = await screen.findByRole("button", { name: "Check the workbook" });
  await waitFor(() => expect(check).toBeEnabled()); // settings load first
  await user.click(check);
  const name = await screen.findByRole("textbox", { name: /Your name/ });
  await user.clear(name);
  await user.type(name, "Jane Smith");
  await user.type(screen.getByRole("textbox", { name: /Attendees/ }), "Jane Smith{Enter}Ali Khan");
  await user.click(screen.getByRole("button", { name: "Start meeting" }));
  await screen.findByText("Risk 1 of 3");
  return { user, host };
}

const status = () =>
  screen
    .getAllByRole("status")
    .map((s) => s.textContent ?? "")
    .join(" | ");

describe("ReviewView", () => {
  afterEach(() => {
    uninstallFakeExcel();
    localStorage.clear();
  });

  it("runs a short meeting from the keyboard and writes the register, the Update Log and the Meeting Record", async () => {
    const host = workbook();
    const { user } = await startMeeting(host);
    const box = () => screen.getByRole("textbox", { name: /Update for/ });

    // Never updated first, then oldest, then the rest; the card's row is selected in the sheet.
    expect(screen.getByRole("heading", { level: 2, name: /HRC-002/ })).toBeInTheDocument();
    await waitFor(() => expect(host.selection).toEqual({ sheet: "IRIS Risks", address: "A4:O4" }));
    expect(status()).toContain("Risk 1 of 3: HRC-002 Never updated. Due for its update.");
    expect(box()).toHaveFocus();

    await user.keyboard("Contractor asked for a revised plan");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await screen.findByRole("heading", { level: 2, name: /HRC-003/ });
    expect(box()).toHaveFocus();
    expect(status()).toContain("Recorded an update for HRC-002. Risk 2 of 3: HRC-003 Old.");

    await user.keyboard("{Alt>}0{/Alt}"); // no change for HRC-003
    await screen.findByRole("heading", { level: 2, name: /HRC-001/ });
    await user.keyboard("{Alt>}p{/Alt}");
    await screen.findByRole("heading", { level: 2, name: /HRC-003/ });
    expect(screen.getByText("No change recorded")).toBeInTheDocument();
    await user.keyboard("{Alt>}n{/Alt}{Alt>}s{/Alt}"); // skip HRC-001
    expect(box()).toHaveFocus();
    expect(screen.getByText("1 left, 0 due")).toBeInTheDocument(); // HRC-001 was skipped, so it is still left
    // The last risk taken: the card and the live region say the queue is finished and what comes next.
    expect(screen.getByText(/^End of the queue: 2 of 3 risks recorded; 1 not/)).toBeInTheDocument();
    expect(status()).toMatch(/Skipped HRC-001\. End of the queue: .*choose End meeting/);

    const reg = host.snapshot().sheets.find((s) => s.name === "IRIS Risks")!;
    expect(reg.values[3][10]).toBe("Contractor asked for a revised plan");
    expect(reg.values[4][10]).toBe("No change this month");
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!;
    // Columns: Date, Register, Risk ID, By, Update, No change, … (SPEC's order).
    expect(log.values.slice(4).map((r) => [r[2], r[3], r[4], r[5]])).toEqual([
      ["HRC-002", "Jane Smith", "Contractor asked for a revised plan", "No"],
      ["HRC-003", "(register, before the meeting)", "Inspections increased", "No"],
      ["HRC-003", "Jane Smith", "No change this month", "Yes"],
    ]);
    expect(localStorage.getItem("contract-risk-review.meeting.by")).toBe("Jane Smith");

    await user.click(screen.getByRole("button", { name: /End meeting/ }));
    await screen.findAllByText(
      /Meeting ended\. 2 risks reviewed; the record is on the “Meeting Record” tab\./,
      undefined,
      { timeout: 20000 },
    );
    const record = host.snapshot().sheets.find((s) => s.name === "Meeting Record")!;
    const lines = record.values.map((r) =>
      r.filter((v) => v !== "" && !String(v).startsWith("⟦")).join(" | "),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "Attendees | Jane Smith, Ali Khan",
        // Each reviewed row names its register (SPEC Owned tabs: "naming each register it is on").
        "HRC-002 | Never updated | Updated | Contractor asked for a revised plan | IRIS Risks",
        "HRC-003 | Old | No change | No change this month | IRIS Risks",
        "HRC-001 | Recent | Jane Smith | Skipped | No",
      ]),
    );
  });

  it("shows both versions when a co-author changed the row, and writes only when asked", async () => {
    const host = workbook();
    const { user } = await startMeeting(host);
    writeCellValue(host.sheet("IRIS Risks"), 3, 2, "Ali Khan"); // HRC-002's owner, changed by someone else
    await user.keyboard("Ours{Control>}{Enter}{/Control}");
    await screen.findByText(/Someone changed HRC-002's row/);
    expect(screen.getByRole("cell", { name: "Jane Smith" })).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "Ali Khan" })).toBeInTheDocument();
    expect(host.snapshot().sheets.find((s) => s.name === "IRIS Risks")!.values[3][10]).toBe("");
    const write = screen.getByRole("button", { name: "Write my update anyway" });
    expect(write).toHaveFocus();
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 2, name: /HRC-003/ });
    expect(
      host
        .snapshot()
        .sheets.find((s) => s.name === "IRIS Risks")!
        .values[3].slice(2, 11),
    ).toEqual(expect.arrayContaining(["Ali Khan", "Ours"]));
  });

  it("asks for text rather than recording an empty update", async () => {
    const host = workbook();
    const { user } = await startMeeting(host);
    await act(async () => {
      await user.keyboard("{Control>}{Enter}{/Control}");
    });
    expect(screen.getByText("Type the update, or use No change this month.")).toBeInTheDocument();
    expect(host.snapshot().sheets.find((s) => s.name === "Update Log")!.values).toHaveLength(4);
  });
});

describe("meetingKey and announce", () => {
  it.each([
    [{ key: "Enter", code: "Enter", ctrlKey: true }, "record"],
    [{ key: "Enter", code: "Enter", metaKey: true }, "record"],
    [{ key: "º", code: "Digit0", altKey: true }, "noChange"],
    [{ key: "˜", code: "KeyN", altKey: true }, "next"],
    [{ key: "p", code: "KeyP", altKey: true }, "previous"],
    [{ key: "s", code: "KeyS", altKey: true }, "skip"],
    [{ key: "n", code: "KeyN" }, null],
    [{ key: "Enter", code: "Enter" }, null],
  ])("%j → %s", (e, expected) => {
    expect(meetingKey({ altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...e })).toBe(
      expected,
    );
  });

  it("says when the queue is empty", () => {
    expect(announce([], 0, new Map())).toBe("No risks match this meeting's filters.");
  });

  it("says why a risk with no strategy came up early, until it is recorded", () => {
    const facts = { id: "HRC-009", title: "Bridge strike", strategy: "" } as RiskFacts;
    const queue = [{ facts, key: "k", due: false }];
    expect(announce(queue, 0, new Map())).toBe(
      "Risk 1 of 1: HRC-009 Bridge strike. Updated this month. No strategy.",
    );
    expect(queueEnd(queue, new Map([["k", { kind: "skipped" }]]))).toMatch(
      /^End of the queue: 0 of 1 risks recorded; 1 not \(skipped or not reached\)\. Go back with Previous \(Alt\+P\), or choose End meeting/,
    );
  });
});
