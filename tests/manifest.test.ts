/** @jest-environment jsdom */
// Offline checks of manifest.xml (Microsoft's validator needs its online service, so it is optional).

import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

/** Elements by local name, whatever their namespace prefix. */
function all(name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", name));
}
function text(name: string): string {
  return (all(name)[0]?.textContent ?? "").trim();
}

describe("manifest.xml", () => {
  it("is well-formed XML with OfficeApp at the root", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  it("has a GUID Id, an n.n.n.n Version and the en-GB locale", () => {
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text("Version")).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text("DefaultLocale")).toBe("en-GB");
    expect(text("Permissions")).toBe("ReadWriteDocument");
  });

  it("requires ExcelApi 1.9", () => {
    const set = all("Set").find((s) => s.getAttribute("Name") === "ExcelApi");
    expect(set?.getAttribute("MinVersion")).toBe("1.9");
  });

  it("resolves every resid to a resource", () => {
    const ids = new Set(
      all("Resources").flatMap((r) =>
        Array.from(r.getElementsByTagNameNS("*", "*")).map((e) => e.getAttribute("id")),
      ),
    );
    const refs = Array.from(doc.getElementsByTagNameNS("*", "*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
  });

  it("uses https URLs only, and every icon it names exists in assets/", () => {
    const urls = Array.from(doc.getElementsByTagNameNS("*", "*"))
      .map((e) => e.getAttribute("DefaultValue") ?? (e.localName === "AppDomain" ? e.textContent : null))
      .filter((v): v is string => v !== null && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    const icons = urls.filter((u) => u.endsWith(".png")).map((u) => new URL(u).pathname);
    expect(new Set(icons)).toEqual(
      new Set(["/assets/icon-16.png", "/assets/icon-32.png", "/assets/icon-64.png", "/assets/icon-80.png"]),
    );
    for (const icon of icons) {
      const file = fs.readFileSync(path.join(ROOT, icon));
      expect(file.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)\.png$/.exec(icon)?.[1]);
      expect([file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("puts a Risk Review button on the Home tab that opens the task pane", () => {
    const tab = all("OfficeTab")[0];
    expect(tab.getAttribute("id")).toBe("TabHome");
    const control = all("Control")[0];
    const labelId = control.getElementsByTagNameNS("*", "Label")[0].getAttribute("resid");
    const label = all("String").find((s) => s.getAttribute("id") === labelId);
    expect(label?.getAttribute("DefaultValue")).toBe("Risk Review");
    expect(control.getElementsByTagNameNS("*", "Action")[0].getAttribute("xsi:type")).toBe("ShowTaskpane");
  });
});
