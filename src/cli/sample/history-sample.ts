// The history sample (contract-risk-history.xlsx): a contract register with months of history in its own
// logs — an Update Log kept by hand, the add-in's Import Log, a dated backup — and appetite set in
// Settings, so `check` shows direction of travel, the history rules and proposals on a fresh clone.

import { OWNED_MARKER } from "../../core/model/owned-tab";
import { defaultSettings } from "../../core/model/settings";
import { settingsToRows } from "../../core/model/settings-sheet";
import type { Proposal, Trend } from "../../core/model/history";
import { columnOf, day, planted, type PlantedProblem, type SampleCell, type SampleSheet } from "./sheet-spec";

export const HISTORY_SAMPLE_FILE = "contract-risk-history.xlsx";
const REGISTER = "Risk Register";

const HEADERS = [
  "Risk ID",
  "Risk Title",
  "Category",
  "Risk Owner",
  "Date Raised",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "Target Score",
  "Target Date",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Latest Update",
  "Escalate?",
  "Escalated To",
  "Risk Status",
];

interface HistoryRiskSpec {
  id: string;
  title: string;
  category: string;
  raised: SampleCell;
  likelihood: number;
  impact: number;
  target: number;
  targetDate: SampleCell;
  escalate?: string;
  escalatedTo?: string;
  status?: string;
  update?: string;
  /** Update Log rows: [date as the officer typed it, score, no change?, text, changes]. */
  log?: [SampleCell, number, boolean, string, string?][];
  trend: Trend;
  proposal?: Omit<Proposal, "recordId" | "sheet" | "row">;
  plants?: { rule: string; note: string }[];
  traps?: { rule: string; note: string }[];
}

