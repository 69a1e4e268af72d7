/** @jest-environment jsdom */
// The Import view with a mock gateway and the real merge core: choose → map → preview → apply →
// movement; bad files end in a plain message; a re-import shows "no changes" and writes nothing; Cancel.

import * as util from "util";
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import type { Grid } from "../../src/core/model/grid";
import { gridFromRows } from "../../src/core/model/grid";
import { renderApp } from "./render";
import { ImportGatewayBase } from "./import-gateway";
import { csvLine, fileOf, REGISTER_HEADER, REGISTER_ROWS, registerGrid } from "./import-files";

jest.setTimeout(60000);
// Reading and planning load lazy chunks; on a busy 2-core machine the default 1 s wait is too tight.
configure({ asyncUtilTimeout: 10000 });

// jsdom lacks the encoders the file readers use in the browser; Node's are the same API.
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

/** The export as CSV text: HRC-001's score goes up, HRC-004 is new, HRC-003 is gone. */
function exportCsv(
  rows: (string | number)[][] = [
    ["HRC-001", "Gritting fleet", "J. Patel", 4, 4, 16, "Treat", "Open", '=HYPERLINK("x")'],
    ["HRC-002", "Lighting columns", "S. Okafor", 2, 3, 6, "Tolerate", "Open", "Testing"],
    ["HRC-004", "Bridge inspections", "M. Reid", 3, 5, 15, "Transfer", "Open", "New"],
  ],
): string {
  return [csvLine(REGISTER_HEADER), ...rows.map(csvLine)].join("\r\n");
}

/** The import's gateway over this file's register. */
class ImportGateway extends ImportGatewayBase {
  override grids: Grid[] = [registerGrid()];
}

async function openImport(gateway = new ImportGateway()) {
  gateway.settings = { ...gateway.settings, asAt: "2022-10-10" };
  const user = userEvent.setup({ delay: null });
  const r = renderApp({ view: "import", gateway });
  await screen.findByRole("button", { name: "Choose an .xlsx or .csv file…" });
  await waitFor(() => expect(gateway.callsOf("loadSettings").length).toBeGreaterThan(0));
  return { ...r, user, gateway };
}

function chooseFile(file: File) {
  const input = screen.getByTestId("import-file");
  fireEvent.change(input, { target: { files: [file] } });
}

