// The proposed mapping: sheets found by headers, samples, the saved profile applied, layout changes listed.

import { gridFromRows } from "../../../src/core/model/grid";
import { profileFromMapping, proposeImportMapping } from "../../../src/core/merge/propose-mapping";
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
