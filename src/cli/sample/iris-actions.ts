// The sample's "IRIS Actions" sheet: about sixty actions against the IRIS risks, some overdue and still open.

import { day, planted, type PlantedProblem, type SampleCell, type SampleSheet } from "./sheet-spec";
import { SAMPLE_RISKS } from "./iris-risks";

const NAME = "IRIS Actions";

export const ACTION_HEADERS = [
  "Risk Reference",
  "Action Ref",
  "Action Description",
  "Action Owner",
  "Target Date",
  "Action Status",
  "Progress Update",
  "Update Date",
];

interface ActionSpec {
  text: string;
  due: SampleCell;
  status: string;
  update: string;
  updated: SampleCell;
  /** A problem planted on this action (the cell is always Target Date). */
  plant?: { rule: string; note: string };
}

const ACTION_TEXTS: Record<string, string[]> = {
  "Winter Service": ["Pre-season fleet and plough checks", "Review salt barn stocks weekly"],
  "Street Lighting": [
    "Complete structural testing of columns over 40 years old",
    "Replace failed lanterns with LED units",
  ],
  Drainage: ["Deploy additional gully cleansing crew", "Update drainage asset records from CCTV survey"],
  "Highways Maintenance": [
    "Re-prioritise the resurfacing programme",
    "Monthly inspection of category 1 defects",
  ],
  "Grounds Maintenance": ["Agree revised cutting schedule with the Contractor", "Inspect play areas weekly"],
  "Street Cleansing": [
    "Review sweeping routes and frequencies",
    "Report fly-tipping hotspots to Enforcement",
  ],
};

/** Special cases by risk id: the actions that carry planted problems or make a risk stale or fresh. */
const OVERRIDES: Record<string, ActionSpec[]> = {
  "HRC-002": [
    {
      text: "Complete structural testing of columns over 40 years old",
      due: day(2022, 9, 30),
      status: "In Progress",
      update: "62% of columns tested.",
      updated: day(2022, 9, 21),
      plant: { rule: "risk/action-overdue", note: "due 30 September 2022, in progress" },
    },
    {
      text: "Remove columns that fail testing",
      due: day(2022, 12, 16),
      status: "In Progress",
      update: "14 removed to date.",
      updated: day(2022, 9, 21),
    },
  ],
  "HRC-005": [
    {
      text: "Recruit a bridge inspector",
      due: day(2022, 12, 31),
      status: "In Progress",
      update: "Vacancy advertised.",
      updated: day(2022, 7, 8),
    },
    {
      text: "Buy in inspection capacity from the framework",
      due: day(2022, 11, 30),
      status: "Not Started",
      update: "Quote requested.",
      updated: day(2022, 7, 20),
    },
  ],
  "HRC-008": [],
  "HRC-012": [
    {
      text: "Call-off a spare gully tanker",
      due: day(2022, 11, 30),
      status: "In Progress",
      update: "Spare tanker on call-off from 26 September.",
      updated: day(2022, 9, 28),
    },
  ],
  "HRC-013": [
    {
      text: "Top up salt barns before November",
      due: day(2022, 8, 31),
      status: "Not Started",
      update: "Order placed with supplier.",
      updated: day(2022, 9, 15),
      plant: { rule: "risk/action-overdue", note: "due 31 August 2022, not started" },
    },
  ],
  "HRC-018": [
    {
      text: "Negotiate depot lease renewal",
      due: day(2022, 6, 30),
      status: "Complete",
      update: "Lease signed to 2027.",
      updated: day(2022, 9, 12),
    },
    {
      text: "Dilapidations survey of the depot",
      due: day(2022, 12, 31),
      status: "Open",
      update: "Surveyor to be appointed.",
      updated: day(2022, 9, 12),
    },
  ],
  "HRC-021": [
    {
      text: "Move cycle lane sweeping to fortnightly",
      due: day(2022, 8, 31),
      status: "Completed",
      update: "In place from August.",
      updated: day(2022, 8, 15),
    },
  ],
  "HRC-024": [
    {
      text: "Review the out-of-hours drainage rota",
      due: day(2022, 11, 30),
      status: "In Progress",
      update: "Draft rota shared.",
      updated: day(2022, 8, 25),
    },
  ],
  "HRC-025": [
    {
      text: "Cleanse and migrate highway asset data",
      due: day(2022, 8, 31),
      status: "Complete",
      update: "Migration complete.",
      updated: day(2022, 8, 30),
    },
  ],
  "HRC-030": [
    {
      text: "Hand structures maintenance to the Council's bridges team",
      due: day(2022, 7, 1),
      status: "Closed",
      update: "Transferred.",
      updated: day(2022, 7, 1),
    },
  ],
  "HRC-031": [
    {
      text: "Commission a roof condition survey of the salt barn",
      due: day(2022, 12, 31),
      status: "Not Started",
      update: "Budget requested.",
      updated: day(2022, 5, 16),
    },
  ],
  "HRC-033": [
    {
      text: "Commission CCTV survey of three catchments",
      due: day(2022, 10, 1),
      status: "Amber",
      update: "Survey contractor mobilising.",
      updated: day(2022, 9, 25),
      plant: { rule: "risk/action-overdue", note: 'due 1 October 2022, status "Amber" (open)' },
    },
    {
      text: "Update drainage asset records from CCTV survey",
      due: "Q4 2022",
      status: "Not Started",
      update: "",
      updated: day(2022, 9, 25),
    },
  ],
  "HRC-038": [
    {
      text: "Recruit two sweeper drivers",
      due: "30/09/2022",
      status: "Open",
      update: "Agency drivers covering.",
      updated: day(2022, 10, 7),
      plant: { rule: "risk/action-overdue", note: 'due "30/09/2022" (text), still open' },
    },
  ],
};

