/** @jest-environment jsdom */
// Review (rv-meet30): the monthly Risk Management Board run in the meeting itself, as a chair runs it from the
// keyboard, on the real task pane (App → Review view → real adapter over the strict fake Excel host, real
// engine), with the workbook's Settings as at 10 October 2022 and each meeting's date typed in the setup form.
// It covers what tests/taskpane/meeting-review.test.tsx and tests/excel/meeting-writes-review.test.ts do not:
// the queue's order (due first; a risk with no strategy; a latest update this month only through an Update
// Log row, a month column or a dated line; a risk on two registers), five "no change" records in five
// keystrokes and the Update Log rows they make, an action's due date moved from the card, updates starting
// with "=", "+", "-", register cells holding formulas, the Meeting Record at the end, a meeting resumed after
// the pane was closed, a second meeting in the month, the meeting date as the queue's as-at date, and where
// focus lands and what the live region says. Each test cites SPEC / README; "(judgement)" marks where they
// are silent and says why an officer expects it. "(guard)" marks behaviour that works and must not break.
//
// Failing when written (8 of 20): a risk with no strategy left to the end of the queue; the Meeting Record not
// naming both registers of a risk that stands on two; a Latest Update formula kept with the note "left to work
// the value out" and no word that the update is in the Update Log only; kept formulas named "IRIS
// Risks!R3C6" (R1C1) instead of F3; the kept-formula note never reaching the live region; the last record of
// the queue announced as "Risk 3 of 3 … Recorded in this meeting" with no word the queue is done; a risk
// skipped before the pane was reopened listed as "Not reached"; the attendees lost when the pane is reopened.

