// Fills a rule message's {placeholders} from the report's data.

/** An id that already says it is a risk ("Risk 001"), so "Risk {id}" must not say it twice. */
const SAYS_RISK = /^risk\b/i;

const PLACEHOLDER = /(\b[Rr]isk )?\{(\w+)\}/g;

/** A template cut into its words and its placeholders (with the "Risk " written before one, if any). */
type Piece = string | { word: string; key: string; written: string };

/** Templates are few and messages many (100k findings): each template is cut up once. */
const compiled = new Map<string, Piece[]>();

function piecesOf(template: string): Piece[] {
  let pieces = compiled.get(template);
  if (!pieces) {
    pieces = [];
    let at = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      if (m.index! > at) pieces.push(template.slice(at, m.index));
      pieces.push({ word: m[1] ?? "", key: m[2], written: m[0] });
      at = m.index! + m[0].length;
    }
    if (at < template.length) pieces.push(template.slice(at));
    if (compiled.size < 1_000) compiled.set(template, pieces);
  }
  return pieces;
}

/**
 * "Risk {id} has no strategy" + {id: "HRC-1"} → "Risk HRC-1 has no strategy". Unknown keys stay as written.
 * Where an id is itself "Risk 001", the word before it is dropped: "Risk 001 has no strategy".
 */
export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  let out = "";
  for (const p of piecesOf(template)) {
    if (typeof p === "string") out += p;
    else if (!Object.prototype.hasOwnProperty.call(data, p.key)) out += p.written;
    else {
      const value = String(data[p.key]);
      out += p.word && !SAYS_RISK.test(value) ? p.word + value : value;
    }
  }
  return out;
}
