// The Risk Summary tab: counts by status, RAG, strategy and annex; a 5 × 5 heat map; stale risks; movement.

import type { Movement } from "../merge/movement";
import { OWNED_TAB_NAMES, OWNED_TAB_STYLE, type OwnedTab, type Rag } from "../model/owned-tab";
import type { RiskFacts } from "../model/risk-summary";
import type { RagBands, Settings } from "../model/settings";
import { dayFromIso, FACTOR_MAX, onScale, ragFromScore, ukDateOfIso } from "../parse";
import { monthIso, monthOf } from "../history/month";
import { dateCell, monthCell, TabBuilder, type TabHeading } from "./tab-builder";
import { NO_REGISTER } from "./escalation-tab";
import type { FileOwnSettings, RegisterPlace } from "./summary-types";

/** What the Risk Summary counts of each risk. */
type CountedRisk = Pick<
  RiskFacts,
  | "open"
  | "stale"
  | "rag"
  | "score"
  | "strategy"
  | "annex"
  | "likelihood"
  | "impact"
  | "id"
  | "row"
  | "scoreWorkedOut"
  | "mergedInto"
  | "sheet"
  | "trend"
  | "months"
  | "monthRags"
  | "opportunity"
> & { file?: string; alsoOnSheets?: string[]; alsoIn?: readonly RegisterPlace[] };

function countBy(risks: CountedRisk[], key: (r: CountedRisk) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const r of risks) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()];
}

const RAG_ORDER: [Rag | null, string][] = [
  ["red", "Red"],
  ["amber", "Amber"],
  ["green", "Green"],
  [null, "No score"],
];

/**
 * Whether the writer adds a native chart of the monthly RAG table (the task pane does; the command
 * line's --out does not, and the tab says so).
 */
export type ChartNote = "native" | "none";

const TREND_ROWS: [RiskFacts["trend"], string][] = [
  ["up", "↑ Score up"],
  ["down", "↓ Score down"],
  ["same", "→ No change"],
  ["new", "New this month"],
  [null, "No direction (not dated, or no score to compare)"],
];

/** Says which open risks' scores were worked out as likelihood × impact (their register gives no score). */
export function workedOutNote(risks: readonly (Pick<RiskFacts, "id" | "row"> & { file?: string })[]): string {
  const n = risks.length;
  return (
    `${n} open ${n === 1 ? "risk's score was" : "risks' scores were"} worked out as likelihood × impact ` +
    `(no score in the register): ${namedList(risks.map(idOrRow))}`
  );
}

/** Why a risk cannot stand in the 5 × 5 heat map ("impact 6 is not 1–5", "no likelihood"), or null when it can. */
export function heatMapProblem(risk: Pick<RiskFacts, "likelihood" | "impact">): string | null {
  const problems = (
    [
      ["likelihood", risk.likelihood],
      ["impact", risk.impact],
    ] as const
  ).flatMap(([name, value]) =>
    value === null ? [`no ${name}`] : onScale(value, FACTOR_MAX) ? [] : [`${name} ${value} is not 1–5`],
  );
  return problems.length === 0 ? null : problems.join("; ");
}

/** The "Open risks by RAG" row counting the open opportunities, which are not rated among the threats. */
const OPPORTUNITIES_APART = "Opportunities (upside, counted apart from the threats' RAG)";

/** Why an opportunity is listed under the heat map rather than placed in it. */
const NOT_A_THREAT = "an opportunity: its score is upside, not placed among the threats";

/** How many ids a count names before saying how many more (a cell holds 32,767 characters). */
const IDS_NAMED = 100;

/**
 * A list for the cell beside a count: the first hundred names and how many more (`where` says where the
 * rest are), so no cell passes the 32,767 characters one holds.
 */
function namedList(names: readonly string[], separator = ", ", where = ""): string {
  const shown = names.slice(0, IDS_NAMED);
  const more = names.length - shown.length;
  return `${shown.join(separator)}${more > 0 ? ` and ${more.toLocaleString("en-GB")} more${where}` : ""}`;
}

/**
 * How the tab names a risk: its id, else its row; in a roll-up, with its file ("1 (people.xlsx)"), as
 * directorate files that number their own risks 1, 2, 3 … each have a risk 1.
 */
const idOrRow = (r: Pick<RiskFacts, "id" | "row"> & { file?: string }): string => {
  const name = r.id || `row ${r.row}`;
  return r.file ? `${name} (${r.file})` : name;
};

