// Writing owned tabs: the same state every time, text stays text, a user's sheet is never touched.

import type { CellValue } from "../../src/core/model/grid";
import { emptyFormat, OWNED_MARKER, type OwnedTab } from "../../src/core/model/owned-tab";
import { setPayloadBudget } from "../../src/excel/payload";
import { writeOwnedTab } from "../../src/excel/write-owned-tab";
import { DEFAULT_PAYLOAD_LIMIT, uninstallFakeExcel } from "../fakes/fake-excel";
import { install, mb, text } from "./helpers";

afterEach(() => uninstallFakeExcel());

const HOSTILE = [
  "=SUM(A1:A9)",
  "+44 20 7946 0000",
  "-see note",
  "@risk",
  "\tTabbed",
  "\r\nLines",
  "'quoted'",
  "007",
  "1/2",
];

function escalationTab(extraRows: CellValue[][] = []): OwnedTab {
  return {
    name: "Escalation",
    kind: "escalation",
    rows: [
      ["Escalation — as at 10/10/2022", null, null, null],
      ["Id", "Title", "Score", "Updated"],
      ["HRC-007", "Drainage backlog", 20, 44844],
      ["HRC-008", '=HYPERLINK("http://evil")', -3, 44800],
      ...extraRows,
    ],
    format: {
      ...emptyFormat(),
      titleRows: [0],
      headerRows: [1],
      ragCells: [
        { row: 2, col: 2, rag: "red" },
        { row: 3, col: 2, rag: "green" },
      ],
      columnWidths: [12, 40, 8, 12],
      dateColumns: [3],
      links: [{ row: 2, col: 0, sheet: "IRIS Risks", address: "A9" }],
      freezeBelowRow: 1,
    },
  };
}

const userBook = () => ({
  sheets: [
    { name: "IRIS Risks", values: [["Ref"], ["HRC-007"]], fills: { A1: "#FFFF00" } },
    { name: "Escalation", values: [["My own notes"], ["Do not touch"]], fills: { A1: "#00FF00" } },
  ],
});

