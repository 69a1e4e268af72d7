// The two parties of an outsourced contract as its registers name them: the council (the Authority, the
// Client, the Employer, the LA) and the contractor (the Provider, the Operator). A joint register keeps a
// column of each for one field ("Council owner" | "Contractor owner"); the council's is the one it checks.

/** Header words naming the council: a column so qualified is the council's own. */
export const COUNCIL_WORDS: readonly string[] = ["council", "authority", "client", "employer", "la"];

/** Header words naming the contractor: a column so qualified is the other party's. */
export const CONTRACTOR_WORDS: readonly string[] = [
  "contractor",
  "subcontractor",
  "provider",
  "supplier",
  "operator",
  "spv",
];

/**
 * What a header word naming a party costs a match beyond its field's words (another word costs 1): the
 * council's half a word, the contractor's two, so of two columns of one field qualified by party the
 * council's wins whatever their order ("Contractor RAG" | "Council RAG", "Council's owner" too), while a
 * column qualified by one party alone still matches its field.
 */
export const PARTY_WORD_COST: ReadonlyMap<string, number> = new Map([
  ...COUNCIL_WORDS.map((w) => [w, 0.5] as const),
  ...CONTRACTOR_WORDS.map((w) => [w, 2] as const),
]);