/** The ids of the risks a count is of, for the cell beside it: none for none, the first hundred and how many more. */
function idsOf(risks: readonly CountedRisk[]): string[] {
  return risks.length === 0 ? [] : [namedList(risks.map(idOrRow), ", ", " (see the Exceptions tab)")];
}

/**
 * A risk counted once though it stands on several registers, named with them: "HRC-001 (Corporate Register,
 * Directorate Register)"; in a roll-up, where other files hold it too, each register with its file.
 */
function sharedRiskName(r: CountedRisk): string {
  const sheets = [r.sheet, ...(r.alsoOnSheets ?? [])];
  if (!r.alsoIn?.length) return `${r.id} (${sheets.join(", ")})`;
  const places = [...sheets.map((sheet) => ({ file: r.file ?? "", sheet })), ...r.alsoIn];
  return `${r.id} (${places.map((p) => `${p.sheet} in ${p.file}`).join(", ")})`;
}

/** The colour of the heat map's cell for likelihood `l` and impact `i`: the risk matrix's, else the RAG bands'. */
function heatMapRag(l: number, i: number, ragMatrix: (Rag | null)[][] | undefined, bands: RagBands): Rag {
  return ragMatrix?.[l - 1]?.[i - 1] ?? ragFromScore(l * i, bands);
}

/** The files of a roll-up whose own bands or risk matrix colour some heat-map cell otherwise than `bands`. */
function filesRatedOtherwise(files: readonly FileOwnSettings[], bands: RagBands): string[] {
  const cells = [1, 2, 3, 4, 5].flatMap((l) => [1, 2, 3, 4, 5].map((i) => [l, i] as const));
  return files
    .filter((f) =>
      cells.some(
        ([l, i]) => heatMapRag(l, i, f.ragMatrix, f.ragBands ?? bands) !== heatMapRag(l, i, undefined, bands),
      ),
    )
    .map((f) => f.file);
}

