// Resuming a meeting after the task pane was closed and reopened (Excel on the web reloads it easily): the
// risks this meeting recorded before are only in the workbook, in the Update Log rows it wrote.

import type { HistoryData, Proposal } from "../model/history";
import { idKey } from "../model/records";
import { dayFromIso } from "../parse";
import { foldCaseAndSpaces } from "../parse/spaces";
import { entriesOfRisk, isImportAt, noChangeAt, textsAt } from "../history/history-log";
import { PROPOSAL_ACCEPTED, proposalWords } from "./accept-proposal";
import { changesOfLogText } from "./logged-changes";
import type { QueueItem } from "./queue";
import { REGISTER_AUTHOR, type FieldChange } from "./record";

/** A risk this meeting recorded before the pane was reopened: its last record's words, every record's changes. */
export interface EarlierRecord {
  noChange: boolean;
  text: string;
  changes: FieldChange[];
}

export interface RecordedEarlier {
  /** By queue key, in the order first recorded (the log's row order). */
  records: Map<string, EarlierRecord>;
  /** Proposals accepted earlier in the meeting, by queue key (each is one Update Log row). */
  proposalsAccepted: Map<string, Proposal>;
}

/**
 * What this meeting recorded before: the rows of the add-in's own Update Log (`logSheet`, the tab
 * openUpdateLog found; not a log kept by hand) dated the meeting day whose Register cell names the risk's
 * register (the add-in writes it on every row; the same id on another register is another risk). Of those,
 * the register's own text carried into the log (by REGISTER_AUTHOR) is not a record, and an accepted
 * proposal's row is the proposal the risk's card offers (matched by its words), accepted already. Reads only the report's
 * history: no sync.
 */
export function recordedEarlier(
  history: HistoryData,
  queue: readonly QueueItem[],
  meetingDate: string,
  logSheet: string,
  proposals: readonly Proposal[],
): RecordedEarlier {
  const records = new Map<string, EarlierRecord>();
  /** The log row of each risk's first record, to list them in the order the meeting took them. */
  const firstRow = new Map<string, number>();
  const proposalsAccepted = new Map<string, Proposal>();
  const day = dayFromIso(meetingDate);
  const { log } = history;
  const ourLog = foldCaseAndSpaces(logSheet);
  for (const q of queue) {
    const register = foldCaseAndSpaces(q.facts.sheet);
    const { at } = entriesOfRisk(history, q.facts.sheet, idKey(q.facts.id));
    for (let k = 0; k < at.length; k++) {
      const i = at[k];
      if (isImportAt(log, i) || log.day[i] !== day) continue;
      if (foldCaseAndSpaces(log.sheets[log.sheet[i]].name) !== ourLog) continue;
      const words = textsAt(log, i);
      if (words.by === REGISTER_AUTHOR || foldCaseAndSpaces(words.register) !== register) continue;
      if (words.text.startsWith(PROPOSAL_ACCEPTED)) {
        // By its words, not its reason: the reason is worked out again from a history that has changed since.
        const p = proposals.find(
          (x) =>
            x.sheet === q.facts.sheet &&
            x.row === q.facts.row &&
            words.text.startsWith(`${PROPOSAL_ACCEPTED}${proposalWords(x)} (`),
        );
        if (p) proposalsAccepted.set(q.key, p);
        continue;
      }
      const before = records.get(q.key);
      if (!before) firstRow.set(q.key, log.row[i]);
      const changes = changesOfLogText(words.changes);
      records.set(q.key, {
        noChange: noChangeAt(log, i),
        text: words.text,
        changes: before ? [...before.changes, ...changes] : changes,
      });
    }
  }
  const inOrder = [...records].sort(([a], [b]) => firstRow.get(a)! - firstRow.get(b)!);
  return { records: new Map(inOrder), proposalsAccepted };
}
