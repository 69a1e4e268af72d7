import * as fs from "fs";
import ExcelJS from "exceljs";
import { dayFromIso, findOutstandingWork } from "../../../src/core/parse";
import { defaultSettings } from "../../../src/core/model/settings";
import { SEED_PLAN } from "../../helpers/fixture-paths";

const phrases = defaultSettings().outstandingPhrases;
const asAt = dayFromIso("2022-10-10") as number;

describe("findOutstandingWork: seed plan Status and Evidence texts as at 10 October 2022", () => {
  it.each<[string, string | null]>([
    ["New structure agreed. Recruitment in progress. Interims in place.", "in progress"],
    ["Framework in place and agreed with Procurement. Graduate QS to be recruited.", "to be recruited"],
    [
      "Risk registers available and will be moved to new system when available.",
      "will be moved to new system when available",
    ],
    ["First results available from Apse in December 2022", "December 2022"],
    ["Data collection underway. First results available from Apse in December 2022. Key", "underway"],
    [
      "Completed. New Structure now agreed with plan in place for recruitment to secure appropriate talent all in place by March 2023. Interims in place.",
      "March 2023",
    ],
    [
      "Completed. New structure agreed which identifies roles. Process review and RACI matrix in progress to support new structure.",
      "in progress",
    ],
    [
      "New structure agreed and recruitment underway. Interims in place to drive change management.",
      "underway",
    ],
    ["Monthly reports to MCIB. Close out plans for issues in progress.", "in progress"],
    [
      "position on accuracy of information. Commercial negotiations underway to confirm position to include commissioners feeding outcome into draft 2023/24 Annual Plan.",
      "underway",
    ],
    [
      "Completed. Risk Management Board in place. 2022/23 Annual Plan revised to capture and close out improvement plan recommendations.",
      null,
    ],
    ["Revised and agreed Annual Plan process. Finalised 2023/24 Annual Plan.", null],
    ["Finalised 23/24 Annual Plan and Forward Programme", null],
    ["process for 23/24. Medium term (FOM) identifies consultation as key requirement.", null],
    ["Annual Plan 2023/24 led by Head of Highways supported by lead commissioners.", null],
    ["Completed. Monthly Risks reported to the MCIB.", null],
    [
      "Meeting Minutes from Risk Management Board. Risk Logs and transfer, as appropriate of risks to Directorate and Corporate Risk Registers",
      null,
    ],
    ["available in August and September.", null],
    ["Completed. Formal review of 2022/23 completed including the issue of Early Warnings to BBLP.", null],
    ["2022 annual plan subject to detail review and challenge.", null],
  ])("%j → %j", (text, expected) => {
    expect(findOutstandingWork(text, phrases, asAt)).toBe(expected);
  });
});

