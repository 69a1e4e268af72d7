// Reader review E: three register layouts the project had not seen, built as councils and contractors lay
// them out, checked in-process as at 10 October 2022. Each test fails on the code as it stands; its
// comment quotes the SPEC line it relies on.
//
// A: a contractor's IRIS-style export: two-row header (Inherent / Residual / Target over L, I, Score),
//    category section rows, count / totals rows, comments written as dated lines "12/09/22 JS: …".
// B: a council directorate register in landscape print layout: title and "Directorate: …" rows, a scoring
//    key to the right, wrapped header text, a Current Risk / Target Risk group row, RAG as fill only or as
//    R / A / G, owners as "Name (Job title)", Next review as "Monthly" or "Q3".
// C: a CSV exported from a SharePoint list: ISO datetimes, choice columns "2 - Unlikely", people fields
//    "Smith, J;#12;#Jones, K", yes/no as 1/0, rich-text (HTML) multi-line columns.

import ExcelJS from "exceljs";
import { checkWorkbook } from "../../../src/core/check";
import type { Report } from "../../../src/core/model/report";
import { defaultSettings } from "../../../src/core/model/settings";
import { readWorkbookFile } from "../../../src/files/read-workbook-file";
import { isoFromDay, parseDate } from "../../../src/core/parse";

const AS_AT = "2022-10-10";
type V = string | number | Date | null;
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

async function checkBytes(bytes: Uint8Array, name: string): Promise<Report> {
  const grids = await readWorkbookFile(bytes, name);
  return checkWorkbook(grids, { settings: defaultSettings(), asAt: AS_AT, today: AS_AT, source: name });
}

