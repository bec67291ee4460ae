import { describe, expect, it } from "vitest";
import { deleteOffered, kindsText } from "@/lib/deletion";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import { registry } from "@/server/areas";
import { LOCALES } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";

const MESSAGES = { fr, nl, de, en };

describe("the words of a deletion", () => {
  it("count every declared relation's rows, and every resource's own, in the four languages", () => {
    const labels = new Set([
      ...registry.relations.map((r) => r.label),
      ...[...registry.resources.values()].flatMap((d) => (d.countLabel ? [d.countLabel] : [])),
    ]);
    expect(labels.size).toBeGreaterThan(15);
    for (const locale of LOCALES) {
      const t = translatorFor(locale);
      for (const label of labels) {
        // A count message: a plural of `count`, whose number shows.
        const text = label.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown>)[k], MESSAGES[locale]);
        expect([locale, label, text]).toEqual([locale, label, expect.stringMatching(/^\{count, plural, /)]);
        expect([locale, label, t(label, { count: 7 })]).toEqual([locale, label, expect.stringContaining("7")]);
      }
    }
  });

  it("lists kinds as the reader's language joins them", () => {
    const kinds = [
      { label: "relations.addresses", count: 2 },
      { label: "relations.photos", count: 1 },
      { label: "relations.dispenses", count: 1 },
    ];
    expect(kindsText(kinds, "fr", translatorFor("fr"))).toBe("2 adresses, 1 photo et 1 dispense");
    expect(kindsText(kinds, "de", translatorFor("de"))).toBe("2 Adressen, 1 Foto und 1 Dispenz");
    expect(kindsText(kinds, "nl", translatorFor("nl"))).toBe("2 adressen, 1 foto en 1 vrijstelling");
    expect(kindsText(kinds, "en", translatorFor("en"))).toBe("2 addresses, 1 photo and 1 dispense");
  });
});

describe("the Delete button of a detail", () => {
  it("shows only to who may delete, on a row not locked, that nothing refers to", () => {
    expect(deleteOffered(true, false, false)).toBe(true);
    // A coached client: the server would refuse it (issue 16).
    expect(deleteOffered(true, false, true)).toBe(false);
    expect(deleteOffered(false, false, false)).toBe(false);
    expect(deleteOffered(true, true, false)).toBe(false);
    // Not while the row's answer is not known.
    expect(deleteOffered(true, false, undefined)).toBe(false);
  });
});
