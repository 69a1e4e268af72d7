// Turns a Report into the JSON document SPEC "Command line" specifies, and nothing more.

import { columnLetter } from "../core/address/a1";
import type { Report } from "../core/model/report";
import type { MonthColumnsInfo } from "../core/model/sheet-info";
import type { Finding, Severity } from "../core/model/finding";
import type { DestinationId } from "../core/model/report";
import type { ProposalAction, Trend } from "../core/model/history";
import { listedOnce, type ListedOnce } from "./listed-once";

/** One sheet as the JSON output describes it. */
export interface JsonSheet {
  name: string;
  kind: string;
  /** 1-based header row, or null when the sheet holds no recognisable table. */
  headerRow: number | null;
  /** Field → column letters, e.g. { "id": "A" }. */
  columns: Record<string, string>;
  unmapped: string[];
  /** Letters of date columns read month first as a whole (only when there are some). */
  monthFirst?: string[];
  /** A register whose name says it holds closed risks or opportunities (only then): "closed-risks", "opportunities". */
  holds?: string;
  /**
   * Fields kept month by month, one column per month (only when there are some): each field's months, oldest
   * first, with their columns, e.g. { "update": { "Aug-22": "M", "Sep-22": "N" } }. `columns` names the
   * as-at month's column; each risk's value is read from its latest filled month.
   */
  byMonth?: Record<string, Record<string, string>>;
  /**
   * Formulas the file holds with no saved result (only when there are some), as A1 ranges: those worked out as
   * Excel would when it opens the file, and those that could not be, read as empty.
   */
  formulasWithoutResults?: { workedOut: string[]; notWorkedOut: string[] };
}

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  sheet: string;
  cell: string | null;
  row: number;
  recordId: string | null;
  message: string;
}

export interface JsonEscalation {
  /** The risk's id; null for a risk with none, as on its findings. */
  recordId: string | null;
  sheet: string;
  row: number;
  destinations: DestinationId[];
  reasons: string[];
  trend: Trend;
}

/** One risk's score and direction of travel. */
export interface JsonRisk {
  recordId: string | null;
  sheet: string;
  row: number;
  score: number | null;
  trend: Trend;
}

/** A proposal for the boards (SPEC "History, appetite and proposals"). */
export interface JsonProposal {
  recordId: string | null;
  sheet: string;
  row: number;
  action: ProposalAction;
  destination: string;
  reason: string;
}

/** The whole `--format json` document. */
export interface JsonReport {
  asAt: string;
  sheets: JsonSheet[];
  findings: JsonFinding[];
  escalations: JsonEscalation[];
  risks: JsonRisk[];
  proposals: JsonProposal[];
}

/** One finding as the JSON describes it. */
export function jsonFinding(f: Finding): JsonFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    recordId: f.recordId,
    message: f.message,
  };
}

/** One sheet as the JSON describes it. */
function jsonSheet(s: Report["sheets"][number]): JsonSheet {
  // Built on a null-prototype object so a field called "__proto__" could never reach a prototype.
  const columns: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const c of s.columns) if (c.field !== null) columns[c.field] = columnLetter(c.col);
  return {
    name: s.name,
    kind: s.kind,
    headerRow: s.headerRow === null ? null : s.headerRow + 1,
    columns: { ...columns },
    unmapped: [...s.unmapped],
    ...(s.monthFirstColumns?.length ? { monthFirst: [...s.monthFirstColumns] } : {}),
    ...(s.holds ? { holds: s.holds } : {}),
    ...(s.monthColumns?.length ? { byMonth: byMonthOf(s.monthColumns) } : {}),
    ...(s.formulasWithoutResults
      ? {
          formulasWithoutResults: {
            workedOut: [...s.formulasWithoutResults.workedOut],
            notWorkedOut: [...s.formulasWithoutResults.notWorkedOut],
          },
        }
      : {}),
  };
}

