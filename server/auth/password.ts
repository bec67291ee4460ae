import { hash, verify } from "@node-rs/argon2";
import { AppError } from "@/server/errors";

export const PASSWORD_MIN_LENGTH = 12;
const COMMON = [
  "password",
  "motdepasse",
  "wachtwoord",
  "passwort",
  "azerty",
  "qwerty",
  "123456",
  "welcome",
  "bienvenue",
  "cpas",
  "ocmw",
  "oshz",
];

/** Throws PASSWORD_POLICY with the rule broken; the message tells the user what to change. */
export function checkPasswordPolicy(password: string, context: { username: string; names?: string[] }) {
  const lower = password.toLowerCase();
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new AppError("PASSWORD_POLICY", { rule: "tooShort", min: PASSWORD_MIN_LENGTH });
  const personal = [context.username, ...(context.names ?? [])]
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length >= 3);
  if (personal.some((p) => lower.includes(p)))
    throw new AppError("PASSWORD_POLICY", { rule: "personal", min: PASSWORD_MIN_LENGTH });
  if (new Set(lower).size < 5 || COMMON.some((c) => lower.replace(/[^a-z0-9]/g, "").startsWith(c))) {
    throw new AppError("PASSWORD_POLICY", { rule: "tooSimple", min: PASSWORD_MIN_LENGTH });
  }
}

/** argon2id with the library's defaults (m=19 MiB, t=2), as OWASP recommends. */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

// Compared against when the account does not exist, so both cases take as long.
let dummy: Promise<string> | undefined;
export const dummyVerify = async (password: string) =>
  verifyPassword(await (dummy ??= hash("entraide-no-such-account")), password);
