/** @jest-environment jsdom */
// The pane's import into a register keeping its updates month by month ("Update Jul-22 … Update Oct-22"): the
// mapping step says which month's column the export's update is written to (the as-at month's), or that the
// register has none for that month and the update is not written; the preview lists the cell written, or
// which risks' updates were not written and why.

import * as util from "util";
import { configure, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import "@testing-library/jest-dom";
import { gridFromRows, type Grid } from "../../src/core/model/grid";
import { renderApp } from "./render";
import { ImportGatewayBase } from "./import-gateway";
import { csvLine, fileOf, REGISTER_HEADER, REGISTER_ROWS } from "./import-files";

jest.setTimeout(60000);
configure({ asyncUtilTimeout: 10000 });
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

/** The register's columns but its update ("Review Commentary"), which it keeps one column a month. */
const OWN = REGISTER_HEADER.slice(0, -1);

/** The open workbook's register keeping its updates under `months`, each risk filled to July. */
function monthRegister(months: string[]): Grid {
  return gridFromRows("Register", [
    [...OWN, ...months.map((m) => `Update ${m}`)],
    ...REGISTER_ROWS.map((r) => [...r.slice(0, -1), "July words", ...months.slice(1).map(() => null)]),
  ]);
}

/** The export: HRC-001 with new words, the others as July said. */
const exportCsv = [
  csvLine(REGISTER_HEADER),
  ...REGISTER_ROWS.map((r) =>
    csvLine([...r.slice(0, -1), r[0] === "HRC-001" ? "September words" : "July words"]),
  ),
].join("\r\n");

async function mapExport(grids: Grid[]) {
  const gateway = new ImportGatewayBase();
  gateway.grids = grids;
  gateway.settings = { ...gateway.settings, asAt: "2022-09-30" };
  const user = userEvent.setup({ delay: null });
  renderApp({ view: "import", gateway });
  await screen.findByRole("button", { name: "Choose an .xlsx or .csv file…" });
  fireEvent.change(screen.getByTestId("import-file"), { target: { files: [fileOf("iris.csv", exportCsv)] } });
  await screen.findByRole("heading", { name: "Map the columns of “iris.csv”" });
  return { user, gateway };
}

it("the mapping step shows the as-at month's column the update is written to, and the preview the cell", async () => {
  const { user } = await mapExport([monthRegister(["Jul-22", "Aug-22", "Sep-22", "Oct-22"])]);
  expect(screen.getByRole("combobox", { name: "Review Commentary" })).toHaveTextContent("Latest update");
  // Columns A–H are the register's own, Update Jul-22 I … Update Sep-22 K.
  expect(
    screen.getByText(/Written to “Update Sep-22” \(column K\), the column of Sep-22/),
  ).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Preview changes" }));
  await screen.findByRole("heading", { name: "What the import would change" });
  const risks = screen.getByRole("region", { name: "Risks" });
  await user.click(within(risks).getByRole("button", { name: "Changed cells (1)" }));
  expect(
    within(risks).getByText("HRC-001 · Update Sep-22 (K2): (blank) → September words"),
  ).toBeInTheDocument();
});

it("where the register has no column for the as-at month, the mapping step and the preview say the update is not written", async () => {
  const { user } = await mapExport([monthRegister(["Jun-22", "Jul-22", "Aug-22"])]);
  expect(
    screen.getByText(/Not written: “Register” has no column for Sep-22 \(its months end at Aug-22\)/),
  ).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Preview changes" }));
  await screen.findByRole("heading", { name: "What the import would change" });
  // Nothing is written, and the register does not "already match": the warning says whose update was left out.
  expect(screen.queryByText(/already matches/)).toBeNull();
  expect(screen.getByText(/HRC-001/, { selector: "div" })).toHaveTextContent(/no column for Sep-22/);
});
