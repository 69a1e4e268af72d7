// The Import view's state and actions: choose → map → preview → apply → movement. The view only renders
// what this holds; the work itself is in pipeline.ts (a lazy chunk) and the gateway.

import { useCallback, useRef, useState } from "react";
import { importStamp, localTodayIso } from "../../core/local-time";
import type { ExportRole, ImportMapping, ImportPlan } from "../../core/merge/types";
import type { MonthWrite } from "../../core/merge/propose-mapping";
import type { Grid } from "../../core/model/grid";
import type { ConfirmedPair, RenumberedPair } from "../../core/model/history";
import type { Settings } from "../../core/model/settings";
import type { ApplyEditsResult } from "../../excel/apply-edits";
import type { WorkbookGateway } from "../../excel/gateway";
import { plainMessage, type WorkbookActions } from "../hooks/useWorkbook";
import { IGNORE, type ColumnChoice } from "./choices";
import { previewAnnouncement } from "./preview-words";
import type { ChosenFile, PreparedImport } from "./pipeline";

type Pipeline = typeof import("./pipeline");
const loadPipeline = (): Promise<Pipeline> => import(/* webpackChunkName: "import" */ "./pipeline");

export type ImportStep = "choose" | "map" | "preview" | "done";

export interface ImportBusy {
  label: string;
  /** 0–1 when known. */
  value?: number;
  /** True while reading: Cancel is offered. */
  cancellable: boolean;
}

export interface ImportState {
  step: ImportStep;
  busy: ImportBusy | null;
  error: string | null;
  /** The last thing done, for the live region. */
  status: string;
  /** The export's name as messages and the Import Log give it. */
  fileName: string | null;
  exportGrids: Grid[];
  workbookGrids: Grid[] | null;
  /** Sheets of the open workbook offered as an export (step 1's second way). */
  workbookSheets: string[] | null;
  mapping: ImportMapping | null;
  choices: Record<ExportRole, ColumnChoice[]>;
  registers: string[];
  register: string | null;
  /**
   * The fields each register keeps month by month, by register and field: where the import writes them (the
   * as-at month's column, or none where the register has no column for that month). The mapping step says so.
   */
  registerMonths: Record<string, Record<string, MonthWrite>>;
  asAt: string;
  prepared: PreparedImport | null;
  /** Renumbered pairs the preview lists ("HRC-014 in the export looks like HRC-009…"). */
  renumberedOffered: RenumberedPair[];
  /** The listed pairs the officer ticked "Same risk": planned as one risk, saved with the profile. */
  renumberedConfirmed: ConfirmedPair[];
  result: ApplyEditsResult | null;
  /** True once the workbook was checked again after the import (false: the report shown is from before it). */
  checkedAfter: boolean;
}

export interface ImportActions {
  chooseFile(file: ChosenFile): Promise<void>;
  listWorkbookSheets(): Promise<void>;
  chooseSheets(risks: string, actions: string | null): Promise<void>;
  cancel(): void;
  setChoice(role: ExportRole, index: number, choice: ColumnChoice): void;
  setRegister(name: string): void;
  preview(): Promise<void>;
  /** Ticks or clears "Same risk" for a listed pair, and plans the import again. */
  setSameRisk(pair: ConfirmedPair, same: boolean): Promise<void>;
  /**
   * Saves the ticked pairs with the IRIS profile when the import has nothing to write (a renumbered risk
   * whose row already matches): the import writes nothing, the pairing is kept for later imports.
   */
  savePairs(): Promise<void>;
  backToMapping(): void;
  apply(): Promise<void>;
  restart(): void;
  dismissError(): void;
}

/** Words for anything thrown while importing: the readers' and the adapter's messages are already plain. */
export function importMessage(e: unknown): string {
  if (e instanceof Error && e.name === "FileReadError")
    return `${e.message}. Nothing was written to the workbook.`;
  return plainMessage(e);
}

const EMPTY_CHOICES: Record<ExportRole, ColumnChoice[]> = { risks: [], actions: [] };

