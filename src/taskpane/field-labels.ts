// Plain-English names for fields and sheet kinds, as the Check view shows them (field names: core's field-labels).

import type { SheetKind } from "../core/model/fields";

export { fieldLabel } from "../core/model/field-labels";

const KIND_LABELS: Record<SheetKind, string> = {
  "risk-register": "Risk register",
  actions: "Actions",
  "improvement-plan": "Improvement plan",
  "update-log": "Update log",
  unknown: "Not used",
};

/** "risk-register" → "Risk register". */
export function kindLabel(kind: SheetKind): string {
  return KIND_LABELS[kind];
}
