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

describe("manifest.xml (development)", () => {
  it("points SupportUrl and LearnMoreUrl at the help page, not at the task pane", () => {
    expect(all("SupportUrl")[0].getAttribute("DefaultValue")).toBe("https://localhost:3000/help.html");
    const learnMore = all("Url").find((u) => u.getAttribute("id") === "GetStarted.LearnMoreUrl");
    expect(learnMore?.getAttribute("DefaultValue")).toBe("https://localhost:3000/help.html");
  });
});

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

/** The CopyWebpackPlugin patterns of the production build, from webpack.config.js itself. */
function copyPatterns(
  baseUrl: string | undefined,
): { from: string; to: string; transform?: (c: Buffer) => unknown }[] {
  const saved = process.env.ADDIN_BASE_URL;
  if (baseUrl === undefined) delete process.env.ADDIN_BASE_URL;
  else process.env.ADDIN_BASE_URL = baseUrl;
  try {
    const makeConfig = require("../webpack.config.js") as (
      env: object,
      argv: object,
    ) => { plugins: object[] };
    const config = makeConfig({}, { mode: "production" });
    const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin") as {
      patterns: { from: string; to: string; transform?: (c: Buffer) => unknown }[];
    };
    return copy.patterns;
  } finally {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  }
}

/** dist/manifest.xml as `npm run build` writes it with ADDIN_BASE_URL = `baseUrl`. */
async function builtManifest(baseUrl: string | undefined): Promise<string> {
  const pattern = copyPatterns(baseUrl).find((p) => p.to === "manifest.xml")!;
  const content = fs.readFileSync(path.join(ROOT, pattern.from));
  return String(pattern.transform ? await pattern.transform(content) : content);
}

describe("the production manifest (ADDIN_BASE_URL=… npm run build)", () => {
  const HOST = "https://addins.council.gov.uk/risk-review";

  it("names the hosting address everywhere and localhost nowhere", async () => {
    const built = await builtManifest(HOST);
    const prod = new DOMParser().parseFromString(built, "application/xml");
    expect(prod.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(built).not.toMatch(/localhost/);
    const urls = Array.from(prod.getElementsByTagNameNS("*", "*"))
      .map((e) => e.getAttribute("DefaultValue"))
      .filter((v): v is string => v !== null && /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(`${HOST}/`))).toEqual([]);
    const byTag = (name: string) => prod.getElementsByTagNameNS("*", name)[0];
    expect(byTag("SupportUrl").getAttribute("DefaultValue")).toBe(`${HOST}/help.html`);
    expect(byTag("SourceLocation").getAttribute("DefaultValue")).toBe(`${HOST}/taskpane.html`);
    expect(byTag("AppDomain").textContent).toBe("https://addins.council.gov.uk");
    // Everything else is the development manifest unchanged (same Id, Version, requirements).
    expect(
      built
        .split(`${HOST}/`)
        .join("https://localhost:3000/")
        .replace("https://addins.council.gov.uk<", "https://localhost:3000<"),
    ).toBe(xml);
  });

  it("keeps localhost when no address is given (a local build for sideloading)", async () => {
    expect(await builtManifest(undefined)).toBe(xml);
  });

  it.each([
    ["http://addins.council.gov.uk/", /must start with https/],
    ["addins.council.gov.uk", /not a web address/],
    ["https://addins.council.gov.uk/?v=2", /without \? or #/],
  ])("refuses ADDIN_BASE_URL=%s with a plain message", async (bad, message) => {
    await expect(builtManifest(bad)).rejects.toThrow(message);
  });

  it("ships the help page the manifest names, saying what the add-in does and how to get support", () => {
    const help = copyPatterns(undefined).find((p) => p.to === "help.html")!;
    const page = new DOMParser().parseFromString(
      fs.readFileSync(path.join(ROOT, help.from), "utf8"),
      "text/html",
    );
    expect(page.documentElement.getAttribute("lang")).toBe("en-GB");
    expect(Array.from(page.querySelectorAll("h2")).map((h) => h.textContent)).toEqual([
      "What it does",
      "When something goes wrong",
      "Getting support",
    ]);
    expect(page.querySelectorAll("script")).toHaveLength(0); // no request from the support page
  });
});
