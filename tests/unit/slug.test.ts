import { describe, expect, it } from "vitest";
import { type AppError } from "@/server/errors";
import { validateSlug } from "@/server/tenancy/slug";

const codeOf = (slug: string) => {
  try {
    validateSlug(slug);
    return "ok";
  } catch (e) {
    return (e as AppError).code;
  }
};

describe("validateSlug", () => {
  it("accepts DNS labels and normalises case and spaces", () => {
    expect(validateSlug(" Eupen ")).toBe("eupen");
    expect(validateSlug("cpas-la-louviere")).toBe("cpas-la-louviere");
    expect(validateSlug("a1")).toBe("a1");
  });

  it.each(["e", "-eupen", "eupen-", "eu_pen", "eupen.be", "xn--eupen", "é", "a".repeat(64), ""])(
    "refuses %j",
    (slug) => {
      expect(codeOf(slug)).toBe("SLUG_INVALID");
    },
  );

  it.each(["console", "www", "api", "CONSOLE"])("keeps %s for the platform", (slug) => {
    expect(codeOf(slug)).toBe("SLUG_RESERVED");
  });
});
