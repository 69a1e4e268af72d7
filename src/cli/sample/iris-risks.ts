// The sample's "IRIS Risks" sheet: a contractor-style export with a title block, a merged group-header row,
// forty-odd risks and one planted example of every risk/* rule.

import { columnLetter } from "../../core/address/a1";
import { columnOf, day, planted, type PlantedProblem, type SampleCell, type SampleSheet } from "./sheet-spec";

const NAME = "IRIS Risks";

export const RISK_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Description",
  "Service Annex",
  "Risk Owner",
  "Date Raised",
  "Inherent Likelihood",
  "Inherent Impact",
  "Inherent Score",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "Target Likelihood",
  "Target Impact",
  "Target Score",
  "RAG Status",
  "Risk Response Strategy",
  "Mitigating Actions",
  "Date of Last Review",
  "Latest Update",
  "Next Review Date",
  "Risk Status",
  "Financial Impact (£)",
  "Escalate?",
  "Transferred To",
  "Early Warning",
  "Review Commentary",
] as const;
type Header = (typeof RISK_HEADERS)[number];

/** A risk as the sample writes it; anything not given takes a clean default. */
export interface SampleRisk {
  id: string | null;
  title: string;
  annex: string;
  owner?: string;
  /** Current likelihood and impact; the score defaults to their product. */
  l: SampleCell;
  i: SampleCell;
  score?: SampleCell;
  rag?: string;
  strategy?: string;
  actionsText?: string;
  lastReview?: SampleCell;
  update?: string;
  nextReview?: SampleCell;
  status?: string;
  financial?: SampleCell;
  escalate?: string;
  transferredTo?: string;
  earlyWarning?: string;
  commentary?: string;
  /** Problems planted on this risk: rule → the header of the cell at fault (null = the row). */
  plant?: { rule: string; header: Header | null; note: string }[];
  /** Rules that must not fire on this risk. */
  trap?: { rule: string; header: Header | null; note: string }[];
}

/** The RAG word for a score on the default scale (green ≤ 4, amber ≤ 12, red above). */
function ragOf(score: number): string {
  return score <= 4 ? "Green" : score <= 12 ? "Amber" : "Red";
}

/** The first number in a value ("4 - Likely" → 4), for computing default scores. */
function numberIn(v: SampleCell): number {
  if (typeof v === "number") return v;
  const m = /\d+/.exec(String(v ?? ""));
  return m ? Number(m[0]) : 0;
}

const TRAP_STALE = "risk/stale-update";

