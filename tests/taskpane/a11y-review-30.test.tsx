/** @jest-environment jsdom */
// Accessibility review (rv-a11y30) of the pane UI added since the earlier reviews (a11y-review.test.tsx,
// check-view-review.test.tsx), held to the brief: "keyboard-first, screen-reader friendly (UK public sector:
// WCAG 2.2 AA), readable at the task pane's 320–350 px width". Every test drives the real App over the strict
// fake Excel host with the real engine, from the keyboard (userEvent.tab / keyboard), and names the WCAG
// success criterion it rests on. Tests named "guard:" pass today and keep behaviour a fix must not break;
// "(judgement)" marks where SPEC and README are silent and an officer's reading (and WCAG) decides.
//
// The views:
//   - the meeting card: several own actions kept one a line, each with its own status and due date fields;
//     actions-sheet rows; the appetite line; a proposal; the history table with "no score" months; the notes a
//     record leaves (no column for the month);
//   - the Check view's sheet list: column pickers for a field kept month by month ("Update Jul-22 …"), and the
//     collapsed entry of a Closed Risks sheet ("read as closed risks");
//   - the Import view's mapping (the month's column an update is written to) and preview notes (IRIS's action
//     not written, a new risk below a CLOSED RISKS heading, a register with no column for the import's month);
//   - the Settings view's appetite per category.
//
// Failing when written (10 of 20): actions-sheet fields named only "Status"/"Due"; a record's notes (no Oct-22
// column) never announced, and shown under the next card without naming their risk; "impact ?" on the card; the
// collapsed Closed Risks entry's "1 rows"; the focused month picker disabled during its re-check; the stale-
// settings notice announced mid-correction; "No changes" announced for a preview held back by a missing month
// column; the preview's notes neither exposed as warnings nor announced.
//
// Layout: jsdom lays nothing out, so every element's offsetParent is null and Fluent's focus manager (tabster)
// takes every control for display:none; Tab then falls to <body> (the reason earlier reviews only listed the Tab
// order). Here offsetParent is given its browser meaning (null only under display:none or [hidden]) so Tab
// moves as in a browser and user.tab() can walk the pane. Colours, spacing and target sizes (WCAG 2.5.8) are
// not testable here: tests/setup/no-fluent-css-in-jsdom.ts drops every CSS rule but display and visibility,
// and no control of these views carries an inline size; contrast and sizes are for tests/e2e in Chromium. axe
// runs with color-contrast off for the same reason.

import * as util from "util";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import axe from "axe-core";
import { computeAccessibleDescription, computeAccessibleName } from "dom-accessibility-api";
import { webLightTheme } from "@fluentui/react-components";
import { disposeTabster, getTabster } from "tabster";
import { App } from "../../src/taskpane/App";
import * as engine from "../../src/taskpane/engine";
import { createOfficeGateway } from "../../src/excel/office-gateway";
import { loadSettings, saveSettings } from "../../src/excel/settings-store";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import { installFakeExcel, uninstallFakeExcel, type FakeSheetSpec } from "../fakes/fake-excel";
import { renderPane } from "./start-meeting";
import { csvLine, fileOf } from "./import-files";
import { spokenText } from "./helpers/spoken";

jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 15_000 });
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

type User = ReturnType<typeof userEvent.setup>;

// ---------------------------------------------------------------------------------------------------------
// A browser's offsetParent, so tabster moves Tab as it does in Excel's web view (see the head comment).

/** True unless the element or an ancestor is display:none or [hidden]. */
function displayed(el: HTMLElement): boolean {
  for (let e: HTMLElement | null = el; e; e = e.parentElement) {
    if (e.hidden || getComputedStyle(e).display === "none") return false;
  }
  return true;
}

const jsdomOffsetParent = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetParent");
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      return displayed(this) ? this.parentElement : null;
    },
  });
  // Tabster also asks whether <body> has a size (a body of 0 × 0 is a hidden iframe's): the pane is 350 px wide.
  jest.spyOn(document.body, "getBoundingClientRect").mockReturnValue({
    ...{ x: 0, y: 0, top: 0, left: 0, right: 350, bottom: 900, width: 350, height: 900 },
    toJSON: () => ({}),
  } as DOMRect);
});
afterAll(() => {
  if (jsdomOffsetParent) Object.defineProperty(HTMLElement.prototype, "offsetParent", jsdomOffsetParent);
  jest.restoreAllMocks();
});
afterEach(() => {
  // Tabster (Fluent's focus manager) is one per window: a modalizer or mover left from one test would
  // steer the next.
  const tabster = getTabster(window);
  if (tabster) disposeTabster(tabster);
  uninstallFakeExcel();
  localStorage.clear();
});

// ---------------------------------------------------------------------------------------------------------
// What a screen reader is given.

/** The accessible name of the focused element, or "<body>" when focus fell to the page. */
function focusedName(): string {
  const el = document.activeElement;
  if (!el || el === document.body) return "<body>";
  return computeAccessibleName(el);
}

/** Accessible names of the elements Tab reaches next, pressing it `n` times from where focus is. */
async function tabNames(user: User, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    await user.tab();
    out.push(focusedName());
  }
  return out;
}

/** False when the element or an ancestor is hidden or aria-hidden (out of the accessibility tree). */
function exposed(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.getAttribute("aria-hidden") === "true" || (e as HTMLElement).hidden) return false;
  }
  return true;
}

const LIVE = '[role="status"], [role="alert"], [role="log"], [aria-live="polite"], [aria-live="assertive"]';

