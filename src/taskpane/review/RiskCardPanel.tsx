// The current risk's card: id, title, owner, annex, scores with RAG, strategy, actions, last update, findings.

import * as React from "react";
import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons";
import { appetiteLine } from "../../core/history";
import { proposalWords } from "../../core/meeting/accept-proposal";
import { hasNoStrategy } from "../../core/meeting/queue";
import type { CardOwnAction, RiskCard } from "../../core/meeting/card";
import type { OwnAction } from "../../core/model/own-action";
import type { Rag } from "../../core/model/owned-tab";
import type { RagBands } from "../../core/model/settings";
import { ukDate, ukDateOfIso } from "../../core/parse";
import { NO_SCORE, RiskHistoryTable } from "../components/RiskHistoryTable";
import { SeverityLabel } from "../components/SeverityLabel";
import { TrendLabel } from "../components/TrendLabel";
import type { Outcome } from "./useMeeting";
import { sectionHeading, subHeading } from "../styles";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  h2: sectionHeading,
  h3: subHeading,
  dl: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  p: { margin: 0 },
  // The actions text as the register writes it, one action a line ("1. Resurface A38\n2. Replace signage").
  lines: { margin: 0, whiteSpace: "pre-line" },
  proposal: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    alignItems: "flex-start",
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

const RAG_WORD: Record<Rag, string> = { red: "Red", amber: "Amber", green: "Green" };
const RAG_COLOUR: Record<Rag, "danger" | "warning" | "success"> = {
  red: "danger",
  amber: "warning",
  green: "success",
};

function dateUk(iso: string | null): string {
  return iso ? ukDateOfIso(iso) : "no date";
}

/** "due 30/09/2022, Open", as an action row says it (the due cell as written when it is not a date). */
function dueAndStatus(a: Pick<CardOwnAction, "due" | "dueText" | "status">): string {
  return `due ${a.due ? dateUk(a.due) : a.dueText || "(none)"}, ${a.status || "no status"}`;
}

/**
 * The register's own actions the card lists one by one: those it keeps several of (one a line in its action
 * cells, or dated on the lines of its actions text); none when it keeps one, shown as the meeting's action.
 */
function listedOwnActions(card: RiskCard): readonly OwnAction[] {
  return card.ownAction && card.ownActions.length <= 1 ? [] : card.ownActions;
}

/** "Resurface A38 on the register (J Smith) — due 31/08/2022, In progress". */
function ownActionLine(a: OwnAction): string {
  const due = a.due !== null ? ukDate(a.due) : a.dueText || "(none)";
  return `${a.text || `Action ${a.line}`} on the register (${a.owner || "no owner"}) — due ${due}, ${a.status || "no status"}`;
}

/**
 * What the score is made of, in words: " (likelihood 4 × impact 4)", " (likelihood 3, no impact)" where one is
 * not given (read aloud as words, not "?"), "" where the register gives neither (the score alone).
 */
export function scoreFactors(likelihood: number | null, impact: number | null): string {
  if (likelihood === null && impact === null) return "";
  if (likelihood !== null && impact !== null) return ` (likelihood ${likelihood} × impact ${impact})`;
  const l = likelihood === null ? "no likelihood" : `likelihood ${likelihood}`;
  const i = impact === null ? "no impact" : `impact ${impact}`;
  return ` (${l}, ${i})`;
}

export interface RiskCardPanelProps {
  card: RiskCard;
  outcome: Outcome | undefined;
  /** True once the chair kept a co-author's change to the risk's row ("Keep theirs") since its last record. */
  keptTheirs: boolean;
  due: boolean;
  rag: RagBands;
  /** True once the chair accepted this risk's proposal in this meeting. */
  proposalAccepted: boolean;
  busy: boolean;
  onAcceptProposal(): void;
}

/**
 * One risk, as the room discusses it. The card's facts are the risk's values as they are now in this meeting
 * (recorded in it, or a co-author's kept: see useMeeting's factsNow).
 */