import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { renderPane } from "./start-meeting";
import { saveSettings } from "../../src/excel/settings-store";
import { readAllSheets } from "../../src/excel/read-sheets";
import { checkWorkbook } from "../../src/core/check";
import { defaultSettings } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import { installFakeExcel, uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { ACTION_HEADERS, REGISTER_HEADERS, risk } from "../core/rules/harness";

jest.setTimeout(120_000);

type User = ReturnType<typeof userEvent.setup>;

const AS_AT = "2022-10-10";
const MEETING = "2022-10-10";
/** Excel serials of the days the tests use. */
const S = {
  "2022-09-30": 44834,
  "2022-10-03": 44837,
  "2022-10-10": 44844,
  "2022-10-24": 44858,
  "2022-10-31": 44865,
} as const;

// REGISTER_HEADERS columns (0-based): 0 id, 3 likelihood, 4 impact, 5 score, 6 RAG, 7 strategy, 9 Date of Last
// Review, 10 Latest Update, 12 Status.
const COL = { likelihood: 3, impact: 4, score: 5, rag: 6, strategy: 7, lastReview: 9, update: 10 };

const register = (name: string, ...rows: CellValue[][]): FakeSheetSpec => ({
  name,
  values: [["Contract risk register"], REGISTER_HEADERS, ...rows],
});

afterEach(() => {
  uninstallFakeExcel();
  localStorage.clear();
});

interface StartOptions {
  date?: string;
  attendees?: string[];
  /** Run on the installed host before the pane opens (Excel's cached values of formula cells). */
  prepare?: (host: FakeHost) => void;
}

/** Opens the pane on the Review view, checks the workbook and starts a meeting as the chair does. */
async function startPane(opts: StartOptions = {}): Promise<{ user: User; unmount: () => void }> {
  const { user, unmount } = renderPane("review");
  const check = await screen.findByRole("button", { name: "Check the workbook" });
  await waitFor(() => expect(check).toBeEnabled());
  await user.click(check);
  const name = await screen.findByRole("textbox", { name: /Your name/ });
  await user.clear(name);
  await user.type(name, "Jane Smith");
  if (opts.attendees)
    await user.type(screen.getByRole("textbox", { name: /Attendees/ }), opts.attendees.join("{Enter}"));
  fireEvent.change(screen.getByLabelText(/Meeting date/), { target: { value: opts.date ?? MEETING } });
  await user.click(screen.getByRole("button", { name: "Start meeting" }));
  await screen.findByText(/^Risk 1 of \d+$/);
  return { user, unmount };
}

/** Installs the workbook with its Settings as at 10 October 2022 and starts a meeting. */
async function begin(sheets: FakeSheetSpec[], opts: StartOptions = {}) {
  const host = installFakeExcel({ sheets, apiVersion: "1.13" });
  opts.prepare?.(host);
  await saveSettings({ ...defaultSettings(), asAt: AS_AT });
  const pane = await startPane(opts);
  return { host, ...pane };
}

const values = (host: FakeHost, name: string): CellValue[][] => {
  const s = host.snapshot().sheets.find((x) => x.name === name);
  if (!s)
    throw new Error(
      `no sheet ${name}: ${host
        .snapshot()
        .sheets.map((x) => x.name)
        .join(", ")}`,
    );
  return s.values;
};

/** The live region(s): what a screen reader is told. */
const said = () =>
  screen
    .getAllByRole("status")
    .map((x) => x.textContent ?? "")
    .join(" | ");

/** The current card's risk id, from its heading "HRC-001: Title". */
const currentId = () => (screen.getByRole("heading", { level: 2 }).textContent ?? "").split(":")[0];

const card = () => screen.getByRole("region", { name: /: / });

/** "Risk 1 of 5" */
const position = () => screen.getByText(/^Risk \d+ of \d+$/).textContent;

/** The ids of the queue in meeting order, stepping with Alt+N from the first card. */
async function queueOrder(user: User): Promise<string[]> {
  const total = Number(/of (\d+)/.exec(position() ?? "")![1]);
  const ids = [currentId()];
  for (let i = 1; i < total; i++) {
    await user.keyboard("{Alt>}n{/Alt}");
    await screen.findByText(`Risk ${i + 1} of ${total}`);
    ids.push(currentId());
  }
  for (let i = 1; i < total; i++) await user.keyboard("{Alt>}p{/Alt}");
  await screen.findByText(`Risk 1 of ${total}`);
  return ids;
}

/** Moves the queue to the risk `id`: back to the first card with Alt+P, then on with Alt+N. */
async function goTo(user: User, id: string): Promise<void> {
  for (let i = 0; i < 20 && position() !== "Risk 1 of " + position()!.split(" of ")[1]; i++)
    await user.keyboard("{Alt>}p{/Alt}");
  for (let i = 0; i < 20 && currentId() !== id; i++) await user.keyboard("{Alt>}n{/Alt}");
  await waitFor(() => expect(currentId()).toBe(id));
}

const updateBox = (id: string) => screen.getByRole("textbox", { name: new RegExp(`Update for ${id}`) });

/** Waits until the card shows `id` (after a record or a move). */
const cardOf = (id: string) => screen.findByRole("heading", { level: 2, name: new RegExp(`^${id}:`) });

async function endMeeting(user: User): Promise<void> {
  const button = screen.getByRole("button", { name: /End meeting/ });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  await screen.findByRole("button", { name: "Start another meeting" }, { timeout: 30_000 });
}

/** The owned tab's rows below its header (row 4, 0-based 3) that have a first cell. */
const logRows = (host: FakeHost) =>
  values(host, "Update Log")
    .slice(4)
    .filter((r) => r.some((v) => v !== "" && v !== null));

/** A tab's rows as text, blank cells and the owned marker left out. */
const lines = (host: FakeHost, name: string): string[] =>
  values(host, name).map((r) =>
    r
      .filter((v) => v !== "" && v !== null && !String(v).startsWith("⟦"))
      .map(String)
      .join(" | "),
  );

/** The rows of one block of the Meeting Record: from its title row to the next blank row. */
function block(host: FakeHost, title: RegExp, from = 0): string[] {
  const all = lines(host, "Meeting Record");
  const start = all.findIndex((l, i) => i >= from && title.test(l));
  if (start < 0) return [];
  const end = all.findIndex((l, i) => i > start && l === "");
  return all.slice(start, end < 0 ? undefined : end);
}

// ---------------------------------------------------------------------------------------------------------
describe("the queue's order", () => {
  it("(guard) never-updated risks first, then the oldest update, then the risks updated this month, oldest first", async () => {
    // README Review: "step through the open risks, those due for their monthly update first"; SPEC "Latest
    // update and the review period": as at 10 October an update on or after 10 September counts.
    const { user } = await begin([
      register(
        "IRIS Risks",
        risk({ id: "HRC-001", title: "Street lighting column failures", lastReview: "03/10/2022" }),
        risk({ id: "HRC-002", title: "Flooding at Mill Lane", lastReview: null, update: null }),
        risk({ id: "HRC-003", title: "Third-party claims", lastReview: "15/07/2022" }),
        risk({ id: "HRC-004", title: "Winter gritting fleet", lastReview: "09/09/2022" }),
        risk({ id: "HRC-005", title: "Bridge strike at Station Road", lastReview: "10/09/2022" }),
        risk({ id: "HRC-006", title: "Old depot", status: "Closed", lastReview: "01/01/2022" }),
      ),
    ]);
    expect(position()).toBe("Risk 1 of 5");
    expect(screen.getByText("5 left, 3 due")).toBeInTheDocument();
    expect(await queueOrder(user)).toEqual(["HRC-002", "HRC-003", "HRC-004", "HRC-005", "HRC-001"]);
    expect(within(card()).getByText("Due for its update")).toBeInTheDocument();
  });

  it("(judgement) a risk with no strategy comes up among the first, before risks that have a strategy and are up to date", async () => {
    // The council's improvement plan, aim 1 (the seed plan, row 4): "Each risk should be accompanied by a
    // strategic plan … tracked and updated each month". SPEC rule risk/missing-strategy is an error. The
    // board must settle the missing strategy at this meeting; put last (it was updated on 3 October), it is
    // the risk most likely not to be reached before the meeting runs out of time.
    const { user } = await begin([
      register(
        "IRIS Risks",
        risk({
          id: "HRC-001",
          title: "Utility company works overrun",
          strategy: null,
          lastReview: "03/10/2022",
        }),
        risk({ id: "HRC-002", title: "Street lighting column failures", lastReview: "01/10/2022" }),
        risk({ id: "HRC-003", title: "Third-party claims", lastReview: "01/08/2022" }),
      ),
    ]);
    const order = await queueOrder(user);
    expect(order.slice(0, 2).sort()).toEqual(["HRC-001", "HRC-003"]);
  });

  it("(guard) a risk whose only update this month is an Update Log row is not due, and its card shows that update", async () => {
    // SPEC "Latest update and the review period": a risk's latest update is the newest of "its own lastUpdated
    // date, the dated lines of its update text, its actions' update dates, and its Update Log entries"; "The
    // meeting queue uses the same rule with the meeting date as the as-at date".
    const { user } = await begin([
      register(
        "IRIS Risks",
        risk({
          id: "HRC-001",
          title: "Third-party claims",
          lastReview: "15/08/2022",
          update: "August words",
        }),
        risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "01/08/2022" }),
        risk({ id: "HRC-003", title: "Street lighting column failures", lastReview: "04/10/2022" }),
      ),
      {
        // The officers' own log (kept by hand before the add-in), its dates typed as Excel dates.
        name: "Risk Update History",
        values: [
          ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Register"],
          [
            S["2022-10-03"],
            "HRC-001",
            "Ali Khan",
            "Claims reviewed with insurer",
            "No",
            12,
            "Treat",
            "IRIS Risks",
          ],
        ],
        numberFormats: [[null], ["dd/mm/yyyy"]],
      },
    ]);
    expect(await queueOrder(user)).toEqual(["HRC-002", "HRC-001", "HRC-003"]);
    expect(screen.getByText("3 left, 1 due")).toBeInTheDocument();
    await goTo(user, "HRC-001");
    expect(within(card()).getByText("Updated this month")).toBeInTheDocument();
    expect(within(card()).getByText(/^Claims reviewed with insurer \(03\/10\/2022\)$/)).toBeInTheDocument();
  });

  it("(guard) on a register keeping its updates a column a month, a risk whose October column is filled is not due; September's only is", async () => {
    // README Reading: a field kept month by month "is read from each row's newest filled month up to the as-at
    // date: that month's update is the risk's latest update, dated the month's first day". At a meeting on 10
    // October, 1 October counts and 1 September does not (SPEC "Latest update and the review period").
    const head = [
      "Risk ID",
      "Risk Title",
      "Risk Owner",
      "Risk Score",
      "Risk Response Strategy",
      "Mitigating Actions",
      "Update Aug-22",
      "Update Sep-22",
      "Update Oct-22",
      "Risk Status",
    ];
    const { user } = await begin([
      {
        name: "Annex A Risks",
        values: [
          head,
          [
            "R-01",
            "Traffic signal faults",
            "Ali Khan",
            12,
            "Treat",
            "Signal contractor on call",
            "Faults logged",
            "Two junctions down",
            "",
            "Open",
          ],
          [
            "R-02",
            "Gully blockages",
            "Kim Lee",
            9,
            "Treat",
            "Cyclic cleansing",
            "Backlog",
            "Backlog cut",
            "Gully cleansing back on programme",
            "Open",
          ],
          [
            "R-03",
            "Footway trips",
            "Ali Khan",
            8,
            "Tolerate",
            "Inspections",
            "Claims steady",
            "",
            "",
            "Open",
          ],
        ],
      },
    ]);
    expect(await queueOrder(user)).toEqual(["R-03", "R-01", "R-02"]);
    expect(screen.getByText("3 left, 2 due")).toBeInTheDocument();
    await goTo(user, "R-02");
    expect(within(card()).getByText("Updated this month")).toBeInTheDocument();
  });

  it("(guard) a risk whose update cell's newest dated line is this month is not due, whatever its older Last Reviewed date", async () => {
    // SPEC Real registers, "Dated lines in the update text": the newest date that starts a line or closes one in
    // brackets is its update date; "It counts as a lastUpdated date … beside it where it has one".
    const { user } = await begin([
      register(
        "IRIS Risks",
        risk({
          id: "HRC-001",
          title: "Gully tanker availability",
          lastReview: "01/08/2022",
          update: "05/10/22 – Contractor confirmed a second gully tanker\n12/08/22 – Reviewed at RMB",
        }),
        risk({
          id: "HRC-002",
          title: "Winter gritting fleet",
          lastReview: "01/09/2022",
          update: "Fleet survey booked",
        }),
        risk({
          id: "HRC-003",
          title: "Street works permits",
          lastReview: "01/07/2022",
          update: "Awaiting the contractor's permit plan (RC 28/09/22)",
        }),
      ),
    ]);
    expect(await queueOrder(user)).toEqual(["HRC-002", "HRC-003", "HRC-001"]);
    expect(screen.getByText("3 left, 1 due")).toBeInTheDocument();
  });

  it("a risk on two registers, recorded once in the meeting, is no longer stale on either, and the Meeting Record names both registers", async () => {
    // README Review: the risk "comes up once"; SPEC Owned tabs: "A risk that stands on several registers (the
    // same risk by id and title) is counted once and shown once, naming each register it is on" (the Meeting
    // Record is an owned tab). The chair recorded it once, as the pane asked; the check the meeting ends with
    // must not then say it was never updated on the Directorate Register, and the minutes must say which
    // registers the update stands for.
    const { host, user } = await begin([
      register(
        "Highways Risks",
        risk({ id: "HRC-001", title: "Pothole claims rise after winter", lastReview: "01/08/2022" }),
      ),
      register(
        "Directorate Register",
        risk({ id: "HRC-001", title: "Pothole claims rise after winter", lastReview: "01/08/2022" }),
      ),
    ]);
    expect(position()).toBe("Risk 1 of 1");
    await user.keyboard("Claims fell after the resurfacing blitz{Control>}{Enter}{/Control}");
    await screen.findByText("Update recorded");
    await endMeeting(user);
    const report = checkWorkbook(await readAllSheets(), {
      settings: { ...defaultSettings(), asAt: AS_AT },
      asAt: AS_AT,
      today: AS_AT,
      source: "workbook",
    });
    const stale = report.findings
      .filter((f) => f.ruleId === "risk/stale-update")
      .map((f) => `${f.sheet}!${f.cell}`);
    expect(stale).toEqual([]);
    const reviewed = block(host, /^Risks reviewed/);
    expect(reviewed[0]).toBe("Risks reviewed (1)");
    expect(reviewed[2]).toMatch(/^HRC-001 \| Pothole claims rise after winter \| /);
    expect(reviewed[2]).toContain("Highways Risks");
    expect(reviewed[2]).toContain("Directorate Register");
  });

  it("(guard) the queue is as at the meeting date, not the Settings as-at date", async () => {
    // SPEC "Latest update and the review period": "The meeting queue uses the same rule with the meeting date as
    // the as-at date." Settings say 10 October; the board meets on 2 November: an update of 20 September was in
    // time on 10 October but is not on 2 November; one of 5 October still is.
    const { user } = await begin(
      [
        register(
          "IRIS Risks",
          risk({ id: "HRC-001", title: "Bridge strike at Station Road", lastReview: "05/10/2022" }),
          risk({ id: "HRC-002", title: "Third-party claims", lastReview: "20/09/2022" }),
        ),
      ],
      { date: "2022-11-02" },
    );
    expect(await queueOrder(user)).toEqual(["HRC-002", "HRC-001"]);
    expect(screen.getByText("2 left, 1 due")).toBeInTheDocument();
    expect(within(card()).getByText("Due for its update")).toBeInTheDocument();
    expect(said()).toContain("Risk 1 of 2: HRC-002 Third-party claims. Due for its update.");
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("recording", () => {
  it("(guard) five 'no change' records in five keystrokes: focus stays in the next update box and the Update Log says who, when, where, score and strategy", async () => {
    // SPEC Workflows 4: "record an update or 'no change this month' for each in a few keystrokes"; SPEC Owned
    // tabs › Update Log: "date, register (sheet), risk id, by, text, no-change flag, score and strategy at the
    // time"; Owned tabs: "Dates are written as Excel dates with a UK date format, never as text".
    const { host, user } = await begin([
      register(
        "IRIS Risks",
        risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/07/2022" }),
        risk({
          id: "HRC-002",
          title: "Winter gritting fleet",
          lastReview: "08/07/2022",
          likelihood: 2,
          impact: 3,
          score: 6,
          strategy: "Tolerate",
        }),
        risk({
          id: "HRC-003",
          title: "Gully blockages",
          lastReview: "15/07/2022",
          likelihood: 4,
          impact: 4,
          score: 16,
          rag: "Red",
        }),
        risk({
          id: "HRC-004",
          title: "Street lighting column failures",
          lastReview: "22/07/2022",
          strategy: "Transfer",
          transferredTo: "Insurer",
        }),
        risk({
          id: "HRC-005",
          title: "Footway trips",
          lastReview: "29/07/2022",
          likelihood: 1,
          impact: 2,
          score: 2,
          rag: "Green",
        }),
      ),
    ]);
    const ids = ["HRC-001", "HRC-002", "HRC-003", "HRC-004", "HRC-005"];
    expect(updateBox("HRC-001")).toHaveFocus();
    for (let i = 0; i < 5; i++) {
      await user.keyboard("{Alt>}0{/Alt}");
      if (i < 4) {
        await cardOf(ids[i + 1]);
        await waitFor(() => expect(updateBox(ids[i + 1])).toHaveFocus());
        expect(said()).toContain(`Recorded no change for ${ids[i]}. Risk ${i + 2} of 5: ${ids[i + 1]} `);
      }
    }
    await waitFor(() => expect(screen.getByText("0 left, 0 due")).toBeInTheDocument());
    const mine = logRows(host)
      .filter((r) => r[3] === "Jane Smith")
      .map((r) => r.slice(0, 9));
    expect(mine).toEqual([
      [S[MEETING], "IRIS Risks", "HRC-001", "Jane Smith", "No change this month", "Yes", 12, "Treat", ""],
      [S[MEETING], "IRIS Risks", "HRC-002", "Jane Smith", "No change this month", "Yes", 6, "Tolerate", ""],
      [S[MEETING], "IRIS Risks", "HRC-003", "Jane Smith", "No change this month", "Yes", 16, "Treat", ""],
      [S[MEETING], "IRIS Risks", "HRC-004", "Jane Smith", "No change this month", "Yes", 12, "Transfer", ""],
      [S[MEETING], "IRIS Risks", "HRC-005", "Jane Smith", "No change this month", "Yes", 2, "Treat", ""],
    ]);
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!;
    const dateRows = values(host, "Update Log")
      .map((r, i) => (r[3] === "Jane Smith" ? i + 1 : 0))
      .filter(Boolean);
    for (const r of dateRows) expect(log.numberFormats[`A${r}`]).toMatch(/^dd\/mm\/yy(yy)?$/);
    // Each register row now says it was reviewed on the meeting date.
    expect(
      values(host, "IRIS Risks")
        .slice(2, 7)
        .map((r) => r[COL.lastReview]),
    ).toEqual(Array(5).fill(S[MEETING]));
  });

  it("(guard) an action's due date moved from the card is written to the actions sheet as a date and logged as 'ACT-0003 due 30/09/2022 → 31/10/2022'", async () => {
    // SPEC Owned tabs › Update Log: "the other changes made with it (an action's due date or status:
    // `ACT-0003 due 30/09/2022 → 31/10/2022`)"; Owned tabs: dates written "as Excel dates … never as text".
    const { host, user } = await begin([
      register(
        "IRIS Risks",
        risk({ id: "HRC-001", title: "Carriageway resurfacing programme", lastReview: "01/08/2022" }),
      ),
      {
        name: "IRIS Actions",
        values: [
          ACTION_HEADERS,
          [
            "HRC-001",
            "ACT-0003",
            "Resurface A38 Bristol Road",
            "Ali Khan",
            S["2022-09-30"],
            "In progress",
            "Crews booked",
            "01/09/2022",
          ],
        ],
        numberFormats: [[], [null, null, null, null, "dd/mm/yyyy"]],
      },
    ]);
    expect(
      within(card()).getByText(/ACT-0003: Resurface A38 Bristol Road — due 30\/09\/2022, In progress/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
    const due = screen.getByLabelText("Due");
    await user.clear(due);
    await user.type(due, "2022-10-31");
    await user.click(updateBox("HRC-001"));
    await user.keyboard("Contractor moved the resurfacing to half-term{Control>}{Enter}{/Control}");
    await screen.findByText("Update recorded");
    const last = logRows(host).at(-1)!;
    expect(last.slice(2, 6)).toEqual([
      "HRC-001",
      "Jane Smith",
      "Contractor moved the resurfacing to half-term",
      "No",
    ]);
    expect(last[8]).toBe("ACT-0003 due 30/09/2022 → 31/10/2022");
    expect(values(host, "IRIS Actions")[1][4]).toBe(S["2022-10-31"]);
  });

  it("(guard) updates typed with a leading '=', '+' or '-' are stored as text on the register and in the Update Log, never as formulas", async () => {
    // SPEC What must never happen: "text starting with `=`, `+`, `-`, `@` … is stored as text"; DESIGN Excel:
    // "Strings written to `values` that start with `=`, `+` or `-` become formulas … gets a leading apostrophe".
    const { host, user } = await begin([
      register(
        "IRIS Risks",
        risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/07/2022" }),
        risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "02/07/2022" }),
        risk({ id: "HRC-003", title: "Gully blockages", lastReview: "03/07/2022" }),
      ),
    ]);
    const words = {
      "HRC-001": "=£40k overspend forecast by the contractor",
      "HRC-002": "+2 claims received since September",
      "HRC-003": "- second gully tanker hired from November",
    };
    for (const [id, text] of Object.entries(words)) {
      await cardOf(id);
      await user.keyboard(`${text}{Control>}{Enter}{/Control}`);
    }
    await screen.findByText("Update recorded");
    Object.values(words).forEach((text, i) => {
      const cell = host.cell("IRIS Risks", `K${3 + i}`);
      expect([cell?.formula, cell?.v]).toEqual([undefined, text]);
    });
    const logged = logRows(host).filter((r) => r[3] === "Jane Smith");
    expect(logged.map((r) => r[4])).toEqual(Object.values(words));
    const log = host.snapshot().sheets.find((s) => s.name === "Update Log")!;
    expect(Object.keys(log.formulas)).toEqual([]);
  });

  it("a Latest Update cell holding a formula is not replaced by the update; the update goes to the Update Log", async () => {
    // SPEC Writing files › Formulas: "a register cell holding a formula is never replaced by a value … The same
    // holds in the task pane and in the meeting." README: "A cell holding a formula is never replaced (the pane
    // names it)".
    const { host, user } = await begin(
      [
        register(
          "IRIS Risks",
          risk({
            id: "HRC-001",
            title: "Third-party claims",
            lastReview: "01/08/2022",
            update: "='Risk Commentary'!B2",
          }),
        ),
        {
          name: "Risk Commentary",
          values: [
            ["Risk ID", "Commentary"],
            ["HRC-001", "Awaiting the insurer's claims report"],
          ],
        },
      ],
      { prepare: (h) => void (h.cell("IRIS Risks", "K3")!.v = "Awaiting the insurer's claims report") },
    );
    await user.keyboard("Insurer's report received: claims down 12%{Control>}{Enter}{/Control}");
    await screen.findByText("Update recorded");
    expect(host.cell("IRIS Risks", "K3")?.formula).toBe("='Risk Commentary'!B2");
    const mine = logRows(host).filter((r) => r[3] === "Jane Smith");
    expect(mine.map((r) => [r[2], r[4]])).toEqual([
      ["HRC-001", "Insurer's report received: claims down 12%"],
    ]);
    // The pane says where the update went: not "left to work the value out" (words for a score), but that the
    // Latest Update cell keeps its formula and the update is in the Update Log only.
    const note = document.body.textContent ?? "";
    expect(note).toMatch(/formula[^.]*Update Log/);
  });

  it("(judgement) when a score or RAG formula is kept, the pane names the cells as Excel shows them (F3, G3), not in R1C1 notation", async () => {
    // README: "A cell holding a formula is never replaced (the pane names it)". Every other message of the
    // add-in names cells as the officer sees them in Excel ("K9", SPEC Workflows 1: "with sheet, cell and
    // record"); "IRIS Risks!R3C6" is notation few officers have ever seen and cannot type into the Name Box.
    const { host, user } = await begin(
      [
        register(
          "IRIS Risks",
          risk({
            id: "HRC-001",
            title: "Third-party claims",
            lastReview: "01/08/2022",
            score: "=D3*E3",
            rag: '=IF(F3>=15,"Red",IF(F3>=5,"Amber","Green"))',
          }),
        ),
      ],
      {
        prepare: (h) => {
          h.cell("IRIS Risks", "F3")!.v = 12;
          h.cell("IRIS Risks", "G3")!.v = "Amber";
        },
      },
    );
    await user.click(screen.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Likelihood" }), "5");
    await user.click(updateBox("HRC-001"));
    await user.keyboard("Claims doubled after the storm{Control>}{Enter}{/Control}");
    await screen.findByText("Update recorded");
    expect(host.cell("IRIS Risks", "F3")?.formula).toBe("=D3*E3");
    expect(host.cell("IRIS Risks", "D3")?.v).toBe(5);
    const note = document.body.textContent ?? "";
    expect(note).toMatch(/holds a formula/);
    expect(note).not.toMatch(/R\d+C\d+/);
    expect(note).toMatch(/\bF3\b/);
  });

  it("(judgement) a screen reader is told when a record left a cell alone because it holds a formula", async () => {
    // README: "A cell holding a formula is never replaced (the pane names it)"; README: the pane "works from the
    // keyboard alone". The note is drawn in a message bar after focus has moved to the next risk's update box;
    // the live region only says "Recorded an update…", so a chair using a screen reader never learns that the
    // register still shows the old score.
    const { host, user } = await begin(
      [
        register(
          "IRIS Risks",
          risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/08/2022", score: "=D3*E3" }),
          risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "02/08/2022" }),
        ),
      ],
      { prepare: (h) => void (h.cell("IRIS Risks", "F3")!.v = 12) },
    );
    await user.click(screen.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Impact" }), "5");
    await user.click(updateBox("HRC-001"));
    await user.keyboard("Claims up{Control>}{Enter}{/Control}");
    await cardOf("HRC-002");
    await waitFor(() => expect(updateBox("HRC-002")).toHaveFocus());
    expect(host.cell("IRIS Risks", "F3")?.formula).toBe("=D3*E3");
    const alerts = [...screen.queryAllByRole("status"), ...screen.queryAllByRole("alert")]
      .map((x) => x.textContent ?? "")
      .join(" | ");
    expect(alerts).toMatch(/formula/);
  });

  it("(judgement) after the last risk in the queue is recorded, the screen reader is told the queue is finished", async () => {
    // SPEC Workflows 4: "step through the open risks …; end with a record of the meeting". After the last
    // record the pane stays on the same card and the live region reads it out again as "Risk 3 of 3 … Recorded
    // in this meeting", as if there were more: the chair is not told every risk has been taken and the meeting
    // can be ended.
    const { user } = await begin([
      register(
        "IRIS Risks",
        risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/07/2022" }),
        risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "02/07/2022" }),
        risk({ id: "HRC-003", title: "Gully blockages", lastReview: "03/07/2022" }),
      ),
    ]);
    await user.keyboard("{Alt>}0{/Alt}");
    await cardOf("HRC-002");
    await user.keyboard("{Alt>}0{/Alt}");
    await cardOf("HRC-003");
    await user.keyboard("{Alt>}0{/Alt}");
    await waitFor(() => expect(said()).toMatch(/Recorded no change for HRC-003/));
    expect(said()).toMatch(/all (3 )?risks|end of the queue|every risk|no more risks|end the meeting/i);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("ending the meeting", () => {
  const fourRisks = (): FakeSheetSpec[] => [
    register(
      "IRIS Risks",
      risk({ id: "HRC-001", title: "Carriageway resurfacing programme", lastReview: "01/08/2022" }),
      risk({
        id: "HRC-002",
        title: "Flooding at Mill Lane",
        lastReview: "15/08/2022",
        likelihood: 2,
        impact: 2,
        score: 4,
        rag: "Green",
      }),
      risk({ id: "HRC-003", title: "Street lighting column failures", lastReview: "03/10/2022" }),
      risk({ id: "HRC-004", title: "Footway trips", lastReview: "05/10/2022" }),
    ),
    {
      name: "IRIS Actions",
      values: [
        ACTION_HEADERS,
        [
          "HRC-001",
          "ACT-0003",
          "Resurface A38 Bristol Road",
          "Ali Khan",
          S["2022-09-30"],
          "In progress",
          "Crews booked",
          "28/07/2022",
        ],
      ],
      numberFormats: [[], [null, null, null, null, "dd/mm/yyyy"]],
    },
  ];

  it("(guard) the Meeting Record lists the attendees, the risks reviewed, the changes made, those not reviewed and why, and the new escalations", async () => {
    // SPEC Owned tabs › Meeting Record: "date, attendees, risks reviewed, changes made, risks not reviewed, new
    // escalations"; Escalation: corporate-register at score ≥ 16.
    const { host, user } = await begin(fourRisks(), {
      attendees: ["Cllr A Patel", "R Chen (BBLP)", "Jane Smith"],
    });
    expect(currentId()).toBe("HRC-001");
    await user.click(screen.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
    const due = screen.getByLabelText("Due");
    await user.clear(due);
    await user.type(due, "2022-10-31");
    await user.click(updateBox("HRC-001"));
    await user.keyboard("Resurfacing moved to half-term{Control>}{Enter}{/Control}");
    await cardOf("HRC-002");
    await user.click(screen.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Likelihood" }), "4");
    await user.selectOptions(screen.getByRole("combobox", { name: "Impact" }), "5");
    await user.click(updateBox("HRC-002"));
    await user.keyboard("Culvert collapsed under Mill Lane{Control>}{Enter}{/Control}");
    await cardOf("HRC-003");
    await user.keyboard("{Alt>}s{/Alt}");
    await cardOf("HRC-004");
    await endMeeting(user);

    const all = lines(host, "Meeting Record");
    expect(all).toEqual(
      expect.arrayContaining([
        "Risk review meeting, 10/10/2022",
        "Attendees | Cllr A Patel, R Chen (BBLP), Jane Smith",
        "Recorded by | Jane Smith",
      ]),
    );
    const record = values(host, "Meeting Record");
    const dateRow = record.find((r) => r[0] === "Date")!;
    expect(dateRow[1]).toBe(S[MEETING]);
    expect(block(host, /^Risks reviewed/).slice(2)).toEqual([
      expect.stringMatching(
        /^HRC-001 \| Carriageway resurfacing programme \| Updated \| Resurfacing moved to half-term \| .*30\/09\/2022 → 31\/10\/2022/,
      ),
      expect.stringMatching(
        /^HRC-002 \| Flooding at Mill Lane \| Updated \| Culvert collapsed under Mill Lane \| .*Likelihood: 2 → 4/,
      ),
    ]);
    expect(block(host, /^Changes made/)).toEqual(
      expect.arrayContaining([
        "HRC-002 | Likelihood | 2 | 4",
        "HRC-002 | Impact | 2 | 5",
        "HRC-002 | Score | 4 | 20",
      ]),
    );
    const moved = record.find((r) => r[0] === "HRC-001" && r[2] === S["2022-09-30"]);
    expect(moved?.[3]).toBe(S["2022-10-31"]);
    expect(block(host, /^Risks not reviewed/).slice(2)).toEqual([
      "HRC-003 | Street lighting column failures | Jane Smith | Skipped | No",
      "HRC-004 | Footway trips | Jane Smith | Not reached | No",
    ]);
    expect(block(host, /^New escalations/)).toEqual([
      "New escalations (1)",
      "Risk ID | Destination | Register | Reason",
      expect.stringMatching(/^HRC-002 \| Corporate.* \| IRIS Risks \| .*20/),
    ]);
    // Focus lands on the result, and the screen reader hears it.
    expect(screen.getByRole("heading", { name: "Meeting ended" })).toHaveFocus();
    expect(said()).toMatch(/Meeting ended\. 2 risks reviewed; the record is on the “Meeting Record” tab\./);
  });

  it("(guard) a meeting resumed after the pane was closed halfway keeps what was recorded: the earlier risks are marked, counted and listed as reviewed", async () => {
    // README Review: "If the pane is closed and reopened during the meeting, starting it again picks up what was
    // recorded earlier that day." SPEC Meeting Record: "risks reviewed, … risks not reviewed".
    const { host, user, unmount } = await begin(
      [
        register(
          "IRIS Risks",
          risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/07/2022" }),
          risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "02/07/2022" }),
          risk({ id: "HRC-003", title: "Gully blockages", lastReview: "03/07/2022" }),
          risk({ id: "HRC-004", title: "Footway trips", lastReview: "04/07/2022" }),
        ),
      ],
      { attendees: ["Cllr A Patel", "R Chen (BBLP)"] },
    );
    await user.keyboard("{Alt>}0{/Alt}");
    await cardOf("HRC-002");
    await user.keyboard("Gritter fleet survey done{Control>}{Enter}{/Control}");
    await cardOf("HRC-003");
    unmount(); // Excel on the web reloads the pane.

    const again = await startPane();
    expect(position()).toBe("Risk 1 of 4");
    expect(screen.getByText("2 left, 2 due")).toBeInTheDocument();
    expect(currentId()).toBe("HRC-003");
    expect(updateBox("HRC-003")).toHaveFocus();
    await goTo(again.user, "HRC-001");
    expect(within(card()).getByText(/No change recorded \(earlier in this meeting\)/)).toBeInTheDocument();
    await goTo(again.user, "HRC-003");
    await again.user.keyboard("{Alt>}0{/Alt}");
    await waitFor(() => expect(screen.getByText("1 left, 1 due")).toBeInTheDocument());
    await endMeeting(again.user);

    expect(block(host, /^Risks reviewed/).slice(2)).toEqual([
      expect.stringMatching(/^HRC-001 \| Third-party claims \| No change/),
      expect.stringMatching(/^HRC-002 \| Winter gritting fleet \| Updated \| Gritter fleet survey done/),
      expect.stringMatching(/^HRC-003 \| Gully blockages \| No change/),
    ]);
    expect(block(host, /^Risks not reviewed/).slice(2)).toEqual([
      "HRC-004 | Footway trips | Jane Smith | Not reached | Yes",
    ]);
  });

  it("(judgement) a risk skipped before the pane was closed is still 'Skipped' in the Meeting Record, not 'Not reached'", async () => {
    // SPEC Meeting Record: "risks not reviewed"; the record's own column says why (Skipped / Not reached), and
    // README: starting again "picks up what was recorded earlier that day". The chair deferred HRC-001 on
    // purpose (its owner was absent); after Excel on the web reloaded the pane, the minutes say the meeting
    // never reached it, which is not what happened.
    const { host, user, unmount } = await begin([
      register(
        "IRIS Risks",
        risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/07/2022" }),
        risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "02/07/2022" }),
        risk({ id: "HRC-003", title: "Gully blockages", lastReview: "03/07/2022" }),
      ),
    ]);
    await user.keyboard("{Alt>}s{/Alt}");
    await cardOf("HRC-002");
    await user.keyboard("{Alt>}0{/Alt}");
    await cardOf("HRC-003");
    unmount();

    const again = await startPane();
    await endMeeting(again.user);
    expect(block(host, /^Risks not reviewed/).slice(2)).toEqual([
      "HRC-001 | Third-party claims | Jane Smith | Skipped | Yes",
      "HRC-003 | Gully blockages | Jane Smith | Not reached | Yes",
    ]);
  });

  it("(judgement) a meeting resumed after the pane was closed keeps its attendees in the Meeting Record", async () => {
    // SPEC Meeting Record: "date, attendees, …". README: starting again "picks up what was recorded earlier that
    // day". The chair typed the attendees at the start; the pane reloading halfway (Excel on the web does) must
    // not leave the minutes saying "(none recorded)" or make the chair remember who was there.
    const { host, user, unmount } = await begin(
      [
        register(
          "IRIS Risks",
          risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/07/2022" }),
          risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "02/07/2022" }),
        ),
      ],
      { attendees: ["Cllr A Patel", "R Chen (BBLP)"] },
    );
    await user.keyboard("{Alt>}0{/Alt}");
    await cardOf("HRC-002");
    unmount();

    const again = await startPane();
    await again.user.keyboard("{Alt>}0{/Alt}");
    await waitFor(() => expect(screen.getByText("0 left, 0 due")).toBeInTheDocument());
    await endMeeting(again.user);
    expect(lines(host, "Meeting Record")).toContain("Attendees | Cllr A Patel, R Chen (BBLP)");
  });

  it("(guard) a second meeting in the same month starts afresh: the first meeting's risks are up to date, not 'recorded in this meeting', and both records are kept", async () => {
    // SPEC Latest update: the queue uses the meeting date as the as-at date (3 October counts on 24 October);
    // README: "the Meeting Record tab for the minutes (the latest meeting first, each earlier meeting's record
    // kept below it)".
    const { host, user } = await begin(
      [
        register(
          "IRIS Risks",
          risk({ id: "HRC-001", title: "Third-party claims", lastReview: "01/08/2022" }),
          risk({ id: "HRC-002", title: "Winter gritting fleet", lastReview: "15/08/2022" }),
        ),
      ],
      { date: "2022-10-03" },
    );
    await user.keyboard("{Alt>}0{/Alt}");
    await cardOf("HRC-002");
    await user.keyboard("Gritter fleet survey done{Control>}{Enter}{/Control}");
    await waitFor(() => expect(screen.getByText("0 left, 0 due")).toBeInTheDocument());
    await endMeeting(user);

    await user.click(screen.getByRole("button", { name: "Start another meeting" }));
    const date = await screen.findByLabelText(/Meeting date/);
    fireEvent.change(date, { target: { value: "2022-10-24" } });
    await user.click(screen.getByRole("button", { name: "Start meeting" }));
    await screen.findByText("Risk 1 of 2");
    expect(screen.getByText("2 left, 0 due")).toBeInTheDocument();
    expect(within(card()).getByText("Updated this month")).toBeInTheDocument();
    expect(within(card()).queryByText(/recorded/i)).toBeNull();
    await endMeeting(user);

    const titles = lines(host, "Meeting Record").filter((l) => l.startsWith("Risk review meeting"));
    expect(titles).toEqual(["Risk review meeting, 24/10/2022", "Risk review meeting, 03/10/2022"]);
    expect(block(host, /^Risks reviewed/)[0]).toBe("Risks reviewed (0)");
    const second = lines(host, "Meeting Record").indexOf("Risk review meeting, 03/10/2022");
    expect(block(host, /^Risks reviewed/, second)[0]).toBe("Risks reviewed (2)");
    expect(values(host, "Meeting Record").flat()).toContain(S["2022-10-03"]);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe("focus and what the screen reader is told", () => {
  it("(guard) pressing Accept proposal from the keyboard leaves focus in the meeting, not on the page body", async () => {
    // README: the pane "works from the keyboard alone"; a proposal "is accepted with Accept proposal (Alt+A)".
    // A chair who Tabs to the button and presses Enter sees it replaced by "Accepted in this meeting": focus must
    // land somewhere in the meeting (the update box, or the accepted note), or the next Tab starts again at the
    // top of the page (WCAG 2.4.3 Focus Order).
    const logged = (date: number, words: string): CellValue[] => [
      date,
      "HRC-001",
      "Ali Khan",
      words,
      "No",
      12,
      "Treat",
      "IRIS Risks",
      "",
    ];
    const { user } = await begin([
      register("IRIS Risks", risk({ id: "HRC-001", title: "Third-party claims", lastReview: "15/09/2022" })),
      {
        name: "Risk Update History",
        values: [
          ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Register", "Changes"],
          logged(44788, "Claims still high"),
          logged(44819, "Claims still high after the insurer's audit"),
        ],
        numberFormats: [[null], ["dd/mm/yyyy"], ["dd/mm/yyyy"]],
      },
    ]);
    const accept = within(card()).getByRole("button", { name: /Accept proposal/ });
    accept.focus();
    await user.keyboard("{Enter}");
    await within(card()).findByText("Accepted in this meeting (Update Log)");
    expect(said()).toMatch(/Proposal accepted for HRC-001: Escalate/);
    expect(document.activeElement).not.toBe(document.body);
    expect(screen.getByRole("main")).toContainElement(document.activeElement as HTMLElement);
  });
});
