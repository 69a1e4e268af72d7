// Which header words mean which field, per sheet kind (SPEC "Fields"). The one table to extend.
//
// A pattern is a space-separated list of words that must all appear in the header (in any order).
// "=words" means the header must be exactly those words. ":n" sets a weight (default 10 a word);
// a header's extra words cost one point each, so the most specific pattern wins.

import type { SheetKind } from "../model/fields";

export type PatternTable = Record<string, string[]>;

const RISK: PatternTable = {
  id: [
    "risk id",
    "risk ref",
    "risk reference",
    "risk no",
    "risk number",
    "reference",
    "ref",
    "=id",
    "id:8",
    "risk id no",
    "risk code",
    "=code:8",
  ],
  title: [
    "risk title",
    "=title",
    "title:8",
    "risk name",
    "=risk",
    "risk summary",
    "=summary",
    "short description",
    "hazard",
    // A strategic register heads its risks so ("Strategic Risks": East Sussex), each a name and a sentence.
    // Below "Risk Title" and the like, so a column flagging strategic risks beside a title is not the title.
    "=strategic risk:12",
  ],
  description: [
    "description",
    "risk description",
    "cause",
    "event",
    "effect",
    "cause event effect",
    "detail",
  ],
  annex: [
    "service annex",
    "annex",
    "service area",
    "workstream",
    "business unit",
    "=service",
    "directorate",
    "department",
  ],
  owner: [
    "risk owner",
    "owner",
    "responsible officer",
    "responsible:8",
    "accountable:6",
    "assignee",
    "risk manager",
    "risk lead",
    "=lead",
    "managed by",
  ],
  // The contractor's owner beside the council's on a joint register ("Contractor owner" | "Council owner"):
  // below "owner" less the contractor's word (see parties.ts), so a register's only owner column, the
  // contractor's or not, stays the owner.
  contractorOwner: ["contractor owner:6", "provider owner:6", "supplier owner:6", "operator owner:6"],
  raised: [
    "date raised",
    "date identified",
    "raised",
    "date added",
    "date logged",
    "date opened",
    // When the risk was created in a risk system (Pentana's "Creation date").
    "creation date",
    "date created",
  ],
  likelihood: ["likelihood", "probability", "likelihood score:20", "likelihood rating:20", "=l:9", "=p:9"],
  impact: ["impact", "severity:8", "consequence", "impact score:20", "impact rating:20", "=i:9"],
  // "L x I" (likelihood × impact) is the score however it is headed: "Residual Risk (L x I)".
  score: ["score", "risk score", "rr score", "rating score", "overall score", "total score", "l x i:25"],
  rag: ["rag", "rag status", "rag rating", "risk rating", "=rating", "=risk level", "=level"],
  strategy: [
    "strategy",
    "response",
    "risk response",
    "risk response strategy",
    "=treatment",
    "treatment option",
    "proposed treatment",
    "treatment type",
    "risk treatment:18",
    "risk treatment approach",
    "treatment approach",
    "approach:8",
    "4t",
    "4ts",
    // A PFI risk allocation matrix's "Allocation: Authority / Contractor / Shared" (see allocation-column.ts):
    // below "Strategy" and "Response", which win beside it. Only on a header allocating the risk, never a budget,
    // a team or funding ("Budget allocation (£)", "Resource allocation": see isAllocationHeader).
    "allocation:9",
    "risk allocation:9",
    "risk allocated:9",
  ],
  actions: [
    "=action",
    "action:9",
    "mitigation",
    "mitigating action",
    "mitigation strategy:25",
    "mitigation action",
    "action plan",
    // A plan of treatment holds actions ("Summary Risk Treatment Plan"), above a summary's title and the
    // strategy's "Risk Treatment", as "Action Plan" is; "Treatment" alone stays the strategy.
    "treatment plan:25",
    // A column headed with both ("Controls / Actions") holds the risk's actions too.
    "control action:25",
    "further action",
    "planned action",
    "additional action",
    // Controls still to put in place are actions ("Additional Controls Required", "Further Controls").
    "additional control:25",
    "further control:25",
    "control required:25",
    // The PFI and PRINCE2 words for what is done about a risk ("Countermeasures", "Risk reduction measures").
    "countermeasure",
    "counter measure",
    "risk reduction measure",
    "reduction measure",
    "mitigation measure",
    "treatment action",
  ],
  // The contractor's actions beside the council's on a joint register ("Council actions" | "Contractor
  // actions"): below "action" less the contractor's word (see parties.ts), so a register's only actions
  // column, the contractor's or not, stays the actions.
  contractorActions: ["contractor action:6", "provider action:6", "supplier action:6", "operator action:6"],
  controls: [
    "existing control",
    "control",
    "mitigating control:25",
    "current control:25",
    "key control",
    "pre event mitigation control:35",
    "preventive control:25",
    // Controls beside the response ("Risk Control / Response and Post Mitigation RAG score": East Sussex) are
    // the controls in place, not the 4T: above "Response" (strategy) and the score the header also names.
    "control response:35",
  ],
  lastUpdated: [
    "last updated",
    "last reviewed",
    "date last review",
    "date reviewed",
    "last review date",
    "last review",
    "date updated",
    "updated:8",
    "date last update:30",
    "update date",
    "latest note date:30",
    // NEC4 reviews each early warning at a risk reduction meeting ("Risk reduction meeting date"), which its
    // registers and minutes call the RRM ("RRM date", "Date of last RRM"); the next one is the next review.
    "risk reduction meeting:30",
    "rrm date:30",
    "last rrm:30",
    "=rrm:20",
  ],
  reviewDate: ["=review date:25"],
  update: [
    "latest update",
    "=update",
    "update:8",
    "commentary",
    "progress",
    "update progress",
    "comment",
    "status update",
    "progress update",
    "latest position",
    "last update:15",
    "latest note",
  ],
  nextReview: [
    "next review",
    "next review date",
    "review due",
    "due for review",
    "review by",
    // An NEC4 early warning's next risk reduction meeting: above the meeting's "risk reduction meeting" (last
    // updated), which "Next risk reduction meeting" matches too.
    "next risk reduction meeting:40",
    "next rrm:40",
  ],
  status: ["status", "risk status", "current status", "open closed"],
  financialImpact: [
    "financial impact",
    "cost",
    "estimated cost",
    "financial",
    "cost impact",
    "financial exposure",
    "value at risk",
  ],
  escalate: ["escalate", "escalated", "escalation", "escalate y n"],
  escalatedTo: ["escalated to", "escalated to register", "escalated register", "escalation route"],
  transferredTo: ["transferred to", "transfer to", "transferred"],
  // An NEC4 early warning's reference: the register's id where it has no id column of its own (see map-headers'
  // earlyWarningAsId).
  earlyWarning: [
    "early warning",
    "ew ref",
    "=ew",
    "ew no",
    "early warning ref",
    "ew id",
    "ew reference",
    "ew number",
  ],
  category: ["category", "risk category", "risk type", "=type", "category of risk"],
  targetDate: ["target date", "date to reach target", "target score date:25", "date target:15"],
  // The risk's own action, kept on the register (SPEC "Actions inside the register").
  actionOwner: ["action owner:30", "action lead:30"],
  actionDue: [
    "action target date:40",
    "action due date:40",
    "action due:30",
    "action target:30",
    "action deadline:30",
    "action date:25",
  ],
  actionStatus: ["action status:30", "action progress status:30"],
  // The references of the risk's actions on an actions sheet ("A-101, A-102"): a link to those rows, never the
  // actions' words (the actions sheet's own "Action Ref" is its actionId). Above "Ref" (the id) and "Action".
  actionRefs: ["action ref", "action reference", "action id", "action no", "action number"],
};

