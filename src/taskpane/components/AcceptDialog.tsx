// The Accept dialog: why a finding is accepted, when to review it, and who accepted it. Loaded on first
// use, so the Check view's first paint does not carry it. The checks live in ../accept-exception.

import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DialogOpenChangeData } from "@fluentui/react-components";
import type { Finding } from "../../core/model/finding";
import {
  MAX_REASON_LENGTH,
  initialAcceptForm,
  isValid,
  validateAcceptForm,
  type AcceptForm,
  type AcceptFormErrors,
} from "../accept-exception";
import { findingPlace } from "../findings-view";
import { ErrorBar } from "./ErrorBar";
import { rememberedName } from "../review/useMeeting";

const useStyles = makeStyles({
  // In a narrow pane the surface keeps 8 px each side and a smaller padding, leaving room for the text.
  // 100% rather than 100vw: the fixed surface's box is the viewport without the page's scroll bar.
  // Fluent's own rule for narrow screens (max-width: 480px) is 100vw, so this one repeats that query.
  surface: {
    maxWidth: "min(600px, calc(100% - 16px))",
    padding: tokens.spacingHorizontalL,
    "@media screen and (max-width: 480px)": { maxWidth: "calc(100% - 16px)" },
  },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  finding: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  place: { display: "block", fontWeight: tokens.fontWeightSemibold },
  rule: { display: "block", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { flexWrap: "wrap" },
});

type FieldName = keyof AcceptForm;
const FIELD_ORDER: FieldName[] = ["reason", "reviewBy", "by"];

export interface AcceptDialogProps {
  /** The finding being accepted; the dialog is open while this is set. */
  finding: Finding | null;
  /** The report's as-at date (ISO): the default review date counts from it, and it is the earliest allowed. */
  asAt: string;
  /** True while the exception is being saved and the workbook re-checked. */
  saving: boolean;
  /** Why the last save failed, in plain words, or null. */
  error: string | null;
  onSave(form: AcceptForm): void;
  onCancel(): void;
}

/** The dialog. Its form starts afresh for each finding. */
export function AcceptDialog({
  finding,
  asAt,
  saving,
  error,
  onSave,
  onCancel,
}: AcceptDialogProps): React.JSX.Element {
  const s = useStyles();
  const onOpenChange = React.useCallback(
    (_: unknown, data: DialogOpenChangeData) => {
      // Esc and the backdrop close it, but not while a save is under way (it would finish unseen).
      if (!data.open && !saving) onCancel();
    },
    [onCancel, saving],
  );
  return (
    <Dialog open={finding !== null} onOpenChange={onOpenChange} modalType="modal">
      <DialogSurface className={s.surface} aria-describedby="accept-finding">
        {finding ? (
          <AcceptFormBody
            key={`${finding.ruleId}|${finding.sheet}|${finding.cell}`}
            finding={finding}
            asAt={asAt}
            saving={saving}
            error={error}
            onSave={onSave}
            onCancel={onCancel}
          />
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

function AcceptFormBody({
  finding,
  asAt,
  saving,
  error,
  onSave,
  onCancel,
}: Omit<AcceptDialogProps, "finding"> & { finding: Finding }): React.JSX.Element {
  const s = useStyles();
  const [form, setForm] = React.useState<AcceptForm>(() => initialAcceptForm(asAt, rememberedName()));
  // Messages appear after the first attempt to save, then follow the typing.
  const [tried, setTried] = React.useState(false);
  const errors: AcceptFormErrors = tried ? validateAcceptForm(form, asAt) : {};
  const refs = {
    reason: React.useRef<HTMLTextAreaElement>(null),
    reviewBy: React.useRef<HTMLInputElement>(null),
    by: React.useRef<HTMLInputElement>(null),
  };

  const set = (field: FieldName) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [field]: value }));
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setTried(true);
    const found = validateAcceptForm(form, asAt);
    if (!isValid(found)) {
      const first = FIELD_ORDER.find((f) => found[f]);
      if (first) refs[first].current?.focus();
      return;
    }
    onSave(form);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Accept this finding">
      <DialogBody>
        <DialogTitle>Accept this finding</DialogTitle>
        <DialogContent className={s.form}>
          <p className={s.finding} id="accept-finding">
            <span className={s.place}>{findingPlace(finding)}</span>
            <span className={s.rule}>{finding.ruleId}</span>
            <span>{finding.message}</span>
          </p>
          <p className={s.note}>
            It leaves the findings list until the review date, or until the record&rsquo;s cells change. The
            exception is saved in this workbook&rsquo;s settings, for the whole team.
          </p>
          <Field
            label="Reason"
            required
            validationMessage={errors.reason}
            hint={`Up to ${MAX_REASON_LENGTH} characters.`}
          >
            <Textarea
              ref={refs.reason}
              name="reason"
              value={form.reason}
              onChange={set("reason")}
              resize="vertical"
              rows={3}
            />
          </Field>
          <Field
            label="Review by"
            required
            validationMessage={errors.reviewBy}
            hint={`On or after the as-at date, ${asAt}.`}
          >
            <Input
              ref={refs.reviewBy}
              name="reviewBy"
              type="date"
              min={asAt}
              value={form.reviewBy}
              onChange={set("reviewBy")}
            />
          </Field>
          <Field label="Your name" validationMessage={errors.by} hint="Optional. Shown beside the exception.">
            <Input ref={refs.by} name="by" value={form.by} onChange={set("by")} autoComplete="name" />
          </Field>
          {/* An alert inside the dialog: the modal hides the pane's own error bar from screen readers. */}
          <ErrorBar message={error} />
        </DialogContent>
        <DialogActions className={s.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={saving}>
            {saving ? "Saving…" : "Accept finding"}
          </Button>
          <Button type="button" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
