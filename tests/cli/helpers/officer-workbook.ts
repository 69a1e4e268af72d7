// A council officer's register workbook (.xlsm) written part by part as raw XML, with the things real
// officers' files carry and the authors' feature workbook does not: a merged title row above the header,
// comments (legacy VML notes) and a picture on the register sheet, an external hyperlink with & in its
// address, rich-text and awkward shared strings (& < > " ' emoji, _x0007_, leading/trailing spaces), a
// formula with a cached string value, dates in a custom "d mmm yyyy" format, a protected lookups sheet
// holding an Excel table, a hidden and a very hidden sheet, global and sheet-scoped defined names,
// document properties and a VBA project.

import { DECL, MAIN, PKG_REL, R, REL, zipParts } from "../../helpers/ooxml";
import { IMPORT_REGISTER_HEADERS } from "./registers";

export const REGISTER = "Risk Register";

/** The register's header row (row 2; row 1 is a merged title). Columns A–K: the IRIS export's ten, then Council Notes. */
export const OFFICER_HEADERS = [...IMPORT_REGISTER_HEADERS, "Council Notes"];

/** 2022-09-12, 2022-09-20, 2022-09-05 as 1900-system serials. */
export const SERIAL = { sep12: 44816, sep20: 44824, sep05: 44809, oct03: 44837 };

export const RICH_NOTE_RUNS = ["Urgent:", ` see P&L <draft> "v2" it's 🚧`];
export const SPACED_NOTE = "  leading and trailing  ";
export const BELL_NOTE = "bell\u0007here";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The shared strings, in order: index by text (a rich-text item by its joined runs). */
const STRINGS: string[] = [
  "Highways contract – risk register",
  ...OFFICER_HEADERS,
  "R-001",
  "Carriageway resurfacing delayed",
  "J Smith",
  "Treat",
  "Open",
  "Reviewed at RMB",
  "R-002",
  "Gully cleansing backlog",
  "A Khan",
  "Contractor recovering",
  "R-003",
  "Winter salt stock",
  "P Jones",
  "Stock checked",
  RICH_NOTE_RUNS.join(""),
  SPACED_NOTE,
  BELL_NOTE,
  "Status",
  "Closed",
  "Transferred",
  "Hidden working",
  "Macro scratch",
];

function sharedStringsXml(): string {
  const items = STRINGS.map((s) => {
    if (s === RICH_NOTE_RUNS.join(""))
      return (
        `<si><r><rPr><b/><sz val="11"/><rFont val="Arial"/></rPr><t>${esc(RICH_NOTE_RUNS[0])}</t></r>` +
        `<r><rPr><sz val="11"/><rFont val="Arial"/></rPr><t xml:space="preserve">${esc(RICH_NOTE_RUNS[1])}</t></r></si>`
      );
    if (s === BELL_NOTE) return `<si><t>bell_x0007_here</t></si>`;
    if (s !== s.trim()) return `<si><t xml:space="preserve">${esc(s)}</t></si>`;
    return `<si><t>${esc(s)}</t></si>`;
  }).join("");
  return `${DECL}<sst ${MAIN} count="${STRINGS.length + 12}" uniqueCount="${STRINGS.length}">${items}</sst>`;
}

const s = (text: string): number => {
  const i = STRINGS.indexOf(text);
  if (i < 0) throw new Error(`no shared string ${text}`);
  return i;
};
const str = (ref: string, text: string, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""} t="s"><v>${s(text)}</v></c>`;
const num = (ref: string, v: number, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${v}</v></c>`;

/** The register's risk rows (3–5). */
export const OFFICER_RISKS = [
  {
    id: "R-001",
    title: "Carriageway resurfacing delayed",
    owner: "J Smith",
    l: 3,
    i: 4,
    update: "Reviewed at RMB",
    date: SERIAL.sep12,
  },
  {
    id: "R-002",
    title: "Gully cleansing backlog",
    owner: "A Khan",
    l: 2,
    i: 3,
    update: "Contractor recovering",
    date: SERIAL.sep20,
  },
  {
    id: "R-003",
    title: "Winter salt stock",
    owner: "P Jones",
    l: 2,
    i: 2,
    update: "Stock checked",
    date: SERIAL.sep05,
  },
];