/** The Risk Summary tab over `report.risks` (a roll-up passes each risk once, however many files hold it). */
export function buildRiskSummaryTab(
  report: {
    risks: readonly CountedRisk[];
    ragMatrix?: (Rag | null)[][];
    noRegister?: true;
    files?: readonly FileOwnSettings[];
  },
  settings: Settings,
  heading: Omit<TabHeading, "title">,
  movement?: Movement,
  chart: ChartNote = "none",
): OwnedTab {
  const tab = new TabBuilder(
    OWNED_TAB_NAMES["risk-summary"],
    "risk-summary",
    { ...heading, title: "Risk Summary" },
    [28, 10, 10, 10, 10, 10, 10],
  );
  const all = report.risks;
  const open = all.filter((r) => r.open);
  if (report.noRegister) {
    tab.row([NO_REGISTER]);
    tab.blank();
  }

  tab.title("Risks by status").header(["Status", "Risks"]);
  tab.row(["Open", open.length]);
  tab.row(["Closed", all.length - open.length]);
  // The audit's two headline failures, named as well as counted: a board acts on the risks, not the number.
  const stale = open.filter((r) => r.stale);
  tab.row(["Open and not updated this period", stale.length, ...idsOf(stale)]);
  const noStrategy = open.filter((r) => !r.strategy);
  tab.row(["Open with no strategy", noStrategy.length, ...idsOf(noStrategy)]);
  const shared = open.filter((r) => (r.alsoOnSheets?.length ?? 0) + (r.alsoIn?.length ?? 0) > 0);
  if (shared.length > 0)
    tab.row([
      "Open risks on more than one register, counted once",
      shared.length,
      namedList(shared.map(sharedRiskName), "; "),
    ]);
  const merged = all.filter((r) => r.mergedInto);
  if (merged.length > 0)
    tab.row([
      "Closed: merged into another risk",
      merged.length,
      namedList(merged.map((r) => `${r.id || "(no id)"} → ${r.mergedInto}`)),
    ]);
  tab.blank();

  // The threats are rated and placed; an opportunity's score is upside (a red one is no red risk), so it is
  // counted apart, by name, and every count still adds up to the open risks.
  const threats = open.filter((r) => !r.opportunity);
  const opportunities = open.filter((r) => r.opportunity);
  tab.title("Open risks by RAG").header(["RAG", "Risks"]);
  for (const [rag, label] of RAG_ORDER)
    tab.rag(tab.row([label, threats.filter((r) => r.rag === rag).length]), 0, rag);
  if (opportunities.length > 0)
    tab.row([OPPORTUNITIES_APART, opportunities.length, namedList(opportunities.map(idOrRow))]);
  // Every count adds up: each open threat with no RAG is listed under the table, with the reason.
  const unrated = threats.filter((r) => r.rag === null);
  if (unrated.length > 0) {
    tab.row([
      `Open risks rated: ${threats.length - unrated.length} of ${threats.length}; not rated: ${unrated.length}`,
    ]);
    for (const r of unrated)
      tab.row([idOrRow(r), r.score === null ? "no score and no RAG" : `score ${r.score} is not 1–25`]);
  }
  tab.blank();

  tab.title("Open risks by strategy").header(["Strategy", "Risks"]);
  const strategies = countBy(open, (r) => r.strategy || "(none)").sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
  for (const [s, n] of strategies) tab.row([s, n]);
  if (strategies.length === 0) tab.row(["None", 0]);
  tab.blank();

  tab.title("Open risks by annex").header(["Annex", "Risks"]);
  const annexes = countBy(open, (r) => r.annex || "(not given)").sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [a, n] of annexes) tab.row([a, n]);
  if (annexes.length === 0) tab.row(["None", 0]);
  tab.blank();

  const heatMapRow = tab.rows.length;
  tab.title("Heat map of open risks (likelihood × impact)");
  tab.header(["Likelihood \\ Impact", "1", "2", "3", "4", "5"]);
  for (let l = 5; l >= 1; l--) {
    const cells = [1, 2, 3, 4, 5].map(
      (i) => threats.filter((r) => r.likelihood === l && r.impact === i).length,
    );
    const r = tab.row([String(l), ...cells]);
    // Coloured as the workbook rates each cell: its own risk matrix where it has one, else the RAG bands.
    for (let i = 1; i <= 5; i++) tab.rag(r, i, heatMapRag(l, i, report.ragMatrix, settings.rag));
  }
  // Every count adds up: each open risk the grid does not hold is listed under it, with the reason.
  const outside = open.flatMap((r) => {
    const why = r.opportunity ? NOT_A_THREAT : heatMapProblem(r);
    return why === null ? [] : [{ r, why }];
  });
  tab.row([
    outside.length === 0
      ? `Open risks in the heat map: all ${open.length}`
      : `Open risks in the heat map: ${open.length - outside.length} of ${open.length}; not in it: ${outside.length}`,
  ]);
  for (const { r, why } of outside) tab.row([idOrRow(r), why]);
  const workedOut = open.filter((r) => r.scoreWorkedOut);
  if (workedOut.length > 0) tab.row([workedOutNote(workedOut)]);
  if (report.files) ratedOtherwiseNote(tab, report.files, settings.rag);
  tab.blank();

  tab.title("Direction of travel of open risks (score against last month)");
  tab.header(["Direction", "Risks", "Ids"]);
  for (const [trend, label] of TREND_ROWS) {
    const ids = open.filter((r) => r.trend === trend).map(idOrRow);
    tab.row([label, ids.length, trend === "same" || trend === null ? "" : namedList(ids)]);
  }
  tab.blank();

  monthlyRag(tab, threats, heading.asAt, chart, heatMapRow, opportunities.length > 0);

  if (!movement && report.files?.some((f) => f.lastImport)) importsInFiles(tab, report.files);
  else movementSinceImport(tab, movement);
  return tab.build();
}

/** The movement an import recorded (new, closed, score up or down, strategy changed), or that none was. */
function movementSinceImport(tab: TabBuilder, movement: Movement | undefined): void {
  tab.title(
    movement
      ? `Movement since the import of ${ukDateOfIso(movement.since)}`
      : "Movement since the last import",
  );
  tab.header(["Change", "Risks", "Ids"]);
  if (!movement) tab.row(["No import recorded yet"]);
  else
    for (const [label, ids] of [
      ["New", movement.newRisks],
      ["Closed", movement.closed],
      ["Score up", movement.scoreUp],
      ["Score down", movement.scoreDown],
      ["Strategy changed", movement.strategyChanged],
    ] as const)
      tab.row([label, ids.length, namedList(ids)]);
}

/**
 * A roll-up's movement section: movement since an import stays in each file's own review (README "Which
 * settings the roll-up uses"), so it names the files that recorded one and the day of each one's last.
 */