/**
 * Words that make a register's reference another record's, never the risk's id: an NEC4 compensation event's
 * ("Compensation event? (CE ref)" says whether an early warning became one: "No", "Yes – CE-014", "TBC").
 */
export const NOT_RISK_ID_WORDS: ReadonlySet<string> = new Set(["compensation", "ce"]);

const ACTIONS: PatternTable = {
  riskId: ["risk reference", "risk ref", "risk id", "risk no", "risk number", "=risk"],
  actionId: ["action ref", "action id", "action no", "action reference", "action number"],
  action: [
    "action description",
    "=action",
    "action:8",
    "=treatment",
    "risk treatment",
    "mitigation",
    "mitigating action",
    "mitigation action",
    "task",
    // On an actions sheet a bare "Description" is the action's (Pentana's "Action no | Description"); it names
    // the action only beside an action id (see detect-sheet's accepts).
    "=description",
  ],
  owner: ["action owner", "owner", "risk manager", "manager:8", "assigned to", "responsible"],
  due: ["target date", "date due", "due date", "due", "deadline", "target:8", "completion date", "by when"],
  status: ["action status", "status"],
  // Pentana's "Latest Note" and "Latest Note Date", as on a register.
  update: [
    "progress update",
    "status update",
    "=update",
    "update:8",
    "progress",
    "commentary",
    "comment",
    "latest note",
  ],
  updated: [
    "update date",
    "date updated",
    "last updated",
    "updated:8",
    "date last update:30",
    "latest note date:30",
  ],
};

