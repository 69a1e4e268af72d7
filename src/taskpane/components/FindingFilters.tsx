// The findings filter: rule, sheet and severity.

import * as React from "react";
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/model/finding";
import type { FindingFilter } from "../findings-view";
import { SEVERITY_WORD } from "./SeverityLabel";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  // Grid items default to min-width: auto, and a native select is as wide as its longest option (a rule id).
  field: { minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const severityWord = (value: string): string => SEVERITY_WORD[value as Severity];

export interface FindingFiltersProps {
  filter: FindingFilter;
  rules: readonly string[];
  sheets: readonly string[];
  onChange(filter: FindingFilter): void;
}

/** Three selects; "All …" clears each. */
export function FindingFilters({ filter, rules, sheets, onChange }: FindingFiltersProps): React.JSX.Element {
  const s = useStyles();
  const onRule = React.useCallback(
    (value: string) => onChange({ ...filter, ruleId: value }),
    [filter, onChange],
  );
  const onSheet = React.useCallback(
    (value: string) => onChange({ ...filter, sheet: value }),
    [filter, onChange],
  );
  const onSeverity = React.useCallback(
    (value: string) => onChange({ ...filter, severity: value as Severity | "" }),
    [filter, onChange],
  );
  return (
    <div className={s.root} role="group" aria-label="Filter findings">
      <FilterSelect
        label="Severity"
        all="All severities"
        value={filter.severity}
        options={SEVERITIES}
        text={severityWord}
        onChange={onSeverity}
      />
      <FilterSelect label="Rule" all="All rules" value={filter.ruleId} options={rules} onChange={onRule} />
      <FilterSelect label="Sheet" all="All sheets" value={filter.sheet} options={sheets} onChange={onSheet} />
    </div>
  );
}

interface FilterSelectProps {
  label: string;
  /** The blank first option's text, which clears this filter ("All rules"). */
  all: string;
  value: string;
  options: readonly string[];
  /** What an option shows, when not its value. */
  text?: (value: string) => string;
  onChange(value: string): void;
}

/** One small labelled select of the filter. */
function FilterSelect({ label, all, value, options, text, onChange }: FilterSelectProps): React.JSX.Element {
  const s = useStyles();
  return (
    <Field className={s.field} label={label} size="small">
      <Select className={s.select} size="small" value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {text ? text(o) : o}
          </option>
        ))}
      </Select>
    </Field>
  );
}
