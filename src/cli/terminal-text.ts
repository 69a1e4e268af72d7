// Makes text from a workbook safe to print on a terminal: control characters are shown, never obeyed.

const NAMED: Record<string, string> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\u0007": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\v": "\\v",
  "\u001b": "\\x1b",
};

/**
 * C0 and C1 control characters, DEL, and the bidirectional overrides and isolates that reorder what
 * follows them on screen (a "Trojan Source" filename or cell can make a line read as something else).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of output with every control character written out (`\x1b`, `\r`, `\u202e` …), so a
 * cell's ESC, CR or BEL cannot clear the screen, set the window title or overwrite a line.
 * Line feeds are written out too: call it on each line, then join the lines.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** A block of lines (joined by "\n") made safe line by line, keeping the line breaks between them. */
export function terminalSafeLines(lines: readonly string[]): string {
  return lines.map(terminalSafe).join("\n");
}
