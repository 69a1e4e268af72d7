// Review view: the monthly risk meeting as a queue the chair drives from the keyboard.

import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentCheckmarkRegular, SearchRegular } from "@fluentui/react-icons";
import { defaultSettings } from "../../core/model/settings";
import type { WorkbookGateway } from "../../excel/gateway";
import type { WorkbookActions, WorkbookState } from "../hooks/useWorkbook";
import { ErrorBar } from "../components/ErrorBar";
import { ConflictPanel } from "../review/ConflictPanel";
import { MeetingSetupForm, todayIso } from "../review/MeetingSetupForm";
import { RecordPanel, type RecordPanelHandle } from "../review/RecordPanel";
import { RiskCardPanel } from "../review/RiskCardPanel";
import { keptOnNote, queueEnd, rememberedName, useMeeting, type MeetingSetup } from "../review/useMeeting";
import { sectionHeading, visuallyHidden } from "../styles";
import { firstFocusable, useFocusAfterRender } from "../hooks/useFocusAfterRender";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  p: { margin: 0 },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  count: { fontWeight: tokens.fontWeightSemibold },
  srOnly: visuallyHidden,
  h2: sectionHeading,
});

export interface ReviewViewProps {
  state: WorkbookState;
  actions: WorkbookActions;
  gateway: WorkbookGateway;
}

/** Which meeting key a keydown is, or null. Alt+letter uses `code` so Mac's Option characters still work. */
export function meetingKey(
  e: Pick<KeyboardEvent, "key" | "code" | "altKey" | "ctrlKey" | "metaKey" | "shiftKey">,
): "record" | "noChange" | "next" | "previous" | "skip" | "acceptProposal" | null {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key === "Enter") return "record";
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.code || `Key${e.key.toUpperCase()}`) {
    case "Digit0":
    case "Numpad0":
      return "noChange";
    case "KeyN":
      return "next";
    case "KeyP":
      return "previous";
    case "KeyS":
      return "skip";
    case "KeyA":
      return "acceptProposal";
    default:
      return e.key === "0" ? "noChange" : null;
  }
}

/** What the view says before a meeting starts when settings were saved after the check it would start from. */
export const MEETING_PREDATES_SETTINGS =
  "The settings have changed since the workbook was checked: the meeting's queue, cards and proposals would follow the settings before. Check the workbook again to meet under the saved settings.";

/** What the view says during a meeting started from a check made before settings were saved. */
export const RUNNING_MEETING_PREDATES_SETTINGS =
  "The settings have changed since this meeting's check: its queue, cards and proposals follow the settings before. To follow the saved settings, choose Change filters and check the workbook again.";

