// Month-on-month movement between two readings of a register (SPEC "Risk Summary": movement since the last import).

export interface Movement {
  /** ISO date of the import the movement is measured against. */
  since: string;
  newRisks: string[];
  closed: string[];
  scoreUp: string[];
  scoreDown: string[];
  strategyChanged: string[];
}
