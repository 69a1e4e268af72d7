// Check view: one button checks the whole workbook; then the sheets as read, and the findings.

import * as React from "react";
import { hasCheckableSheet, nothingToCheckMessage } from "../../core/model/sheet-info";
import { Button, Divider, makeStyles, tokens } from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  CheckmarkStarburstRegular,
  HighlightRegular,
  EraserRegular,
} from "@fluentui/react-icons";
import type { Finding } from "../../core/model/finding";
import type { WorkbookActions, WorkbookState } from "../hooks/useWorkbook";
import {
  countBySeverity,
  distinct,
  filterFindings,
  groupFindings,
  NO_FILTER,
  type FindingFilter,
} from "../findings-view";
import { FindingCounts } from "../components/FindingCounts";
import { FindingFilters } from "../components/FindingFilters";
import { FindingList, findingKey } from "../components/FindingList";
import { SheetList } from "../components/SheetList";
import { AcceptedList } from "../components/AcceptedList";
import { ErrorBar } from "../components/ErrorBar";
import { buildException, withException, withoutException, type AcceptForm } from "../accept-exception";
import { sectionHeading } from "../styles";
import { countText } from "../windowing";

// The risk's history needs the engine's history code: loaded when a finding is first selected.
const RiskDetail = React.lazy(() => import("../components/RiskDetail"));

