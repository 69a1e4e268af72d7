// The Check view's detail of the risk behind the finding last selected: direction of travel, appetite,
// any board proposal, and its last twelve months, so the officer sees the story behind the finding.

import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { appetiteLine, riskHistory } from "../../core/history";
import { proposalWords } from "../../core/meeting/accept-proposal";
import type { Finding } from "../../core/model/finding";
import { fieldText, idKey, rawValue, type RiskRecord } from "../../core/model/records";
import type { Report } from "../../core/model/report";
import type { RiskFacts } from "../../core/model/risk-summary";
import { defaultSettings, type RagBands } from "../../core/model/settings";
import { countsGrid, sectionHeading } from "../styles";
import { NO_SCORE, RiskHistoryTable } from "./RiskHistoryTable";
import { TrendLabel } from "./TrendLabel";

const useStyles = makeStyles({
  root: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  h2: sectionHeading,
  dl: countsGrid,
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0 },
});

/**
 * The risk a finding is about: the register row it points at, when the risk there is the one the finding
 * names (a finding selected before a row was inserted above it, and the workbook checked again, points at
 * the risk now on its old row), else the risk it names (see riskIdNamed). Only that risk's facts are worked
 * out (a 10k-risk register's all took the pane's keys ~100 ms to answer).
 */
export function riskOfFinding(
  report: Pick<Report, "risks" | "records" | "factsOf">,
  f: Finding,
): RiskFacts | null {
  // A report not made by a check has no factsOf: its facts are looked up by row.
  const factsOf =
    report.factsOf ??
    ((r: RiskRecord) => report.risks.find((x) => x.sheet === r.sheet && x.row === r.row + 1) ?? null);
  const risks = report.records.risks;
  const onRow = risks.find(isOnRowOf(f));
  if (onRow && idKey(rawValue(onRow, "id")) === idKey(f.recordId)) return factsOf(onRow);
  const key = idKey(riskIdNamed(report.records, f));
  const named = key ? risks.find((r) => idKey(rawValue(r, "id")) === key) : undefined;
  return named ? factsOf(named) : null;
}

/** True for a record on the finding's row (a finding's row is 1-based; a record's is 0-based). */
const isOnRowOf =
  (f: Finding) =>
  (r: { sheet: string; row: number }): boolean =>
    r.sheet === f.sheet && r.row + 1 === f.row;

/**
 * The id of the risk a finding off the register names: none on an improvement plan (its "1.1" is a plan
 * action's place under its aim, never a risk's id, though a register may number its risks 1.1 too), an
 * action's risk (its Risk ID, not the action's own id) on an actions row, else the id the finding names.
 */
function riskIdNamed(records: Report["records"], f: Finding): string | null {
  if (records.plan.some((r) => r.sheet === f.sheet)) return null;
  const action = records.actions.find(isOnRowOf(f));
  return action ? fieldText(action, "riskId") || null : f.recordId;
}

export interface RiskDetailProps {
  report: Pick<Report, "asAt" | "history" | "proposals" | "risks" | "records" | "factsOf">;
  /** The finding last selected; nothing is shown when it is not about a risk. */
  finding: Finding;
  /**
   * The RAG bands the report was made with (WorkbookState.reportSettings), not any saved since: the detail
   * rates its scores as the check did (the defaults when not given).
   */
  rag: RagBands | undefined;
}

/** The detail of the risk behind a finding (loaded lazily: the history code is the engine's). */
export default function RiskDetail({ report, finding, rag }: RiskDetailProps): React.JSX.Element | null {
  const facts = React.useMemo(() => riskOfFinding(report, finding), [report, finding]);
  return facts ? <RiskStory report={report} facts={facts} rag={rag ?? defaultSettings().rag} /> : null;
}

/** One risk's direction, appetite, proposal and history. */
function RiskStory({
  report,
  facts,
  rag,
}: {
  report: RiskDetailProps["report"];
  facts: RiskFacts;
  rag: RagBands;
}): React.JSX.Element {
  const s = useStyles();
  const history = React.useMemo(() => riskHistory(report, facts), [report, facts]);
  const proposal = report.proposals.find((p) => p.sheet === facts.sheet && p.row === facts.row) ?? null;
  return (
    <section className={s.root} aria-labelledby="risk-detail-heading">
      <h2 className={s.h2} id="risk-detail-heading">
        Risk history: {facts.id || "(no id)"} {facts.title}
      </h2>
      <dl className={s.dl}>
        <dt className={s.dt}>Direction</dt>
        <dd className={s.dd}>
          <TrendLabel trend={facts.trend} />
        </dd>
        <dt className={s.dt}>Score</dt>
        <dd className={s.dd}>{facts.score ?? NO_SCORE}</dd>
        <dt className={s.dt}>Appetite</dt>
        <dd className={s.dd}>{appetiteLine(facts.appetite, facts.score)}</dd>
        <dt className={s.dt}>Proposal</dt>
        <dd className={s.dd}>{proposal ? `${proposalWords(proposal)}: ${proposal.reason}` : "None"}</dd>
      </dl>
      <RiskHistoryTable
        history={history}
        rag={rag}
        caption={`History of ${facts.id || "this risk"}, last 12 months`}
      />
    </section>
  );
}