/**
 * Every text a screen reader is given through a live region while it runs: each time an exposed live region's
 * text changes, its new text is noted (in order; a region that empties is not).
 */
function recordAnnouncements(): { said(): string[]; stop(): void } {
  const last = new Map<Element, string>();
  const said: string[] = [];
  const look = () => {
    for (const region of Array.from(document.querySelectorAll(LIVE))) {
      const text = exposed(region) ? (region.textContent ?? "").trim() : "";
      if (text !== (last.get(region) ?? "") && text !== "") said.push(text);
      last.set(region, text);
    }
  };
  look();
  said.length = 0;
  const mo = new MutationObserver(look);
  mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  return { said: () => [...said], stop: () => mo.disconnect() };
}

/** axe-core's violations in the pane as it stands ("rule: target" each), contrast left to the browser tests. */
async function axeViolations(): Promise<string[]> {
  const r = await axe.run(document.body, {
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false } },
  });
  return r.violations.flatMap((v) =>
    v.nodes
      // Tabster's focus trampolines (<i data-tabster-dummy aria-hidden tabindex=0>): a known aria-hidden-focus
      // false positive, dropped as tests/e2e/harness.ts drops it.
      .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
      .map((n) => `${v.id}: ${n.target.join(" ")}`),
  );
}

/** The levels of the headings a screen reader lists, in order, where a level is never skipped going down. */
function headingLevelsSkipped(): string[] {
  const levels = screen.getAllByRole("heading").map((h) => Number(h.tagName.slice(1)));
  return levels.flatMap((l, i) => (i > 0 && l > levels[i - 1] + 1 ? [`h${levels[i - 1]} → h${l}`] : []));
}

// ---------------------------------------------------------------------------------------------------------
// The meeting's workbook: a highways register keeping its updates a column a month (to Sep-22), with several
// own actions one a line, an actions sheet and an Update Log. Met in October, before an Oct-22 column exists.

const MEETING = "2022-10-10";
const serial = (y: number, m: number, d: number): number =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

//                       A          B             C           D            E             F         G
const MEETING_HEADER = [
  ...["Risk ID", "Risk Title", "Category", "Risk Owner", "Likelihood", "Impact", "Score"],
  // H     I           J                     K                L                M
  ...["RAG", "Strategy", "Mitigating Actions", "Update Jul-22", "Update Aug-22", "Update Sep-22"],
  // N           O               P                  Q
  ...["Risk Status", "Action Owner", "Action Due Date", "Action Status"],
];

