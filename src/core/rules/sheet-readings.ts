// How a register's cells are read where its headers say so, decided once per sheet: likelihood and impact
// words on three points ("Likelihood (L/M/H)", or a title naming a 3 × 3 matrix: see three-point-scale.ts),
// and an allocation column's parties as strategies ("Allocation: Authority / Contractor / Shared": see
// allocation-column.ts).

import type { ScaleWord, Settings } from "../model/settings";
import type { SheetLayout } from "../read/detect-sheet";
import { isAllocationHeader } from "../read/allocation-column";
import { readsOnThreePoints, THREE_POINT_WORDS } from "../read/three-point-scale";

export type Factor = "likelihood" | "impact";

export interface SheetReadings {
  /** The word scale a likelihood or impact cell of the sheet is read on: the Settings one, or three points. */
  scaleOf(sheet: string, factor: Factor): readonly ScaleWord[];
  /** True when the sheet's strategy column allocates each risk between the parties (an allocation column). */
  allocates(sheet: string): boolean;
}

const NO_WORDS: readonly ScaleWord[] = [];

/** The readings of every register of the workbook, from its headers (nothing per row). */
export function sheetReadings(
  layouts: ReadonlyMap<string, SheetLayout>,
  settings: Pick<Settings, "likelihoodWords" | "impactWords">,
): SheetReadings {
  const threePoint = new Set<string>();
  const allocation = new Set<string>();
  for (const [sheet, layout] of layouts) {
    if (layout.kind !== "risk-register" || !layout.mapping) continue;
    const columns = layout.mapping.columns;
    if (readsOnThreePoints(layout)) threePoint.add(sheet);
    if (isAllocationHeader(columns.find((c) => c.field === "strategy")?.header)) allocation.add(sheet);
  }
  const settingScale = {
    likelihood: Array.isArray(settings.likelihoodWords) ? settings.likelihoodWords : NO_WORDS,
    impact: Array.isArray(settings.impactWords) ? settings.impactWords : NO_WORDS,
  };
  return {
    scaleOf: (sheet, factor) => (threePoint.has(sheet) ? THREE_POINT_WORDS : settingScale[factor]),
    allocates: (sheet) => allocation.has(sheet),
  };
}