function put(ws: ExcelJS.Worksheet, r: number, row: V[]): void {
  row.forEach((v, c) => {
    if (v === null) return;
    const cell = ws.getCell(r, c + 1);
    cell.value = v;
    if (v instanceof Date) cell.numFmt = "dd/mm/yyyy";
  });
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const riskIds = (report: Report): string[] => report.records.risks.map((r) => r.fields.id?.text ?? "");
/** Findings as "rule cell", for the rows given (1-based). */
const findingsOnRows = (report: Report, rows: number[]): string[] =>
  report.findings.filter((f) => rows.includes(f.row)).map((f) => `${f.ruleId} ${f.cell}`);

// ---------------------------------------------------------------------------------------------------
// A: the IRIS-style export. Title rows 1–2; group row 4 (Inherent D:F, Residual G:I, Target J:L, the other
// headers merged down over rows 4–5); headers row 5; data from row 6. No date column: the Comments carry
// dated lines. Each risk breaks no rule as at 10/10/2022 unless its comment says otherwise.

const IRIS_WIDTH = 16;
/** A Risk Ref, B Risk Title, C Risk Owner, D–F inherent, G–I residual, J–L target, M 4T, N Mitigation, O Comments, P Status. */
const irisRisk = (id: string, title: string, comment = "28/09/22 JS: reviewed at RMB, no change"): V[] => [
  id,
  title,
  "J Smith",
  4,
  4,
  16,
  2,
  3,
  6,
  1,
  2,
  2,
  "Treat",
  "Forward buying; credit checks",
  comment,
  "Open",
];

async function irisExport(rows: V[][], merges: [number, number, number, number][] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Risk Register Export");
  put(ws, 1, ["Highways Term Maintenance Contract – Risk Register"]);
  put(ws, 2, ["Report run: 10/10/2022 08:42 by IRIS"]);
  ["Risk Ref", "Risk Title", "Risk Owner"].forEach((h, i) => {
    ws.getCell(4, i + 1).value = h;
    ws.mergeCells(4, i + 1, 5, i + 1);
  });
  (["Inherent", "Residual", "Target"] as const).forEach((g, k) => {
    const c = 4 + 3 * k;
    ws.getCell(4, c).value = g;
    ws.mergeCells(4, c, 4, c + 2);
    ["L", "I", "Score"].forEach((h, i) => (ws.getCell(5, c + i).value = h));
  });
  ["4T", "Mitigation", "Comments", "Status"].forEach((h, i) => {
    ws.getCell(4, 13 + i).value = h;
    ws.mergeCells(4, 13 + i, 5, 13 + i);
  });
  rows.forEach((r, i) => put(ws, 6 + i, r));
  for (const m of merges) ws.mergeCells(...m);
  return bytesOf(wb);
}

describe("A: a contractor's IRIS-style export (two-row header, category sections, dated comments)", () => {
  // SPEC "Real registers": "Totals rows: the totals row of an Excel table, and a row whose first filled
  // cell is Total, Totals, Count, Average or Sum, are not records."
  // Row 12 holds one cell, A12 "Count: 4" (IRIS writes the count into the label cell). It is read as a risk
  // with id "Count: 4" and gets missing-strategy, stale-update, missing-owner and no-action findings. It
  // is also one text alone in the first column, so SPEC's section-row rule would not take it for a risk
  // either. (Fault: src/core/read/table-structure.ts: TOTALS_WORD wants the word alone, and
  // sectionHeading gives up because looksLikeId("Count: 4") is true.)
  it("a 'Count: 4' row under the table is not a risk", async () => {
    const report = await checkBytes(
      await irisExport([
        ["Category: Financial"],
        irisRisk("KH-001", "Inflation on bitumen and fuel"),
        irisRisk("KH-002", "Subcontractor insolvency (surfacing)"),
        ["Category: Operational"],
        irisRisk("KH-003", "Gritter fleet availability"),
        irisRisk("KH-004", "Street lighting column failures"),
        ["Count: 4"],
      ]),
      "iris.xlsx",
    );
    expect(riskIds(report)).toEqual(["KH-001", "KH-002", "KH-003", "KH-004"]);
    expect(findingsOnRows(report, [12])).toEqual([]);
  });

  // SPEC "Real registers": "a row whose first filled cell is Total, Totals, Count, Average or Sum, are not
  // records." A8 "Total risks" (the residual scores' sum, 12, in I8) and A9 "Average score" (6 in I9) are
  // such rows to any officer. The code reads both as risks, each with missing-strategy, stale-update,
  // missing-owner and no-action errors, and routes "Total risks" (score 12) to the directorate register. (Fault:
  // src/core/read/table-structure.ts TOTALS_WORD: ^(total|…)\s*:?$ accepts the word alone only.)
  it("'Total risks' and 'Average score' rows are not risks, and nothing is escalated for them", async () => {
    const report = await checkBytes(
      await irisExport([
        irisRisk("KH-001", "Inflation on bitumen and fuel"),
        irisRisk("KH-002", "Subcontractor insolvency (surfacing)"),
        ["Total risks", null, null, null, null, null, null, null, 12],
        ["Average score", null, null, null, null, null, null, null, 6],
      ]),
      "iris.xlsx",
    );
    expect(riskIds(report)).toEqual(["KH-001", "KH-002"]);
    expect(findingsOnRows(report, [8, 9])).toEqual([]);
    expect(report.escalations.map((e) => e.recordId)).toEqual([]);
  });

  // The totals label is held to a totals row: a risk whose title starts with "Total" (its id left blank,
  // its owner and status beside it) or whose id starts "Count-" stays a risk; "Sum of scores" with its
  // figures is a totals row.
  it("a risk titled 'Total …' or with an id 'Count-…' is a risk; 'Sum of scores' is not", async () => {
    const report = await checkBytes(
      await irisExport([
        irisRisk("KH-001", "Inflation on bitumen and fuel"),
        irisRisk("", "Total failure of gritter fleet"),
        irisRisk("Count-3", "Traffic count contract lapses"),
        ["Sum of scores", null, null, null, null, 16, null, null, "6", null, null, 2],
      ]),
      "iris.xlsx",
    );
    expect(report.records.risks.map((r) => r.fields.title?.text)).toEqual([
      "Inflation on bitumen and fuel",
      "Total failure of gritter fleet",
      "Traffic count contract lapses",
    ]);
    expect(findingsOnRows(report, [9])).toEqual([]);
  });

  // SPEC "Real registers": "Section rows: a row inside the table that holds one text only (in the first
  // filled column …), with no owner, score, status or date, is a heading such as "Financial and commercial
  // risks". It is not a risk; its text becomes the `section` of the rows below it".
  // A6 "1. Financial", A8 "2. Operational" and A10 "Legal (1)" are numbered / counted category headings,
  // one text alone in column A. All three are read as risks with those ids, each with
  // missing-strategy, stale-update, missing-owner and no-action errors, and the risks below get no section.
  // (Fault: src/core/read/table-structure.ts looksLikeId: any text of ≤ 2 words with a digit is an id.)
  it("numbered or counted category headings in column A are headings, not risks", async () => {
    const report = await checkBytes(
      await irisExport([
        ["1. Financial"],
        irisRisk("KH-001", "Inflation on bitumen and fuel"),
        ["2. Operational"],
        irisRisk("KH-003", "Gritter fleet availability"),
        ["Legal (1)"],
        irisRisk("KH-005", "Challenge to procurement of lighting works"),
      ]),
      "iris.xlsx",
    );
    expect(report.records.risks.map((r) => [r.fields.id?.text, r.section])).toEqual([
      ["KH-001", "1. Financial"],
      ["KH-003", "2. Operational"],
      ["KH-005", "Legal (1)"],
    ]);
    expect(findingsOnRows(report, [6, 8, 10])).toEqual([]);
  });

  // SPEC "Real registers": a section row is one text "in a merged area spanning most of the table's width
  // … It is not a risk … The merged-cell rule does not apply to it."
  // A6:P6 is merged and holds "Financial (2)" (the category and its count, as grouped exports write it).
  // The code reads it as a risk with the merged value in every field: owner "Financial (2)", strategy
  // "Financial (2)" (unknown-strategy), likelihood, impact and score all 2 read from "(2)"
  // (score-mismatch "score 2 is not 2 × 2 = 4"). (Fault: table-structure.ts sectionHeading rejects it by
  // looksLikeId before looking at the merged area, then read-table fills the merge into every column.)
  it("a category heading merged across the table, with its count, is a heading, not a risk", async () => {
    const report = await checkBytes(
      await irisExport(
        [
          ["Financial (2)"],
          irisRisk("KH-001", "Inflation on bitumen and fuel"),
          irisRisk("KH-002", "Subcontractor insolvency (surfacing)"),
        ],
        [[6, 1, 6, IRIS_WIDTH]],
      ),
      "iris.xlsx",
    );
    expect(riskIds(report)).toEqual(["KH-001", "KH-002"]);
    expect(findingsOnRows(report, [6])).toEqual([]);
    expect(report.records.risks.map((r) => r.section)).toEqual(["Financial (2)", "Financial (2)"]);
  });

  // SPEC "Real registers": "Dated lines in the update text: an update cell holding a history ("12/09/22 –
  // reviewed at RMB", one entry a line, newest first or last) has, as its update date, the newest date that
  // starts a line". The Comments of KH-001 are IRIS's audit lines, each starting with its timestamp in
  // brackets: "[03/10/2022 09:14] J Smith: …" newest first. The register has no date column, so these are
  // its only update dates; the code finds none (its line-start pattern allows a bullet or dash, not "["),
  // and reports stale-update "has no recorded update" on a risk reviewed a week ago.
  // (Fault: src/core/parse/dated-lines.ts LEADING.)
  it("comment lines that start with a bracketed timestamp are dated lines", async () => {
    const report = await checkBytes(
      await irisExport([
        irisRisk(
          "KH-001",
          "Inflation on bitumen and fuel",
          "[03/10/2022 09:14] J Smith: reviewed at RMB, no change\n[12/08/2022 15:02] J Smith: bitumen index up 4%",
        ),
      ]),
      "iris.xlsx",
    );
    expect(report.risks[0].latestUpdate).toBe("2022-10-03");
    expect(report.findings.filter((f) => f.ruleId === "risk/stale-update").map((f) => f.cell)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// B: the directorate register in landscape print layout. Rows 1–4 title and "Directorate: …" block,
// row 5 a group row (Current Risk over D:F, Target Risk over G:I; other headers merged down over rows 5–6),
// row 6 headers written with line breaks inside the cells, data from row 7, a scoring key in P:Q.

const RED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };

async function directorate(
  opts: { ownerHeader?: string; strategyHeader?: string; pl03Rag?: string } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Place Directorate");
  ws.pageSetup.orientation = "landscape";
  put(ws, 1, ["Place Directorate Risk Register 2022/23 – OFFICIAL"]);
  ws.mergeCells(1, 1, 1, 14);
  put(ws, 2, ["Directorate:", "Place"]);
  put(ws, 3, ["Register owner:", "Ann Lee (Director of Place)"]);
  const single: [number, string][] = [
    [1, "Risk\nRef"],
    [2, "Risk\nDescription"],
    [3, opts.ownerHeader ?? "Risk\nOwner"],
    [10, "RAG"],
    [11, opts.strategyHeader ?? "Treatment"],
    [12, "Further actions\nrequired"],
    [13, "Date last\nreviewed"],
    [14, "Next\nreview"],
  ];
  for (const [c, h] of single) {
    ws.getCell(5, c).value = h;
    ws.mergeCells(5, c, 6, c);
  }
  ws.getCell(5, 4).value = "Current Risk";
  ws.mergeCells(5, 4, 5, 6);
  ws.getCell(5, 7).value = "Target Risk";
  ws.mergeCells(5, 7, 5, 9);
  put(ws, 6, [null, null, null, "Likelihood", "Impact", "Rating", "Likelihood", "Impact", "Rating"]);
  // Scoring key beside the title block and the first risks, after a blank column O.
  (
    [
      [3, "KEY", "Rating"],
      [4, "15 - 25", "Red"],
      [5, "5 - 12", "Amber"],
      [6, "1 - 4", "Green"],
    ] as const
  ).forEach(([r, a, b]) => put(ws, r, [...Array(15).fill(null), a, b]));
  const rows: V[][] = [
    [
      "PL01",
      "Planning appeal costs awarded against the council",
      "Ann Lee (Director of Place)",
      3,
      5,
      15,
      2,
      3,
      6,
      null,
      "Treat",
      "Legal review of refusals",
      utc(2022, 9, 26),
      "Monthly",
    ],
    [
      "PL02",
      "Car park income shortfall",
      "Tom Ward (Parking Manager)",
      2,
      4,
      8,
      2,
      2,
      4,
      "A",
      "Tolerate",
      "Tariff review",
      utc(2022, 9, 27),
      "Q3",
    ],
    [
      "PL03",
      "Waste contract mobilisation slips",
      "Tom Ward (Parking Manager)",
      2,
      2,
      4,
      1,
      2,
      2,
      opts.pl03Rag ?? "G",
      "Treat",
      "Mobilisation board",
      utc(2022, 9, 28),
      "Quarterly",
    ],
  ];
  rows.forEach((r, i) => put(ws, 7 + i, r));
  ws.getCell("J7").fill = RED_FILL; // PL01's RAG: colour only, red, as its score 15 is
  return bytesOf(wb);
}

const columnOf = (report: Report, field: string): number | undefined =>
  report.sheets[0].columns.find((c) => c.field === field)?.col;

describe("B: a directorate register in landscape print layout", () => {
  // SPEC "Fields": "Headers are matched on their words, ignoring case, punctuation, underscores and word
  // order. The most specific match wins"; register owner: "Risk Owner, Owner, Responsible Officer".
  // C5 reads "Risk Owner\n(Name & Job Title)", as councils' templates ask for owners "Name (Job title)".
  // The code maps it to **title** (because of "Title" in "Job Title"), so the register has no owner
  // column: sheet/missing-column for owner (an error), every risk's title becomes its owner's name and
  // missing-owner can never fire. (Fault: src/core/read/map-headers.ts / field-patterns.ts scoring.)
  it("'Risk Owner (Name & Job Title)' is the owner column, not the title", async () => {
    const report = await checkBytes(
      await directorate({ ownerHeader: "Risk Owner\n(Name & Job Title)" }),
      "dir.xlsx",
    );
    expect(columnOf(report, "owner")).toBe(2);
    expect(report.risks.map((r) => r.owner)).toEqual([
      "Ann Lee (Director of Place)",
      "Tom Ward (Parking Manager)",
      "Tom Ward (Parking Manager)",
    ]);
    expect(report.findings.filter((f) => f.ruleId === "sheet/missing-column")).toEqual([]);
  });

  // SPEC "Fields": strategy: "Strategy, Response, Risk Response Strategy, Treatment, Risk Treatment
  // Approach, 4T" (examples, not a closed list). K5 spells the 4T out, "Treat /\nTolerate /\nTransfer /
  // \nTerminate", as many council templates do. The code leaves it unmapped, so every risk gets
  // risk/missing-strategy "the sheet has no strategy column" (an error) and sheet/missing-column for
  // strategy, though each row says Treat or Tolerate. (Fault: src/core/read/field-patterns.ts.)
  it("a header naming the four Ts is the strategy column", async () => {
    const report = await checkBytes(
      await directorate({ strategyHeader: "Treat /\nTolerate /\nTransfer /\nTerminate" }),
      "dir.xlsx",
    );
    expect(columnOf(report, "strategy")).toBe(10);
    expect(report.risks.map((r) => r.strategy)).toEqual(["Treat", "Tolerate", "Treat"]);
    expect(report.findings.filter((f) => /strategy|missing-column/.test(f.ruleId))).toEqual([]);
  });

  // SPEC "Reading sheets": "A group-header row directly above it (Inherent / Residual / Target spanning
  // several columns) qualifies the headers below"; "Fields": "inherent / gross / initial and target /
  // future ones are kept as separate fields", targetScore: "Target Score, Target Risk Score".
  // Under "Current Risk" the code takes F6 "Rating" for the score, but I6 "Rating" under "Target Risk"
  // is left unmapped (likewise "Rating" under "Inherent" in an IRIS layout), though targetLikelihood and
  // targetImpact beside it are mapped: the target score is lost, and risk/target-passed cannot use it.
  // (Fault: src/core/read/map-headers.ts, the group-qualified lookup for "Rating".)
  it("'Rating' under the Target Risk group is the target score", async () => {
    const report = await checkBytes(await directorate(), "dir.xlsx");
    expect([columnOf(report, "score"), columnOf(report, "targetScore")]).toEqual([5, 8]);
  });

  // SPEC "Fields": rag: "RAG, RAG Status, Risk Rating (a word, not a number)"; "Rules": risk/rag-mismatch
  // "a RAG word disagrees with the score's band"; "Real registers": colour-only RAG is read from "the RAG
  // column's fills".
  // J5:J6 is headed "RAG" (merged down beside the Current Risk / Target Risk groups). The code leaves it
  // unmapped (so too with "Score" instead of "Rating" under Target Risk; with one header row and no group
  // row the same "RAG" is mapped), so PL03 marked "Red" at J9 with score 2 × 2 = 4 (green) draws no
  // rag-mismatch, and the red fill of J7 and the letters A / G are never read.
  // (Fault: src/core/read/map-headers.ts: likely the "=rating" rag pattern lets the current "Rating"
  // column claim rag before it is taken for the score, leaving the RAG column without a field.)
  it("the RAG column beside Current Risk / Target Risk groups is read, and a wrong RAG word is reported", async () => {
    const report = await checkBytes(await directorate({ pl03Rag: "Red" }), "dir.xlsx");
    expect(columnOf(report, "rag")).toBe(9);
    expect(report.findings.filter((f) => f.ruleId === "risk/rag-mismatch").map((f) => f.cell)).toEqual([
      "J9",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// C: a SharePoint list exported to CSV.

const csvBytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("C: a SharePoint list exported to CSV", () => {
  // SPEC "Reading sheets": "HTML tags left in cells (`<p>`, `<ul …>`) are stripped from text"; "Real
  // registers": "Dated lines in the update text: an update cell holding a history (… one entry a line …) has,
  // as its update date, the newest date that starts a line … It counts as a lastUpdated date where the
  // register has no date column".
  // SharePoint's rich-text multi-line column exports each entry as a paragraph or a <br>-separated line:
  // risk 11 `<div class="ExternalClass…"><p>15/08/22 – raised at RMB</p><p>12/09/22 – reviewed, no
  // change</p></div>`, risk 12 `<div>01/10/22 – reviewed<br>15/08/22 – raised</div>`. The code finds no
  // date in either (it reads dated lines from the raw value: "<div…>" starts the only line), so both get
  // stale-update "has no recorded update". (Fault: src/core/rules/context.ts ~287 and
  // rules/risk-facts.ts ~97 call latestDatedLine on the raw value; src/core/parse/html.ts stripHtml turns
  // </p> and <br> into spaces, not line breaks.)
  it("rich-text (HTML) update cells keep their dated lines", async () => {
    const csv = [
      "ID,Title,Risk Owner,Likelihood,Impact,Risk Score,Response,Mitigating Actions,Progress,Next Review Date,Risk Status,Escalate",
      '11,Gully cleansing backlog,"Smith, J;#12;#Jones, K",3 - Possible,3 - Moderate,9,Treat,Extra tanker,"<div class=""ExternalClassA1B2""><p>15/08/22 – raised at RMB</p><p>12/09/22 – reviewed, no change</p></div>",2022-11-01T00:00:00Z,Open,0',
      '12,Bus lane enforcement appeals,"Patel, A;#15",2 - Unlikely,3 - Moderate,6,Treat,Signage review,"<div>01/10/22 – reviewed<br>15/08/22 – raised</div>",2022-11-01T00:00:00Z,Open,0',
    ].join("\r\n");
    const report = await checkBytes(csvBytes(csv), "Risk Register.csv");
    expect(report.risks.map((r) => [r.id, r.latestUpdate])).toEqual([
      ["11", "2022-09-12"],
      ["12", "2022-10-01"],
    ]);
    expect(report.findings.filter((f) => f.ruleId === "risk/stale-update")).toEqual([]);
  });
});

describe("C: SharePoint's date-only fields exported as UTC datetimes", () => {
  // SharePoint stores a date-only field as midnight UK time and exports it in UTC: 10 October 2022 (British
  // Summer Time) is written "2022-10-09T23:00:00Z". Read as the date before the "T", every such date is a
  // day early in summer. An ISO datetime with Z or an offset is read as its date in UK time
  // (Europe/London: BST from the last Sunday of March to the last Sunday of October, 01:00 UTC).
  it("an ISO datetime in UTC is read as its UK date", async () => {
    const csv = [
      "ID,Title,Risk Owner,Likelihood,Impact,Risk Score,Response,Mitigating Actions,Last Reviewed,Next Review Date,Risk Status",
      '21,Gully cleansing backlog,"Smith, J",3,3,9,Treat,Extra tanker,2022-10-09T23:00:00Z,2022-11-01T00:00:00Z,Open',
      '22,Bus lane enforcement appeals,"Patel, A",2,3,6,Treat,Signage review,2022-02-09T23:00:00Z,2022-02-28T23:30:00-01:00,Open',
    ].join("\r\n");
    const report = await checkBytes(csvBytes(csv), "Risk Register.csv");
    expect(report.risks.map((r) => [r.id, r.latestUpdate])).toEqual([
      ["21", "2022-10-10"],
      ["22", "2022-02-09"],
    ]);
  });

  it("British Summer Time starts and ends at 01:00 UTC on the last Sundays of March and October", () => {
    const day = (text: string) => {
      const d = parseDate(text, null, "lastUpdated");
      return d.ok ? isoFromDay(d.value) : d.reason;
    };
    // 2022: BST from 27 March 01:00 UTC to 30 October 01:00 UTC.
    expect(day("2022-03-26T23:30:00Z")).toBe("2022-03-26");
    expect(day("2022-03-27T00:59:59Z")).toBe("2022-03-27");
    expect(day("2022-03-27T23:30:00Z")).toBe("2022-03-28");
    expect(day("2022-10-29T23:30:00Z")).toBe("2022-10-30");
    expect(day("2022-10-30T23:30:00Z")).toBe("2022-10-30");
    expect(day("2023-03-25T23:00:00Z")).toBe("2023-03-25");
    expect(day("2023-03-26T23:00:00Z")).toBe("2023-03-27");
    expect(day("2022-12-31T23:59:00Z")).toBe("2022-12-31");
    // An offset is UTC written another way; a datetime with no zone is the wall clock as written.
    expect(day("2022-10-10T00:30:00+02:00")).toBe("2022-10-09");
    expect(day("2022-06-30T23:30:00-05:00")).toBe("2022-07-01");
    expect(day("2022-10-09T23:00:00")).toBe("2022-10-09");
    expect(day("2022-10-09")).toBe("2022-10-09");
  });
});
