// The findings filter: rule, sheet and severity.

import * as React from "react";
import { Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { SelectOnChangeData } from "@fluentui/react-components";
import type { Severity } from "../../core/model/finding";
import type { FindingFilter } from "../findings-view";
import { SEVERITY_WORD } from "./SeverityLabel";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS },
  // Grid items default to min-width: auto, and a native select is as wide as its longest option (a rule id).
  field: { minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export interface FindingFiltersProps {
  filter: FindingFilter;
  rules: readonly string[];
  sheets: readonly string[];
  onChange(filter: FindingFilter): void;
}

/** Three selects; "All …" clears each. */
export function FindingFilters({ filter, rules, sheets, onChange }: FindingFiltersProps): React.JSX.Element {
  const s = useStyles();
  const onRule = React.useCallback((_: unknown, d: SelectOnChangeData) => onChange({ ...filter, ruleId: d.value }), [filter, onChange]);
  const onSheet = React.useCallback((_: unknown, d: SelectOnChangeData) => onChange({ ...filter, sheet: d.value }), [filter, onChange]);
  const onSeverity = React.useCallback(
    (_: unknown, d: SelectOnChangeData) => onChange({ ...filter, severity: d.value as Severity | "" }),
    [filter, onChange],
  );
  return (
    <div className={s.root} role="group" aria-label="Filter findings">
      <Field className={s.field} label="Severity" size="small">
        <Select className={s.select} size="small" value={filter.severity} onChange={onSeverity}>
          <option value="">All severities</option>
          {SEVERITIES.map((sev) => (
            <option key={sev} value={sev}>
              {SEVERITY_WORD[sev]}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={s.field} label="Rule" size="small">
        <Select className={s.select} size="small" value={filter.ruleId} onChange={onRule}>
          <option value="">All rules</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={s.field} label="Sheet" size="small">
        <Select className={s.select} size="small" value={filter.sheet} onChange={onSheet}>
          <option value="">All sheets</option>
          {sheets.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