function importsInFiles(tab: TabBuilder, files: readonly FileOwnSettings[]): void {
  tab.title("Movement since the last import");
  tab.row([
    "Movement since an import is in each file's own review (check FILE --out); these files recorded one:",
  ]);
  tab.header(["File", "Last import"]);
  for (const f of files) if (f.lastImport) tab.row([f.file, dateCell(f.lastImport)]);
}

/**
 * Under a roll-up's heat map: it is coloured by the roll-up's (default) RAG bands, as no file's Settings
 * speaks for the others, naming the files whose own bands or risk matrix rate some of its cells otherwise
 * (their risks' RAG, counted above, is their own). Nothing when every file rates as the heat map does.
 */
function ratedOtherwiseNote(tab: TabBuilder, files: readonly FileOwnSettings[], bands: RagBands): void {
  const otherwise = filesRatedOtherwise(files, bands);
  if (otherwise.length === 0) return;
  tab.row([
    `The heat map is coloured by the default RAG bands (green up to ${bands.greenMax}, amber up to ` +
      `${bands.amberMax}): no file's Settings speaks for the others. These files rate scores by their own ` +
      `bands or risk matrix, as their risks' RAG counted above does: ${namedList(otherwise)}`,
  ]);
}

/** The chart's name in Excel, by which a rewrite of the tab replaces it. */
export const RAG_CHART_NAME = "Open risks by RAG (Contract Risk Review)";

/** Cells the chart covers beside the heat map: about 400 × 300 points at Excel's default sizes. */
const CHART_ROWS = 20;
const CHART_COLS = 8;

/**
 * Open risks by RAG at the end of each of the last twelve months (the chart's data), and what the chart
 * is. `open` is the open threats: the opportunities are counted apart, as in "Open risks by RAG" (the
 * title says so where there are some: `opportunitiesApart`). With `chart` "native" (and months to draw), the tab asks for a stacked column chart of the table
 * beside the heat map (row `besideRow`): one column per month, its height the open risks counted, its
 * segments red, amber and green — the total and the mix read from one column, which a line chart of
 * three series does not show.
 */
function monthlyRag(
  tab: TabBuilder,
  open: readonly CountedRisk[],
  asAtIso: string,
  chart: ChartNote,
  besideRow: number,
  opportunitiesApart: boolean,
): void {
  const asAt = dayFromIso(asAtIso);
  tab.title(
    `Open risks by RAG, month by month (risks open now, by their score at each month's end${opportunitiesApart ? "; opportunities apart" : ""})`,
  );
  const headerRow = tab.rows.length;
  tab.header(["Month", "Red", "Amber", "Green"]);
  const months = open.reduce((n, r) => Math.max(n, r.months.length), 0);
  for (let i = 0; i < months; i++) {
    const counts = { red: 0, amber: 0, green: 0 };
    for (const r of open) {
      // Risks not yet seen that month, or without a score, have no RAG to count.
      const rag = r.monthRags[r.monthRags.length - months + i];
      if (rag) counts[rag]++;
    }
    // A real Excel date (the month's first day) shown "Sep 2022": SPEC "Owned tabs", dates never as text.
    const month =
      asAt === null ? `month ${i + 1}` : monthCell(`${monthIso(monthOf(asAt) - months + 1 + i)}-01`);
    const row = tab.row([month, counts.red, counts.amber, counts.green]);
    tab.rag(row, 1, "red").rag(row, 2, "amber").rag(row, 3, "green");
  }
  const drawn = chart === "native" && months > 0;
  const noteRow = tab.row([
    drawn
      ? "The chart beside the heat map draws this table."
      : chart === "native"
        ? "No chart on this tab: no open risk has a score to count yet."
        : "No chart on this tab: the command line (--out) leaves the chart out; the task pane's Summaries view draws it from this table.",
  ]);
  if (drawn) {
    const colours = OWNED_TAB_STYLE.chartRag;
    tab.chartBeside(besideRow, CHART_ROWS, CHART_COLS, {
      name: RAG_CHART_NAME,
      type: "ColumnStacked",
      title: "Open risks by RAG, month by month",
      categoryAxisTitle: "Month (score at its end)",
      valueAxisTitle: "Open risks",
      source: { row: headerRow, col: 0, rows: months + 1, cols: 4 },
      series: [
        { name: "Red", color: colours.red },
        { name: "Amber", color: colours.amber },
        { name: "Green", color: colours.green },
      ],
      noteRow,
      noChartNote: "No chart on this tab: Excel did not draw it here; this table holds its figures.",
    });
  }
  tab.blank();
}
