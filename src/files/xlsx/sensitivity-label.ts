// The sensitivity label (Microsoft Purview Information Protection, "MSIP") a workbook carries, read from its
// package, and carried onto a review workbook drawn from it, so Office does not take the review for unlabelled.

import { markingRank } from "../../core/summary/roll-up";
import { addContentTypes, RelsXml } from "./package-parts";
import { relationshipKind, resolveTarget } from "./workbook-parts";
import { name, Tok, XmlScanner } from "./xml-scanner";
import { decodeAttr, decodeCData, decodeText } from "./xml-text";
import { utf8, xmlAttr, xmlText } from "./xml-write";
import { ZipPackage } from "./zip-package";

/** A workbook's sensitivity label, as its package holds it. */
export interface SensitivityLabel {
  /** The label's id: the GUID of its `MSIP_Label_<id>_…` custom properties. */
  id: string;
  /** The label's name (`MSIP_Label_<id>_Name`), e.g. OFFICIAL-SENSITIVE; "" when it has none. */
  name: string;
  /** Every `MSIP_Label_<id>_*` custom property, name and value, in the file's order. */
  properties: [string, string][];
  /** Newer Office's label part (docMetadata/LabelInfo.xml), as it is, when the file has one. */
  labelInfo?: string;
}

const CUSTOM_PROPERTIES_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
const CUSTOM_PROPERTIES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const LABEL_INFO_TYPE = "http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels";
const LABEL_INFO_CONTENT_TYPE = "application/vnd.ms-office.classificationlabels+xml";
const CUSTOM_PART = "docProps/custom.xml";
const LABEL_INFO_PART = "docMetadata/LabelInfo.xml";
const VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** The format id Office gives every custom property it writes. */
const CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
const MSIP = /^MSIP_Label_([0-9A-Fa-f-]{36})_(.+)$/;

const PROPERTY = name("property");
const NAME = name("name");
const PID = name("pid");

/** A package's own parts (its `_rels/.rels`) of one relationship kind, by path. */
function packagePartsOf(pkg: ZipPackage, kind: string): string[] {
  const rels = pkg.read("_rels/.rels");
  if (rels === null) return [];
  return new RelsXml(rels).rels
    .filter((r) => !r.external && relationshipKind(r.type).toLowerCase() === kind.toLowerCase())
    .map((r) => resolveTarget("", r.target));
}

/** Each custom property's name, value (as text) and pid, in the part's order. */
function customProperties(bytes: Uint8Array): { name: string; value: string; pid: number }[] {
  const x = new XmlScanner(bytes);
  const out: { name: string; value: string; pid: number }[] = [];
  let current: { name: string; value: string; pid: number } | null = null;
  for (let t = x.next(); t !== Tok.End; t = x.next()) {
    if (t === Tok.Open && x.is(PROPERTY)) {
      const n = x.attr(NAME);
      const p = x.attr(PID);
      current = {
        name: n < 0 ? "" : decodeAttr(bytes, x.attrValueStart(n), x.attrValueEnd(n)),
        value: "",
        pid: p < 0 ? 0 : Number(decodeAttr(bytes, x.attrValueStart(p), x.attrValueEnd(p))) || 0,
      };
      out.push(current);
      if (x.selfClosing) current = null;
    } else if (t === Tok.Close && x.is(PROPERTY)) current = null;
    else if (t === Tok.Text && current) current.value += decodeText(bytes, x.textStart, x.textEnd);
    else if (t === Tok.CData && current) current.value += decodeCData(bytes, x.textStart, x.textEnd);
  }
  return out;
}

/**
 * The sensitivity label a workbook (.xlsx/.xlsm bytes) carries: the enabled `MSIP_Label_<id>_*` custom
 * properties (docProps/custom.xml), with newer Office's label part when it has one; null when it carries
 * none, or is not a package that reads (a CSV).
 */