describe("writeOwnedTab", () => {
  it("writes a date cell as an Excel date serial with the UK date format, and a non-date as its text", async () => {
    const host = install({ sheets: [] });
    await writeOwnedTab({
      name: "Escalation",
      kind: "escalation",
      rows: [["Escalation"], ["OFFICIAL", "As at", { date: "2022-10-10" }], ["Bad", { date: "2022-02-30" }]],
      format: emptyFormat(),
    });
    const s = host.snapshot().sheets.find((x) => x.name === "Escalation")!;
    expect([s.values[1][2], s.numberFormats.C2]).toEqual([44844, "dd/mm/yyyy"]);
    expect([s.values[2][1], s.numberFormats.B3]).toEqual(["2022-02-30", "@"]);
  });

  it("writes values, text as text, formats, links, freeze panes and print set-up", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: [["Ref"]] }] });
    const result = await writeOwnedTab(escalationTab());
    expect(result).toEqual({ sheetName: "Escalation", renamed: false });
    const s = host.snapshot().sheets.find((x) => x.name === "Escalation")!;

    expect(s.values[0]).toEqual(["Escalation — as at 10/10/2022", "", "", "", OWNED_MARKER]);
    expect(s.values[3]).toEqual(["HRC-008", '=HYPERLINK("http://evil")', -3, 44800, ""]);
    expect(s.formulas).toEqual({});
    expect(s.numberFormats).toMatchObject({ A3: "@", B4: "@", D3: "dd/mm/yyyy", C3: "General" });
    expect(s.fills).toMatchObject({ A2: "#D9E1F2", D2: "#D9E1F2", C3: "#FFC7CE", C4: "#C6EFCE" });
    expect(s.bold).toEqual(expect.arrayContaining(["A1", "A2", "D2"]));
    expect(s.links.A3).toEqual({ documentReference: "'IRIS Risks'!A9" });
    expect(s.freezeRows).toBe(2);
    expect(s.columnWidths[1]).toBe(214);
    expect(s.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$2:$2",
      zoom: { horizontalFitToPages: 1 },
    });
    expect(host.snapshot().names).toEqual([{ name: "CRR_OWNED_1", value: "Escalation!A1" }]);
  });

  it("prints the protective marking in the page header of every page (ampersands kept literal)", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks", values: [["Ref"]] }] });
    const tab = escalationTab();
    tab.format.pageHeader = "OFFICIAL-SENSITIVE & COMMERCIAL";
    const result = await writeOwnedTab(tab);
    expect(result.warnings).toBeUndefined();
    expect(host.sheet("Escalation").pageLayout.centerHeader).toBe("OFFICIAL-SENSITIVE && COMMERCIAL");
  });

  it.each([
    ["pageLayout", /not set this tab up for printing .*"OFFICIAL" on every page/, 2, "Letter"],
    ["freezePanes", /not freeze the header row/, 0, "A4"],
  ] as const)(
    "writes the tab and warns when the host refuses %s",
    async (feature, warning, freezeRows, paperSize) => {
      const host = install({ sheets: [{ name: "IRIS Risks" }], refuse: { [feature]: "GeneralException" } });
      const tab = escalationTab();
      tab.format.pageHeader = "OFFICIAL";
      const result = await writeOwnedTab(tab);
      expect(result).toMatchObject({ sheetName: "Escalation", renamed: false });
      expect(result.warnings).toEqual([expect.stringMatching(warning)]);
      const s = host.snapshot().sheets.find((x) => x.name === "Escalation")!;
      expect(s.values[2][0]).toBe("HRC-007"); // the data is all there
      expect(s.freezeRows).toBe(freezeRows); // the other step still happened
      expect(s.pageLayout.paperSize).toBe(paperSize);
    },
  );

  it("writes the hidden Settings sheet again and again without freezing or laying it out", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks" }] });
    const settings: OwnedTab = {
      name: "Risk Review Settings",
      kind: "settings",
      rows: [["Settings"], ["Setting", "Value"]],
      format: { ...emptyFormat(), headerRows: [1], freezeBelowRow: 1, pageHeader: "OFFICIAL" },
    };
    await writeOwnedTab(settings);
    const second = await writeOwnedTab(settings); // now hidden: unfreeze there has thrown in some builds
    expect(second.warnings).toBeUndefined();
    const s = host.sheet("Risk Review Settings");
    expect(s.visibility).toBe("Hidden");
    expect(s.freezeRows).toBe(0);
    expect(s.pageLayout.paperSize).toBe("Letter"); // untouched
  });

  it.each(HOSTILE)("keeps the text %j exactly as text", async (hostile) => {
    const host = install({ sheets: [{ name: "S" }] });
    await writeOwnedTab({
      name: "Exceptions",
      kind: "exceptions",
      rows: [["Message"], [hostile]],
      format: emptyFormat(),
    });
    const cell = host.cell("Exceptions", "A2");
    expect(cell?.v).toBe(hostile);
    expect(cell?.formula).toBeUndefined();
  });

  it("leaves the same state when the same tab is written twice, and clears what a longer version left", async () => {
    const host = install(userBook());
    const long = escalationTab([["HRC-009", "Extra", 4, 44000]]);
    await writeOwnedTab(long);
    const longSnap = JSON.stringify(host.snapshot());
    await writeOwnedTab(escalationTab());
    await writeOwnedTab(escalationTab());
    const first = host.snapshot();
    await writeOwnedTab(escalationTab());
    expect(host.snapshot()).toEqual(first);
    expect(JSON.stringify(first)).not.toEqual(longSnap);
    const tab = first.sheets.find((x) => x.name === "Escalation (Risk Review)")!;
    expect(tab.values).toHaveLength(4);
    expect(first.names).toHaveLength(1);
  });

  it("never touches a user's sheet of the same name: writes to another name and says so", async () => {
    const host = install(userBook());
    const before = host.snapshot().sheets.find((s) => s.name === "Escalation");
    const result = await writeOwnedTab(escalationTab());
    expect(result).toEqual({ sheetName: "Escalation (Risk Review)", renamed: true });
    expect(host.snapshot().sheets.find((s) => s.name === "Escalation")).toEqual(before);
    // And the next write finds its own sheet again rather than making a third.
    expect(await writeOwnedTab(escalationTab())).toEqual({
      sheetName: "Escalation (Risk Review)",
      renamed: true,
    });
    expect(host.snapshot().sheets.map((s) => s.name)).toEqual([
      "IRIS Risks",
      "Escalation",
      "Escalation (Risk Review)",
    ]);
  });

  it("cuts the other name to Excel's 31 characters", async () => {
    const host = install({ sheets: [{ name: "Risk Review Settings", values: [["a user's sheet"]] }] });
    const result = await writeOwnedTab({
      name: "Risk Review Settings",
      kind: "settings",
      rows: [["x"]],
      format: emptyFormat(),
    });
    expect(result.renamed).toBe(true);
    expect(result.sheetName.length).toBeLessThanOrEqual(31);
    expect(host.sheet(result.sheetName).visibility).toBe("Hidden");
  });

  it("rewrites a sheet it owns by name even when the marker cell was deleted", async () => {
    const host = install({
      sheets: [{ name: "IRIS Risks" }, { name: "Escalation", values: [["stale"]] }],
      names: [{ name: "CRR_OWNED_3", sheet: "Escalation", address: "A1" }],
    });
    expect(await writeOwnedTab(escalationTab())).toEqual({ sheetName: "Escalation", renamed: false });
    expect(host.cell("Escalation", "A2")?.v).toBe("Id");
    expect(host.snapshot().names.map((n) => n.name)).toEqual(["CRR_OWNED_3"]);
  });

  it("says plainly when every other name is taken by the user's sheets", async () => {
    const names = [
      "Escalation",
      "Escalation (Risk Review)",
      ...[2, 3, 4, 5, 6, 7, 8, 9].map((i) => `Escalation ${i}`),
    ];
    install({ sheets: names.map((name) => ({ name, values: [["mine"]] })) });
    await expect(writeOwnedTab(escalationTab())).rejects.toThrow(/Rename one of them/);
  });

  it("writes a 10k-row owned tab in payload-sized chunks", async () => {
    const host = install({ sheets: [{ name: "IRIS Risks" }] });
    const rows: CellValue[][] = [["Id", "Title", "Score", "Date", "Text"]];
    for (let r = 1; r <= 10_000; r++)
      rows.push([`HRC-${r}`, text(r, 1, 80), r % 25, 44000 + r, text(r, 4, 300)]);
    const links = Array.from({ length: 10_000 }, (_, i) => ({
      row: i + 1,
      col: 0,
      sheet: "IRIS Risks",
      address: `A${i + 2}`,
    }));
    const ragCells = Array.from({ length: 10_000 }, (_, i) => ({
      row: i + 1,
      col: 2,
      rag: (["red", "amber", "green"] as const)[i % 3],
    }));
    await writeOwnedTab({
      name: "Exceptions",
      kind: "exceptions",
      rows,
      format: { ...emptyFormat(), headerRows: [0], dateColumns: [3], links, ragCells },
    });
    const stats = host.stats();
    expect(stats.failedSyncs).toBe(0);
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMIT);
    expect(host.cell("Exceptions", "E10001")?.v).toBe(rows[10_000][4]);
    expect(host.cell("Exceptions", "A10001")?.link).toEqual({ documentReference: "'IRIS Risks'!A10001" });
    expect(host.cell("Exceptions", "C10001")?.fill).toBe("#FFC7CE");
    console.log(
      `write 10k-row owned tab (5 cols, 10k links, 10k RAG cells): ${stats.syncs} syncs, request ${mb(stats.requestBytes)} ` +
        `(largest ${mb(stats.maxRequestBytes)}), response ${(stats.responseBytes / 1024).toFixed(1)} KB`,
    );
  });

  it("halves and retries a chunk Excel refuses as too large", async () => {
    const host = install({ sheets: [{ name: "S" }], payloadLimit: 200_000 });
    setPayloadBudget(5_000_000);
    const rows: CellValue[][] = Array.from({ length: 2_000 }, (_, r) => [`row ${r}`, text(r, 1, 200)]);
    await writeOwnedTab({ name: "Update Log", kind: "update-log", rows, format: emptyFormat() });
    const stats = host.stats();
    expect(stats.failedSyncs).toBeGreaterThan(0);
    expect(
      stats.perSync.filter((s) => s.error).every((s) => s.error === "RequestPayloadSizeLimitExceeded"),
    ).toBe(true);
    expect(host.cell("Update Log", "B2000")?.v).toBe(rows[1999][1]);
    expect(host.snapshot().sheets.find((s) => s.name === "Update Log")!.values).toHaveLength(2_000);
  });
});
