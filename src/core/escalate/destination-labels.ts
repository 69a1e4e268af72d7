// What officers call each escalation destination: one place for the summaries, the meeting record and the CLI.

import type { DestinationId } from "../model/report";

/** A destination's name as officers write it ("Financial and Commercial Cluster Group"), by its id. */
export const DESTINATION_LABELS: Record<DestinationId, string> = {
  "corporate-register": "Corporate risk register",
  "directorate-register": "Directorate risk register",
  "financial-cluster": "Financial and Commercial Cluster Group",
  "operations-board": "Operations Board",
  "strategic-board": "Strategic Partnership Board",
  transfer: "Transfer",
};

/** A destination as a board reads it: a known id's title, else the register's own words ("Highways Board"). */
export function destinationTitle(destination: string): string {
  return (DESTINATION_LABELS as Record<string, string>)[destination] ?? destination;
}
