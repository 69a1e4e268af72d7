// The proposed mapping: sheets found by headers, samples, the saved profile applied, layout changes listed.

import { gridFromRows } from "../../../src/core/model/grid";
import {
  profileFromMapping,
  proposeImportMapping,
  registerColumnsIn,
} from "../../../src/core/merge/propose-mapping";
import type { LayoutChange } from "../../../src/core/merge/types";
import { EXPORT_HEADERS, exportGrid, mappingFor, risk } from "./helpers";

const ACTION_HEADERS = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
];
const actionsGrid = gridFromRows(
  "IRIS Actions",
  [ACTION_HEADERS, ["R-1", "A-1", "Do it", "Bob", "31/10/2022", "Open"]],
  { origin: "iris.xlsx" },
);

describe("proposeImportMapping", () => {
  it("finds the risks and actions sheets by headers, whatever their names and order", () => {
    const m = mappingFor([
      gridFromRows("Notes", [["read me"]], { origin: "iris.xlsx" }),
      actionsGrid,
      exportGrid([risk("R-1")], EXPORT_HEADERS, "Export 1"),
    ]);
    expect(m.risks).toMatchObject({ sheet: "Export 1", headerRow: 2 });
    expect(m.actions).toMatchObject({ sheet: "IRIS Actions", headerRow: 0 });
    expect(m.actions?.columns.map((c) => c.field)).toEqual([
      "riskId",
      "actionId",
      "action",
      "owner",
      "due",
      "status",
    ]);
  });

  it("shows the first three non-blank values of each column, dates as dates", () => {
    const m = mappingFor([
      exportGrid([risk("R-1"), risk("R-2", { "Risk Owner": null }), risk("R-3"), risk("R-4")]),
    ]);
    const owner = m.risks.columns.find((c) => c.header === "Risk Owner")!;
    expect(owner.samples).toEqual(["A. Officer", "A. Officer", "A. Officer"]);
    expect(m.risks.columns.find((c) => c.field === "lastUpdated")!.samples[0]).toBe("2022-09-01");
  });

  it("proposes nothing for a header nobody recognises (carried as it is)", () => {
    const m = mappingFor([exportGrid([risk("R-1")], EXPORT_HEADERS.concat("Contractor Ref"))]);
    expect(m.risks.columns.find((c) => c.header === "Contractor Ref")).toMatchObject({
      field: null,
      source: "none",
    });
  });

  it("applies the saved profile, corrections and 'carry as it is' included", () => {
    const first = mappingFor([exportGrid([risk("R-1")])]);
    first.risks.columns.find((c) => c.header === "Review Commentary")!.field = null;
    first.risks.columns.find((c) => c.header === "Risk Title")!.field = "description";
    const profile = JSON.parse(JSON.stringify(profileFromMapping(first, "Register")));
    const next = proposeImportMapping([exportGrid([risk("R-1")])], profile);
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.value.fromProfile).toBe(true);
    expect(next.value.changes).toEqual([]);
    expect(next.value.risks.columns.find((c) => c.header === "Review Commentary")).toMatchObject({
      field: null,
      source: "profile",
    });
    expect(next.value.risks.columns.find((c) => c.header === "Risk Title")).toMatchObject({
      field: "description",
      source: "profile",
    });
    expect(profile).toMatchObject({ riskSheet: "IRIS Risks", targetRegister: "Register" });
  });

  const renamed = (from: string, to: string) => EXPORT_HEADERS.map((h) => (h === from ? to : h));
  it.each<[string, string[], LayoutChange[]]>([
    [
      "renamed column",
      renamed("Risk Owner", "Owner"),
      [{ kind: "renamed", role: "risks", from: "Risk Owner", to: "Owner", field: "owner" }],
    ],
    [
      "added column",
      EXPORT_HEADERS.concat("Contractor Ref"),
      [{ kind: "added", role: "risks", header: "Contractor Ref", field: null }],
    ],
    [
      "missing column",
      EXPORT_HEADERS.filter((h) => h !== "Risk Score"),
      [{ kind: "missing", role: "risks", header: "Risk Score", field: "score" }],
    ],
    [
      "headers matched on words, not spelling",
      EXPORT_HEADERS.map((h) => h.toUpperCase().replace(/ /g, "_")),
      [],
    ],
  ])("layout changes against the profile: %s", (_name, headers, changes) => {
    const profile = profileFromMapping(mappingFor([exportGrid([risk("R-1")])]));
    const rows = [EXPORT_HEADERS.map((h) => risk("R-1")[EXPORT_HEADERS.indexOf(h)])].map((r) =>
      headers.map((_, i) => r[i] ?? null),
    );
    const r = proposeImportMapping([exportGrid(rows, headers)], profile);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.changes).toEqual(changes);
  });

  it("keeps a renamed column on its saved field even when the saved field was a correction", () => {
    const first = mappingFor([exportGrid([risk("R-1")])]);
    const profile = profileFromMapping(first);
    const r = proposeImportMapping(
      [exportGrid([risk("R-1")], renamed("Risk Status", "Current Status"))],
      profile,
    );
    expect(r.ok && r.value.risks.columns.find((c) => c.header === "Current Status")).toMatchObject({
      field: "status",
      source: "profile",
    });
  });

  it("a profile's __proto__ header is just a header", () => {
    const profile = {
      columns: JSON.parse('{"__proto__": "id", "Risk ID": "id"}') as Record<string, string | null>,
    };
    const r = proposeImportMapping([exportGrid([risk("R-1")])], profile);
    expect(r.ok && r.value.risks.columns[0].field).toBe("id");
  });
});

