/** @jest-environment jsdom */
// Review of the pane's views (Import wizard, Check, Settings) against SPEC.md and DESIGN.md: each test
// quotes the sentence it holds the code to, says what the code does instead, and asserts what SPEC says.

import * as util from "util";
import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import type { Grid } from "../../src/core/model/grid";
import { formulaKey } from "../../src/core/model/grid";
import type { Report } from "../../src/core/model/report";
import { finding, MockGateway, mockEngine, sampleReport } from "./fixtures";
import { renderApp } from "./render";
import { render } from "@testing-library/react";
import * as React from "react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { ImportGatewayBase } from "./import-gateway";
import { csvLine, fileOf, REGISTER_HEADER, registerGrid } from "./import-files";

jest.setTimeout(60000);
configure({ asyncUtilTimeout: 10000 });
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

function exportCsv(
  rows: (string | number)[][] = [
    ["HRC-001", "Gritting fleet", "J. Patel", 4, 4, 16, "Treat", "Open", "Fleet checked"],
    ["HRC-002", "Lighting columns", "S. Okafor", 2, 3, 6, "Tolerate", "Open", "Testing"],
    ["HRC-004", "Bridge inspections", "M. Reid", 3, 5, 15, "Transfer", "Open", "New"],
  ],
  header = REGISTER_HEADER,
): string {
  return [csvLine(header), ...rows.map(csvLine)].join("\r\n");
}

/** The import's gateway over this file's register. */
class ImportGateway extends ImportGatewayBase {
  override grids: Grid[] = [registerGrid()];
}

async function openImport(gateway = new ImportGateway(), view: "import" | "check" = "import") {
  gateway.settings = { ...gateway.settings, asAt: "2022-10-10" };
  const user = userEvent.setup({ delay: null });
  const r = renderApp({ view, gateway });
  await waitFor(() => expect(gateway.callsOf("loadSettings").length).toBeGreaterThan(0));
  return { ...r, user, gateway };
}

function chooseFile(file: File) {
  fireEvent.change(screen.getByTestId("import-file"), { target: { files: [file] } });
}

describe("Import wizard", () => {
  // SPEC "Writing files": "a register cell holding a formula is never replaced by a value; where the export
  // says otherwise, the preview and the Import Log say "kept formula" with both values. The same holds in
  // the task pane". The plan holds the kept cell (plan.risks.notWritten), but PreviewStep never shows
  // notWritten: the preview lists only the cells it writes, so the officer never learns the export's 16
  // stands against the formula's 9.
  it("the preview says “kept formula” with both values for a register formula the export contradicts", async () => {
    const gateway = new ImportGateway();
    // HRC-001's Risk Score (F2) is a formula in the register (=D2*E2, cached 9).
    gateway.grids = [registerGrid({ formulas: new Set([formulaKey(1, 5)]) })];
    const { user } = await openImport(gateway);
    chooseFile(fileOf("iris.csv", exportCsv()));
    await user.click(await screen.findByRole("button", { name: "Preview changes" }));
    await screen.findByRole("heading", { name: "What the import would change" });
    const risks = screen.getByRole("region", { name: "Risks" });
    // Open every list the preview offers, then look for the kept formula anywhere in the step.
    for (const b of within(risks).queryAllByRole("button", { name: /\(\d+\)$/ })) await user.click(b);
    const step = risks.parentElement as HTMLElement;
    expect(step.textContent).toMatch(/kept formula/i);
    expect(step.textContent).toMatch(/F2[^]*9[^]*16|F2[^]*16[^]*9/);
  });

  // Plain sense (SPEC is silent on the Done step's re-check line): "Check after the import" must describe
  // the workbook after the import. When saving the IRIS profile fails after the cells were written, no
  // re-check runs (useWorkbook.saveSettingsAndCheck returns false), yet DoneStep shows the report from the
  // check made BEFORE the import as "The workbook now has 1 error and 0 warnings".
  it("the Done step never presents the check made before the import as the workbook's state after it", async () => {
    const gateway = new ImportGateway();
    const before: Report = {
      ...sampleReport(),
      findings: [finding({ ruleId: "risk/missing-owner", sheet: "Register", cell: "C2" })],
    };
    gateway.settings = { ...gateway.settings, asAt: "2022-10-10" };
    const user = userEvent.setup({ delay: null });
    render(
      <App
        gateway={gateway}
        loadEngine={() => Promise.resolve(mockEngine(before))}
        theme={webLightTheme}
        initialView="check"
      />,
    );
    await user.click(await screen.findByRole("button", { name: "Check workbook" }));
    await screen.findByText(/Showing 1 of 1/);
    await user.click(screen.getByRole("tab", { name: "Import" }));
    await screen.findByRole("button", { name: "Choose an .xlsx or .csv file…" });
    chooseFile(fileOf("iris.csv", exportCsv()));
    await user.click(await screen.findByRole("button", { name: "Preview changes" }));
    await screen.findByRole("heading", { name: "What the import would change" });
    gateway.failNext.saveSettings = new Error("The Settings sheet is protected");
    await user.click(screen.getByRole("button", { name: "Apply the import" }));
    await screen.findByRole("heading", { name: "Imported “iris.csv”" });
    expect(gateway.applied).toHaveLength(1);
    expect(screen.queryByText(/The workbook now has 1 error and 0 warnings/)).toBeNull();
  });

  // SPEC "Fields": "one column serves one field"; SPEC "What must never happen": a problem "ends in a
  // plain-English message" (plain sense: a true one). Mapping "Review Commentary" to Owner moves "Risk Owner"
  // to "Carry as it is" (useImport.setChoice); the preview's "Columns not carried" then says the register
  // "has no column headed "Risk Owner"", though the register has exactly that column (C): it is not carried
  // because the Owner field already writes that column. The message blames a column that is there.
  it("a column mapped twice: the preview gives the true reason the displaced column is not carried", async () => {
    const { user } = await openImport();
    chooseFile(
      fileOf(
        "iris.csv",
        exportCsv([["HRC-001", "Gritting fleet", "J. Patel", 3, 3, 9, "Treat", "Open", "A. Brown"]]),
      ),
    );
    await screen.findByRole("heading", { name: "Map the columns of “iris.csv”" });
    await user.click(screen.getByRole("combobox", { name: "Review Commentary" }));
    await user.click(await screen.findByRole("option", { name: "Owner" }));
    expect(screen.getByRole("combobox", { name: "Risk Owner" })).toHaveTextContent("Carry as it is");
    await user.click(screen.getByRole("button", { name: "Preview changes" }));
    await screen.findByRole("heading", { name: "What the import would change" });
    const risks = screen.getByRole("region", { name: "Risks" });
    await user.click(within(risks).getByRole("button", { name: /Columns not carried/ }));
    const line = within(risks).getByText(/^“Risk Owner”:/);
    // The register "Register" has a column headed "Risk Owner" (C1).
    expect(line.textContent).not.toMatch(/has no column headed "Risk Owner"/);
  });
});