function registerXml(): string {
  const title = `<row r="1" spans="1:11" ht="24" customHeight="1">${str("A1", "Highways contract – risk register", 1)}<c r="B1" s="1"/><c r="C1" s="1"/><c r="D1" s="1"/><c r="E1" s="1"/><c r="F1" s="1"/><c r="G1" s="1"/><c r="H1" s="1"/></row>`;
  const header = `<row r="2" spans="1:11">${OFFICER_HEADERS.map((h, c) => str(`${String.fromCharCode(65 + c)}2`, h, 1)).join("")}</row>`;
  const notes = [
    str("K3", RICH_NOTE_RUNS.join("")),
    str("K4", SPACED_NOTE),
    // A formula with a cached string value: the officer's own working.
    `<c r="K5" t="str"><f>"Days: "&amp;(DATE(2022,10,10)-I5)</f><v>Days: 35</v></c>`,
  ];
  const rows = OFFICER_RISKS.map((r, k) => {
    const n = k + 3;
    return (
      `<row r="${n}" spans="1:11">` +
      str(`A${n}`, r.id) +
      str(`B${n}`, r.title) +
      str(`C${n}`, r.owner) +
      num(`D${n}`, r.l) +
      num(`E${n}`, r.i) +
      (k === 0
        ? `<c r="F${n}" s="2"><f t="shared" ref="F3:F5" si="0">D3*E3</f><v>${r.l * r.i}</v></c>`
        : `<c r="F${n}" s="2"><f t="shared" si="0"/><v>${r.l * r.i}</v></c>`) +
      str(`G${n}`, "Treat") +
      str(`H${n}`, "Open") +
      num(`I${n}`, r.date, 3) +
      str(`J${n}`, r.update) +
      notes[k] +
      `</row>`
    );
  }).join("");
  const bellRow = `<row r="7" spans="1:11">${str("K7", BELL_NOTE)}</row>`;
  return (
    `${DECL}<worksheet ${MAIN} ${R} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<sheetPr codeName="Sheet1"/><dimension ref="A1:K7"/>` +
    `<sheetViews><sheetView tabSelected="1" zoomScale="85" zoomScaleNormal="85" workbookViewId="0"><pane xSplit="2" ySplit="2" topLeftCell="C3" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="J3" sqref="J3"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<cols><col min="1" max="1" width="10.7109375" customWidth="1"/><col min="2" max="2" width="42.5703125" customWidth="1"/><col min="10" max="11" width="60.28515625" customWidth="1"/></cols>` +
    `<sheetData>${title}${header}${rows}${bellRow}</sheetData>` +
    `<mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>` +
    `<conditionalFormatting sqref="F3:F200"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThanOrEqual"><formula>15</formula></cfRule></conditionalFormatting>` +
    `<dataValidations count="2"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="H3:H200"><formula1>StatusValues</formula1></dataValidation>` +
    `<dataValidation type="whole" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Likelihood" error="Enter 1 to 5 &amp; nothing else" sqref="D3:E200"><formula1>1</formula1><formula2>5</formula2></dataValidation></dataValidations>` +
    `<hyperlinks><hyperlink ref="A3" r:id="rId3" tooltip="IRIS record"/><hyperlink ref="A4" location="'Hidden Notes'!A1" display="R-002"/></hyperlinks>` +
    `<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape"/>` +
    `<headerFooter><oddHeader>&amp;L&amp;"Arial,Bold"OFFICIAL-SENSITIVE&amp;RPage &amp;P of &amp;N</oddHeader></headerFooter>` +
    `<drawing r:id="rId2"/><legacyDrawing r:id="rId1"/></worksheet>`
  );
}

function lookupsXml(): string {
  return (
    `${DECL}<worksheet ${MAIN} ${R}><dimension ref="A1:A4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><sheetData>` +
    `<row r="1">${str("A1", "Status", 1)}</row><row r="2">${str("A2", "Open")}</row>` +
    `<row r="3">${str("A3", "Closed")}</row><row r="4">${str("A4", "Transferred")}</row></sheetData>` +
    `<sheetProtection algorithmName="SHA-512" hashValue="3mB0bX8Yl1GQ3kU0YV5p7m4w9lJq2xvZC1iTqQ9r6s0aN3t8bV7cX2yZ4uW1eR5tY8iO0pA3sD6fG9hJ2kL5zQ==" saltValue="QkF0Y2hTYWx0MTIzNDU2Nw==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`
  );
}

const plainSheet = (text: string) =>
  `${DECL}<worksheet ${MAIN} ${R}><dimension ref="A1"/><sheetData><row r="1">${str("A1", text)}</row></sheetData>` +
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