function meetingWorkbook(): FakeSheetSpec[] {
  const log: CellValue[][] = [
    ["Date", "Register", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Changes"],
    [serial(2022, 8, 22), "Highways Risks", "HRC-101", "Jane Smith", "August: patching", "", 16, "Treat", ""],
    [
      serial(2022, 9, 21),
      "Highways Risks",
      "HRC-101",
      "Jane Smith",
      "September: patching",
      "",
      16,
      "Treat",
      "",
    ],
  ];
  return [
    {
      name: "Highways Risks",
      values: [
        MEETING_HEADER,
        // HRC-101: 16, above the Highways appetite (Minimal, 6) for months: proposed for escalation. Two own
        // actions one a line, each with its owner, due date and status on its own line.
        [
          ...["HRC-101", "A38 carriageway failure", "Highways", "Jane Smith", 4, 4, 16, "Red", "Treat"],
          "1. Resurface A38 northbound\n2. Replace warning signage",
          ...["July: patching", "August: patching", "September: patching", "Open"],
          ...["JS\nAL", "30/11/2022\n31/12/2022", "In progress\nNot started"],
        ],
        // HRC-102: its actions on the Actions sheet (ACT-7, ACT-8); updated in July only.
        [
          ...["HRC-102", "Gully cleansing backlog", "Drainage", "Sam Okafor", 2, 3, 6, "Amber", "Tolerate"],
          ...["See the actions sheet", "July: tanker hired", null, null, "Open", null, null, null],
        ],
        // HRC-103: impact still to be assessed (TBC), so no score.
        [
          ...[
            "HRC-103",
            "Street lighting column failures",
            "Highways",
            "Tom Ng",
            3,
            "TBC",
            null,
            null,
            "Treat",
          ],
          ...["Structural testing", "July: testing begun", null, null, "Open", null, null, null],
        ],
      ],
    },
    {
      name: "Actions",
      values: [
        ["Action ID", "Risk ID", "Action Description", "Action Owner", "Target Date", "Action Status"],
        ["ACT-7", "HRC-102", "Hire a second gully tanker", "Sam Okafor", "30/11/2022", "In progress"],
        ["ACT-8", "HRC-102", "Clear the A-road backlog", "Sam Okafor", "31/12/2022", "Not started"],
      ],
    },
    {
      name: "Update Log",
      values: log,
      numberFormats: log.map((r) => [typeof r[0] === "number" ? "dd/mm/yyyy" : null]),
    },
  ];
}

function settingsAsAt(asAt: string, over: Partial<Settings> = {}): Settings {
  const s = defaultSettings();
  return { ...s, asAt, appetite: { ...s.appetite, categories: { Highways: "minimal" } }, ...over };
}

/** Checks from the Review view and starts the October meeting, all from the keyboard. */
async function startMeeting(): Promise<User> {
  installFakeExcel({ sheets: meetingWorkbook(), apiVersion: "1.13" });
  await saveSettings(settingsAsAt(MEETING));
  const { user } = renderPane("review");
  const check = await screen.findByRole("button", { name: "Check the workbook" });
  await waitFor(() => expect(check).toBeEnabled());
  act(() => check.focus());
  await user.keyboard("{Enter}");
  const name = await screen.findByRole("textbox", { name: /Your name/ });
  act(() => name.focus());
  await user.keyboard("Jane Smith");
  fireEvent.change(screen.getByLabelText(/Meeting date/), { target: { value: MEETING } });
  act(() => screen.getByRole("button", { name: "Start meeting" }).focus());
  await user.keyboard("{Enter}");
  await screen.findByText("Risk 1 of 3");
  return user;
}

const cardHeading = (): string => screen.getByRole("heading", { level: 2 }).textContent ?? "";
const card = (): HTMLElement => screen.getByRole("region", { name: /^HRC-\d+:/ });

/** Goes to `id`'s card with Alt+N / Alt+P from the update box (the queue's order is the pane's to choose). */
async function goToCard(user: User, id: string): Promise<void> {
  for (const key of ["n", "p"]) {
    for (let i = 0; i < 3 && !cardHeading().startsWith(`${id}:`); i++) {
      const before = cardHeading();
      act(() => screen.getByRole("textbox", { name: /^Update for/ }).focus());
      await user.keyboard(`{Alt>}${key}{/Alt}`);
      await waitFor(() => expect(cardHeading()).not.toBe(before)).catch(() => undefined);
    }
  }
  expect(cardHeading()).toMatch(new RegExp(`^${id}:`));
}

/** Opens "Change scores, strategy, owner or actions" with Enter. */
async function openChanges(user: User): Promise<void> {
  const more = screen.getByRole("button", { name: "Change scores, strategy, owner or actions" });
  act(() => more.focus());
  await user.keyboard("{Enter}");
  expect(more).toHaveAttribute("aria-expanded", "true");
}

/**
 * Text as the pane shows it, found outside the live region (fx-a11y30: since fc1cafc the live region says a
 * record's notes too, and the preview's status says why nothing is written, in the same words as shown).
 */
function shownText(words: RegExp): Promise<HTMLElement> {
  return screen.findByText(words, { ignore: 'script, style, [role="status"]' });
}

/** Types an update in the focused card's box and records it with Ctrl+Enter. */
async function recordUpdate(user: User, id: string, words: string): Promise<void> {
  act(() => screen.getByRole("textbox", { name: `Update for ${id}` }).focus());
  await user.keyboard(`${words}{Control>}{Enter}{/Control}`);
  await screen.findByText(new RegExp(`Recorded an update for ${id}\\.`));
}

// =========================================================================================================

describe("Meeting card: own actions one a line, actions-sheet rows, appetite, history (Review view)", () => {
  it("guard: Tab walks HRC-101's card and its change form in the order they are shown, each control named for its risk or action", async () => {
    // WCAG 2.4.3 Focus Order, 2.1.1 Keyboard, 4.1.2 Name, Role, Value. README: "the card lists each and
    // offers each its own status and due date, labelled by the action (`Action 2 'Review claims' due date`)".
    const user = await startMeeting();
    await goToCard(user, "HRC-101");
    expect(focusedName()).toBe("Update for HRC-101");
    await user.tab({ shift: true });
    expect(focusedName()).toBe("Accept proposal (Alt+A)");
    const last = screen.getByText(/^Risk \d of 3$/).textContent === "Risk 3 of 3";
    const first = screen.getByRole("button", { name: /^Previous/ }).hasAttribute("disabled");
    const expected = [
      "Update for HRC-101",
      "Record (Ctrl+Enter)",
      "No change this month (Alt+0)",
      ...(first ? [] : ["Previous (Alt+P)"]),
      ...(last ? [] : ["Next (Alt+N)"]),
      "Skip (Alt+S)",
      "Change scores, strategy, owner or actions",
    ];
    expect(await tabNames(user, expected.length)).toEqual(expected);
    await user.keyboard("{Enter}");
    expect(document.activeElement).toHaveAttribute("aria-expanded", "true");
    // fx-meet31: each action's owner, kept one a line in the Action Owner cell, is changed here too, after its
    // status and due date, named by its action as they are.
    expect(await tabNames(user, 12)).toEqual([
      "Likelihood",
      "Impact",
      "Strategy",
      "Owner",
      "Action 1 'Resurface A38 northbound' status",
      "Action 1 'Resurface A38 northbound' due date",
      "Action 1 'Resurface A38 northbound' owner",
      "Action 2 'Replace warning signage' status",
      "Action 2 'Replace warning signage' due date",
      "Action 2 'Replace warning signage' owner",
      "Change filters",
      "End meeting",
    ]);
    // Each action's fields are a group named by the action.
    for (const n of [1, 2])
      expect(
        screen.getByRole("group", { name: new RegExp(`^Action ${n} '.*' on the register$`) }),
      ).toBeInTheDocument();
  });

  it("(judgement) each field of an action kept on the actions sheet names its action (ACT-7, ACT-8), as the fields of actions kept one a line do", async () => {
    // WCAG 2.4.6 Headings and Labels, 3.2.4 Consistent Identification. The own actions' fields are named
    // "Action 1 'Resurface A38 northbound' status"; the actions sheet's are named "Status" and "Due", twice
    // over on HRC-102's card: a screen reader's form list (or a user of voice control saying "click Status")
    // meets two "Status" and two "Due" fields with nothing to tell ACT-7's from ACT-8's.
    const user = await startMeeting();
    await goToCard(user, "HRC-102");
    await openChanges(user);
    const fields = ["ACT-7", "ACT-8"].flatMap((id) =>
      Array.from(
        screen.getByRole("group", { name: `Action ${id}` }).querySelectorAll<HTMLElement>("input"),
      ).map((el) => computeAccessibleName(el)),
    );
    expect(fields).toEqual([
      expect.stringMatching(/ACT-7.*status/i),
      expect.stringMatching(/ACT-7.*due/i),
      expect.stringMatching(/ACT-8.*status/i),
      expect.stringMatching(/ACT-8.*due/i),
    ]);
  });

  it("a record whose update the register cannot hold (no Oct-22 column) says so through a live region, not only in an info bar", async () => {
    // WCAG 4.1.3 Status Messages. README Review: "where the register has no column for that month yet, the
    // update … goes to the Update Log only, never over an earlier month's words, and the pane says so: add the
    // month's column to keep it on the register". The pane says so in a Fluent MessageBar (role="group", not a
    // live region); the live region says only "Recorded an update for HRC-101. Risk … Recorded in this
    // meeting." A screen-reader user hears that the update was recorded and never that it is not on the register.
    const user = await startMeeting();
    await goToCard(user, "HRC-101");
    const live = recordAnnouncements();
    await recordUpdate(user, "HRC-101", "Resurfacing booked for November");
    await shownText(/has no Oct-22 column to hold the update/);
    live.stop();
    expect(live.said().join(" | ")).toMatch(/no Oct-22 column/);
  });

  it("(judgement) the note a record leaves names the risk it is about, as it is shown under the next risk's card", async () => {
    // WCAG 1.3.1 Info and Relationships, 2.4.6. After Ctrl+Enter the meeting moves on to the next risk, and the
    // note about the risk just recorded ("Highways Risks has no Oct-22 column to hold the update …") is shown
    // between the next risk's card and its update box, without naming the risk it concerns: the chair (and a
    // screen reader reading on from the new card's heading) takes it for the risk now on screen.
    const user = await startMeeting();
    await goToCard(user, "HRC-102");
    await recordUpdate(user, "HRC-102", "Second tanker on hire from November");
    const note = await shownText(/has no Oct-22 column to hold the update/);
    expect(cardHeading()).not.toMatch(/^HRC-102:/);
    expect(note.textContent).toMatch(/HRC-102/);
  });

  it("guard: Ctrl+Enter records, focus lands in the next risk's update box, and the record is announced once", async () => {
    // WCAG 2.4.3 Focus Order (focus never falls to <body> after an action), 4.1.3 Status Messages (announced,
    // once: the App's own status region does not repeat it).
    const user = await startMeeting();
    const first = cardHeading().split(":")[0];
    const live = recordAnnouncements();
    await recordUpdate(user, first, "Reviewed with the contractor");
    await waitFor(() => expect(cardHeading()).not.toMatch(new RegExp(`^${first}:`)));
    const next = cardHeading().split(":")[0];
    await waitFor(() => expect(focusedName()).toBe(`Update for ${next}`));
    live.stop();
    expect(live.said().filter((t) => t.includes(`Recorded an update for ${first}.`))).toHaveLength(1);
  });

  it("guard: Enter on 'Accept proposal (Alt+A)' keeps focus in the card's form and announces the acceptance once", async () => {
    // WCAG 2.4.3 (the button pressed is replaced by a badge: focus must not fall to <body>), 4.1.3.
    const user = await startMeeting();
    await goToCard(user, "HRC-101");
    await user.tab({ shift: true });
    expect(focusedName()).toBe("Accept proposal (Alt+A)");
    const live = recordAnnouncements();
    await user.keyboard("{Enter}");
    await within(card()).findByText("Accepted in this meeting (Update Log)");
    await waitFor(() => expect(focusedName()).toBe("Update for HRC-101"));
    live.stop();
    expect(live.said().filter((t) => t.startsWith("Proposal accepted for HRC-101"))).toHaveLength(1);
  });

  it("(judgement) HRC-103's score, with its impact still TBC, is read in words, never as '?'", async () => {
    // WCAG 1.3.1 / 2.4.6 (readable by a screen reader). Commit 9456987: "a score the register or a month does not
    // give reads 'no score' (history table, Check view detail, meeting card), not '?' (read aloud as 'question
    // mark')". The card's Score still reads "no score (likelihood 3 × impact ?)": at a screen reader's default
    // punctuation level the "?" is not read at all ("likelihood 3 times impact"), and at full level it is
    // "question".
    const user = await startMeeting();
    await goToCard(user, "HRC-103");
    const score = within(card()).getByText("Score", { selector: "dt" }).nextElementSibling as HTMLElement;
    expect(spokenText(score)).toMatch(/^no score/);
    expect(spokenText(score)).not.toContain("?");
  });

  it("guard: nothing on HRC-101's card is said by colour alone: RAG words beside the badges and in every history month, the appetite in words", async () => {
    // WCAG 1.4.1 Use of Color, 1.1.1 (the trend arrow has words). README: the pane "shows severity by icon and
    // text as well as colour".
    const user = await startMeeting();
    await goToCard(user, "HRC-101");
    const c = card();
    const fact = (dt: string) =>
      spokenText(within(c).getByText(dt, { selector: "dt" }).nextElementSibling as HTMLElement).trim();
    expect(fact("Score")).toBe("16 (likelihood 4 × impact 4) Red");
    expect(fact("Appetite")).toBe("Minimal, up to 6 (Highways) — above appetite");
    expect(fact("Direction")).toBe("no change");
    expect(within(c).getByText("Updated this month")).toBeInTheDocument();
    const rows = within(within(c).getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      const score = (row.children[1] as HTMLElement).textContent ?? "";
      expect(score).toMatch(/^(\d+ (Red|Amber|Green)|no score)( \(carried\))?$/);
    }
    // The finding on the card: its severity in words beside the icon.
    expect(within(c).getByText(/above the appetite for Highways/).textContent).toMatch(/^Warning /);
  });

  it("guard: axe finds nothing on the card with its change form open, nor after a record leaves its notes; headings go h1 → h2 → h3", async () => {
    // WCAG 4.1.2, 1.3.1, 2.4.6 (axe-core, as the browser tests run it; contrast is theirs).
    const user = await startMeeting();
    await goToCard(user, "HRC-101");
    await openChanges(user);
    expect(await axeViolations()).toEqual([]);
    expect(headingLevelsSkipped()).toEqual([]);
    await recordUpdate(user, "HRC-101", "Resurfacing booked for November");
    await shownText(/has no Oct-22 column/);
    expect(await axeViolations()).toEqual([]);
    expect(headingLevelsSkipped()).toEqual([]);
  });
});

// =========================================================================================================
// The Check view's sheet list: a register keeping its updates a column a month (Jul-22 … Oct-22, as at 30
// September) and a Closed Risks sheet.

const CHECK_AS_AT = "2022-09-30";
const MONTH_REGISTER = [
  ...["Risk ID", "Risk Title", "Risk Owner", "Likelihood", "Impact", "Score", "RAG", "Strategy"],
  ...[
    "Mitigating Actions",
    "Risk Status",
    "Update Jul-22",
    "Update Aug-22",
    "Update Sep-22",
    "Update Oct-22",
  ],
];

function checkWorkbook(): FakeSheetSpec[] {
  return [
    {
      name: "Highways Risks",
      values: [
        MONTH_REGISTER,
        [
          ...["HRC-101", "A38 carriageway failure", "Jane Smith", 4, 4, 16, "Red", "Treat", "Resurface"],
          ...["Open", "July: patching", "August: patching", "September: patching", null],
        ],
        [
          ...["HRC-102", "Gully cleansing backlog", "Sam Okafor", 2, 3, 6, "Amber", "Tolerate", "Tanker"],
          ...["Open", "July: tanker hired", null, null, null],
        ],
      ],
    },
    {
      name: "Closed Risks",
      values: [
        [...MONTH_REGISTER.slice(0, 10), "Latest Update", "Date of Last Review"],
        [
          ...["HRC-090", "Depot lease expiry", "Jane Smith", 1, 4, 4, "Green", "Tolerate", "Lease renewed"],
          ...["Closed", "Renewed to 2030", "01/03/2022"],
        ],
      ],
    },
  ];
}

/** Opens the Check view on the month register and checks it from the keyboard. */
async function openChecked(): Promise<User> {
  installFakeExcel({ sheets: checkWorkbook(), apiVersion: "1.13" });
  await saveSettings(settingsAsAt(CHECK_AS_AT));
  const { user } = renderPane("check");
  const button = await screen.findByRole("button", { name: "Check workbook" });
  await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled", "true"));
  act(() => button.focus());
  await user.keyboard("{Enter}");
  await waitFor(() =>
    expect(screen.getByRole("button", { name: "Check again" })).not.toHaveAttribute("aria-disabled", "true"),
  );
  return user;
}

/** Expands a sheet's entry with Enter on its header; returns the header. */
async function expandSheet(user: User, name: string): Promise<HTMLElement> {
  const header = screen.getByRole("button", { name: new RegExp(`^${name} `) });
  act(() => header.focus());
  await user.keyboard("{Enter}");
  expect(header).toHaveAttribute("aria-expanded", "true");
  return header;
}

/** "K · Update Jul-22 = Latest update — Jul-22": a picker's name and the option it shows, as a screen reader reads it. */
function pickerSays(el: Element): string {
  return `${computeAccessibleName(el)} = ${(el as HTMLSelectElement).selectedOptions[0]?.textContent ?? ""}`;
}

describe("Check view: month columns and a Closed Risks sheet in the sheet list", () => {
  it("(judgement) the collapsed Closed Risks entry is read as 'read as closed risks' and counts its one row as '1 row'", async () => {
    // WCAG 2.4.6 / readable text. README: "a sheet of closed risks or opportunities says what it was read as in
    // its entry's summary line". The collapsed header is what a screen reader reads for the entry (its button's
    // name); it says "… 12 of 12 columns recognised · 1 rows".
    await openChecked();
    const closed = screen.getByRole("button", { name: /^Closed Risks / });
    expect(closed).toHaveAttribute("aria-expanded", "false");
    expect(computeAccessibleName(closed)).toBe(
      "Closed Risks Risk register · read as closed risks · headers in row 1 · 12 of 12 columns recognised · 1 row",
    );
  });

  it("guard: Enter opens the register's entry in place, Tab walks its column pickers A → N, each month's picker saying its column, month and what it is read as; axe finds nothing", async () => {
    // WCAG 2.1.1, 2.4.3, 4.1.2. README: "each month's column of a field kept month by month [is shown] as that
    // field by month, `Latest update — Jul-22`"; a month after the as-at date "is not read yet".
    const user = await openChecked();
    const header = await expandSheet(user, "Highways Risks");
    expect(document.activeElement).toBe(header);
    const said: string[] = [];
    for (let i = 0; i < 14; i++) {
      await user.tab();
      said.push(pickerSays(document.activeElement as Element));
    }
    expect(said.map((s) => s.split(" · ")[0])).toEqual("ABCDEFGHIJKLMN".split(""));
    expect(said.slice(10)).toEqual([
      "K · Update Jul-22 = Latest update — Jul-22",
      "L · Update Aug-22 = Latest update — Aug-22",
      "M · Update Sep-22 = Latest update",
      "N · Update Oct-22 = Latest update — Oct-22 (after the as-at date, not read yet)",
    ]);
    // Next stop: the Closed Risks entry's header, still collapsed.
    await user.tab();
    expect(focusedName()).toMatch(/^Closed Risks /);
    await expandSheet(user, "Closed Risks");
    expect(await axeViolations()).toEqual([]);
    expect(headingLevelsSkipped()).toEqual([]);
  });

  it("the month picker the officer changes keeps focus through the re-check: it is never disabled while it has focus", async () => {
    // WCAG 2.4.3 Focus Order. Correcting a column saves the correction and checks again; meanwhile SheetList
    // renders every picker disabled={busy}. The picker that has focus gets the disabled attribute, and in
    // Chromium (Excel on the web, and WebView2 in Excel for Windows) a focused control that becomes disabled
    // loses focus to <body>: the officer must Tab from the top of the pane back to the 11th column. The pane
    // knows this elsewhere: SettingsView keeps Save "focusable while busy: a disabled button would drop the
    // focus it has to <body>", and End meeting does the same.
    const user = await openChecked();
    await expandSheet(user, "Highways Risks");
    for (let i = 0; i < 11; i++) await user.tab();
    const picker = document.activeElement as HTMLSelectElement;
    expect(computeAccessibleName(picker)).toBe("K · Update Jul-22");
    const disabledWhileFocused: string[] = [];
    const mo = new MutationObserver((records) => {
      for (const r of records)
        if (r.target === document.activeElement && (r.target as Element).hasAttribute("disabled"))
          disabledWhileFocused.push(computeAccessibleName(r.target as Element));
    });
    mo.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["disabled"] });
    await user.selectOptions(picker, "Not used (kept as it is)");
    await waitFor(() =>
      expect(pickerSays(screen.getByRole("combobox", { name: "K · Update Jul-22" }))).toBe(
        "K · Update Jul-22 = Not used (kept as it is)",
      ),
    );
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Check again" })).not.toHaveAttribute(
        "aria-disabled",
        "true",
      ),
    );
    mo.disconnect();
    expect(disabledWhileFocused).toEqual([]);
    expect(focusedName()).toBe("K · Update Jul-22");
  });

  it("(judgement) correcting a column does not announce that the results follow the settings before, while the pane is checking again", async () => {
    // WCAG 4.1.3 Status Messages (a status message is one that is true). README: "Once settings are saved with a
    // change …, the view says above its results that they follow the settings before, until it is checked
    // again." A correction is saved and checked again at once; between the two the view puts up that notice,
    // a role="status" bar, so a screen reader says "The settings have changed since this check … Check again to
    // see them under the saved settings" — an instruction that is already out of date, heard beside "Checking
    // the workbook" and "Check finished".
    const user = await openChecked();
    await expandSheet(user, "Highways Risks");
    for (let i = 0; i < 11; i++) await user.tab();
    const live = recordAnnouncements();
    await user.selectOptions(document.activeElement as HTMLSelectElement, "Not used (kept as it is)");
    await waitFor(() => expect(live.said().join(" | ")).toMatch(/Check finished/));
    live.stop();
    expect(live.said().filter((t) => /settings have changed since this check/i.test(t))).toEqual([]);
  });
});

