import { eq } from "drizzle-orm";
import { z } from "zod";
import type { OptionalTexts } from "@/db/control/schema";
import { writeAudit, type Actor } from "@/server/audit";
import { c, controlDb } from "@/server/db/control";
import { AppError } from "@/server/errors";
import { LOCALES, type Locale } from "@/server/i18n/locale";
import { invalidateTenant, type Tenant } from "@/server/tenancy/registry";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * The welcome of a centre's home page, per language, as the centre writes it (control.tenants.greetings):
 * "Bienvenue au CPAS de Châtelet", "Bienvenue à la Maison sociale", "Willkommen im ÖSHZ Eupen". The
 * operator may give it at creation, the centre's administrators change it in the centre's settings.
 */

const greeting = z.string().trim().max(200);
/** Greetings as typed: an empty one means "none" (the page then greets without an article). */
export const greetingsSchema = z
  .object({ fr: greeting, nl: greeting, de: greeting, en: greeting })
  .partial()
  .strict()
  .transform((g): OptionalTexts => Object.fromEntries(LOCALES.flatMap((l) => (g[l] ? [[l, g[l]]] : []))));

/** The greeting the centre wrote in this language, if any. */
export const greetingIn = (greetings: OptionalTexts | null | undefined, locale: Locale): string | undefined =>
  greetings?.[locale]?.trim() || undefined;

export async function greetingsOf(tenantId: string): Promise<OptionalTexts> {
  const [row] = await controlDb()
    .select({ greetings: c.tenants.greetings })
    .from(c.tenants)
    .where(eq(c.tenants.id, tenantId));
  if (!row) throw new AppError("NOT_FOUND");
  return row.greetings;
}

const same = (a: OptionalTexts, b: OptionalTexts) => LOCALES.every((l) => (a[l] ?? "") === (b[l] ?? ""));

/**
 * Saves the greetings an administrator edited from `before`; if someone saved others meanwhile,
 * STALE_EDIT and nothing changes. Audited in control (with the change) and in the centre.
 */
export async function updateGreetings(
  h: Pick<TenantHandle, "db" | "t">,
  tenant: Pick<Tenant, "id" | "slug">,
  who: Actor,
  raw: { before: unknown; greetings: unknown },
) {
  const before = greetingsSchema.parse(raw.before);
  const greetings = greetingsSchema.parse(raw.greetings);
  const saved = await controlDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ greetings: c.tenants.greetings })
      .from(c.tenants)
      .where(eq(c.tenants.id, tenant.id))
      .for("update");
    if (!row) throw new AppError("NOT_FOUND");
    if (!same(row.greetings, before)) throw new AppError("STALE_EDIT");
    if (same(row.greetings, greetings)) return false;
    await tx.update(c.tenants).set({ greetings }).where(eq(c.tenants.id, tenant.id));
    await tx.insert(c.controlAudit).values({
      actor: `centre-${who.actor}`,
      action: "tenant.greetings",
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      details: { from: row.greetings, to: greetings },
    });
    return true;
  });
  if (saved) {
    invalidateTenant(tenant.slug);
    await writeAudit(h.db, h.t, who, {
      action: "settings.greetings",
      entity: "greetings",
      id: tenant.id,
      changes: { greetings: { from: before, to: greetings } },
    });
  }
  return greetings;
}
