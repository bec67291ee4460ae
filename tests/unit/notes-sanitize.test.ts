import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { noteBodyText, sanitizeNoteBody } from "@/server/notes/sanitize";

const wordClipboard = readFileSync(path.join(import.meta.dirname, "../fixtures/notes/word-clipboard.html"), "utf8");

describe("a note's body pasted from Word", () => {
  const clean = sanitizeNoteBody(wordClipboard);

  it("keeps the text, bold, italic and the link, as plain paragraphs", () => {
    expect(clean).toContain("<strong>logement</strong>");
    expect(clean).toContain("<em>réparer le chauffage</em>");
    expect(clean).toContain(
      '<a href="https://www.example.be/chauffage" rel="noopener noreferrer nofollow" target="_blank">Fonds chauffage</a>',
    );
    expect(clean.startsWith("<p>Entretien avec Madame")).toBe(true);
    expect(clean).toContain("<p>Voir aussi Mme Mélard.</p>");
  });

  it("turns Word's list paragraphs into lists, bulleted and numbered, without their bullets", () => {
    expect(clean).toMatch(
      /<ul><li>Contacter le propriétaire<\/li><li>Demander une aide au <a [^>]+>Fonds chauffage<\/a><\/li><\/ul>/,
    );
    expect(clean).toMatch(/<ol><li>Premier rendez-vous<\/li><li>Deuxième rendez-vous<\/li><\/ol>/);
    expect(clean).not.toContain("·");
    expect(clean).not.toMatch(/>\s*1\./);
  });

  it("leaves nothing of Word's markup: no class, style, o:p, XML, conditional comment or empty paragraph", () => {
    for (const word of [
      "class=",
      "style",
      "mso",
      "o:p",
      "<xml",
      "w:",
      "st1:",
      "<!--",
      "[if",
      "endif",
      "<span",
      "font-family",
      "Normal",
    ])
      expect(clean, word).not.toContain(word);
    expect(clean).not.toMatch(/<p>\s*<\/p>/);
    expect(clean).not.toContain("\u00a0</p>");
  });
});

describe("a note's body against script injection", () => {
  const payloads: [string, string][] = [
    ["a script element", `<p>Bonjour</p><script>alert(1)</script>`],
    ["an event handler", `<p onclick="alert(1)">Bonjour</p><img src=x onerror="alert(1)">`],
    ["a javascript: link", `<p><a href="javascript:alert(1)">Bonjour</a></p>`],
    ["an obfuscated javascript: link", `<p><a href="jav&#x09;ascript:alert(1)">Bonjour</a></p>`],
    ["a data: link", `<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Bonjour</a></p>`],
    ["an svg", `<svg onload="alert(1)"><script>alert(1)</script></svg><p>Bonjour</p>`],
    ["an iframe", `<iframe src="https://evil.example"></iframe><p>Bonjour</p>`],
    ["a style attribute", `<p style="background:url(javascript:alert(1))">Bonjour</p>`],
    ["a style element", `<style>p{background:url(javascript:alert(1))}</style><p>Bonjour</p>`],
    ["a form", `<form action="https://evil.example"><input name="x"><button>Go</button></form><p>Bonjour</p>`],
    ["a broken tag", `<p>Bonjour<img src="x" onerror="alert(1)"//`],
    ["a comment hiding a script", `<p>Bonjour</p><!--><script>alert(1)</script>-->`],
    ["a conditional comment", `<!--[if IE]><script>alert(1)</script><![endif]--><p>Bonjour</p>`],
    ["a meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>Bonjour</p>`],
    ["a base element", `<base href="javascript:alert(1)//"><p>Bonjour</p>`],
    ["nested quoting", `<p><a href="https://ok.example" title="x" onmouseover="alert(1)">Bonjour</a></p>`],
  ];
  for (const [name, payload] of payloads) {
    it(`removes ${name}`, () => {
      const clean = sanitizeNoteBody(payload);
      expect(clean).toContain("Bonjour");
      expect(clean.toLowerCase()).not.toMatch(
        /<script|<svg|<iframe|<img|<style|<form|<input|<meta|<base|\son\w+=|javascript:|data:|style=/,
      );
    });
  }

  it("keeps http, https and mailto links", () => {
    const clean = sanitizeNoteBody(
      `<p><a href="mailto:aide@cpas.example">mail</a> <a href="http://a.example">a</a> <a href="https://b.example">b</a></p>`,
    );
    expect(clean).toContain('href="mailto:aide@cpas.example"');
    expect(clean).toContain('href="http://a.example"');
    expect(clean).toContain('href="https://b.example"');
  });

  it("keeps what the editor writes as it is", () => {
    const editor = `<p>Un <strong>gras</strong>, un <em>italique</em>, <u>souligné</u> et <s>barré</s>.</p><ul><li><p>un</p></li><li><p>deux</p></li></ul><blockquote><p>cité</p></blockquote>`;
    expect(sanitizeNoteBody(editor)).toBe(editor);
  });

  it("reads the body as plain text", () => {
    expect(noteBodyText("<p>Un <strong>logement</strong></p><ul><li>rue &amp; place</li></ul>")).toBe(
      "Un logement rue &amp; place",
    );
  });
});