/** The Review view. */
export function ReviewView({ state, actions, gateway }: ReviewViewProps): React.JSX.Element {
  const s = useStyles();
  const [meeting, m, card] = useMeeting({ report: state.report, settings: state.settings, gateway, actions });
  const rag = (state.settings ?? defaultSettings()).rag;
  const panel = React.useRef<RecordPanelHandle>(null);
  const current = meeting.phase === "running" ? meeting.queue[meeting.index] : undefined;
  const setupForm = React.useRef<HTMLFormElement>(null);
  const endedHeading = React.useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useFocusAfterRender();

  // Each of these buttons is replaced by what it brings: focus follows, not to <body>.
  const onCheck = React.useCallback(() => {
    focusAfterRender(() => firstFocusable(setupForm.current));
    void actions.check();
  }, [focusAfterRender, actions]);
  const onBackToSetup = React.useCallback(() => {
    focusAfterRender(() => firstFocusable(setupForm.current));
    m.backToSetup();
  }, [focusAfterRender, m]);
  const onEnd = React.useCallback(() => {
    focusAfterRender(() => endedHeading.current);
    void m.end();
  }, [focusAfterRender, m]);

  // Focus goes back to the update box after every move and every record, so the chair never hunts for it.
  React.useEffect(() => {
    if (current && !meeting.conflict && !meeting.busy) panel.current?.focus();
  }, [current, meeting.conflict, meeting.busy, meeting.index]);

  const onKeyDown = React.useCallback(
    (e: React.KeyboardEvent) => {
      if (meeting.phase !== "running" || meeting.conflict) return;
      const k = meetingKey(e.nativeEvent);
      if (!k) return;
      e.preventDefault();
      e.stopPropagation();
      if (k === "record") panel.current?.record(false);
      else if (k === "noChange") panel.current?.record(true);
      else if (k === "next") m.go(1);
      else if (k === "previous") m.go(-1);
      else if (k === "acceptProposal") void m.acceptProposal();
      else m.skip();
    },
    [meeting.phase, meeting.conflict, m],
  );

  const initial = React.useMemo<MeetingSetup>(
    () =>
      meeting.setup ?? {
        date: todayIso(),
        by: rememberedName(),
        attendees: [],
        registers: [],
        annexes: [],
        owners: [],
        scoreBands: [],
      },
    [meeting.setup],
  );

  // The last risk in the queue taken (recorded or skipped): the card says the queue is finished.
  const atQueueEnd =
    current !== undefined && meeting.index === meeting.queue.length - 1 && meeting.outcomes.has(current.key);
  const left = meeting.queue.filter((q) => meeting.outcomes.get(q.key)?.kind !== "recorded").length;
  const dueLeft = meeting.queue.filter(
    (q) => q.due && meeting.outcomes.get(q.key)?.kind !== "recorded",
  ).length;

  return (
    // The keydown listener sits on the view so the shortcuts work from any control in it.
    <div className={s.root} onKeyDown={onKeyDown}>
      <div className={s.srOnly} role="status" aria-live="polite" aria-atomic="true">
        {meeting.announcement}
      </div>
      <ErrorBar message={meeting.error} onDismiss={m.dismissError} />

      {!state.report ? (
        <>
          <p className={s.p}>
            The meeting works from a check of the workbook. Check it first; it takes a few seconds.
          </p>
          <Button
            appearance="primary"
            icon={<SearchRegular />}
            onClick={onCheck}
            disabled={state.busy !== null}
          >
            Check the workbook
          </Button>
        </>
      ) : meeting.phase === "setup" ? (
        <>
          {/* Before the form, so a screen reader reads it before Start meeting. */}
          {state.reportPredatesSettings ? (
            <>
              <ErrorBar message={MEETING_PREDATES_SETTINGS} intent="warning" />
              <Button icon={<SearchRegular />} onClick={onCheck} disabled={state.busy !== null}>
                Check the workbook again
              </Button>
            </>
          ) : null}
          <p className={s.p}>
            Steps through the open risks, those due for their monthly update or with no strategy first. Each
            update is written to the register and the Update Log as you record it.
          </p>
          <MeetingSetupForm
            ref={setupForm}
            report={state.report}
            rag={rag}
            initial={initial}
            busy={meeting.busy}
            onStart={(x) => void m.start(x)}
          />
        </>
      ) : meeting.phase === "ended" ? (
        <>
          <h2 className={s.h2} ref={endedHeading} tabIndex={-1}>
            Meeting ended
          </h2>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{meeting.announcement}</MessageBarBody>
          </MessageBar>
          <Button onClick={onBackToSetup}>Start another meeting</Button>
        </>
      ) : (
        <>
          <ErrorBar
            message={state.reportPredatesSettings ? RUNNING_MEETING_PREDATES_SETTINGS : null}
            intent="warning"
          />
          {meeting.keptOn ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{keptOnNote(meeting.keptOn)}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={s.bar}>
            <span className={s.count}>
              {meeting.queue.length === 0
                ? "No risks to review"
                : `Risk ${meeting.index + 1} of ${meeting.queue.length}`}
            </span>
            <span>
              {left} left, {dueLeft} due
            </span>
          </div>
          <ProgressBar
            value={meeting.queue.length ? 1 - left / meeting.queue.length : 1}
            aria-label="Risks reviewed"
          />
          {meeting.phase === "ending" ? (
            <p className={s.p}>Checking the workbook again and writing the Meeting Record…</p>
          ) : null}
          {card && current ? (
            <>
              <RiskCardPanel
                card={card}
                outcome={meeting.outcomes.get(current.key)}
                keptTheirs={meeting.keptTheirs.has(current.key)}
                due={current.due}
                rag={rag}
                proposalAccepted={meeting.proposalsAccepted.has(current.key)}
                busy={meeting.busy}
                onAcceptProposal={() => void m.acceptProposal()}
              />
              {meeting.notes ? (
                // Shown under the next risk's card: the title names the risk the notes are about.
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{meeting.notes.risk}, just recorded:</MessageBarTitle>{" "}
                    {meeting.notes.notes.join(" ")}
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              {atQueueEnd ? (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>{queueEnd(meeting.queue, meeting.outcomes)}</MessageBarBody>
                </MessageBar>
              ) : null}
              {meeting.conflict ? (
                <ConflictPanel
                  conflict={meeting.conflict}
                  riskId={current.facts.id}
                  busy={meeting.busy}
                  onResolve={(w) => void m.resolveConflict(w)}
                />
              ) : (
                <RecordPanel
                  key={current.key}
                  ref={panel}
                  card={card}
                  busy={meeting.busy}
                  position={{ index: meeting.index, total: meeting.queue.length }}
                  onRecord={m.record}
                  onGo={m.go}
                  onSkip={m.skip}
                />
              )}
            </>
          ) : (
            <p className={s.p}>No open risks match this meeting&apos;s registers and filters.</p>
          )}
          <div className={s.bar}>
            <Button onClick={onBackToSetup} disabled={meeting.busy}>
              Change filters
            </Button>
            <Button
              appearance="primary"
              icon={<DocumentCheckmarkRegular />}
              onClick={onEnd}
              // Pressed, it stays focusable while the meeting ends (disabling it would drop focus to <body>).
              disabled={meeting.busy && meeting.phase !== "ending"}
              disabledFocusable={meeting.phase === "ending"}
            >
              End meeting
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