/** Builds the actions sheet from the sample's risks, one or two actions each, with the overrides above. */
export function buildIrisActions(): SampleSheet {
  const rows: SampleCell[][] = [[...ACTION_HEADERS]];
  const plantedProblems: PlantedProblem[] = [];
  let n = 0;
  const seen = new Set<string>();
  SAMPLE_RISKS.forEach((risk, index) => {
    if (risk.id === null || seen.has(risk.id)) return;
    seen.add(risk.id);
    const updated = risk.lastReview instanceof Date ? risk.lastReview : day(2022, 9, 20);
    const texts = ACTION_TEXTS[risk.annex] ?? ["Review the risk with the Contractor"];
    const closed = risk.status !== undefined && risk.status !== "Open";
    const specs: ActionSpec[] =
      OVERRIDES[risk.id] ??
      texts.slice(0, index % 2 === 0 ? 2 : 1).map((text, k) => {
        // The first action of every third risk is already done (due in the past, which is fine once done).
        const done = closed || (k === 0 && index % 3 === 0);
        return {
          text,
          due: done
            ? day(2022, 7, 29)
            : k === 0
              ? day(2022, 11, 30)
              : index % 5 === 0
                ? "March 2023"
                : day(2023, 1, 31),
          status: done
            ? index % 2 === 0
              ? "Completed"
              : "Implemented"
            : k === 0
              ? "In Progress"
              : "Not Started",
          update: done ? "Done." : "On programme.",
          updated,
        };
      });
    for (const a of specs) {
      n++;
      const r = rows.length;
      rows.push([
        risk.id,
        `ACT-${String(n).padStart(4, "0")}`,
        a.text,
        risk.owner || "Contract Manager",
        a.due,
        a.status,
        a.update,
        a.updated,
      ]);
      if (a.plant) plantedProblems.push(planted(a.plant.rule, NAME, r, 4, null, a.plant.note));
    }
  });
  return {
    name: NAME,
    rows,
    merges: [],
    widths: [12, 10, 50, 18, 12, 14, 40, 12],
    headerRows: [0],
    titleRows: [],
    freezeBelow: 0,
    planted: plantedProblems,
    traps: [],
  };
}
