// Reads a RAG cell's fill colour as Red, Amber or Green (SPEC "Colour-only RAG").

import type { Rag } from "../model/owned-tab";

/** Hue (degrees) of each RAG colour as Excel's standard fills show them. */
const TARGETS: [Rag, number][] = [
  ["red", 0],
  ["amber", 40],
  ["green", 110],
];
/** A hue further than this from all three (blue, purple) is not a RAG colour. */
const MAX_HUE_DISTANCE = 55;

/**
 * The RAG colour nearest by hue to a fill "RRGGBB" (or "AARRGGBB"); null for white, black, greys and
 * colours far from all three (blue, the B of BRAG, is not read as green).
 */
export function ragFromColour(rgb: string): Rag | null {
  const hex = rgb.length === 8 ? rgb.slice(2) : rgb;
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const r = parseInt(hex.slice(0, 2), 16) / 255;
  const g = parseInt(hex.slice(2, 4), 16) / 255;
  const b = parseInt(hex.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const chroma = max - min;
  // Greys, white and near-black carry no colour.
  if (chroma < 0.12 || max < 0.2) return null;
  let hue: number;
  if (max === r) hue = 60 * (((g - b) / chroma) % 6);
  else if (max === g) hue = 60 * ((b - r) / chroma + 2);
  else hue = 60 * ((r - g) / chroma + 4);
  if (hue < 0) hue += 360;
  let best: Rag | null = null;
  let bestDistance = Infinity;
  for (const [rag, target] of TARGETS) {
    const d = Math.min(Math.abs(hue - target), 360 - Math.abs(hue - target));
    if (d < bestDistance) {
      bestDistance = d;
      best = rag;
    }
  }
  return bestDistance <= MAX_HUE_DISTANCE ? best : null;
}

/** Excel's standard fill colours for the three ratings (Fill Color › Standard Colors: Red, Orange, Green). */
export const STANDARD_RAG_FILL: Readonly<Record<Rag, string>> = {
  red: "#FF0000",
  amber: "#FFC000",
  green: "#00B050",
};

/**
 * The fill ("#RRGGBB") a colour-only RAG cell gets for a new rating: the shade the register's RAG column
 * shows that rating in (`palette`, as read), else Excel's standard one (`own` false), which reads back as the
 * same rating.
 */
export function ragFillFor(
  rag: Rag,
  palette: Readonly<Partial<Record<Rag, string>>> | undefined,
): { fill: string; own: boolean } {
  const own = palette?.[rag];
  return own ? { fill: own, own: true } : { fill: STANDARD_RAG_FILL[rag], own: false };
}
