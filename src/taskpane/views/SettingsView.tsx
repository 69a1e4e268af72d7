// Settings view: as-at date, review period, RAG bands, escalation thresholds, appetite, proposal
// thresholds, likelihood and impact words, strategy and status words, outstanding-work phrases,
// marking and rules,
// stored in the workbook's hidden Settings sheet so the whole team shares them.

import * as React from "react";
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { InputOnChangeData, SelectOnChangeData, TextareaOnChangeData } from "@fluentui/react-components";
import { APPETITE_LEVELS, APPETITE_LEVEL_NAMES } from "../../core/model/history";
import { SaveRegular, ArrowResetRegular } from "@fluentui/react-icons";
import { defaultSettings, type RuleSeverity, type Settings } from "../../core/model/settings";
import type { WorkbookActions, WorkbookState } from "../hooks/useWorkbook";
import { RULE_CATALOGUE, type RuleEntry } from "../rule-catalogue";
import {
  APPETITE_FIELDS,
  STRATEGY_FIELDS,
  fromForm,
  toForm,
  type FormErrors,
  type SettingsForm,
  type TextField,
} from "../settings-form";
import { SEVERITY_WORD } from "../components/SeverityLabel";
import { stackedList } from "../styles";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
  },
  legend: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
  },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  p: { margin: 0, color: tokens.colorNeutralForeground2 },
  rules: stackedList,
  ruleId: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  // Grid items and inputs shrink to the pane (a native input's intrinsic width is wider than half of 320 px).
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

const SEVERITY_OPTIONS: RuleSeverity[] = ["error", "warning", "info", "off"];
const OPTION_TEXT: Record<RuleSeverity, string> = { ...SEVERITY_WORD, off: "Off" };

/** The text inputs, grouped as the form shows them. */
interface TextInputSpec {
  key: TextField;
  label: string;
  hint?: string;
  type?: "date" | "text";
  inputMode?: "numeric" | "decimal" | "text";
  /** A longer text (a list of words) shown over several lines. */
  multiline?: boolean;
}
const DATES: TextInputSpec[] = [
  { key: "asAt", label: "As-at date", hint: "Leave blank to check as at today.", type: "date" },
  {
    key: "reviewPeriodMonths",
    label: "Review period (months)",
    hint: "An update within this period counts as this month's.",
    inputMode: "numeric",
  },
];
const RAG: TextInputSpec[] = [
  { key: "greenMax", label: "Green up to score", inputMode: "numeric" },
  { key: "amberMax", label: "Amber up to score", hint: "Higher scores are red.", inputMode: "numeric" },
];
const ESCALATION: TextInputSpec[] = [
  { key: "corporateMinScore", label: "Corporate register from score", inputMode: "numeric" },
  { key: "directorateMinScore", label: "Directorate register from score", inputMode: "numeric" },
  { key: "directorateMaxScore", label: "Directorate register up to score", inputMode: "numeric" },
  { key: "operationsBoardMinImpact", label: "Operations board from (£)", inputMode: "decimal" },
  { key: "strategicBoardMinImpact", label: "Strategic board from (£)", inputMode: "decimal" },
  { key: "strategicBoardScore", label: "Strategic board at score", inputMode: "numeric" },
];
const APPETITE: TextInputSpec[] = APPETITE_LEVELS.map((level) => ({
  key: APPETITE_FIELDS[level],
  label: `${APPETITE_LEVEL_NAMES[level]} up to score`,
  inputMode: "numeric" as const,
}));
const SCALES: TextInputSpec[] = [
  {
    key: "likelihoodWords",
    label: "Likelihood words",
    hint: "A cell holding one of these words is read as its number, e.g. Likely = 4.",
    multiline: true,
  },
  {
    key: "impactWords",
    label: "Impact words",
    hint: "Separate the words with semicolons, e.g. Minor = 2; Major = 4.",
    multiline: true,
  },
];
const PROPOSALS: TextInputSpec[] = [
  {
    key: "escalateMonthsAbove",
    label: "Months above appetite before escalating",
    hint: "Propose escalating a risk above its appetite at this many last monthly points (1 to 12).",
    inputMode: "numeric",
  },
  {
    key: "escalateRise",
    label: "Rise in score that proposes escalating",
    hint: "Or when its score rose by at least this much since the month before (1 to 24).",
    inputMode: "numeric",
  },
  {
    key: "deEscalateMonths",
    label: "Months at or below appetite before de-escalating",
    hint: "Propose de-escalating an escalated risk at or below its appetite or target score at this many last monthly points (1 to 12).",
    inputMode: "numeric",
  },
];
const STRATEGIES: TextInputSpec[] = Object.values(STRATEGY_FIELDS).map(({ key, name }) => ({
  key,
  label: `${name} words`,
}));
const STATUSES: TextInputSpec[] = [
  {
    key: "closedStatusWords",
    label: "Closed risk statuses",
    hint: "A risk whose Status starts with one of these is closed, and exempt from the update and action rules; any other status is open.",
    multiline: true,
  },
  {
    key: "actionDoneWords",
    label: "Action statuses that mean done",
    hint: "An action whose Status starts with one of these counts as done.",
    multiline: true,
  },
];
const OUTSTANDING: TextInputSpec[] = [
  {
    key: "outstandingPhrases",
    label: "Outstanding-work phrases",
    hint: "One phrase a line; … stands for a few words. A completed plan action whose Status or Evidence holds one is flagged (rule plan/completed-not-evidenced).",
    multiline: true,
  },
];
const MARKING: TextInputSpec[] = [
  {
    key: "protectiveMarking",
    label: "Protective marking",
    hint: "Printed on every summary tab, e.g. OFFICIAL-SENSITIVE.",
  },
];