/** The forty-two rows of the export (forty ids, one row with no id, one id used twice). */
export const SAMPLE_RISKS: SampleRisk[] = [
  {
    id: "HRC-001",
    title: "Winter gritting fleet availability",
    annex: "Winter Service",
    owner: "Gareth Lloyd",
    l: 3,
    i: 4,
    strategy: "Treat",
    lastReview: day(2022, 9, 28),
    update: "Two spare gritters hired for the season; fleet checks complete.",
    financial: 40000,
    earlyWarning: "EW-0112",
  },
  {
    id: "HRC-002",
    title: "Street lighting column structural failures",
    annex: "Street Lighting",
    owner: "Priya Shah",
    l: 3,
    i: 5,
    strategy: "Treat - reduce",
    lastReview: day(2022, 9, 21),
    update: "Testing programme 62% complete; 14 columns removed.",
    financial: 120000,
  },
  {
    id: "HRC-003",
    title: "Drainage gully cleansing backlog",
    annex: "Drainage",
    owner: "Mark Ellis",
    l: 4,
    i: 3,
    strategy: "Treat",
    lastReview: day(2022, 9, 30),
    update: "Additional crew from September; backlog down to 1,900 gullies.",
  },
  {
    id: "HRC-004",
    title: "Utility works overrunning on the strategic network",
    annex: "Highways Maintenance",
    owner: "Sarah Hughes",
    l: 3,
    i: 3,
    strategy: "",
    lastReview: day(2022, 9, 26),
    update: "Permit conditions tightened.",
    plant: [{ rule: "risk/missing-strategy", header: "Risk Response Strategy", note: "strategy blank" }],
  },
  {
    id: "HRC-005",
    title: "Bridge inspection programme slippage",
    annex: "Highways Maintenance",
    owner: "Tom Bradley",
    l: 3,
    i: 4,
    strategy: "Treat",
    lastReview: day(2022, 6, 14),
    update: "Inspector vacancy advertised.",
    plant: [
      {
        rule: "risk/stale-update",
        header: "Date of Last Review",
        note: "last reviewed 14 June 2022; its actions last updated in July",
      },
    ],
  },
  {
    id: "HRC-006",
    title: "Grounds maintenance mowing frequency complaints",
    annex: "Grounds Maintenance",
    owner: "Helen Carter",
    l: 2,
    i: 2,
    strategy: "Monitor",
    lastReview: day(2022, 9, 19),
    update: "Complaints down since the August cut.",
    plant: [{ rule: "risk/unknown-strategy", header: "Risk Response Strategy", note: 'strategy "Monitor"' }],
  },
  {
    id: "HRC-007",
    title: "Carriageway resurfacing cost inflation",
    annex: "Highways Maintenance",
    owner: "Sarah Hughes",
    l: 4,
    i: 5,
    strategy: "Treat",
    lastReview: day(2022, 10, 3),
    update: "Bitumen index up 31% year on year; programme re-prioritised.",
    financial: 450000,
    escalate: "Yes",
    earlyWarning: "EW-0120",
  },
  {
    id: "HRC-008",
    title: "Street cleansing vehicle emissions compliance",
    annex: "Street Cleansing",
    owner: "Nadia Khan",
    l: 2,
    i: 3,
    strategy: "Treat",
    actionsText: "",
    lastReview: day(2022, 9, 22),
    update: "Fleet replacement options being costed.",
    plant: [
      {
        rule: "risk/no-action",
        header: "Mitigating Actions",
        note: "no actions text and no row in IRIS Actions",
      },
    ],
  },
  {
    id: "HRC-009",
    title: "Pothole repair response times",
    annex: "Highways Maintenance",
    owner: "Tom Bradley",
    l: 4,
    i: 4,
    score: 12,
    rag: "Amber",
    strategy: "Treat",
    lastReview: day(2022, 9, 29),
    update: "Category 1 repairs at 91% within 24 hours.",
    plant: [{ rule: "risk/score-mismatch", header: "Current Risk Score", note: "score 12, but 4 × 4 = 16" }],
  },
  {
    id: "HRC-010",
    title: "Contractor staff turnover in the depot",
    annex: "Highways Maintenance",
    owner: "Gareth Lloyd",
    l: 4,
    i: 5,
    rag: "Green",
    strategy: "Tolerate",
    lastReview: day(2022, 9, 23),
    update: "Retention payments agreed by the Contractor.",
    plant: [{ rule: "risk/rag-mismatch", header: "RAG Status", note: "RAG Green for score 20 (red)" }],
  },
  {
    id: "HRC-011",
    title: "Traffic signal maintenance contract handover",
    annex: "Street Lighting",
    owner: "",
    l: 2,
    i: 4,
    strategy: "Treat",
    lastReview: day(2022, 9, 27),
    update: "Handover plan drafted.",
    plant: [{ rule: "risk/missing-owner", header: "Risk Owner", note: "owner blank" }],
  },
  {
    id: "HRC-012",
    title: "Gully tanker breakdowns",
    annex: "Drainage",
    owner: "Mark Ellis",
    l: 2,
    i: 3,
    strategy: "Treat",
    lastReview: day(2022, 8, 1),
    update: "Spare tanker on call-off.",
    trap: [
      {
        rule: TRAP_STALE,
        header: "Date of Last Review",
        note: "last reviewed 1 August but its action was updated on 28 September",
      },
    ],
  },
  {
    id: null,
    title: "Flooding at Brook Street underpass",
    annex: "Drainage",
    owner: "Mark Ellis",
    l: 3,
    i: 4,
    strategy: "Treat",
    lastReview: day(2022, 9, 20),
    update: "Pump upgrade scheduled.",
    plant: [{ rule: "risk/missing-id", header: "Risk ID", note: "a risk with text but no id" }],
  },
  {
    id: "HRC-013",
    title: "Salt stock levels for the winter season",
    annex: "Winter Service",
    owner: "Gareth Lloyd",
    l: 2,
    i: 5,
    strategy: "Treat",
    lastReview: day(2022, 9, 15),
    update: "Barn stocks at 8,200 t of 9,000 t.",
    financial: 65000,
  },
  {
    id: "HRC-014",
    title: "Highway tree inspections overdue",
    annex: "Grounds Maintenance",
    owner: "Helen Carter",
    l: 3,
    i: 3,
    strategy: "Treat",
    lastReview: day(2022, 9, 16),
    update: "Arboricultural survey commissioned.",
  },
  {
    id: "HRC-014",
    title: "Verge cutting visibility splays",
    annex: "Grounds Maintenance",
    owner: "Helen Carter",
    l: 2,
    i: 3,
    strategy: "Treat",
    lastReview: day(2022, 9, 16),
    update: "Extra cut in October.",
    plant: [{ rule: "risk/duplicate-id", header: "Risk ID", note: "HRC-014 used a second time" }],
  },
  {
    id: "HRC-015",
    title: "Third-party claims for trips and falls",
    annex: "Highways Maintenance",
    owner: "Sarah Hughes",
    l: 3,
    i: 3,
    strategy: "Transfer - insure",
    transferredTo: "Council Insurance Team",
    lastReview: day(2022, 9, 30),
    update: "Claims handler reviewing 12 open claims.",
    financial: 180000,
  },
  {
    id: "HRC-016",
    title: "Damage to street furniture by third parties",
    annex: "Street Cleansing",
    owner: "Nadia Khan",
    l: 3,
    i: 2,
    strategy: "Transfer",
    transferredTo: "",
    lastReview: day(2022, 9, 24),
    update: "Recharges raised for 5 incidents.",
    plant: [
      {
        rule: "risk/transfer-without-recipient",
        header: "Transferred To",
        note: "strategy Transfer, Transferred To blank",
      },
    ],
  },
  {
    id: "HRC-017",
    title: "Lighting energy price rises",
    annex: "Street Lighting",
    owner: "Priya Shah",
    l: 5,
    i: 4,
    strategy: "Treat - mitigate",
    lastReview: day(2022, 10, 5),
    update: "Dimming profile extended to 90% of the network.",
    financial: 310000,
  },
  {
    id: "HRC-018",
    title: "Depot lease renewal",
    annex: "Highways Maintenance",
    owner: "Gareth Lloyd",
    l: 1,
    i: 3,
    strategy: "Terminate",
    lastReview: day(2022, 9, 12),
    update: "Lease renewed to 2027; risk closed.",
    status: "Closed",
    plant: [
      {
        rule: "risk/closed-with-open-actions",
        header: "Risk Status",
        note: "closed, with an action still open in IRIS Actions",
      },
    ],
  },
  {
    id: "HRC-019",
    title: "Road marking renewal programme",
    annex: "Highways Maintenance",
    owner: "Tom Bradley",
    l: 3,
    i: 3,
    strategy: "Treat",
    lastReview: day(2022, 9, 14),
    update: "Programme 70% delivered.",
    nextReview: day(2022, 9, 30),
    plant: [
      { rule: "risk/next-review-passed", header: "Next Review Date", note: "next review 30 September 2022" },
    ],
  },
  {
    id: "HRC-020",
    title: "Footway slab trip hazards in the town centre",
    annex: "Highways Maintenance",
    owner: "Sarah Hughes",
    l: 2,
    i: 4,
    strategy: "Treat",
    lastReview: day(2022, 11, 2),
    update: "Town centre survey complete.",
    plant: [
      {
        rule: "risk/future-date",
        header: "Date of Last Review",
        note: "last reviewed 2 November 2022, after the as-at date",
      },
    ],
  },
  {
    id: "HRC-021",
    title: "Cycle lane sweeping frequency",
    annex: "Street Cleansing",
    owner: "Nadia Khan",
    l: 2,
    i: 2,
    strategy: "Tolerate",
    lastReview: "15/09/2022",
    update: "Sweeping moved to fortnightly.",
    trap: [
      { rule: TRAP_STALE, header: "Date of Last Review", note: 'text date "15/09/2022" is within the month' },
    ],
  },
  {
    id: "HRC-022",
    title: "Weed treatment product withdrawal",
    annex: "Grounds Maintenance",
    owner: "Helen Carter",
    l: 3,
    i: 6,
    strategy: "Treat",
    lastReview: day(2022, 9, 20),
    update: "Trial of foam treatment in two wards.",
    plant: [{ rule: "risk/score-mismatch", header: "Current Impact", note: "impact 6 is outside 1–5" }],
  },
  {
    id: "HRC-023",
    title: "Illuminated sign faults",
    annex: "Street Lighting",
    owner: "Priya Shah",
    l: 2,
    i: 2,
    strategy: "Accept",
    lastReview: day(2022, 9, 18),
    update: "Fault rate steady at 1.2%.",
  },
  {
    id: "HRC-024",
    title: "Emergency call-out response on the drainage network",
    annex: "Drainage",
    owner: "Mark Ellis",
    l: 3,
    i: 4,
    strategy: "Treat",
    lastReview: "Sept 2022",
    update: "Out-of-hours rota reviewed.",
    plant: [
      {
        rule: "risk/stale-update",
        header: "Date of Last Review",
        note: '"Sept 2022" as a last-updated date means 1 September, before 10 September',
      },
    ],
  },
  {
    id: "HRC-025",
    title: "Highway asset data quality",
    annex: "Highways Maintenance",
    owner: "Tom Bradley",
    l: 2,
    i: 3,
    strategy: "Treat",
    lastReview: day(2022, 8, 30),
    update: "Data cleansed and migrated.",
    status: "Closed",
  },
  {
    id: "HRC-026",
    title: "Winter weather forecasting contract expiry",
    annex: "Winter Service",
    owner: "Gareth Lloyd",
    l: 2,
    i: 4,
    strategy: "Treat",
    lastReview: day(2022, 9, 26),
    update: "New forecast provider in place from 1 October.",
  },
  {
    id: "HRC-027",
    title: "Litter bin capacity in parks",
    annex: "Street Cleansing",
    owner: "Nadia Khan",
    l: "4 - Likely",
    i: "3 - Moderate",
    score: 12,
    rag: "Amber",
    strategy: "Treat",
    lastReview: day(2022, 9, 27),
    update: "Larger bins in 6 parks.",
  },
  {
    id: "HRC-028",
    title: "Playground equipment inspections",
    annex: "Grounds Maintenance",
    owner: "Helen Carter",
    l: 2,
    i: 5,
    strategy: "Treat",
    lastReview: day(2022, 9, 13),
    update: "Weekly inspections on schedule.",
  },
  {
    id: "HRC-029",
    title: "LED lantern supply chain delays",
    annex: "Street Lighting",
    owner: "Priya Shah",
    l: 4,
    i: 4,
    rag: "High",
    strategy: "Treat",
    lastReview: day(2022, 10, 4),
    update: "Second supplier approved.",
    financial: 95000,
  },
  {
    id: "HRC-030",
    title: "Structures maintenance moved to the Council's bridges team",
    annex: "Highways Maintenance",
    owner: "Tom Bradley",
    l: 2,
    i: 4,
    strategy: "Transfer",
    transferredTo: "Council Bridges Team",
    lastReview: day(2022, 7, 1),
    update: "Transferred on 1 July.",
    status: "Transferred",
  },
  {
    id: "HRC-031",
    title: "Salt barn roof condition",
    annex: "Winter Service",
    owner: "Gareth Lloyd",
    l: 2,
    i: 3,
    strategy: "Treat",
    lastReview: null,
    update: "",
    plant: [
      {
        rule: "risk/stale-update",
        header: "Date of Last Review",
        note: "no review date, no update, and its action last updated in May",
      },
    ],
  },
  {
    id: "HRC-032",
    title: "Fly-tipping clearance response",
    annex: "Street Cleansing",
    owner: "Nadia Khan",
    l: 4,
    i: 2,
    strategy: "Treat",
    lastReview: day(2022, 10, 6),
    update: "Hotspot cameras installed.",
  },
  {
    id: "HRC-033",
    title: "Drainage asset records incomplete",
    annex: "Drainage",
    owner: "Mark Ellis",
    l: 3,
    i: 3,
    strategy: "Treat",
    lastReview: day(2022, 9, 25),
    update: "CCTV survey of 3 catchments ordered.",
  },
  {
    id: "HRC-034",
    title: "Grass cutting contractor capacity",
    annex: "Grounds Maintenance",
    owner: "Helen Carter",
    l: 2,
    i: 2,
    strategy: "Tolerate",
    lastReview: day(2022, 9, 22),
    update: "Season ends October.",
  },
  {
    id: "HRC-035",
    title: "Temporary traffic management costs",
    annex: "Highways Maintenance",
    owner: "Sarah Hughes",
    l: 3,
    i: 4,
    strategy: "Treat",
    lastReview: day(2022, 9, 30),
    update: "Rates benchmarked via APSE.",
    financial: 55000,
  },
  {
    id: "HRC-036",
    title: "Gritting route optimisation software",
    annex: "Winter Service",
    owner: "Gareth Lloyd",
    l: 1,
    i: 3,
    strategy: "Take - exploit",
    lastReview: day(2022, 9, 30),
    update: "Routes cut from 28 to 25.",
  },
  {
    id: "HRC-037",
    title: "Column painting programme",
    annex: "Street Lighting",
    owner: "Priya Shah",
    l: 1,
    i: 2,
    strategy: "Tolerate",
    lastReview: day(2022, 9, 11),
    update: "Deferred to 2023/24.",
  },
  {
    id: "HRC-038",
    title: "Sweeper driver shortage",
    annex: "Street Cleansing",
    owner: "Nadia Khan",
    l: 3,
    i: 3,
    strategy: "Treat",
    lastReview: day(2022, 10, 7),
    update: "Agency drivers covering two routes.",
  },
  {
    id: "HRC-039",
    title: "Culvert blockage at Mill Lane",
    annex: "Drainage",
    owner: "Mark Ellis",
    l: 5,
    i: 5,
    strategy: "Treat",
    lastReview: day(2022, 10, 7),
    update: "Trash screen redesign approved.",
    financial: 260000,
    earlyWarning: "EW-0127",
  },
  {
    id: "HRC-040",
    title: "Cemetery grounds maintenance specification",
    annex: "Grounds Maintenance",
    owner: "Helen Carter",
    l: 2,
    i: 2,
    strategy: "Tolerate",
    lastReview: day(2022, 9, 19),
    update: "Specification agreed with Bereavement Services.",
  },
];

