// Import step 2: the export's columns with sample values and the field each is read as; the register to
// merge into; layout changes since the saved IRIS profile shown first.

import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { MonthWrite } from "../../core/merge/propose-mapping";
import type { ExportRole, ExportSheetMapping, LayoutChange } from "../../core/merge/types";
import { RISK_FIELDS, ACTION_FIELDS } from "../../core/model/fields";
import { fieldLabel } from "../field-labels";
import { IGNORE, type ColumnChoice } from "./choices";
import type { ImportActions, ImportState } from "./useImport";
import { sectionHeading } from "../styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  h2: sectionHeading,
  p: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: {
    padding: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    marginBottom: tokens.spacingVerticalS,
  },
  dropdown: { width: "100%", minWidth: 0 },
  hint: { overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const CARRY = "(carry)";

/** Dropdown key of a choice, and back. */
const keyOf = (c: ColumnChoice): string => (c === null ? CARRY : c);
const choiceOf = (k: string): ColumnChoice => (k === CARRY ? null : k);

function choiceLabel(c: ColumnChoice): string {
  if (c === null) return "Carry as it is";
  if (c === IGNORE) return "Ignore (not imported)";
  return fieldLabel(c);
}

/** One sentence per layout change, as the officer reads it. */
export function describeChange(c: LayoutChange): string {
  const where = c.role === "risks" ? "risks" : "actions";
  if (c.kind === "renamed")
    return `${where}: "${c.from}" is now "${c.to}" (still read as ${choiceLabel(c.field)}).`;
  if (c.kind === "added" && c.councilColumn !== undefined)
    return `${where}: new column "${c.header}" is not imported, as it would fill your own column "${c.councilColumn}"; map it to a field to import it.`;
  if (c.kind === "added") return `${where}: new column "${c.header}" (proposed: ${choiceLabel(c.field)}).`;
  return `${where}: column "${c.header}" (${choiceLabel(c.field)}) is no longer in the export.`;
}

/**
 * Where the register writes a field it keeps month by month, for the column mapped to it: "Written to “Update
 * Sep-22” (column K), the column of Sep-22, the import's month", or why it is not written.
 */
export function monthWriteText(register: string, w: MonthWrite): string {
  if (w.column)
    return `Written to “${w.column.header}” (column ${w.column.letter}), the column of ${w.month}, the import's month; earlier months are left as they are.`;
  return `Not written: “${register}” has ${w.missing ?? `no column for ${w.month}`}, and earlier months are left as they are.`;
}

function ColumnList({
  sheet,
  role,
  choices,
  onChoice,
  register,
  months,
}: {
  sheet: ExportSheetMapping;
  role: ExportRole;
  choices: ColumnChoice[];
  onChoice: ImportActions["setChoice"];
  /** The register merged into, and the fields it keeps month by month (risks only). */
  register?: string | null;
  months?: Record<string, MonthWrite>;
}) {
  const s = useStyles();
  const fields = role === "risks" ? RISK_FIELDS : ACTION_FIELDS;
  const keys = React.useMemo(() => [CARRY, IGNORE, ...fields], [fields]);
  return (
    <fieldset className={s.fieldset}>
      <legend className={s.legend}>
        {role === "risks" ? "Risk" : "Action"} columns of sheet “{sheet.sheet}” (header row{" "}
        {sheet.headerRow + 1})
      </legend>
      {sheet.columns.map((c, i) => {
        const choice = choices[i] === undefined ? c.field : choices[i];
        const samples = c.samples.length > 0 ? `e.g. ${c.samples.join(" · ")}` : "No values";
        const month = choice !== null && choice !== IGNORE && register ? months?.[choice] : undefined;
        const hint = month && register ? `${samples}. ${monthWriteText(register, month)}` : samples;
        return (
          <Field
            key={`${c.col}`}
            label={c.header || `(column ${c.col + 1}, no header)`}
            hint={{ children: hint, className: s.hint }}
          >
            <Dropdown
              className={s.dropdown}
              value={choiceLabel(choice)}
              selectedOptions={[keyOf(choice)]}
              onOptionSelect={(_, d) =>
                d.optionValue !== undefined && onChoice(role, i, choiceOf(d.optionValue))
              }
            >
              {keys.map((k) => (
                <Option key={k} value={k}>
                  {choiceLabel(choiceOf(k))}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
    </fieldset>
  );
}

/** Step 2. */
export function MappingStep({
  state,
  actions,
}: {
  state: ImportState;
  actions: ImportActions;
}): React.JSX.Element | null {
  const s = useStyles();
  const m = state.mapping;
  if (!m) return null;
  const busy = state.busy !== null;
  return (
    <div className={s.root}>
      <h2 className={s.h2}>Map the columns of “{state.fileName}”</h2>
      {m.changes.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The export&apos;s layout changed since the saved IRIS profile</MessageBarTitle>
            <ul className={s.list}>
              {m.changes.map((c, i) => (
                <li key={i}>{describeChange(c)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : m.fromProfile ? (
        <p className={s.p}>Mapped with the IRIS profile saved in this workbook: check and go on.</p>
      ) : null}
      <Field label="Merge into the register">
        <Dropdown
          className={s.dropdown}
          value={state.register ?? ""}
          selectedOptions={state.register ? [state.register] : []}
          onOptionSelect={(_, d) => d.optionValue && actions.setRegister(d.optionValue)}
        >
          {state.registers.map((r) => (
            <Option key={r} value={r}>
              {r}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <ColumnList
        sheet={m.risks}
        role="risks"
        choices={state.choices.risks}
        onChoice={actions.setChoice}
        register={state.register}
        months={state.register ? state.registerMonths[state.register] : undefined}
      />
      {m.actions ? (
        <ColumnList
          sheet={m.actions}
          role="actions"
          choices={state.choices.actions}
          onChoice={actions.setChoice}
        />
      ) : (
        <p className={s.p}>The export has no actions sheet.</p>
      )}
      <div className={s.buttons}>
        <Button
          appearance="primary"
          disabled={busy || !state.register}
          onClick={() => void actions.preview()}
        >
          Preview changes
        </Button>
        <Button disabled={busy} onClick={actions.restart}>
          Choose another file
        </Button>
      </div>
    </div>
  );
}
