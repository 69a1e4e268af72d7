/** @jest-environment jsdom */
// The meeting's gaps in changing the register's own actions, closed (fx-meet31), on the real task pane (App →
// Review view → real Office adapter over the strict fake Excel host, real engine), as at 10 October 2022:
// (1) where the Action Owner cell keeps owners one a line, the chair changes one action's owner as its status and
//     due date are changed: a labelled field of its own, that line alone rewritten, logged in the Update Log and the
//     Meeting Record, and made again on the cell as it is now when written anyway over a co-author's change;
// (2) a due date written on an action's own line of the actions text ("Resurface A38 – JS – 31/12/22", "(due
//     Dec-22)") is changed from the card: only that date on that line rewritten, in the officer's own form where
//     that form can hold the date (and the pane says so where it cannot), logged as the other changes are;
// (3) a line-level write made anyway over a co-author's change to the same cell says what happened: their lines
//     kept, only the meeting's rewritten (not "written over a co-author's …").
// SPEC The workbook: a user's cell changes only as the officer asks; What must never happen: a cell overwritten
// without the officer asking. README Review: a change "is written on that action's line of the cell alone".

import * as React from "react";
import { fireEvent, render, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import * as engine from "../../src/taskpane/engine";
import { createOfficeGateway } from "../../src/excel/office-gateway";
import { saveSettings } from "../../src/excel/settings-store";
import { defaultSettings } from "../../src/core/model/settings";
import type { CellValue } from "../../src/core/model/grid";
import { installFakeExcel, uninstallFakeExcel, type FakeHost, type FakeSheetSpec } from "../fakes/fake-excel";
import { writeCellValue } from "../fakes/fake-state";

jest.setTimeout(120_000);

type User = ReturnType<typeof userEvent.setup>;

const AS_AT = "2022-10-10";

const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Risk Score",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Latest Update",
  "Risk Status",
  "Action Owner",
  "Action Due Date",
  "Action Status",
];
const col = (h: string) => HEADERS.indexOf(h);

/** Action 1's owner with a note under it and a blank line before action 2's, CRLF as Excel on Windows keeps them. */
const OWNERS = "JS\r\n(acting)\r\n\r\nAL";
const DUES = "a) 31/10/2022\r\nb) 31/12/2022";
const STATUSES = "In progress\r\nNot started";
const ACTIONS = "a) Resurface A38\nb) Review claims";

interface Row {
  actions?: CellValue;
  owner?: CellValue;
  due?: CellValue;
  status?: CellValue;
}

function register(row: Row = {}): FakeSheetSpec {
  return {
    name: "Annex Risks",
    values: [
      HEADERS,
      [
        "R1",
        "Potholes after the winter",
        "Jane Smith",
        12,
        "Treat",
        row.actions ?? ACTIONS,
        "01/08/2022",
        "Old words",
        "Open",
        row.owner === undefined ? OWNERS : row.owner,
        row.due === undefined ? DUES : row.due,
        row.status === undefined ? STATUSES : row.status,
      ],
      ["R2", "Flooding", "Jane Smith", 6, "Treat", "Gauges", "01/08/2022", "Old words", "Open"],
    ],
  };
}

/** The register as officers keep their actions without own-action cells: each due date on its line of the text. */
const IN_TEXT = "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due Dec-22)\r\n3. Replace gully lids";
const inTextRegister = () => register({ actions: IN_TEXT, owner: null, due: null, status: null });

afterEach(() => {
  uninstallFakeExcel();
  localStorage.clear();
});

async function begin(spec: FakeSheetSpec) {
  const host = installFakeExcel({ sheets: [spec], apiVersion: "1.13" });
  await saveSettings({ ...defaultSettings(), asAt: AS_AT });
  const user = userEvent.setup({ delay: null });
  const pane = render(
    <App
      gateway={createOfficeGateway()}
      loadEngine={() => Promise.resolve(engine)}
      theme={webLightTheme}
      initialView="review"
    />,
  ).container;
  const q = within(pane);
  const check = await q.findByRole("button", { name: "Check the workbook" });
  await waitFor(() => expect(check).toBeEnabled());
  await user.click(check);
  const name = await q.findByRole("textbox", { name: /Your name/ });
  await user.clear(name);
  await user.type(name, "Jane Smith");
  fireEvent.change(q.getByLabelText(/Meeting date/), { target: { value: AS_AT } });
  await user.click(q.getByRole("button", { name: "Start meeting" }));
  await q.findByRole("heading", { level: 2, name: /^R1:/ });
  await user.click(q.getByRole("button", { name: /Change scores, strategy, owner or actions/ }));
  return { host, user, pane, q };
}

async function recordUpdate(pane: HTMLElement, user: User, words: string): Promise<void> {
  await user.click(within(pane).getByRole("textbox", { name: /Update for R1/ }));
  await user.keyboard(`${words}{Control>}{Enter}{/Control}`);
}

async function endMeeting(pane: HTMLElement, user: User): Promise<void> {
  const button = within(pane).getByRole("button", { name: /End meeting/ });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  await within(pane).findByRole("button", { name: "Start another meeting" }, { timeout: 60_000 });
}

