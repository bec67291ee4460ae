import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/server/env";

const VERSION = "v1";

function key(): Buffer {
  return createHash("sha256").update(env().MASTER_KEY).digest();
}

/**
 * Encrypts a secret for storage (AES-256-GCM under the master key from the environment). `context`
 * (e.g. "<tenant id>:ldap.bindPassword") is authenticated too, so a value copied into another
 * centre's row, or another field, no longer decrypts.
 */
export function encryptSecret(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export function decryptSecret(stored: string, context: string): string {
  const [version, data] = stored.split(":");
  if (version !== VERSION || !data) throw new Error("unknown secret format");
  const raw = Buffer.from(data, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
