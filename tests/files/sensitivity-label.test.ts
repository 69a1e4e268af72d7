// A workbook's sensitivity label (MSIP custom properties, newer Office's LabelInfo part), read from its package
// and carried onto a review drawn from it (review 31); the roll-up's label over several files; and the
// package edits the writer makes for it and for a removed calculation chain.

import { unzipSync } from "fflate";
import { RelsXml, removeContentType } from "../../src/files/xlsx/package-parts";
import {
  readSensitivityLabel,
  rollUpLabel,
  withSensitivityLabel,
  type SensitivityLabel,
} from "../../src/files/xlsx/sensitivity-label";
import { DECL, PKG_REL, REL, zipParts } from "../helpers/ooxml";

const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : "");
const enc = (s: string) => new TextEncoder().encode(s);
const ID = "3de9faa6-9fe1-49b3-9a08-227a296b54a6";
const OTHER = "11111111-2222-3333-4444-555555555555";

/** Custom properties: a protective marking of the council's own, and one MSIP label (enabled or not). */
function customXml(id: string, name: string, enabled = "true"): string {
  const props: [string, string][] = [
    ["Protective Marking", name],
    [`MSIP_Label_${id}_Enabled`, enabled],
    [`MSIP_Label_${id}_Name`, name],
    [`MSIP_Label_${id}_SiteId`, "0f9e35db-544f-4f60-bdcc-5ea416e6dc70"],
  ];
  return (
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    props
      .map(
        ([n, v], k) =>
          `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${k + 2}" name="${n}"><vt:lpwstr>${v}</vt:lpwstr></property>`,
      )
      .join("") +
    `</Properties>`
  );
}

/** A package holding only what the label is read from. */
function labelled(custom: string | null, labelInfo?: string): Uint8Array {
  const rels =
    (custom ? `<Relationship Id="rId1" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>` : "") +
    (labelInfo
      ? `<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels" Target="docMetadata/LabelInfo.xml"/>`
      : "");
  return zipParts({
    "[Content_Types].xml": `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": `${DECL}<Relationships ${PKG_REL}>${rels}</Relationships>`,
    ...(custom ? { "docProps/custom.xml": custom } : {}),
    ...(labelInfo ? { "docMetadata/LabelInfo.xml": labelInfo } : {}),
  });
}

const LABEL_INFO = `${DECL}<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="{${ID}}" enabled="1" method="Privileged" siteId="{0f9e35db-544f-4f60-bdcc-5ea416e6dc70}" removed="0"/></clbl:labelList>`;

describe("readSensitivityLabel", () => {
  it("reads the enabled label's MSIP properties (not the council's own) and newer Office's label part", () => {
    const label = readSensitivityLabel(labelled(customXml(ID, "OFFICIAL-SENSITIVE"), LABEL_INFO));
    expect(label).toEqual({
      id: ID,
      name: "OFFICIAL-SENSITIVE",
      properties: [
        [`MSIP_Label_${ID}_Enabled`, "true"],
        [`MSIP_Label_${ID}_Name`, "OFFICIAL-SENSITIVE"],
        [`MSIP_Label_${ID}_SiteId`, "0f9e35db-544f-4f60-bdcc-5ea416e6dc70"],
      ],
      labelInfo: LABEL_INFO,
    });
  });

  it("finds none in a workbook without one, with a label switched off, or in a CSV", () => {
    expect(readSensitivityLabel(labelled(null))).toBeNull();
    expect(readSensitivityLabel(labelled(customXml(ID, "OFFICIAL", "false")))).toBeNull();
    expect(readSensitivityLabel(enc("Risk ID,Title\nR-1,Gritting\n"))).toBeNull();
  });
});

describe("rollUpLabel", () => {
  const label = (id: string, name: string): SensitivityLabel => ({ id, name, properties: [] });

  it("is the files' own when they agree, else the most protective by name, else none", () => {
    const a = label(ID, "OFFICIAL-SENSITIVE");
    const b = label(OTHER, "OFFICIAL");
    expect(rollUpLabel([null, a, undefined, a])).toBe(a);
    expect(rollUpLabel([b, a])).toBe(a);
    expect(rollUpLabel([b, label(OTHER.replace("1", "9"), "Council Confidential")])).toBeNull();
    expect(rollUpLabel([null, undefined])).toBeNull();
  });
});

describe("withSensitivityLabel", () => {
  it("adds the label's custom properties and label part, with their relationships and content types", () => {
    const label = readSensitivityLabel(labelled(customXml(ID, "OFFICIAL-SENSITIVE"), LABEL_INFO))!;
    const out = unzipSync(withSensitivityLabel(labelled(null), label));
    const custom = text(out["docProps/custom.xml"]);
    expect(custom).toContain(
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_${ID}_Name"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property>`,
    );
    expect(custom).not.toContain("Protective Marking");
    expect(text(out["docMetadata/LabelInfo.xml"])).toBe(LABEL_INFO);
    const rels = text(out["_rels/.rels"]);
    expect(rels).toContain(`Type="${REL}/custom-properties" Target="docProps/custom.xml"`);
    expect(rels).toContain('Target="docMetadata/LabelInfo.xml"');
    const types = text(out["[Content_Types].xml"]);
    expect(types).toContain(
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/docMetadata/LabelInfo.xml" ContentType="application/vnd.ms-office.classificationlabels+xml"/>',
    );
  });
});

describe("package edits for a removed part", () => {
  it("RelsXml.remove drops one relationship and keeps every other byte", () => {
    const before =
      `${DECL}<Relationships ${PKG_REL}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId9" Type="${REL}/calcChain" Target="calcChain.xml"/><Relationship Id="rId10" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
    const rels = new RelsXml(enc(before));
    rels.remove("rId9");
    expect(rels.changed).toBe(true);
    expect(rels.rels.map((r) => r.id)).toEqual(["rId1", "rId10"]);
    expect(text(rels.toBytes())).toBe(
      before.replace(`<Relationship Id="rId9" Type="${REL}/calcChain" Target="calcChain.xml"/>`, ""),
    );
  });

  it("removeContentType drops the part's Override entry only", () => {
    const before =
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
    expect(text(removeContentType(enc(before), "xl/calcChain.xml"))).toBe(
      before.replace(
        `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>`,
        "",
      ),
    );
  });
});