const STYLES =
  `${DECL}<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="165" formatCode="d\\ mmm\\ yyyy"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="11"/><name val="Arial"/><family val="2"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>` +
  `<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>` +
  `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

const WORKBOOK =
  `${DECL}<workbook ${MAIN} ${R}><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
  `<workbookPr codeName="ThisWorkbook" defaultThemeVersion="166925"/>` +
  `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="0"/></bookViews>` +
  `<sheets><sheet name="${REGISTER}" sheetId="1" r:id="rId1"/><sheet name="Lookups" sheetId="2" r:id="rId2"/>` +
  `<sheet name="Hidden Notes" sheetId="3" state="hidden" r:id="rId3"/><sheet name="Macro Data" sheetId="4" state="veryHidden" r:id="rId4"/></sheets>` +
  `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'${REGISTER}'!$2:$2</definedName>` +
  `<definedName name="LocalNote" localSheetId="2">'Hidden Notes'!$A$1</definedName>` +
  `<definedName name="StatusValues">Lookups!$A$2:$A$4</definedName>` +
  `<definedName name="Threshold" comment="Score that goes to the board &amp; cabinet">15</definedName></definedNames>` +
  `<calcPr calcId="191029"/></workbook>`;

const COMMENTS =
  `${DECL}<comments ${MAIN}><authors><author>Jane O'Brien</author></authors><commentList>` +
  `<comment ref="B3" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>Jane O'Brien:</t></r>` +
  `<r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">&#10;Check with the contractor &amp; finance &lt;before&gt; RMB</t></r></text></comment></commentList></comments>`;

const VML =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
  `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
  `<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:107pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
  `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
  `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>2, 15, 1, 10, 4, 15, 5, 14</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`;

const DRAWING =
  `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
  `<xdr:oneCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>` +
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Council crest" descr="Council crest"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
  `<xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
  `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;

const TABLE =
  `${DECL}<table ${MAIN} id="1" name="StatusList" displayName="StatusList" ref="A1:A4" totalsRowShown="0">` +
  `<autoFilter ref="A1:A4"/><tableColumns count="1"><tableColumn id="1" name="Status"/></tableColumns>` +
  `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

const CORE =
  `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:title>Highways risk register &amp; actions</dc:title><dc:creator>Jane O'Brien</dc:creator>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">2021-04-01T09:00:00Z</dcterms:created></cp:coreProperties>`;

const T = (ext: string, ct: string) => `<Default Extension="${ext}" ContentType="${ct}"/>`;
const O = (part: string, ct: string) => `<Override PartName="${part}" ContentType="${ct}"/>`;
const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** The workbook's parts, by path. */
export function officerWorkbookParts(): Record<string, string | Uint8Array> {
  const vba = new Uint8Array(1024);
  vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < vba.length; i++) vba[i] = (i * 53 + 7) & 0xff;
  const ct =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    T("bin", "application/vnd.ms-office.vbaProject") +
    T("png", "image/png") +
    T("rels", "application/vnd.openxmlformats-package.relationships+xml") +
    T("vml", "application/vnd.openxmlformats-officedocument.vmlDrawing") +
    T("xml", "application/xml") +
    O("/xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml") +
    [1, 2, 3, 4].map((n) => O(`/xl/worksheets/sheet${n}.xml`, `${SML}.worksheet+xml`)).join("") +
    O("/xl/styles.xml", `${SML}.styles+xml`) +
    O("/xl/sharedStrings.xml", `${SML}.sharedStrings+xml`) +
    O("/xl/comments1.xml", `${SML}.comments+xml`) +
    O("/xl/tables/table1.xml", `${SML}.table+xml`) +
    O("/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml") +
    O("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    `</Types>`;
  return {
    "[Content_Types].xml": ct,
    "_rels/.rels":
      `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    "docProps/core.xml": CORE,
    "xl/workbook.xml": WORKBOOK,
    "xl/_rels/workbook.xml.rels":
      `${DECL}<Relationships ${PKG_REL}>` +
      [1, 2, 3, 4]
        .map((n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`)
        .join("") +
      `<Relationship Id="rId5" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId6" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`,
    "xl/worksheets/sheet1.xml": registerXml(),
    "xl/worksheets/_rels/sheet1.xml.rels":
      `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
      `<Relationship Id="rId2" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/hyperlink" Target="https://iris.example.gov.uk/risk?id=R-001&amp;view=full" TargetMode="External"/>` +
      `<Relationship Id="rId4" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
    "xl/worksheets/sheet2.xml": lookupsXml(),
    "xl/worksheets/_rels/sheet2.xml.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
    "xl/worksheets/sheet3.xml": plainSheet("Hidden working"),
    "xl/worksheets/sheet4.xml": plainSheet("Macro scratch"),
    "xl/comments1.xml": COMMENTS,
    "xl/drawings/vmlDrawing1.vml": VML,
    "xl/drawings/drawing1.xml": DRAWING,
    "xl/drawings/_rels/drawing1.xml.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
    "xl/media/image1.png": PNG,
    "xl/tables/table1.xml": TABLE,
    "xl/styles.xml": STYLES,
    "xl/sharedStrings.xml": sharedStringsXml(),
    "xl/vbaProject.bin": vba,
  };
}

export function officerWorkbook(): Uint8Array {
  return zipParts(officerWorkbookParts());
}
