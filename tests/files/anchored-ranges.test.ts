// What a worksheet anchors to its cells, moved with a table's totals row and grown with the table (review 31):
// conditional formats, drop-downs, links, merged areas, notes; and the references and formulas they use.

import {
  changedSheetTail,
  changedSqref,
  moveNotes,
  type SheetRowChange,
} from "../../src/files/xlsx/anchored-ranges";
import { copiedDown, mapSheetRefs, movedRows } from "../../src/files/xlsx/shift-row-refs";
import { namesRowOf } from "../../src/files/xlsx/totals-row-references";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : "");

/** The Total row (0-based 6, row 7) moved down one row; the table's data rows 3–6 now end on row 7. */
const TOTAL_MOVED: SheetRowChange = {
  moved: { at: 6, by: 1, intoBlankRows: false },
  grown: [{ left: 0, right: 11, firstDataRow: 2, lastDataRow: 5, newLastDataRow: 6 }],
};

describe("changedSqref (Total row 7 moved to 8, the table's data rows 3–6 grown to 7)", () => {
  it.each<[string, string, boolean, string]>([
    ["a rule over a column's data rows grows", "F3:F6", true, "F3:F7"],
    ["several areas each", "G3:G6 H3:H6", true, "G3:G7 H3:H7"],
    ["a rule on the Total cell moves with it", "F7", true, "F8"],
    ["a link on the Total cell moves with it, and does not grow", "F7", false, "F8"],
    ["a link on a data cell stays", "F6", false, "F6"],
    ["a rule over part of the data rows, ending on the last, grows", "F5:F6", true, "F5:F7"],
    ["a rule starting above the table does not grow", "F1:F6", true, "F1:F6"],
    ["a rule ending above the last data row stays", "F3:F5", true, "F3:F5"],
    ["a rule reaching outside the table's columns does not grow", "L3:N6", true, "L3:N6"],
    ["a range over data and Total rows grows", "F3:F7", true, "F3:F8"],
    ["a whole column is left alone", "F:F", true, "F:F"],
  ])("%s: %s", (_why, sqref, grows, expected) => {
    expect(changedSqref(sqref, TOTAL_MOVED, grows)).toBe(expected);
  });

  it("with the Total row moving into the blank rows under it, only what is on it moves", () => {
    const into: SheetRowChange = { moved: { at: 6, by: 2, intoBlankRows: true }, grown: [] };
    expect(["F7", "A1:L7", "A12", "F3:F6"].map((q) => changedSqref(q, into, true))).toEqual([
      "F9",
      "A1:L9",
      "A12",
      "F3:F6",
    ]);
  });
});

describe("changedSheetTail", () => {
  it("moves and grows the areas after <sheetData>, and the rules' references to moved cells", () => {
    const tail =
      `</sheetData><mergeCells count="1"><mergeCell ref="A1:L1"/></mergeCells>` +
      `<conditionalFormatting sqref="K3:K6"><cfRule type="expression" priority="1"><formula>$K3&gt;$F$7</formula></cfRule></conditionalFormatting>` +
      `<dataValidations count="1"><dataValidation type="list" sqref="G3:G6"><formula1>"Treat,Tolerate"</formula1></dataValidation></dataValidations>` +
      `<hyperlinks><hyperlink ref="F7" location="Dashboard!B2"/><hyperlink ref="A3" r:id="rId4"/></hyperlinks>` +
      `<extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting><xm:sqref>F3:F6</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`;
    expect(changedSheetTail(tail, TOTAL_MOVED)).toBe(
      `</sheetData><mergeCells count="1"><mergeCell ref="A1:L1"/></mergeCells>` +
        `<conditionalFormatting sqref="K3:K7"><cfRule type="expression" priority="1"><formula>$K3&gt;$F$8</formula></cfRule></conditionalFormatting>` +
        `<dataValidations count="1"><dataValidation type="list" sqref="G3:G7"><formula1>"Treat,Tolerate"</formula1></dataValidation></dataValidations>` +
        `<hyperlinks><hyperlink ref="F8" location="Dashboard!B2"/><hyperlink ref="A3" r:id="rId4"/></hyperlinks>` +
        `<extLst><ext><x14:conditionalFormattings><x14:conditionalFormatting><xm:sqref>F3:F7</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`,
    );
  });

  it("gives the same text back when nothing moves or grows", () => {
    const tail = `</sheetData><hyperlinks><hyperlink ref="F7"/></hyperlinks></worksheet>`;
    expect(changedSheetTail(tail, { moved: null, grown: [] })).toBe(tail);
  });
});

