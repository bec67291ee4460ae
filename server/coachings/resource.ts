import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { clientNameOf } from "@/server/clients/sql";
import { actorOf } from "@/server/audit";
import { defineResource } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { boolean, date, filters, integer, localizedText, reference } from "@/server/resources/fields";
import { userNameOf } from "@/server/users/sql";

/** Services that coach clients (Lino's "coaching types"), configured per centre. */
export const coachingTypesResource = defineResource({
  id: "pcsw.coachingTypes",
  title: "resources.coachingTypes.title",
  table: (t) => t.coachingTypes,
  pk: (t) => t.coachingTypes.id,
  version: (t) => t.coachingTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.coachingTypes.id, { editable: false, width: 6 }),
    name: localizedText("fields.name", (t) => t.coachingTypes.names, { required: true }),
    doesGss: boolean("resources.coachingTypes.doesGss", (t) => t.coachingTypes.doesGss),
    doesIntegration: boolean("resources.coachingTypes.doesIntegration", (t) => t.coachingTypes.doesIntegration),
  },
  columns: ["name", "doesGss", "doesIntegration"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["CoachingsUser"], edit: ["CoachingsStaff"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["name", "doesGss", "doesIntegration"] }], slaves: [] }],
  insert: { fields: ["name", "doesGss", "doesIntegration"] },
});

/** Who coaches a client, in which service, from when to when (domain-people §8). */
export const coachingsResource = defineResource({
  id: "pcsw.coachings",
  title: "resources.coachings.title",
  table: (t) => t.coachings,
  pk: (t) => t.coachings.id,
  version: (t) => t.coachings.version,
  fields: {
    id: integer("fields.id", (t) => t.coachings.id, { editable: false, width: 6 }),
    client: reference("resources.coachings.client", "contacts.clients", (t) => t.coachings.clientId, (t) => clientNameOf(t, q(t.coachings.clientId)), { required: true, createOnly: true }),
    user: reference("resources.coachings.user", "admin.users", (t) => t.coachings.userId, (t) => userNameOf(t, q(t.coachings.userId)), { required: true }),
    coachingType: reference("resources.coachings.coachingType", "pcsw.coachingTypes", (t) => t.coachings.coachingTypeId, (t) => sql`(select ${t.coachingTypes.names} from ${t.coachingTypes} where ${q(t.coachingTypes.id)} = ${q(t.coachings.coachingTypeId)})`, { localized: true }),
    startDate: date("fields.startDate", (t) => t.coachings.startDate, { required: true }),
    endDate: date("fields.endDate", (t) => t.coachings.endDate),
    primary: boolean("resources.coachings.primary", (t) => t.coachings.primary),
  },
  columns: ["client", "user", "coachingType", "startDate", "endDate", "primary"],
  hiddenColumns: ["id"],
  titleField: "client",
  filters: {
    primary: filters.boolean("resources.coachings.primary", (t) => t.coachings.primary),
    activeOn: { label: "resources.coachings.activeOn", widget: "date", schema: z.iso.date(), where: (v: string, t) => sql`${t.coachings.startDate} <= ${v} and (${t.coachings.endDate} is null or ${t.coachings.endDate} >= ${v})` },
    mine: { label: "resources.coachings.mine", widget: "boolean", schema: z.boolean(), where: (v: boolean, t, ctx) => (v ? eq(t.coachings.userId, ctx.user.id) : undefined) },
  },
  defaultSort: [{ field: "startDate", dir: "desc" }],
  access: { view: ["CoachingsUser"], edit: ["CoachingsUser"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["client", "user", "coachingType", "startDate", "endDate", "primary"] }] }],
  insert: {
    fields: ["client", "user", "coachingType", "startDate", "endDate", "primary"],
    defaults: (ctx) => ({ user: ctx.user.id, startDate: new Date().toISOString().slice(0, 10) }),
  },
  // The single-primary rule: making one coaching primary makes the client's other ones secondary.
  beforeSave: async (tx, ctx, id, values) => {
    if (values.primary !== true) return;
    const t = ctx.handle.t;
    const clientId = values.client ?? (await tx.select({ c: t.coachings.clientId }).from(t.coachings).where(eq(t.coachings.id, Number(id))))[0]?.c;
    const demoted = await tx.update(t.coachings).set({ primary: false, version: sql`${t.coachings.version} + 1` })
      .where(and(eq(t.coachings.clientId, Number(clientId)), eq(t.coachings.primary, true), id === undefined ? undefined : ne(t.coachings.id, Number(id))))
      .returning({ id: t.coachings.id });
    for (const row of demoted) {
      await tx.insert(t.auditLog).values({ ...actorOf(ctx.user), action: "pcsw.coachings.update", entity: "pcsw.coachings", entityId: String(row.id), changes: { primary: { from: true, to: false } } });
    }
  },
});