function initial(asAt: string): ImportState {
  return {
    step: "choose",
    busy: null,
    error: null,
    status: "",
    fileName: null,
    exportGrids: [],
    workbookGrids: null,
    workbookSheets: null,
    mapping: null,
    choices: EMPTY_CHOICES,
    registers: [],
    register: null,
    registerMonths: {},
    asAt,
    prepared: null,
    renumberedOffered: [],
    renumberedConfirmed: [],
    result: null,
    checkedAfter: false,
  };
}

export interface UseImportInput {
  gateway: WorkbookGateway;
  settings: Settings | null;
  actions: WorkbookActions;
}

/** The import's state machine. */
export function useImport({ gateway, settings, actions }: UseImportInput): [ImportState, ImportActions] {
  const [state, setState] = useState<ImportState>(() => initial(settings?.asAt ?? localTodayIso()));
  const latest = useRef(state);
  latest.current = state;
  const abort = useRef<AbortController | null>(null);
  const patch = useCallback((p: Partial<ImportState>) => setState((s) => ({ ...s, ...p })), []);

  const settingsNow = useCallback(
    async (): Promise<Settings> => settings ?? (await gateway.loadSettings()),
    [settings, gateway],
  );

  const readWorkbook = useCallback(
    async (signal: AbortSignal): Promise<Grid[]> => {
      patch({ busy: { label: "Reading the workbook…", value: 0, cancellable: true } });
      const grids = await gateway.readAllSheets(
        (p) =>
          patch({
            busy: {
              label: `Reading the workbook: sheet ${Math.min(p.sheetsRead + 1, p.sheetsTotal)} of ${p.sheetsTotal}…`,
              value: p.sheetsTotal ? p.sheetsRead / p.sheetsTotal : 0,
              cancellable: true,
            },
          }),
        { columnCorrections: settings?.columnCorrections },
      );
      if (signal.aborted) throw new (await loadPipeline()).ImportCancelled();
      return grids;
    },
    [gateway, patch, settings?.columnCorrections],
  );

  /** Proposes the mapping and the register, and moves to step 2. */
  const toMapping = useCallback(
    async (p: Pipeline, exportGrids: Grid[], workbookGrids: Grid[], fileName: string, exclude: string[]) => {
      const s = await settingsNow();
      const asAt = s.asAt ?? localTodayIso();
      const registers = p.registersIn(workbookGrids, s, asAt, exclude);
      const register = p.proposedRegister(registers, s);
      // Each register's columns as at the import's date (a field kept month by month is written in that month's).
      const columns = new Map(
        registers.map((r) => [r, p.registerColumnsIn(workbookGrids, r, s.columnCorrections, asAt)]),
      );
      // Proposed against the register proposed: a new column is not proposed into the council's own.
      const proposed = p.proposeMapping(
        exportGrids,
        s,
        asAt,
        register === null ? undefined : columns.get(register),
      );
      if (!proposed.ok) {
        patch({
          busy: null,
          error: `${proposed.problem.message}. Nothing was written to the workbook.`,
          status: "The export could not be mapped.",
        });
        return;
      }
      if (registers.length === 0) {
        const seen =
          workbookGrids
            .filter((g) => !g.owned)
            .map((g) => `"${g.sheetName}"`)
            .join(", ") || "none";
        patch({
          busy: null,
          error: `This workbook has no risk register to import into (no sheet has a risk id column and other risk headers). Sheets seen: ${seen}.`,
        });
        return;
      }
      const { mapping, choices } = proposed.value;
      patch({
        step: "map",
        busy: null,
        fileName,
        exportGrids,
        workbookGrids,
        mapping,
        choices,
        registers,
        register,
        registerMonths: Object.fromEntries(
          [...columns].map(([r, c]) => [r, Object.fromEntries(c?.byMonth ?? [])]),
        ),
        asAt,
        prepared: null,
        renumberedOffered: [],
        renumberedConfirmed: [],
        result: null,
        status: `Read "${fileName}": ${mapping.risks.columns.length} risk columns${mapping.actions ? ` and ${mapping.actions.columns.length} action columns` : ""} to map.`,
      });
    },
    [settingsNow, patch],
  );

  const run = useCallback(
    async (work: (signal: AbortSignal) => Promise<void>) => {
      abort.current?.abort();
      const ac = new AbortController();
      abort.current = ac;
      try {
        await work(ac.signal);
      } catch (e) {
        if (e instanceof Error && e.name === "ImportCancelled") patch({ busy: null, status: e.message });
        else patch({ busy: null, error: importMessage(e), status: "The export was not read." });
      } finally {
        if (abort.current === ac) abort.current = null;
      }
    },
    [patch],
  );

  const chooseFile = useCallback(
    (file: ChosenFile) =>
      run(async (signal) => {
        patch({
          error: null,
          busy: { label: `Reading "${file.name}"…`, cancellable: true },
          status: `Reading "${file.name}"`,
        });
        const p = await loadPipeline();
        const exportGrids = await p.readExportFile(file, signal);
        const workbookGrids = await readWorkbook(signal);
        await toMapping(p, exportGrids, workbookGrids, file.name, []);
      }),
    [run, patch, readWorkbook, toMapping],
  );

  const listWorkbookSheets = useCallback(
    () =>
      run(async (signal) => {
        patch({ error: null });
        const grids = await readWorkbook(signal);
        patch({
          busy: null,
          workbookGrids: grids,
          workbookSheets: grids.filter((g) => !g.owned).map((g) => g.sheetName),
          status: "Choose the sheet that holds the export.",
        });
      }),
    [run, patch, readWorkbook],
  );

  const chooseSheets = useCallback(
    (risks: string, actionsSheet: string | null) =>
      run(async () => {
        const grids = latest.current.workbookGrids;
        if (!grids) return;
        patch({ error: null, busy: { label: "Reading the chosen sheets…", cancellable: false } });
        const p = await loadPipeline();
        const names = actionsSheet && actionsSheet !== risks ? [risks, actionsSheet] : [risks];
        const { grids: exportGrids, fileName } = p.sheetsAsExport(grids, names);
        await toMapping(p, exportGrids, grids, fileName, names);
      }),
    [run, patch, toMapping],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    patch({ busy: { label: "Cancelling after the current step…", cancellable: false } });
  }, [patch]);

  const setChoice = useCallback((role: ExportRole, index: number, choice: ColumnChoice) => {
    setState((s) => {
      const list = [...s.choices[role]];
      list[index] = choice;
      let status = "";
      // One column per field: the column that had this field is carried as it is instead.
      if (choice !== null && choice !== IGNORE) {
        list.forEach((c, i) => {
          if (i !== index && c === choice) {
            list[i] = null;
            const sheet = role === "risks" ? s.mapping?.risks : s.mapping?.actions;
            status = `"${sheet?.columns[i]?.header ?? ""}" is now carried as it is, as another column holds that field.`;
          }
        });
      }
      return { ...s, choices: { ...s.choices, [role]: list }, status: status || s.status };
    });
  }, []);

  // Pairs name the register's risks: another register starts with none.
  const setRegister = useCallback(
    (name: string) => patch({ register: name, renumberedOffered: [], renumberedConfirmed: [] }),
    [patch],
  );

  /** Plans the import with the pairs ticked so far and shows the preview; `status` says what changed. */
  const plan = useCallback(
    async (confirmed: ConfirmedPair[], status: (plan: ImportPlan) => string) => {
      const s = latest.current;
      if (!s.mapping || !s.workbookGrids || !s.register || !s.fileName) return;
      patch({ error: null, busy: { label: "Working out what would change…", cancellable: false } });
      try {
        const p = await loadPipeline();
        await new Promise((r) => setTimeout(r, 0));
        const prepared = p.prepareImport({
          exportGrids: s.exportGrids,
          workbookGrids: s.workbookGrids,
          mapping: s.mapping,
          choices: s.choices,
          register: s.register,
          settings: await settingsNow(),
          asAt: s.asAt,
          importedAt: importStamp(s.asAt),
          fileName: s.fileName,
          renumbered: confirmed,
        });
        if (!prepared.ok) {
          patch({ busy: null, error: `${prepared.problem.message}. Nothing was written to the workbook.` });
          return;
        }
        patch({
          step: "preview",
          busy: null,
          prepared: prepared.value,
          renumberedConfirmed: confirmed,
          renumberedOffered: p.offeredPairs(
            latest.current.renumberedOffered,
            confirmed,
            prepared.value.plan.renumbered,
          ),
          status: status(prepared.value.plan),
        });
      } catch (e) {
        patch({ busy: null, error: importMessage(e) });
      }
    },
    [patch, settingsNow],
  );

  const preview = useCallback(() => plan(latest.current.renumberedConfirmed, previewAnnouncement), [plan]);

  const setSameRisk = useCallback(
    async (pair: ConfirmedPair, same: boolean) => {
      const s = latest.current;
      if (s.busy) return;
      const others = s.renumberedConfirmed.filter((p) => !(p.oldId === pair.oldId && p.newId === pair.newId));
      const confirmed = same ? [...others, { oldId: pair.oldId, newId: pair.newId }] : others;
      const cells = (n: number) => `${n} ${n === 1 ? "cell" : "cells"}`;
      await plan(confirmed, ({ cellCount: n }) =>
        same
          ? `Same risk: ${pair.newId} in the export updates ${pair.oldId}'s row, and will every month. The import would write ${cells(n)}.`
          : `Not the same risk: ${pair.newId} would be added as a new risk. The import would write ${cells(n)}.`,
      );
    },
    [plan],
  );

  const savePairs = useCallback(async () => {
    const { prepared, renumberedConfirmed } = latest.current;
    if (!prepared || renumberedConfirmed.length === 0) return;
    patch({ error: null, busy: { label: "Saving the IRIS profile…", cancellable: false } });
    try {
      const saved = await actions.saveSettings({
        ...(await settingsNow()),
        importProfile: prepared.settingsAfter.importProfile,
      });
      const n = renumberedConfirmed.length;
      patch({
        busy: null,
        status: saved
          ? `Saved ${n === 1 ? "the pair" : `${n} pairs`} with the IRIS profile: later imports merge ${n === 1 ? "it" : "them"} into the old row. Nothing else was written.`
          : "The pairs were not saved.",
      });
    } catch (e) {
      patch({ busy: null, error: importMessage(e) });
    }
  }, [actions, patch, settingsNow]);

  const backToMapping = useCallback(() => patch({ step: "map", prepared: null, error: null }), [patch]);

  const apply = useCallback(async () => {
    const { prepared } = latest.current;
    if (!prepared || prepared.plan.cellCount === 0) return;
    if (!gateway.applyEdits) {
      patch({ error: "This version of the add-in cannot write imports to the workbook." });
      return;
    }
    patch({ error: null, busy: { label: "Starting the import…", cancellable: false }, status: "Importing" });
    try {
      const result = await gateway.applyEdits(prepared.edits, (p) =>
        patch({ busy: { label: p.label, cancellable: false } }),
      );
      // The profile and this import's movement, so next month maps in one click and later summaries show it.
      patch({
        busy: { label: "Saving the IRIS profile and checking the workbook again…", cancellable: false },
      });
      const checkedAfter = await actions.saveSettingsAndCheck(prepared.settingsAfter);
      patch({
        step: "done",
        busy: null,
        result,
        checkedAfter,
        status: `Imported: ${result.cellsWritten} cells written, backup "${result.backups[0]?.to ?? ""}".`,
      });
    } catch (e) {
      patch({ busy: null, error: importMessage(e), status: "The import did not finish." });
    }
  }, [gateway, actions, patch]);

  const restart = useCallback(() => setState(initial(settings?.asAt ?? localTodayIso())), [settings]);
  const dismissError = useCallback(() => patch({ error: null }), [patch]);

  return [
    state,
    {
      chooseFile,
      listWorkbookSheets,
      chooseSheets,
      cancel,
      setChoice,
      setRegister,
      preview,
      setSameRisk,
      savePairs,
      backToMapping,
      apply,
      restart,
      dismissError,
    },
  ];
}
