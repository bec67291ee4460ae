import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, created, rowChange, writeAudit } from "@/server/audit";
import { decryptSecret, encryptSecret } from "@/server/crypto/secrets";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource } from "@/server/resources/define";
import { choice, datetime, integer, text } from "@/server/resources/fields";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** How the board names a visitor: their ticket number of the day, or their first name (§11 board; never more). */
export const boardLabels = defineChoiceList("boardLabels", ["ticket", "firstName"] as const);

const d = (t: TenantTables) => t.receptionDisplays;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
/** The encrypted token is bound to its centre: copied into another centre's row it no longer decrypts. */
const contextOf = (tenantId: string) => `${tenantId}:reception.displayToken`;

/** A display's columns for a fresh `token`: the hash that finds it, the token kept encrypted for its centre. */
export const newDisplayValues = (tenantId: string, values: { name: string; shows: string }, token: string) => ({
  name: values.name,
  shows: values.shows,
  tokenHash: hashOf(token),
  tokenEnc: encryptSecret(token, contextOf(tenantId)),
});

/** The display a token signs in, on this centre, unless revoked. */
export async function displayByToken(handle: Pick<TenantHandle, "db" | "t">, token: string) {
  if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return null;
  const { db, t } = handle;
  const [row] = await db
    .select({ id: d(t).id, name: d(t).name, shows: d(t).shows })
    .from(d(t))
    .where(and(eq(d(t).tokenHash, hashOf(token)), isNull(d(t).revokedAt)));
  return row ?? null;
}

/** The lounge screens of the centre (Configure → Reception, administrators): each with its board address, revocable. */
export const displaysResource = defineResource({
  id: "reception.displays",
  title: "resources.receptionDisplays.title",
  table: d,
  pk: (t) => d(t).id,
  version: (t) => d(t).version,
  fields: {
    id: integer("fields.id", (t) => d(t).id, { editable: false, plain: true, width: 6 }),
    name: text("fields.name", (t) => d(t).name, { required: true, max: 100, width: 24 }),
    shows: choice("resources.receptionDisplays.shows", (t) => d(t).shows, boardLabels, { required: true }),
    // The address to open on the screen; only administrators see this resource at all.
    boardUrl: {
      type: "text",
      label: "resources.receptionDisplays.boardUrl",
      expr: (t) => d(t).tokenEnc,
      sortable: false,
      width: 40,
      present: (value, ctx) => `/board?token=${decryptSecret(String(value), contextOf(ctx.handle.tenantId))}`,
    },
    createdAt: datetime("fields.createdAt", (t) => d(t).createdAt),
    revokedAt: datetime("resources.receptionDisplays.revokedAt", (t) => d(t).revokedAt),
  },
  columns: ["name", "shows", "createdAt", "revokedAt"],
  hiddenColumns: ["id", "boardUrl"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["SiteAdmin"], edit: ["SiteAdmin"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "shows"] }, { fields: ["boardUrl", "createdAt", "revokedAt"] }],
    },
  ],
  insert: { fields: ["name", "shows"], defaults: () => ({ shows: "ticket" }) },
  hooks: {
    // A fresh random token per display; the audit records the display, never its token.
    create: async (ctx, values) => {
      const { db, t } = ctx.handle;
      const token = randomBytes(32).toString("base64url");
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(d(t))
          .values(
            newDisplayValues(
              ctx.handle.tenantId,
              { name: String(values.name), shows: String(values.shows ?? "ticket") },
              token,
            ),
          )
          .returning({ id: d(t).id });
        await writeAudit(
          tx,
          t,
          actorOf(ctx.user),
          rowChange("reception.displays", "create", row!.id, created({ name: values.name, shows: values.shows })),
        );
        return { id: row!.id };
      });
    },
  },
  actions: [
    {
      name: "revoke",
      label: "resources.receptionDisplays.revoke",
      roles: ["SiteAdmin"],
      confirm: true,
      onlyWhileEmpty: "revokedAt",
      run: async (ctx, id) => {
        const { db, t } = ctx.handle;
        await db.transaction(async (tx) => {
          const [row] = await tx
            .update(d(t))
            .set({ revokedAt: new Date(), version: sql`${d(t).version} + 1` })
            .where(and(eq(d(t).id, Number(id)), isNull(d(t).revokedAt)))
            .returning({ revokedAt: d(t).revokedAt });
          if (row)
            await writeAudit(
              tx,
              t,
              actorOf(ctx.user),
              rowChange("reception.displays", "revoke", id, {
                revokedAt: { from: null, to: row.revokedAt!.toISOString() },
              }),
            );
        });
      },
    },
  ],
});
