// Light or dark: follows Office's theme, with a `?theme=dark|light` override (used by the browser test).

import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

/** Relative luminance of "#RRGGBB" (0 black … 1 white), or null when it is not such a colour. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Chooses the theme: the query string's `theme` wins; otherwise dark when Office's body background
 * is dark; otherwise light.
 */
export function pickTheme(search: string, officeBodyBackground?: string | null): ThemeName {
  const q = new URLSearchParams(search).get("theme");
  if (q === "dark" || q === "light") return q;
  const l = officeBodyBackground ? luminance(officeBodyBackground) : null;
  return l !== null && l < 0.2 ? "dark" : "light";
}

/** The Fluent UI theme object for a theme name. */
export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? webDarkTheme : webLightTheme;
}
