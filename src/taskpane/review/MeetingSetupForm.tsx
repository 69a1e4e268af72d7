// Starting a meeting: date, the officer's name, attendees, and which registers, annexes, owners and bands.

import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PlayRegular } from "@fluentui/react-icons";
import type { Report } from "../../core/model/report";
import type { RagBands } from "../../core/model/settings";
import { distinctValues, type ScoreBand } from "../../core/meeting/queue";
import type { MeetingSetup } from "./useMeeting";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", border: "none", margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS, padding: 0 },
  wrap: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
});

/** The score bands to choose from, labelled with the workbook's own RAG bands (Settings). */
export function bandChoices(rag: RagBands): { id: ScoreBand; label: string }[] {
  return [
    { id: "red", label: `Red (${rag.amberMax + 1}–25)` },
    { id: "amber", label: `Amber (${rag.greenMax + 1}–${rag.amberMax})` },
    { id: "green", label: `Green (1–${rag.greenMax})` },
    { id: "none", label: "No score" },
  ];
}

/** Today as ISO, in the officer's own time zone (the meeting happens on their calendar day). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * The registers a meeting may be limited to: every register sheet but a sheet of closed risks, which is not a
 * register the risk stands on today (none of its risks comes to the meeting; the Import view leaves it out
 * too). An Opportunities sheet is offered: its opportunities are on the agenda.
 */
export function meetingRegisters(report: Pick<Report, "sheets">): string[] {
  return report.sheets
    .filter((x) => x.kind === "risk-register" && x.holds !== "closed-risks")
    .map((x) => x.name);
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

export interface MeetingSetupFormProps {
  report: Report;
  /** The workbook's RAG bands, which the band choices are labelled with. */
  rag: RagBands;
  initial: MeetingSetup;
  busy: boolean;
  onStart: (setup: MeetingSetup) => void;
}

/** The form; an empty choice means "all". */
function SetupForm(
  { report, rag, initial, busy, onStart }: MeetingSetupFormProps,
  ref: React.ForwardedRef<HTMLFormElement>,
): React.JSX.Element {
  const s = useStyles();
  const [setup, setSetup] = React.useState<MeetingSetup>(initial);
  const [attendees, setAttendees] = React.useState(initial.attendees.join("\n"));
  const registers = React.useMemo(() => meetingRegisters(report), [report]);
  const annexes = React.useMemo(() => distinctValues(report, (f) => f.annex), [report]);
  const owners = React.useMemo(() => distinctValues(report, (f) => f.owner), [report]);
  const nameMissing = setup.by.trim() === "";

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (nameMissing || busy) return;
    const list = attendees
      .split(/[\n,;]/)
      .map((a) => a.trim())
      .filter(Boolean);
    onStart({ ...setup, by: setup.by.trim(), attendees: list });
  };

  return (
    <form ref={ref} className={s.form} onSubmit={submit} aria-label="Start a meeting">
      <Field label="Meeting date" required>
        <Input
          type="date"
          value={setup.date}
          onChange={(_, d) => d.value && setSetup({ ...setup, date: d.value })}
        />
      </Field>
      <Field
        label="Your name"
        required
        hint="Recorded as who made each update; remembered on this computer."
        validationMessage={nameMissing ? "Type your name to start." : undefined}
      >
        <Input
          value={setup.by}
          onChange={(_, d) => setSetup({ ...setup, by: d.value })}
          autoComplete="name"
        />
      </Field>
      <Field label="Attendees" hint="One per line.">
        <Textarea value={attendees} onChange={(_, d) => setAttendees(d.value)} resize="vertical" />
      </Field>
      {registers.length > 1 ? (
        <fieldset className={s.group}>
          <legend className={s.legend}>Registers (none ticked = all)</legend>
          {registers.map((r) => (
            <Checkbox
              key={r}
              label={r}
              checked={setup.registers.includes(r)}
              onChange={(_, d) =>
                setSetup({ ...setup, registers: toggle(setup.registers, r, d.checked === true) })
              }
            />
          ))}
        </fieldset>
      ) : null}
      {annexes.length > 0 ? (
        <fieldset className={s.group}>
          <legend className={s.legend}>Annexes (none ticked = all)</legend>
          <div className={s.wrap}>
            {annexes.map((a) => (
              <Checkbox
                key={a}
                label={a}
                checked={setup.annexes.includes(a)}
                onChange={(_, d) =>
                  setSetup({ ...setup, annexes: toggle(setup.annexes, a, d.checked === true) })
                }
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <Field label="Owner">
        <Select
          value={setup.owners[0] ?? ""}
          onChange={(_, d) => setSetup({ ...setup, owners: d.value ? [d.value] : [] })}
        >
          <option value="">All owners</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={s.group}>
        <legend className={s.legend}>Score bands (none ticked = all)</legend>
        <div className={s.wrap}>
          {bandChoices(rag).map((b) => (
            <Checkbox
              key={b.id}
              label={b.label}
              checked={setup.scoreBands.includes(b.id)}
              onChange={(_, d) =>
                setSetup({ ...setup, scoreBands: toggle(setup.scoreBands, b.id, d.checked === true) })
              }
            />
          ))}
        </div>
      </fieldset>
      <Button type="submit" appearance="primary" icon={<PlayRegular />} disabled={busy || nameMissing}>
        Start meeting
      </Button>
    </form>
  );
}

/** The setup form; its ref is the <form>, so the view can move focus into it. */
export const MeetingSetupForm = React.forwardRef(SetupForm);
