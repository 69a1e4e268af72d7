// writeOwnedTabsWorkbook: values, formatting, links, panes, print setup, hidden settings; read back with exceljs.

import { Workbook as ExcelJsWorkbook, type Workbook, type Worksheet } from "exceljs";
import { unzipSync } from "fflate";
import { excelLinks } from "../helpers/excel-links";
import { emptyFormat, OWNED_MARKER, type OwnedTab } from "../../src/core/model/owned-tab";
import { readXlsx } from "../../src/files/read-xlsx";
import { writeOwnedTabsWorkbook, writeTab } from "../../src/files/write-owned-tabs";
import { loadWithExcelJs, saveTmp } from "./helpers";

/** Text an attacker (or a careless export) might put in a register, which must never become a formula. */
const RISKY_TEXT = [
  "_x000D_ literally",
  "=SUM(A1:A9)",
  "+44 20 7946 0000",
  "-5 days",
  "@owner",
  "\tindented",
  "\rcr",
  "\nlf",
  '=HYPERLINK("http://x","y")',
];

function escalationTab(): OwnedTab {
  return {
    name: "Escalation",
    kind: "escalation",
    rows: [
      ["Escalation — as at 31/03/2024"],
      [],
      ["Risk ID", "Title", "Rating", "Last update", "Cell"],
      ["R-0012", "Carriageway defects", "Red", 45382, "K9"],
      ["R-0013", "Winter salt stock", "Amber", 45300.5, "K10"],
      ["R-0014", "Street lighting", "Green", "not dated", null],
      ...RISKY_TEXT.map((t, i) => [`X${i}`, t, null, null, null]),
    ],
    format: {
      ...emptyFormat(),
      titleRows: [0],
      headerRows: [2],
      ragCells: [
        { row: 3, col: 2, rag: "red" },
        { row: 4, col: 2, rag: "amber" },
        { row: 5, col: 2, rag: "green" },
      ],
      columnWidths: [12, 40, 10, 14, 8],
      dateColumns: [3],
      links: [
        { row: 3, col: 4, sheet: "IRIS Risks", address: "K9" },
        { row: 5, col: 4, sheet: "Bob's sheet", address: "K11" },
      ],
      freezeBelowRow: 2,
    },
  };
}

function settingsTab(): OwnedTab {
  return {
    name: "Risk Review Settings",
    kind: "settings",
    rows: [
      ["Setting", "Value"],
      ["asAt", "2024-03-31"],
    ],
    format: emptyFormat(),
  };
}

