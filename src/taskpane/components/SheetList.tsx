// Which sheets were taken for what (kind, header row, mapped columns), with a way to correct a column's meaning.

import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SelectOnChangeData } from "@fluentui/react-components";
import { columnLetter } from "../../core/address/a1";
import { countOf } from "../../core/list-words";
import { FIELDS_BY_KIND } from "../../core/model/fields";
import type { ColumnMapping, RegisterHolds, SheetInfo } from "../../core/model/sheet-info";
import { fieldLabel, kindLabel } from "../field-labels";
import { LongList } from "./LongList";
import { mergesUnreadNote, structureLines } from "../../core/read/structure-lines";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start", textAlign: "start" },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  summary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  columns: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    paddingBottom: tokens.spacingVerticalL,
    listStyleType: "none",
  },
  note: { color: tokens.colorNeutralForeground2, marginTop: 0 },
  corrected: { color: tokens.colorBrandForeground1, fontSize: tokens.fontSizeBase200 },
});

/** What the summary says of a register that holds closed risks or opportunities, as a dated copy says "read as history". */
const HOLDS_SUMMARY: Record<RegisterHolds, string> = {
  "closed-risks": "read as closed risks",
  opportunities: "read as opportunities",
};

/**
 * "Risk register · headers in row 4 · 12 of 14 columns recognised" ("Risk register · read as closed risks · …"
 * for a sheet of closed risks or opportunities); for a sheet no plan, register or actions sheet, what it was
 * taken as instead ("Risk matrix (sets the RAG bands)", a dated copy read as history, the add-in's own tab),
 * else "Not used".
 */
export function sheetSummary(sheet: SheetInfo): string {
  const merges = sheet.mergesUnread ? " · merged cells not read" : "";
  if (sheet.kind === "unknown" || sheet.headerRow === null) return `${takenAsInstead(sheet)}${merges}`;
  // A month's column of a field kept month by month is read, though only the as-at month's carries the field.
  const mapped = sheet.columns.filter((c) => c.field !== null || monthColumnRead(sheet, c) !== null).length;
  const aside = sheet.setAside?.length ? ` · ${sheet.setAside.length} set aside` : "";
  const holds = sheet.holds ? ` · ${HOLDS_SUMMARY[sheet.holds]}` : "";
  return `${kindLabel(sheet.kind)}${holds} · headers in row ${sheet.headerRow + 1} · ${mapped} of ${countOf(sheet.columns.length, "column")} recognised · ${countOf(sheet.recordCount, "row")}${aside}${merges}`;
}

/** What the summary calls one of the add-in's own tabs (its Settings, a summary tab, a backup) but its Update Log. */
export const OWNED_TAB_SUMMARY = "The add-in's own tab";

/** What a sheet that is no plan, register or actions sheet was taken as (see sheetSummary). */
function takenAsInstead(sheet: SheetInfo): string {
  if (sheet.owned) return OWNED_TAB_SUMMARY;
  if (sheet.riskMatrix) return "Risk matrix (sets the RAG bands)";
  const copy = sheet.historyCopy;
  if (copy) return `Copy of "${copy.register}" dated ${copy.dated} · read as history`;
  return kindLabel("unknown");
}

/**
 * What a month's column of a field kept month by month is read as, in the pane's words with its month
 * ("Latest update — Jul-22"; a month after the as-at date says it is not read yet): every column of such a
 * field is read, though only the as-at month's carries the field. Null for any other column.
 */
export function monthColumnRead(sheet: SheetInfo, column: ColumnMapping): string | null {
  if (column.field !== null || column.month === undefined) return null;
  const letter = columnLetter(column.col);
  for (const m of sheet.monthColumns ?? []) {
    const at = m.months.findIndex((x) => x.letter === letter);
    if (at < 0) continue;
    const later = at >= m.read ? " (after the as-at date, not read yet)" : "";
    return `${fieldLabel(m.field)} — ${column.month}${later}`;
  }
  return null;
}

/**
 * The picker's value for a month's column read as its field by month (see monthColumnRead), never a field id
 * (those have no spaces): choosing it changes nothing.
 */
const BY_MONTH = "(by month)";

interface ColumnRowProps {
  sheet: SheetInfo;
  column: ColumnMapping;
  disabled: boolean;
  onCorrect(sheet: string, header: string, field: string | null): void;
}

function ColumnRow({ sheet, column, disabled, onCorrect }: ColumnRowProps): React.JSX.Element {
  const s = useStyles();
  const options = sheet.kind === "unknown" ? [] : FIELDS_BY_KIND[sheet.kind];
  const byMonth = monthColumnRead(sheet, column);
  const onChange = React.useCallback(
    (_: unknown, data: SelectOnChangeData) => {
      if (!disabled && data.value !== BY_MONTH)
        onCorrect(sheet.name, column.header, data.value === "" ? null : data.value);
    },
    [disabled, onCorrect, sheet.name, column.header],
  );
  return (
    <Field
      size="small"
      label={`${columnLetter(column.col)} · ${column.header || "(no header)"}`}
      hint={
        column.source === "setting" ? (
          <span className={s.corrected}>Your correction, saved in the workbook</span>
        ) : undefined
      }
    >
      <Select
        size="small"
        value={byMonth !== null ? BY_MONTH : (column.field ?? "")}
        onChange={onChange}
        // Focusable while busy (a change is then not taken, and the picker shows its value still): the picker
        // just changed keeps focus through the check that follows, where a disabled one would drop it to <body>.
        aria-disabled={disabled || undefined}
      >
        {byMonth !== null ? <option value={BY_MONTH}>{byMonth}</option> : null}
        <option value="">Not used (kept as it is)</option>
        {options.map((f) => (
          <option key={f} value={f}>
            {fieldLabel(f)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export interface SheetListProps {
  sheets: readonly SheetInfo[];
  disabled: boolean;
  onCorrect(sheet: string, header: string, field: string | null): void;
}

/** A column row's height (its label and select) before it is measured. */
const COLUMN_ROW_HEIGHT = 60;
const columnKey = (c: ColumnMapping): string => String(c.col);

/** One collapsible entry per sheet; open one to see and correct its columns. */
export function SheetList({ sheets, disabled, onCorrect }: SheetListProps): React.JSX.Element {
  const s = useStyles();
  return (
    <Accordion multiple collapsible>
      {sheets.map((sheet) => (
        <AccordionItem key={sheet.name} value={sheet.name}>
          <AccordionHeader size="small">
            <span className={s.header}>
              <span className={s.name}>{sheet.name}</span>
              <span className={s.summary}>{sheetSummary(sheet)}</span>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            {/* An owned tab's note ("the add-in's own tab") is its summary already. */}
            {sheet.note && !(sheet.owned && sheet.kind === "unknown") ? (
              <p className={s.note}>{sheet.note}</p>
            ) : null}
            {sheet.mergesUnread ? <p className={s.note}>{mergesUnreadNote(sheet.mergesUnread)}</p> : null}
            {structureLines(sheet).map((line) => (
              <p key={line} className={s.note}>
                {line}
              </p>
            ))}
            {sheet.kind !== "unknown" && sheet.columns.length > 0 ? (
              // A sheet of many columns draws only those near the window.
              <LongList
                items={sheet.columns}
                itemKey={columnKey}
                renderItem={(c) => (
                  <ColumnRow sheet={sheet} column={c} disabled={disabled} onCorrect={onCorrect} />
                )}
                estimatedRowHeight={COLUMN_ROW_HEIGHT}
                className={s.columns}
                aria-label={`Columns of ${sheet.name}`}
              />
            ) : null}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
