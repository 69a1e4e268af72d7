// The whole numbers a few settings may take: a module of its own with no imports, so the Settings view
// reads the ranges without pulling the settings model into the pane's first load.

/**
 * The whole numbers a few settings may take, one place for both the Settings sheet's reader and the
 * Settings view, so a value one accepts the other saves back: the review period in months, and where the
 * green and amber RAG bands end (red takes the scores above amber's end).
 */
export const SETTING_RANGES = {
  reviewPeriodMonths: { min: 1, max: 12 },
  greenMax: { min: 1, max: 23 },
  amberMax: { min: 2, max: 24 },
} as const;