const RISKS: HistoryRiskSpec[] = [
  {
    id: "H-01",
    title: "Carriageway defects backlog after a hard winter",
    category: "Operational",
    raised: day(2022, 1, 15),
    likelihood: 4,
    impact: 4,
    target: 8,
    targetDate: "Mar 2023",
    log: [
      ["05/07/22", 6, false, "Defects within tolerance"],
      ["12 Aug 2022", 12, false, "Backlog growing after storm damage"],
      ["09/09/2022", 12, true, "No change this month"],
    ],
    trend: "up",
    proposal: {
      action: "escalate",
      destination: "corporate-register",
      reason: "score 16 above appetite (Cautious, 9) for 3 months",
    },
    plants: [{ rule: "risk/above-appetite", note: "score 16 above the default appetite (Cautious, 9)" }],
  },
  {
    id: "H-02",
    title: "Street lighting column structural failures",
    category: "Safety",
    raised: day(2021, 11, 2),
    likelihood: 3,
    impact: 4,
    target: 6,
    targetDate: "Q1 2023",
    log: [
      ["10/08/22", 6, false, "Testing programme on track"],
      ["14/09/22", 12, false, "Two columns failed testing on the A46"],
    ],
    trend: "same",
    proposal: {
      action: "escalate",
      destination: "directorate-register",
      reason: "score 12 above appetite (Minimal, 6) for 2 months",
    },
    plants: [{ rule: "risk/above-appetite", note: "score 12 above Safety's appetite (Minimal, 6)" }],
  },
  {
    id: "H-03",
    title: "Winter salt supply shortfall",
    category: "Operational",
    raised: day(2022, 3, 1),
    likelihood: 2,
    impact: 5,
    target: 4,
    targetDate: "Dec 2022",
    log: [["Sept 2022", 4, false, "Stocks at 90%"]],
    trend: "up",
    proposal: {
      action: "escalate",
      destination: "directorate-register",
      reason: "score rose by 6 in a month (4 → 10)",
    },
    plants: [{ rule: "risk/above-appetite", note: "score 10 above the default appetite (Cautious, 9)" }],
  },
  {
    id: "H-04",
    title: "Bus shelter advertising income falls",
    category: "Reputation",
    raised: day(2022, 2, 1),
    likelihood: 3,
    impact: 3,
    target: 4,
    targetDate: "Mar 2023",
    log: [["12/09/22", 4, false, "Income on budget"]],
    trend: "up",
    traps: [
      {
        rule: "risk/above-appetite",
        note: "score 9 within Reputation's appetite (Open, 12); a rise of 5 proposes nothing",
      },
    ],
  },
  {
    id: "H-05",
    title: "Contractor financial distress",
    category: "Financial",
    raised: day(2021, 6, 1),
    likelihood: 1,
    impact: 4,
    target: 4,
    targetDate: "Jun 2022",
    escalatedTo: "Corporate Risk Register",
    log: [
      ["06/06/22", 16, false, "Credit rating downgraded"],
      ["04/07/22", 12, false, "Parent company guarantee in place"],
      ["08/08/22", 4, false, "Accounts filed, rating restored"],
      ["12/09/22", 4, true, "No change this month"],
    ],
    trend: "same",
    proposal: {
      action: "de-escalate",
      destination: "corporate-register",
      reason: "score 4 at or below appetite (Averse, 4) for 3 months",
    },
    traps: [
      { rule: "risk/above-appetite", note: "score 4 equal to Financial's appetite (Averse, 4)" },
      { rule: "risk/target-passed", note: "target date passed but the target score is reached" },
    ],
  },
  {
    id: "H-06",
    title: "Gully cleansing programme slippage",
    category: "Operational",
    raised: day(2022, 1, 10),
    likelihood: 2,
    impact: 3,
    target: 6,
    targetDate: "Dec 2022",
    escalate: "Yes – to Ops Board",
    log: [
      ["11/07/22", 12, false, "Crew shortage"],
      ["15/08/22", 12, false, "Agency crew booked"],
      ["13/09/22", 6, false, "Back on programme"],
    ],
    trend: "same",
    traps: [{ rule: "risk/no-change-while-slipping", note: "real updates, not no change" }],
  },
  {
    id: "H-07",
    title: "Drainage CCTV survey delayed",
    category: "Operational",
    raised: day(2022, 4, 4),
    likelihood: 3,
    impact: 3,
    target: 6,
    targetDate: "Mar 2023",
    log: [
      ["12/08/22", 9, true, "No change this month"],
      ["09/09/22", 9, true, "No change this month"],
    ],
    trend: "same",
    plants: [
      {
        rule: "risk/no-change-while-slipping",
        note: "two no-change updates while action H-07-A1 moved from 30/09/2022 to 30/11/2022 (Import Log)",
      },
    ],
  },
  {
    id: "H-08",
    title: "Tree inspection backlog",
    category: "Safety",
    raised: day(2022, 2, 14),
    likelihood: 2,
    impact: 3,
    target: 4,
    targetDate: "Mar 2023",
    log: [
      ["10/08/22", 6, true, "No change this month"],
      ["14/09/22", 6, true, "No change this month"],
    ],
    trend: "same",
    traps: [
      { rule: "risk/above-appetite", note: "score 6 equal to Safety's appetite (Minimal, 6)" },
      { rule: "risk/no-change-while-slipping", note: "no change twice, but its action is on time" },
    ],
  },
  {
    id: "H-09",
    title: "Resurfacing programme overspend",
    category: "Financial",
    raised: day(2022, 1, 20),
    likelihood: 2,
    impact: 4,
    target: 4,
    targetDate: day(2022, 6, 30),
    log: [["18/07/22", 8, false, "Tender prices 12% above estimate"]],
    trend: "same",
    proposal: {
      action: "escalate",
      destination: "directorate-register",
      reason: "score 8 above appetite (Averse, 4) for 4 months",
    },
    plants: [
      { rule: "risk/above-appetite", note: "score 8 above Financial's appetite (Averse, 4)" },
      { rule: "risk/target-passed", note: "target score 4 by 30/06/2022; it scores 8" },
    ],
  },
  {
    id: "H-10",
    title: "Pedestrian crossing upgrades late",
    category: "Reputation",
    raised: day(2022, 5, 3),
    likelihood: 3,
    impact: 3,
    target: 4,
    targetDate: "Dec 2022",
    trend: "same",
    traps: [{ rule: "risk/target-passed", note: "target date (December 2022) not yet passed" }],
  },
  {
    id: "H-11",
    title: "Depot lease renewal",
    category: "Financial",
    raised: day(2021, 9, 1),
    likelihood: 3,
    impact: 4,
    target: 4,
    targetDate: day(2022, 3, 31),
    status: "Closed (30/09/2022)",
    trend: "same",
    traps: [
      { rule: "risk/above-appetite", note: "closed" },
      { rule: "risk/target-passed", note: "closed" },
    ],
  },
  {
    id: "H-12",
    title: "Flood warning sensors failing",
    category: "Operational",
    raised: day(2022, 10, 3),
    likelihood: 3,
    impact: 4,
    target: 6,
    targetDate: "Mar 2023",
    trend: "new",
    plants: [
      {
        rule: "risk/above-appetite",
        note: "score 12 above the default appetite (Cautious, 9); raised this month, so no proposal",
      },
    ],
  },
  {
    id: "H-14",
    title: "Graffiti removal response times",
    category: "Reputation",
    raised: null,
    likelihood: 2,
    impact: 3,
    target: 4,
    targetDate: "Mar 2023",
    trend: null,
  },
  {
    id: "H-15",
    title: "Winter fleet breakdowns",
    category: "Operational",
    raised: day(2021, 10, 1),
    likelihood: 2,
    impact: 4,
    target: 4,
    targetDate: "Mar 2023",
    log: [["19/09/22", 12, false, "Two gritters off the road"]],
    trend: "down",
  },
  {
    id: "H-16",
    title: "Bridge joint replacement on the ring road",
    category: "Operational",
    raised: day(2022, 2, 7),
    likelihood: 4,
    impact: 5,
    target: 8,
    targetDate: "Jun 2023",
    trend: "up",
    proposal: {
      action: "escalate",
      destination: "corporate-register",
      reason: "score 20 above appetite (Cautious, 9) for 2 months",
    },
    plants: [{ rule: "risk/above-appetite", note: "score 20 above the default appetite (Cautious, 9)" }],
  },
];