const DESCRIPTIONS: Record<string, string> = {
  "Winter Service":
    "Cause: severe weather. Event: treatment routes not completed within the Winter Service Plan times. Effect: road safety and reputational harm.",
  "Street Lighting":
    "Cause: ageing assets and supply chain. Event: lighting units fail or are unsafe. Effect: safety risk and complaints.",
  Drainage:
    "Cause: blocked or damaged assets. Event: surface water flooding. Effect: property damage and claims.",
  "Highways Maintenance":
    "Cause: condition of the network and contract delivery. Event: defects not repaired within contract times. Effect: claims, complaints and cost.",
  "Grounds Maintenance":
    "Cause: seasonal demand and resources. Event: service standards not met. Effect: complaints and reputational harm.",
  "Street Cleansing":
    "Cause: resources and fleet. Event: cleansing standards not met. Effect: complaints and environmental harm.",
};

/** Builds the sheet: 3 title rows, the group-header row (merged), the header row, then one row per risk. */
export function buildIrisRisks(): SampleSheet {
  const rows: SampleCell[][] = [];
  const plantedProblems: PlantedProblem[] = [];
  const traps: PlantedProblem[] = [];
  rows.push(["IRIS Risk Management – Contract Risk Register Report"]);
  rows.push(["Run date: 10/10/2022 07:45   Run by: IRIS Reporting Service"]);
  rows.push(["Filter: Contract = Public Realm Contract; Risk Status = All; Service Annex = All"]);
  const col = (h: Header): number => columnOf(RISK_HEADERS, h);
  const group: SampleCell[] = RISK_HEADERS.map(() => null);
  group[col("Inherent Likelihood")] = "Inherent";
  group[col("Current Likelihood")] = "Residual";
  group[col("Target Likelihood")] = "Target";
  rows.push(group);
  const headerRow = rows.length;
  rows.push([...RISK_HEADERS]);

  SAMPLE_RISKS.forEach((risk, n) => {
    const r = rows.length;
    const l = numberIn(risk.l);
    const i = numberIn(risk.i);
    const score = risk.score ?? l * i;
    const inherentL = Math.min(5, l + 1);
    const inherentI = Math.min(5, Math.max(i, 1));
    const values: Record<Header, SampleCell> = {
      "Risk ID": risk.id,
      "Risk Title": risk.title,
      "Risk Description": DESCRIPTIONS[risk.annex] ?? "",
      "Service Annex": risk.annex,
      "Risk Owner": risk.owner ?? "",
      "Date Raised":
        n % 3 === 0
          ? `${String((n % 27) + 1).padStart(2, "0")}/0${(n % 9) + 1}/2021`
          : day(2021, (n % 12) + 1, (n % 27) + 1),
      "Inherent Likelihood": inherentL,
      "Inherent Impact": inherentI,
      "Inherent Score": inherentL * inherentI,
      "Current Likelihood": risk.l,
      "Current Impact": risk.i,
      "Current Risk Score": score,
      "Target Likelihood": Math.max(1, l - 1),
      "Target Impact": Math.max(1, Math.min(5, i) - 1),
      "Target Score": Math.max(1, l - 1) * Math.max(1, Math.min(5, i) - 1),
      "RAG Status": risk.rag ?? ragOf(typeof score === "number" ? score : 0),
      "Risk Response Strategy": risk.strategy ?? "Treat",
      "Mitigating Actions": risk.actionsText ?? "See IRIS actions for this risk.",
      "Date of Last Review": risk.lastReview ?? null,
      "Latest Update": risk.update ?? "",
      "Next Review Date": risk.nextReview ?? day(2022, 10, 24 + (n % 7)),
      "Risk Status": risk.status ?? "Open",
      "Financial Impact (£)": risk.financial ?? null,
      "Escalate?": risk.escalate ?? "No",
      "Transferred To": risk.transferredTo ?? "",
      "Early Warning": risk.earlyWarning ?? "",
      "Review Commentary": risk.commentary ?? (n % 4 === 0 ? "Discussed at the Risk Management Board." : ""),
    };
    rows.push(RISK_HEADERS.map((h) => values[h]));
    const rowId = risk.id;
    for (const p of risk.plant ?? []) {
      plantedProblems.push(planted(p.rule, NAME, r, p.header === null ? null : col(p.header), rowId, p.note));
    }
    for (const t of risk.trap ?? [])
      traps.push(planted(t.rule, NAME, r, t.header === null ? null : col(t.header), rowId, t.note));
  });

  const g = (h: Header): string => columnLetter(col(h));
  const merges = [
    `${g("Inherent Likelihood")}4:${g("Inherent Score")}4`,
    `${g("Current Likelihood")}4:${g("Current Risk Score")}4`,
    `${g("Target Likelihood")}4:${g("Target Score")}4`,
  ];
  return {
    name: NAME,
    rows,
    merges,
    widths: RISK_HEADERS.map((h) => (/Description|Update|Actions|Title|Commentary/.test(h) ? 40 : 14)),
    headerRows: [headerRow - 1, headerRow],
    titleRows: [0],
    freezeBelow: headerRow,
    planted: plantedProblems,
    traps,
  };
}
