// An accepted proposal: its words and the Update Log row that records it (the register is never changed).

import {
  acceptedProposalLog,
  acceptedProposalText,
  proposalWords,
} from "../../../src/core/meeting/accept-proposal";
import { UPDATE_LOG_HEADER } from "../../../src/core/meeting/record";
import { serialFromDay } from "../../../src/core/parse";
import type { Proposal } from "../../../src/core/model/history";
import { dayFromIso } from "../../../src/core/parse";

const escalate: Proposal = {
  recordId: "HRC-007",
  sheet: "IRIS Risks",
  row: 11,
  action: "escalate",
  destination: "strategic-board",
  reason: "score 20 above appetite (Cautious, 9) for 2 months",
};

describe("proposalWords", () => {
  it.each([
    [{ action: "escalate", destination: "operations-board" }, "Escalate to Operations Board"],
    [{ action: "escalate", destination: "directorate-register" }, "Escalate to Directorate risk register"],
    [
      { action: "de-escalate", destination: "corporate-register" },
      "De-escalate from Corporate risk register",
    ],
    [{ action: "de-escalate", destination: "Highways Board" }, "De-escalate from Highways Board"],
  ] as const)("%o → %s", (p, words) => {
    expect(proposalWords(p)).toBe(words);
  });
});

describe("acceptedProposalLog", () => {
  it("is one Update Log row: meeting date, risk, by, the words with the reason, not a no-change, score and strategy", () => {
    const log = acceptedProposalLog(
      escalate,
      { id: "HRC-007", score: 20, strategy: "Treat", sheet: "IRIS Risks" },
      "2022-10-10",
      "Jane Smith",
    );
    expect(log.kind).toBe("update-log");
    expect(log.header).toEqual([...UPDATE_LOG_HEADER]);
    expect(log.rows).toEqual([
      [
        serialFromDay(dayFromIso("2022-10-10")!),
        "HRC-007",
        "Jane Smith",
        "Proposal accepted: Escalate to Strategic Partnership Board (score 20 above appetite (Cautious, 9) for 2 months)",
        "No",
        20,
        "Treat",
        "IRIS Risks",
        "",
      ],
    ]);
    expect(acceptedProposalText(escalate)).toBe(log.rows[0][3]);
  });

  it("refuses a meeting date that is not an ISO date (a programming error)", () => {
    expect(() =>
      acceptedProposalLog(
        escalate,
        { id: "HRC-007", score: 20, strategy: "", sheet: "IRIS Risks" },
        "10/10/2022",
        "J",
      ),
    ).toThrow(/not an ISO date/);
  });
});
