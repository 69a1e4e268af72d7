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
import { FIELDS_BY_KIND } from "../../core/model/fields";
import type { ColumnMapping, SheetInfo } from "../../core/model/sheet-info";
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

/**
 * "Risk register · headers in row 4 · 12 of 14 columns recognised"; for a sheet no plan, register or actions
 * sheet, what it was taken as instead ("Risk matrix (sets the RAG bands)", a dated copy read as history), else
 * "Not used".
 */
export function sheetSummary(sheet: SheetInfo): string {
  const merges = sheet.mergesUnread ? " · merged cells not read" : "";
  if (sheet.kind === "unknown" || sheet.headerRow === null) return `${takenAsInstead(sheet)}${merges}`;
  const mapped = sheet.columns.filter((c) => c.field !== null).length;
  const aside = sheet.setAside?.length ? ` · ${sheet.setAside.length} set aside` : "";
  return `${kindLabel(sheet.kind)} · headers in row ${sheet.headerRow + 1} · ${mapped} of ${sheet.columns.length} columns recognised · ${sheet.recordCount} rows${aside}${merges}`;
}

/** What a sheet that is no plan, register or actions sheet was taken as (see sheetSummary). */
function takenAsInstead(sheet: SheetInfo): string {
  if (sheet.riskMatrix) return "Risk matrix (sets the RAG bands)";
  const copy = sheet.historyCopy;
  if (copy) return `Copy of "${copy.register}" dated ${copy.dated} · read as history`;
  return kindLabel("unknown");
}

interface ColumnRowProps {
  sheet: SheetInfo;
  column: ColumnMapping;
  disabled: boolean;
  onCorrect(sheet: string, header: string, field: string | null): void;
}

function ColumnRow({ sheet, column, disabled, onCorrect }: ColumnRowProps): React.JSX.Element {
  const s = useStyles();
  const options = sheet.kind === "unknown" ? [] : FIELDS_BY_KIND[sheet.kind];
  const onChange = React.useCallback(
    (_: unknown, data: SelectOnChangeData) =>
      onCorrect(sheet.name, column.header, data.value === "" ? null : data.value),
    [onCorrect, sheet.name, column.header],
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
      <Select size="small" value={column.field ?? ""} onChange={onChange} disabled={disabled}>
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
            {sheet.note ? <p className={s.note}>{sheet.note}</p> : null}
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
