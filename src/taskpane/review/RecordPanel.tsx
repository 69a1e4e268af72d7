// Recording for the current risk: the update text, optional changes, and the keyboard-labelled buttons.

import * as React from "react";
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowNextRegular,
  ArrowPreviousRegular,
  CheckmarkRegular,
  ChevronDownRegular,
  ChevronUpRegular,
  NextRegular,
  SaveRegular,
} from "@fluentui/react-icons";
import {
  meetingActionKey,
  meetingActionLabel,
  meetingActions,
  ownLineLabel,
  type MeetingAction,
  type RiskCard,
} from "../../core/meeting/card";
import type { OwnAction } from "../../core/model/own-action";
import type { RecordChoice } from "../../core/meeting/record";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(120px, 100%), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  action: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: 0,
    margin: 0,
    border: "none",
  },
  // A long action's name wraps at 320 px instead of pushing the pane sideways.
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, overflowWrap: "anywhere" },
  note: { margin: 0, color: tokens.colorNeutralForeground2 },
  // Inherits the button's own colour, so the shortcut keeps the label's contrast on a primary button.
  key: { color: "inherit", fontWeight: tokens.fontWeightRegular, marginLeft: tokens.spacingHorizontalXS },
  // Fluent's Input and Select have a minimum width; in a 320 px pane the grid decides instead.
  fit: { minWidth: 0, width: "100%" },
  // Long labels wrap at 320 px instead of pushing the pane sideways.
  wrap: { whiteSpace: "normal", height: "auto", minHeight: "32px", textAlign: "start", maxWidth: "100%" },
});

/** The meeting's shortcuts: Alt with a letter or digit, so typing in the update box is never taken. */
export const SHORTCUTS = {
  record: { aria: "Control+Enter", label: "Ctrl+Enter" },
  noChange: { aria: "Alt+0", label: "Alt+0" },
  next: { aria: "Alt+N", label: "Alt+N" },
  previous: { aria: "Alt+P", label: "Alt+P" },
  skip: { aria: "Alt+S", label: "Alt+S" },
} as const;

const STRATEGIES = ["Treat", "Tolerate", "Transfer", "Terminate", "Take"];
const SCORES = [1, 2, 3, 4, 5];

/** What is typed for one action: a field not touched, or left blank, leaves its value as it is. */
interface ActionDraft {
  status?: string;
  due?: string;
  owner?: string;
}

interface Draft {
  text: string;
  likelihood: string;
  impact: string;
  strategy: string;
  owner: string;
  actions: Record<string, ActionDraft>;
}

/** The choice a draft makes: blank fields mean "leave as it is". */
export function choiceOf(draft: Draft, card: RiskCard, noChange: boolean): RecordChoice {
  const num = (v: string) => (v === "" ? undefined : Number(v));
  return {
    text: draft.text,
    noChange,
    likelihood: num(draft.likelihood),
    impact: num(draft.impact),
    strategy: draft.strategy || undefined,
    owner: draft.owner.trim() || undefined,
    actions: meetingActions(card)
      .map((a) => {
        const d = draft.actions[meetingActionKey(a)];
        return {
          action: a,
          status: d?.status?.trim() || undefined,
          due: d?.due || undefined,
          owner: d?.owner?.trim() || undefined,
        };
      })
      .filter((a) => a.status !== undefined || a.due !== undefined || a.owner !== undefined),
  };
}

/**
 * What the changes say of the risk's own actions on the register they offer no field for, and why: one dated on
 * its line of the actions text that is not offered, or of several kept one a line, each due date or status
 * with no line of the cell its own (one line for every action, or several lines read as one: written here, it
 * would change other lines too); null where there are none, or the meeting offers every one of them. An
 * action read from its line of the actions text alone is offered its due date only: its owner or status on
 * that line are no cell's, and nothing is said of them.
 */
