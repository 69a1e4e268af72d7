// The meeting's state and actions: the queue, the current card, records written one sync batch per
// risk, conflicts, and the Meeting Record at the end. The Review view only renders what this holds.

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toA1, columnLetter } from "../../core/address/a1";
import { acceptedProposalLog, proposalWords } from "../../core/meeting/accept-proposal";
import { formulaCellNote } from "../../core/meeting/formula-cell-note";
import { buildCardIndex, cardFor, type RiskCard } from "../../core/meeting/card";
import type { RiskInMeeting } from "../../core/meeting/card-now";
import { rowSnapshot, snapshotAfterWrite, type RowSnapshot } from "../../core/meeting/conflict";
import {
  buildMeetingRecord,
  type MeetingInfo,
  notReviewedRisks,
  type ReviewedRisk,
} from "../../core/meeting/meeting-record";
import {
  buildMeetingProgress,
  mergedProgress,
  progressKey,
  resumedAttendees,
  type MeetingProgress,
  type PaneProgress,
} from "../../core/meeting/meeting-progress";
import { buildQueue, hasNoStrategy, type QueueItem, type ScoreBand } from "../../core/meeting/queue";
import {
  mergeActionValues,
  withRecordedActions,
  type ActionValues,
} from "../../core/meeting/recorded-actions";
import { recordedEarlier, type EarlierRecord } from "../../core/meeting/recorded-earlier";
import {
  fieldColumnsOf,
  ownRatingScalesOf,
  lastLoggedTexts,
  recordToEdits,
  type LastLoggedText,
  type FieldChange,
  type RecordChoice,
  type RecordPlan,
} from "../../core/meeting/record";
import { forcedWriteSaid, replacedChange } from "../../core/meeting/replaced-values";
import { planOverCellsNow, planWithoutCells } from "../../core/meeting/own-lines-now";
import { escalationsAtMeetingStart } from "../../core/meeting/resumed-escalations";
import { factsWithRowNow } from "../../core/meeting/row-now";
import { buildUpdateLogTab } from "../../core/meeting/update-log-tab";
import type { CellEdit, LogAppend } from "../../core/model/edits";
import type { CellValue } from "../../core/model/grid";
import { OWNED_TAB_NAMES } from "../../core/model/owned-tab";
import type { Proposal } from "../../core/model/history";
import type { SheetRecord } from "../../core/model/records";
import type { Escalation, Report } from "../../core/model/report";
import type { RiskFacts } from "../../core/model/risk-summary";
import type { Settings } from "../../core/model/settings";
import { VERSION } from "../../core/version";
import type { WorkbookGateway, WriteResult } from "../../excel/gateway";
import type { RecordUpdateRequest, RowConflict } from "../../excel/record-update";
import type { WorkbookActions } from "../hooks/useWorkbook";
import { plainMessage } from "../hooks/useWorkbook";

export interface MeetingSetup extends MeetingInfo {
  owners: string[];
  scoreBands: ScoreBand[];
}

/** What happened to a risk in this meeting. */
export type Outcome =
  | {
      kind: "recorded";
      noChange: boolean;
      text: string;
      changes: FieldChange[];
      after: RecordPlan["after"];
      /** The status and due date of the actions this meeting changed for the risk, as it left them. */
      actions?: ActionValues[];
      earlier?: boolean;
    }
  | { kind: "skipped" };

export interface PendingConflict {
  key: string;
  conflicts: RowConflict[];
  request: RecordUpdateRequest;
  plan: RecordPlan;
}

export type Phase = "setup" | "running" | "ending" | "ended";

export interface MeetingState {
  phase: Phase;
  setup: MeetingSetup | null;
  queue: QueueItem[];
  index: number;
  outcomes: Map<string, Outcome>;
  /** Order in which risks were recorded (keys). */
  reviewedOrder: string[];
  /** Proposals the chair accepted, by queue key, in the order accepted (recorded in the Update Log). */
  proposalsAccepted: Map<string, Proposal>;
  conflict: PendingConflict | null;
  busy: boolean;
  error: string | null;
  /**
   * Notes from the last record (missing columns, formulas kept), null when it gave none: shown under the card
   * that follows, so they carry the risk they are about.
   */
  notes: RecordNotes | null;
  /** What the live region says. */
  announcement: string;
  /** Name of the Meeting Record tab written at the end. */
  recordSheet: string | null;
  /**
   * The tab the meeting is kept on when a sheet of the officer's is called Meeting Record (so another name was
   * used: "Meeting Record (Risk Review)"), as its first write found; null when it is the Meeting Record itself.
   */
  keptOn: string | null;
  /**
   * A risk's facts read from its register row as it is now, by queue key, after the officer kept a
   * co-author's change ("Keep theirs"): its next record is made from them and its card shows them.
   */
  keptTheirs: ReadonlyMap<string, RiskFacts>;
  /**
   * The Update Log rows this meeting wrote for a risk since the check (its records, an accepted proposal), by
   * queue key, in order: its card's direction, history and proposal are worked out again with them.
   */
  logged: ReadonlyMap<string, readonly LogAppend[]>;
}