describe("a column new since the saved profile, against the register's own columns", () => {
  // SPEC "Imports": council-only columns are the register's columns the mapping (the saved profile) does
  // not fill, and an import never writes them; "What must never happen": nothing a user wrote is
  // overwritten unasked. A new export column is not taken up by itself into such a column.
  const withLead = (headers: string[]) =>
    gridFromRows("Register", [headers, ["R-1", "Title", "Jane", "Open", "Place", "Own note"]], {
      origin: "council.xlsx",
    });
  const REGISTER = [
    "Risk ID",
    "Risk Title",
    "Risk Owner",
    "Risk Status",
    "Directorate Lead",
    "Council Notes",
  ];
  const savedProfile = profileFromMapping(mappingFor([exportGrid([risk("R-1")])]), "Register");
  const nextMonth = (extra: string) => [exportGrid([[...risk("R-1"), "Adults"]], [...EXPORT_HEADERS, extra])];
  const propose = (grids: ReturnType<typeof nextMonth>, profile = savedProfile, headers = REGISTER) => {
    const m = proposeImportMapping(
      grids,
      profile,
      "2022-10-10",
      registerColumnsIn([withLead(headers)], "Register"),
    );
    if (!m.ok) throw new Error(m.problem.message);
    return m.value;
  };
  const column = (m: ReturnType<typeof propose>, header: string) =>
    m.risks.columns.find((c) => c.header === header);

  it("leaves a new 'Directorate' unmapped where the council's 'Directorate Lead' holds its field, and says so", () => {
    const m = propose(nextMonth("Directorate"));
    expect(column(m, "Directorate")).toMatchObject({
      field: null,
      source: "none",
      councilColumn: "Directorate Lead",
    });
    expect(m.changes).toEqual([
      { kind: "added", role: "risks", header: "Directorate", field: null, councilColumn: "Directorate Lead" },
    ]);
  });

  it("leaves a new column headed as a council column unmapped too (it would be carried into it by its header)", () => {
    const m = propose(nextMonth("Council Notes"));
    expect(column(m, "Council Notes")).toMatchObject({ field: null, councilColumn: "Council Notes" });
  });

  it("a first import (no saved profile) maps 'Directorate' by its header, as before", () => {
    const m = propose(nextMonth("Directorate"), null as never);
    expect(column(m, "Directorate")).toMatchObject({ field: "annex", source: "header" });
    expect(column(m, "Directorate")?.councilColumn).toBeUndefined();
  });

  it("a new column for a field the register lacks is proposed by its header, as before", () => {
    const m = propose(nextMonth("Directorate"), savedProfile, REGISTER.slice(0, 4));
    expect(column(m, "Directorate")).toMatchObject({ field: "annex", source: "header" });
    expect(m.changes).toEqual([{ kind: "added", role: "risks", header: "Directorate", field: "annex" }]);
  });

  it("a new column for a field IRIS already fills is left to the saved column, as before", () => {
    const first = mappingFor([exportGrid([risk("R-1")], [...EXPORT_HEADERS, "Service Area"])]);
    const profile = profileFromMapping(first, "Register");
    const grids = [
      exportGrid([[...risk("R-1"), "Place", "Adults"]], [...EXPORT_HEADERS, "Service Area", "Directorate"]),
    ];
    const m = propose(grids as never, profile);
    expect(column(m, "Service Area")).toMatchObject({ field: "annex", source: "profile" });
    expect(column(m, "Directorate")).toMatchObject({ field: null, source: "none" });
    expect(column(m, "Directorate")?.councilColumn).toBeUndefined();
  });
});
