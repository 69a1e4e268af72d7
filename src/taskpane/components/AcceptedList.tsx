// "Accepted (n)": the findings an officer accepted, with reason, review date and who accepted each, and
// a way to withdraw one. Collapsed by default, so the live findings stay the first thing in view; opened on
// a long list, only the entries near the window are drawn.

import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import type { Finding } from "../../core/model/finding";
import type { AcceptedException } from "../../core/model/settings";
import { exceptionFor, exceptionTarget } from "../accept-exception";
import { findingPlace } from "../findings-view";
import { findingKey } from "./FindingList";
import { SeverityLabel } from "./SeverityLabel";
import { LongList } from "./LongList";

const useStyles = makeStyles({
  heading: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  top: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  place: { fontWeight: tokens.fontWeightSemibold },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  facts: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  withdraw: { alignSelf: "flex-start", marginTop: tokens.spacingVerticalXS },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface AcceptedListProps {
  accepted: readonly Finding[];
  exceptions: readonly AcceptedException[];
  disabled: boolean;
  onWithdraw(finding: Finding): void;
  /** The disclosure button, so the view can put focus there once a finding has moved in or out. */
  headerRef?: React.Ref<HTMLButtonElement>;
}

/** An entry's height at 320–350 px before it is measured (place, message, three facts, the button). */
const ENTRY_HEIGHT = 150;

const AcceptedItem = React.memo(function AcceptedItem({
  finding,
  exception,
  disabled,
  onWithdraw,
}: {
  finding: Finding;
  exception: AcceptedException | undefined;
  disabled: boolean;
  onWithdraw(f: Finding): void;
}): React.JSX.Element {
  const s = useStyles();
  const place = findingPlace(finding);
  return (
    <>
      <span className={s.top}>
        <SeverityLabel severity={finding.severity} />
        <span className={s.place}>{place}</span>
        <span className={s.rule}>{finding.ruleId}</span>
      </span>
      <span>{finding.message}</span>
      <dl className={s.facts}>
        <dt className={s.term}>Reason</dt>
        <dd className={s.value}>{exception?.reason || "Not recorded"}</dd>
        <dt className={s.term}>Review by</dt>
        <dd className={s.value}>{exception?.reviewBy || "Not recorded"}</dd>
        <dt className={s.term}>Accepted</dt>
        <dd className={s.value}>{acceptedText(exception)}</dd>
      </dl>
      <Button
        className={s.withdraw}
        size="small"
        icon={<ArrowUndoRegular />}
        disabled={disabled}
        onClick={() => onWithdraw(finding)}
        aria-label={`Withdraw ${exceptionTarget(finding)}`}
      >
        Withdraw
      </Button>
    </>
  );
});

/** "by Jo Smith on 2022-10-10", from whatever the exception recorded. */
function acceptedText(e: AcceptedException | undefined): string {
  const by = e?.acceptedBy ? `by ${e.acceptedBy}` : "";
  const on = e?.acceptedOn ? `on ${e.acceptedOn}` : "";
  return [by, on].filter(Boolean).join(" ") || "Not recorded";
}

/** The section, as one collapsible Accordion item. */
export function AcceptedList({
  accepted,
  exceptions,
  disabled,
  onWithdraw,
  headerRef,
}: AcceptedListProps): React.JSX.Element {
  const s = useStyles();
  const renderItem = React.useCallback(
    (f: Finding) => (
      <AcceptedItem
        finding={f}
        exception={exceptionFor(f, exceptions)}
        disabled={disabled}
        onWithdraw={onWithdraw}
      />
    ),
    [exceptions, disabled, onWithdraw],
  );
  return (
    <Accordion collapsible>
      <AccordionItem value="accepted">
        <AccordionHeader as="h2" size="medium" button={{ ref: headerRef }}>
          <span className={s.heading}>Accepted ({accepted.length})</span>
        </AccordionHeader>
        <AccordionPanel>
          {accepted.length === 0 ? (
            <p className={s.empty}>
              No accepted findings. Accept one from the findings list to keep it out of the list until its
              review date.
            </p>
          ) : (
            <LongList
              items={accepted}
              itemKey={findingKey}
              renderItem={renderItem}
              estimatedRowHeight={ENTRY_HEIGHT}
              className={s.list}
              itemClassName={s.item}
              aria-label="Accepted findings"
            />
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
