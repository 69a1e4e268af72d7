// SPEC "Imports": "When an import and a meeting both changed a cell, the later write wins, and both are in
// the logs." The workbook's Import Log says what the last import wrote to each cell: an officer's edit
// made in the register since then is later than the export's value when the export still says what that
// import wrote (IRIS has not changed it), so it is kept and said to be; when IRIS changed it too, the
// import is the later write, and says whose edit it replaces.

import { gridFromRows, type CellValue, type Grid } from "../../../src/core/model/grid";
import { OWNED_MARKER } from "../../../src/core/model/owned-tab";
import { toWorkbookEdits } from "../../../src/core/merge/to-workbook-edits";
import { isNotWrittenNote } from "../../../src/core/model/writable-text";
import { exportGrid, plan, registerGrid, risk } from "./helpers";

/** An Import Log tab holding the given rows (When, File, Sheet, Risk ID, Action ID, Field, Old, New). */
function importLog(...rows: CellValue[][]): Grid {
  return gridFromRows(
    "Import Log",
    [
      ["Import Log", null, null, null, null, null, null, null, OWNED_MARKER],
      [],
      [],
      ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"],
      ...rows,
    ],
    { owned: true },
  );
}

const september = (riskId: string, field: string, old: CellValue, now: CellValue): CellValue[] => [
  "2022-09-05 09:30",
  "IRIS September.xlsx",
  "Register",
  riskId,
  "",
  field,
  old,
  now,
];

/** The register after September's import wrote "Pat Jones", then the officer's own correction. */
const register = (owner: string) => registerGrid([risk("HRC-001", { "Risk Owner": owner }), risk("HRC-002")]);

describe("an import over the officer's edit made since the last import", () => {
  it("keeps the officer's edit when the export still says what the last import wrote, and says so", () => {
    const p = plan(
      [exportGrid([risk("HRC-001", { "Risk Owner": "Pat Jones" }), risk("HRC-002")])],
      [
        register("Patricia Jones (Depot B)"),
        importLog(september("HRC-001", "Risk Owner", "A. Officer", "Pat Jones")),
      ],
    );
    expect(p.risks.changed.flatMap((r) => r.cells)).toEqual([]);
    expect(p.risks.notWritten).toEqual([
      expect.objectContaining({
        cell: "C3",
        reason: "edited-since-import",
        oldText: "Patricia Jones (Depot B)",
        note: 'kept the register\'s edit made since the last import (the export still says "Pat Jones", as that import wrote)',
      }),
    ]);
    // Logged with both values; the history and the next import read the note as no change written.
    const edits = toWorkbookEdits(p);
    expect(edits.cells).toEqual([]);
    expect(isNotWrittenNote(p.risks.notWritten[0].note)).toBe(true);
  });

  it("writes the export's value when IRIS changed it since the last import too, saying whose edit it replaces", () => {
    const p = plan(
      [exportGrid([risk("HRC-001", { "Risk Owner": "Sam Lee" }), risk("HRC-002")])],
      [
        register("Patricia Jones (Depot B)"),
        importLog(september("HRC-001", "Risk Owner", "A. Officer", "Pat Jones")),
      ],
    );
    const cells = p.risks.changed.flatMap((r) => r.cells);
    expect(cells).toEqual([
      expect.objectContaining({
        cell: "C3",
        oldText: "Patricia Jones (Depot B)",
        newText: "Sam Lee",
        note: 'replaces the register\'s edit made since the last import, which wrote "Pat Jones"',
      }),
    ]);
  });

  it.each<[string, Grid[]]>([
    ["no Import Log (the first import)", [register("Patricia Jones (Depot B)")]],
    [
      "the register still holding what the last import wrote",
      [register("Pat Jones"), importLog(september("HRC-001", "Risk Owner", "A. Officer", "Pat Jones"))],
    ],
    [
      "a log row for another risk",
      [
        register("Patricia Jones (Depot B)"),
        importLog(september("HRC-002", "Risk Owner", "A. Officer", "Pat Jones")),
      ],
    ],
    [
      "a log row for another column",
      [register("Patricia Jones (Depot B)"), importLog(september("HRC-001", "Risk Title", "A", "Pat Jones"))],
    ],
  ])("writes the export's value as an ordinary change with %s", (_name, workbook) => {
    const p = plan([exportGrid([risk("HRC-001", { "Risk Owner": "Pat Jones" }), risk("HRC-002")])], workbook);
    const cells = p.risks.changed.flatMap((r) => r.cells);
    expect(cells.map((c) => [c.cell, c.newText, c.note])).toEqual(
      _name.startsWith("the register still") ? [] : [["C3", "Pat Jones", undefined]],
    );
  });

  it("reads the last import's value past a later row that kept the officer's edit", () => {
    const kept = [
      "2022-10-05 09:30",
      "IRIS October.xlsx",
      "Register",
      "HRC-001",
      "",
      "Risk Owner",
      "Patricia Jones (Depot B)",
      'kept the register\'s edit made since the last import (the export still says "Pat Jones", as that import wrote)',
    ];
    const p = plan(
      [exportGrid([risk("HRC-001", { "Risk Owner": "Pat Jones" }), risk("HRC-002")])],
      [
        register("Patricia Jones (Depot B)"),
        importLog(september("HRC-001", "Risk Owner", "A. Officer", "Pat Jones"), kept),
      ],
    );
    expect(p.risks.notWritten.map((n) => n.reason)).toEqual(["edited-since-import"]);
  });
});

