import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { hashPassword } from "@/server/auth/password";
import type { UserType } from "@/server/auth/user-types";
import { systemActor } from "@/server/audit";
import { givePersonsToAll } from "@/server/users/person";

/** The password of every demo user (README). */
export const DEMO_USER_PASSWORD = "entraide-demo";

type CastMember = {
  username: string;
  firstName: string;
  lastName: string;
  language?: string;
  eupen: UserType;
  chatelet: UserType;
};

// Lino Welfare's demo users (domain-people §20). Châtelet uses the "flexible" types instead of 100/200/400.
const CAST: CastMember[] = [
  { username: "robin", firstName: "Robin", lastName: "Rood", language: "en", eupen: "900", chatelet: "900" },
  { username: "rolf", firstName: "Rolf", lastName: "Rompen", language: "de", eupen: "900", chatelet: "900" },
  { username: "romain", firstName: "Romain", lastName: "Raffault", language: "fr", eupen: "900", chatelet: "900" },
  { username: "patrick", firstName: "Patrick", lastName: "Paraneau", eupen: "910", chatelet: "910" },
  { username: "alicia", firstName: "Alicia", lastName: "Allmanns", eupen: "100", chatelet: "120" },
  { username: "hubert", firstName: "Hubert", lastName: "Huppertz", eupen: "100", chatelet: "120" },
  { username: "melanie", firstName: "Mélanie", lastName: "Mélard", eupen: "110", chatelet: "110" },
  { username: "caroline", firstName: "Caroline", lastName: "Carnol", eupen: "200", chatelet: "220" },
  { username: "theresia", firstName: "Theresia", lastName: "Thelen", eupen: "210", chatelet: "210" },
  { username: "kerstin", firstName: "Kerstin", lastName: "Kerres", eupen: "300", chatelet: "300" },
  { username: "judith", firstName: "Judith", lastName: "Jousten", eupen: "400", chatelet: "420" },
  { username: "wilfried", firstName: "Wilfried", lastName: "Willems", eupen: "500", chatelet: "500" },
];

/** Each agent's own service: integration (1xx), debt mediation (300), general social service (200, 4xx). */
async function servicesByKind({ db, t }: Pick<TenantHandle, "db" | "t">) {
  const rows = await db
    .select({ id: t.coachingTypes.id, gss: t.coachingTypes.doesGss, integ: t.coachingTypes.doesIntegration })
    .from(t.coachingTypes)
    .orderBy(t.coachingTypes.id);
  const integration = rows.find((r) => r.integ)?.id ?? null;
  const gss = rows.find((r) => r.gss)?.id ?? null;
  const debts = rows.find((r) => !r.gss && !r.integ)?.id ?? null;
  return (type: UserType) =>
    type.startsWith("1") ? integration : type === "300" ? debts : type === "200" || type.startsWith("4") ? gss : null;
}

// One hash for the shared demo password, so seeding many demo centres stays fast.
let demoHash: Promise<string> | undefined;

/** Seeds the demo cast; German-speaking centres follow Eupen's setup, the others Châtelet's. Idempotent. */
export async function seedDemoUsers({ db, t }: TenantHandle, centre: { defaultLocale: string }) {
  const passwordHash = await (demoHash ??= hashPassword(DEMO_USER_PASSWORD));
  const flavour = centre.defaultLocale === "de" ? "eupen" : "chatelet";
  const service = await servicesByKind({ db, t });
  await db
    .insert(t.users)
    .values(
      CAST.map((m) => ({
        username: m.username,
        firstName: m.firstName,
        lastName: m.lastName,
        initials: `${m.firstName[0]}${m.lastName[0]}`,
        email: `${m.username}@example.com`,
        language: m.language ?? centre.defaultLocale,
        userType: m[flavour],
        passwordHash,
        newcomerQuota: m[flavour].startsWith("1") || m[flavour].startsWith("2") ? 50 : 0,
        coachingTypeId: service(m[flavour]),
      })),
    )
    .onConflictDoNothing();
  // Every user has a person record (§1.1 `partner`): how a coach is invited as a guest (§10.3).
  await givePersonsToAll({ db, t }, systemActor("seed"));
  // Hubert, Alicia and Mélanie gave Theresia (reception) authority to act for them.
  const ids = new Map(
    (await db.select({ id: t.users.id, username: t.users.username }).from(t.users)).map((u) => [u.username, u.id]),
  );
  const theresia = ids.get("theresia")!;
  await db
    .insert(t.authorities)
    .values(["hubert", "alicia", "melanie"].map((giver) => ({ userId: ids.get(giver)!, authorizedId: theresia })))
    .onConflictDoNothing();
}
