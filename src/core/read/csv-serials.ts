// A CSV has no number formats: an Excel serial exported into one arrives as a bare number. Read in a
// date column as the date it is, wherever a CSV is read (a workbook checked, an export imported).

import { DATE_FIELDS } from "../model/fields";
import type { Grid } from "../model/grid";
import { rawValue, type SheetRecord } from "../model/records";
import type { SheetLayout } from "./detect-sheet";
import { isLikelyDateSerial } from "../parse/likely-serial";

/** Excel serials a CSV's date column may hold: 1954-10-03 to 2119-01-08, well clear of scores and amounts. */
/** The format given to a CSV serial so every date reader takes it for the date it is. */
const CSV_SERIAL_FORMAT = "dd/mm/yyyy";

/**
 * In a CSV's date columns, a whole number 20000–80000 is read as a serial (SPEC "Values": Dates): its
 * cell is given a date format.
 */
export function readCsvSerials(grid: Grid, layout: SheetLayout, records: SheetRecord<string>[]): void {
  if (!/\.csv$/i.test(grid.origin) || !layout.mapping) return;
  const fields = DATE_FIELDS.filter((f) => layout.mapping!.fieldColumns.has(f));
  if (fields.length === 0) return;
  for (const r of records)
    for (const f of fields) {
      const v = rawValue(r, f);
      if (typeof v === "number" && Number.isInteger(v) && isLikelyDateSerial(v))
        r.fields[f]!.format = CSV_SERIAL_FORMAT;
    }
}