/** The fields a sheet keeps month by month: each field's columns, oldest month first, as "Sep-22": "N". */
function byMonthOf(kept: readonly MonthColumnsInfo[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = Object.create(null) as Record<
    string,
    Record<string, string>
  >;
  for (const m of kept) out[m.field] = Object.fromEntries(m.months.map((x) => [x.month, x.letter]));
  return { ...out };
}

/** One escalation: a risk on several registers once (see listedOnce), in SPEC's shape. */
function jsonEscalation(e: ListedOnce["escalations"][number]): JsonEscalation {
  return {
    recordId: e.recordId || null,
    sheet: e.sheet,
    row: e.row,
    destinations: [...e.destinations],
    reasons: [...e.reasons],
    trend: e.trend,
  };
}

function jsonRisk(r: ListedOnce["risks"][number]): JsonRisk {
  return { recordId: r.id || null, sheet: r.sheet, row: r.row, score: r.score, trend: r.trend };
}

function jsonProposal(p: Report["proposals"][number]): JsonProposal {
  return {
    recordId: p.recordId || null,
    sheet: p.sheet,
    row: p.row,
    action: p.action,
    destination: p.destination,
    reason: p.reason,
  };
}

/** Builds the JSON document (keys in SPEC's order, so the output reads like the spec's example). */
export function toJsonReport(report: Report): JsonReport {
  const once = listedOnce(report);
  return {
    asAt: report.asAt,
    sheets: report.sheets.map(jsonSheet),
    findings: report.findings.map(jsonFinding),
    escalations: once.escalations.map(jsonEscalation),
    risks: once.risks.map(jsonRisk),
    proposals: once.proposals.map(jsonProposal),
  };
}

/** Characters gathered before a piece is written. */
const PIECE_CHARS = 1 << 16;

/**
 * Writes the JSON text — exactly what `JSON.stringify(toJsonReport(report), null, 2)` gives, plus a newline —
 * in pieces of about 64k characters, each item made as it is written, so a 100k-risk report is never one
 * string (or one document of objects) in memory.
 */
export function writeJson(report: Report, write: (text: string) => void): void {
  const once = listedOnce(report);
  write(`{\n  "asAt": ${JSON.stringify(report.asAt)},\n`);
  writeArray("sheets", report.sheets, jsonSheet, write, false);
  writeArray("findings", report.findings, jsonFinding, write, false);
  writeArray("escalations", once.escalations, jsonEscalation, write, false);
  writeArray("risks", once.risks, jsonRisk, write, false);
  writeArray("proposals", once.proposals, jsonProposal, write, true);
  write("}\n");
}

/** Items made and written at a time: few enough that a 100k-risk report is never held as objects at once. */
const CHUNK_ITEMS = 128;
/** What JSON.stringify writes around a chunk wrapped as `{ "x": [ … ] }`: the items inside sit at an array's indent. */
const CHUNK_HEAD = '{\n  "x": [\n';
const CHUNK_TAIL = "\n  ]\n}";

/**
 * One top-level array, two-space indented as JSON.stringify indents it. Items are made a chunk at a time
 * and the chunk is stringified whole, wrapped in an object so its items get the indent they have in the
 * document (one native call per chunk, not one per item with its lines re-indented).
 */
function writeArray<T, J>(
  key: string,
  items: readonly T[],
  toJson: (item: T) => J,
  write: (text: string) => void,
  last: boolean,
): void {
  const end = last ? "\n" : ",\n";
  if (items.length === 0) {
    write(`  ${JSON.stringify(key)}: []${end}`);
    return;
  }
  let piece = `  ${JSON.stringify(key)}: [\n`;
  for (let from = 0; from < items.length; from += CHUNK_ITEMS) {
    const chunk: J[] = [];
    for (let i = from; i < Math.min(from + CHUNK_ITEMS, items.length); i++) chunk.push(toJson(items[i]));
    const text = JSON.stringify({ x: chunk }, null, 2);
    const chunkText = text.slice(CHUNK_HEAD.length, text.length - CHUNK_TAIL.length);
    if (piece.length + chunkText.length > PIECE_CHARS) {
      write(piece);
      piece = "";
    }
    piece += chunkText + (from + CHUNK_ITEMS < items.length ? ",\n" : "\n");
  }
  write(`${piece}  ]${end}`);
}

/** The JSON text printed on stdout: two-space indented, ending in a newline. */
export function renderJson(report: Report): string {
  let out = "";
  writeJson(report, (text) => (out += text));
  return out;
}