/** What a record said of itself beside what it wrote (a column missing, a formula kept), and of which risk. */
export interface RecordNotes {
  /** The risk recorded (its id; its title where the register gives no id). */
  risk: string;
  notes: readonly string[];
}

export interface MeetingActions {
  start(setup: MeetingSetup): Promise<void>;
  go(delta: 1 | -1): void;
  skip(): void;
  record(choice: RecordChoice): Promise<boolean>;
  /** Accepts the current risk's proposal: one Update Log row; the register is not changed. */
  acceptProposal(): Promise<boolean>;
  resolveConflict(write: boolean): Promise<boolean>;
  end(): Promise<void>;
  backToSetup(): void;
  dismissError(): void;
}

const NAME_KEY = "contract-risk-review.meeting.by";

/** The officer's name remembered on this computer (SPEC: the meeting's "by"; nothing else is stored). */
export function rememberedName(): string {
  try {
    return globalThis.localStorage?.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

function rememberName(name: string): void {
  try {
    globalThis.localStorage?.setItem(NAME_KEY, name);
  } catch {
    // Storage can be off (private windows, policy): the name is then typed each time.
  }
}

/** "Risk 3 of 41: HRC-007 Title. Due for its update." (and " No strategy." for a risk without one). */
export function announce(
  queue: readonly QueueItem[],
  index: number,
  outcomes: ReadonlyMap<string, Outcome>,
): string {
  const item = queue[index];
  if (!item) return queue.length === 0 ? "No risks match this meeting's filters." : "End of the queue.";
  const o = outcomes.get(item.key);
  const state =
    o?.kind === "recorded"
      ? "Recorded in this meeting."
      : o?.kind === "skipped"
        ? "Skipped."
        : item.due
          ? "Due for its update."
          : "Updated this month.";
  // Why a risk updated this month came up early (buildQueue); said of one due too, as its card says it.
  const early = o === undefined && hasNoStrategy(item.facts) ? " No strategy." : "";
  return `Risk ${index + 1} of ${queue.length}: ${item.facts.id || "(no id)"} ${item.facts.title}. ${state}${early}`;
}

/**
 * Said when the risk taken (recorded or skipped) was the last in the queue: the queue is finished, and what the
 * chair does next (SPEC Workflows 4: "end with a record of the meeting").
 */
export function queueEnd(queue: readonly QueueItem[], outcomes: ReadonlyMap<string, Outcome>): string {
  const recorded = queue.filter((q) => outcomes.get(q.key)?.kind === "recorded").length;
  const left = queue.length - recorded;
  if (left === 0)
    return `End of the queue: ${queue.length === 1 ? "its one risk is" : `all ${queue.length} risks are`} recorded. Choose End meeting to write the Meeting Record.`;
  return `End of the queue: ${recorded} of ${queue.length} risks recorded; ${left} not (skipped or not reached). Go back with Previous (Alt+P), or choose End meeting to write the Meeting Record.`;
}

/**
 * What the live region says once the risk at `at` is taken: `done` ("Recorded no change for HRC-001."), the
 * notes the record gave (a formula kept, a column missing: what the pane shows beside the card, heard too),
 * then the card shown next, or that the queue is finished when the risk was its last (`next` is `at`).
 */
function afterTaking(
  done: string,
  notes: readonly string[],
  queue: readonly QueueItem[],
  at: number,
  next: number,
  outcomes: ReadonlyMap<string, Outcome>,
): string {
  const then = next === at ? queueEnd(queue, outcomes) : announce(queue, next, outcomes);
  return [done, ...notes, then].join(" ");
}

/** The address of a risk's row across its table, to select so the room sees it. */
export function rowAddress(report: Report, item: QueueItem): string {
  const cols = report.sheets.find((s) => s.name === item.facts.sheet)?.columns ?? [];
  const r = item.facts.row;
  if (cols.length === 0) return `A${r}`;
  const first = Math.min(...cols.map((c) => c.col));
  const last = Math.max(...cols.map((c) => c.col));
  return `${columnLetter(first)}${r}:${columnLetter(last)}${r}`;
}

/** A cell's value in the rows a co-author changed, as the conflict read them; undefined where its row is not among them. */
function valueInRowsNow(conflicts: readonly RowConflict[], cell: CellEdit): CellValue | undefined {
  const x = conflicts.find((c) => c.snapshot.sheet === cell.sheet && c.snapshot.row === cell.row);
  return x ? (x.now[cell.col - x.snapshot.firstCol] ?? null) : undefined;
}

/** The key of a sheet row (0-based) whose snapshot the meeting compares before it writes the row. */
const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

/** The rows logged for each risk, with `log` added to the risk's at `key`. */
function withLogged(
  logged: ReadonlyMap<string, readonly LogAppend[]>,
  key: string,
  log: LogAppend,
): ReadonlyMap<string, readonly LogAppend[]> {
  return new Map(logged).set(key, [...(logged.get(key) ?? []), log]);
}

/**
 * The outcomes of risks this meeting recorded before the pane was reopened (see recordedEarlier), and of those
 * it skipped and did not record since (`skipped`: progressKey of each, as the Meeting Record under way keeps them).
 */
function earlierOutcomes(
  records: ReadonlyMap<string, EarlierRecord>,
  queue: readonly QueueItem[],
  skipped: ReadonlySet<string> = new Set(),
) {
  const out = new Map<string, Outcome>();
  for (const q of queue) {
    const r = records.get(q.key);
    if (!r) {
      if (skipped.has(progressKey(q.facts))) out.set(q.key, { kind: "skipped" });
      continue;
    }
    // The report was read after those records, so the risk's facts are its values after them.
    const f = q.facts;
    out.set(q.key, {
      kind: "recorded",
      noChange: r.noChange,
      text: r.text,
      changes: r.changes,
      after: {
        likelihood: f.likelihood,
        impact: f.impact,
        score: f.score,
        rag: f.rag,
        strategy: f.strategy,
        owner: f.owner,
        record: f.record,
      },
      earlier: true,
    });
  }
  return out;
}

/** The keys of `skipped`, as one text: what tells the risks skipped changed. */
function skippedKeysOf(skipped: readonly { sheet: string; id: string }[]): string {
  return skipped.map(progressKey).join("\n");
}

/** The meeting on `date` under way, as the workbook's Meeting Record keeps it; null when it keeps none. */
async function meetingUnderWay(gateway: WorkbookGateway, date: string): Promise<MeetingProgress | null> {
  return gateway.readMeetingUnderWay ? gateway.readMeetingUnderWay(date) : null;
}

/** What this pane knows of the meeting under way (see mergedProgress): its attendees, skips and records. */
function paneProgress(setup: MeetingInfo, s: Pick<MeetingState, "queue" | "outcomes">): PaneProgress {
  const withOutcome = (kind: Outcome["kind"]) =>
    s.queue.filter((q) => s.outcomes.get(q.key)?.kind === kind).map((q) => q.facts);
  return {
    attendees: setup.attendees,
    skipped: withOutcome("skipped"),
    recorded: new Set(withOutcome("recorded").map(progressKey)),
    queue: s.queue.map((q) => q.facts),
  };
}

/**
 * Said when the Meeting Record could not be brought up to date with the meeting under way (a protected tab, a
 * failed write): what that means for the officer, and Excel's reason.
 */
function progressNotKept(e: unknown): string {
  return `The Meeting Record could not be brought up to date with the meeting under way (its attendees and the risks skipped, kept there so the meeting can be picked up again if the pane is closed): the meeting carries on here, and each update is still written to the register and the Update Log. ${plainMessage(e)}`;
}

/** Said where the gateway cannot write the Meeting Record's block alone (so earlier meetings' records would be rewritten). */
const NO_BLOCK_WRITES =
  "This version of the add-in cannot write the Meeting Record without rewriting the earlier meetings' records, so the meeting under way is not kept there";

/** Said at the start when a sheet of the officer's is called Meeting Record, so the meeting is kept on `sheet`. */
export function keptOnNote(sheet: string): string {
  return `A sheet of yours is called ${OWNED_TAB_NAMES["meeting-record"]}, so this meeting is kept on the “${sheet}” tab, and its record will be written there; your sheet is not changed.`;
}

export interface UseMeetingArgs {
  report: Report | null;
  settings: Settings | null;
  gateway: WorkbookGateway;
  actions: Pick<WorkbookActions, "check">;
}

/** The meeting. */
export function useMeeting({
  report,
  settings,
  gateway,
  actions,
}: UseMeetingArgs): [MeetingState, MeetingActions, RiskCard | null] {
  const [state, setState] = useState<MeetingState>({
    phase: "setup",
    setup: null,
    queue: [],
    index: 0,
    outcomes: new Map(),
    reviewedOrder: [],
    proposalsAccepted: new Map(),
    conflict: null,
    busy: false,
    error: null,
    notes: null,
    announcement: "",
    recordSheet: null,
    keptOn: null,
    keptTheirs: new Map(),
    logged: new Map(),
  });
  const latest = useRef(state);
  latest.current = state;
  const patch = useCallback((p: Partial<MeetingState> | ((s: MeetingState) => Partial<MeetingState>)) => {
    setState((s) => {
      const next = { ...s, ...(typeof p === "function" ? p(s) : p) };
      latest.current = next;
      return next;
    });
  }, []);

  // Per-meeting lookups, made once at the start so each card is a few map reads. They hang on
  // state.setup because startReport is a ref set by start() in the same update.
  const startReport = useRef<Report | null>(null);
  const escalationsAtStart = useRef<Escalation[]>([]);
  const logSheet = useRef<string | null>(null);
  /** Rows as the meeting last saw them (shown, written or kept), by rowKey: the risk's row and action rows. */
  const snapshots = useRef(new Map<string, RowSnapshot | null>());
  /** The writes of the meeting under way to the Meeting Record (saveProgress), one after another. */
  const progressWrites = useRef<Promise<void>>(Promise.resolve());
  /** The risks skipped (skippedKeysOf) as saveProgress last wrote them for this meeting. */
  const progressSkipped = useRef<string | null>(null);
  const index = useMemo(
    () => (startReport.current && settings ? buildCardIndex(startReport.current, settings) : null),
    [state.setup, settings],
  );
  const columns = useMemo(
    () => (startReport.current ? fieldColumnsOf(startReport.current) : null),
    [state.setup],
  );
  const logged = useMemo(
    (): LastLoggedText => (startReport.current ? lastLoggedTexts(startReport.current) : () => null),
    [state.setup],
  );

  /**
   * A risk's facts as they are now in this meeting: read from its row after the officer kept a co-author's
   * change; else as this meeting's last record left them; else as read at the start. The next record is made
   * from them and the card shows them.
   */
  const factsNow = useCallback(
    (item: QueueItem, s: Pick<MeetingState, "outcomes" | "keptTheirs">): RiskFacts => {
      const kept = s.keptTheirs.get(item.key);
      if (kept) return kept;
      const before = s.outcomes.get(item.key);
      return before?.kind === "recorded" ? { ...item.facts, ...before.after } : item.facts;
    },
    [],
  );

  /**
   * What this meeting has done to a risk since the check, for its card: its values now (factsNow) and the rows
   * it logged for it; undefined when it has done neither (a risk recorded before the pane was reopened is as
   * the check read it).
   */
  const inMeeting = useCallback(
    (
      item: QueueItem,
      s: Pick<MeetingState, "outcomes" | "keptTheirs" | "logged">,
    ): RiskInMeeting | undefined => {
      const logged = s.logged.get(item.key);
      if (!logged && !s.keptTheirs.has(item.key)) return undefined;
      return { facts: factsNow(item, s), logged: logged ?? [], logSheet: logSheet.current ?? "" };
    },
    [factsNow],
  );

  const current = state.phase === "running" ? state.queue[state.index] : undefined;
  const { outcomes, keptTheirs, logged: loggedRows } = state;
  // The card is built from the start's report and what this meeting has done to the risk (inMeeting: its
  // values now, with its direction, history and proposal worked out again); the actions this meeting changed
  // show as it left them.
  const card = useMemo(() => {
    if (!current || !index) return null;
    const outcome = outcomes.get(current.key);
    return withRecordedActions(
      cardFor(current.facts, index, inMeeting(current, { outcomes, keptTheirs, logged: loggedRows })),
      outcome?.kind === "recorded" ? outcome.actions : undefined,
      index.settings,
    );
  }, [current, index, outcomes, keptTheirs, loggedRows, inMeeting]);

  // Showing a card selects the risk's row in the sheet, so the room sees it.
  useEffect(() => {
    if (!current || !startReport.current) return;
    gateway
      .selectCell({ sheet: current.facts.sheet, address: rowAddress(startReport.current, current) })
      .catch((e: unknown) => patch({ error: plainMessage(e) }));
  }, [current, gateway, patch]);

  /**
   * Keeps the meeting under way in the Meeting Record (meeting-progress.ts): its attendees and the risks skipped
   * so far, in its block at the top of the tab, read again just before the write and merged with this pane's
   * (mergedProgress), so a co-author's pane's attendees and skips are kept; the earlier meetings' records below
   * are never written. Queued after the writes before it. Resolves with the write's result once written, or
   * null when nothing was written (a failure is shown, not thrown).
   */
  const saveProgress = useCallback(
    (setup: MeetingSetup, s: Pick<MeetingState, "queue" | "outcomes">): Promise<WriteResult | null> => {
      const rep = startReport.current;
      if (!rep || !settings) return Promise.resolve(null);
      const pane = paneProgress(setup, s);
      progressSkipped.current = skippedKeysOf(pane.skipped);
      if (!gateway.writeMeetingBlock) {
        patch({ error: `${NO_BLOCK_WRITES}.` });
        return Promise.resolve(null);
      }
      const writeBlock = gateway.writeMeetingBlock.bind(gateway);
      const heading = { source: rep.source, version: VERSION, marking: settings.protectiveMarking };
      const written = progressWrites.current.then(() =>
        writeBlock({
          date: setup.date,
          build: (held) => {
            const merged = mergedProgress(held, pane);
            return buildMeetingProgress({ ...setup, attendees: merged.attendees }, merged.skipped, heading);
          },
        }).catch((e: unknown) => {
          patch({ error: progressNotKept(e) });
          return null;
        }),
      );
      progressWrites.current = written.then(() => undefined);
      return written;
    },
    [gateway, settings, patch],
  );

  const start = useCallback(
    async (setup: MeetingSetup) => {
      if (!report || !settings) return;
      if (!gateway.openUpdateLog || !gateway.recordUpdate) {
        patch({ error: "This version of the add-in cannot record meeting updates." });
        return;
      }
      rememberName(setup.by);
      patch({ busy: true, error: null });
      try {
        logSheet.current = await gateway.openUpdateLog(
          buildUpdateLogTab({
            asAt: setup.date,
            source: report.source,
            version: VERSION,
            marking: settings.protectiveMarking,
          }),
        );
      } catch (e) {
        patch({ busy: false, error: plainMessage(e) });
        return;
      }
      const resuming = latest.current.setup !== null && startReport.current === report;
      // Started again after the pane was reopened: the meeting under way, as the Meeting Record keeps it.
      let progress: MeetingProgress | null = null;
      let progressError: string | null = null;
      if (!resuming) {
        try {
          progress = await meetingUnderWay(gateway, setup.date);
        } catch (e) {
          progressError = `A meeting under way on this date could not be read from the Meeting Record, so its attendees and skipped risks were not picked up: ${plainMessage(e)}`;
        }
      }
      if (progress) setup = { ...setup, attendees: resumedAttendees(progress.attendees, setup.attendees) };
      if (!resuming) {
        startReport.current = report;
        escalationsAtStart.current = report.escalations;
        snapshots.current = new Map();
      }
      const queue = buildQueue(report, {
        meetingDate: setup.date,
        reviewPeriodMonths: settings.reviewPeriodMonths,
        registers: setup.registers,
        annexes: setup.annexes,
        owners: setup.owners,
        scoreBand: setup.scoreBands,
      });
      // A meeting started again in this pane carries on from memory; one started after the pane was
      // reopened picks up what this meeting wrote to the Update Log before (no sync: the check read it).
      const earlier = resuming
        ? null
        : recordedEarlier(report.history, queue, setup.date, logSheet.current, report.proposals);
      const outcomes = earlier
        ? earlierOutcomes(earlier.records, queue, new Set(progress?.skipped.map(progressKey)))
        : latest.current.outcomes;
      // The workbook was read again after this meeting's earlier records: the escalations they made are in
      // its routes already, so the start's are worked out back from the changes they logged.
      if (earlier)
        escalationsAtStart.current = escalationsAtMeetingStart(
          report.escalations,
          queue.flatMap((q) => {
            const r = earlier.records.get(q.key);
            return r ? [{ sheet: q.facts.sheet, row: q.facts.row, changes: r.changes }] : [];
          }),
          settings,
        );
      const reviewedOrder = earlier
        ? [...outcomes].filter(([, o]) => o.kind === "recorded").map(([key]) => key)
        : latest.current.reviewedOrder;
      const proposalsAccepted = earlier ? earlier.proposalsAccepted : latest.current.proposalsAccepted;
      // The meeting under way in the Meeting Record before its first card, so a pane closed from then on finds it.
      const kept = await saveProgress(setup, { queue, outcomes });
      const keptOn = kept?.renamed ? kept.sheetName : null;
      // A failure the write reported (patched just before) stays shown: the patch reads the state it follows.
      patch((s) => ({
        phase: "running",
        setup,
        queue,
        index: 0,
        outcomes,
        reviewedOrder,
        proposalsAccepted,
        keptTheirs: resuming ? latest.current.keptTheirs : new Map(),
        logged: resuming ? latest.current.logged : new Map(),
        busy: false,
        error: s.error ?? progressError,
        notes: null,
        keptOn,
        announcement: [keptOn ? keptOnNote(keptOn) : "", announce(queue, 0, outcomes)].join(" ").trim(),
      }));
    },
    [report, settings, gateway, patch, saveProgress],
  );

  // Written again whenever the risks skipped change (start writes it first), so a meeting started again after
  // the pane was closed has them.
  const skippedKeys = useMemo(
    () =>
      skippedKeysOf(
        state.queue.filter((q) => state.outcomes.get(q.key)?.kind === "skipped").map((q) => q.facts),
      ),
    [state.queue, state.outcomes],
  );
  useEffect(() => {
    if (state.phase !== "running" || !state.setup || skippedKeys === progressSkipped.current) return;
    void saveProgress(state.setup, latest.current);
  }, [state.phase, state.setup, skippedKeys, saveProgress]);

  const go = useCallback(
    (delta: 1 | -1) =>
      patch((s) => {
        const i = Math.min(Math.max(0, s.index + delta), Math.max(0, s.queue.length - 1));
        return { index: i, conflict: null, notes: null, announcement: announce(s.queue, i, s.outcomes) };
      }),
    [patch],
  );

  const skip = useCallback(
    () =>
      patch((s) => {
        const item = s.queue[s.index];
        if (!item) return {};
        const outcomes = new Map(s.outcomes);
        if (outcomes.get(item.key)?.kind !== "recorded") outcomes.set(item.key, { kind: "skipped" });
        const i = Math.min(s.index + 1, s.queue.length - 1);
        return {
          outcomes,
          index: i,
          conflict: null,
          notes: null,
          announcement: afterTaking(`Skipped ${item.facts.id}.`, [], s.queue, s.index, i, outcomes),
        };
      }),
    [patch],
  );

  /** Writes one plan; on success moves to the next risk. */
  const write = useCallback(
    async (
      key: string,
      request: RecordUpdateRequest,
      plan: RecordPlan,
      noChange: boolean,
    ): Promise<boolean> => {
      // After the Meeting Record's write for a skip just before (saveProgress): this pane's writes go one at a time.
      await progressWrites.current;
      const result = await gateway.recordUpdate!(request);
      if (!result.ok) {
        patch({
          busy: false,
          conflict: { key, conflicts: result.conflicts, request, plan },
          announcement:
            "Someone changed this risk's row since its card was shown. Both versions are shown; nothing was written.",
        });
        return false;
      }
      // A write the adapter left (a formula found at the write, and the score and RAG worked out from a likelihood or
      // impact so left) changed nothing: the Meeting Record, the card and the next record say what the register
      // holds, as the Update Log row does.
      const made = planWithoutCells(plan, result.keptCells);
      const cellsWritten = request.cells.filter((c) => !result.keptCells.some((k) => k.cell === c));
      request.expected.forEach((snap, i) =>
        snapshots.current.set(
          rowKey(snap.sheet, snap.row),
          snapshotAfterWrite(snap, result.rowsNow[i], cellsWritten),
        ),
      );
      patch((s) => {
        const item = s.queue.find((q) => q.key === key)!;
        const outcomes = new Map(s.outcomes);
        // Recorded again: the Meeting Record keeps the changes of every record of the risk, in order; a
        // write forced over a co-author's change says so, with their words.
        const earlier = s.outcomes.get(key);
        const changes = [...made.changes, ...result.replaced.map(replacedChange)];
        outcomes.set(key, {
          kind: "recorded",
          noChange,
          text: made.text,
          changes: earlier?.kind === "recorded" ? [...earlier.changes, ...changes] : changes,
          after: made.after,
          actions: mergeActionValues(
            earlier?.kind === "recorded" ? earlier.actions : undefined,
            made.actionsAfter,
          ),
        });
        const reviewedOrder = s.reviewedOrder.includes(key) ? s.reviewedOrder : [...s.reviewedOrder, key];
        const logged = withLogged(s.logged, key, made.log);
        // Written: the card and the next record start from what this record wrote.
        const keptTheirs = new Map(s.keptTheirs);
        keptTheirs.delete(key);
        const i = Math.min(s.index + 1, s.queue.length - 1);
        const notes = [...made.notes, ...result.keptFormulas.map(formulaCellNote)];
        const risk = item.facts.id || item.facts.title;
        const said = `Recorded ${noChange ? "no change" : "an update"} for ${item.facts.id}.${forcedWriteSaid(result.replaced)}`;
        return {
          outcomes,
          reviewedOrder,
          keptTheirs,
          logged,
          index: i,
          busy: false,
          conflict: null,
          notes: notes.length > 0 ? { risk, notes } : null,
          announcement: afterTaking(said, notes, s.queue, s.index, i, outcomes),
        };
      });
      return true;
    },
    [gateway, patch],
  );

  const record = useCallback(
    async (choice: RecordChoice): Promise<boolean> => {
      const s = latest.current;
      const item = s.queue[s.index];
      const setup = s.setup;
      const rep = startReport.current;
      if (!item || !setup || !rep || !columns || !settings || s.busy || !logSheet.current) return false;
      patch({ busy: true, error: null });
      try {
        // A risk recorded before in this meeting starts from what that record wrote, not from the facts read
        // at the start: its log row gives the score at the time, and a field it changed is not changed back.
        // After the officer kept a co-author's change, it starts from the register's row as it is now.
        const before = s.outcomes.get(item.key);
        const recorded = before?.kind === "recorded";
        const kept = s.keptTheirs.has(item.key);
        const plan = recordToEdits(factsNow(item, s), choice, {
          meetingDate: setup.date,
          asAt: rep.asAt,
          by: setup.by,
          columns,
          settings,
          // Recorded before: the words in the register are this meeting's own, already in the log.
          lastLoggedText: recorded ? before.text : logged(item.facts),
          ragMatrix: rep.ragMatrix,
          ownRatingScale: ownRatingScalesOf(rep),
        });
        // A second record of the same risk in one meeting: the register text is already in the log (unless
        // the row was read again after keeping a co-author's change: then only their words are carried).
        if (recorded && !kept) plan.log.rows = plan.log.rows.slice(-1);
        // Every row the record writes is compared first: the risk's row and the action rows it changes.
        const records: SheetRecord<string>[] = [item.facts.record];
        // (The risk's own action on the register is on the risk's row, compared already.)
        for (const a of choice.actions ?? [])
          if (
            !a.action.own &&
            plan.cells.some((c) => c.sheet === a.action.sheet && c.row === a.action.row - 1)
          )
            records.push(a.action.record);
        const expected: RowSnapshot[] = [];
        for (const r of records) {
          const k = rowKey(r.sheet, r.row);
          if (!snapshots.current.has(k))
            snapshots.current.set(
              k,
              rowSnapshot(r, rep.sheets.find((x) => x.name === r.sheet) ?? { columns: [] }),
            );
          const snap = snapshots.current.get(k);
          if (snap) expected.push(snap);
        }
        const request: RecordUpdateRequest = {
          cells: plan.cells,
          log: plan.log,
          logLeaving: (left) => planWithoutCells(plan, left).log,
          logSheet: logSheet.current,
          expected,
        };
        return await write(item.key, request, plan, choice.noChange);
      } catch (e) {
        patch({ busy: false, error: plainMessage(e) });
        return false;
      }
    },
    [columns, settings, logged, patch, write, factsNow],
  );

  const acceptProposal = useCallback(async (): Promise<boolean> => {
    const s = latest.current;
    const item = s.queue[s.index];
    const setup = s.setup;
    const proposal = card?.proposal ?? null;
    if (!item || !setup || !proposal || s.busy || !logSheet.current || s.proposalsAccepted.has(item.key))
      return false;
    patch({ busy: true, error: null });
    try {
      // The score and strategy at the time: after any change this meeting made to the risk.
      const log = acceptedProposalLog(proposal, factsNow(item, s), setup.date, setup.by);
      const result = await gateway.recordUpdate!({
        cells: [],
        log,
        logSheet: logSheet.current,
        expected: [],
      });
      if (!result.ok) throw new Error("The Update Log could not be written; nothing was recorded.");
      patch((st) => {
        const proposalsAccepted = new Map(st.proposalsAccepted);
        proposalsAccepted.set(item.key, proposal);
        return {
          proposalsAccepted,
          logged: withLogged(st.logged, item.key, log),
          busy: false,
          announcement: `Proposal accepted for ${item.facts.id}: ${proposalWords(proposal)}. Recorded in the Update Log; the register is unchanged.`,
        };
      });
      return true;
    } catch (e) {
      patch({ busy: false, error: plainMessage(e) });
      return false;
    }
  }, [card, gateway, patch, factsNow]);

  const resolveConflict = useCallback(
    async (doWrite: boolean): Promise<boolean> => {
      const c = latest.current.conflict;
      if (!c) return false;
      if (!doWrite) {
        // Keep theirs: the rows as they are now become what this card compares against next time, and the
        // risk's card and next record show and start from its register row as it is now (their values,
        // their words).
        const s = latest.current;
        const item = s.queue.find((q) => q.key === c.key);
        const keptTheirs = new Map(s.keptTheirs);
        for (const x of c.conflicts) {
          snapshots.current.set(rowKey(x.snapshot.sheet, x.snapshot.row), { ...x.snapshot, values: x.now });
          if (
            item &&
            columns &&
            settings &&
            x.snapshot.sheet === item.facts.sheet &&
            x.snapshot.row === item.facts.record.row
          )
            keptTheirs.set(
              c.key,
              factsWithRowNow(
                factsNow(item, s),
                { firstCol: x.snapshot.firstCol, values: x.now },
                columns(item.facts.sheet),
                { ...settings, ...startReport.current?.wordsOf?.(item.facts.sheet) },
                startReport.current?.ragMatrix,
              ),
            );
        }
        patch({
          conflict: null,
          keptTheirs,
          announcement: "Nothing written. The row as it is now will be compared next time.",
        });
        return false;
      }
      patch({ busy: true, error: null });
      try {
        // An own-action cell written line by line is made again from its text now: only this record's lines
        // change, and a co-author's change to another action's line stays (own-lines-now.ts).
        const plan = planOverCellsNow(c.plan, (cell) => valueInRowsNow(c.conflicts, cell));
        return await write(
          c.key,
          {
            ...c.request,
            cells: plan.cells,
            log: plan.log,
            logLeaving: (left) => planWithoutCells(plan, left).log,
            force: true,
          },
          plan,
          c.request.log.rows.at(-1)?.[4] === "Yes",
        );
      } catch (e) {
        patch({ busy: false, error: plainMessage(e) });
        return false;
      }
    },
    [patch, write, columns, settings, factsNow],
  );

  const reportNow = useRef(report);
  reportNow.current = report;
  const end = useCallback(async () => {
    patch({
      phase: "ending",
      busy: true,
      error: null,
      announcement: "Ending the meeting: checking the workbook again…",
    });
    await actions.check();
    // The new report arrives through props; when the check failed there is none, so say so and carry on.
    await new Promise((r) => setTimeout(r, 0));
    if (latest.current.phase === "ending" && reportNow.current === startReport.current) {
      patch({
        phase: "running",
        busy: false,
        error:
          "The workbook could not be checked again, so the Meeting Record was not written. Try End meeting again.",
      });
    }
  }, [actions, patch]);

  // After the re-check (a new report arrives), write the Meeting Record from this meeting's outcomes.
  useEffect(() => {
    if (state.phase !== "ending" || !report || report === startReport.current || !settings) return;
    const s = latest.current;
    const setup = s.setup!;
    const byKey = new Map(s.queue.map((q) => [q.key, q]));
    const reviewed: ReviewedRisk[] = [];
    for (const key of s.reviewedOrder) {
      const o = s.outcomes.get(key);
      const q = byKey.get(key);
      if (!q || o?.kind !== "recorded") continue;
      const idCol = q.facts.idCol;
      reviewed.push({
        id: q.facts.id,
        title: q.facts.title,
        sheet: q.facts.sheet,
        row: q.facts.row,
        address: toA1(q.facts.row - 1, idCol),
        ...(q.alsoOn ? { alsoOn: q.alsoOn } : {}),
        noChange: o.noChange,
        text: o.text,
        changes: o.changes,
      });
    }
    const pane = paneProgress(setup, s);
    /**
     * The record, made from the meeting under way as the tab holds it at the write: a co-author's attendees, and
     * the risks their pane skipped that this one did not record, are in it too (mergedProgress).
     */
    const recordWith = (held: MeetingProgress | null) => {
      const merged = mergedProgress(held, pane);
      const skipped = new Set(merged.skipped.map(progressKey));
      const outcomeOf = (key: string) =>
        s.outcomes.get(key)?.kind ??
        (skipped.has(progressKey(byKey.get(key)!.facts)) ? ("skipped" as const) : undefined);
      return buildMeetingRecord({
        meeting: { ...setup, attendees: merged.attendees },
        reviewed,
        notReviewed: notReviewedRisks(s.queue, outcomeOf),
        escalationsAtStart: escalationsAtStart.current,
        escalationsAtEnd: report.escalations,
        proposalsAccepted: [...s.proposalsAccepted.values()],
        source: report.source,
        version: VERSION,
        marking: settings.protectiveMarking,
      });
    };
    let live = true;
    // Each meeting keeps its record: it takes the place of the meeting under way's block (after that block's last
    // write, saveProgress), and the earlier meetings' records below are left as they are.
    const writeBlock = gateway.writeMeetingBlock?.bind(gateway);
    progressWrites.current
      .then(() => {
        if (!writeBlock) throw new Error(`${NO_BLOCK_WRITES}, and the meeting's record was not written.`);
        return writeBlock({ date: setup.date, build: recordWith });
      })
      .then(
        (r) => {
          if (!live) return;
          const stillStale = report.findings.filter(
            (f) =>
              f.ruleId === "risk/stale-update" &&
              reviewed.some((x) => x.sheet === f.sheet && x.row === f.row),
          ).length;
          const extra = stillStale
            ? ` ${stillStale} reviewed risks are still flagged as not updated: see the Check view.`
            : "";
          patch({
            phase: "ended",
            busy: false,
            recordSheet: r.sheetName,
            announcement: `Meeting ended. ${reviewed.length} risks reviewed; the record is on the “${r.sheetName}” tab.${extra}`,
          });
        },
        (e: unknown) => live && patch({ phase: "running", busy: false, error: plainMessage(e) }),
      );
    return () => {
      live = false;
    };
  }, [state.phase, report, settings, gateway, patch]);

  const backToSetup = useCallback(() => patch({ phase: "setup", conflict: null }), [patch]);
  const dismissError = useCallback(() => patch({ error: null }), [patch]);

  const meetingActions = useMemo(
    () => ({ start, go, skip, record, acceptProposal, resolveConflict, end, backToSetup, dismissError }),
    [start, go, skip, record, acceptProposal, resolveConflict, end, backToSetup, dismissError],
  );
  return [state, meetingActions, card];
}
