// Import step 3: what the import would do, before anything is written: counts, then lists of new risks,
// changed cells (field, old → new), cells left as they are (a formula kept, a text too long), risks no longer in the export, and the same for actions. Every item is
// listed; on a long list only the items near the window are drawn. Above them, risks that look renumbered
// (a new id in the export, a matching title missing from it), each with a "Same risk" checkbox.

import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { MergeSection } from "../../core/merge/types";
import { notWrittenText } from "../../core/merge/not-written";
import { newRecordText } from "../../core/merge/closed-places";
import type { RenumberedPair } from "../../core/model/history";
import type { ImportActions, ImportState } from "./useImport";
import { countsGrid, sectionHeading, subHeading, stackedList } from "../styles";
import { LongList } from "../components/LongList";
import { SEVERITY_WORD } from "../components/SeverityLabel";
import { NOTHING_WRITTEN_HELD_BACK, valuesHeldBack } from "./preview-words";

/** A line's height at 320–350 px before it is measured (most wrap once). */
const LINE_HEIGHT = 40;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  h2: sectionHeading,
  h3: subHeading,
  p: { margin: 0 },
  counts: countsGrid,
  dd: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  pairs: stackedList,
  pair: { overflowWrap: "anywhere" },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** "HRC-014 in the export looks like HRC-009 in the register, renumbered: …". */
export function pairText(p: RenumberedPair): string {
  return (
    `${p.newId} in the export looks like ${p.oldId} in the register, renumbered: their titles share ` +
    `${p.share}% of their words (“${p.newTitle}” / “${p.oldTitle}”), and ${p.oldId} is not in the export.`
  );
}

