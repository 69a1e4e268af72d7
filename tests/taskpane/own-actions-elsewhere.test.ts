// What the meeting's changes say of the risk's own actions on the register it offers no field for
// (RecordPanel's ownActionsElsewhere; README Review: several kept one a line are changed in the meeting on
// their own line of each cell, and those with no line of their own "are changed on the register itself").
// fx-ownline30: the meeting now offers each action kept one a line its own due date and status, so the
// message is said only of the actions (or fields) it cannot offer; it no longer says of every such action
// that "a date or status written here would replace every line".

import type { OwnAction } from "../../src/core/model/own-action";
import type { CardOwnAction, OwnLine } from "../../src/core/meeting/card";
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

/**
 * The card's offer of an action kept one a line, with its due and status lines (null: not offered); its owner
 * line (fx-meet31) and a due date on its line of the actions text are not offered here.
 */
const offer = (a: OwnAction, due: number | null, status: number | null): CardOwnAction =>
  ({
    own: true,
    line: { action: a, due, status, owner: null, dueInText: null } satisfies OwnLine,
  }) as CardOwnAction;

const resurface = action(1, "Resurface");
const signage = action(2, "Signage");

it("says nothing where the meeting offers each action kept one a line its due date and status", () => {
  expect(
    ownActionsElsewhere({
      ownAction: null,
      ownActions: [resurface, signage],
      ownLineActions: [offer(resurface, 0, 0), offer(signage, 1, 1)],
    }),
  ).toBeNull();
});

it("says several actions none of which has a line of its own are changed on the register, and why", () => {
  expect(ownActionsElsewhere({ ownAction: null, ownActions: [resurface, signage], ownLineActions: [] })).toBe(
    "Its 2 actions on the register, kept one a line, are changed on the register itself, not here: no line of the cell is theirs alone (one line for every action, or several lines read as one).",
  );
});

it("names only the actions and fields it cannot offer", () => {
  expect(
    ownActionsElsewhere({
      ownAction: null,
      ownActions: [resurface, signage, action(3, "Claims")],
      ownLineActions: [offer(resurface, 0, 0), offer(signage, 1, null)],
    }),
  ).toBe(
    "The status of action 2 'Signage' and action 3 'Claims' on the register are changed on the register itself, not here: no line of the cell is theirs alone (one line for every action, or several lines read as one).",
  );
  expect(
    ownActionsElsewhere({
      ownAction: null,
      ownActions: [resurface, signage],
      ownLineActions: [offer(resurface, null, 0), offer(signage, 1, 1)],
    }),
  ).toMatch(/^The due date of action 1 'Resurface' on the register is changed on the register itself/);
});

it("says one action dated on its line of the actions text is changed on the register", () => {
  expect(
    ownActionsElsewhere({
      ownAction: null,
      ownActions: [{ ...resurface, dueField: "actions" }],
      ownLineActions: [],
    }),
  ).toMatch(/^Its action on the register, dated on its line of the actions text, is changed on the register/);
});

it("says nothing where the meeting offers the one own action, or the risk keeps none", () => {
  const offered = { own: true } as unknown as CardOwnAction;
  expect(ownActionsElsewhere({ ownAction: offered, ownActions: [resurface], ownLineActions: [] })).toBeNull();
  expect(ownActionsElsewhere({ ownAction: null, ownActions: [], ownLineActions: [] })).toBeNull();
});

it("names the due date and status of an action offered only its owner (fx-meet31)", () => {
  const ownerOnly = {
    own: true,
    line: { action: signage, due: null, status: null, owner: 1, dueInText: null } satisfies OwnLine,
  } as CardOwnAction;
  expect(
    ownActionsElsewhere({
      ownAction: null,
      ownActions: [resurface, signage],
      ownLineActions: [offer(resurface, 0, 0), ownerOnly],
    }),
  ).toMatch(
    /^The due date and status of action 2 'Signage' on the register are changed on the register itself/,
  );
});

it("says nothing of an action dated on its line of the actions text whose due date it offers (fx-meet31)", () => {
  const inText: OwnAction = { ...resurface, dueField: "actions", dueItem: 0, oneOfSeveral: false };
  const offered = {
    own: true,
    line: { action: inText, due: null, status: null, owner: null, dueInText: 0 } satisfies OwnLine,
  } as CardOwnAction;
  expect(
    ownActionsElsewhere({ ownAction: null, ownActions: [inText], ownLineActions: [offered] }),
  ).toBeNull();
  const second: OwnAction = { ...signage, dueField: "actions", dueItem: 1 };
  expect(
    ownActionsElsewhere({
      ownAction: null,
      ownActions: [{ ...inText, oneOfSeveral: true }, second],
      ownLineActions: [
        offered,
        {
          own: true,
          line: { action: second, due: null, status: null, owner: null, dueInText: 1 },
        } as CardOwnAction,
      ],
    }),
  ).toBeNull();
});