const PLAN: PatternTable = {
  // "Rec No", "Recommendation No": an audit's plan numbers its recommendations. On plan sheets only: a
  // register's "Ref" is its id.
  no: [
    "=no",
    "=ref",
    "=number",
    "aim no",
    "=item",
    "rec no",
    "rec ref",
    "rec number",
    "recommendation no",
    "recommendation ref",
    "recommendation number",
  ],
  aim: ["improvement aim", "aim", "recommendation"],
  background: ["background", "finding", "issue"],
  // An audit's action plan heads its agreed actions "Management Response": the action only where no
  // column headed Action claims it ("Agreed Action" beside it is the action).
  action: ["=action", "action:8", "improvement action", "management response:6"],
  // A revised date is the deadline (README "Dates"): "Revised Target Date" beside "Original Target Date",
  // and beside the seed's "Date Completed or Expected". Where it is blank the other date column is read
  // (see plan-columns.ts).
  date: [
    "date completed expected:40",
    "date completed",
    "date expected",
    "=date",
    "target date",
    "date:8",
    "deadline",
    "revised date:45",
    "revised deadline:45",
    "amended date:45",
    "new date:45",
  ],
  leadDirector: ["lead director", "director"],
  leadOfficer: ["lead officer", "officer"],
  status: ["progress status", "status", "progress"],
  evidence: ["evidence"],
};

// The add-in's own headers, and those of logs officers keep by hand ("Date of update", "Ref", "Commentary",
// "Current score"). A log's score is the score after the update: "Previous score", "Inherent score" and the
// like are never it (see findCandidates).
const UPDATE_LOG: PatternTable = {
  date: [
    "=date",
    "date recorded",
    "meeting date",
    "update date",
    "review date",
    "date reviewed",
    "date updated",
  ],
  riskId: [
    "risk id",
    "=risk",
    "risk ref",
    "risk reference",
    "risk no",
    "risk number",
    "=ref",
    "=reference",
    "=id",
  ],
  by: ["=by", "recorded by", "updated by"],
  text: [
    "=update",
    "update text",
    "=text",
    "commentary",
    "comment",
    "latest update",
    "progress update",
    "=progress",
  ],
  noChange: ["no change", "no change flag"],
  score: ["score", "score at time"],
  strategy: ["strategy", "strategy at time"],
  register: ["=register", "=sheet", "register sheet", "risk register"],
  changes: ["changes", "other changes", "changes made"],
};

/**
 * Strategy words as a header names them, by the strategy they stand for (SPEC "Values": strategy words, as
 * headerWords gives them). A header naming two or more strategies ("Treat / Tolerate / Transfer /
 * Terminate", "Avoid / Reduce / Transfer / Accept") is the strategy column, spelling out the 4T.
 */
export const STRATEGY_HEADER_WORDS: ReadonlyMap<string, string> = new Map([
  ...["treat", "reduce", "reduction", "mitigate", "control"].map((w) => [w, "treat"] as const),
  ...["tolerate", "accept", "acceptance", "retain"].map((w) => [w, "tolerate"] as const),
  ...["transfer", "share", "insure", "insurance"].map((w) => [w, "transfer"] as const),
  ...["terminate", "avoid", "avoidance"].map((w) => [w, "terminate"] as const),
  ...["take", "exploit", "enhance"].map((w) => [w, "take"] as const),
]);

export const PATTERNS: Record<Exclude<SheetKind, "unknown">, PatternTable> = {
  "risk-register": RISK,
  actions: ACTIONS,
  "improvement-plan": PLAN,
  "update-log": UPDATE_LOG,
};

export interface CompiledPattern {
  words: readonly string[];
  exact: boolean;
  weight: number;
}

/** Parses "=risk treatment:18" into words, exactness and weight. */
export function compilePattern(pattern: string, toWords: (s: string) => readonly string[]): CompiledPattern {
  let text = pattern;
  let weight: number | null = null;
  const colon = text.lastIndexOf(":");
  if (colon > 0) {
    weight = Number(text.slice(colon + 1));
    text = text.slice(0, colon);
  }
  const exact = text.startsWith("=");
  if (exact) text = text.slice(1);
  const words = toWords(text);
  return { words, exact, weight: weight ?? words.length * 10 + (exact ? 5 : 0) };
}