describe("ImportView", () => {
  it("maps, previews, applies, saves the profile, re-checks and shows the movement", async () => {
    const { user, gateway, engine } = await openImport();
    chooseFile(fileOf("iris.csv", exportCsv()));
    await screen.findByRole("heading", { name: "Map the columns of “iris.csv”" });
    // Every column proposed a field, with sample values.
    const idField = screen.getByRole("combobox", { name: "Risk ID" });
    expect(idField).toHaveTextContent("Risk ID");
    expect(screen.getByText("e.g. HRC-001 · HRC-002 · HRC-004")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Merge into the register" })).toHaveTextContent("Register");

    // The officer ignores the commentary column.
    await user.click(screen.getByRole("combobox", { name: "Review Commentary" }));
    await user.click(await screen.findByRole("option", { name: "Ignore (not imported)" }));
    expect(screen.getByRole("combobox", { name: "Review Commentary" })).toHaveTextContent(
      "Ignore (not imported)",
    );

    await user.click(screen.getByRole("button", { name: "Preview changes" }));
    await screen.findByRole("heading", { name: "What the import would change" });
    const risks = screen.getByRole("region", { name: "Risks" });
    const counts = within(risks)
      .getAllByRole("definition")
      .map((d) => d.textContent);
    expect(counts).toEqual(["1", "1 (3 cells)", "1 (1 to be noted)", "1"]);
    await user.click(within(risks).getByRole("button", { name: "Changed cells (3)" }));
    expect(within(risks).getByText("HRC-001 · Risk Score (F2): 9 → 16")).toBeInTheDocument();
    await user.click(within(risks).getByRole("button", { name: "No longer in the export (1)" }));
    expect(within(risks).getByText(/HRC-003, row 4: noted in H4, not deleted/)).toBeInTheDocument();
    expect(gateway.applied).toHaveLength(0);

    const checksBefore = engine.checks.length;
    await user.click(screen.getByRole("button", { name: "Apply the import" }));
    await screen.findByRole("heading", { name: "Imported “iris.csv”" });
    expect(gateway.applied).toHaveLength(1);
    const edits = gateway.applied[0];
    expect(edits.copies).toEqual([{ from: "Register", to: expect.stringMatching(/Register 2022-10-10/) }]);
    // The ignored column and the council's own column are never written.
    expect(edits.cells.some((c) => c.col === 8 || c.col === 9)).toBe(false);
    expect(edits.ownedTabs.map((t) => t.name)).toEqual(["Risk Summary"]);
    expect(edits.logAppends[0].rows).toHaveLength(edits.cells.length);

    // The confirmed mapping is saved as the IRIS profile, ignored column included; the movement too.
    const saved = gateway.callsOf("saveSettings").at(-1)![0] as typeof gateway.settings;
    expect(saved.importProfile).toMatchObject({
      targetRegister: "Register",
      columns: { "Risk ID": "id", "Review Commentary": "(ignore)" },
    });
    expect(saved.lastImport?.movement).toMatchObject({ newRisks: ["HRC-004"], scoreUp: ["HRC-001"] });

    // Re-checked, and the movement shown.
    expect(engine.checks.length).toBe(checksBefore + 1);
    const movement = screen.getByLabelText("Movement since the last import");
    expect(
      within(movement)
        .getAllByRole("definition")
        .map((d) => d.textContent),
    ).toEqual(["1: HRC-004", "0", "1: HRC-001", "0", "0"]);
    expect(screen.getByText(/The workbook now has 5 errors and 1 warning/)).toBeInTheDocument();
  });

  it("uses the saved profile next time, and a re-import shows no changes and writes nothing", async () => {
    const gateway = new ImportGateway();
    // The register already holds what the export says.
    gateway.grids = [registerGrid()];
    gateway.settings = {
      ...gateway.settings,
      importProfile: {
        columns: Object.fromEntries(REGISTER_HEADER.map((h) => [h, null])),
        targetRegister: "Register",
      },
    };
    gateway.settings.importProfile!.columns["Risk ID"] = "id";
    gateway.settings.importProfile!.columns["Risk Title"] = "title";
    const { user } = await openImport(gateway);
    chooseFile(fileOf("iris.csv", exportCsv(REGISTER_ROWS)));
    await screen.findByText("Mapped with the IRIS profile saved in this workbook: check and go on.");
    const saves = gateway.callsOf("saveSettings").length;
    await user.click(screen.getByRole("button", { name: "Preview changes" }));
    await screen.findByText(/No changes: the register already matches “iris.csv”. Nothing will be written./);
    expect(screen.queryByRole("button", { name: "Apply the import" })).toBeNull();
    expect(gateway.applied).toHaveLength(0);
    expect(gateway.callsOf("saveSettings")).toHaveLength(saves);
  });

  it("shows layout changes against the saved profile before anything else", async () => {
    const gateway = new ImportGateway();
    gateway.settings = {
      ...gateway.settings,
      importProfile: {
        columns: { "Risk ID": "id", "Risk Title": "title", "Old Column": null },
        targetRegister: "Register",
      },
    };
    await openImport(gateway);
    chooseFile(fileOf("iris.csv", exportCsv()));
    await screen.findByText("The export's layout changed since the saved IRIS profile");
    expect(
      screen.getByText(/risks: column "Old Column" \(Carry as it is\) is no longer in the export\./),
    ).toBeInTheDocument();
    expect(screen.getByText(/risks: new column "Risk Owner"/)).toBeInTheDocument();
  });

  it.each([
    [
      "a file of the wrong type",
      fileOf("risks.txt", "hello"),
      /"risks.txt" is not an .xlsx, .xlsm or .csv file\. Nothing was written/,
    ],
    ["a corrupt .xlsx", fileOf("iris.xlsx", "not a zip at all"), /"iris.xlsx".*Nothing was written/],
    ["an empty CSV", fileOf("empty.csv", ""), /"empty.csv".*Nothing was written/],
    [
      "no id column",
      fileOf("noid.csv", "Risk Title,Risk Owner,Risk Status\nA,B,Open\n"),
      /"noid.csv".*(risk id|no sheet of risks)/,
    ],
    [
      "duplicate ids",
      fileOf(
        "dups.csv",
        exportCsv([
          ["HRC-001", "A", "B", 1, 1, 1, "Treat", "Open", "x"],
          ["HRC-001", "A", "B", 1, 1, 1, "Treat", "Open", "y"],
        ]),
      ),
      /"dups.csv".*"HRC-001".*rows 2 and 3/,
    ],
  ])("ends %s in a plain message and writes nothing", async (_name, file, message) => {
    const { user, gateway } = await openImport();
    chooseFile(file);
    // Some inputs fail on reading (step 1), others only when planned (step 2).
    await waitFor(
      () =>
        expect(
          screen.queryByRole("alert") ?? screen.queryByRole("button", { name: "Preview changes" }),
        ).not.toBeNull(),
      { timeout: 15000 },
    );
    const preview = screen.queryByRole("button", { name: "Preview changes" });
    if (preview) await user.click(preview);
    const alert = await screen.findByRole("alert", {}, { timeout: 15000 });
    expect(alert.textContent).toMatch(message);
    expect(gateway.applied).toHaveLength(0);
    expect(gateway.callsOf("saveSettings")).toHaveLength(0);
  });

  it("refuses a file over 50 MB before reading it", async () => {
    const { gateway } = await openImport();
    const big = fileOf("huge.xlsx", "x");
    Object.defineProperty(big, "size", { value: 60 * 1024 * 1024 });
    chooseFile(big);
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /"huge.xlsx" is 60.0 MB, more than the 50 MB/,
    );
    expect(gateway.callsOf("readAllSheets")).toHaveLength(0);
  });

  it("cancels while reading and goes back to step 1 with nothing written", async () => {
    const { user, gateway } = await openImport();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    chooseFile(fileOf("slow.csv", exportCsv(), gate));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    await act(async () => release());
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Choose an .xlsx or .csv file…" })).toBeEnabled(),
    );
    expect(screen.queryByRole("heading", { name: /Map the columns/ })).toBeNull();
    expect(gateway.callsOf("readAllSheets")).toHaveLength(0);
    expect(
      screen
        .getAllByRole("status")
        .some((s) => s.textContent === "The import was cancelled; nothing was written."),
    ).toBe(true);
  });

  it("imports from sheets already in the workbook", async () => {
    const gateway = new ImportGateway();
    const lines = exportCsv()
      .split("\r\n")
      .map((l) => l.split(","));
    gateway.grids = [
      registerGrid(),
      gridFromRows(
        "IRIS paste",
        lines.map((r, i) => (i === 0 ? r : r.map((v, c) => (c >= 3 && c <= 5 ? Number(v) : v)))),
      ),
    ];
    const { user } = await openImport(gateway);
    await user.click(screen.getByRole("button", { name: "Use a sheet in this workbook…" }));
    const risksSheet = await screen.findByRole("combobox", { name: "Sheet with the exported risks" });
    await user.selectOptions(risksSheet, "IRIS paste");
    await user.click(screen.getByRole("button", { name: "Use these sheets" }));
    await screen.findByRole("heading", { name: "Map the columns of “this workbook”" });
    // The pasted export is not offered as a register to merge into.
    await user.click(screen.getByRole("combobox", { name: "Merge into the register" }));
    expect((await screen.findAllByRole("option")).map((o) => o.textContent)).toEqual(["Register"]);
  });

  it("offers a renumbered risk as a pair; ticking “Same risk” by keyboard merges it into the old row and saves the pair", async () => {
    const { user, gateway } = await openImport();
    // The contractor renumbered HRC-003 "Gully backlog" as HRC-103 (its score went up too).
    chooseFile(
      fileOf(
        "iris.csv",
        exportCsv([
          REGISTER_ROWS[0],
          REGISTER_ROWS[1],
          ["HRC-103", "Gully backlog", "T. Ng", 3, 2, 6, "Treat", "Open", "Steady"],
        ]),
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Preview changes" }));
    const pairs = await screen.findByRole("region", { name: "The same risk under a new id?" });
    expect(
      within(pairs).getByText(
        "HRC-103 in the export looks like HRC-003 in the register, renumbered: their titles share 100% of their words (“Gully backlog” / “Gully backlog”), and HRC-003 is not in the export.",
      ),
    ).toBeInTheDocument();
    const counts = () =>
      within(screen.getByRole("region", { name: "Risks" }))
        .getAllByRole("definition")
        .map((d) => d.textContent);
    // Not yet confirmed: one new risk and one gone.
    expect(counts()).toEqual(["1", "0 (0 cells)", "1 (1 to be noted)", "2"]);

    const same = within(pairs).getByRole("checkbox", { name: "Same risk: HRC-003 is now HRC-103" });
    expect(same).not.toBeChecked();
    expect(same).toHaveAccessibleDescription(/HRC-103 in the export looks like HRC-003/);
    same.focus();
    await user.keyboard(" ");
    // Planned again as one risk: HRC-003's row takes the export's likelihood and score; nothing new, nothing gone.
    await waitFor(() => expect(counts()).toEqual(["0", "1 (2 cells)", "0 (0 to be noted)", "2"]));
    const checkbox = screen.getByRole("checkbox", { name: "Same risk: HRC-003 is now HRC-103" });
    expect(checkbox).toBeChecked();
    expect(checkbox).toHaveFocus();
    expect(
      screen
        .getAllByRole("status")
        .some((s) => /^Same risk: HRC-103 in the export updates HRC-003's row/.test(s.textContent ?? "")),
    ).toBe(true);

    await user.click(screen.getByRole("button", { name: "Apply the import" }));
    await screen.findByRole("heading", { name: "Imported “iris.csv”" });
    const edits = gateway.applied[0];
    // Row 4 (index 3) is HRC-003's: its id cell is never written, and no row is added.
    expect([...new Set(edits.cells.map((c) => c.row))]).toEqual([3]);
    expect(edits.cells.some((c) => c.col === 0)).toBe(false);
    const saved = gateway.callsOf("saveSettings").at(-1)![0] as typeof gateway.settings;
    expect(saved.importProfile?.renumbered).toEqual([{ oldId: "HRC-003", newId: "HRC-103" }]);
    expect(saved.lastImport?.movement.newRisks).toEqual([]);
  });

  it("clearing “Same risk” plans the new id as a new risk again", async () => {
    const { user, gateway } = await openImport();
    chooseFile(
      fileOf(
        "iris.csv",
        exportCsv([
          REGISTER_ROWS[0],
          REGISTER_ROWS[1],
          ["HRC-103", "Gully backlog", "T. Ng", 2, 2, 4, "Treat", "Open", "Steady"],
        ]),
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Preview changes" }));
    const same = await screen.findByRole("checkbox", { name: "Same risk: HRC-003 is now HRC-103" });
    await user.click(same);
    // Same content under the old id: nothing would change at all, but the pair can still be kept.
    await screen.findByText(/No changes: the register already matches “iris.csv”/);
    expect(screen.queryByRole("button", { name: "Apply the import" })).toBeNull();
    expect(screen.getByRole("button", { name: "Save the pair for later imports" })).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "Same risk: HRC-003 is now HRC-103" }));
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "Risks" }))
          .getAllByRole("definition")
          .map((d) => d.textContent),
      ).toEqual(["1", "0 (0 cells)", "1 (1 to be noted)", "2"]),
    );
    expect(screen.getByRole("checkbox", { name: "Same risk: HRC-003 is now HRC-103" })).not.toBeChecked();
    expect(gateway.callsOf("saveSettings")).toHaveLength(0);
  });

  it("keeps a confirmed pair when the import has nothing else to write, writing no cells", async () => {
    const { user, gateway } = await openImport();
    chooseFile(
      fileOf(
        "iris.csv",
        exportCsv([
          REGISTER_ROWS[0],
          REGISTER_ROWS[1],
          ["HRC-103", "Gully backlog", "T. Ng", 2, 2, 4, "Treat", "Open", "Steady"],
        ]),
      ),
    );
    await user.click(await screen.findByRole("button", { name: "Preview changes" }));
    await user.click(await screen.findByRole("checkbox", { name: "Same risk: HRC-003 is now HRC-103" }));
    await user.click(await screen.findByRole("button", { name: "Save the pair for later imports" }));
    await waitFor(() => expect(gateway.callsOf("saveSettings")).toHaveLength(1));
    const saved = gateway.callsOf("saveSettings")[0][0] as typeof gateway.settings;
    expect(saved.importProfile?.renumbered).toEqual([{ oldId: "HRC-003", newId: "HRC-103" }]);
    expect(saved.lastImport).toBe(gateway.settings.lastImport);
    expect(gateway.applied).toHaveLength(0);
  });
});
