// A register workbook (.xlsm) with every feature an import must keep, written part by part as raw XML:
// an Excel table, score formulas, drop-downs, conditional formats, an internal hyperlink, a protected
// sheet with a password hash, defined names (one sheet-scoped), a chart, a pivot table and its cache,
// a VBA project placeholder, custom document properties and print settings.

import { DECL, MAIN, PKG_REL, R, REL, zipParts } from "./ooxml";

/** The register's header row (row 1) and its columns A–H. */
export const FEATURE_HEADERS = [
  "Risk ID",
  "Risk Title",
  "Risk Owner",
  "Current Likelihood",
  "Current Impact",
  "Current Risk Score",
  "Risk Status",
  "Latest Update",
];

/** The register's risks: id, title, owner, likelihood, impact (score is the formula D*E), status, update. */
export const FEATURE_RISKS: [string, string, string, number, number, string, string][] = [
  ["R-001", "Carriageway resurfacing delayed", "J Smith", 3, 4, "Open", "Reviewed in September"],
  ["R-002", "Gully cleansing backlog", "A Khan", 2, 3, "Open", "Contractor recovering"],
  ["R-003", "Winter salt stock", "P Jones", 2, 2, "Open", "Stock checked"],
];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The shared strings: headers, then each risk's texts. */
function sharedStrings(): { xml: string; index: Map<string, number> } {
  const index = new Map<string, number>();
  const add = (s: string) => {
    if (!index.has(s)) index.set(s, index.size);
  };
  FEATURE_HEADERS.forEach(add);
  for (const r of FEATURE_RISKS) [r[0], r[1], r[2], r[5], r[6]].forEach(add);
  ["Category", "Count", "Highways", "Drainage"].forEach(add);
  const items = [...index.keys()].map((s) => `<si><t>${esc(s)}</t></si>`).join("");
  return {
    xml: `${DECL}<sst ${MAIN} count="${index.size}" uniqueCount="${index.size}">${items}</sst>`,
    index,
  };
}