// =========================================================================================================
// The Import view: a register keeping its updates a column a month, and a register with several own actions one a
// line and a CLOSED RISKS heading at its foot.

const IMPORT_HEADER = [
  ...["Risk ID", "Risk Title", "Risk Owner", "Current Likelihood", "Current Impact", "Risk Score"],
  ...["Risk Response Strategy", "Risk Status"],
];
const IMPORT_ROWS: CellValue[][] = [
  ["HRC-001", "Gritting fleet", "J. Patel", 3, 3, 9, "Treat", "Open"],
  ["HRC-002", "Lighting columns", "S. Okafor", 2, 3, 6, "Tolerate", "Open"],
];

/** The register keeping its updates Jul-22 … Sep-22 (I, J, K), each risk's July words filled. */
function monthImportRegister(): FakeSheetSpec {
  return {
    name: "Highways Risks",
    values: [
      [...IMPORT_HEADER, "Update Jul-22", "Update Aug-22", "Update Sep-22"],
      ...IMPORT_ROWS.map((r) => [...r, "July words", null, null]),
    ],
  };
}

/** IRIS's export: HRC-001 with new words, HRC-002 as July said. */
const monthExport = [
  csvLine([...IMPORT_HEADER, "Review Commentary"]),
  csvLine([...(IMPORT_ROWS[0] as (string | number)[]), "Salt barn restocked"]),
  csvLine([...(IMPORT_ROWS[1] as (string | number)[]), "July words"]),
].join("\r\n");

