// Fills a rule message's {placeholders} from the report's data.

/** An id that already says it is a risk ("Risk 001"), so "Risk {id}" must not say it twice. */
const SAYS_RISK = /^risk\b/i;

/**
 * "Risk {id} has no strategy" + {id: "HRC-1"} → "Risk HRC-1 has no strategy". Unknown keys stay as written.
 * Where an id is itself "Risk 001", the word before it is dropped: "Risk 001 has no strategy".
 */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/(\b[Rr]isk )?\{(\w+)\}/g, (m, word: string | undefined, key: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, key)) return m;
    const value = String(data[key]);
    return word && !SAYS_RISK.test(value) ? word + value : value;
  });
}
