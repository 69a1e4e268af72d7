// What the meeting's changes say of the risk's own actions on the register it offers no field for
// (RecordPanel's ownActionsElsewhere; README Review: several kept one a line "are changed on the register").

import type { OwnAction } from "../../src/core/model/own-action";
import type { CardOwnAction } from "../../src/core/meeting/card";
import { ownActionsElsewhere } from "../../src/taskpane/review/RecordPanel";

const action = (line: number, text: string): OwnAction => ({
  text,
  owner: "J Smith",
  status: "In progress",
  open: true,
  due: null,
  dueText: "31/08/2022",
  dueField: "actionDue",
  line,
  oneOfSeveral: true,
});

it("says several actions kept one a line are changed on the register, and why", () => {
  expect(
    ownActionsElsewhere({ ownAction: null, ownActions: [action(1, "Resurface"), action(2, "Signage")] }),
  ).toBe(
    "Its 2 actions on the register, kept one a line, are changed on the register itself, not here: a date or status written here would replace every line.",
  );
});

it("says one action dated on its line of the actions text is changed on the register", () => {
  expect(
    ownActionsElsewhere({
      ownAction: null,
      ownActions: [{ ...action(1, "Resurface"), dueField: "actions" }],
    }),
  ).toMatch(/^Its action on the register, dated on its line of the actions text, is changed on the register/);
});

it("says nothing where the meeting offers the one own action, or the risk keeps none", () => {
  const offered = { own: true } as unknown as CardOwnAction;
  expect(ownActionsElsewhere({ ownAction: offered, ownActions: [action(1, "Resurface")] })).toBeNull();
  expect(ownActionsElsewhere({ ownAction: null, ownActions: [] })).toBeNull();
});