/** The parts of the workbook, by path. */
export function featureWorkbookParts(): Record<string, string | Uint8Array> {
  const { xml: sst, index } = sharedStrings();
  const s = (text: string) => index.get(text) as number;
  const header = FEATURE_HEADERS.map(
    (h, c) => `<c r="${String.fromCharCode(65 + c)}1" s="1" t="s"><v>${s(h)}</v></c>`,
  ).join("");
  const rows = FEATURE_RISKS.map((r, i) => {
    const n = i + 2;
    return (
      `<row r="${n}" spans="1:8">` +
      `<c r="A${n}" t="s"><v>${s(r[0])}</v></c><c r="B${n}" t="s"><v>${s(r[1])}</v></c>` +
      `<c r="C${n}" t="s"><v>${s(r[2])}</v></c><c r="D${n}"><v>${r[3]}</v></c><c r="E${n}"><v>${r[4]}</v></c>` +
      (i === 0
        ? `<c r="F${n}" s="2"><f t="shared" ref="F2:F4" si="0">D2*E2</f><v>${r[3] * r[4]}</v></c>`
        : `<c r="F${n}" s="2"><f t="shared" si="0"/><v>${r[3] * r[4]}</v></c>`) +
      `<c r="G${n}" t="s"><v>${s(r[5])}</v></c><c r="H${n}" t="s"><v>${s(r[6])}</v></c></row>`
    );
  }).join("");
  const register =
    `${DECL}<worksheet ${MAIN} ${R} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<sheetPr codeName="Sheet1"><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:H4"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="2" max="2" width="40" customWidth="1"/></cols>` +
    `<sheetData><row r="1" spans="1:8">${header}</row>${rows}</sheetData>` +
    `<sheetProtection algorithmName="SHA-512" hashValue="kQ4bS5bWq4o7f3m0xJt2r1cY9l3b0pQ8ZkFqYbD8a2mJ1xS5hL3vN6wT0uR4eC7gK9iO2pA5sD8fG1hJ4kL7zX==" saltValue="aBcDeFgHiJkLmNoPqRsT1w==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0" sort="0" autoFilter="0"/>` +
    `<conditionalFormatting sqref="F2:F100"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThanOrEqual"><formula>16</formula></cfRule></conditionalFormatting>` +
    `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="G2:G100"><formula1>"Open,Closed,Transferred"</formula1></dataValidation></dataValidations>` +
    `<hyperlinks><hyperlink ref="A2" location="'Pivot'!A1" display="See the pivot"/></hyperlinks>` +
    `<printOptions gridLines="1"/><pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" r:id="rId2"/><headerFooter><oddHeader>&amp;CRisk register</oddHeader></headerFooter>` +
    `<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
  const data =
    `${DECL}<worksheet ${MAIN} ${R}><dimension ref="A1:B3"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>${s("Category")}</v></c><c r="B1" t="s"><v>${s("Count")}</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>${s("Highways")}</v></c><c r="B2"><v>2</v></c></row>` +
    `<row r="3"><c r="A3" t="s"><v>${s("Drainage")}</v></c><c r="B3"><v>1</v></c></row>` +
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>`;
  const pivotSheet =
    `${DECL}<worksheet ${MAIN} ${R}><dimension ref="A1:B4"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>${s("Category")}</v></c><c r="B1" t="s"><v>${s("Count")}</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>${s("Drainage")}</v></c><c r="B2"><v>1</v></c></row>` +
    `<row r="3"><c r="A3" t="s"><v>${s("Highways")}</v></c><c r="B3"><v>2</v></c></row>` +
    `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const workbook =
    `${DECL}<workbook ${MAIN} ${R}><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
    `<workbookPr codeName="ThisWorkbook" defaultThemeVersion="166925"/>` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>` +
    `<sheets><sheet name="Register" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/><sheet name="Pivot" sheetId="3" r:id="rId3"/></sheets>` +
    `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Register!$A$1:$H$4</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">Register!$1:$1</definedName>` +
    `<definedName name="AsAtDate">DATE(2022,10,10)</definedName>` +
    `<definedName name="LocalOwners" localSheetId="0">Register!$C$2:$C$4</definedName></definedNames>` +
    `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="7" r:id="rId6"/></pivotCaches></workbook>`;
  const styles =
    `${DECL}<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/><name val="Arial"/><family val="2"/></font><font><b/><sz val="11"/><name val="Arial"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>` +
    `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  const table =
    `${DECL}<table ${MAIN} id="1" name="RiskTable" displayName="RiskTable" ref="A1:H4" totalsRowShown="0">` +
    `<autoFilter ref="A1:H4"/><tableColumns count="8">` +
    FEATURE_HEADERS.map((h, i) =>
      i === 5
        ? `<tableColumn id="${i + 1}" name="${esc(h)}" dataDxfId="0"><calculatedColumnFormula>D2*E2</calculatedColumnFormula></tableColumn>`
        : `<tableColumn id="${i + 1}" name="${esc(h)}"/>`,
    ).join("") +
    `</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  const chart =
    `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ${R}>` +
    `<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:cat><c:strRef><c:f>Data!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Data!$B$2:$B$3</c:f></c:numRef></c:val></c:ser>` +
    `<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
  const drawing =
    `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ${R} r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const pivotCache =
    `${DECL}<pivotCacheDefinition ${MAIN} ${R} r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2">` +
    `<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Data"/></cacheSource><cacheFields count="2">` +
    `<cacheField name="Category" numFmtId="0"><sharedItems count="2"><s v="Highways"/><s v="Drainage"/></sharedItems></cacheField>` +
    `<cacheField name="Count" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField>` +
    `</cacheFields></pivotCacheDefinition>`;
  const pivotRecords = `${DECL}<pivotCacheRecords ${MAIN} ${R} count="2"><r><x v="0"/><n v="2"/></r><r><x v="1"/><n v="1"/></r></pivotCacheRecords>`;
  const pivotTable =
    `${DECL}<pivotTableDefinition ${MAIN} name="PivotTable1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" minRefreshableVersion="3" createdVersion="6">` +
    `<location ref="A1:B4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="1"/><item x="0"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
    `<rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
    `<dataFields count="1"><dataField name="Sum of Count" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;
  const custom =
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Protective Marking"><vt:lpwstr>OFFICIAL</vt:lpwstr></property></Properties>`;
  const vba = new Uint8Array(512);
  vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < vba.length; i++) vba[i] = (i * 37) & 0xff;
  const printer = new Uint8Array(64).map((_, i) => (i * 13) & 0xff);

  const ct =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    `<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>` +
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
    `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
    `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>` +
    `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>` +
    `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>` +
    `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>` +
    `<Default Extension="binp" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>` +
    `</Types>`;
  return {
    "[Content_Types].xml": ct,
    "_rels/.rels":
      `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    "docProps/custom.xml": custom,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels":
      `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/>` +
      `<Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId6" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
      `<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`,
    "xl/worksheets/sheet1.xml": register,
    "xl/worksheets/_rels/sheet1.xml.rels":
      `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/printerSettings" Target="../printerSettings/printerSettings1.binp"/></Relationships>`,
    "xl/worksheets/sheet2.xml": data,
    "xl/worksheets/_rels/sheet2.xml.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    "xl/worksheets/sheet3.xml": pivotSheet,
    "xl/worksheets/_rels/sheet3.xml.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
    "xl/pivotTables/pivotTable1.xml": pivotTable,
    "xl/pivotTables/_rels/pivotTable1.xml.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    "xl/pivotCache/pivotCacheDefinition1.xml": pivotCache,
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
    "xl/pivotCache/pivotCacheRecords1.xml": pivotRecords,
    "xl/drawings/drawing1.xml": drawing,
    "xl/drawings/_rels/drawing1.xml.rels": `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    "xl/charts/chart1.xml": chart,
    "xl/tables/table1.xml": table,
    "xl/styles.xml": styles,
    "xl/sharedStrings.xml": sst,
    "xl/vbaProject.bin": vba,
    "xl/printerSettings/printerSettings1.binp": printer,
  };
}

/** The workbook as .xlsm bytes. */
export function featureWorkbook(): Uint8Array {
  return zipParts(featureWorkbookParts());
}