// The Accept dialog loads when first opened, keeping it out of the first paint's script.
const AcceptDialog = React.lazy(() =>
  import(/* webpackChunkName: "accept-dialog" */ "../components/AcceptDialog").then((m) => ({
    default: m.AcceptDialog,
  })),
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  h2: sectionHeading,
  meta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  intro: { margin: 0 },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface CheckViewProps {
  state: WorkbookState;
  actions: WorkbookActions;
}

function formatTime(d: Date | null): string {
  return d ? d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" }) : "";
}

/** What the view says above its results when settings were saved after the check that made them. */
export const RESULTS_PREDATE_SETTINGS =
  "The settings have changed since this check: its findings, appetite and proposals follow the settings before. Check again to see them under the saved settings.";

/** The Check view. */
export function CheckView({ state, actions }: CheckViewProps): React.JSX.Element {
  const s = useStyles();
  const { report, busy } = state;
  const [chosenFilter, setFilter] = React.useState<FindingFilter>(NO_FILTER);
  const [activeKey, setActiveKey] = React.useState<string | null>(null);
  const [activeFinding, setActiveFinding] = React.useState<Finding | null>(null);

  const findings = report?.findings ?? [];
  const counts = React.useMemo(() => countBySeverity(findings), [findings]);
  const rules = React.useMemo(() => distinct(findings, "ruleId"), [findings]);
  const sheets = React.useMemo(() => distinct(findings, "sheet"), [findings]);
  // A rule or sheet a new check no longer finds is no longer offered: the filter shown is the one applied.
  const filter = React.useMemo(
    () => ({
      ...chosenFilter,
      ruleId: rules.includes(chosenFilter.ruleId) ? chosenFilter.ruleId : "",
      sheet: sheets.includes(chosenFilter.sheet) ? chosenFilter.sheet : "",
    }),
    [chosenFilter, rules, sheets],
  );
  // …and it is dropped, so a later check that finds that rule again does not bring it back unasked.
  React.useEffect(() => {
    if (filter.ruleId !== chosenFilter.ruleId || filter.sheet !== chosenFilter.sheet) setFilter(filter);
  }, [filter, chosenFilter]);
  const shown = React.useMemo(() => filterFindings(findings, filter), [findings, filter]);
  const groups = React.useMemo(() => groupFindings(shown), [shown]);
  const markable = React.useMemo(() => shown.filter((f) => f.cell !== null).length, [shown]);

  const onCheck = React.useCallback(() => void actions.check(), [actions]);
  const onActivate = React.useCallback(
    (f: Finding) => {
      setActiveKey(findingKey(f));
      setActiveFinding(f);
      void actions.select(f);
    },
    [actions],
  );
  const onMark = React.useCallback(() => void actions.mark(shown), [actions, shown]);
  const onClear = React.useCallback(() => void actions.clearMarks(), [actions]);

  // Accepting and withdrawing: the pure work is in accept-exception.ts; here only the dialog and focus.
  const [accepting, setAccepting] = React.useState<Finding | null>(null);
  // Once loaded the dialog stays mounted and only opens and closes, as Fluent's dialogs expect.
  const [dialogLoaded, setDialogLoaded] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const acceptedHeader = React.useRef<HTMLButtonElement>(null);
  // The finding has moved between the lists, so its button is gone: focus the Accepted heading instead.
  const focusAccepted = React.useCallback(() => setTimeout(() => acceptedHeader.current?.focus(), 0), []);
  const onAccept = React.useCallback(
    (f: Finding) => {
      actions.dismissError();
      setDialogLoaded(true);
      setAccepting(f);
    },
    [actions],
  );
  const onCancelAccept = React.useCallback(() => setAccepting(null), []);
  const onSaveAccept = React.useCallback(
    async (form: AcceptForm) => {
      if (!accepting || !report || !state.settings) return;
      setSaving(true);
      const saved = await actions.saveSettingsAndCheck(
        withException(state.settings, buildException(accepting, form, report.asAt)),
      );
      setSaving(false);
      if (saved) {
        setAccepting(null);
        focusAccepted();
      }
    },
    [accepting, report, state.settings, actions, focusAccepted],
  );
  const onWithdraw = React.useCallback(
    async (f: Finding) => {
      if (!state.settings) return;
      if (await actions.saveSettingsAndCheck(withoutException(state.settings, f))) focusAccepted();
    },
    [state.settings, actions, focusAccepted],
  );

  const onWithdrawClick = React.useCallback((f: Finding) => void onWithdraw(f), [onWithdraw]);

  const onCorrect = React.useCallback(
    (sheet: string, header: string, field: string | null) => void actions.correctColumn(sheet, header, field),
    [actions],
  );

  return (
    <div className={s.root}>
      {report ? null : (
        <p className={s.intro}>
          Check every register, actions sheet and the improvement plan in this workbook against the rules.
          Nothing in your sheets is changed.
        </p>
      )}
      {/* Before the button, so a screen reader reads why to press it first. */}
      <ErrorBar
        message={report && state.reportPredatesSettings ? RESULTS_PREDATE_SETTINGS : null}
        intent="warning"
      />
      <Button
        appearance="primary"
        icon={report ? <ArrowClockwiseRegular /> : <CheckmarkStarburstRegular />}
        onClick={onCheck}
        disabledFocusable={busy !== null}
      >
        {report ? "Check again" : "Check workbook"}
      </Button>

      {report ? (
        <>
          <p className={s.meta}>
            As at {report.asAt} · {report.sheets.length} sheets · checked at {formatTime(state.checkedAt)}
          </p>
          <FindingCounts counts={counts} accepted={report.accepted.length} />

          <Divider />
          <h2 className={s.h2}>Sheets</h2>
          <SheetList sheets={report.sheets} disabled={busy !== null} onCorrect={onCorrect} />

          <Divider />
          <h2 className={s.h2}>Findings</h2>
          {findings.length === 0 ? (
            <p className={s.empty}>
              {!hasCheckableSheet(report.sheets)
                ? nothingToCheckMessage(
                    "This workbook",
                    report.sheets.map((x) => x.name),
                  )
                : report.accepted.length === 0
                  ? "No findings: every rule passed."
                  : `No findings left to act on: the ${report.accepted.length === 1 ? "one finding is" : `${report.accepted.length} findings are`} accepted (listed under Accepted).`}
            </p>
          ) : (
            <>
              <FindingFilters filter={filter} rules={rules} sheets={sheets} onChange={setFilter} />
              <div className={s.actions}>
                <Button
                  size="small"
                  icon={<HighlightRegular />}
                  onClick={onMark}
                  disabled={busy !== null || markable === 0}
                >
                  Mark {countText(markable)} {markable === 1 ? "cell" : "cells"}
                </Button>
                <Button size="small" icon={<EraserRegular />} onClick={onClear} disabled={busy !== null}>
                  Remove marks
                </Button>
              </div>
              <p className={s.meta} aria-live="polite">
                Showing {countText(shown.length)} of {countText(findings.length)}. Select a finding to go to
                its cell.
              </p>
              <FindingList
                groups={groups}
                activeKey={activeKey}
                onActivate={onActivate}
                onAccept={state.settings ? onAccept : undefined}
              />
            </>
          )}
          {activeFinding ? (
            <React.Suspense fallback={null}>
              <RiskDetail report={report} finding={activeFinding} rag={state.reportSettings?.rag} />
            </React.Suspense>
          ) : null}

          <Divider />
          <AcceptedList
            accepted={report.accepted}
            exceptions={state.settings?.acceptedExceptions ?? []}
            disabled={busy !== null}
            onWithdraw={onWithdrawClick}
            headerRef={acceptedHeader}
          />
          {dialogLoaded ? (
            <React.Suspense fallback={null}>
              <AcceptDialog
                finding={accepting}
                asAt={report.asAt}
                saving={saving}
                error={state.error}
                onSave={(form) => void onSaveAccept(form)}
                onCancel={onCancelAccept}
              />
            </React.Suspense>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
