import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { checkPasswordPolicy, hashPassword } from "@/server/auth/password";
import { userThrottleKey } from "@/server/auth/throttle";
import { USER_TYPES } from "@/server/auth/user-types";
import { changedFields, writeAudit, type Actor, type Changes } from "@/server/audit";
import { givePersonTo, keepPersonInStep } from "./person";
import { usersResource } from "./resource";
import { AppError } from "@/server/errors";
import { isoDate } from "@/server/resources/fields";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

type Handle = Pick<TenantHandle, "db" | "t">;
type Tx = Parameters<Parameters<Handle["db"]["transaction"]>[0]>[0];

/** What an administrator writes about a user. */
const userShape = {
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  initials: z.string().trim().max(10),
  email: z.union([z.email(), z.literal("")]),
  language: z.enum(["fr", "nl", "de", "en"]),
  userType: z.enum(USER_TYPES).nullable(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  active: z.boolean(),
  remarks: z.string().max(2000),
  newcomerQuota: z.number().int().min(0).max(100),
  coachingTypeId: z.number().int().positive().max(2_147_483_647).nullable(),
  /** The user's own person record (§1.1 `partner`): how the user is invited as a guest (§10.3). */
  partnerId: z.number().int().positive().max(2_147_483_647).nullable(),
  coachingSupervisor: z.boolean(),
  newcomerConsultations: z.boolean(),
  newcomerAppointments: z.boolean(),
  mailMode: z.enum(["silent", "never", "often", "daily", "weekly"]),
  notifyMyself: z.boolean(),
};

/**
 * An edit: the fields sent, and only those. (A `partial()` of fields with defaults would give every
 * field left out its default: an edit of the name would clear the e-mail, the dates and the service,
 * and activate a deactivated user.)
 */
export const userPatch = z.object(userShape).partial();

/** A service given to a user must be one of the centre's services. */
async function assertServiceExists(tx: Tx, t: Handle["t"], coachingTypeId: number | null | undefined) {
  if (coachingTypeId == null) return;
  const [found] = await tx
    .select({ id: t.coachingTypes.id })
    .from(t.coachingTypes)
    .where(eq(t.coachingTypes.id, coachingTypeId));
  if (!found) throw new AppError("INVALID_INPUT", { field: "coachingTypeId" });
}
/** A user's person record must be one of the centre's persons. */
async function assertPersonExists(tx: Tx, t: Handle["t"], partnerId: number | null | undefined) {
  if (partnerId == null) return;
  const [found] = await tx
    .select({ id: t.partners.id })
    .from(t.partners)
    .where(and(eq(t.partners.id, partnerId), eq(t.partners.kind, "person")));
  if (!found) throw new AppError("INVALID_INPUT", { field: "partnerId" });
}
/** A new user: the fields not given take their defaults. */
export const newUserInput = z.object({
  ...userShape,
  initials: userShape.initials.default(""),
  email: userShape.email.default(""),
  startDate: userShape.startDate.default(null),
  endDate: userShape.endDate.default(null),
  active: userShape.active.default(true),
  remarks: userShape.remarks.default(""),
  newcomerQuota: userShape.newcomerQuota.default(0),
  coachingTypeId: userShape.coachingTypeId.default(null),
  partnerId: userShape.partnerId.default(null),
  coachingSupervisor: userShape.coachingSupervisor.default(false),
  newcomerConsultations: userShape.newcomerConsultations.default(false),
  newcomerAppointments: userShape.newcomerAppointments.default(false),
  mailMode: userShape.mailMode.default("often"),
  notifyMyself: userShape.notifyMyself.default(false),
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{2,30}$/),
  authMethod: z.enum(["local", "ldap"]),
  password: z.string().optional(),
});

const audit = (tx: Tx, t: Handle["t"], who: Actor, action: string, userId: number, changes: Changes = {}) =>
  writeAudit(tx, t, who, { action, entity: usersResource.id, id: userId, changes });

