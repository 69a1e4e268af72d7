// The task pane's one hook onto the workbook: wraps the gateway, runs the engine, and holds the
// report, settings, progress and errors the views show. Views never call the gateway themselves.

import { useCallback, useEffect, useRef, useState } from "react";
import { listWords } from "../../core/list-words";
import type { Finding } from "../../core/model/finding";
import type { OwnedTab } from "../../core/model/owned-tab";
import type { Report } from "../../core/model/report";
import type { Settings } from "../../core/model/settings";
import { VERSION } from "../../core/version";
import type { CheckOptions } from "../../core/check";
import type { TabMeta } from "../../core/summary";
import { sourceOf, type Grid } from "../../core/model/grid";
import { PlainError, type WorkbookGateway, type WriteResult } from "../../excel/gateway";
import { conflictNotice, sameSettings } from "../../core/model/settings-merge";
import { withColumnCorrection } from "../corrections";
import { findingAddress } from "../findings-view";

/** The engine functions the hook needs (loaded lazily in the app, passed in directly by tests). */
export interface Engine {
  checkWorkbook(grids: Grid[], options: CheckOptions): Report;
  buildSummaryTabs(report: Report, settings: Settings, meta: TabMeta): OwnedTab[];
}

export type Busy = "settings" | "check" | "summaries" | "save" | "marks" | "select";

/** Progress of long work: a label, and a fraction 0–1 when it is known. */
export interface Progress {
  label: string;
  value?: number;
}

/** One owned tab written by the Summaries view. */
export interface WrittenTab {
  preferredName: string;
  result: WriteResult;
}

export interface WorkbookState {
  settings: Settings | null;
  report: Report | null;
  busy: Busy | null;
  progress: Progress | null;
  /** A plain-English message for the officer, or null. */
  error: string | null;
  /** Something the officer should know that is not a failure (a co-author's clashing settings change), or null. */
  notice: string | null;
  /** The last thing done, for the live region ("Checked: 12 findings"). */
  status: string;
  /** Counts the statuses set, so one in the same words as the last is announced again (StatusRegion). */
  statusSeq: number;
  written: WrittenTab[] | null;
  /** When the report was made (local time), for "checked at 10:32". */
  checkedAt: Date | null;
  /**
   * True when settings saved since the report was made differ from those it was made with: its findings,
   * appetite and proposals are the earlier settings' until the workbook is checked again.
   */
  reportPredatesSettings: boolean;
  /**
   * The settings the report was made with (null before a check): the one source for what the shown results
   * were rated by (RAG bands, appetite), which may differ from `settings` once a save changed them.
   */
  reportSettings: Settings | null;
}

export interface WorkbookActions {
  check(): Promise<void>;
  select(finding: Finding): Promise<void>;
  mark(findings: readonly Finding[]): Promise<void>;
  clearMarks(): Promise<void>;
  saveSettings(settings: Settings): Promise<boolean>;
  /** Saves settings, then checks again with exactly those settings; false when the save failed. */
  saveSettingsAndCheck(settings: Settings): Promise<boolean>;
  correctColumn(sheet: string, header: string, field: string | null): Promise<void>;
  writeSummaries(): Promise<void>;
  dismissError(): void;
  dismissNotice(): void;
}

/** Turns anything thrown into words an officer can act on. */
export function plainMessage(e: unknown): string {
  if (e instanceof PlainError) return e.message;
  const err = e as { code?: unknown; name?: unknown; message?: unknown } | null;
  const code = String(err?.code ?? err?.name ?? "");
  if (code === "InvalidOperationInCellEditMode")
    return "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.";
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded")
    return "The workbook is too large to send to Excel in one go. Please try again; if it keeps happening, tell the add-in's maintainers.";
  const msg = typeof err?.message === "string" && err.message ? err.message : String(e);
  return `Something went wrong: ${msg}`;
}

/** What the officer is told when Settings rows could not be read (each issue names its sheet and cell). */
function settingsIssuesNotice(issues: readonly string[]): string | null {
  if (issues.length === 0) return null;
  const one = issues.length === 1;
  return (
    `${one ? "A setting" : `${issues.length} settings`} could not be read, so ${one ? "its default is" : "their defaults are"} ` +
    `used: ${issues.join("; ")}. Correct ${one ? "it" : "them"} in the Settings tab.`
  );
}

/** True when `saved` differs from the settings the report shown was made with (`checkedWith`; none before a check). */
function predates(checkedWith: Settings | null, saved: Settings): boolean {
  return checkedWith !== null && !sameSettings(checkedWith, saved);
}