describe("findOutstandingWork: phrases", () => {
  it.each<[string, string | null]>([
    ["Awaiting sign-off from the director", "Awaiting"],
    ["Sign-off PENDING", "PENDING"],
    ["Policy in draft", "in draft"],
    ["Not yet agreed", "Not yet"],
    ["Officer to be appointed", "to be appointed"],
    ["Works in\nprogress", "in progress"],
    ["Will be published when available", "Will be published when available"],
    ["will be when available", "will be when available"],
    ["Spending is pending-free", "pending"],
    ["Suspending the process", null],
    ["Ongoing in progressive steps", null],
    ["fed into draft plan", null],
    ["It will be done. Reports when available.", null],
    ["", null],
  ])("%j → %j", (text, expected) => {
    expect(findOutstandingWork(text, phrases, asAt)).toBe(expected);
  });

  it("uses the phrases in settings, with ... as a wildcard too", () => {
    expect(findOutstandingWork("Data to follow", ["to follow"], asAt)).toBe("to follow");
    expect(findOutstandingWork("Report due to be signed off later", ["due to ... later"], asAt)).toBe(
      "due to be signed off later",
    );
    expect(findOutstandingWork("Recruitment in progress", [], asAt)).toBeNull();
  });

  it("treats regex characters in phrases literally", () => {
    expect(findOutstandingWork("Status (tbc) pending", ["(tbc)"], asAt)).toBe("(tbc)");
    expect(findOutstandingWork("Status xtbcx", ["(tbc)", ".*"], asAt)).toBeNull();
  });

  it("returns whichever comes first in the text", () => {
    expect(findOutstandingWork("Due December 2022; awaiting data", phrases, asAt)).toBe("December 2022");
    expect(findOutstandingWork("Awaiting data due December 2022", phrases, asAt)).toBe("Awaiting");
  });

  it("among phrases, quotes the one first in the text, and at one place the one first in the list", () => {
    // The list's order does not decide which phrase is quoted: the text's does.
    expect(findOutstandingWork("Not yet signed off; awaiting data", ["awaiting", "not yet"], asAt)).toBe(
      "Not yet",
    );
    // Two phrases starting at one place: the first listed that matches there (as each read alone, earliest kept).
    expect(findOutstandingWork("Work in progress now", ["in progress now", "in progress"], asAt)).toBe(
      "in progress now",
    );
    expect(findOutstandingWork("Work in progress now", ["in progress", "in progress now"], asAt)).toBe(
      "in progress",
    );
    // A phrase that matches only as part of a longer word is passed over for the next phrase at that place.
    expect(findOutstandingWork("Awaitings list; awaiting data", ["awaiting"], asAt)).toBe("awaiting");
    // A list with a blank or non-text entry still reads its phrases; the same words in a new list, alike.
    const odd = ["", 7 as unknown as string, "pending"];
    expect(findOutstandingWork("Sign-off pending", odd, asAt)).toBe("pending");
    expect(findOutstandingWork("Sign-off pending", [...odd], asAt)).toBe("pending");
    expect(findOutstandingWork("Sign-off pending", ["", "…"], asAt)).toBeNull();
  });
});

describe("findOutstandingWork: dates after the as-at date", () => {
  it.each<[string, string | null]>([
    ["Report issued 15 November 2022", "15 November 2022"],
    ["Report due 11/10/2022", "11/10/2022"],
    ["Report due 2022-12-01", "2022-12-01"],
    ["Go-live Q1 2023", "Q1 2023"],
    ["Go-live Nov-22", "Nov-22"],
    ["Go-live Sept 2023", "Sept 2023"],
    ["Report issued 10 October 2022", null],
    ["Report issued 09/10/2022", null],
    ["Reviewed in October 2022", null],
    ["Reviewed September 2022", null],
    ["Reviewed Q3 2022", null],
    ["Plan for March 2023/24", null],
    ["FY 2023-24 budget", null],
    ["Market 2023 review", null],
    ["Invalid 31/02/2023 date", null],
  ])("%j → %j", (text, expected) => {
    expect(findOutstandingWork(text, phrases, asAt)).toBe(expected);
  });
});

const SEED = SEED_PLAN;

describe("findOutstandingWork over the seed plan", () => {
  it("flags the caveated Status and Evidence cells and no financial-year label", async () => {
    expect(fs.existsSync(SEED)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SEED);
    const found: string[] = [];
    wb.worksheets[0].eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (typeof cell.value !== "string" || r < 4) return;
        const hit = findOutstandingWork(cell.value, phrases, asAt);
        if (hit) found.push(`${r}:${c}:${hit}`);
      });
    });
    expect(found).toEqual(
      expect.arrayContaining([
        "13:9:will be moved to new system when available",
        "15:9:underway",
        "39:8:March 2023",
        "39:9:in progress",
        "40:9:to be recruited",
        "52:8:in progress",
        "52:9:underway",
      ]),
    );
    expect(found.filter((f) => /\d{2}\/\d{2}/.test(f))).toEqual([]);
  });
});