describe("Settings view", () => {
  // DESIGN: "keyboard-first"; the view's own promise (SettingsView onSubmit: "Keyboard users land on the
  // first field to correct"). With two wrong settings, focus must go to the first one in the form's order
  // (Likelihood words, above Protective marking). fromForm fills `errors` in its own order (marking before
  // the appetite and word scales), and onSubmit focuses Object.keys(errors)[0], so focus jumps past the
  // Likelihood words to Protective marking at the bottom of the form.
  it("focus goes to the first setting to correct, in the order the form shows them", async () => {
    const user = userEvent.setup({ delay: null });
    renderApp({ view: "settings", gateway: new MockGateway() });
    await screen.findByRole("form", { name: "Settings" });
    const likelihood = screen.getByLabelText("Likelihood words");
    await user.clear(likelihood);
    await user.type(likelihood, "Likely = 9");
    const marking = screen.getByLabelText("Protective marking");
    await user.clear(marking);
    await user.type(marking, "X".repeat(61));
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText("2 settings need correcting before they can be saved.");
    // Likelihood words come before Protective marking in the form.
    expect(likelihood.compareDocumentPosition(marking) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(likelihood).toHaveFocus();
  });
});

describe("Check view", () => {
  // Plain sense (SPEC "Check": "list each finding"): the filters shown must be the filters applied. After a
  // re-check in which the filtered rule no longer fires (its last finding fixed or accepted), the Rule
  // select has no such option and shows "All rules", but CheckView keeps filtering by the old rule, so
  // the list is empty ("Showing 0 of 5") while every filter reads "All".
  it("after a re-check drops the filtered rule, the list matches the filters it shows", async () => {
    const first = sampleReport();
    const second: Report = {
      ...first,
      findings: first.findings.filter((f) => f.ruleId !== "risk/missing-owner"),
    };
    const reports = [first, second];
    const engine = mockEngine(first);
    let n = 0;
    engine.checkWorkbook = () => reports[Math.min(n++, 1)];
    const gateway = new MockGateway();
    const user = userEvent.setup({ delay: null });
    render(<App gateway={gateway} loadEngine={() => Promise.resolve(engine)} theme={webLightTheme} />);
    await user.click(await screen.findByRole("button", { name: "Check workbook" }));
    const rule = await screen.findByRole("combobox", { name: "Rule" });
    await user.selectOptions(rule, "risk/missing-owner");
    await screen.findByText(/Showing 1 of 6/);
    await user.click(screen.getByRole("button", { name: "Check again" }));
    await screen.findByText(/Showing \d+ of 5/);
    const shownRule = (screen.getByRole("combobox", { name: "Rule" }) as HTMLSelectElement).value;
    const text = screen.getByText(/Showing \d+ of 5/).textContent ?? "";
    // Either the filter still names the rule it applies, or (as SPEC's counts require) the list shows all.
    if (shownRule === "") expect(text).toMatch(/Showing 5 of 5/);
    else expect(shownRule).toBe("risk/missing-owner");
  });
});

describe("Settings read from the workbook", () => {
  // Standards: "Bad input gets a clear, plain-English message naming the file, sheet and cell". The command
  // line prints each Settings row it cannot read; the pane read the same issues and threw them away, so an
  // officer whose "Review period" cell says "one month" silently got the default.
  it("tells the officer which settings could not be read, naming sheet and cell", async () => {
    const gateway = new MockGateway();
    const issue =
      "Setting 'reviewPeriodMonths' in Risk Review Settings!B5 is 'one month', not a whole number; using 1";
    Object.assign(gateway, {
      loadSettingsWithIssues: async () => ({ settings: gateway.settings, issues: [issue] }),
    });
    renderApp({ view: "check", gateway });
    const bar = await screen.findByText(/could not be read/);
    expect(bar.textContent).toContain("Risk Review Settings!B5");
    expect(bar.textContent).toContain("one month");
  });
});

describe("Check view when every finding is accepted", () => {
  // Plain sense: "every rule passed" is untrue when findings exist but were all accepted.
  it("says the findings are accepted rather than that every rule passed", async () => {
    const user = userEvent.setup({ delay: null });
    const f = finding({ ruleId: "risk/missing-owner", sheet: "Register", cell: "C2" });
    renderApp({ report: { ...sampleReport(), findings: [], accepted: [f] } });
    await user.click(await screen.findByRole("button", { name: "Check workbook" }));
    expect(
      await screen.findByText(/No findings left to act on: the one finding is accepted/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/every rule passed/)).toBeNull();
  });
});
