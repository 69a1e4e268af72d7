// The mock gateway plus the import's applyEdits, recording what it is asked to write (the Import view's tests).

import type { WorkbookEdits } from "../../src/core/model/edits";
import type { Grid } from "../../src/core/model/grid";
import type { ApplyEditsResult, ApplyProgress } from "../../src/excel/apply-edits";
import { MockGateway } from "./fixtures";

export class ImportGatewayBase extends MockGateway {
  /** The open workbook's sheets (a subclass sets its register). */
  grids: Grid[] = [];
  applied: WorkbookEdits[] = [];
  // The base mock's return type is an empty array (never[]); the grids go through it unchanged.
  override async readAllSheets(
    onProgress?: (p: { sheetsRead: number; sheetsTotal: number }) => void,
  ): Promise<never[]> {
    await super.readAllSheets(onProgress);
    return this.grids as never[];
  }
  async applyEdits(edits: WorkbookEdits, onProgress?: (p: ApplyProgress) => void): Promise<ApplyEditsResult> {
    this.calls.push({ method: "applyEdits" as never, args: [edits] });
    onProgress?.({ step: "cells", label: "Writing…" });
    this.applied.push(edits);
    return {
      backups: edits.copies.map((c) => ({ ...c })),
      cellsWritten: edits.cells.length,
      logs: [
        { kind: "import-log", sheet: "Import Log", firstRow: 6, rows: edits.logAppends[0]?.rows.length ?? 0 },
      ],
      ownedTabs: edits.ownedTabs.map((t) => ({ sheetName: t.name, renamed: false })),
      warnings: [],
    };
  }
}
