/** @jest-environment jsdom */
// The meeting card after the chair keeps a co-author's change ("Keep theirs"): the card shows the register's
// row as it now is (their score, likelihood × impact, RAG, latest update), not the values read at the start.
// The Review view on the real adapter over the strict fake host and the real engine.

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { openPaneAndStart } from "./start-meeting";
import { installFakeExcel, uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { writeCellValue } from "../fakes/fake-state";
import { REGISTER_HEADERS, risk } from "../core/rules/harness";

jest.setTimeout(60000);

const TODAY = new Date();
const p2 = (n: number) => String(n).padStart(2, "0");
const ukOf = (d: Date) => `${p2(d.getDate())}/${p2(d.getMonth() + 1)}/${d.getFullYear()}`;
const ukDaysAgo = (days: number) =>
  ukOf(new Date(TODAY.getFullYear(), TODAY.getMonth(), TODAY.getDate() - days));

async function startMeeting(sheets: FakeSheetSpec[], queueLength: number) {
  const host: FakeHost = installFakeExcel({ sheets });
  const { user } = await openPaneAndStart(queueLength);
  return { user, host };
}

const registerSheet = (...rows: ReturnType<typeof risk>[]): FakeSheetSpec => ({
  name: "IRIS Risks",
  values: [["Contract risk register"], REGISTER_HEADERS, ...rows],
});

async function typeUpdate(user: ReturnType<typeof userEvent.setup>, id: string, words: string) {
  await user.click(screen.getByRole("textbox", { name: new RegExp(`Update for ${id}`) }));
  await user.keyboard(`${words}{Control>}{Enter}{/Control}`);
}

/** The card's "Score" line, e.g. "15 (likelihood 5 × impact 3) Red". */
const scoreLine = () => screen.getByText(/\(likelihood .* × impact .*\)/).textContent ?? "";

describe("Review view: the card after 'Keep theirs'", () => {
  afterEach(() => {
    uninstallFakeExcel();
    localStorage.clear();
  });

  it("shows the co-author's score, likelihood and RAG, not the values read at the start", async () => {
    const { user, host } = await startMeeting(
      [
        registerSheet(
          risk({
            id: "HRC-001",
            title: "Claims",
            likelihood: 3,
            impact: 3,
            score: 9,
            rag: "Amber",
            lastReview: ukDaysAgo(90),
          }),
        ),
      ],
      1,
    );
    expect(scoreLine()).toMatch(/^9 \(likelihood 3 × impact 3\)/);
    // A co-author raises the likelihood to 5 (and the score with it) after the card was shown.
    writeCellValue(host.sheet("IRIS Risks"), 2, 3, 5);
    writeCellValue(host.sheet("IRIS Risks"), 2, 5, 15);
    await typeUpdate(user, "HRC-001", "Claims up");
    await user.click(await screen.findByRole("button", { name: /Keep theirs/ }));
    await waitFor(() => expect(screen.queryByRole("button", { name: /Keep theirs/ })).toBeNull());
    expect(scoreLine()).toMatch(/^15 \(likelihood 5 × impact 3\)/);
    expect(scoreLine()).not.toMatch(/^9 /);
  });

  it("shows the co-author's Latest Update words, not the start's", async () => {
    const { user, host } = await startMeeting(
      [registerSheet(risk({ id: "HRC-001", title: "Claims", lastReview: ukDaysAgo(90) }))],
      1,
    );
    expect(screen.getByText(/Inspections increased/)).toBeInTheDocument();
    writeCellValue(host.sheet("IRIS Risks"), 2, 10, "Ali's words typed during the meeting");
    await typeUpdate(user, "HRC-001", "Ours");
    await user.click(await screen.findByRole("button", { name: /Keep theirs/ }));
    await waitFor(() => expect(screen.queryByRole("button", { name: /Keep theirs/ })).toBeNull());
    expect(screen.getByText(/Ali's words typed during the meeting/)).toBeInTheDocument();
    expect(screen.queryByText(/Inspections increased/)).toBeNull();
  });

  it("after a record earlier in this meeting, shows the co-author's values over the ones this meeting recorded", async () => {
    const { user, host } = await startMeeting(
      [
        registerSheet(
          risk({
            id: "HRC-001",
            title: "Claims",
            likelihood: 3,
            impact: 3,
            score: 9,
            lastReview: ukDaysAgo(90),
          }),
        ),
      ],
      1,
    );
    await typeUpdate(user, "HRC-001", "First words");
    await screen.findByText(/First words \(this meeting\)/);
    writeCellValue(host.sheet("IRIS Risks"), 2, 3, 5);
    writeCellValue(host.sheet("IRIS Risks"), 2, 5, 15);
    writeCellValue(host.sheet("IRIS Risks"), 2, 10, "Ali's words");
    await typeUpdate(user, "HRC-001", "Second words");
    await user.click(await screen.findByRole("button", { name: /Keep theirs/ }));
    await waitFor(() => expect(screen.queryByRole("button", { name: /Keep theirs/ })).toBeNull());
    expect(scoreLine()).toMatch(/^15 \(likelihood 5 × impact 3\)/);
    expect(screen.getByText(/Ali's words/)).toBeInTheDocument();
    expect(screen.queryByText(/First words \(this meeting\)/)).toBeNull();
  });
});