export function ownActionsElsewhere(
  card: Pick<RiskCard, "ownAction" | "ownActions" | "ownLineActions">,
): string | null {
  if (card.ownAction || card.ownActions.length === 0) return null;
  const offered = new Map(card.ownLineActions.map((a) => [a.line?.action.line, a.line]));
  const kept = card.ownActions.flatMap((a) => {
    const line = offered.get(a.line);
    const due = line != null && (line.due !== null || line.dueInText !== null);
    const status = line?.status != null;
    // One read from its line of the actions text alone has no cell for a status: its due date is all there is.
    const textOnly = a.dueField === "actions" && a.cellLines === undefined;
    if (due && (status || textOnly)) return [];
    // Not offered at all (null: the action itself), or offered without these (its owner alone, say).
    const missing = [due ? "" : "due date", status ? "" : "status"].filter(Boolean).join(" and ");
    return [{ action: a, field: line ? missing : null }];
  });
  if (kept.length === 0) return null;
  if (card.ownActions.length === 1)
    return "Its action on the register, dated on its line of the actions text, is changed on the register itself, not here.";
  const why = "no line of the cell is theirs alone (one line for every action, or several lines read as one)";
  if (kept.length === card.ownActions.length && kept.every((k) => k.field === null))
    return `Its ${card.ownActions.length} actions on the register, kept one a line, are changed on the register itself, not here: ${why}.`;
  const named = kept.map((k) => (k.field ? `the ${k.field} of ${lineName(k.action)}` : lineName(k.action)));
  const subject = named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
  const verb = kept.length === 1 && !kept[0].field?.includes(" and ") ? "is" : "are";
  return `${subject[0].toUpperCase()}${subject.slice(1)} on the register ${verb} changed on the register itself, not here: ${why}.`;
}

/** "action 2 'Review claims'", as a sentence names one of the risk's own actions kept one a line. */
const lineName = (a: OwnAction) => `a${ownLineLabel(a).slice(1)}`;

/**
 * The accessible name of an action's field, naming its action so two actions' fields are told apart in a
 * screen reader's list of fields: "Action 2 'Review claims' due date" for one kept one a line, "Action ACT-7
 * status" for an actions sheet's row. The risk's one own action keeps its visible label ("Status", "Due"),
 * its fieldset naming it "Action on the register".
 */
function fieldName(a: MeetingAction, field: "status" | "due date" | "owner"): string | undefined {
  if (!a.own) return `${meetingActionLabel(a)} ${field}`;
  return a.line ? `${ownLineLabel(a.line.action)} ${field}` : undefined;
}

const Key = ({ children }: { children: string }) => {
  const s = useStyles();
  return <span className={s.key}>({children})</span>;
};

