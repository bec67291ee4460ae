import { describe, expect, it } from "vitest";
import { checkPasswordPolicy } from "@/server/auth/password";
import type { AppError } from "@/server/errors";

const ruleOf = (password: string, username = "hubert", names = ["Hubert", "Huppertz"]) => {
  try {
    checkPasswordPolicy(password, { username, names });
    return "ok";
  } catch (e) {
    return (e as AppError).params.rule;
  }
};

describe("password policy", () => {
  it("accepts a long passphrase", () => expect(ruleOf("trois petits chats gris")).toBe("ok"));
  it("refuses short passwords", () => expect(ruleOf("Sh0rt!pass")).toBe("tooShort"));
  it("refuses the user's name or user name", () => {
    expect(ruleOf("my name is hubert, ok?")).toBe("personal");
    expect(ruleOf("HUPPERTZ-2026-winter")).toBe("personal");
  });
  it("refuses common words and repeated characters", () => {
    expect(ruleOf("Password12345678")).toBe("tooSimple");
    expect(ruleOf("aaaaaaaaaaaabbbb")).toBe("tooSimple");
    expect(ruleOf("azerty-azerty-azerty")).toBe("tooSimple");
  });
});
