import { describe, expect, it } from "vitest";
import { mailTemplateField, readerLocale, renderTemplate, type TemplateValues } from "@/server/outbox/templates";

const values: TemplateValues = {
  recipient: "Karl Keller",
  client: "Marie Dubois",
  subject: "Stellenangebot",
  body: "Teilzeit ab April.",
  date: "05.03.2026",
  sender: "Hubert Huppertz",
  centre: "ÖSHZ Eupen",
};

describe("mail templates (Create e-mail, §15)", () => {
  it("fill a type's template in the recipient's language with the object's values", () => {
    const template = { fr: "Bonjour {recipient}", de: "Guten Tag {recipient}, am {date}: {body}" };
    expect(renderTemplate(template, "de", "outbox.templates.note", values)).toBe(
      "Guten Tag Karl Keller, am 05.03.2026: Teilzeit ab April.",
    );
    expect(renderTemplate(template, "fr", "outbox.templates.note", values)).toBe("Bonjour Karl Keller");
  });

  it("fall back to the app's own text in that language when the type has none for it", () => {
    const body = renderTemplate({ fr: "Bonjour {recipient}" }, "nl", "outbox.templates.note", values);
    expect(body.startsWith("Beste Karl Keller,")).toBe(true);
    expect(body).toContain("Betreft: Stellenangebot (05.03.2026)");
    expect(renderTemplate(null, "de", "outbox.templates.upload", values)).toContain("\u201eStellenangebot\u201c");
  });

  it("greet nobody by an empty name when the mail has no recipient yet", () => {
    const body = renderTemplate(null, "de", "outbox.templates.client", { ...values, recipient: "" });
    expect(body.startsWith("Guten Tag,\n")).toBe(true);
  });

  it("refuse on save a template with an unclosed brace or a name the app does not fill", () => {
    const input = mailTemplateField(() => null as never).input!;
    expect(input.safeParse({ fr: "Bonjour {recipient}, {date}" }).success).toBe(true);
    expect(input.safeParse(null).success).toBe(true);
    expect(input.safeParse({ fr: "Bonjour {recipient" }).success).toBe(false);
    expect(input.safeParse({ de: "Hallo {empfaenger}" }).success).toBe(false);
    expect(input.safeParse({ xx: "Hello" }).success).toBe(false);
  });

  it("write to a recipient in their own language, else the object's, else French", () => {
    expect(readerLocale("de", "fr")).toBe("de");
    expect(readerLocale(undefined, "nl", "fr")).toBe("nl");
    expect(readerLocale("xx", null)).toBe("fr");
  });
});
