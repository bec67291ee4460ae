import "server-only";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { rowIdOf, type ResourceMeta } from "@/lib/resources";
import { currentUser } from "@/server/auth/current";
import type { SessionUser } from "@/server/auth/session";
import { getPreference } from "@/server/preferences/service";
import { can, canListAll } from "@/server/resources/access";
import type { ResourceCtx, ResourceDef } from "@/server/resources/define";
import { describeResource } from "@/server/resources/meta";
import { registry } from "@/server/areas";
import { recordOpening } from "@/server/resources/service";
import type { Locale } from "@/server/i18n/locale";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";

export type ResourceParams = Promise<{ area: string; table: string }>;

export type Authorized =
  | { status: "unavailable" }
  | { status: "forbidden" }
  | { status: "ok"; def: ResourceDef; user: SessionUser; ctx: ResourceCtx };

export type Loaded =
  | { status: "unavailable" }
  | { status: "forbidden" }
  | { status: "ok"; def: ResourceDef; meta: ResourceMeta; user: SessionUser; ctx: ResourceCtx; settings: unknown };

/**
 * The declared resource named by the address (404 if none), a signed-in user (else the sign-in
 * page) and their right to see it (for the list page, `list`: to see it without a master row, as
 * some user types see a client's coachings only on the client).
 */
export async function authorizeResource(params: ResourceParams, { list = false } = {}): Promise<Authorized> {
  const { area, table } = await params;
  const def = registry.resources.get(`${area}.${table}`);
  if (!def) notFound();
  const found = await currentTenant();
  // The layout shows the centre's notice instead of any page.
  if (!found || found.availability !== "served") return { status: "unavailable" };
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!can(def, "view", user) || (list && !canListAll(def, user))) return { status: "forbidden" };
  const ctx: ResourceCtx = {
    handle: tenantHandle(found.tenant),
    user,
    locale: (await getLocale()) as Locale,
    registry,
  };
  return { status: "ok", def, user, ctx };
}

/**
 * What every generic resource page needs: the resource authorized as above, and its meta for the
 * user (without its filters for a page that shows none).
 */
export async function loadResource(
  params: ResourceParams,
  { withSettings = false, filters = true, list = false } = {},
): Promise<Loaded> {
  const authorized = await authorizeResource(params, { list });
  if (authorized.status !== "ok") return authorized;
  const { def, user, ctx } = authorized;
  const [meta, settings] = await Promise.all([
    describeResource(ctx.handle, def, user, ctx, { filters }),
    // Layout choices belong to the person signed in, also while acting for a colleague.
    withSettings ? getPreference(ctx.handle, user.realUser?.id ?? user.id, `grid:${def.id}`) : null,
  ]);
  return { status: "ok", def, meta, user, ctx, settings };
}

/** Writes the opening of a row holding personal data to the access log (clients, …). */
export async function recordPageOpening(
  params: ResourceParams,
  id: string,
  user: SessionUser,
  what: "detail" | "print",
) {
  const { area, table } = await params;
  const found = await currentTenant();
  const def = registry.resources.get(`${area}.${table}`);
  if (!found || !def?.logsAccess) return;
  const locale = (await getLocale()) as Locale;
  await recordOpening({ handle: tenantHandle(found.tenant), user, locale, registry }, def, rowIdOf(id), what);
}

/** The browser tab names the resource ("Orte · Entraide"), so that several open lists can be told apart. */
export async function resourceMetadata(params: ResourceParams): Promise<Metadata> {
  const { area, table } = await params;
  const def = registry.resources.get(`${area}.${table}`);
  if (!def) return {};
  const t = await getTranslations();
  return { title: `${t(def.title)} · ${t("app.name")}` };
}
