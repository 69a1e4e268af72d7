// What a screen reader reads of the pane's risk detail and meeting card: shared by the pane reviews.

import { within } from "@testing-library/react";

/** An element's text without what is hidden from a screen reader (aria-hidden arrows and marks). */
export function spokenText(el: HTMLElement): string {
  let s = "";
  el.childNodes.forEach((n) => {
    if (n.nodeType === Node.TEXT_NODE) s += n.textContent ?? "";
    else if (n instanceof HTMLElement && n.getAttribute("aria-hidden") !== "true") s += spokenText(n);
  });
  return s;
}

/** "Direction" → what the detail or card says (the words a screen reader reads, arrows hidden from it). */
export function facts(region: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of Array.from(region.querySelectorAll("dt"))) {
    const dd = dt.nextElementSibling as HTMLElement | null;
    out[dt.textContent ?? ""] = dd ? spokenText(dd).trim() : "";
  }
  return out;
}

/** The history table's rows, newest first: "Sep 2022 | 9 Amber | words; more words". */
export function historyRows(region: HTMLElement): string[] {
  const table = within(region).getByRole("table");
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => {
      const [month, score, logged] = Array.from(row.children) as HTMLElement[];
      const lines = Array.from(logged.children).length
        ? Array.from(logged.children).map((c) => c.textContent ?? "")
        : [logged.textContent ?? ""];
      return `${month.textContent} | ${score.textContent} | ${lines.join("; ")}`;
    });
}
