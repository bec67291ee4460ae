// Word's clipboard HTML, made readable as plain HTML: shared by the rich-text editor (on paste) and
// the server's sanitiser (server/notes/sanitize.ts), so both read a paste from Word alike.

/** Word's list paragraphs: `class=MsoListParagraph…` or a `mso-list` style naming their list (`l0`, `l1`). */
const WORD_LIST_ITEM = /^<p\b[^>]*(?:MsoListParagraph|mso-list)[^>]*>/i;
const WORD_LIST_ID = /mso-list:\s*(l\d+)/i;
const WORD_LIST_FIRST = /^<p\b[^>]*MsoListParagraphCxSpFirst/i;
/** Word writes a list item's bullet or number between these markers, for readers that know no lists. */
const WORD_BULLET = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i;
const ORDERED_BULLET = /^\s*(?:\d+|[a-z]|[ivxlc]+)[.)]/i;
/** What marks clipboard HTML as Word's. */
const FROM_WORD = /urn:schemas-microsoft-com:office|class=["']?Mso/i;

const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .trim();

/**
 * Word's clipboard HTML writes lists as paragraphs whose bullet is text ("·", "1."): consecutive
 * paragraphs of one list become one `<ul>` or `<ol>` (numbered when the first bullet is a number
 * or a letter), without their bullets. Conditional comments (`<!--[if …]>…<![endif]-->`, Word's
 * hidden XML and VML) go with their content, and the line breaks Word puts inside its text are
 * spaces, as a browser reads them.
 */
export function unwordLists(html: string): string {
  if (!FROM_WORD.test(html)) return html;
  const source = html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, "").replace(/\s*\n\s*/g, " ");
  let out = "";
  let last = 0;
  let open: { tag: "ul" | "ol"; id: string } | null = null;
  const close = () => {
    if (open) out += `</${open.tag}>`;
    open = null;
  };
  for (const match of source.matchAll(/<p\b[^>]*>[\s\S]*?<\/p>/gi)) {
    const between = source.slice(last, match.index);
    last = match.index + match[0].length;
    if (!WORD_LIST_ITEM.test(match[0])) {
      close();
      out += between + match[0];
      continue;
    }
    const id = WORD_LIST_ID.exec(match[0])?.[1] ?? "";
    if (open && (between.trim() || open.id !== id || WORD_LIST_FIRST.test(match[0]))) close();
    if (!open) {
      const bullet = textOf(WORD_BULLET.exec(match[0])?.[1] ?? "");
      open = { tag: ORDERED_BULLET.test(bullet) ? "ol" : "ul", id };
      out += `${between}<${open.tag}>`;
    }
    const content = match[0]
      .replace(WORD_BULLET, "")
      .replace(/^<p\b[^>]*>/i, "")
      .replace(/<\/p>$/i, "");
    out += `<li>${content}</li>`;
  }
  close();
  out += source.slice(last);
  // Word's other downlevel-revealed markers (`<![if …]>`, `<![endif]>`) hold no content of their own.
  return out.replace(/<!\[(?:if [^\]]*|endif)\]>/gi, "");
}