describe("writeOwnedTabsWorkbook", () => {
  let bytes: Uint8Array;
  let wb: Workbook;
  let esc: Worksheet;

  beforeAll(async () => {
    bytes = await writeOwnedTabsWorkbook([escalationTab(), settingsTab()], {});
    saveTmp("owned-tabs.xlsx", bytes);
    wb = await loadWithExcelJs(bytes);
    esc = wb.getWorksheet("Escalation")!;
  });

  it("returns the bytes of a zip", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it("does not add a second marker to a tab whose first row has one", async () => {
    const tab = {
      ...settingsTab(),
      rows: [
        ["Setting", OWNED_MARKER],
        ["asAt", "2024-03-31"],
      ],
    };
    const [g] = await readXlsx(await writeOwnedTabsWorkbook([tab]), "s.xlsx");
    expect(g.values[0]).toEqual(["Setting", OWNED_MARKER]);
  });

  it("writes one sheet per tab, the settings tab hidden", () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Escalation", "visible"],
      ["Risk Review Settings", "hidden"],
    ]);
  });

  it("writes the values", () => {
    expect(esc.getCell("A1").value).toBe("Escalation — as at 31/03/2024");
    expect(esc.getCell("A4").value).toBe("R-0012");
    expect(esc.getCell("F1").value).toBe(OWNED_MARKER);
    expect(esc.getCell("D6").value).toBe("not dated");
  });

  it.each(RISKY_TEXT.map((t, i) => [JSON.stringify(t), t, i]))(
    "writes %s as text, never a formula",
    (_label, t, i) => {
      const cell = esc.getCell(7 + (i as number), 2);
      expect(cell.value).toBe(t);
      expect(cell.formula).toBeUndefined();
      expect(cell.type).toBe(3); // ValueType.String
    },
  );

  it("styles the title row bold 14pt and the header row bold, filled, with a bottom border", () => {
    expect(esc.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    for (const col of ["A", "C", "E"]) {
      const cell = esc.getCell(`${col}3`);
      expect(cell.font).toMatchObject({ bold: true });
      expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
      expect(cell.border?.bottom).toMatchObject({ style: "thin" });
    }
    expect(esc.getCell("A4").font?.bold).toBeFalsy();
  });

  it.each([
    ["C4", "FFFFC7CE", "FF9C0006"],
    ["C5", "FFFFEB9C", "FF9C5700"],
    ["C6", "FFC6EFCE", "FF006100"],
  ])("fills RAG cell %s with %s and dark text %s", (address, fill, font) => {
    const cell = esc.getCell(address);
    expect(cell.fill).toMatchObject({ fgColor: { argb: fill } });
    expect(cell.font?.color).toEqual({ argb: font });
  });

  it("sets column widths", () => {
    expect([1, 2, 3, 4, 5].map((c) => esc.getColumn(c).width)).toEqual([12, 40, 10, 14, 8]);
  });

  it("shows numbers in date columns as dd/mm/yyyy (with the time when there is one) and leaves text and headers alone", () => {
    expect(esc.getCell("D4").numFmt).toBe("dd/mm/yyyy");
    expect(esc.getCell("D5").numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(esc.getCell("D6").numFmt).toBeFalsy();
    expect(esc.getCell("D3").numFmt).toBeFalsy();
  });

  it("turns cell links into internal hyperlinks to the source cell, quoting the sheet name", () => {
    // Inside the workbook: a location alone, no relationship (Excel goes to "#" + location).
    const links = excelLinks(bytes).get("Escalation")!;
    expect(links.get("E4")).toBe("#'IRIS Risks'!K9");
    expect(links.get("E6")).toBe("#'Bob''s sheet'!K11");
    expect(esc.getCell("E4").text).toBe("K9");
    expect(esc.getCell("E4").font).toMatchObject({ underline: true });
  });

  it("freezes panes below the given row", () => {
    expect(esc.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  it("sets up printing: A4 landscape, one page wide, the header row repeated", () => {
    expect(esc.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(esc.pageSetup.printTitlesRow).toBe("3:3");
  });

  it("reads back as owned grids (marker added where the tab had none), settings hidden", async () => {
    const grids = await readXlsx(bytes, "review.xlsx");
    expect(grids.map((g) => [g.sheetName, g.owned, g.hidden ?? false])).toEqual([
      ["Escalation", true, false],
      ["Risk Review Settings", true, true],
    ]);
    expect(grids[0].values[0]).toEqual([
      "Escalation — as at 31/03/2024",
      null,
      null,
      null,
      null,
      OWNED_MARKER,
    ]);
    expect(grids[0].values[3]).toEqual(["R-0012", "Carriageway defects", "Red", 45382, "K9", null]);
    expect(grids[0].values.slice(6).map((r) => r[1])).toEqual(RISKY_TEXT);
    expect(grids[1].values[0]).toEqual(["Setting", "Value", OWNED_MARKER]);
  });
});

describe("writeOwnedTabsWorkbook with linkFile", () => {
  it("points links at the source file's cells", async () => {
    const bytes = await writeOwnedTabsWorkbook([escalationTab()], {
      linkFile: "Highways risk register.xlsx",
    });
    // The file in the relationship, the sheet and cell in the location: Excel joins them with "#" once.
    expect(excelLinks(bytes).get("Escalation")!.get("E4")).toBe(
      "Highways%20risk%20register.xlsx#'IRIS Risks'!K9",
    );
    const rels = new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/_rels/sheet1.xml.rels"]);
    expect(rels).toContain('Target="Highways%20risk%20register.xlsx"');
  });

  it("points a link into a CSV at the sheet Excel opens it as: the file name cut to 31 characters", async () => {
    const bytes = await writeOwnedTabsWorkbook([escalationTab()], {
      linkFile: "../exports/IRIS_Risk_Register_Export_Highways_2022-10-10.csv",
    });
    expect(excelLinks(bytes).get("Escalation")!.get("E4")).toBe(
      "../exports/IRIS_Risk_Register_Export_Highways_2022-10-10.csv#'IRIS_Risk_Register_Export_Highw'!K9",
    );
  });

  it("writes a tab with no header rows or freeze without print titles or frozen panes", async () => {
    const wb = await loadWithExcelJs(await writeOwnedTabsWorkbook([settingsTab()]));
    const ws = wb.worksheets[0];
    expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    expect((ws.views ?? []).some((v) => v.state === "frozen")).toBe(false);
  });
});

describe("writeOwnedTabsWorkbook with date cells", () => {
  const tab: OwnedTab = {
    name: "Escalation",
    kind: "escalation",
    rows: [
      ["Escalation"],
      ["OFFICIAL", "As at", { date: "2022-10-10" }],
      ["Risk ID", "Update date"],
      ["R-1", { date: "2022-10-03" }],
      ["R-2", { date: "2022-02-30" }],
      ["R-3", null],
    ],
    format: { ...emptyFormat(), headerRows: [2] },
  };

  it("writes them as real Excel dates with the UK date format, not as text", async () => {
    const bytes = await writeOwnedTabsWorkbook([tab]);
    const ws = (await loadWithExcelJs(bytes)).getWorksheet("Escalation")!;
    expect(ws.getCell("B4").value).toEqual(new Date(Date.UTC(2022, 9, 3)));
    expect(ws.getCell("B4").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("C2").value).toEqual(new Date(Date.UTC(2022, 9, 10)));
    expect(ws.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    const grid = (await readXlsx(bytes, "review.xlsx"))[0];
    expect([grid.values[3][1], grid.numberFormats?.[3][1]]).toEqual([44837, "dd/mm/yyyy"]);
  });

  it("keeps a date that is not a real day as its text, and leaves a missing one empty", async () => {
    const ws = (await loadWithExcelJs(await writeOwnedTabsWorkbook([tab]))).getWorksheet("Escalation")!;
    expect(ws.getCell("B5").value).toBe("2022-02-30");
    expect(ws.getCell("B6").value).toBeNull();
  });

  it("writes them in the date system of a 1904 workbook the tab is added to", async () => {
    const wb = new ExcelJsWorkbook();
    wb.properties.date1904 = true;
    writeTab(wb, tab);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = (await loadWithExcelJs(bytes)).getWorksheet("Escalation")!;
    expect([ws.getCell("C2").value, ws.getCell("B4").value]).toEqual([
      new Date(Date.UTC(2022, 9, 10)),
      new Date(Date.UTC(2022, 9, 3)),
    ]);
    expect((await readXlsx(bytes, "mac.xlsx"))[0].values[3][1]).toBe(44837);
  });
});

describe("writeOwnedTabsWorkbook page header", () => {
  it("prints the protective marking in the header of every page; a tab without one gets no header", async () => {
    const marked: OwnedTab = {
      name: "Risk Summary",
      kind: "risk-summary",
      rows: [["Risk Summary"], ["OFFICIAL-SENSITIVE & PERSONAL"]],
      format: { ...emptyFormat(), pageHeader: "OFFICIAL-SENSITIVE & PERSONAL" },
    };
    const wb = await loadWithExcelJs(await writeOwnedTabsWorkbook([marked, settingsTab()]));
    const hf = wb.getWorksheet("Risk Summary")!.headerFooter;
    expect(hf.oddHeader).toBe('&C&"-,Bold"OFFICIAL-SENSITIVE && PERSONAL');
    // One header for odd, even and first pages alike.
    expect([hf.differentFirst ?? false, hf.differentOddEven ?? false]).toEqual([false, false]);
    expect(wb.getWorksheet("Risk Review Settings")!.headerFooter?.oddHeader).toBeUndefined();
  });
});
