import sanitizeHtml from "sanitize-html";
import { unwordLists } from "@/lib/word-html";

/**
 * The HTML a note's body may hold: paragraphs, line breaks, lists, bold, italic, underline,
 * strike-through, headings, quotes, code and links (what the browser's editor writes, Tiptap's
 * starter kit). Everything else goes: scripts and styles with their content, event handlers,
 * `style` and `class` attributes, and links other than http, https and mailto.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "blockquote",
    "code",
    "pre",
    "hr",
  ],
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  // Word's XML islands and document head are data, not text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "xml", "title", "head", "template", "iframe"],
  transformTags: {
    b: "strong",
    i: "em",
    strike: "s",
    del: "s",
    h1: "h2",
    h4: "h3",
    h5: "h3",
    h6: "h3",
    // A link opens outside the application and tells the other site nothing; an anchor without a
    // target (Word's bookmarks) is no link.
    a: (tagName, attribs): sanitizeHtml.Tag =>
      attribs.href
        ? { tagName, attribs: { href: attribs.href, rel: "noopener noreferrer nofollow", target: "_blank" } }
        : { tagName: "span", attribs: {} },
  },
  // Word ends every paragraph with an empty one between them: blank paragraphs carry nothing.
  exclusiveFilter: (frame) => frame.tag === "p" && !frame.text.trim() && !frame.mediaChildren.length,
};

/** Whitespace between blocks is not text: it goes, so that a stored body reads the same however it was written. */
const BETWEEN_BLOCKS = /(<\/(?:p|li|ul|ol|h2|h3|blockquote|pre)>|<(?:ul|ol|blockquote)>|<hr \/>|<br \/>)\s+(?=<|$)/g;

/**
 * A note's body as it is stored and shown: what an editor or a paste from Word produced, reduced
 * to the allowed HTML. Applied on every write and again on every read of the body.
 */
export function sanitizeNoteBody(html: string): string {
  return sanitizeHtml(unwordLists(html), OPTIONS).replace(BETWEEN_BLOCKS, "$1").trim();
}

/** The body as plain text (for a summary or a search excerpt). */
export function noteBodyText(html: string): string {
  const spaced = html.replace(/<\/(?:p|li|h2|h3|blockquote|pre)>|<br\s*\/?>/gi, "$& ");
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
    .replace(/\s+/g, " ")
    .trim();
}
