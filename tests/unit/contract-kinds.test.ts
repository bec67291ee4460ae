import { describe, expect, it } from "vitest";
import { contractKinds } from "@/server/integ/contracts";
import { CONTRACT_KINDS } from "@/server/isip/base";
import { choiceLabelKey, defineChoiceList } from "@/server/resources/choices";

describe("the contract kinds as a choice list", () => {
  it("has one value per kind of CONTRACT_KINDS, labelled by the kind's own name", () => {
    expect(contractKinds.values).toEqual(CONTRACT_KINDS.map((k) => k.kind));
    for (const k of CONTRACT_KINDS) expect(choiceLabelKey(contractKinds, k.kind)).toBe(k.label);
    expect(choiceLabelKey(contractKinds, "isip")).toBe("isip.kind");
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