const OWN_HEADER = [
  ...IMPORT_HEADER,
  "Review Commentary",
  "Action Owner",
  "Action Due Date",
  "Action Status",
];

/** HRC-001 keeps two open actions of one owner one a line; a CLOSED RISKS heading ends the live risks. */
function ownLinesRegister(): FakeSheetSpec {
  return {
    name: "Highways Risks",
    values: [
      OWN_HEADER,
      [...IMPORT_ROWS[0], "Fleet checked", "JS\nJS", "31/10/2022\n31/12/2022", "In progress\nIn progress"],
      [...IMPORT_ROWS[1], "Testing", null, null, null],
      ["CLOSED RISKS"],
      ["HRC-050", "Old salt barn", "T. Ng", 1, 4, 4, "Tolerate", "Closed", "Demolished", null, null, null],
    ],
  };
}

/** IRIS's export: HRC-001's one action (JS, 31/01/2023) and a new risk, HRC-003. */
const ownLinesExport = [
  csvLine(OWN_HEADER),
  csvLine([...(IMPORT_ROWS[0] as (string | number)[]), "Fleet checked", "JS", "31/01/2023", "In progress"]),
  csvLine([...(IMPORT_ROWS[1] as (string | number)[]), "Testing", "", "", ""]),
  csvLine([
    "HRC-003",
    "Bridge inspections",
    "M. Reid",
    3,
    5,
    15,
    "Transfer",
    "Open",
    "New",
    "MR",
    "31/03/2023",
    "Open",
  ]),
].join("\r\n");

