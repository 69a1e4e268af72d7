// A risk's last twelve months: the score at each month's end with its RAG word, and what was logged,
// so the chair can say "red since June" without opening another sheet.

import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { monthName, type RiskHistory } from "../../core/history";
import type { MonthlyPoint } from "../../core/model/history";
import type { RagBands } from "../../core/model/settings";
import { ragFromScore } from "../../core/parse";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    tableLayout: "fixed",
  },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  td: {
    verticalAlign: "top",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    overflowWrap: "anywhere",
  },
  month: { width: "5.5em" },
  score: { width: "6.5em" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const RAG_WORD = { red: "Red", amber: "Amber", green: "Green" } as const;

/** What the pane shows for a score the register or a month does not give (read aloud as words, not "?"). */
export const NO_SCORE = "no score";

/** "16 Red", or "no score" when the month has none; rated as the point says (a workbook's own matrix), else by the bands. */
export function scoreWords(point: Pick<MonthlyPoint, "score" | "rag">, bands: RagBands): string {
  const { score } = point;
  if (score === null) return NO_SCORE;
  if (score < 1 || score > 25) return String(score);
  return `${score} ${RAG_WORD[point.rag ?? ragFromScore(score, bands)]}`;
}

export interface RiskHistoryTableProps {
  history: RiskHistory;
  rag: RagBands;
  /** The table's caption (its accessible name). */
  caption?: string;
}

/** Newest month first: the room discusses now, then looks back. */
export function RiskHistoryTable({ history, rag, caption }: RiskHistoryTableProps): React.JSX.Element {
  const s = useStyles();
  const points = [...history.points].reverse();
  return (
    <table className={s.table}>
      <caption className={s.caption}>{caption ?? `History of ${history.recordId || "this risk"}`}</caption>
      <thead>
        <tr>
          <th scope="col" className={`${s.th} ${s.month}`}>
            Month
          </th>
          <th scope="col" className={`${s.th} ${s.score}`}>
            Score
          </th>
          <th scope="col" className={s.th}>
            Logged
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => {
          const [y, m] = p.month.split("-").map(Number);
          return (
            <tr key={p.month}>
              <th scope="row" className={`${s.td} ${s.month}`}>
                {monthName(y * 12 + m - 1)}
              </th>
              <td className={s.td}>
                {scoreWords(p, rag)}
                {p.carried ? <span className={s.muted}> (carried)</span> : null}
              </td>
              <td className={s.td}>
                {p.entries.length === 0 ? (
                  <span className={s.muted}>nothing logged</span>
                ) : (
                  p.entries.map((e, n) => (
                    <div key={`${e.sheet}:${e.row}:${n}`}>
                      {e.noChange ? "No change" : e.text || "(no text)"}
                      {e.by ? <span className={s.muted}> — {e.by}</span> : null}
                    </div>
                  ))
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
