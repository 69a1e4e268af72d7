// Proposals for the boards through the whole engine: each trigger and its traps (SPEC "Proposals").

import type { CellValue } from "../../../src/core/model/grid";
import { reportOf } from "../rules/harness";
import { hlog, hregister, hrisk, logRow, type HistoryRisk } from "./helpers";

type Case = [string, HistoryRisk, CellValue[][], [string, string, string] | null];

describe("proposals", () => {
  it.each<Case>([
    [
      "escalate: above appetite at the last two monthly points",
      { score: 16 },
      [logRow("05/07/2022", "HRC-001", 6), logRow("12/09/2022", "HRC-001", 16)],
      ["escalate", "corporate-register", "score 16 above appetite (Cautious, 9) for 2 months"],
    ],
    [
      "escalate: the run counts back only to the first month the log records a score for",
      { score: 16 },
      [logRow("12/09/2022", "HRC-001", 12)],
      ["escalate", "corporate-register", "score 16 above appetite (Cautious, 9) for 2 months"],
    ],
    [
      "escalate: a log begun this month still counts the two months the trigger took",
      { score: 16 },
      [logRow("03/10/2022", "HRC-001", 16)],
      ["escalate", "corporate-register", "score 16 above appetite (Cautious, 9) for 2 months"],
    ],
    [
      "escalate: destination is the highest the routing gives",
      { score: 25 },
      [logRow("05/07/2022", "HRC-001", 6), logRow("12/08/2022", "HRC-001", 25)],
      ["escalate", "strategic-board", "score 25 above appetite (Cautious, 9) for 3 months"],
    ],
    [
      "escalate: else the directorate register",
      { score: 10, category: "Financial" },
      [logRow("05/07/2022", "HRC-001", 4), logRow("12/08/2022", "HRC-001", 10)],
      ["escalate", "directorate-register", "score 10 above appetite (Cautious, 9) for 3 months"],
    ],
    [
      "escalate: a rise of 6 in a month",
      { score: 10, category: "Opportunities" },
      [logRow("12/09/2022", "HRC-001", 4)],
      ["escalate", "directorate-register", "score rose by 6 in a month (4 → 10)"],
    ],
    ["trap: one month above appetite only", { score: 12 }, [logRow("12/09/2022", "HRC-001", 9)], null],
    [
      "trap: an opportunity (strategy Take) is not proposed for escalation: its score is upside",
      { score: 16, strategy: "Take - exploit" },
      [logRow("05/07/2022", "HRC-001", 6), logRow("12/09/2022", "HRC-001", 16)],
      null,
    ],
    [
      "trap: a rise of 5",
      { score: 9, category: "Opportunities" },
      [logRow("12/09/2022", "HRC-001", 4)],
      null,
    ],
    [
      "trap: already escalated (Escalate? = Yes)",
      { score: 16, escalate: "Yes" },
      [logRow("05/07/2022", "HRC-001", 6), logRow("12/09/2022", "HRC-001", 16)],
      null,
    ],
    [
      "trap: already escalated (status Escalated)",
      { score: 16, status: "Escalated" },
      [logRow("05/07/2022", "HRC-001", 6), logRow("12/09/2022", "HRC-001", 16)],
      null,
    ],
    [
      "de-escalate: at or below appetite at the last three points, to where Escalated To says",
      { score: 6, escalatedTo: "Corporate Risk Register" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 6)],
      ["de-escalate", "corporate-register", "score 6 at or below appetite (Cautious, 9) for 3 months"],
    ],
    [
      "trap: two months at appetite only",
      { score: 9, escalatedTo: "Corporate Risk Register" },
      [logRow("05/08/2022", "HRC-001", 16), logRow("05/09/2022", "HRC-001", 9)],
      null,
    ],
    [
      "de-escalate: at or below its target score, to the words after Yes",
      { score: 6, targetScore: 6, category: "Safety", escalate: "Yes – to Ops Board" },
      [logRow("05/07/2022", "HRC-001", 12), logRow("05/08/2022", "HRC-001", 6)],
      ["de-escalate", "operations-board", "score 6 at or below its target score 6 for 3 months"],
    ],
    [
      "de-escalate: Y with its words in brackets names the destination, without the brackets",
      { score: 6, targetScore: 6, category: "Safety", escalate: "Y (to Highways Board)" },
      [logRow("05/07/2022", "HRC-001", 12), logRow("05/08/2022", "HRC-001", 6)],
      ["de-escalate", "Highways Board", "score 6 at or below its target score 6 for 3 months"],
    ],
    [
      "de-escalate: a bare Yes is the Operations Board",
      { score: 4, escalate: "Yes" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      ["de-escalate", "operations-board", "score 4 at or below appetite (Cautious, 9) for 3 months"],
    ],
    [
      "de-escalate: status Escalated means the corporate register",
      { score: 4, status: "Escalated" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      ["de-escalate", "corporate-register", "score 4 at or below appetite (Cautious, 9) for 3 months"],
    ],
    [
      "escalate: Escalate? = No naming where it stays is not escalated",
      { score: 16, escalate: "No – directorate register only" },
      [logRow("05/07/2022", "HRC-001", 16)],
      ["escalate", "corporate-register", "score 16 above appetite (Cautious, 9) for 4 months"],
    ],
    [
      "escalate: an Escalated To saying No, naming where it stays, is not escalated",
      { score: 16, escalatedTo: "No - stays on directorate register" },
      [logRow("05/07/2022", "HRC-001", 16)],
      ["escalate", "corporate-register", "score 16 above appetite (Cautious, 9) for 4 months"],
    ],
    [
      "escalate: an Escalated To opening with a placeholder (N/A: …), naming where it stays, is not escalated",
      { score: 16, escalate: null, escalatedTo: "N/A: directorate register only" },
      [logRow("05/07/2022", "HRC-001", 16)],
      ["escalate", "corporate-register", "score 16 above appetite (Cautious, 9) for 4 months"],
    ],
    [
      "de-escalate: an Escalated To whose words before a bracket name a board is escalated",
      { score: 4, escalate: null, escalatedTo: "Operations Board (since May)" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      ["de-escalate", "operations-board", "score 4 at or below appetite (Cautious, 9) for 3 months"],
    ],
    [
      "trap: an Escalated To recording a de-escalation is not escalated (no de-escalation again)",
      { score: 4, escalatedTo: "De-escalated to directorate register (Aug 22)" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      null,
    ],
    [
      "trap: 'Was corporate register – de-escalated 08/22' is not escalated",
      { score: 4, escalatedTo: "Was corporate register – de-escalated 08/22" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      null,
    ],
    [
      "de-escalate: a past de-escalation in brackets beside the register named now is still escalated",
      { score: 4, escalatedTo: "Corporate Risk Register (previously de-escalated in 2021)" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      ["de-escalate", "corporate-register", "score 4 at or below appetite (Cautious, 9) for 3 months"],
    ],
    [
      "de-escalate: 're-escalated' after a de-escalation is escalated to the register named",
      { score: 4, escalatedTo: "CRR, previously de-escalated 2021 – re-escalated 09/22" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      ["de-escalate", "corporate-register", "score 4 at or below appetite (Cautious, 9) for 3 months"],
    ],
    [
      "escalate: a risk de-escalated (Escalated To says so) that is above appetite again may go up again",
      { score: 16, escalatedTo: "De-escalated from CRR 08/22" },
      [logRow("05/07/2022", "HRC-001", 16)],
      ["escalate", "corporate-register", "score 16 above appetite (Cautious, 9) for 4 months"],
    ],
    [
      "de-escalate: a de-escalation only proposed in Escalated To leaves the risk escalated",
      { score: 4, escalatedTo: "Corporate Risk Register – de-escalation proposed" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      ["de-escalate", "corporate-register", "score 4 at or below appetite (Cautious, 9) for 3 months"],
    ],
    [
      "de-escalate: Escalate? = Yes still escalates beside an Escalated To recording an earlier de-escalation",
      { score: 4, escalate: "Yes", escalatedTo: "De-escalated from corporate register (Aug 22)" },
      [logRow("05/07/2022", "HRC-001", 16), logRow("05/08/2022", "HRC-001", 4)],
      ["de-escalate", "operations-board", "score 4 at or below appetite (Cautious, 9) for 3 months"],
    ],
    [
      "trap: no de-escalation for a No naming a level",
      { score: 4, escalate: "No - managed at directorate level" },
      [logRow("05/06/2022", "HRC-001", 4)],
      null,
    ],
    [
      "trap: a score still to be set ('TBC') gets no proposal, though the log scored it this month",
      { score: "TBC" },
      [
        logRow("05/08/2022", "HRC-001", 9),
        logRow("12/09/2022", "HRC-001", 9),
        logRow("03/10/2022", "HRC-001", 16),
      ],
      null,
    ],
    ["trap: raised this month (one monthly point)", { score: 20, raised: "03/10/2022" }, [], null],
    [
      "escalate, no score logged: the reason says since when its score stands, not a count of months",
      { score: 16 },
      [],
      [
        "escalate",
        "corporate-register",
        "score 16 above appetite (Cautious, 9); no score logged since raised on 10/01/2022",
      ],
    ],
    [
      "de-escalate to target, no score logged: since the day a log row with no score first named it",
      { score: 6, targetScore: 6, category: "Safety", escalate: "Yes", raised: "10/03/2022" },
      [logRow("05/02/2022", "HRC-001", null)],
      [
        "de-escalate",
        "operations-board",
        "score 6 at or below its target score 6; no score logged since first seen on 05/02/2022",
      ],
    ],
    ["trap: a closed risk", { score: 20, status: "Closed" }, [logRow("05/07/2022", "HRC-001", 20)], null],
    [
      "escalate: a hand-kept log's typed dates (12th Sept 2022, Aug 2022)",
      { score: 15 },
      [logRow("Aug 2022", "HRC-001", 15), logRow("12th Sept 2022", "HRC-001", 15)],
      ["escalate", "directorate-register", "score 15 above appetite (Cautious, 9) for 3 months"],
    ],
  ])("%s", (_name, over, log, expected) => {
    const report = reportOf([hregister(hrisk(over)), hlog(...log)], {
      settings: {
        appetite: {
          maxima: { averse: 4, minimal: 6, cautious: 9, open: 12, eager: 16 },
          categories: { Opportunities: "open", Safety: "averse" },
          defaultLevel: "cautious",
        },
      },
    });
    expect(report.proposals.map((p) => [p.action, p.destination, p.reason])).toEqual(
      expected ? [expected] : [],
    );
  });
});
