// HTML left in cells by systems that export rich text ("<p>July 2022</p>", "<ul class=…>"): the words alone.

/** Tags that end a line or paragraph (their words are kept apart), any other tag, and an entity. */
const BREAK_TAG = /<\s*(br|\/p|\/li|\/div)\s*\/?>/gi;
const OTHER_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const ENTITY = /&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Removes HTML tags such as `<p>` or `<ul class=…>` left in cells, keeping the words apart. */
export function stripHtml(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  return withoutTags(text, " ");
}

/**
 * The text of an HTML cell in its lines: a line break where a paragraph, list item or division ends or a
 * `<br>` stands (SharePoint's rich-text "<p>15/08/22 – raised</p><p>12/09/22 – reviewed</p>"), the tags
 * removed. For reading a cell line by line (an update history's dated lines); other text is as it is.
 */
export function htmlLines(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  return withoutTags(text, "\n");
}

function withoutTags(text: string, lineEnd: string): string {
  return text
    .replace(BREAK_TAG, lineEnd)
    .replace(OTHER_TAG, "")
    .replace(ENTITY, (m, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[name.toLowerCase()] ?? m;
    });
}