export function RiskCardPanel({
  card,
  outcome,
  keptTheirs,
  due,
  rag: bands,
  proposalAccepted,
  busy,
  onAcceptProposal,
}: RiskCardPanelProps): React.JSX.Element {
  const s = useStyles();
  const f = card.facts;
  const ownListed = listedOwnActions(card);
  const { score, rag, likelihood: l, impact: i } = f;
  return (
    <section className={s.card} aria-labelledby="review-card-title">
      <h2 className={s.h2} id="review-card-title">
        {f.id || "(no id)"}: {f.title || "(no title)"}
      </h2>
      <div>
        {outcome?.kind === "recorded" ? (
          <Badge appearance="tint" color="brand">
            {outcome.noChange ? "No change recorded" : "Update recorded"}
            {outcome.earlier ? " (earlier in this meeting)" : ""}
          </Badge>
        ) : outcome?.kind === "skipped" ? (
          <Badge appearance="tint" color="informative">
            Skipped
          </Badge>
        ) : due ? (
          <Badge appearance="tint" color="warning">
            Due for its update
          </Badge>
        ) : (
          <Badge appearance="tint" color="success">
            Updated this month
          </Badge>
        )}
        {/* Why it came up early (buildQueue), as long as it has none. */}
        {hasNoStrategy(f) ? (
          <>
            {" "}
            <Badge appearance="tint" color="danger">
              No strategy
            </Badge>
          </>
        ) : null}
      </div>
      <dl className={s.dl}>
        <dt className={s.dt}>Owner</dt>
        <dd className={s.dd}>{f.owner || "(none)"}</dd>
        <dt className={s.dt}>Annex</dt>
        <dd className={s.dd}>{f.annex || "(none)"}</dd>
        <dt className={s.dt}>Register</dt>
        <dd className={s.dd}>
          {f.sheet}, row {f.row}
        </dd>
        <dt className={s.dt}>Score</dt>
        <dd className={s.dd}>
          {score ?? NO_SCORE}
          {scoreFactors(l, i)}{" "}
          {rag ? (
            <Badge appearance="filled" color={RAG_COLOUR[rag]}>
              {RAG_WORD[rag]}
            </Badge>
          ) : (
            "no RAG"
          )}
        </dd>
        <dt className={s.dt}>Direction</dt>
        <dd className={s.dd}>
          <TrendLabel trend={f.trend} />
        </dd>
        <dt className={s.dt}>Appetite</dt>
        <dd className={s.dd}>{appetiteLine(f.appetite, score)}</dd>
        <dt className={s.dt}>Strategy</dt>
        <dd className={s.dd}>{f.strategy || "(none)"}</dd>
        <dt className={s.dt}>Last update</dt>
        <dd className={s.dd}>
          {keptTheirs
            ? `${f.latestUpdateText || "(no text)"} (as the register has it now)`
            : outcome?.kind === "recorded"
              ? `${outcome.text} (this meeting)`
              : `${f.latestUpdateText || "(no text)"} (${dateUk(f.latestUpdate)})`}
        </dd>
      </dl>
      {card.proposal ? (
        <div className={s.proposal} role="group" aria-labelledby="review-proposal-heading">
          <h3 className={s.h3} id="review-proposal-heading">
            Proposed: {proposalWords(card.proposal)}
          </h3>
          <p className={s.p}>Why: {card.proposal.reason}.</p>
          {proposalAccepted ? (
            <Badge appearance="tint" color="brand" icon={<CheckmarkRegular />}>
              Accepted in this meeting (Update Log)
            </Badge>
          ) : (
            <Button size="small" onClick={onAcceptProposal} disabled={busy} aria-keyshortcuts="Alt+A">
              Accept proposal (Alt+A)
            </Button>
          )}
        </div>
      ) : null}
      <h3 className={s.h3} id="review-actions-heading">
        Actions
      </h3>
      {card.actions.length === 0 && !card.ownAction && ownListed.length === 0 && !card.actionsText ? (
        <p className={s.p}>No actions.</p>
      ) : null}
      {card.actionsText ? <p className={s.lines}>{card.actionsText}</p> : null}
      {card.actions.length > 0 || card.ownAction || ownListed.length > 0 ? (
        <ul className={s.list} aria-labelledby="review-actions-heading">
          {card.ownAction && ownListed.length === 0 ? (
            <li>
              Action on the register ({card.ownAction.owner || "no owner"}) — {dueAndStatus(card.ownAction)}
            </li>
          ) : null}
          {ownListed.map((a) => (
            <li key={`own:${a.line}`}>{ownActionLine(a)}</li>
          ))}
          {card.actions.map((a) => (
            <li key={`${a.sheet}:${a.row}`}>
              {a.actionId ? `${a.actionId}: ` : ""}
              {a.text || "(no text)"} — {dueAndStatus(a)}
            </li>
          ))}
        </ul>
      ) : null}
      <h3 className={s.h3} id="review-findings-heading">
        Findings ({card.findings.length})
      </h3>
      {card.findings.length === 0 ? <p className={s.p}>None.</p> : null}
      {card.findings.length > 0 ? (
        <ul className={s.list} aria-labelledby="review-findings-heading">
          {card.findings.map((x, n) => (
            <li key={`${x.ruleId}:${x.cell}:${n}`}>
              <SeverityLabel severity={x.severity} /> {x.message}
            </li>
          ))}
        </ul>
      ) : null}
      <RiskHistoryTable history={card.history} rag={bands} caption="History, last 12 months" />
    </section>
  );
}