/** The Import Log rows (When, File, Sheet, Risk ID, Action ID, Field, Old, New). */
const IMPORT_LOG: SampleCell[][] = [
  ["2022-09-05 10:12", "IRIS September.xlsx", REGISTER, "H-16", null, "Current Risk Score", 9, 15],
  [
    "2022-09-20 09:40",
    "IRIS September update.xlsx",
    "Risk Actions",
    "H-07",
    "H-07-A1",
    "Target Date",
    "30/09/2022",
    "30/11/2022",
  ],
  ["2022-10-05 11:02", "IRIS October.xlsx", REGISTER, "H-16", null, "Current Risk Score", 15, 20],
];

/** What the history sample must show, for its test: trends, proposals, planted problems and traps. */
export interface HistoryExpectations {
  trends: Record<string, Trend>;
  proposals: Proposal[];
}

function registerRows(): SampleCell[][] {
  return RISKS.map((r) => [
    r.id,
    r.title,
    r.category,
    "Highways Asset Manager",
    r.raised,
    r.likelihood,
    r.impact,
    r.likelihood * r.impact,
    r.target,
    r.targetDate,
    "Treat",
    `Actions in Risk Actions (${r.id}-A1)`,
    day(2022, 10, 3),
    r.update ?? r.log?.[r.log.length - 1]?.[3] ?? "Reviewed at the contract board",
    r.escalate ?? "No",
    r.escalatedTo ?? null,
    r.status ?? "Open",
  ]);
}

function registerSheet(): SampleSheet {
  const rows: SampleCell[][] = [
    ["Highways contract risk register (with history)"],
    HEADERS,
    ...registerRows(),
  ];
  const plants: PlantedProblem[] = [];
  const traps: PlantedProblem[] = [];
  const cellFor: Record<string, string> = {
    "risk/above-appetite": "Current Risk Score",
    "risk/target-passed": "Target Date",
    "risk/no-change-while-slipping": "Latest Update",
  };
  RISKS.forEach((r, i) => {
    const row = i + 2;
    for (const p of r.plants ?? [])
      plants.push(planted(p.rule, REGISTER, row, columnOf(HEADERS, cellFor[p.rule]), r.id, p.note));
    for (const t of r.traps ?? [])
      traps.push(planted(t.rule, REGISTER, row, columnOf(HEADERS, cellFor[t.rule]), r.id, t.note));
  });
  return {
    name: REGISTER,
    rows,
    merges: [],
    widths: [8, 40, 13, 22, 12, 10, 10, 10, 9, 12, 10, 30, 12, 40, 18, 24, 18],
    headerRows: [1],
    titleRows: [0],
    freezeBelow: 1,
    planted: plants,
    traps,
  };
}