export function readSensitivityLabel(bytes: Uint8Array): SensitivityLabel | null {
  try {
    const pkg = new ZipPackage(bytes);
    const byId = new Map<string, [string, string][]>();
    for (const part of packagePartsOf(pkg, "custom-properties")) {
      const xml = pkg.read(part);
      for (const p of xml === null ? [] : customProperties(xml)) {
        const m = MSIP.exec(p.name);
        if (m) byId.set(m[1], [...(byId.get(m[1]) ?? []), [p.name, p.value]]);
      }
    }
    const field = (props: [string, string][], f: string) =>
      props.find(([n]) => MSIP.exec(n)?.[2].toLowerCase() === f)?.[1] ?? "";
    const enabled = [...byId].find(([, props]) => field(props, "enabled").trim().toLowerCase() === "true");
    if (!enabled) return null;
    const [id, properties] = enabled;
    const info = packagePartsOf(pkg, "classificationlabels")
      .map((p) => pkg.read(p))
      .find((b) => b !== null);
    return {
      id,
      name: field(properties, "name"),
      properties,
      ...(info ? { labelInfo: new TextDecoder().decode(info) } : {}),
    };
  } catch {
    // Not a package (a CSV), or one whose label parts do not read: no label to carry.
    return null;
  }
}

/**
 * The label a roll-up over several files carries: the files' own when every labelled file has the same
 * one; else the most protective by name (OFFICIAL < OFFICIAL-SENSITIVE < SECRET < TOP SECRET, as the
 * protective marking is chosen), so a roll-up never carries a lower label than a file it draws on; null
 * when no file is labelled, or when the labels differ and one's name is not a classification (they
 * cannot be ranked; the officer labels the roll-up in Excel).
 */
export function rollUpLabel(
  labels: readonly (SensitivityLabel | null | undefined)[],
): SensitivityLabel | null {
  const given = labels.filter((l): l is SensitivityLabel => !!l);
  if (given.length === 0) return null;
  if (given.every((l) => l.id.toLowerCase() === given[0].id.toLowerCase())) return given[0];
  const ranks = given.map((l) => markingRank(l.name));
  if (ranks.some((r) => r < 0)) return null;
  return given[ranks.indexOf(Math.max(...ranks))];
}

/**
 * The .xlsx (bytes) with `label` on it: its MSIP custom properties in docProps/custom.xml (added to the
 * package's own custom properties, or a new part), and newer Office's label part when the label has one;
 * with their relationships and content types. Every other part is copied as it was.
 */
export function withSensitivityLabel(xlsx: Uint8Array, label: SensitivityLabel): Uint8Array {
  const pkg = new ZipPackage(xlsx);
  const relsBytes = pkg.read("_rels/.rels");
  const rels = new RelsXml(relsBytes);
  const types: { part: string; type: string }[] = [];
  const existing = packagePartsOf(pkg, "custom-properties")[0];
  const existingXml = existing === undefined ? null : pkg.read(existing);
  if (existing !== undefined && existingXml !== null) {
    const text = new TextDecoder().decode(existingXml);
    const pid = Math.max(1, ...customProperties(existingXml).map((p) => p.pid));
    const end = text.lastIndexOf("</");
    pkg.write(existing, utf8(text.slice(0, end) + propertiesXml(label, pid + 1, true) + text.slice(end)));
  } else {
    pkg.write(
      CUSTOM_PART,
      utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
          `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
          `xmlns:vt="${VT_NS}">${propertiesXml(label, 2)}</Properties>`,
      ),
    );
    rels.add(CUSTOM_PROPERTIES_TYPE, CUSTOM_PART);
    types.push({ part: CUSTOM_PART, type: CUSTOM_PROPERTIES_CONTENT_TYPE });
  }
  if (label.labelInfo !== undefined && packagePartsOf(pkg, "classificationlabels").length === 0) {
    pkg.write(LABEL_INFO_PART, utf8(label.labelInfo));
    rels.add(LABEL_INFO_TYPE, LABEL_INFO_PART);
    types.push({ part: LABEL_INFO_PART, type: LABEL_INFO_CONTENT_TYPE });
  }
  if (rels.changed) pkg.write("_rels/.rels", rels.toBytes());
  const contentTypes = pkg.read("[Content_Types].xml");
  if (types.length > 0 && contentTypes !== null)
    pkg.write("[Content_Types].xml", addContentTypes(contentTypes, types));
  return pkg.toBytes();
}

/**
 * The label's properties as custom properties, numbered from `pid`; `declareVt`: each declares the value
 * types' namespace itself (added to a part whose own prefix for it is not known).
 */
function propertiesXml(label: SensitivityLabel, pid: number, declareVt = false): string {
  const vt = declareVt ? ` xmlns:vt="${VT_NS}"` : "";
  return label.properties
    .map(
      ([n, v], k) =>
        `<property fmtid="${CUSTOM_FMTID}" pid="${pid + k}" name="${xmlAttr(n)}"${vt}><vt:lpwstr>${xmlText(v)}</vt:lpwstr></property>`,
    )
    .join("");
}
