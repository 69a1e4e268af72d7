// Fills a rule message's {placeholders} from the report's data.

/** "Risk {id} has no strategy" + {id: "HRC-1"} → "Risk HRC-1 has no strategy". Unknown keys stay as written. */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) =>
    Object.prototype.hasOwnProperty.call(data, key) ? String(data[key]) : m,
  );
}