/** A choice whose blank first option, "Keep <current>", leaves the register's value as it is. */
function KeepSelect(props: {
  label: string;
  value: string;
  current: string | number;
  options: readonly (string | number)[];
  onChange: (value: string) => void;
}) {
  const s = useStyles();
  return (
    <Field label={props.label}>
      <Select className={s.fit} value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">Keep {props.current}</option>
        {props.options.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export interface RecordPanelHandle {
  focus(): void;
  /** Records what is typed (an update needs text; no change does not). */
  record(noChange: boolean): void;
}

export interface RecordPanelProps {
  card: RiskCard;
  busy: boolean;
  position: { index: number; total: number };
  onRecord: (choice: RecordChoice) => Promise<boolean>;
  onGo: (delta: 1 | -1) => void;
  onSkip: () => void;
}

/** The update box, the optional changes, and Record / No change / Previous / Next / Skip. */
export const RecordPanel = React.forwardRef<RecordPanelHandle, RecordPanelProps>(function RecordPanel(
  { card, busy, position, onRecord, onGo, onSkip },
  ref,
) {
  const s = useStyles();
  const box = React.useRef<HTMLTextAreaElement>(null);
  const [draft, setDraft] = React.useState<Draft>({
    text: "",
    likelihood: "",
    impact: "",
    strategy: "",
    owner: "",
    actions: {},
  });
  const [more, setMore] = React.useState(false);
  const ownElsewhere = ownActionsElsewhere(card);
  const [hint, setHint] = React.useState<string | undefined>();

  const record = React.useCallback(
    (noChange: boolean) => {
      if (busy) return;
      if (!noChange && !draft.text.trim()) {
        setHint("Type the update, or use No change this month.");
        box.current?.focus();
        return;
      }
      setHint(undefined);
      void onRecord(choiceOf(draft, card, noChange));
    },
    [busy, draft, card, onRecord],
  );
  React.useImperativeHandle(ref, () => ({ focus: () => box.current?.focus(), record }), [record]);

  const f = card.facts;
  const setAction = (key: string, p: Partial<ActionDraft>) =>
    setDraft((d) => ({
      ...d,
      actions: { ...d.actions, [key]: { ...d.actions[key], ...p } },
    }));
  const first = position.index === 0;
  const last = position.index >= position.total - 1;

  return (
    <div className={s.root}>
      <Field
        label={`Update for ${f.id || "this risk"}`}
        validationMessage={hint}
        validationState={hint ? "warning" : "none"}
      >
        <Textarea
          ref={box}
          value={draft.text}
          onChange={(_, d) => setDraft({ ...draft, text: d.value })}
          resize="vertical"
          rows={3}
          aria-keyshortcuts={`${SHORTCUTS.record.aria} ${SHORTCUTS.noChange.aria}`}
        />
      </Field>
      <div className={s.buttons}>
        <Button
          className={s.wrap}
          appearance="primary"
          icon={<SaveRegular />}
          onClick={() => record(false)}
          disabled={busy}
          aria-keyshortcuts={SHORTCUTS.record.aria}
        >
          Record<Key>{SHORTCUTS.record.label}</Key>
        </Button>
        <Button
          className={s.wrap}
          icon={<CheckmarkRegular />}
          onClick={() => record(true)}
          disabled={busy}
          aria-keyshortcuts={SHORTCUTS.noChange.aria}
        >
          No change this month<Key>{SHORTCUTS.noChange.label}</Key>
        </Button>
      </div>
      <div className={s.buttons}>
        <Button
          className={s.wrap}
          icon={<ArrowPreviousRegular />}
          onClick={() => onGo(-1)}
          disabled={first}
          aria-keyshortcuts={SHORTCUTS.previous.aria}
        >
          Previous<Key>{SHORTCUTS.previous.label}</Key>
        </Button>
        <Button
          className={s.wrap}
          icon={<ArrowNextRegular />}
          onClick={() => onGo(1)}
          disabled={last}
          aria-keyshortcuts={SHORTCUTS.next.aria}
        >
          Next<Key>{SHORTCUTS.next.label}</Key>
        </Button>
        <Button
          className={s.wrap}
          icon={<NextRegular />}
          onClick={onSkip}
          aria-keyshortcuts={SHORTCUTS.skip.aria}
        >
          Skip<Key>{SHORTCUTS.skip.label}</Key>
        </Button>
      </div>
      <Button
        className={s.wrap}
        appearance="subtle"
        icon={more ? <ChevronUpRegular /> : <ChevronDownRegular />}
        aria-expanded={more}
        onClick={() => setMore(!more)}
      >
        Change scores, strategy, owner or actions
      </Button>
      {more ? (
        <>
          <div className={s.grid}>
            <KeepSelect
              label="Likelihood"
              value={draft.likelihood}
              current={f.likelihood ?? "(none)"}
              options={SCORES}
              onChange={(v) => setDraft({ ...draft, likelihood: v })}
            />
            <KeepSelect
              label="Impact"
              value={draft.impact}
              current={f.impact ?? "(none)"}
              options={SCORES}
              onChange={(v) => setDraft({ ...draft, impact: v })}
            />
            <KeepSelect
              label="Strategy"
              value={draft.strategy}
              current={f.strategy || "(none)"}
              options={STRATEGIES}
              onChange={(v) => setDraft({ ...draft, strategy: v })}
            />
            <Field label="Owner">
              <Input
                className={s.fit}
                value={draft.owner}
                placeholder={f.owner}
                onChange={(_, d) => setDraft({ ...draft, owner: d.value })}
              />
            </Field>
          </div>
          {ownElsewhere ? <p className={s.note}>{ownElsewhere}</p> : null}
          {meetingActions(card).map((a) => {
            const key = meetingActionKey(a);
            // One changed on its own lines: only the fields with a line of the cell its own (its owner only so).
            const line = a.own ? a.line : undefined;
            const status = !line || line.status !== null;
            const due = !line || line.due !== null || line.dueInText !== null;
            const owner = line !== undefined && line.owner !== null;
            return (
              <fieldset key={key} className={s.action}>
                <legend className={s.legend}>{meetingActionLabel(a)}</legend>
                <div className={s.grid}>
                  {status ? (
                    <Field label="Status">
                      <Input
                        className={s.fit}
                        value={draft.actions[key]?.status ?? ""}
                        placeholder={a.status}
                        aria-label={fieldName(a, "status")}
                        onChange={(_, d) => setAction(key, { status: d.value })}
                      />
                    </Field>
                  ) : null}
                  {due ? (
                    <Field label="Due">
                      <Input
                        className={s.fit}
                        type="date"
                        value={draft.actions[key]?.due ?? a.due ?? ""}
                        aria-label={fieldName(a, "due date")}
                        onChange={(_, d) => setAction(key, { due: d.value })}
                      />
                    </Field>
                  ) : null}
                  {owner && a.own ? (
                    <Field label="Owner">
                      <Input
                        className={s.fit}
                        value={draft.actions[key]?.owner ?? ""}
                        placeholder={a.owner}
                        aria-label={fieldName(a, "owner")}
                        onChange={(_, d) => setAction(key, { owner: d.value })}
                      />
                    </Field>
                  ) : null}
                </div>
              </fieldset>
            );
          })}
        </>
      ) : null}
    </div>
  );
});
