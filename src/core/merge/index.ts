// The import's public face: what the task pane's Import view and the command line call.

export {
  proposeImportMapping,
  profileFromMapping,
  registerColumnsIn,
  type MonthWrite,
  type RegisterColumns,
} from "./propose-mapping";
export { planImport, backupSheetName, type PlanImportInput } from "./plan-import";
export {
  toWorkbookEdits,
  importLogTemplate,
  IMPORT_LOG_HEADER,
  type ToWorkbookEditsOptions,
} from "./to-workbook-edits";
export { measureMovement, noMovement, type Movement } from "./movement";
export { applyEditsToGrids } from "./apply-edits-to-grids";
export type * from "./types";
