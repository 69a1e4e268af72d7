// Applies an officer's column correction to settings (SPEC: corrections are saved in Settings).

import type { ColumnCorrection, Settings } from "../core/model/settings";

/**
 * Settings with `correction` replacing any earlier correction of the same sheet and header.
 * Headers are compared trimmed and case-insensitively, as the engine matches them.
 */
export function withColumnCorrection(settings: Settings, correction: ColumnCorrection): Settings {
  const same = (c: ColumnCorrection): boolean =>
    c.sheet === correction.sheet && c.header.trim().toLowerCase() === correction.header.trim().toLowerCase();
  return {
    ...settings,
    columnCorrections: [...settings.columnCorrections.filter((c) => !same(c)), correction],
  };
}

/** Settings without any correction for that sheet and header (back to the engine's own guess). */
export function withoutColumnCorrection(settings: Settings, sheet: string, header: string): Settings {
  const h = header.trim().toLowerCase();
  return {
    ...settings,
    columnCorrections: settings.columnCorrections.filter(
      (c) => !(c.sheet === sheet && c.header.trim().toLowerCase() === h),
    ),
  };
}