function actionsSheet(): SampleSheet {
  const headers = [
    "Risk Reference",
    "Action Ref",
    "Action Description",
    "Action Owner",
    "Target Date",
    "Action Status",
    "Progress Update",
    "Update Date",
  ];
  const rows: SampleCell[][] = [
    headers,
    ...RISKS.map((r) => [
      r.id,
      `${r.id}-A1`,
      `Mitigation for ${r.title.toLowerCase()}`,
      "Contractor's Asset Manager",
      r.id === "H-07" ? day(2022, 11, 30) : day(2022, 12, 31),
      r.status ? "Completed" : "In progress",
      "On programme",
      day(2022, 10, 3),
    ]),
  ];
  return {
    name: "Risk Actions",
    rows,
    merges: [],
    widths: [10, 10, 44, 26, 12, 12, 20, 12],
    headerRows: [0],
    titleRows: [],
    planted: [],
    traps: [],
  };
}

function updateLogSheet(): SampleSheet {
  const rows: SampleCell[][] = [
    ["Date", "Register", "Risk ID", "By", "Update", "No change", "Score", "Strategy", "Changes"],
  ];
  const entries = RISKS.flatMap((r) => (r.log ?? []).map((l) => ({ r, l })));
  for (const { r, l } of entries)
    rows.push([
      l[0],
      REGISTER,
      r.id,
      "Risk Management Board",
      l[3],
      l[2] ? "Yes" : "No",
      l[1],
      "Treat",
      l[4] ?? null,
    ]);
  return {
    name: "Update Log",
    rows,
    merges: [],
    widths: [12, 16, 8, 22, 40, 10, 7, 10, 30],
    headerRows: [0],
    titleRows: [],
    planted: [],
    traps: [],
  };
}

function importLogSheet(): SampleSheet {
  const rows: SampleCell[][] = [
    ["Import Log", null, null, null, null, null, null, null, OWNED_MARKER],
    ["OFFICIAL-SENSITIVE", "As at 2022-10-05", "Source: IRIS imports"],
    [],
    ["When", "File", "Sheet", "Risk ID", "Action ID", "Field", "Old", "New"],
    ...IMPORT_LOG,
  ];
  return {
    name: "Import Log",
    rows,
    merges: [],
    widths: [18, 28, 16, 8, 10, 22, 12, 12],
    headerRows: [3],
    titleRows: [0],
    planted: [],
    traps: [],
  };
}

/** The register as it stood before September's import: names every risk then on it (dates H-14's absence). */
function backupSheet(): SampleSheet {
  const onIt = registerRows().filter((r) => !["H-12", "H-14"].includes(String(r[0])));
  return {
    name: `Backup ${REGISTER} 2022-09-05`,
    rows: [
      [
        "Contract Risk Review: a dated backup made before an import",
        ...HEADERS.slice(1).map(() => null),
        OWNED_MARKER,
      ],
      HEADERS,
      ...onIt,
    ],
    merges: [],
    widths: [],
    headerRows: [1],
    titleRows: [0],
    planted: [],
    traps: [],
  };
}

function settingsSheet(): SampleSheet {
  const s = defaultSettings();
  s.appetite.categories = { Financial: "averse", Safety: "minimal", Reputation: "open" };
  return {
    name: "Risk Review Settings",
    rows: settingsToRows(s).map((r) => r.map((v) => (typeof v === "boolean" ? String(v).toUpperCase() : v))),
    merges: [],
    widths: [30, 60, 60],
    headerRows: [1],
    titleRows: [0],
    hidden: true,
    planted: [],
    traps: [],
  };
}

/** The history sample's sheets, in workbook order. */
export function buildHistorySampleSheets(): SampleSheet[] {
  return [
    registerSheet(),
    actionsSheet(),
    updateLogSheet(),
    importLogSheet(),
    backupSheet(),
    settingsSheet(),
  ];
}

/** The trends and proposals `check --as-at 2022-10-10` must report on the history sample. */
export function historyExpectations(): HistoryExpectations {
  const trends: Record<string, Trend> = {};
  const proposals: Proposal[] = [];
  RISKS.forEach((r, i) => {
    trends[r.id] = r.trend;
    if (r.proposal) proposals.push({ recordId: r.id, sheet: REGISTER, row: i + 3, ...r.proposal });
  });
  return { trends, proposals };
}