const sheetValues = (host: FakeHost, name: string) =>
  host.snapshot().sheets.find((s) => s.name === name)!.values;
const regRow = (host: FakeHost) => sheetValues(host, "Annex Risks")[1];

/** The Update Log's rows below its header row, each as header → value. */
function logRows(host: FakeHost): Record<string, CellValue>[] {
  const values = sheetValues(host, "Update Log");
  const at = values.findIndex((r) => r.includes("Changes") && r.includes("Risk ID"));
  const header = values[at].map(String);
  return values
    .slice(at + 1)
    .filter((r) => r.some((v) => v !== "" && v !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The Meeting Record's "Changes made" rows for R1, as [field, from, to]. */
function recordChanges(host: FakeHost): CellValue[][] {
  const values = sheetValues(host, "Meeting Record");
  const at = values.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("Changes made ("));
  return values
    .slice(at + 2)
    .filter((r) => r[0] === "R1")
    .map((r) => r.slice(1, 4));
}

/** What the pane shows and says (its live regions). */
const said = (pane: HTMLElement) =>
  [
    pane.textContent ?? "",
    ...within(pane)
      .queryAllByRole("status")
      .map((s) => s.textContent ?? ""),
  ].join(" ");

describe("(1) an action's owner, where the Action Owner cell keeps owners one a line", () => {
  it("is a labelled field of its action, after its status and due date in the Tab order, showing the owner now", async () => {
    const { q } = await begin(register());
    const two = q.getByRole("group", { name: "Action 2 'Review claims' on the register" });
    const owner = within(two).getByRole("textbox", { name: "Action 2 'Review claims' owner" });
    expect(owner).toHaveAttribute("placeholder", "AL");
    expect(
      within(q.getByRole("group", { name: "Action 1 'Resurface A38' on the register" })).getByRole(
        "textbox",
        { name: "Action 1 'Resurface A38' owner" },
      ),
    ).toHaveAttribute("placeholder", "JS (acting)");
    // The risk's own owner keeps its name: the two are told apart by a screen reader's list of fields.
    expect(q.getByRole("textbox", { name: "Owner" })).toHaveAttribute("placeholder", "Jane Smith");
    const tabbable = Array.from(
      document.querySelectorAll<HTMLElement>("button, input, select, textarea, [tabindex]"),
    ).filter((e) => !e.hasAttribute("disabled") && e.getAttribute("tabindex") !== "-1");
    const after = tabbable.slice(tabbable.indexOf(q.getByRole("textbox", { name: "Owner" })) + 1).slice(0, 6);
    expect(after.map((e) => e.getAttribute("aria-label"))).toEqual([
      "Action 1 'Resurface A38' status",
      "Action 1 'Resurface A38' due date",
      "Action 1 'Resurface A38' owner",
      "Action 2 'Review claims' status",
      "Action 2 'Review claims' due date",
      "Action 2 'Review claims' owner",
    ]);
  });

  it("typed from the keyboard, is written on its line alone and logged; the card shows it and the Meeting Record names it", async () => {
    const { host, user, pane, q } = await begin(register());
    q.getByRole("textbox", { name: "Action 2 'Review claims' owner" }).focus();
    await user.keyboard("KM");
    await recordUpdate(pane, user, "Claims review handed to KM");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    const row = regRow(host);
    expect(row[col("Action Owner")]).toBe("JS\r\n(acting)\r\n\r\nKM");
    expect(row[col("Action Due Date")]).toBe(DUES);
    expect(row[col("Action Status")]).toBe(STATUSES);
    expect(row[col("Risk Owner")]).toBe("Jane Smith");
    expect(logRows(host).at(-1)!.Changes).toBe('"Review claims" on the register owner AL → KM');

    await user.keyboard("{Alt>}p{/Alt}");
    await q.findByRole("heading", { level: 2, name: /^R1:/ });
    expect(q.getByRole("region", { name: /R1/ }).textContent).toContain(
      "Review claims on the register (KM) — due 31/12/2022, Not started",
    );
    await endMeeting(pane, user);
    expect(recordChanges(host)).toContainEqual(['Action "Review claims" on the register owner', "AL", "KM"]);
  });

  it("written anyway over a co-author's change to another action's owner: both kept, and the log and the pane say so", async () => {
    const { host, user, pane, q } = await begin(register());
    await user.type(q.getByRole("textbox", { name: "Action 2 'Review claims' owner" }), "KM");
    const theirs = "RC\r\n(acting)\r\n\r\nAL";
    writeCellValue(host.sheet("Annex Risks"), 1, col("Action Owner"), theirs);
    await recordUpdate(pane, user, "Claims review handed to KM");
    await q.findByRole("group", { name: /Someone changed R1's row/ });
    await user.click(q.getByRole("button", { name: /Write my update anyway/ }));
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(regRow(host)[col("Action Owner")]).toBe("RC\r\n(acting)\r\n\r\nKM");
    const changes = String(logRows(host).at(-1)!.Changes);
    expect(changes).toBe(
      '"Review claims" on the register owner AL → KM; ' +
        `kept a co-author's Action Owner, rewriting only the line of Action 2 'Review claims': '${theirs}'`,
    );
    await waitFor(() =>
      expect(said(pane)).toMatch(
        /Their change to Action Owner was kept, only the line of Action 2 'Review claims' rewritten\./,
      ),
    );
    expect(said(pane)).not.toMatch(/replaced a co-author's change/);
  });
});

describe("(2) a due date on an action's own line of the actions text", () => {
  it("is a labelled date field of its action, showing its date now; the pane no longer sends the chair to the register", async () => {
    const { q, pane } = await begin(inTextRegister());
    const one = q.getByRole("group", { name: "Action 1 'Resurface A38' on the register" });
    expect(within(one).getByLabelText("Action 1 'Resurface A38' due date")).toHaveValue("2022-12-31");
    expect(within(one).queryByLabelText(/status|owner/)).toBeNull();
    const two = q.getByRole("group", { name: "Action 2 'Review claims' on the register" });
    expect(within(two).getByLabelText("Action 2 'Review claims' due date")).toHaveValue("2022-12-31");
    expect(q.queryByRole("group", { name: /Replace gully lids/ })).toBeNull();
    expect(pane.textContent).not.toMatch(/changed on the register itself/);
  });

  it("rewrites only the date on each line changed, in the officer's form, logs it, and the card shows the text as written", async () => {
    const { host, user, pane, q } = await begin(inTextRegister());
    fireEvent.change(q.getByLabelText("Action 1 'Resurface A38' due date"), {
      target: { value: "2023-03-31" },
    });
    fireEvent.change(q.getByLabelText("Action 2 'Review claims' due date"), {
      target: { value: "2023-01-31" },
    });
    await recordUpdate(pane, user, "Resurfacing and claims review both slipped");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(regRow(host)[col("Mitigating Actions")]).toBe(
      "1. Resurface A38 – JS – 31/03/23\r\n2. Review claims (due Jan-23)\r\n3. Replace gully lids",
    );
    expect(logRows(host).at(-1)!.Changes).toBe(
      '"Resurface A38" on the register due 31/12/2022 → 31/03/2023; ' +
        '"Review claims" on the register due 31/12/2022 → 31/01/2023',
    );
    await user.keyboard("{Alt>}p{/Alt}");
    await q.findByRole("heading", { level: 2, name: /^R1:/ });
    const card = q.getByRole("region", { name: /R1/ });
    expect(card.textContent).toContain("1. Resurface A38 – JS – 31/03/23");
    expect(card.textContent).toContain("Resurface A38 on the register (JS) — due 31/03/2023");
    await endMeeting(pane, user);
    expect(recordChanges(host)).toContainEqual(['Action "Resurface A38" on the register due', 44926, 45016]);
  });

  it("writes a day the officer's month form cannot hold as dd/mm/yyyy, and says so with the record", async () => {
    const { host, user, pane, q } = await begin(inTextRegister());
    fireEvent.change(q.getByLabelText("Action 2 'Review claims' due date"), {
      target: { value: "2023-01-15" },
    });
    await recordUpdate(pane, user, "Claims review mid-January");
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(regRow(host)[col("Mitigating Actions")]).toBe(
      "1. Resurface A38 – JS – 31/12/22\r\n2. Review claims (due 15/01/2023)\r\n3. Replace gully lids",
    );
    await waitFor(() =>
      expect(said(pane)).toMatch(
        /due date was written 15\/01\/2023 on its line of the actions text: 'Jan-23'/,
      ),
    );
  });
});

describe("(3) what a line-level write made anyway says of the co-author's change", () => {
  it("the Update Log and the Meeting Record say their line was kept and only the chair's rewritten", async () => {
    const { host, user, pane, q } = await begin(register());
    fireEvent.change(q.getByLabelText("Action 2 'Review claims' due date"), {
      target: { value: "2023-01-31" },
    });
    const theirs = "a) 30/11/2022\r\nb) 31/12/2022";
    writeCellValue(host.sheet("Annex Risks"), 1, col("Action Due Date"), theirs);
    await recordUpdate(pane, user, "Claims review slipped to January");
    await q.findByRole("group", { name: /Someone changed R1's row/ });
    await user.click(q.getByRole("button", { name: /Write my update anyway/ }));
    await q.findByRole("heading", { level: 2, name: /^R2:/ });
    expect(regRow(host)[col("Action Due Date")]).toBe("a) 30/11/2022\r\nb) 31/01/2023");
    expect(String(logRows(host).at(-1)!.Changes)).toContain(
      `kept a co-author's Action Due Date, rewriting only the line of Action 2 'Review claims': '${theirs}'`,
    );
    expect(String(logRows(host).at(-1)!.Changes)).not.toMatch(/replaced a co-author's/);
    await endMeeting(pane, user);
    const rows = recordChanges(host);
    expect(rows).toContainEqual([
      "Kept a co-author's Action Due Date, rewriting only the line of Action 2 'Review claims'",
      theirs,
      "",
    ]);
    expect(JSON.stringify(sheetValues(host, "Meeting Record"))).not.toMatch(/Written over a co-author/);
  });
});