/** The pairs that look like one risk under a new id, each to confirm with "Same risk". */
function RenumberedPairs({ state, actions }: { state: ImportState; actions: ImportActions }) {
  const s = useStyles();
  const base = useId("renumbered");
  const pairs = state.renumberedOffered;
  if (pairs.length === 0) return null;
  const ticked = (p: RenumberedPair) =>
    state.renumberedConfirmed.some((c) => c.oldId === p.oldId && c.newId === p.newId);
  return (
    <section aria-label="The same risk under a new id?" className={s.root}>
      <h3 className={s.h3}>The same risk under a new id?</h3>
      <p className={s.note}>
        Tick “Same risk” when the contractor renumbered a risk: the export’s row then updates the register’s
        row under its old id, instead of adding a new risk and noting the old one as gone. The pair is saved
        with the IRIS profile, so every later import does the same.
      </p>
      <ul className={s.pairs}>
        {pairs.map((p, i) => (
          <li key={`${p.oldId}\u0000${p.newId}`} className={s.pair}>
            <p className={s.p} id={`${base}-${i}`}>
              {pairText(p)}
            </p>
            <Checkbox
              label={`Same risk: ${p.oldId} is now ${p.newId}`}
              checked={ticked(p)}
              aria-describedby={`${base}-${i}`}
              onChange={(_, d) => void actions.setSameRisk(p, d.checked === true)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One line of a preview list: its key and its text. */
interface Line {
  key: string;
  text: string;
}

/** One list of the preview: an item per line. */
function List({ items, label }: { items: readonly Line[]; label: string }) {
  const s = useStyles();
  return (
    <LongList
      items={items}
      itemKey={lineKey}
      renderItem={lineText}
      estimatedRowHeight={LINE_HEIGHT}
      className={s.list}
      aria-label={label}
    />
  );
}
const lineKey = (line: Line): string => line.key;
const lineText = (line: Line): string => line.text;

/** Counts and lists for one merged sheet. */
function Section({
  title,
  section,
  kind,
}: {
  title: string;
  section: MergeSection;
  kind: "risks" | "actions";
}) {
  const s = useStyles();
  const cells = section.changed.flatMap((r) => r.cells.map((c) => ({ r, c })));
  const flagged = section.missing.filter((m) => m.flag).length;
  const noun = kind === "risks" ? "risks" : "actions";
  if (section.sheet === null) {
    return (
      <section aria-label={title}>
        <h3 className={s.h3}>{title}</h3>
        <p className={s.p}>{section.note ?? "Not merged."}</p>
      </section>
    );
  }
  return (
    <section aria-label={title} className={s.root}>
      <h3 className={s.h3}>
        {title} → “{section.sheet}”
      </h3>
      <dl className={s.counts}>
        <dt>New {noun}</dt>
        <dd className={s.dd}>{section.added.length}</dd>
        <dt>Changed {noun}</dt>
        <dd className={s.dd}>
          {section.changed.length} ({cells.length} {cells.length === 1 ? "cell" : "cells"})
        </dd>
        <dt>No longer in the export</dt>
        <dd className={s.dd}>
          {section.missing.length} ({flagged} to be noted)
        </dd>
        <dt>Unchanged</dt>
        <dd className={s.dd}>{section.unchanged}</dd>
      </dl>
      <Accordion multiple collapsible>
        {section.added.length > 0 ? (
          <AccordionItem value="new">
            <AccordionHeader>
              New {noun} ({section.added.length})
            </AccordionHeader>
            <AccordionPanel>
              <List
                label={`New ${noun}`}
                items={section.added.map((r) => ({
                  key: r.key,
                  text: `${newRecordText(r)}, to row ${r.row + 1}`,
                }))}
              />
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {cells.length > 0 ? (
          <AccordionItem value="changed">
            <AccordionHeader>Changed cells ({cells.length})</AccordionHeader>
            <AccordionPanel>
              <List
                label={`Changed cells of ${noun}`}
                items={cells.map(({ r, c }) => ({
                  key: `${c.sheet}!${c.cell}`,
                  text: `${r.label} · ${c.header} (${c.cell}): ${c.oldText || "(blank)"} → ${c.newText || "(blank)"}`,
                }))}
              />
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {section.notWritten.length > 0 ? (
          <AccordionItem value="not-written">
            <AccordionHeader>Cells left as they are ({section.notWritten.length})</AccordionHeader>
            <AccordionPanel>
              <List
                label={`Cells of ${noun} left as they are`}
                items={section.notWritten.map((n) => ({
                  key: `${n.sheet}!${n.cell}`,
                  text: `${n.label} · ${n.header} (${n.cell}): ${notWrittenText(n)}`,
                }))}
              />
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {section.missing.length > 0 ? (
          <AccordionItem value="missing">
            <AccordionHeader>No longer in the export ({section.missing.length})</AccordionHeader>
            <AccordionPanel>
              <List
                label={`${noun[0].toUpperCase()}${noun.slice(1)} no longer in the export`}
                items={section.missing.map((m) => ({
                  key: m.key,
                  text: `${m.label}, row ${m.row + 1}: ${m.flag ? `noted in ${m.flag.cell}, not deleted` : `not noted (${m.noFlagReason ?? ""})`}`,
                }))}
              />
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {section.notCarried.length > 0 ? (
          <AccordionItem value="not-carried">
            <AccordionHeader>Columns not carried ({section.notCarried.length})</AccordionHeader>
            <AccordionPanel>
              <List
                label="Columns not carried"
                items={section.notCarried.map((n) => ({ key: n.header, text: `“${n.header}”: ${n.reason}` }))}
              />
            </AccordionPanel>
          </AccordionItem>
        ) : null}
      </Accordion>
    </section>
  );
}

/** Step 3. */
export function PreviewStep({
  state,
  actions,
}: {
  state: ImportState;
  actions: ImportActions;
}): React.JSX.Element | null {
  const s = useStyles();
  const notesId = useId("preview-note");
  const prepared = state.prepared;
  if (!prepared) return null;
  const { plan } = prepared;
  const busy = state.busy !== null;
  const none = plan.cellCount === 0;
  const noteIds = plan.warnings.map((_, i) => `${notesId}-${i}`);
  return (
    <div className={s.root}>
      <h2 className={s.h2}>What the import would change</h2>
      {none && valuesHeldBack(plan) ? (
        <p className={s.p}>{NOTHING_WRITTEN_HELD_BACK}</p>
      ) : none ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            No changes: the register already matches “{plan.file}”. Nothing will be written.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <p className={s.p}>
          {plan.cellCount} {plan.cellCount === 1 ? "cell" : "cells"} in “{plan.register}”
          {plan.actions?.sheet ? ` and “${plan.actions.sheet}”` : ""}. The register is first copied to “
          {plan.backupName}”, and every changed cell is listed in the Import Log. Columns the export does not
          fill are left alone.
        </p>
      )}
      {/* Each note says it is a warning in words, not by its amber bar and icon alone (WCAG 1.3.1). */}
      {plan.warnings.map((w, i) => (
        <MessageBar key={i} intent="warning" layout="multiline">
          <MessageBarBody id={noteIds[i]}>
            <MessageBarTitle>{SEVERITY_WORD.warning}:</MessageBarTitle> {w}
          </MessageBarBody>
        </MessageBar>
      ))}
      <RenumberedPairs state={state} actions={actions} />
      <Section title="Risks" section={plan.risks} kind="risks" />
      {plan.actions ? <Section title="Actions" section={plan.actions} kind="actions" /> : null}
      <div className={s.buttons}>
        {none ? null : (
          <Button
            appearance="primary"
            disabled={busy}
            // The notes above are read with the button, so a keyboard user tabbing to it hears them.
            aria-describedby={noteIds.length > 0 ? noteIds.join(" ") : undefined}
            onClick={() => void actions.apply()}
          >
            Apply the import
          </Button>
        )}
        <Button disabled={busy} onClick={actions.backToMapping}>
          Back to the mapping
        </Button>
        {none && state.renumberedConfirmed.length > 0 ? (
          <Button appearance="primary" disabled={busy} onClick={() => void actions.savePairs()}>
            Save the {state.renumberedConfirmed.length === 1 ? "pair" : "pairs"} for later imports
          </Button>
        ) : null}
        {none ? (
          <Button disabled={busy} onClick={actions.restart}>
            Choose another file
          </Button>
        ) : null}
      </div>
    </div>
  );
}
