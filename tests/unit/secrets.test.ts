import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/server/crypto/secrets";
import { resetEnvCache } from "@/server/env";

process.env.DATABASE_URL ??= "postgres://unused@127.0.0.1:1/unused";

describe("secrets at rest", () => {
  it("round-trips, and never stores the plaintext", () => {
    const stored = encryptSecret("s3cret bind password", "t1:ldap.bindPassword");
    expect(stored).not.toContain("s3cret");
    expect(decryptSecret(stored, "t1:ldap.bindPassword")).toBe("s3cret bind password");
    expect(encryptSecret("same", "c")).not.toBe(encryptSecret("same", "c")); // fresh IV each time
  });

  it("refuses a value moved to another centre or field", () => {
    const stored = encryptSecret("s3cret", "t1:ldap.bindPassword");
    expect(() => decryptSecret(stored, "t2:ldap.bindPassword")).toThrow();
    expect(() => decryptSecret(stored, "t1:totp")).toThrow();
  });

  it("refuses a tampered value and another master key", () => {
    const stored = encryptSecret("s3cret", "ctx");
    const tampered = stored.slice(0, -4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => decryptSecret(tampered, "ctx")).toThrow();
    process.env.MASTER_KEY = "another-master-key-another-master-key-0123";
    resetEnvCache();
    try {
      expect(() => decryptSecret(stored, "ctx")).toThrow();
    } finally {
      delete process.env.MASTER_KEY;
      resetEnvCache();
    }
  });
});
