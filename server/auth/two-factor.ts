import { writeAudit } from "@/server/audit";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { decryptSecret, encryptSecret } from "@/server/crypto/secrets";
import { AppError } from "@/server/errors";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { User } from "./login";
import { consumeRecoveryCode, generateRecoveryCodes, generateTotpSecret, totpUri, verifyTotp } from "./totp";

const secretContext = (h: Pick<TenantHandle, "tenantId">, userId: number) => `${h.tenantId}:users.${userId}.totp`;

/** Starts enrolment: a new secret waits, encrypted, until the user proves they scanned it. */
export async function beginTotpEnrollment(h: TenantHandle, user: Pick<User, "id" | "username">, issuer: string) {
  const secret = generateTotpSecret();
  await h.db
    .update(h.t.users)
    .set({ totpPendingSecret: encryptSecret(secret, secretContext(h, user.id)) })
    .where(eq(h.t.users.id, user.id));
  return { secret, uri: totpUri({ secret, account: user.username, issuer }) };
}

/** Finishes enrolment with a first valid code; returns the recovery codes, shown once and stored hashed. */
export async function confirmTotpEnrollment(h: TenantHandle, userId: number, code: string) {
  return h.db.transaction(async (tx) => {
    const [user] = await tx.select().from(h.t.users).where(eq(h.t.users.id, userId)).for("update");
    if (!user?.totpPendingSecret) throw new AppError("TOTP_INVALID");
    const result = verifyTotp({ secret: decryptSecret(user.totpPendingSecret, secretContext(h, userId)), code });
    if (!result.ok) throw new AppError("TOTP_INVALID");
    const { codes, hashes } = generateRecoveryCodes();
    await tx
      .update(h.t.users)
      .set({
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpLastStep: result.step,
        recoveryCodeHashes: hashes,
        version: sql`${h.t.users.version} + 1`,
      })
      .where(eq(h.t.users.id, userId));
    await writeAudit(
      tx,
      h.t,
      { actor: `user:${userId}`, actingFor: null },
      { action: "user.enable_two_factor", entity: "users.users", id: userId },
    );
    return codes;
  });
}

/**
 * The second step of signing in, for users who enabled two-factor: a current code (each usable once)
 * or a recovery code (each usable once). Returns normally when it passes.
 */
export async function checkSecondFactor(h: TenantHandle, user: User, code: string | undefined) {
  if (!user.totpSecret) return;
  const input = (code ?? "").trim();
  if (!input) throw new AppError("TOTP_REQUIRED");
  if (/[a-z]/i.test(input)) {
    const used = consumeRecoveryCode(input, user.recoveryCodeHashes);
    // Conditional on the list read, so one recovery code cannot sign in twice concurrently.
    const saved =
      used.ok &&
      (
        await h.db
          .update(h.t.users)
          .set({ recoveryCodeHashes: used.remaining })
          .where(
            and(
              eq(h.t.users.id, user.id),
              sql`${h.t.users.recoveryCodeHashes} = ${JSON.stringify(user.recoveryCodeHashes)}::jsonb`,
            ),
          )
          .returning({ id: h.t.users.id })
      ).length === 1;
    if (!saved) throw new AppError("TOTP_INVALID");
    return;
  }
  const result = verifyTotp({
    secret: decryptSecret(user.totpSecret, secretContext(h, user.id)),
    code: input,
    lastUsedStep: user.totpLastStep,
  });
  if (!result.ok) throw new AppError("TOTP_INVALID");
  // Saved only if no newer code was used meanwhile: the same code cannot sign in twice.
  const [stored] = await h.db
    .update(h.t.users)
    .set({ totpLastStep: result.step })
    .where(and(eq(h.t.users.id, user.id), or(isNull(h.t.users.totpLastStep), lt(h.t.users.totpLastStep, result.step))))
    .returning({ id: h.t.users.id });
  if (!stored) throw new AppError("TOTP_INVALID");
}
