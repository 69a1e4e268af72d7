/** @jest-environment jsdom */
// The Settings view: shows the workbook's settings, validates with plain messages, saves to the workbook.

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { defaultSettings, type Settings } from "../../src/core/model/settings";
import { parseStrategy } from "../../src/core/parse/strategy";
import { renderApp } from "./render";
import { MockGateway } from "./fixtures";

async function openSettings(gateway = new MockGateway()) {
  const user = userEvent.setup({ delay: null });
  const r = renderApp({ view: "settings", gateway });
  await screen.findByRole("form", { name: "Settings" });
  return { user, ...r };
}

// Fluent UI in jsdom is slow on a busy 2-core machine; the default 5 s is too tight.
jest.setTimeout(30000);

describe("SettingsView", () => {
  it("shows the settings read from the workbook", async () => {
    const gateway = new MockGateway();
    gateway.settings = {
      ...gateway.settings,
      asAt: "2022-10-10",
      reviewPeriodMonths: 2,
      ruleSeverities: { "plan/overdue": "warning" },
    };
    await openSettings(gateway);
    expect(screen.getByLabelText("As-at date")).toHaveValue("2022-10-10");
    expect(screen.getByLabelText(/Review period/)).toHaveValue("2");
    expect(screen.getByRole("combobox", { name: "plan/overdue" })).toHaveValue("warning");
    expect(screen.getByRole("combobox", { name: "risk/stale-update" })).toHaveValue("error");
  });

  it.each([
    ["Review period (months)", "0", "Enter a whole number of months from 1 to 12."],
    ["Amber up to score", "3", "Amber must end at a higher score than green."],
    [
      "Operations board from (£)",
      "lots",
      "The operations board threshold must be an amount in pounds, such as 50000 or £50,000.",
    ],
    ["Directorate register up to score", "5", "The highest score must not be below the lowest score."],
    [
      "Likelihood words",
      "Likely = 9",
      "Check “Likely = 9”: write each word with a whole number from 1 to 5, such as Likely = 4, separated by semicolons.",
    ],
    [
      "Transfer words",
      " , ",
      "Give at least one word for Transfer: with none, every Transfer strategy would be read as unknown.",
    ],
    [
      "Closed risk statuses",
      " ",
      "Give at least one closed status word: with none, no risk would ever be read as closed.",
    ],
    [
      "Outstanding-work phrases",
      " ",
      "Give at least one phrase. To stop this check instead, turn plan/completed-not-evidenced off under Rules.",
    ],
    [
      "Months above appetite before escalating",
      "13",
      "The months above appetite before escalating must be a whole number from 1 to 12.",
    ],
    [
      "Rise in score that proposes escalating",
      "0",
      "The rise in score that proposes escalating must be a whole number from 1 to 24.",
    ],
    [
      "Months at or below appetite before de-escalating",
      "two",
      "The months at or below appetite before de-escalating must be a whole number from 1 to 12.",
    ],
  ])("refuses %s = %s with a plain message", async (label, value, message) => {
    const { user, gateway } = await openSettings();
    const input = screen.getByLabelText(label);
    await user.clear(input);
    await user.type(input, value);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText("One setting needs correcting before they can be saved.")).toBeInTheDocument();
    expect(input).toHaveFocus();
    expect(gateway.callsOf("saveSettings")).toHaveLength(0);
  });

  it("saves valid settings in the workbook, storing only non-default rule severities", async () => {
    const { user, gateway } = await openSettings();
    await user.type(screen.getByLabelText("As-at date"), "2022-10-10");
    const period = screen.getByLabelText(/Review period/);
    await user.clear(period);
    await user.type(period, "3");
    const ops = screen.getByLabelText("Operations board from (£)");
    await user.clear(ops);
    await user.type(ops, "£75,000");
    await user.selectOptions(screen.getByRole("combobox", { name: "risk/rag-mismatch" }), "off");
    await user.selectOptions(screen.getByRole("combobox", { name: "plan/overdue" }), "error");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(gateway.callsOf("saveSettings")).toHaveLength(1));
    const saved = gateway.callsOf("saveSettings")[0][0] as Settings;
    expect(saved.asAt).toBe("2022-10-10");
    expect(saved.reviewPeriodMonths).toBe(3);
    expect(saved.escalation.operationsBoardMinImpact).toBe(75000);
    expect(saved.ruleSeverities).toEqual({ "risk/rag-mismatch": "off" });
    expect(await screen.findByRole("status")).toHaveTextContent("Settings saved in this workbook.");
  });

  it("shows and saves the strategy and status words, outstanding-work phrases and proposal thresholds", async () => {
    const { user, gateway } = await openSettings();
    const transfer = screen.getByLabelText("Transfer words");
    expect(transfer).toHaveValue("transfer, share, insure");
    expect(screen.getByLabelText("Outstanding-work phrases")).toHaveValue(
      defaultSettings().outstandingPhrases.join("\n"),
    );
    expect(screen.getByLabelText("Rise in score that proposes escalating")).toHaveValue("6");
    await user.type(transfer, ", outsource");
    const done = screen.getByLabelText("Action statuses that mean done");
    await user.clear(done);
    await user.type(done, "Complete; Signed off,Done");
    const phrases = screen.getByLabelText("Outstanding-work phrases");
    await user.clear(phrases);
    await user.type(phrases, "in progress{Enter}tbc{Enter}");
    const rise = screen.getByLabelText("Rise in score that proposes escalating");
    await user.clear(rise);
    await user.type(rise, "4");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(gateway.callsOf("saveSettings")).toHaveLength(1));
    const saved = gateway.callsOf("saveSettings")[0][0] as Settings;
    const defaults = defaultSettings();
    expect(saved.strategyWords).toEqual({
      ...defaults.strategyWords,
      transfer: ["transfer", "share", "insure", "outsource"],
    });
    // The check now reads an outsourced risk as transferred, which it did not before.
    expect(parseStrategy("Outsourced to contractor", saved.strategyWords)).toEqual({
      ok: true,
      value: "transfer",
    });
    expect(parseStrategy("Outsourced to contractor", defaults.strategyWords).ok).toBe(false);
    expect(saved.actionDoneWords).toEqual(["Complete", "Signed off", "Done"]);
    expect(saved.outstandingPhrases).toEqual(["in progress", "tbc"]);
    expect(saved.closedStatusWords).toEqual(defaults.closedStatusWords);
    expect(saved.openStatusWords).toEqual(defaults.openStatusWords);
    expect(saved.proposals).toEqual({ ...defaults.proposals, escalateRise: 4 });
  });

  it("moves focus to the first field to correct, in the form's order", async () => {
    const { user, gateway } = await openSettings();
    await user.clear(screen.getByLabelText("Take words"));
    const rise = screen.getByLabelText("Rise in score that proposes escalating");
    await user.clear(rise);
    await user.type(rise, "25");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(
      await screen.findByText("2 settings need correcting before they can be saved."),
    ).toBeInTheDocument();
    expect(rise).toHaveFocus();
    expect(screen.getByLabelText("Take words")).toHaveAttribute("aria-invalid", "true");
    expect(gateway.callsOf("saveSettings")).toHaveLength(0);
  });

  // The two registers must meet, as the Settings sheet requires (src/core/model/setting-bands.ts): a directorate
  // band narrowed to 9–12 beside a corporate register from 16 sends a 15 nowhere. The message is on the
  // corporate field and names both.
  it("refuses a directorate band that leaves a gap below the corporate register, naming both fields", async () => {
    const { user, gateway } = await openSettings();
    const high = screen.getByLabelText("Directorate register up to score");
    await user.clear(high);
    await user.type(high, "12");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(
      await screen.findByText(
        "Corporate register from score (16) and Directorate register up to score (12) leave a gap: a score of 13 to 15 would go to neither register. The corporate register must start at the score just after the directorate register's highest.",
      ),
    ).toBeInTheDocument();
    const corporate = screen.getByLabelText("Corporate register from score");
    expect(corporate).toHaveAttribute("aria-invalid", "true");
    expect(corporate).toHaveFocus();
    expect(screen.getByText("One setting needs correcting before they can be saved.")).toBeInTheDocument();
    expect(gateway.callsOf("saveSettings")).toHaveLength(0);
  });

  it("says so when a co-author changed the same setting, that this save won, and lets the note be dismissed", async () => {
    const gateway = new MockGateway();
    gateway.conflictsNext = ["the setting “asAt”"];
    const { user } = await openSettings(gateway);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(gateway.callsOf("saveSettings")).toHaveLength(1));
    const note = await screen.findByText(/^Someone else changed this too/);
    expect(note).toHaveTextContent(
      /your version was saved: the setting “asAt”\. Everything else they changed was kept\./,
    );
    expect(screen.queryByRole("alert")).toBeNull(); // a notice, not an error
    await user.click(screen.getByRole("button", { name: "Dismiss the message" }));
    expect(screen.queryByText(/^Someone else changed this too/)).toBeNull();
  }, 90_000);
});