describe("moveNotes", () => {
  const parts = (): Map<string, Uint8Array> =>
    new Map([
      [
        "xl/worksheets/_rels/sheet1.xml.rels",
        enc(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>` +
            `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
            `<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>` +
            `<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing2.vml"/></Relationships>`,
        ),
      ],
      [
        "xl/comments1.xml",
        enc(`<comments><commentList><comment ref="J3"/><comment ref="F7"/></commentList></comments>`),
      ],
      [
        "xl/drawings/vmlDrawing1.vml",
        enc(
          `<xml><v:shape><x:ClientData ObjectType="Note"><x:Anchor>10, 15, 6, 2, 12, 15, 10, 6</x:Anchor><x:Row>6</x:Row><x:Column>5</x:Column></x:ClientData></v:shape>` +
            `<v:shape><x:ClientData ObjectType="Note"><x:Anchor>10, 15, 2, 2, 12, 15, 6, 6</x:Anchor><x:Row>2</x:Row><x:Column>9</x:Column></x:ClientData></v:shape></xml>`,
        ),
      ],
      [
        "xl/threadedComments/threadedComment1.xml",
        enc(`<ThreadedComments><threadedComment ref="F7" id="{1}"/></ThreadedComments>`),
      ],
      [
        "xl/drawings/vmlDrawing2.vml",
        enc(`<xml><v:shape id="LH"><v:imagedata o:relid="rId1"/></v:shape></xml>`),
      ],
    ]);

  it("moves the notes on the Total row with it (comment ref, VML row and anchor, threaded comment) and leaves the rest", () => {
    const p = parts();
    const written: string[] = [];
    moveNotes(
      {
        read: (path) => p.get(path) ?? null,
        write: (path, data) => {
          written.push(path);
          p.set(path, data);
        },
      },
      "xl/worksheets/sheet1.xml",
      { at: 6, by: 1, intoBlankRows: false },
    );
    expect(written.sort()).toEqual([
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/threadedComments/threadedComment1.xml",
    ]);
    expect(dec(p.get("xl/comments1.xml")!)).toContain('<comment ref="J3"/><comment ref="F8"/>');
    expect(dec(p.get("xl/threadedComments/threadedComment1.xml")!)).toContain('ref="F8"');
    const vml = dec(p.get("xl/drawings/vmlDrawing1.vml")!);
    expect(vml).toContain("<x:Anchor>10, 15, 7, 2, 12, 15, 11, 6</x:Anchor><x:Row>7</x:Row>");
    expect(vml).toContain("<x:Anchor>10, 15, 2, 2, 12, 15, 6, 6</x:Anchor><x:Row>2</x:Row>");
  });
});

describe("references to a sheet's rows", () => {
  it("mapSheetRefs edits the references to one sheet only, keeping $ and quotes, not inside strings", () => {
    const out = mapSheetRefs(
      `'Risk Register'!$A$1:$L$7+Other!A7+"'Risk Register'!A7"+'risk register'!F7`,
      "Risk Register",
      (f, l) => [f + 1, l + 1],
    );
    expect(out).toBe(`'Risk Register'!$A$2:$L$8+Other!A7+"'Risk Register'!A7"+'risk register'!F8`);
  });

  it("movedRows grows a range over the Total row and moves one on it", () => {
    const m = { at: 6, by: 2, intoBlankRows: false };
    expect([movedRows(m, 0, 6), movedRows(m, 6, 6), movedRows(m, 2, 5)]).toEqual([
      [0, 8],
      [8, 8],
      [2, 5],
    ]);
  });

  it("namesRowOf: a name on the Total row's cells stops the move; a print area taking it in from above does not", () => {
    expect(namesRowOf("Register!$F$7", "Register", 6)).toBe(true);
    expect(namesRowOf("Register!$A$7:$L$7", "Register", 6)).toBe(true);
    expect(namesRowOf("Register!$A$1:$L$7", "Register", 6)).toBe(false);
    expect(namesRowOf("Register!$2:$2", "Register", 6)).toBe(false);
  });

  it("copiedDown fills a calculated column's formula into a later row: relative rows move, absolute ones and structured references stay", () => {
    expect(copiedDown("D2*E2+$F$1+Table1[[#This Row],[Score]]", 5)).toBe(
      "D7*E7+$F$1+Table1[[#This Row],[Score]]",
    );
  });
});
