import { readFileSync } from "node:fs";
import path from "node:path";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { imageKind } from "@/server/documents/pictures";
import { PICTURES, renderDocx, templateProblems, type TemplateData } from "@/server/documents/render";

/**
 * The eID card's photo on the printed eID sheet: the shipped templates carry a placeholder picture
 * described `eidPhoto`; rendering points it at the photo (a new media part), keeping its frame, or
 * takes it out when there is no photo.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const template = (lang: string) => readFileSync(path.join(ROOT, "templates/eidSheet", `${lang}.docx`));
/** The 140 × 200 greyscale JPEG of Lino's sample card read (tests/fixtures/eid/card_20190311.json). */
const PHOTO = Buffer.from(
  (JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/eid/card_20190311.json"), "utf8")) as { PHOTO_FILE: string })
    .PHOTO_FILE,
  "base64",
);

const DATA: TemplateData = { clientName: "MÜLLER Anna", hasCard: true, cardNumber: "591413288107" };
const media = (zip: PizZip) =>
  Object.keys(zip.files)
    .filter((n) => n.startsWith("word/media/"))
    .sort();

describe("the eID sheet's photo", () => {
  it("is in the four shipped templates as a placeholder described eidPhoto, 3 cm wide at the card's proportions", () => {
    for (const lang of ["fr", "nl", "de", "en"]) {
      const zip = new PizZip(template(lang));
      const xml = zip.file("word/document.xml")!.asText();
      expect(xml).toContain('descr="eidPhoto"');
      // 3 cm = 1 080 000 EMU wide; 200/140 of it high.
      expect(xml).toContain('<wp:extent cx="1080000" cy="1542857"/>');
      expect(imageKind(zip.file("word/media/photo.png")!.asNodeBuffer())?.ext).toBe("png");
      // Still a template without a syntax error (the picture holds no tag).
      expect(templateProblems(template(lang), new Set()).filter((p) => p.id !== "unknown_tag")).toEqual([]);
    }
  });

  it("shows the card's JPEG photo in the placeholder's frame", () => {
    const zip = new PizZip(renderDocx(template("fr"), { ...DATA, [PICTURES]: { eidPhoto: PHOTO } }));
    expect(media(zip)).toEqual(["word/media/photo.png", "word/media/picture-1.jpeg"]);
    expect(zip.file("word/media/picture-1.jpeg")!.asNodeBuffer().equals(PHOTO)).toBe(true);
    const xml = zip.file("word/document.xml")!.asText();
    expect(xml).toMatch(/<a:blip r:embed="rIdPicture1"\/>/);
    expect(xml).toContain('<wp:extent cx="1080000" cy="1542857"/>');
    expect(xml).toContain("MÜLLER Anna");
    const rels = zip.file("word/_rels/document.xml.rels")!.asText();
    expect(rels).toContain(
      '<Relationship Id="rIdPicture1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/picture-1.jpeg"/>',
    );
    expect(zip.file("[Content_Types].xml")!.asText()).toContain('<Default Extension="jpeg" ContentType="image/jpeg"/>');
  });

  it("takes the placeholder out when the client has no photo, or when the bytes are no JPEG or PNG", () => {
    for (const eidPhoto of [null, Buffer.from("GIF89a not a photo")]) {
      const zip = new PizZip(renderDocx(template("de"), { ...DATA, [PICTURES]: { eidPhoto } }));
      const xml = zip.file("word/document.xml")!.asText();
      expect(xml).not.toContain("<w:drawing");
      expect(xml).not.toContain("eidPhoto");
      expect(xml).toContain("591413288107");
      expect(media(zip)).toEqual(["word/media/photo.png"]);
    }
  });

  it("leaves the placeholder as it is when the data gives no picture (a template's preview)", () => {
    const xml = new PizZip(renderDocx(template("nl"), DATA)).file("word/document.xml")!.asText();
    expect(xml).toContain('<a:blip r:embed="rIdPhoto"/>');
  });

  it("finds a picture by its title or object name too, and fills every copy a loop made", () => {
    const zip = new PizZip(template("en"));
    const xml = zip.file("word/document.xml")!.asText();
    // As LibreOffice may write it: no description, the name in the title; and the picture repeated by a loop.
    const drawing =
      /<w:p><w:pPr><w:spacing w:after="120"\/><\/w:pPr><w:r><w:drawing>.*?<\/w:drawing><\/w:r><\/w:p>/.exec(xml)![0];
    const renamed = drawing.replace(/ descr="eidPhoto"/g, "").replace(/name="eidPhoto"/g, 'name="Image 1"');
    expect(renamed).toContain('title="eidPhoto"');
    zip.file(
      "word/document.xml",
      xml.replace(
        drawing,
        `<w:p><w:r><w:t>{#photos}</w:t></w:r></w:p>${renamed}<w:p><w:r><w:t>{/photos}</w:t></w:r></w:p>`,
      ),
    );
    const edited = zip.generate({ type: "nodebuffer" });
    const out = new PizZip(
      renderDocx(edited, { ...DATA, photos: [{}, {}] as TemplateData[], [PICTURES]: { eidPhoto: PHOTO } }),
    );
    const result = out.file("word/document.xml")!.asText();
    expect(result.match(/r:embed="rIdPicture\d"/g)).toEqual(['r:embed="rIdPicture1"', 'r:embed="rIdPicture2"']);
    expect(out.file("word/media/picture-2.jpeg")!.asNodeBuffer().equals(PHOTO)).toBe(true);
  });

  it("drops the placeholder's cropping and its SVG version (Word keeps one beside the PNG), which are not the photo's", () => {
    const zip = new PizZip(template("fr"));
    const xml = zip.file("word/document.xml")!.asText();
    zip.file(
      "word/document.xml",
      xml.replace(
        '<a:blip r:embed="rIdPhoto"/>',
        '<a:blip r:embed="rIdPhoto"><a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"><asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdPhoto"/></a:ext></a:extLst></a:blip><a:srcRect l="10000"/>',
      ),
    );
    const out = renderDocx(zip.generate({ type: "nodebuffer" }), { ...DATA, [PICTURES]: { eidPhoto: PHOTO } });
    const result = new PizZip(out).file("word/document.xml")!.asText();
    expect(result).toContain('<a:blip r:embed="rIdPicture1"/><a:stretch>');
    expect(result).not.toContain("svgBlip");
    expect(result).not.toContain("srcRect");
  });

  it("tells JPEG and PNG from their first bytes, and nothing else", () => {
    expect(imageKind(PHOTO)).toEqual({ ext: "jpeg", mime: "image/jpeg" });
    expect(imageKind(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(imageKind(Buffer.alloc(0))).toBeNull();
  });
});