interface TextInputsProps {
  specs: TextInputSpec[];
  form: SettingsForm;
  errors: FormErrors;
  onText(key: TextField, value: string): void;
}

function TextInputs({ specs, form, errors, onText }: TextInputsProps): React.JSX.Element {
  const s = useStyles();
  return (
    <>
      {specs.map((f) => (
        <Field
          className={s.field}
          key={f.key}
          label={f.label}
          hint={f.hint}
          validationMessage={errors[f.key]}
          validationState={errors[f.key] ? "error" : "none"}
        >
          {f.multiline ? (
            <Textarea
              className={s.input}
              name={f.key}
              resize="vertical"
              rows={3}
              value={form[f.key]}
              onChange={(_: unknown, d: TextareaOnChangeData) => onText(f.key, d.value)}
            />
          ) : (
            <Input
              className={s.input}
              name={f.key}
              type={f.type ?? "text"}
              inputMode={f.inputMode}
              value={form[f.key]}
              onChange={(_: unknown, d: InputOnChangeData) => onText(f.key, d.value)}
            />
          )}
        </Field>
      ))}
    </>
  );
}

function RuleRow({
  rule,
  value,
  onSeverity,
}: {
  rule: RuleEntry;
  value: RuleSeverity;
  onSeverity(id: string, v: RuleSeverity): void;
}): React.JSX.Element {
  const s = useStyles();
  const onChange = React.useCallback(
    (_: unknown, d: SelectOnChangeData) => onSeverity(rule.id, d.value as RuleSeverity),
    [onSeverity, rule.id],
  );
  return (
    <li>
      <Field
        size="small"
        label={<span className={s.ruleId}>{rule.id}</span>}
        hint={`${rule.summary.replace(/\.$/, "")}. Default: ${OPTION_TEXT[rule.defaultSeverity].toLowerCase()}.`}
      >
        <Select size="small" value={value} onChange={onChange}>
          {SEVERITY_OPTIONS.map((o) => (
            <option key={o} value={o}>
              {OPTION_TEXT[o]}
            </option>
          ))}
        </Select>
      </Field>
    </li>
  );
}

interface SettingsFormViewProps {
  settings: Settings;
  busy: boolean;
  onSave(settings: Settings): Promise<boolean>;
}

/**
 * The form. It resets to the saved settings after a save or a reload (a save may merge co-authors'
 * changes), in place: the form is not rebuilt, so the Save button keeps focus.
 */
