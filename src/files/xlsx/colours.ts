// Resolves a colour as styles.xml gives it (an index into Excel's legacy palette, a theme colour, an ARGB value,
// each with an optional tint) to the "RRGGBB" Excel shows, so the command line reads the colour the task pane
// is given by Office.js (colour-only RAG).

/**
 * Excel's default indexed palette ("RRGGBB" by index): 0–7 the eight basic colours, 8–63 the legacy 56-colour
 * palette of Excel 97–2003 (8–15 repeat 0–7), 64 the system foreground (window text) and 65 the system
 * background (window), as Excel shows them by default. A workbook's own `<indexedColors>` replaces it.
 */
export const DEFAULT_INDEXED_COLOURS: readonly string[] = [
  // 0–7
  ..."000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF".split(" "),
  // 8–15
  ..."000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF".split(" "),
  // 16–23
  ..."800000 008000 000080 808000 800080 008080 C0C0C0 808080".split(" "),
  // 24–31
  ..."9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF".split(" "),
  // 32–39
  ..."000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF".split(" "),
  // 40–47
  ..."00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99".split(" "),
  // 48–55
  ..."3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696".split(" "),
  // 56–63
  ..."003366 339966 003300 333300 993300 993366 333399 333333".split(" "),
  // 64 system foreground, 65 system background
  "000000",
  "FFFFFF",
];

/** The colour at `index` of the workbook's palette (its own `<indexedColors>`, else Excel's), or null. */
export function indexedColour(index: number, own: readonly string[] = []): string | null {
  // A workbook's own palette replaces the first entries only; 64 and 65 stay the system colours.
  return own[index] || DEFAULT_INDEXED_COLOURS[index] || null;
}

/** "RRGGBB" from an "AARRGGBB" or "RRGGBB" value; null for anything else. */
export function rgbOf(value: string): string | null {
  const hex = value.length === 8 ? value.slice(2) : value;
  return /^[0-9a-f]{6}$/i.test(hex) ? hex.toUpperCase() : null;
}

/**
 * A colour with a tint applied as Excel applies it (ECMA-376 Part 1, 18.8.19 "tint"): the colour's HSL
 * luminance is darkened (tint < 0: L × (1 + tint)) or lightened (tint > 0: L × (1 − tint) + tint), hue and
 * saturation kept. Theme Fill Color choices are tints: Accent 3, Lighter 80% of 9BBB59 is EBF1DE.
 */
export function applyTint(rgb: string, tint: number): string {
  if (!Number.isFinite(tint) || tint === 0) return rgb;
  const t = Math.max(-1, Math.min(1, tint));
  const [h, s, l] = toHsl(rgb);
  const lum = t < 0 ? l * (1 + t) : l * (1 - t) + t;
  return fromHsl(h, s, lum);
}

/** Hue (0–1), saturation and luminance (0–1) of "RRGGBB". */
function toHsl(rgb: string): [number, number, number] {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return [0, 0, l];
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h / 6, s, l];
}

/** "RRGGBB" of a hue, saturation and luminance (each 0–1). */
function fromHsl(h: number, s: number, l: number): string {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    const v = u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p;
    return Math.round(Math.max(0, Math.min(1, v)) * 255);
  };
  return [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)]
    .map((n) => n.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}
