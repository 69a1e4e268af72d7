// Header words → fields (SPEC "Fields"): one header at a time, then whole rows competing for fields.

import { mapHeaders, type HeaderCell } from "../../../src/core/read/map-headers";
import type { SheetKind } from "../../../src/core/model/fields";

type Kind = Exclude<SheetKind, "unknown">;

/** The field one header maps to on a sheet of this kind, or null. */
function fieldOf(kind: Kind, header: string, group?: string): string | null {
  return mapHeaders(kind, [{ col: 0, text: header, group }]).columns[0].field;
}

/** Header → field for a whole header row. */
function mapRow(kind: Kind, headers: string[]): Record<string, string | null> {
  const cells: HeaderCell[] = headers.map((text, col) => ({ col, text }));
  return Object.fromEntries(mapHeaders(kind, cells).columns.map((c) => [c.header, c.field]));
}

describe("mapHeaders: register headers", () => {
  it.each([
    ["Risk ID", "id"],
    ["Risk_ID", "id"],
    ["Risk Ref", "id"],
    ["Reference", "id"],
    ["Risk No", "id"],
    ["Risk Title", "title"],
    ["Risk", "title"],
    ["Risk Description", "description"],
    ["Cause / Event / Effect", "description"],
    ["Service Annex", "annex"],
    ["Service Area", "annex"],
    ["Workstream", "annex"],
    ["Business Unit", "annex"],
    ["Risk Owner", "owner"],
    ["Responsible Officer", "owner"],
    ["Date Raised", "raised"],
    ["Date Identified", "raised"],
    ["Current Likelihood", "likelihood"],
    ["Likelihood_1_5", "likelihood"],
    ["Residual Impact", "impact"],
    ["Current Risk Score", "score"],
    ["RR Score", "score"],
    ["Inherent Likelihood", "inherentLikelihood"],
    ["Gross Impact", "inherentImpact"],
    ["Initial Risk Score", "inherentScore"],
    ["Target Score", "targetScore"],
    ["Future Likelihood", "targetLikelihood"],
    ["RAG", "rag"],
    ["RAG Status", "rag"],
    ["Risk Rating", "rag"],
    ["Strategy", "strategy"],
    ["Response", "strategy"],
    ["Risk Response Strategy", "strategy"],
    ["Treatment", "strategy"],
    ["Risk Treatment Approach", "strategy"],
    ["4T", "strategy"],
    ["Mitigation Strategy", "actions"],
    ["Actions", "actions"],
    ["Mitigation", "actions"],
    ["Mitigating Actions", "actions"],
    ["Action Plan", "actions"],
    ["Existing Controls", "controls"],
    ["Controls", "controls"],
    ["Mitigating Controls", "controls"],
    ["Last Updated", "lastUpdated"],
    ["Last Reviewed", "lastUpdated"],
    ["Date of Last Review", "lastUpdated"],
    ["Date Reviewed", "lastUpdated"],
    ["Latest Update", "update"],
    ["Commentary", "update"],
    ["Progress", "update"],
    ["Updates/Progress", "update"],
    ["Next Review", "nextReview"],
    ["Next Review Date", "nextReview"],
    ["Status", "status"],
    ["Risk Status", "status"],
    ["Current_Status", "status"],
    ["Financial Impact (£)", "financialImpact"],
    ["Cost", "financialImpact"],
    ["Estimated Cost", "financialImpact"],
    ["Escalate?", "escalate"],
    ["Escalated To", "escalatedTo"],
    ["Transferred To", "transferredTo"],
    ["Early Warning", "earlyWarning"],
    // "EW Ref" is the earlyWarning beside an id column (below): alone it is the id.
    ["Colour of the folder", null],
  ])("%s → %s", (header, field) => {
    expect(fieldOf("risk-register", header)).toBe(field);
  });

  it.each([
    ["Inherent", "Likelihood", "inherentLikelihood"],
    ["Residual", "Impact", "impact"],
    ["Target", "Score", "targetScore"],
    ["Contract risk register", "Score", "score"],
    // Last month's assessment beside this month's: the earlier block is kept apart, as an inherent one is.
    ["Previous", "Likelihood", "previousLikelihood"],
    ["Last month", "Score", "previousScore"],
    ["Previous quarter", "Impact", "previousImpact"],
    ["Current", "Score", "score"],
    ["This month", "Score", "score"],
    // The group naming the field over headers naming only the period or stage (heuristics review 31).
    ["Risk score", "Last month", "previousScore"],
    ["Risk score", "This month", "score"],
    ["Risk Score", "Residual", "score"],
    ["Risk Score", "Target", "targetScore"],
    ["Likelihood", "Inherent", "inherentLikelihood"],
  ])("group header %s above %s → %s", (group, header, field) => {
    expect(fieldOf("risk-register", header, group)).toBe(field);
  });

  it.each(["EW Ref", "EW No.", "EW ID", "Early Warning Ref", "Early Warning No"])(
    "%s beside a Risk ID is the earlyWarning; with no id column it is the id (an NEC4 Early Warning Register)",
    (header) => {
      expect(mapRow("risk-register", ["Risk ID", header, "Description"])[header]).toBe("earlyWarning");
      expect(mapRow("risk-register", [header, "Description"])[header]).toBe("id");
    },
  );

  it("an early warning column not headed as a reference is never the id: 'Custom field (Early Warning)'", () => {
    // A Jira export's early warning signs ("Unverifiable CE actor data."), beside no id column.
    expect(mapRow("risk-register", ["Summary", "Description", "Custom field (Early Warning)"])).toEqual({
      Summary: "title",
      Description: "description",
      "Custom field (Early Warning)": "earlyWarning",
    });
  });

  it("a compensation event's reference is never the id: 'Compensation event? (CE ref)' (review 31)", () => {
    expect(mapRow("risk-register", ["EW No.", "Description", "Compensation event? (CE ref)"])).toEqual({
      "EW No.": "id",
      Description: "description",
      "Compensation event? (CE ref)": null,
    });
    expect(fieldOf("risk-register", "CE Ref")).toBeNull();
  });

  it("'Risk reduction meeting date' (NEC4) is lastUpdated (review 31)", () => {
    expect(fieldOf("risk-register", "Risk reduction meeting date")).toBe("lastUpdated");
  });

  it.each([
    ["RRM date", "lastUpdated"],
    ["Date of last RRM", "lastUpdated"],
    ["RRM", "lastUpdated"],
    ["Next RRM", "nextReview"],
    ["Next RRM date", "nextReview"],
    ["Next risk reduction meeting", "nextReview"],
    ["Discussed at RRM?", null],
  ])(
    "NEC4's risk reduction meeting as its registers head it (misfire review 32): %s → %s",
    (header, field) => {
      expect(fieldOf("risk-register", header)).toBe(field);
    },
  );

  it("'Next risk reduction meeting' is the next review beside 'Risk reduction meeting date' (misfire review 32)", () => {
    expect(
      mapRow("risk-register", ["EW No.", "Risk reduction meeting date", "Next risk reduction meeting"]),
    ).toEqual({
      "EW No.": "id",
      "Risk reduction meeting date": "lastUpdated",
      "Next risk reduction meeting": "nextReview",
    });
  });

  it("'Update – this month' is the update beside 'Update – last month' (heuristics review 31)", () => {
    expect(mapRow("risk-register", ["Risk ID", "Update – last month", "Update – this month"])).toEqual({
      "Risk ID": "id",
      "Update – last month": null,
      "Update – this month": "update",
    });
  });

  it.each([
    ["Risk Owner (Name & Job Title)", "owner"],
    ["Risk Owner (Name)", "owner"],
    ["Risk Owner (Name/Role)", "owner"],
    ["Custom field (Risk Score)", "score"],
    ["Treat / Tolerate / Transfer / Terminate", "strategy"],
    ["Avoid / Reduce / Transfer / Accept", "strategy"],
    ["Mitigate / Control", "controls"],
    ["Target Rating", "targetScore"],
  ])("a bracketed note or a list of strategy words: %s → %s", (header, field) => {
    expect(fieldOf("risk-register", header)).toBe(field);
  });

  it.each([
    ["Previous Score", "previousScore"],
    ["Score last month", "previousScore"],
    // "Last" before no period: the date of the last update, not an earlier assessment.
    ["Last Updated", "lastUpdated"],
  ])("a header naming an earlier assessment: %s → %s", (header, field) => {
    expect(fieldOf("risk-register", header)).toBe(field);
  });

  it.each([
    ["Current Risk", "Rating", "score"],
    ["Inherent", "Rating", "inherentScore"],
    ["Target Risk", "Rating", "targetScore"],
  ])("a bare Rating under group %s: %s → %s", (group, header, field) => {
    expect(fieldOf("risk-register", header, group)).toBe(field);
  });

  it("a Rating under a Current group yields the score to a Score column and the RAG to a RAG column", () => {
    const cells = (headers: [string, string?][]): HeaderCell[] =>
      headers.map(([text, group], col) => ({ col, text, group }));
    const fields = (headers: [string, string?][]) =>
      mapHeaders("risk-register", cells(headers)).columns.map((c) => c.field);
    expect(
      fields([["Likelihood", "Current"], ["Impact", "Current"], ["Rating", "Current"], ["RAG"]]),
    ).toEqual(["likelihood", "impact", "score", "rag"]);
    expect(
      fields([
        ["Score", "Residual"],
        ["Rating", "Residual"],
      ]),
    ).toEqual(["score", "rag"]);
  });

  it("Mitigation Strategy holds actions, not the strategy, beside a real strategy column", () => {
    expect(mapRow("risk-register", ["Risk ID", "Mitigation Strategy", "Risk Treatment Approach"])).toEqual({
      "Risk ID": "id",
      "Mitigation Strategy": "actions",
      "Risk Treatment Approach": "strategy",
    });
  });

  it("one column serves one field: the most specific header wins", () => {
    expect(mapRow("risk-register", ["Ref", "Risk Ref", "Risk Status", "Status"])).toMatchObject({
      "Risk Ref": "id",
      "Risk Status": "status",
    });
    const row = mapRow("risk-register", ["Ref", "Risk Ref", "Risk Status", "Status"]);
    expect(Object.values(row).filter((f) => f === "id")).toHaveLength(1);
    expect(Object.values(row).filter((f) => f === "status")).toHaveLength(1);
  });

  it("a bare Review Date is held back until its dates are seen", () => {
    expect(fieldOf("risk-register", "Review Date")).toBe("reviewDate");
  });

  it("officers' corrections from settings win over matching", () => {
    const m = mapHeaders(
      "risk-register",
      [
        { col: 0, text: "Risk ID" },
        { col: 1, text: "Lead" },
      ],
      [{ sheet: "Reg", header: "lead", field: "owner" }],
      "Reg",
    );
    expect(m.columns.map((c) => [c.header, c.field, c.source])).toEqual([
      ["Risk ID", "id", "header"],
      ["Lead", "owner", "setting"],
    ]);
  });
});