/** Opens the Import view over `register` as at `asAt` and picks the export; returns at the mapping step. */
async function mapExport(register: FakeSheetSpec, asAt: string, csv: string): Promise<User> {
  installFakeExcel({ sheets: [register], apiVersion: "1.13" });
  await saveSettings(settingsAsAt(asAt));
  const { user } = renderPane("import");
  const choose = await screen.findByRole("button", { name: "Choose an .xlsx or .csv file…" });
  await waitFor(() => expect(choose).toBeEnabled());
  fireEvent.change(screen.getByTestId("import-file"), { target: { files: [fileOf("iris.csv", csv)] } });
  await screen.findByRole("heading", { name: "Map the columns of “iris.csv”" });
  return user;
}

/** Enter on Preview changes; waits for the preview. */
async function previewByKeyboard(user: User): Promise<void> {
  act(() => screen.getByRole("button", { name: "Preview changes" }).focus());
  await user.keyboard("{Enter}");
  await screen.findByRole("heading", { name: "What the import would change" });
}

/** The preview's notes: the warning bars between its opening sentence and its lists. */
function previewNotes(): HTMLElement[] {
  const step = screen.getByRole("heading", { name: "What the import would change" }).parentElement!;
  return Array.from(step.querySelectorAll<HTMLElement>(".fui-MessageBar"));
}

