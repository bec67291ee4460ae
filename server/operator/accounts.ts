import { hash, verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { c, controlDb } from "@/server/db/control";
import { AppError } from "@/server/errors";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const operatorPassword = z.string().min(12, "password too short");

// A real hash of a random string, so unknown e-mails take as long as wrong passwords.
const DUMMY_HASH = hash(crypto.randomUUID());

export async function createOperator(input: { email: string; name: string; password: string }, actor: string) {
  const email = z.email().parse(input.email.trim().toLowerCase());
  const passwordHash = await hash(operatorPassword.parse(input.password));
  const name = input.name.trim() || email;
  return controlDb().transaction(async (tx) => {
    const byEmail = eq(sql`lower(${c.operators.email})`, email);
    const [existing] = await tx.select({ id: c.operators.id }).from(c.operators).where(byEmail).for("update");
    const [row] = existing
      ? await tx
          .update(c.operators)
          // A password reset also ends the operator's open sessions.
          .set({
            name,
            passwordHash,
            active: true,
            failedLogins: 0,
            lockedUntil: null,
            sessionEpoch: sql`${c.operators.sessionEpoch} + 1`,
          })
          .where(eq(c.operators.id, existing.id))
          .returning({ id: c.operators.id, email: c.operators.email })
      : await tx
          .insert(c.operators)
          .values({ email, name, passwordHash })
          .returning({ id: c.operators.id, email: c.operators.email });
    await tx
      .insert(c.controlAudit)
      .values({ actor, action: existing ? "operator.reset" : "operator.create", details: { email } });
    return row!;
  });
}

/** Checks an operator's password; counts failures and locks the account for a while after too many. */
export async function authenticateOperator(emailRaw: string, password: string) {
  const email = emailRaw.trim().toLowerCase();
  const db = controlDb();
  const [op] = await db
    .select()
    .from(c.operators)
    .where(eq(sql`lower(${c.operators.email})`, email))
    .limit(1);
  if (!op || !op.active) {
    await verify(await DUMMY_HASH, password).catch(() => false);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (op.lockedUntil && op.lockedUntil > new Date()) throw new AppError("ACCOUNT_LOCKED", { minutes: LOCKOUT_MINUTES });
  const ok = await verify(op.passwordHash, password).catch(() => false);
  if (!ok) {
    const failures = op.failedLogins + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await db.transaction(async (tx) => {
      await tx
        .update(c.operators)
        .set({
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? sql`now() + make_interval(mins => ${LOCKOUT_MINUTES})` : op.lockedUntil,
        })
        .where(eq(c.operators.id, op.id));
      await tx
        .insert(c.controlAudit)
        .values({ actor: `operator:${op.email}`, action: lock ? "operator.locked" : "operator.login_failed" });
    });
    throw new AppError(lock ? "ACCOUNT_LOCKED" : "INVALID_CREDENTIALS", { minutes: LOCKOUT_MINUTES });
  }
  await db.transaction(async (tx) => {
    await tx.update(c.operators).set({ failedLogins: 0, lockedUntil: null }).where(eq(c.operators.id, op.id));
    await tx.insert(c.controlAudit).values({ actor: `operator:${op.email}`, action: "operator.login" });
  });
  return { id: op.id, email: op.email, name: op.name, sessionEpoch: op.sessionEpoch };
}

export async function findActiveOperator(id: string) {
  const [op] = await controlDb()
    .select({
      id: c.operators.id,
      email: c.operators.email,
      name: c.operators.name,
      active: c.operators.active,
      sessionEpoch: c.operators.sessionEpoch,
    })
    .from(c.operators)
    .where(eq(c.operators.id, id))
    .limit(1);
  return op?.active ? op : null;
}
