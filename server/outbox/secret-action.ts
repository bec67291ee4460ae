import { eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import { actorOf, rowChange, writeAudit } from "@/server/audit";
import { encryptSecret } from "@/server/crypto/secrets";
import type { ActionDef } from "@/server/resources/define";

/**
 * "Set password" on a centre's one-row settings of an outside service (the mail server, the SMS
 * provider): the secret is stored encrypted under the centre's own context, audited as changed
 * without its value, and never shown again.
 */
export function setSecretAction(opts: {
  name: string;
  label: string;
  /** The parameter's name and label (the audit names the change by it). */
  param: string;
  paramLabel: string;
  /** The resource whose row it is, as the audit names it. */
  resource: string;
  settings: (t: TenantTables) => TenantTables["mailSettings"] | TenantTables["smsSettings"];
  column: (t: TenantTables) => AnyPgColumn;
  /** The column's property name in the table. */
  key: "passwordEnc" | "tokenEnc";
  context: (tenantId: string) => string;
}): ActionDef {
  return {
    name: opts.name,
    label: opts.label,
    roles: ["SiteAdmin"],
    params: {
      [opts.param]: {
        type: "password",
        label: opts.paramLabel,
        expr: opts.column,
        input: z.string().min(1).max(512),
        required: true,
      },
    },
    run: async (ctx, _id, params) => {
      const { db, t, tenantId } = ctx.handle;
      const settings = opts.settings(t);
      await db.transaction(async (tx) => {
        await tx
          .update(settings)
          .set({ [opts.key]: encryptSecret(String(params[opts.param]), opts.context(tenantId)) } as never)
          .where(eq(settings.id, 1));
        await writeAudit(
          tx,
          t,
          actorOf(ctx.user),
          rowChange(opts.resource, opts.name, 1, { [opts.param]: { from: "(secret)", to: "(changed)" } }),
        );
      });
    },
  };
}
