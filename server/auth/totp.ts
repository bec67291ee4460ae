import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";

// Two-factor authentication for local accounts: TOTP (RFC 6238) plus single-use recovery codes.
// Pure functions only; the login flow persists the secret, the last used step and the code hashes.

// The parameters every authenticator app supports; anything else (SHA-256, 8 digits) is ignored by some apps.
const DIGITS = 6;
const PERIOD = 30;
const ALGORITHM = "SHA1";
// ±1 step tolerates a phone clock up to ~30 s off, and a code typed just as it rolls over.
const WINDOW = 1;

/** 160-bit secret (the size RFC 4226 recommends for HMAC-SHA1), base32 as apps expect: 32 characters. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totp = (secret: string, issuer = "", label = "OTPAuth") =>
  new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: ALGORITHM, digits: DIGITS, period: PERIOD });

/**
 * otpauth:// URI for the QR code. The label is "issuer:account" and the issuer is also repeated as a
 * parameter (Google's Key URI format); every part goes through encodeURIComponent, so "ÖSHZ" or "–" survive.
 */
export function totpUri({ secret, account, issuer }: { secret: string; account: string; issuer: string }): string {
  return totp(secret, issuer, account).toString();
}

export type TotpResult = { ok: true; step: number } | { ok: false; reason: "format" | "mismatch" | "replay" };

/**
 * Checks a 6-digit code. On success the caller must store `step` as the new lastUsedStep: a code whose step is
 * not newer than the last accepted one is refused, so an observed code cannot be replayed within its validity
 * window, and an older code cannot be used after a newer one.
 */
export function verifyTotp({
  secret,
  code,
  now = new Date(),
  lastUsedStep = null,
}: {
  secret: string;
  code: string;
  now?: Date;
  lastUsedStep?: number | null;
}): TotpResult {
  // Apps display codes as "123 456"; people copy them with the space.
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false, reason: "format" };
  const timestamp = now.getTime();
  const current = Math.floor(timestamp / 1000 / PERIOD);
  // The library compares in constant time and returns the offset of the matching step (0, -1, +1), or null.
  const delta = totp(secret).validate({ token, timestamp, window: WINDOW });
  if (delta === null) return { ok: false, reason: "mismatch" };
  const step = current + delta;
  if (lastUsedStep != null && step <= lastUsedStep) return { ok: false, reason: "replay" };
  return { ok: true, step };
}

// Digits and capitals without 0/O, 1/I/L: codes get read off paper and typed by hand. 31 symbols × 12 ≈ 59 bits,
// far beyond guessing through a throttled login, which is why a fast unsalted hash is enough to store them.
const RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const RECOVERY_LENGTH = 12;
const RECOVERY_FORMAT = new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_LENGTH}}$`);

// Users may type lowercase, spaces or no dashes at all; the hash is over the bare 12 characters.
const normalizeRecoveryCode = (input: string) => input.toUpperCase().replace(/[\s-]+/g, "");
const hashRecoveryCode = (normalized: string) => createHash("sha256").update(normalized).digest("hex");

/** Codes like "7KQ4-M9XA-2PDF" to show the user once, and their SHA-256 hashes (hex) to store. */
export function generateRecoveryCodes(count = 10): { codes: string[]; hashes: string[] } {
  const codes = new Set<string>();
  while (codes.size < count) {
    // randomInt is unbiased (rejection sampling), unlike a byte modulo 31.
    const raw = Array.from({ length: RECOVERY_LENGTH }, () =>
      RECOVERY_ALPHABET.charAt(randomInt(RECOVERY_ALPHABET.length)),
    ).join("");
    codes.add(`${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`);
  }
  const list = [...codes];
  return { codes: list, hashes: list.map((c) => hashRecoveryCode(normalizeRecoveryCode(c))) };
}

/** On success returns the stored hashes minus the one used, which the caller saves so the code cannot be reused. */
export function consumeRecoveryCode(
  input: string,
  hashes: string[],
): { ok: true; remaining: string[] } | { ok: false } {
  const normalized = normalizeRecoveryCode(input);
  if (!RECOVERY_FORMAT.test(normalized)) return { ok: false };
  const candidate = Buffer.from(hashRecoveryCode(normalized), "hex");
  // Compare against every hash without stopping early, so timing reveals neither whether nor where it matched.
  let found = -1;
  hashes.forEach((stored, i) => {
    const buf = Buffer.from(stored, "hex");
    if (buf.length === candidate.length && timingSafeEqual(buf, candidate) && found < 0) found = i;
  });
  if (found < 0) return { ok: false };
  return { ok: true, remaining: hashes.filter((_, i) => i !== found) };
}