describe("a cell no import wrote: the latest backup says what the register and the export held then", () => {
  /** A dated backup of the register as it stood at an import (the owned copy an import makes first). */
  const backup = (name: string, owner: string): Grid => {
    const g = registerGrid([risk("HRC-001", { "Risk Owner": owner }), risk("HRC-002")]);
    return { ...g, sheetName: name };
  };

  it("keeps the officer's edit when the export still says what the register held at the last import", () => {
    const p = plan(
      [exportGrid([risk("HRC-001", { "Risk Owner": "Pat Jones" }), risk("HRC-002")])],
      [register("Patricia Jones (Depot B)"), backup("Backup Register 2022-09-05", "Pat Jones")],
    );
    expect(p.risks.changed.flatMap((r) => r.cells)).toEqual([]);
    expect(p.risks.notWritten).toEqual([
      expect.objectContaining({
        cell: "C3",
        reason: "edited-since-import",
        note: 'kept the register\'s edit made since the last import (the export still says "Pat Jones", as the register held at that import)',
      }),
    ]);
  });

  it("reads the latest backup: an older one that held another value is not the baseline", () => {
    const p = plan(
      [exportGrid([risk("HRC-001", { "Risk Owner": "Pat Jones" }), risk("HRC-002")])],
      [
        register("Patricia Jones (Depot B)"),
        backup("Backup Register 2022-09-05", "Pat Jones"),
        backup("Backup Register 2022-08-05", "Sam Lee"),
      ],
    );
    expect(p.risks.notWritten.map((n) => n.reason)).toEqual(["edited-since-import"]);
  });

  it("writes the export's value when IRIS changed it since, saying whose edit it replaces", () => {
    const p = plan(
      [exportGrid([risk("HRC-001", { "Risk Owner": "Sam Lee" }), risk("HRC-002")])],
      [register("Patricia Jones (Depot B)"), backup("Backup Register 2022-09-05", "Pat Jones")],
    );
    expect(p.risks.changed.flatMap((r) => r.cells)).toEqual([
      expect.objectContaining({
        cell: "C3",
        newText: "Sam Lee",
        note: 'replaces the register\'s edit made since the last import, when the register and the export said "Pat Jones"',
      }),
    ]);
  });

  it("a blank in the backup is no baseline (the export may have said nothing): the export's value is written", () => {
    const p = plan(
      [exportGrid([risk("HRC-001", { "Risk Owner": "Pat Jones" }), risk("HRC-002")])],
      [register("Patricia Jones (Depot B)"), backup("Backup Register 2022-09-05", "")],
    );
    expect(p.risks.changed.flatMap((r) => r.cells)).toEqual([
      expect.objectContaining({ cell: "C3", newText: "Pat Jones" }),
    ]);
    expect(p.risks.changed[0].cells[0].note).toBeUndefined();
  });

  it("a backup made when an edit was kept holds the edit: the kept row's note gives the baseline, so a re-run keeps it again", () => {
    const kept = [
      "2022-10-05 09:30",
      "IRIS October.xlsx",
      "Register",
      "HRC-001",
      "",
      "Risk Owner",
      "Patricia Jones (Depot B)",
      'kept the register\'s edit made since the last import (the export still says "Pat Jones", as the register held at that import)',
    ];
    const p = plan(
      [
        exportGrid([
          risk("HRC-001", { "Risk Owner": "Pat Jones" }),
          risk("HRC-002", { "Risk Owner": "Kim" }),
        ]),
      ],
      [
        register("Patricia Jones (Depot B)"),
        backup("Backup Register 2022-10-05", "Patricia Jones (Depot B)"),
        importLog(kept),
      ],
    );
    expect(p.risks.notWritten.map((n) => n.reason)).toEqual(["edited-since-import"]);
    // Its words say where the baseline came from: the export's value when the edit was last kept.
    expect(p.risks.notWritten[0].note).toBe(
      'kept the register\'s edit made since the last import (the export still says "Pat Jones", as it did at the last import)',
    );
    expect(p.risks.changed.flatMap((r) => r.cells.map((c) => c.cell))).toEqual(["C4"]);
  });
});
