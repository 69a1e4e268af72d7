// The counts at the top of the Check view: errors, warnings, notes and accepted exceptions.

import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/model/finding";
import { severityCount } from "../findings-view";
import { SeverityLabel } from "./SeverityLabel";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const ORDER: Severity[] = ["error", "warning", "info"];

export interface FindingCountsProps {
  counts: Record<Severity, number>;
  accepted: number;
}

/** "3 errors · 2 warnings · 0 notes · 1 accepted". */
export function FindingCounts({ counts, accepted }: FindingCountsProps): React.JSX.Element {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label="Finding counts">
      {ORDER.map((sev) => (
        <li key={sev}>
          <SeverityLabel severity={sev}>{severityCount(sev, counts[sev])}</SeverityLabel>
        </li>
      ))}
      <li className={s.muted}>{accepted} accepted</li>
    </ul>
  );
}