describe("mapHeaders: headers of UK public bodies' registers (rv-real30)", () => {
  it.each([
    // Pentana's "Creation date" (City of London) is when the risk was raised.
    ["Creation date", "raised"],
    ["Date Created", "raised"],
    // East Sussex heads its risks' names "Strategic Risks".
    ["Strategic Risks", "title"],
    // A treatment plan holds actions, as an action plan does; Treatment alone is still the strategy.
    ["Summary Risk Treatment Plan (Corporate)", "actions"],
    ["Treatment Plan", "actions"],
    ["Treatment", "strategy"],
    ["Risk Treatment Approach", "strategy"],
    // Controls beside the response are the controls, not the 4T nor the score the header also names.
    ["Risk Control / Response and Post Mitigation RAG score", "controls"],
    ["Controls and Response", "controls"],
    ["Response", "strategy"],
    // Pre / post mitigation is the stage of the assessment, not the actions column "Mitigation" names: a pre
    // mitigation RAG is an inherent one (kept apart: never the RAG), a post mitigation one the RAG.
    ["Pre Mitigation RAG rating", null],
    ["Post Mitigation RAG rating", "rag"],
    ["Pre-mitigation Score", "inherentScore"],
    ["Post-mitigation Score", "score"],
    ["After mitigation Likelihood", "likelihood"],
    ["Mitigation", "actions"],
  ])("%s → %s", (header, field) => {
    expect(fieldOf("risk-register", header)).toBe(field);
  });

  it("a column flagging strategic risks does not take the title from Risk Title", () => {
    expect(mapRow("risk-register", ["Risk ID", "Risk Title", "Strategic Risk"])).toEqual({
      "Risk ID": "id",
      "Risk Title": "title",
      "Strategic Risk": null,
    });
  });

  it("East Sussex's row: Strategic Risks the title, the pre mitigation RAG apart, the post mitigation one the RAG", () => {
    expect(
      mapRow("risk-register", [
        "Ref",
        "Strategic Risks",
        "Pre Mitigation RAG rating",
        "Risk Control / Response and Post Mitigation RAG score",
        "Post Mitigation RAG rating",
      ]),
    ).toEqual({
      Ref: "id",
      "Strategic Risks": "title",
      "Pre Mitigation RAG rating": null,
      "Risk Control / Response and Post Mitigation RAG score": "controls",
      "Post Mitigation RAG rating": "rag",
    });
  });

  it("a column its cells show holds no field is left unmapped, and a header merged over it goes to the next", () => {
    const header = "Risk Control / Response and Post Mitigation RAG score";
    const cells: HeaderCell[] = [
      { col: 0, text: "Ref" },
      { col: 1, text: header },
      { col: 2, text: header },
    ];
    const fields = (fieldless?: ReadonlySet<number>) =>
      mapHeaders("risk-register", cells, [], "", fieldless).columns.map((c) => [c.field, c.source]);
    expect(fields()[1]).toEqual(["controls", "header"]);
    expect(fields(new Set([1]))).toEqual([
      ["id", "header"],
      [null, "header"],
      ["controls", "header"],
    ]);
    // An officer's correction still maps it.
    const corrected = mapHeaders(
      "risk-register",
      [
        { col: 0, text: "Ref" },
        { col: 1, text: "Trend" },
      ],
      [{ sheet: "Reg", header: "Trend", field: "update" }],
      "Reg",
      new Set([1]),
    );
    expect(corrected.columns.map((c) => c.field)).toEqual(["id", "update"]);
  });

  it("a Pentana actions report: Description is the action, Latest Note the update, Latest Note Date its date", () => {
    expect(
      mapRow("actions", [
        "Risk no",
        "Action no",
        "Action owner",
        "Description",
        "Latest Note",
        "Managed By",
        "Latest Note Date",
        "Due Date",
      ]),
    ).toEqual({
      "Risk no": "riskId",
      "Action no": "actionId",
      "Action owner": "owner",
      Description: "action",
      "Latest Note": "update",
      "Managed By": null,
      "Latest Note Date": "updated",
      "Due Date": "due",
    });
    // "Action Description" still wins over a bare "Description".
    expect(mapRow("actions", ["Risk ID", "Action Description", "Description"])).toMatchObject({
      "Action Description": "action",
      Description: null,
    });
  });
});

