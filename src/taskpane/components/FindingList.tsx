// The findings, grouped by severity and rule; each one selects its cell on click or Enter.
// Arrow keys move between findings (one Tab stop for the whole list), as in Office's own panes.

import * as React from "react";
import { makeStyles, mergeClasses, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import type { Finding } from "../../core/model/finding";
import { findingPlace, type FindingGroup } from "../findings-view";
import { SeverityLabel, SEVERITY_WORD } from "./SeverityLabel";

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  list: { margin: 0, padding: 0, listStyleType: "none", marginTop: tokens.spacingVerticalXS },
  item: {
    display: "block",
    width: "100%",
    textAlign: "start",
    border: "none",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  active: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  place: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  message: { display: "block", overflowWrap: "anywhere" },
  srOnly: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const HINT_ID = "finding-list-hint";

export interface FindingListProps {
  groups: readonly FindingGroup[];
  /** The finding last selected, highlighted. */
  activeKey: string | null;
  onActivate(finding: Finding): void;
}

/** A finding's identity within a report (rule, sheet and cell, or row for sheet-level ones). */
export function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.messageId}|${f.sheet}|${f.cell ?? `row${f.row}`}|${f.recordId ?? ""}`;
}

function FindingItem({ finding, active, onActivate }: { finding: Finding; active: boolean; onActivate(f: Finding): void }): React.JSX.Element {
  const s = useStyles();
  const onClick = React.useCallback(() => onActivate(finding), [onActivate, finding]);
  // The name comes from the visible text (WCAG 2.5.3 label in name), with the severity and a pause
  // added for screen readers; what the button does is its description.
  return (
    <li>
      <button
        type="button"
        className={mergeClasses(s.item, active && s.active)}
        onClick={onClick}
        aria-current={active ? "true" : undefined}
        aria-describedby={HINT_ID}
      >
        <span className={s.srOnly}>{SEVERITY_WORD[finding.severity]}: </span>
        <span className={s.place}>{findingPlace(finding)}</span>
        <span className={s.srOnly}>. </span>
        <span className={s.message}>{finding.message}</span>
      </button>
    </li>
  );
}

/** Groups as headed lists. Buttons handle Enter and Space natively. */
export function FindingList({ groups, activeKey, onActivate }: FindingListProps): React.JSX.Element {
  const s = useStyles();
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  return (
    <div className={s.groups} {...arrows}>
      <span id={HINT_ID} className={s.srOnly}>
        Press Enter to go to the cell. Arrow keys move between findings.
      </span>
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`grp-${g.key}`}>
          <h3 className={s.heading} id={`grp-${g.key}`}>
            <SeverityLabel severity={g.severity} />
            <span className={s.rule}>{g.ruleId}</span>
            <span>({g.findings.length})</span>
          </h3>
          <ul className={s.list}>
            {g.findings.map((f) => {
              const key = findingKey(f);
              return <FindingItem key={key} finding={f} active={key === activeKey} onActivate={onActivate} />;
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
