// Column choices beyond the fields, shared by the view (main chunk) and the pipeline (lazy chunk).

/** A column choice that is neither a field nor "carry as it is": the column is left out of the import. */
export const IGNORE = "(ignore)";

/** What the officer picked for one export column: a field, null (carry as it is), or IGNORE. */
export type ColumnChoice = string | null;
