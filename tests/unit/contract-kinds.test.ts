import { describe, expect, it } from "vitest";
import { contractKinds } from "@/server/integ/contracts";
import { CONTRACT_KINDS } from "@/server/isip/base";
import { translatorFor } from "@/server/i18n/translator";
import { choiceLabelKey, defineChoiceList } from "@/server/resources/choices";

describe("the contract kinds as a choice list", () => {
  it("has one value per kind of CONTRACT_KINDS, labelled by the kind's own name standing alone", () => {
    expect(contractKinds.values).toEqual(CONTRACT_KINDS.map((k) => k.kind));
    for (const k of CONTRACT_KINDS) expect(choiceLabelKey(contractKinds, k.kind)).toBe(k.name);
    expect(choiceLabelKey(contractKinds, "isip")).toBe("isip.kindName");
  });

  it("a kind's name as a value starts with a capital in every language (a cell, a choice)", () => {
    for (const locale of ["fr", "nl", "de", "en"] as const) {
      const t = translatorFor(locale);
      for (const k of CONTRACT_KINDS) {
        const name = t(k.name);
        expect(name.charAt(0), `${locale} ${k.kind}: ${name}`).toBe(name.charAt(0).toLocaleUpperCase(locale));
      }
    }
    expect(translatorFor("fr")("art61.kindName")).toBe("Contrat art. 61");
  });

  it("a list without labels keeps its namespace; a value without a label too", () => {
    const plain = defineChoiceList("plain", ["a"]);
    expect(choiceLabelKey(plain, "a")).toBe("choices.plain.a");
    const some = defineChoiceList("some", ["a", "b"], { labels: { a: "x.y" } });
    expect(choiceLabelKey(some, "a")).toBe("x.y");
    expect(choiceLabelKey(some, "b")).toBe("choices.some.b");
    // Inherited properties are no labels.
    expect(choiceLabelKey(some, "toString")).toBe("choices.some.toString");
  });
});