describe("mapHeaders: actions, plan and update-log headers", () => {
  it("actions", () => {
    expect(
      mapRow("actions", [
        "Risk Reference",
        "Action Ref",
        "Action Description",
        "Action Owner",
        "Target Date",
        "Action Status",
        "Progress Update",
        "Update Date",
      ]),
    ).toEqual({
      "Risk Reference": "riskId",
      "Action Ref": "actionId",
      "Action Description": "action",
      "Action Owner": "owner",
      "Target Date": "due",
      "Action Status": "status",
      "Progress Update": "update",
      "Update Date": "updated",
    });
    expect(fieldOf("actions", "Date Due")).toBe("due");
  });

  it("the seed plan's nine headers", () => {
    expect(
      mapRow("improvement-plan", [
        "No",
        "Improvement Aim",
        "Background from GT audit and August 2020 Major Contract Performance Review",
        "Action",
        "Date Completed or Expected",
        "Lead Director",
        "Lead Officer",
        "Progress Status",
        "Evidence",
      ]),
    ).toEqual({
      No: "no",
      "Improvement Aim": "aim",
      "Background from GT audit and August 2020 Major Contract Performance Review": "background",
      Action: "action",
      "Date Completed or Expected": "date",
      "Lead Director": "leadDirector",
      "Lead Officer": "leadOfficer",
      "Progress Status": "status",
      Evidence: "evidence",
    });
  });

  it("the Update Log tab's own headers", () => {
    expect(
      mapRow("update-log", ["Date", "Risk ID", "By", "Update", "No change", "Score", "Strategy"]),
    ).toEqual({
      Date: "date",
      "Risk ID": "riskId",
      By: "by",
      Update: "text",
      "No change": "noChange",
      Score: "score",
      Strategy: "strategy",
    });
  });
});
