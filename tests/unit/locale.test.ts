import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, localized } from "@/server/i18n/locale";

describe("localized", () => {
  it("falls back to French, then Dutch, German, English", () => {
    expect(localized({ fr: "CPAS d'Eupen", de: "ÖSHZ Eupen" }, "de")).toBe("ÖSHZ Eupen");
    expect(localized({ fr: "CPAS d'Eupen", de: "ÖSHZ Eupen" }, "nl")).toBe("CPAS d'Eupen");
    expect(localized({ fr: "", nl: "OCMW" }, "en")).toBe("OCMW");
  });
});

describe("fromAcceptLanguage", () => {
  it("picks the best supported language by weight", () => {
    expect(fromAcceptLanguage("de-BE,de;q=0.9,fr;q=0.8")).toBe("de");
    expect(fromAcceptLanguage("es;q=1,nl-BE;q=0.5")).toBe("nl");
    expect(fromAcceptLanguage("fr;q=0.2,en;q=0.9")).toBe("en");
    expect(fromAcceptLanguage("es,it")).toBeUndefined();
    expect(fromAcceptLanguage(null)).toBeUndefined();
  });
});