function SettingsFormView({ settings, busy, onSave }: SettingsFormViewProps): React.JSX.Element {
  const s = useStyles();
  const [form, setForm] = React.useState<SettingsForm>(() => toForm(settings));
  const [errors, setErrors] = React.useState<FormErrors>({});
  // React's "adjust state when a prop changes": reset during render, before anything stale is drawn.
  const [shownSettings, setShownSettings] = React.useState(settings);
  if (shownSettings !== settings) {
    setShownSettings(settings);
    setForm(toForm(settings));
    setErrors({});
  }
  const formRef = React.useRef<HTMLFormElement>(null);
  const onText = React.useCallback(
    (key: TextField, value: string) => setForm((f) => ({ ...f, [key]: value })),
    [],
  );
  const onSeverity = React.useCallback(
    (id: string, v: RuleSeverity) =>
      setForm((f) => ({ ...f, ruleSeverities: { ...f.ruleSeverities, [id]: v } })),
    [],
  );
  const onSubmit = React.useCallback(
    (e: React.FormEvent) => {
      e.preventDefault();
      // Enter in a field still submits while Save is busy (it stays focusable, not disabled).
      if (busy) return;
      const result = fromForm(form, settings);
      if (!result.ok) {
        setErrors(result.errors);
        // Keyboard users land on the first field to correct, in the form's order (not the checks' order).
        const named = Object.keys(result.errors).map((name) => `[name="${name}"]`);
        formRef.current?.querySelector<HTMLElement>(named.join(","))?.focus();
        return;
      }
      setErrors({});
      void onSave(result.settings);
    },
    [form, settings, busy, onSave],
  );
  const onDefaults = React.useCallback(() => {
    setForm(toForm({ ...defaultSettings(), columnCorrections: settings.columnCorrections }));
    setErrors({});
  }, [settings.columnCorrections]);
  const errorCount = Object.keys(errors).length;

  return (
    <form ref={formRef} className={s.form} onSubmit={onSubmit} noValidate aria-label="Settings">
      <p className={s.p}>
        Saved in this workbook, so everyone who opens it, and the command line, uses the same settings.
      </p>
      <fieldset className={s.section}>
        <legend className={s.legend}>Dates</legend>
        <TextInputs specs={DATES} form={form} errors={errors} onText={onText} />
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>RAG bands</legend>
        <div className={s.pair}>
          <TextInputs specs={RAG} form={form} errors={errors} onText={onText} />
        </div>
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>Escalation thresholds</legend>
        <TextInputs specs={ESCALATION} form={form} errors={errors} onText={onText} />
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>Risk appetite</legend>
        <p className={s.p}>
          The highest score each appetite level tolerates (HM Treasury&apos;s Orange Book levels). A risk
          scoring above its category&apos;s level is flagged and may be proposed for escalation.
        </p>
        <div className={s.pair}>
          <TextInputs specs={APPETITE} form={form} errors={errors} onText={onText} />
        </div>
        <Field
          className={s.field}
          label="Level for categories not listed"
          validationMessage={errors.appetiteDefaultLevel}
          validationState={errors.appetiteDefaultLevel ? "error" : "none"}
        >
          <Select
            name="appetiteDefaultLevel"
            value={form.appetiteDefaultLevel}
            onChange={(_: unknown, d: SelectOnChangeData) => onText("appetiteDefaultLevel", d.value)}
          >
            {APPETITE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {APPETITE_LEVEL_NAMES[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          className={s.field}
          label="Appetite by category"
          hint='One a line, as "Category: Level", e.g. "Financial and commercial: Minimal". The category is the register&apos;s Category column, else its section, else its annex.'
          validationMessage={errors.appetiteCategories}
          validationState={errors.appetiteCategories ? "error" : "none"}
        >
          <Textarea
            className={s.input}
            name="appetiteCategories"
            resize="vertical"
            value={form.appetiteCategories}
            onChange={(_: unknown, d: TextareaOnChangeData) => onText("appetiteCategories", d.value)}
          />
        </Field>
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>Proposals</legend>
        <p className={s.p}>When an escalation or de-escalation is proposed on the Escalation tab.</p>
        <TextInputs specs={PROPOSALS} form={form} errors={errors} onText={onText} />
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>Likelihood and impact words</legend>
        <TextInputs specs={SCALES} form={form} errors={errors} onText={onText} />
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>Strategy and status words</legend>
        <p className={s.p}>
          Separate the words with commas. Other forms of a strategy word count too: accept, accepted,
          acceptance.
        </p>
        <TextInputs specs={STRATEGIES} form={form} errors={errors} onText={onText} />
        <TextInputs specs={STATUSES} form={form} errors={errors} onText={onText} />
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>Outstanding-work phrases</legend>
        <TextInputs specs={OUTSTANDING} form={form} errors={errors} onText={onText} />
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>Summary tabs</legend>
        <TextInputs specs={MARKING} form={form} errors={errors} onText={onText} />
      </fieldset>
      <fieldset className={s.section}>
        <legend className={s.legend}>Rules</legend>
        <ul className={s.rules}>
          {RULE_CATALOGUE.map((r) => (
            <RuleRow
              key={r.id}
              rule={r}
              value={form.ruleSeverities[r.id] ?? r.defaultSeverity}
              onSeverity={onSeverity}
            />
          ))}
        </ul>
      </fieldset>
      {errorCount > 0 ? (
        <p role="alert" className={s.p}>
          {errorCount === 1 ? "One setting needs correcting" : `${errorCount} settings need correcting`}{" "}
          before they can be saved.
        </p>
      ) : null}
      <div className={s.buttons}>
        {/* Focusable while busy: a disabled button would drop the focus it has to <body>. */}
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabledFocusable={busy}>
          Save settings
        </Button>
        <Button type="button" icon={<ArrowResetRegular />} onClick={onDefaults} disabled={busy}>
          Restore defaults
        </Button>
      </div>
    </form>
  );
}

export interface SettingsViewProps {
  state: WorkbookState;
  actions: WorkbookActions;
}

/** The Settings view (waits for the settings to be read from the workbook). */
export function SettingsView({ state, actions }: SettingsViewProps): React.JSX.Element {
  const s = useStyles();
  if (!state.settings) return <p className={s.p}>Reading the settings from the workbook…</p>;
  return (
    <SettingsFormView settings={state.settings} busy={state.busy !== null} onSave={actions.saveSettings} />
  );
}