export async function createUser({ db, t }: Handle, actor: Actor, raw: z.input<typeof newUserInput>) {
  const input = newUserInput.parse(raw);
  // A local account created without a password cannot sign in until an administrator sets one.
  const password = input.authMethod === "local" && input.password ? input.password : null;
  if (password !== null)
    checkPasswordPolicy(password, { username: input.username, names: [input.firstName, input.lastName] });
  const passwordHash = password !== null ? await hashPassword(password) : null;
  const { password: _password, ...fields } = input;
  return db.transaction(async (tx) => {
    await assertServiceExists(tx, t, fields.coachingTypeId);
    await assertPersonExists(tx, t, fields.partnerId);
    const [user] = await tx
      .insert(t.users)
      .values({ ...fields, passwordHash })
      .onConflictDoNothing()
      .returning();
    if (!user) throw new AppError("USERNAME_TAKEN", { username: input.username });
    // Linked to the person given, or to a person made for the user (§1.1 `partner`).
    const partnerId = await givePersonTo(tx, t, actor, user);
    await audit(tx, t, actor, "user.create", user.id, {
      userType: { from: null, to: user.userType },
      partnerId: { from: null, to: partnerId },
    });
    return { ...user, partnerId, partnerFromUser: user.partnerId === null };
  });
}

/**
 * Saves an edit made on `version`; refuses it if someone saved in between. Deactivating a user or
 * changing their user type ends their open sessions.
 */
export async function updateUser(
  { db, t }: Handle,
  actor: Actor,
  id: number,
  version: number,
  raw: z.input<typeof userPatch>,
) {
  const patch = userPatch.parse(raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(t.users).where(eq(t.users.id, id)).for("update");
    if (!before) throw new AppError("NOT_FOUND");
    if (before.version !== version) throw new AppError("STALE_EDIT");
    await assertServiceExists(tx, t, patch.coachingTypeId);
    await assertPersonExists(tx, t, patch.partnerId);
    // Another person chosen by hand is the user's own record, no longer one made for them.
    const relinked = patch.partnerId !== undefined && patch.partnerId !== before.partnerId;
    const changes = changedFields(before, patch);
    const endsSessions = "userType" in changes || ("active" in changes && patch.active === false);
    const [after] = await tx
      .update(t.users)
      .set({
        ...patch,
        ...(relinked ? { partnerFromUser: false } : {}),
        version: sql`${t.users.version} + 1`,
        modifiedAt: sql`now()`,
        ...(endsSessions ? { sessionEpoch: sql`${t.users.sessionEpoch} + 1` } : {}),
      })
      .where(and(eq(t.users.id, id), eq(t.users.version, version)))
      .returning();
    // A person made for the user follows a rename; a user left without one gets one again.
    const partnerId = await keepPersonInStep(tx, t, actor, after!);
    if (partnerId !== after!.partnerId) changes.partnerId = { from: after!.partnerId, to: partnerId };
    await audit(tx, t, actor, "user.update", id, changes);
    return { ...after!, partnerId, partnerFromUser: after!.partnerFromUser || partnerId !== after!.partnerId };
  });
}

export async function resetPassword({ db, t }: Handle, actor: Actor, id: number, password: string) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(t.users).where(eq(t.users.id, id)).for("update");
    if (!user) throw new AppError("NOT_FOUND");
    if (user.authMethod !== "local") throw new AppError("INVALID_INPUT", { field: "authMethod" });
    checkPasswordPolicy(password, { username: user.username, names: [user.firstName, user.lastName] });
    await tx
      .update(t.users)
      .set({
        passwordHash: await hashPassword(password),
        sessionEpoch: sql`${t.users.sessionEpoch} + 1`,
        version: sql`${t.users.version} + 1`,
        modifiedAt: sql`now()`,
      })
      .where(eq(t.users.id, id));
    await tx.delete(t.loginThrottle).where(eq(t.loginThrottle.key, userThrottleKey(user.username)));
    await audit(tx, t, actor, "user.reset_password", id);
  });
}

export async function resetTwoFactor({ db, t }: Handle, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(t.users)
      .set({
        totpSecret: null,
        totpLastStep: null,
        recoveryCodeHashes: [],
        version: sql`${t.users.version} + 1`,
        modifiedAt: sql`now()`,
      })
      .where(eq(t.users.id, id))
      .returning({ id: t.users.id });
    if (!user) throw new AppError("NOT_FOUND");
    await audit(tx, t, actor, "user.reset_two_factor", id);
  });
}
