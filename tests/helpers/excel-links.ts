// Reads a written workbook's links as Excel follows them: a link's relationship target, then "#" and its
// location (the sheet and cell). exceljs cannot read a link kept in a location alone, so tests read the
// parts themselves.

import { unzipSync } from "fflate";

const decode = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : "");
const attr = (element: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(element);
  return m
    ? m[1]
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&")
    : undefined;
};
const relations = (xml: string) =>
  new Map([...xml.matchAll(/<Relationship\b[^>]*>/g)].map((r) => [attr(r[0], "Id")!, attr(r[0], "Target")!]));

/** Every sheet's links, by sheet name then cell ("E4"), each as the address Excel goes to. */
export function excelLinks(bytes: Uint8Array): Map<string, Map<string, string>> {
  const parts = unzipSync(bytes);
  const workbookRels = relations(decode(parts["xl/_rels/workbook.xml.rels"]));
  const out = new Map<string, Map<string, string>>();
  for (const s of decode(parts["xl/workbook.xml"]).matchAll(/<sheet\b[^>]*>/g)) {
    const target = workbookRels.get(attr(s[0], "r:id")!)!.replace(/^\/?(xl\/)?/, "");
    const part = `xl/${target}`;
    const rels = relations(decode(parts[part.replace(/([^/]+)$/, "_rels/$1.rels")]));
    const links = new Map<string, string>();
    for (const h of decode(parts[part]).matchAll(/<hyperlink\b[^>]*>/g)) {
      const id = attr(h[0], "r:id");
      const location = attr(h[0], "location");
      const file = id === undefined ? "" : rels.get(id)!;
      links.set(attr(h[0], "ref")!, location === undefined ? file : `${file}#${location}`);
    }
    out.set(attr(s[0], "name")!, links);
  }
  return out;
}

/** Every link's address in a written workbook, sheet by sheet in order. */
export function allExcelLinks(bytes: Uint8Array): string[] {
  return [...excelLinks(bytes).values()].flatMap((links) => [...links.values()]);
}
