// The sample's "Improvement Plan" sheet, laid out as the council's real close-out statement is (see fixtures/seed).

import { day, planted, type PlantedProblem, type SampleCell, type SampleSheet } from "./sheet-spec";

const NAME = "Improvement Plan";

/** The seed's nine headers, word for word. */
export const PLAN_HEADERS = [
  "No",
  "Improvement Aim",
  "Background from Internal Audit and the 2021 Contract Performance Review",
  "Action",
  "Date Completed or Expected",
  "Lead Director",
  "Lead Officer",
  "Progress Status",
  "Evidence",
];

/** One action row: [No, Aim, Background, Action, Date, Lead Director, Lead Officer, Status, Evidence]. */
type PlanRow = [string, string, string, string, SampleCell, string, string, string, string];

/** What to plant on a row: rule id and the column the problem is in (null = the row as a whole). */
interface Plant {
  rule: string;
  col: number | null;
  note: string;
}

const DATE = 4;
const LEAD_DIRECTOR = 5;
const LEAD_OFFICER = 6;
const STATUS = 7;
const EVIDENCE = 8;

/** Builds the plan sheet: title row, header row 3, aims written once, page-break headers, a split row, a shifted row. */
export function buildImprovementPlan(): SampleSheet {
  const rows: SampleCell[][] = [];
  const plantedProblems: PlantedProblem[] = [];
  const traps: PlantedProblem[] = [];
  const headerRows: number[] = [];

  rows.push(["Public Realm Contract Performance Improvement Plan – Close Out Statement V3 10 October 2022"]);
  rows.push([]);
  const header = (): void => {
    headerRows.push(rows.length);
    rows.push([...PLAN_HEADERS]);
  };
  /** A page break as the document has them: a blank row, then the header row repeated. */
  const pageBreak = (): void => {
    rows.push([]);
    header();
  };
  const add = (row: PlanRow, plants: Plant[] = [], trap?: Plant): number => {
    const r = rows.length;
    rows.push(row);
    for (const p of plants) plantedProblems.push(planted(p.rule, NAME, r, p.col, null, p.note));
    if (trap) traps.push(planted(trap.rule, NAME, r, trap.col, null, trap.note));
    return r;
  };

  header();

  // Aim 1 — risk management.
  add([
    "1.",
    "Risk Management.",
    "<p>The monthly contract risk report does not log actions against each risk. Each risk should carry a plan that is tracked and updated each month.</p>",
    "The Contractor to provide annex risk registers (Highways Maintenance, Street Lighting, Winter Service) from IRIS each month.",
    "July 2022",
    "RC",
    "MA",
    "Completed. Annex registers received monthly and reviewed at the Risk Management Board attended by the Contractor, Directorate and Corporate lead officers.",
    "Risk Management Board minutes and annex risk registers.",
  ]);
  add([
    "",
    "",
    "",
    "Establish a monthly Risk Management Board between the Council and the Contractor.",
    "April 2022",
    "RC",
    "MA",
    "Completed. Board meets monthly.",
    "Terms of reference and minutes of the Risk Management Board.",
  ]);
  add(
    [
      "",
      "",
      "",
      "Financial implications of contract risks to be identified and escalated to the Operations Board and Strategic Board.",
      "Sept 2022",
      "RC",
      "MA",
      "Completed. Risks with a financial impact are escalated to the Financial and Commercial Cluster Group.",
      "",
    ],
    [{ rule: "plan/completed-without-evidence", col: EVIDENCE, note: "Completed, Evidence blank" }],
  );
  add(
    [
      "",
      "",
      "",
      "Migrate the contract risk registers into the Council's corporate risk management system.",
      "July 2022",
      "CW/RC",
      "NS/PH",
      "Completed. Registers now conform to the corporate risk management framework.",
      "Risk registers available and will be moved to the new system when available.",
    ],
    [
      {
        rule: "plan/completed-not-evidenced",
        col: EVIDENCE,
        note: 'Evidence says "will be moved to the new system when available"',
      },
    ],
  );
  pageBreak();

  // Aim 2 — relationship management; the background changes within the aim.
  add(
    [
      "2.",
      "Relationship Management.",
      "There was little constructive tension between the two parties and no competitive dialogue.",
      "Appoint Tier 1 cost consultants to assess cost estimates and target costs.",
      "Oct 2022",
      "RC",
      "MA",
      "Completed. Call-off arranged through the regional highways alliance framework.",
      "Framework in place and agreed with Procurement. Graduate QS to be recruited.",
    ],
    [{ rule: "plan/completed-not-evidenced", col: EVIDENCE, note: 'Evidence says "to be recruited"' }],
  );
  add(
    [
      "",
      "",
      "",
      "Join the APSE benchmarking club to compare Street Cleansing and Grounds Maintenance costs with other authorities.",
      "February 2022",
      "RC",
      "MA",
      "Completed. Council full members of APSE Performance Networks.",
      "Data collection underway. First results available from APSE in December 2022.",
    ],
    [
      {
        rule: "plan/completed-not-evidenced",
        col: EVIDENCE,
        note: 'Evidence says "underway" and names December 2022, after the as-at date',
      },
    ],
  );
  add(
    [
      "",
      "",
      "",
      "Review completed target-cost jobs to understand how many fall within each pain/gain band.",
      "August 2022",
      "RC",
      "MA",
      "In progress. Sample of 40 Highways Maintenance jobs under review.",
      "",
    ],
    [{ rule: "plan/overdue", col: DATE, note: "August 2022 has passed and the action is in progress" }],
  );
  add(
    [
      "",
      "",
      "The Contractor does not always give the proactive support expected of a strategic partner.",
      "Develop a customer focus action plan so Members and communities know what is and is not in the contract.",
      "Sept 2022",
      "RC",
      "MA",
      "Completed. Two-way consultation built into the revised annual plan process.",
      "Revised and agreed 2023/24 Annual Plan process.",
    ],
    [],
    {
      rule: "plan/completed-not-evidenced",
      col: EVIDENCE,
      note: '"2023/24 Annual Plan" is a financial-year label, not a later date',
    },
  );
  // A row split across a page break: its continuation follows the repeated header.
  add(
    [
      "",
      "",
      "",
      "Revised approach to the forward programme and annual plan, with commissioners reviewing each service annex",
      "Sept 2022",
      "RC",
      "MA",
      "Completed. Revised process in place for Drainage and Street Lighting;",
      "Forward programme agreed; a compliance officer",
    ],
    [
      {
        rule: "plan/completed-not-evidenced",
        col: STATUS,
        note: 'Progress Status continued after the page break: "… Winter Service to follow." (its Evidence too: "… a compliance officer to be appointed.")',
      },
    ],
  );
  pageBreak();
  rows.push([
    "",
    "",
    "",
    "before it is submitted.",
    null,
    "",
    "",
    "Winter Service to follow.",
    "to be appointed.",
  ]);

  // Aim 3 — change management, with the shifted row the seed also has.
  add([
    "3.",
    "Change Management.",
    "Framework call-offs with the Contractor are not on the Council's contract register.",
    "Review frameworks and contracts outside the main contract and add them to the contract register.",
    "April 2022",
    "RC",
    "MA",
    "Completed. Review completed with the Procurement Team.",
    "Updated corporate contract register.",
  ]);
  {
    // Shifted three columns left, with the Background column empty, exactly like the seed's row 28.
    const r = rows.length;
    rows.push([
      "Record sub-contracts and nominated suppliers for each service annex every year.",
      "May 2022",
      null,
      "RC",
      "MA",
      "Completed. The annual plan requires the Contractor to name sub-contractors for each annex.",
      "Annual plan schedule of sub-contractors.",
    ]);
    plantedProblems.push(
      planted(
        "plan/misaligned-row",
        NAME,
        r,
        0,
        null,
        "row shifted left: date under Improvement Aim, status under Lead Director",
      ),
    );
  }
  add(
    [
      "",
      "",
      "",
      "Review contract changes since the contract began so that each is recorded.",
      null,
      "RC",
      "MA",
      "Not started",
      "",
    ],
    [{ rule: "plan/missing-date", col: DATE, note: "date blank" }],
  );

  // Aim 4 — internal governance.
  add(
    [
      "4.",
      "Council's Internal Governance.",
      "The contract procedure rules were not always followed when commissioning work outside the core programme.",
      "Produce a commissioning flow chart for highway works outside the core programme.",
      "TBC",
      "RC",
      "MA",
      "Ongoing – draft with Legal.",
      "",
    ],
    [{ rule: "plan/missing-date", col: DATE, note: 'date "TBC"' }],
  );
  add(
    [
      "",
      "",
      "",
      "Review the tender documents to confirm the contract's scope and the direct award rules.",
      "June 2022",
      "RC",
      "",
      "Completed. Legal advice obtained on contract variations.",
      "Legal advice note and revised commissioning procedure.",
    ],
    [{ rule: "plan/missing-lead", col: LEAD_OFFICER, note: "Lead Officer blank" }],
  );
  pageBreak();

  // Aim 5 — technical knowledge.
  add(
    [
      "5.",
      "Build technical knowledge within the Council.",
      "Without an in-house technical team the Council relies on the Contractor to scrutinise its own performance.",
      "Recruit a permanent Quantity Surveyor to build estimating capacity.",
      "Oct 2022",
      "",
      "MA",
      "In progress. Interviews arranged for 24 October.",
      "",
    ],
    [{ rule: "plan/missing-lead", col: LEAD_DIRECTOR, note: "Lead Director blank" }],
  );
  add(
    [
      "",
      "",
      "",
      "Redesign the Highways, Environment and Waste service to separate commissioning from contract management.",
      "Sept 2022",
      "RC/AL",
      "MA",
      "Completed. New structure agreed; interims in place.",
      "New structure agreed. Recruitment in progress. Interims in place.",
    ],
    [{ rule: "plan/completed-not-evidenced", col: EVIDENCE, note: 'Evidence says "in progress"' }],
  );
  add(
    [
      "",
      "",
      "",
      "Agree and identify the key stakeholders for the Street Cleansing and Grounds Maintenance annexes.",
      "March 2022",
      "RC",
      "MA",
      "On hold – subject to budget.",
      "",
    ],
    [{ rule: "plan/unknown-status", col: STATUS, note: 'status "On hold"' }],
  );

  // Aim 6 — contract management framework.
  add([
    "6.",
    "Set up a contract management framework.",
    "Contract management guidance is not fully documented.",
    "Document the contract management framework in line with best practice.",
    "Sept 2022",
    "RC",
    "MA",
    "Completed. CMF review completed.",
    "Finalised assessment against the Council Contract Management Framework.",
  ]);
  add(
    [
      "",
      "",
      "",
      "Ensure the Contractor submits the Annual Plan and Forward Programme in time for review.",
      "Oct 2022",
      "RC",
      "MA",
      "On track. Draft 2023/24 Annual Plan due 31 October.",
      "",
    ],
    [],
    {
      rule: "plan/overdue",
      col: DATE,
      note: "Oct 2022 as a deadline means 31 October, after the as-at date",
    },
  );
  add(
    [
      "",
      "",
      "",
      "Review the terms of reference of the Strategic Partnering Board, Operations Board and cluster groups.",
      "June 2022",
      "RC",
      "MA",
      "Delayed – awaiting the Contractor's comments.",
      "",
    ],
    [{ rule: "plan/overdue", col: DATE, note: "June 2022 has passed and the action is delayed" }],
  );
  add([
    "",
    "",
    "",
    "Introduce a clerk of works to audit completed Drainage and Highways Maintenance jobs.",
    day(2022, 2, 28),
    "RC",
    "MA",
    "Completed. Clerk of Works engaged.",
    "Completed audits.",
  ]);
  pageBreak();

  // Aim 7 — delivery.
  add([
    "7.",
    "Ensuring Delivery.",
    "Resources must be in place to deliver the improvement plan.",
    "Identify the costs of a contract management system.",
    "Sept 2022",
    "RC/AL",
    "MA",
    "Completed.",
    "Proposal with costs for short-term system changes.",
  ]);
  add(
    [
      "",
      "",
      "",
      "Purchase separate asset management software.",
      "August 2022",
      "RC",
      "MA",
      "Superseded by joint access to the Contractor's system.",
      "",
    ],
    [],
    { rule: "plan/overdue", col: DATE, note: "superseded actions count as cancelled" },
  );
  add([
    "",
    "",
    "",
    "Report monthly on the improvement plan to the Major Contract Improvement Board.",
    "31/10/2022",
    "RC/AL",
    "MA",
    "Ongoing",
    "",
  ]);
  add([
    "",
    "",
    "",
    "Agree close-out plans for all remaining actions.",
    "Nov 2022",
    "RC/AL",
    "MA",
    "Not started",
    "",
  ]);

  return {
    name: NAME,
    rows,
    merges: [],
    widths: [6, 22, 40, 50, 14, 10, 10, 50, 50],
    headerRows,
    titleRows: [0],
    planted: plantedProblems,
    traps,
  };
}
