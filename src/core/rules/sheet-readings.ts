// How a register's cells are read where its headers say so, decided once per sheet: likelihood and impact
// words on three points ("Likelihood (L/M/H)", or a title naming a 3 × 3 matrix: see three-point-scale.ts),
// and an allocation column's parties as strategies ("Allocation: Authority / Contractor / Shared": see
// allocation-column.ts).

import type { ScaleWord, Settings } from "../model/settings";
import type { SheetLayout } from "../read/detect-sheet";
import { allocationStrategyWords, isAllocationHeader } from "../read/allocation-column";
import { readsOnThreePoints, THREE_POINT_WORDS } from "../read/three-point-scale";

export type Factor = "likelihood" | "impact";

/**
 * The words a register's cells are read with: its likelihood and impact scales and its strategy words (an
 * allocation column's parties among them). What a reader outside the check (the meeting's "Keep theirs", an
 * import's movement) reads a sheet's words with, as the check does.
 */
export interface SheetWords {
  likelihoodWords: readonly ScaleWord[];
  impactWords: readonly ScaleWord[];
  strategyWords: Settings["strategyWords"];
}

export interface SheetReadings {
  /** The word scale a likelihood or impact cell of the sheet is read on: the Settings one, or three points. */
  scaleOf(sheet: string, factor: Factor): readonly ScaleWord[];
  /** True when the sheet's strategy column allocates each risk between the parties (an allocation column). */
  allocates(sheet: string): boolean;
  /** The words the sheet's likelihood, impact and strategy cells are read with (the same object each time). */
  wordsOf(sheet: string): SheetWords;
}

const NO_WORDS: readonly ScaleWord[] = [];

/** The readings of every register of the workbook, from its headers (nothing per row). */
export function sheetReadings(
  layouts: ReadonlyMap<string, SheetLayout>,
  settings: Pick<Settings, "likelihoodWords" | "impactWords" | "strategyWords">,
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
  const scaleOf = (sheet: string, factor: Factor) =>
    threePoint.has(sheet) ? THREE_POINT_WORDS : settingScale[factor];
  const allocates = (sheet: string) => allocation.has(sheet);
  const words = new Map<string, SheetWords>();
  return {
    scaleOf,
    allocates,
    wordsOf(sheet) {
      let w = words.get(sheet);
      if (!w)
        words.set(
          sheet,
          (w = {
            likelihoodWords: scaleOf(sheet, "likelihood"),
            impactWords: scaleOf(sheet, "impact"),
            strategyWords: allocates(sheet)
              ? allocationStrategyWords(settings.strategyWords)
              : settings.strategyWords,
          }),
        );
      return w;
    },
  };
}
