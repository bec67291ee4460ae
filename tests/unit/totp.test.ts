import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  consumeRecoveryCode,
  generateRecoveryCodes,
  generateTotpSecret,
  totpUri,
  verifyTotp,
} from "@/server/auth/totp";

// RFC 6238 Appendix B: the ASCII secret "12345678901234567890", base32-encoded.
const SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (seconds: number) => new Date(seconds * 1000);

// Independent RFC 4226 implementation, to produce codes for arbitrary steps without going through the module.
function hotp(step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", Buffer.from("12345678901234567890", "ascii")).update(counter).digest();
  const offset = mac[19]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

describe("verifyTotp", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
    [20000000000, "353130"],
  ])("matches the RFC 6238 SHA-1 vector at T=%i", (seconds, code) => {
    expect(hotp(Math.floor(seconds / 30))).toBe(code);
    expect(verifyTotp({ secret: SECRET, code, now: at(seconds) })).toEqual({
      ok: true,
      step: Math.floor(seconds / 30),
    });
  });

  it("accepts the previous and next step, not two steps away", () => {
    const now = at(1234567890);
    const step = Math.floor(1234567890 / 30);
    expect(verifyTotp({ secret: SECRET, code: hotp(step - 1), now })).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp({ secret: SECRET, code: hotp(step + 1), now })).toEqual({ ok: true, step: step + 1 });
    expect(verifyTotp({ secret: SECRET, code: hotp(step - 2), now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyTotp({ secret: SECRET, code: hotp(step + 2), now })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a code used twice, and an older code after a newer one", () => {
    const now = at(59);
    const first = verifyTotp({ secret: SECRET, code: "287082", now });
    expect(first).toEqual({ ok: true, step: 1 });
    const lastUsedStep = first.ok ? first.step : null;
    expect(verifyTotp({ secret: SECRET, code: "287082", now, lastUsedStep })).toEqual({ ok: false, reason: "replay" });

    // 1111111109 and 1111111111 fall in consecutive steps: use the newer code, then try the older one.
    const newer = verifyTotp({ secret: SECRET, code: "050471", now: at(1111111111) });
    expect(newer.ok).toBe(true);
    const older = verifyTotp({
      secret: SECRET,
      code: "081804",
      now: at(1111111111),
      lastUsedStep: newer.ok ? newer.step : null,
    });
    expect(older).toEqual({ ok: false, reason: "replay" });
    // Without the stored step, the older code alone would have been accepted (drift window).
    expect(verifyTotp({ secret: SECRET, code: "081804", now: at(1111111111) }).ok).toBe(true);
  });

  it("checks the format and tolerates spaces", () => {
    for (const code of ["12345", "abcdef", "", "1234567", "12345a"]) {
      expect(verifyTotp({ secret: SECRET, code, now: at(59) })).toEqual({ ok: false, reason: "format" });
    }
    expect(verifyTotp({ secret: SECRET, code: "287 082", now: at(59) })).toEqual({ ok: true, step: 1 });
    expect(verifyTotp({ secret: SECRET, code: " 287082 ", now: at(59) })).toEqual({ ok: true, step: 1 });
    expect(verifyTotp({ secret: SECRET, code: "287083", now: at(59) })).toEqual({ ok: false, reason: "mismatch" });
  });
});

describe("secret and URI", () => {
  it("generates distinct 160-bit base32 secrets", () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(b).toMatch(/^[A-Z2-7]{32}$/);
    expect(a).not.toBe(b);
  });

  it("builds a parseable, correctly encoded otpauth URI", () => {
    const secret = generateTotpSecret();
    const uri = totpUri({ secret, account: "hubert", issuer: "ÖSHZ Eupen" });
    expect(uri).toMatch(/^[\x21-\x7e]+$/); // ASCII only: everything else is percent-encoded
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(url.host).toBe("totp");
    expect(decodeURIComponent(url.pathname.slice(1))).toBe("ÖSHZ Eupen:hubert");
    expect(url.pathname).toBe("/%C3%96SHZ%20Eupen:hubert");
    expect(url.searchParams.get("secret")).toBe(secret);
    expect(url.searchParams.get("issuer")).toBe("ÖSHZ Eupen");
    expect(url.searchParams.get("digits")).toBe("6");
    expect(url.searchParams.get("period")).toBe("30");
  });

  it("keeps a dash and special characters in the issuer intact", () => {
    const url = new URL(totpUri({ secret: SECRET, account: "marie.dupont", issuer: "Entraide – ÖSHZ Eupen" }));
    expect(url.searchParams.get("issuer")).toBe("Entraide – ÖSHZ Eupen");
    expect(decodeURIComponent(url.pathname.slice(1))).toBe("Entraide – ÖSHZ Eupen:marie.dupont");
  });
});

describe("recovery codes", () => {
  it("generates 10 distinct, readable codes and hashes that are not the codes", () => {
    const { codes, hashes } = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(hashes).toHaveLength(10);
    for (const hash of hashes) {
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(codes.some((c) => hash.includes(c) || hash.includes(c.replaceAll("-", "")))).toBe(false);
    }
    expect(generateRecoveryCodes(3).codes).toHaveLength(3);
  });

  it("accepts a code once", () => {
    const { codes, hashes } = generateRecoveryCodes();
    const first = consumeRecoveryCode(codes[3]!, hashes);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.remaining).toHaveLength(9);
    expect(first.remaining).toEqual(hashes.filter((_, i) => i !== 3));
    expect(consumeRecoveryCode(codes[3]!, first.remaining)).toEqual({ ok: false });
    // The other codes still work.
    expect(consumeRecoveryCode(codes[4]!, first.remaining).ok).toBe(true);
  });

  it("ignores case, spaces and dashes", () => {
    const { codes, hashes } = generateRecoveryCodes();
    const bare = codes[0]!.replaceAll("-", "").toLowerCase();
    expect(consumeRecoveryCode(bare, hashes).ok).toBe(true);
    expect(consumeRecoveryCode(` ${codes[1]!.toLowerCase().replaceAll("-", " ")} `, hashes).ok).toBe(true);
  });

  it("refuses a wrong code and leaves the list unchanged", () => {
    const { codes, hashes } = generateRecoveryCodes();
    const before = [...hashes];
    const wrong = codes[0]!.slice(0, -1) + (codes[0]!.endsWith("2") ? "3" : "2");
    expect(consumeRecoveryCode(wrong, hashes)).toEqual({ ok: false });
    expect(consumeRecoveryCode("", hashes)).toEqual({ ok: false });
    expect(consumeRecoveryCode("not-a-code", hashes)).toEqual({ ok: false });
    expect(consumeRecoveryCode(codes[0]!, [])).toEqual({ ok: false });
    expect(hashes).toEqual(before);
  });
});