describe("Import view: the month's column, and the preview's notes", () => {
  it("guard: the picker of the export's update column is described with the month's column it is written to", async () => {
    // WCAG 1.3.1, 3.3.2 Labels or Instructions. README Import: "the export's update or score is written in the
    // import's as-at month's column (the mapping step names it)". A screen reader reads the picker's name (the
    // export's header) and its description, where the column is named.
    await mapExport(monthImportRegister(), CHECK_AS_AT, monthExport);
    const picker = screen.getByRole("combobox", { name: "Review Commentary" });
    expect(picker).toHaveTextContent("Latest update");
    expect(computeAccessibleDescription(picker)).toMatch(
      /Written to “Update Sep-22” \(column K\), the column of Sep-22, the import's month/,
    );
  });

  it("a preview that writes nothing because the register has no Oct-22 column is not announced as 'No changes'", async () => {
    // WCAG 4.1.3 Status Messages. Commit 4299b2b: "a preview writing nothing because of it does not say the register
    // already matches"; README: "where the register has no column for that month … the value is not written, and
    // the preview … say[s] whose and why". On screen the step says "Nothing will be written: the register has no
    // column for some of the export's values"; the live region announces "No changes: nothing will be written."
    // — to a screen-reader user, the register already matches IRIS.
    const user = await mapExport(monthImportRegister(), MEETING, monthExport);
    const live = recordAnnouncements();
    await previewByKeyboard(user);
    await shownText(/Nothing will be written: the register has no column/);
    live.stop();
    const said = live.said().join(" | ");
    expect(said).not.toMatch(/No changes/);
    expect(said).toMatch(/no column/i);
  });

  it("(judgement) each note of the preview is exposed as a warning, not only by its amber bar and icon", async () => {
    // WCAG 1.3.1 Info and Relationships (what presentation conveys is programmatically determinable), 1.4.1.
    // The two notes (IRIS's action for HRC-001 not written; HRC-003 written below CLOSED RISKS) are Fluent
    // MessageBars: role="group" named by their own text, icon aria-hidden. Sighted officers see a warning; a
    // screen reader says "group" and the sentence, as it would for the preview's plain paragraphs.
    const user = await mapExport(ownLinesRegister(), MEETING, ownLinesExport);
    await previewByKeyboard(user);
    const notes = previewNotes();
    expect(notes.map((n) => n.textContent)).toEqual([
      expect.stringMatching(/HRC-001's actions are kept one a line on the register[^]*was not written/),
      // fx-a11y30: since d8e1f67 (after this review was written) the import heads its new risks with a row of
      // their own rather than writing them below CLOSED RISKS; the note says so.
      expect.stringMatching(/new risk HRC-003 \(row \d+\)[^]*not as closed under the heading "CLOSED RISKS"/),
    ]);
    for (const note of notes) {
      const role = note.getAttribute("role");
      const spoken = `${computeAccessibleName(note)} ${spokenText(note)}`;
      expect({ role, warns: /\bwarning\b/i.test(spoken) || role === "alert" }).toEqual({
        role: expect.anything(),
        warns: true,
      });
    }
  });

  it("(judgement) the preview's announcement says it carries notes to read before applying, not only how many cells it writes", async () => {
    // WCAG 4.1.3 Status Messages, 3.3.4 Error Prevention (data: the preview is the review before the workbook
    // changes). Focus goes to "Step 3 of 4: Preview" and the live region says "The import would write 12 cells.";
    // the two notes (IRIS's action not written, a new risk the check will read as closed) are not focusable, so a
    // keyboard user tabbing to "Apply the import" passes them unheard, and the button is described by nothing.
    const user = await mapExport(ownLinesRegister(), MEETING, ownLinesExport);
    const live = recordAnnouncements();
    await previewByKeyboard(user);
    live.stop();
    const apply = screen.getByRole("button", { name: "Apply the import" });
    const told = `${live.said().join(" | ")} | ${computeAccessibleDescription(apply)}`;
    expect(told).toMatch(/\b(2|two) (notes|warnings)\b|not written|CLOSED RISKS/i);
  });

  it("guard: axe finds nothing on the preview with its notes; its headings go h1 → h2 → h3 and the notes come before Apply", async () => {
    // WCAG 1.3.1, 1.3.2 Meaningful Sequence, 4.1.2.
    const user = await mapExport(ownLinesRegister(), MEETING, ownLinesExport);
    await previewByKeyboard(user);
    // Focus at the step's top (its "Step 3 of 4" line), not on <body>.
    expect(document.activeElement).toHaveTextContent(/^Step 3 of 4: Preview$/);
    expect(await axeViolations()).toEqual([]);
    expect(headingLevelsSkipped()).toEqual([]);
    const apply = screen.getByRole("button", { name: "Apply the import" });
    for (const note of previewNotes())
      expect(note.compareDocumentPosition(apply) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

// =========================================================================================================
// The Settings view: appetite per category, from the keyboard, saved in the workbook.

/** The pane on the fake host, opened on the Settings view. */
async function openSettings(): Promise<User> {
  installFakeExcel({ sheets: checkWorkbook(), apiVersion: "1.13" });
  await saveSettings({ ...defaultSettings(), asAt: CHECK_AS_AT });
  const user = userEvent.setup({ delay: null });
  render(
    <App
      gateway={createOfficeGateway()}
      loadEngine={() => Promise.resolve(engine)}
      theme={webLightTheme}
      initialView="settings"
    />,
  );
  const save = await screen.findByRole("button", { name: "Save settings" });
  await waitFor(() => expect(save).not.toHaveAttribute("aria-disabled", "true"));
  return user;
}

/** Presses Tab until `name` has focus (at most `max` times); fails if it never does. */
async function tabTo(user: User, name: string, max = 120): Promise<void> {
  for (let i = 0; i < max && focusedName() !== name; i++) await user.tab();
  expect(focusedName()).toBe(name);
}

describe("Settings view: appetite per category", () => {
  it("guard: from the keyboard alone, the appetite fields come in the order shown, Enter in the category box starts a new line, and Save keeps both lines in the workbook", async () => {
    // WCAG 2.1.1, 2.4.3, 4.1.3. SPEC Settings: "appetite levels per category"; README: "stored in the workbook".
    const user = await openSettings();
    act(() => screen.getByRole("textbox", { name: "Averse up to score" }).focus());
    expect(await tabNames(user, 6)).toEqual([
      "Minimal up to score",
      "Cautious up to score",
      "Open up to score",
      "Eager up to score",
      "Level for categories not listed",
      "Appetite by category",
    ]);
    await user.keyboard("Highways: Minimal{Enter}Drainage: Open");
    expect(screen.getByRole("textbox", { name: "Appetite by category" })).toHaveValue(
      "Highways: Minimal\nDrainage: Open",
    );
    expect(await tabNames(user, 1)).toEqual(["Months above appetite before escalating"]);
    await tabTo(user, "Save settings");
    const live = recordAnnouncements();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(live.said().join(" | ")).toMatch(/Settings saved in this workbook\./));
    live.stop();
    expect((await loadSettings()).appetite.categories).toEqual({ Highways: "minimal", Drainage: "open" });
    expect(live.said().filter((t) => t.includes("Settings saved in this workbook."))).toHaveLength(1);
    expect(focusedName()).toBe("Save settings");
  });

  it("guard: a category line without a level is refused on its field (aria-invalid, described, focused) and axe finds nothing", async () => {
    // WCAG 3.3.1 Error Identification, 3.3.3 Error Suggestion, 4.1.2.
    const user = await openSettings();
    const box = screen.getByRole("textbox", { name: "Appetite by category" });
    act(() => box.focus());
    await user.keyboard("Highways Minimal");
    await tabTo(user, "Save settings");
    await user.keyboard("{Enter}");
    await screen.findByText("One setting needs correcting before they can be saved.");
    expect(box).toHaveFocus();
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(computeAccessibleDescription(box)).toMatch(
      /Line 1 \("Highways Minimal"\) must read "Category: Level"/,
    );
    expect(await axeViolations()).toEqual([]);
  });
});
