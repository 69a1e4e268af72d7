// The registers the meeting setup offers (MeetingSetupForm's meetingRegisters): every register but a sheet of
// closed risks, which is not a register the risk stands on today; an Opportunities sheet's risks are on the agenda.

import type { SheetInfo } from "../../src/core/model/sheet-info";
import { meetingRegisters } from "../../src/taskpane/review/MeetingSetupForm";

const sheet = (name: string, over: Partial<SheetInfo> = {}): SheetInfo => ({
  name,
  kind: "risk-register",
  headerRow: 0,
  columns: [],
  unmapped: [],
  recordCount: 1,
  ...over,
});

it("offers the registers and the Opportunities sheet, not the Closed Risks sheet nor a sheet that is no register", () => {
  const sheets = [
    sheet("Risk Register"),
    sheet("Closed Risks", { holds: "closed-risks" }),
    sheet("Opportunities", { holds: "opportunities" }),
    sheet("Actions", { kind: "actions" }),
  ];
  expect(meetingRegisters({ sheets })).toEqual(["Risk Register", "Opportunities"]);
});
