/** @jest-environment jsdom */
// The Summaries view: writes each owned tab through the gateway and says which were renamed.

import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import type { OwnedTab } from "../../src/core/model/owned-tab";
import { renderApp } from "./render";
import { MockGateway } from "./fixtures";
import { partlyWrittenStatus } from "../../src/taskpane/hooks/useWorkbook";

// Fluent UI in jsdom is slow on a busy 2-core machine; the default 5 s is too tight.
jest.setTimeout(30000);

describe("SummariesView", () => {
  it("checks first when there is no report, then writes the four tabs in order", async () => {
    const user = userEvent.setup({ delay: null });
    const { gateway, engine } = renderApp({ view: "summaries" });
    expect(await screen.findByText("The workbook is checked first.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Write summary tabs" }));
    const list = await screen.findByRole("list", { name: "Summary tabs written" });
    expect(engine.checks).toHaveLength(1);
    expect(gateway.callsOf("writeOwnedTab").map(([t]) => (t as OwnedTab).name)).toEqual([
      "Escalation",
      "Exceptions",
      "Risk Summary",
      "Plan Close-Out",
    ]);
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Escalation: Written.",
      "Exceptions: Written.",
      "Risk Summary: Written.",
      "Plan Close-Out: Written.",
    ]);
  });

  it("says when a user sheet had the name and another was used", async () => {
    const user = userEvent.setup({ delay: null });
    const gateway = new MockGateway();
    gateway.userSheets.add("Risk Summary");
    renderApp({ view: "summaries", gateway });
    await user.click(await screen.findByRole("button", { name: "Write summary tabs" }));
    const list = await screen.findByRole("list", { name: "Summary tabs written" });
    expect(within(list).getByText(/Written as “Risk Summary \(Risk Review\)”/)).toHaveTextContent(
      "Written as “Risk Summary (Risk Review)”, because a sheet of yours is already called “Risk Summary” (it was not touched).",
    );
  });

  it("says when Excel would not set a tab up for printing, and that its data is there", async () => {
    const user = userEvent.setup({ delay: null });
    const gateway = new MockGateway();
    const write = gateway.writeOwnedTab.bind(gateway);
    gateway.writeOwnedTab = async (tab) => {
      const result = await write(tab);
      return tab.name === "Exceptions"
        ? { ...result, warnings: ["Excel did not set this tab up for printing."] }
        : result;
    };
    renderApp({ view: "summaries", gateway });
    await user.click(await screen.findByRole("button", { name: "Write summary tabs" }));
    const list = await screen.findByRole("list", { name: "Summary tabs written" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Escalation: Written.",
      "Exceptions: Written. Excel did not set this tab up for printing.",
      "Risk Summary: Written.",
      "Plan Close-Out: Written.",
    ]);
  });

  it("reports a failed write in plain words and lists nothing as written", async () => {
    const user = userEvent.setup({ delay: null });
    const gateway = new MockGateway();
    gateway.failNext.writeOwnedTab = { code: "InvalidOperationInCellEditMode" };
    renderApp({ view: "summaries", gateway });
    await user.click(await screen.findByRole("button", { name: "Write summary tabs" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Press Enter or Esc");
    await waitFor(() => expect(screen.getByRole("button", { name: "Write summary tabs" })).toBeEnabled());
    expect(screen.queryByRole("list", { name: "Summary tabs written" })).toBeNull();
  });
});

describe("partlyWrittenStatus: a summaries write that stopped part-way", () => {
  const ALL = ["Escalation", "Exceptions", "Risk Summary", "Plan Close-Out"];

  it("names the tabs rewritten from this check and the ones still holding an earlier check's", () => {
    expect(partlyWrittenStatus(["Escalation", "Exceptions"], ALL)).toBe(
      "The summary tabs were not all written: Escalation and Exceptions were rewritten from this check; " +
        "Risk Summary and Plan Close-Out were not, and still hold what an earlier check wrote, if anything. " +
        "Write the summary tabs again to bring them all up to date.",
    );
  });

  it("one of each, and none written at all", () => {
    expect(partlyWrittenStatus(["Escalation", "Exceptions", "Risk Summary"], ALL)).toMatch(
      /Escalation, Exceptions and Risk Summary were rewritten from this check; Plan Close-Out was not, and still holds/,
    );
    expect(partlyWrittenStatus([], ALL)).toBe("The summary tabs were not written: they are as they were.");
  });
});
