// The sample's "Directorate Register": the council's own small register, sharing a few ids with IRIS.
// It has no strategy column (sheet/missing-column) and names a different owner for HRC-003 (owner-conflict).

import { day, planted, type PlantedProblem, type SampleCell, type SampleSheet } from "./sheet-spec";

const NAME = "Directorate Register";

export const DIRECTORATE_HEADERS = [
  "Risk Ref",
  "Risk",
  "Risk Owner",
  "Likelihood",
  "Impact",
  "Risk Score",
  "RAG",
  "Existing Controls",
  "Actions",
  "Last Reviewed",
  "Status",
];

/** Builds the sheet: a title row, the header row 2, six risks. */
export function buildDirectorateRegister(): SampleSheet {
  const rows: SampleCell[][] = [
    ["Economy and Environment Directorate Risk Register – Q2 2022/23"],
    [...DIRECTORATE_HEADERS],
    [
      "HRC-001",
      "Winter gritting fleet availability",
      "Gareth Lloyd",
      3,
      4,
      12,
      "Amber",
      "Winter Service Plan; fleet checks",
      "Spare gritters hired",
      day(2022, 9, 28),
      "Open",
    ],
    [
      "HRC-003",
      "Drainage gully cleansing backlog",
      "Richard Cole",
      4,
      3,
      12,
      "Amber",
      "Cyclic cleansing programme",
      "Additional crew",
      day(2022, 9, 30),
      "Open",
    ],
    [
      "HRC-007",
      "Carriageway resurfacing cost inflation",
      "Sarah Hughes",
      4,
      5,
      20,
      "Red",
      "Target cost mechanism",
      "Programme re-prioritised",
      day(2022, 10, 3),
      "Open",
    ],
    [
      "HRC-015",
      "Third-party claims for trips and falls",
      "Sarah Hughes",
      3,
      3,
      9,
      "Amber",
      "Inspection regime",
      "Claims reviewed monthly",
      day(2022, 9, 30),
      "Open",
    ],
    [
      "DIR-014",
      "Highways capital budget overspend",
      "Richard Cole",
      3,
      4,
      12,
      "Amber",
      "Monthly budget monitoring",
      "Spend profile reviewed with Finance",
      day(2022, 9, 29),
      "Open",
    ],
    [
      "DIR-022",
      "Loss of key contract management staff",
      "Richard Cole",
      3,
      3,
      9,
      "Amber",
      "Interim cover",
      "Permanent recruitment",
      day(2022, 9, 29),
      "Open",
    ],
  ];
  const plantedProblems: PlantedProblem[] = [
    planted("sheet/missing-column", NAME, 1, null, null, "no strategy column"),
    planted(
      "risk/owner-conflict",
      NAME,
      3,
      2,
      "HRC-003",
      "owner Richard Cole here, Mark Ellis in IRIS Risks",
    ),
    planted(
      "risk/missing-strategy",
      NAME,
      6,
      null,
      "DIR-014",
      "the sheet has no strategy column, so every open risk lacks one",
    ),
  ];
  return {
    name: NAME,
    rows,
    merges: [],
    widths: [10, 40, 16, 10, 10, 10, 8, 30, 30, 12, 8],
    headerRows: [1],
    titleRows: [0],
    freezeBelow: 1,
    planted: plantedProblems,
    traps: [],
  };
}
