// The findings, grouped by severity and rule; each one selects its cell on click or Enter.
// Arrow keys move between findings (one Tab stop for the whole list), as in Office's own panes; a finding
// that names a record has an "Accept…" button beside it, reached with the right arrow. A long group shows
// its first rows and "Show all 7,412" (reached with the arrows too); shown in full, only the rows near the
// window are drawn, so the pane costs what is on screen, not how many findings there are.

import * as React from "react";
import {
  Button,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import type { Finding } from "../../core/model/finding";
import { canAccept, exceptionTarget } from "../accept-exception";
import { findingPlace, type FindingGroup } from "../findings-view";
import { SeverityLabel, SEVERITY_WORD } from "./SeverityLabel";
import { LongList } from "./LongList";
import { countText } from "../windowing";
import { visuallyHidden } from "../styles";

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column" },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
  },
  rule: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  list: { margin: 0, padding: 0, listStyleType: "none", marginTop: tokens.spacingVerticalXS },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  accept: { flexShrink: 0, minWidth: "auto" },
  item: {
    display: "block",
    flexGrow: 1,
    minWidth: 0,
    width: "100%",
    textAlign: "start",
    border: "none",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  active: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  place: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  message: { display: "block", overflowWrap: "anywhere" },
  srOnly: visuallyHidden,
});

const HINT_ID = "finding-list-hint";
/** Rows a group shows before its "Show all n" button. */
export const GROUP_FIRST_ROWS = 5;
/** A finding row's height at 320–350 px before it is measured (place, and a message of one or two lines). */
const ROW_HEIGHT = 62;

export interface FindingListProps {
  groups: readonly FindingGroup[];
  /** The finding last selected, highlighted. */
  activeKey: string | null;
  onActivate(finding: Finding): void;
  /** Opens the Accept dialog; without it no finding offers "Accept…". */
  onAccept?(finding: Finding): void;
}

/** A finding's identity within a report (rule, sheet and cell, or row for sheet-level ones). */
export function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.messageId}|${f.sheet}|${f.cell ?? `row${f.row}`}|${f.recordId ?? ""}`;
}

interface FindingItemProps {
  finding: Finding;
  active: boolean;
  onActivate(f: Finding): void;
  onAccept?(f: Finding): void;
}

const FindingItem = React.memo(function FindingItem({
  finding,
  active,
  onActivate,
  onAccept,
}: FindingItemProps): React.JSX.Element {
  const s = useStyles();
  const onClick = React.useCallback(() => onActivate(finding), [onActivate, finding]);
  const onAcceptClick = React.useCallback(() => onAccept?.(finding), [onAccept, finding]);
  // Where focus goes back to when the dialog closes without accepting.
  const restoreTarget = useRestoreFocusTarget();
  // The name comes from the visible text (WCAG 2.5.3 label in name), with the severity and a pause
  // added for screen readers; what the button does is its description.
  return (
    <>
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
      {onAccept && canAccept(finding) ? (
        // A button of its own beside the finding, so the Enter that goes to the cell never opens the dialog.
        <Button
          className={s.accept}
          size="small"
          appearance="subtle"
          onClick={onAcceptClick}
          {...restoreTarget}
        >
          Accept…<span className={s.srOnly}> {exceptionTarget(finding)}</span>
        </Button>
      ) : null}
    </>
  );
});

interface GroupProps {
  group: FindingGroup;
  activeKey: string | null;
  onActivate(f: Finding): void;
  onAccept?(f: Finding): void;
}

/** One rule's findings under a heading with their count. */
const Group = React.memo(function Group({ group, activeKey, onActivate, onAccept }: GroupProps) {
  const s = useStyles();
  const headingId = `grp-${group.key}`;
  const renderItem = React.useCallback(
    (f: Finding) => (
      <FindingItem
        finding={f}
        active={findingKey(f) === activeKey}
        onActivate={onActivate}
        onAccept={onAccept}
      />
    ),
    [activeKey, onActivate, onAccept],
  );
  return (
    <section className={s.group} aria-labelledby={headingId}>
      <h3 className={s.heading} id={headingId}>
        <SeverityLabel severity={group.severity} />
        <span className={s.rule}>{group.ruleId}</span>
        <span>({countText(group.findings.length)})</span>
      </h3>
      <LongList
        items={group.findings}
        itemKey={findingKey}
        renderItem={renderItem}
        estimatedRowHeight={ROW_HEIGHT}
        collapsedRows={GROUP_FIRST_ROWS}
        toggleContext={`${group.ruleId} findings`}
        className={s.list}
        itemClassName={s.row}
        aria-labelledby={headingId}
      />
    </section>
  );
});

/** Groups as headed lists. Buttons handle Enter and Space natively. */
export const FindingList = React.memo(function FindingList({
  groups,
  activeKey,
  onActivate,
  onAccept,
}: FindingListProps): React.JSX.Element {
  const s = useStyles();
  // A grid when findings have Accept buttons: up and down stay in the column they start in, left and right
  // move between a finding and its button.
  const arrows = useArrowNavigationGroup({ axis: onAccept ? "grid" : "vertical", memorizeCurrent: true });
  return (
    <div className={s.groups} {...arrows}>
      <span id={HINT_ID} className={s.srOnly}>
        Press Enter to go to the cell. Arrow keys move between findings.
      </span>
      {groups.map((g) => (
        <Group key={g.key} group={g} activeKey={activeKey} onActivate={onActivate} onAccept={onAccept} />
      ))}
    </div>
  );
});