/** Lets React paint the progress message before synchronous engine work starts. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The workbook state and actions for the views. */
export function useWorkbook(
  gateway: WorkbookGateway,
  loadEngine: () => Promise<Engine>,
): [WorkbookState, WorkbookActions] {
  const [state, setState] = useState<WorkbookState>({
    settings: null,
    report: null,
    busy: "settings",
    progress: { label: "Reading settings…" },
    error: null,
    notice: null,
    status: "",
    statusSeq: 0,
    written: null,
    checkedAt: null,
    reportPredatesSettings: false,
    reportSettings: null,
  });
  // The latest state for callbacks that run after awaits (state in a closure would be stale).
  const latest = useRef(state);
  latest.current = state;
  // The settings the report was made with, for callbacks that run after awaits (the summaries are built with
  // them, and a save is compared to them); the views read them as state.reportSettings, set with it.
  const checkedWith = useRef<Settings | null>(null);
  // Every status set is a new announcement, even in the same words ("Settings saved" twice).
  const patch = useCallback((p: Partial<Omit<WorkbookState, "statusSeq">>) => {
    setState((s) => ({ ...s, ...p, statusSeq: p.status === undefined ? s.statusSeq : s.statusSeq + 1 }));
  }, []);

  const ensureSettings = useCallback(async (): Promise<Settings> => {
    const have = latest.current.settings;
    if (have) return have;
    const s = await gateway.loadSettings();
    patch({ settings: s });
    return s;
  }, [gateway, patch]);

  useEffect(() => {
    let live = true;
    // One promise either way (the views wait for the settings exactly as long as before).
    const load: Promise<Settings | { settings: Settings; issues: string[] }> = gateway.loadSettingsWithIssues
      ? gateway.loadSettingsWithIssues()
      : gateway.loadSettings();
    load.then(
      (loaded) => {
        const { settings, issues } = "issues" in loaded ? loaded : { settings: loaded, issues: [] };
        if (live) patch({ settings, busy: null, progress: null, notice: settingsIssuesNotice(issues) });
      },
      (e: unknown) => live && patch({ busy: null, progress: null, error: plainMessage(e) }),
    );
    return () => {
      live = false;
    };
  }, [gateway, patch]);

  /** Reads every sheet and checks it; returns the report (or null after showing an error). */
  const runCheck = useCallback(
    async (settingsOverride?: Settings): Promise<Report | null> => {
      patch({
        busy: "check",
        error: null,
        progress: { label: "Reading the workbook…", value: 0 },
        status: "Checking the workbook",
      });
      try {
        const settings = settingsOverride ?? (await ensureSettings());
        const enginePromise = loadEngine();
        const grids = await gateway.readAllSheets(
          (p) =>
            patch({
              progress: {
                label: `Reading sheet ${Math.min(p.sheetsRead + 1, p.sheetsTotal)} of ${p.sheetsTotal}…`,
                value: p.sheetsTotal ? p.sheetsRead / p.sheetsTotal : 0,
              },
            }),
          { columnCorrections: settings.columnCorrections },
        );
        patch({ progress: { label: `Checking ${grids.length} sheets…` } });
        const engine = await enginePromise;
        await nextFrame();
        const report = engine.checkWorkbook(grids, { settings, source: sourceOf(grids) });
        const n = report.findings.length;
        checkedWith.current = settings;
        patch({
          report,
          reportPredatesSettings: false,
          reportSettings: settings,
          checkedAt: new Date(),
          busy: null,
          progress: null,
          status: `Check finished: ${n} ${n === 1 ? "finding" : "findings"}.`,
        });
        return report;
      } catch (e) {
        patch({ busy: null, progress: null, error: plainMessage(e), status: "The check did not finish." });
        return null;
      }
    },
    [gateway, loadEngine, ensureSettings, patch],
  );

  const check = useCallback(async () => {
    await runCheck();
  }, [runCheck]);

  const select = useCallback(
    async (f: Finding) => {
      try {
        const sheet = latest.current.report?.sheets.find((s) => s.name === f.sheet);
        const address = findingAddress(f, sheet);
        await gateway.selectCell({ sheet: f.sheet, address });
        patch({ status: `Selected ${f.sheet}!${address}.` });
      } catch (e) {
        patch({ error: plainMessage(e) });
      }
    },
    [gateway, patch],
  );

  const mark = useCallback(
    async (findings: readonly Finding[]) => {
      const targets = findings
        .filter((f) => f.cell !== null)
        .map((f) => ({ sheet: f.sheet, address: f.cell as string }));
      patch({ busy: "marks", error: null });
      try {
        await gateway.markCells(targets);
        patch({
          busy: null,
          status: `Marked ${targets.length} ${targets.length === 1 ? "cell" : "cells"} in the sheets.`,
        });
      } catch (e) {
        patch({ busy: null, error: plainMessage(e) });
      }
    },
    [gateway, patch],
  );

  const clearMarks = useCallback(async () => {
    patch({ busy: "marks", error: null });
    try {
      await gateway.clearMarks();
      patch({ busy: null, status: "Removed the marks from the sheets." });
    } catch (e) {
      patch({ busy: null, error: plainMessage(e) });
    }
  }, [gateway, patch]);

  /**
   * Saves, merged with co-authors' changes; returns the settings written, or null after showing an error.
   * `checkFollows`: the caller checks again at once (saveSettingsAndCheck), so the results are not said to predate
   * the settings meanwhile (the notice would be out of date before it was read); the caller says so if its
   * check does not finish.
   */
  const saveMerged = useCallback(
    async (settings: Settings, checkFollows = false): Promise<Settings | null> => {
      patch({
        busy: "save",
        error: null,
        notice: null,
        progress: { label: "Saving settings in the workbook…" },
      });
      try {
        // What the pane holds is what this save started from: the store merges co-authors' changes since.
        const saved = await gateway.saveSettings(settings, latest.current.settings ?? undefined);
        const notice = conflictNotice(saved.conflicts);
        patch({
          settings: saved.settings,
          reportPredatesSettings: !checkFollows && predates(checkedWith.current, saved.settings),
          busy: null,
          progress: null,
          notice,
          status: notice ? `Settings saved in this workbook. ${notice}` : "Settings saved in this workbook.",
        });
        return saved.settings;
      } catch (e) {
        patch({ busy: null, progress: null, error: plainMessage(e) });
        return null;
      }
    },
    [gateway, patch],
  );

  const saveSettings = useCallback(
    async (settings: Settings): Promise<boolean> => (await saveMerged(settings)) !== null,
    [saveMerged],
  );

  // The saved settings go to the check directly: state set after an await is not yet rendered, so
  // reading it back (as check() does) could re-check with the settings from before the save.
  // A check that does not finish leaves the results made before the save: they are then said to predate it.
  const saveSettingsAndCheck = useCallback(
    async (settings: Settings): Promise<boolean> => {
      const saved = await saveMerged(settings, true);
      if (!saved) return false;
      if (!(await runCheck(saved))) patch({ reportPredatesSettings: predates(checkedWith.current, saved) });
      return true;
    },
    [saveMerged, runCheck, patch],
  );

  const correctColumn = useCallback(
    async (sheet: string, header: string, field: string | null) => {
      await saveSettingsAndCheck(withColumnCorrection(await ensureSettings(), { sheet, header, field }));
    },
    [ensureSettings, saveSettingsAndCheck],
  );

  // Summaries are built from a check made with the saved settings, as the command line builds them: a report
  // made before a save that changed them is made again first.
  const writeSummaries = useCallback(async () => {
    const { report: last, reportPredatesSettings } = latest.current;
    const report = (reportPredatesSettings ? null : last) ?? (await runCheck());
    if (!report) return;
    patch({
      busy: "summaries",
      error: null,
      written: null,
      progress: { label: "Building the summary tabs…" },
    });
    const written: WrittenTab[] = [];
    let tabNames: string[] = [];
    try {
      const settings = checkedWith.current ?? (await ensureSettings());
      const engine = await loadEngine();
      await nextFrame();
      const tabs = engine.buildSummaryTabs(report, settings, { version: VERSION, chart: "native" });
      tabNames = tabs.map((t) => t.name);
      for (const [i, tab] of tabs.entries()) {
        patch({
          progress: { label: `Writing ${tab.name} (${i + 1} of ${tabs.length})…`, value: i / tabs.length },
        });
        // One tab at a time: each write is its own batch of syncs, so a failure names the tab it hit.
        written.push({ preferredName: tab.name, result: await gateway.writeOwnedTab(tab) });
      }
      patch({ busy: null, progress: null, written, status: `Wrote ${written.length} summary tabs.` });
    } catch (e) {
      // A board pack must not mix this check's tabs with an earlier one's unawares: say which are which.
      patch({
        busy: null,
        progress: null,
        error: plainMessage(e),
        written: written.length > 0 ? written : null,
        status: partlyWrittenStatus(
          written.map((w) => w.preferredName),
          tabNames,
        ),
      });
    }
  }, [runCheck, ensureSettings, loadEngine, gateway, patch]);

  const dismissError = useCallback(() => patch({ error: null }), [patch]);
  const dismissNotice = useCallback(() => patch({ notice: null }), [patch]);

  return [
    state,
    {
      check,
      select,
      mark,
      clearMarks,
      saveSettings,
      saveSettingsAndCheck,
      correctColumn,
      writeSummaries,
      dismissError,
      dismissNotice,
    },
  ];
}

/**
 * What a summaries write that stopped part-way left: the tabs rewritten from this check, and the ones that
 * still hold an earlier check's contents (or were never written).
 */
export function partlyWrittenStatus(written: readonly string[], all: readonly string[]): string {
  if (written.length === 0) return "The summary tabs were not written: they are as they were.";
  const rest = all.filter((name) => !written.includes(name));
  return (
    `The summary tabs were not all written: ${listWords(written)} ${written.length === 1 ? "was" : "were"} rewritten from this check; ` +
    `${listWords(rest)} ${rest.length === 1 ? "was" : "were"} not, and still ${rest.length === 1 ? "holds" : "hold"} what an earlier check wrote, if anything. ` +
    "Write the summary tabs again to bring them all up to date."
  );
}
