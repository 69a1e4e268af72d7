// An Update Log row's Changes cell read back as the changes the meeting made (the inverse of
// logChangesText), so a meeting resumed after the pane was reopened lists the changes made before.

import { OWN_ACTION_NAME } from "../model/own-action";
import { isoFromDay, parseDate } from "../parse";
import { CHANGE_LABELS, type FieldChange } from "./record";
import { replacedChange, splitReplaced } from "./replaced-values";

const FIELD_OF_LABEL = new Map(Object.entries(CHANGE_LABELS).map(([field, label]) => [label, field]));

/** "Impact 2 → 4": one of the risk's own fields. */
const OWN_FIELD = /^(\S+) (.*?) → (.*)$/s;
/**
 * "ACT-0003 due 30/09/2022 → 31/10/2022" and "ACT-0003 status Open → Complete": an action's; and
 * "\"Review claims\" on the register owner AL → KM", the owner of one of the risk's own actions kept one a line.
 * The name is its id or its first words, which may begin with a field's label ("Owner to agree …"), so this
 * shape is tried first; the last " due "/" status "/" owner " before the arrow names what changed.
 */
const ACTION = /^(.+) (due|status|owner) (.*?) → (.*)$/s;

/** A due date as the meeting holds it (ISO), from the log's UK date; other text as it is. */
function isoOf(text: string): string {
  const d = parseDate(text, null, "deadline");
  return d.ok ? isoFromDay(d.value) : text;
}

/** A due date the add-in wrote: the new date always reads as one (an unreadable old date is kept as text). */
const isDate = (text: string) => parseDate(text, null, "deadline").ok;

function changeOf(segment: string): FieldChange {
  const action = ACTION.exec(segment);
  // "Owner Acting head due to leave → Bob" is the owner's change: an action's new due date is always a date,
  // and only an action on the register has its owner changed ("Owner Acting owner Bob → Jim" is the risk's).
  const [, name, what, from, to] = action ?? [];
  if (action && (what === "due" ? isDate(to) : what === "status" || name.endsWith(OWN_ACTION_NAME))) {
    if (what === "due")
      return {
        field: "action.due",
        label: `Action ${name} due`,
        from: isoOf(from),
        to: isoOf(to),
        action: name,
      };
    return { field: `action.${what}`, label: `Action ${name} ${what}`, from, to, action: name };
  }
  const own = OWN_FIELD.exec(segment);
  const field = own ? FIELD_OF_LABEL.get(own[1]) : undefined;
  if (own && field) return { field, label: own[1], from: own[2], to: own[3] };
  // Words the add-in did not write (a log kept by hand): kept whole, as what changed.
  return { field: "logged", label: segment, from: "", to: "" };
}

/** The changes an Update Log row's Changes cell records, in its order; none for a blank cell. */
export function changesOfLogText(changes: string): FieldChange[] {
  const { own, replaced } = splitReplaced(changes.trim());
  const segments = own
    .split("; ")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return [...segments.map(changeOf), ...replaced.map(replacedChange)];
}
