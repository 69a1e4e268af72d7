// A risk's direction of travel: the arrow boards expect, with its words for screen readers (WCAG 1.1.1).

import * as React from "react";
import { makeStyles } from "@fluentui/react-components";
import { TREND_ARROWS, trendWords, type Trend } from "../../core/history";
import { visuallyHidden } from "../styles";

const useStyles = makeStyles({ srOnly: visuallyHidden });

/** "↑" read as "score up"; "new" as "new this month"; a dash read as "no direction" when nothing dates the risk. */
export function TrendLabel({ trend }: { trend: Trend }): React.JSX.Element {
  const s = useStyles();
  if (trend === null)
    return (
      <span>
        <span aria-hidden>–</span>
        <span className={s.srOnly}>no direction of travel (nothing dates this risk)</span>
      </span>
    );
  return (
    <span>
      <span aria-hidden>{TREND_ARROWS[trend]}</span>
      <span className={s.srOnly}>{trendWords(trend)}</span>
    </span>
  );
}
