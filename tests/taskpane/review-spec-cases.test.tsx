/** @jest-environment jsdom */
// Cases from a review of the meeting (the Review view on the real adapter over the strict fake host)
// against SPEC: each `it` names what must hold.

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { openPaneAndStart } from "./start-meeting";
import { installFakeExcel, uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { writeCellValue } from "../fakes/fake-state";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";

jest.setTimeout(60000);

async function startMeeting(sheets: FakeSheetSpec[], queueLength: number) {
  // ExcelApi 1.13, so merged areas are read (Range.getMergedAreasOrNullObject).
  const host: FakeHost = installFakeExcel({ sheets, apiVersion: "1.13" });
  const { user, unmount } = await openPaneAndStart(queueLength);
  return { user, host, unmount };
}

/** The Meeting Record's rows, each as its filled cells joined by " | " (links left out). */
const recordLines = (host: FakeHost) =>
  sheetValues(host, "Meeting Record").map((r) =>
    r.filter((v) => v !== "" && !String(v).startsWith("⟦")).join(" | "),
  );

async function endMeeting(user: ReturnType<typeof userEvent.setup>) {
  // The last record may still be writing (the button is disabled until it is done): a click then does nothing.
  const button = screen.getByRole("button", { name: /End meeting/ });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  await screen.findAllByText(/Meeting ended\./, undefined, { timeout: 20000 });
}

const sheetValues = (host: FakeHost, name: string) =>
  host.snapshot().sheets.find((s) => s.name === name)!.values;

/** HRC-002 (never updated, 2 × 2 = 4) comes first; HRC-003 after it. */
function twoRisks(): FakeSheetSpec[] {
  return [
    {
      name: "IRIS Risks",
      values: [
        ["Contract risk register"],
        REGISTER_HEADERS,
        risk({
          id: "HRC-002",
          title: "Never updated",
          lastReview: null,
          update: null,
          likelihood: 2,
          impact: 2,
          score: 4,
          rag: "Green",
        }),
        risk({ id: "HRC-003", title: "Old", lastReview: "01/01/2020" }),
      ],
    },
  ];
}

/** Records HRC-002 with impact 2 → 4, goes back and records it again with only new words. */
async function recordTwice() {
  const { user, host } = await startMeeting(twoRisks(), 2);
  await user.click(screen.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
  await user.selectOptions(screen.getByRole("combobox", { name: "Impact" }), "4");
  await user.click(screen.getByRole("textbox", { name: /Update for HRC-002/ }));
  await user.keyboard("Claims up{Control>}{Enter}{/Control}");
  await screen.findByRole("heading", { level: 2, name: /HRC-003/ });
  expect(sheetValues(host, "IRIS Risks")[2].slice(3, 7)).toEqual([2, 4, 8, "Amber"]);
  await user.keyboard("{Alt>}p{/Alt}");
  await screen.findByRole("heading", { level: 2, name: /HRC-002/ });
  await user.click(screen.getByRole("textbox", { name: /Update for HRC-002/ }));
  await user.keyboard("Claims up; contractor to report monthly{Control>}{Enter}{/Control}");
  await screen.findByRole("heading", { level: 2, name: /HRC-003/ });
  return { user, host };
}

describe("Review view: cases from the SPEC review", () => {
  afterEach(() => {
    uninstallFakeExcel();
    localStorage.clear();
  });

  it("a risk recorded twice in one meeting logs the score the register holds at the time", async () => {
    // SPEC "Update Log": one row per update: … score and strategy at the time.
    const { host } = await recordTwice();
    expect(sheetValues(host, "IRIS Risks")[2][5]).toBe(8);
    const log = sheetValues(host, "Update Log");
    // Columns: Date, Register, Risk ID, By, Update, No change, Score, … (SPEC's order).
    expect(log.at(-1)!.slice(2, 7)).toEqual([
      "HRC-002",
      "Jane Smith",
      "Claims up; contractor to report monthly",
      "No",
      8,
    ]);
  });

  it("the Meeting Record keeps the changes made when a risk was recorded twice in one meeting", async () => {
    // SPEC "Meeting Record": date, attendees, risks reviewed, changes made, …
    const { user, host } = await recordTwice();
    await user.click(screen.getByRole("button", { name: /End meeting/ }));
    await screen.findAllByText(/Meeting ended\./, undefined, { timeout: 20000 });
    const lines = sheetValues(host, "Meeting Record").map((r) =>
      r.filter((v) => v !== "" && !String(v).startsWith("⟦")).join(" | "),
    );
    expect(lines).toEqual(expect.arrayContaining(["HRC-002 | Impact | 2 | 4", "HRC-002 | Score | 4 | 8"]));
  });

  it("a co-author's change to a risk whose id is merged over two rows is not written over without asking", async () => {
    // SPEC "Real registers": an id merged down over several rows is one record. SPEC "What must never
    // happen": a user's cell overwritten without the officer asking for that change.
    const continuation = Array<null | string>(REGISTER_HEADERS.length).fill(null);
    continuation[10] = "Second line of the update";
    const { user, host } = await startMeeting(
      [
        {
          name: "IRIS Risks",
          values: [
            ["Contract risk register"],
            REGISTER_HEADERS,
            risk({ id: "HRC-001", title: "Merged", lastReview: "01/01/2020" }),
            continuation,
          ],
          merges: ["A3:A4"],
        },
      ],
      1,
    );
    // A co-author types new words in HRC-001's Latest Update after the card was shown.
    writeCellValue(host.sheet("IRIS Risks"), 2, 10, "Ali's words typed during the meeting");
    await user.click(screen.getByRole("textbox", { name: /Update for HRC-001/ }));
    await user.keyboard("Ours{Control>}{Enter}{/Control}");
    const said = () =>
      screen
        .getAllByRole("status")
        .map((x) => x.textContent ?? "")
        .join(" | ");
    await waitFor(() => expect(said()).toMatch(/Someone changed|Recorded/));
    expect(sheetValues(host, "IRIS Risks")[2][10]).toBe("Ali's words typed during the meeting");
    expect(said()).toMatch(/Someone changed/);
  });

  it("a write forced over a co-author's change keeps their words in the Update Log and says so in the Meeting Record", async () => {
    // SPEC "What must never happen": a user's cell overwritten without the officer asking for that change;
    // the product's standard: nothing a user wrote is ever lost or silently overwritten.
    const { user, host } = await startMeeting(
      [
        {
          name: "IRIS Risks",
          values: [
            ["Contract risk register"],
            REGISTER_HEADERS,
            risk({ id: "HRC-001", title: "Flooding", lastReview: "01/01/2020" }),
          ],
        },
      ],
      1,
    );
    writeCellValue(host.sheet("IRIS Risks"), 2, 10, "Ali's words typed during the meeting");
    await user.click(screen.getByRole("textbox", { name: /Update for HRC-001/ }));
    await user.keyboard("Ours{Control>}{Enter}{/Control}");
    await user.click(await screen.findByRole("button", { name: "Write my update anyway" }));
    await waitFor(() => expect(sheetValues(host, "IRIS Risks")[2][10]).toBe("Ours"));
    const log = sheetValues(host, "Update Log");
    expect(log.at(-1)!.slice(2, 5)).toEqual(["HRC-001", "Jane Smith", "Ours"]);
    expect(log.at(-1)![8]).toBe(
      "replaced a co-author's Latest Update: 'Ali's words typed during the meeting'",
    );
    await endMeeting(user);
    expect(recordLines(host)).toEqual(
      expect.arrayContaining([
        "HRC-001 | Written over a co-author's Latest Update | Ali's words typed during the meeting",
      ]),
    );
  });

  it("a meeting resumed after the pane was reopened lists the risks recorded before, with their changes", async () => {
    // SPEC "Meeting Record": date, attendees, risks reviewed, changes made. Excel on the web reloads the
    // pane easily; the Update Log rows this meeting wrote are in the workbook.
    const { user, host, unmount } = await startMeeting(twoRisks(), 2);
    await user.click(screen.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Impact" }), "4");
    await user.click(screen.getByRole("textbox", { name: /Update for HRC-002/ }));
    await user.keyboard("Claims up{Control>}{Enter}{/Control}");
    await screen.findByRole("heading", { level: 2, name: /HRC-003/ });
    unmount();

    const reopened = await openPaneAndStart(2);
    await screen.findByRole("heading", { level: 2, name: /HRC-003/ });
    await reopened.user.click(screen.getByRole("textbox", { name: /Update for HRC-003/ }));
    await reopened.user.keyboard("Still old{Control>}{Enter}{/Control}");
    await endMeeting(reopened.user);
    const lines = recordLines(host);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Risks reviewed (2)",
        "HRC-002 | Impact | 2 | 4",
        "HRC-002 | Score | 4 | 8",
        "HRC-002 | RAG | Green | Amber",
      ]),
    );
    expect(lines.find((l) => l.startsWith("HRC-002 | Never updated"))).toMatch(/Impact: 2 → 4/);
  });
});
