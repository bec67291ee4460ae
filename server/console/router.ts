import { z } from "zod";
import { listPageSchema, listStateSchema, type ResourceMeta } from "@/lib/resources";
import { describeResource } from "@/server/resources/meta";
import { router } from "@/server/trpc/init";
import { operatorProcedure } from "@/server/trpc/procedures";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import { backupsRouter } from "./backups";
import { listTenants, tenantsResource } from "./tenants";

/** The console's centre list, served by the generic grid like any centre resource. */
export const consoleRouter = router({
  tenantsMeta: operatorProcedure
    .output(z.custom<ResourceMeta>((v) => typeof v === "object" && v !== null))
    // Its choice lists are not extensible, so describing it reads no centre data.
    .query(() => describeResource({} as Pick<TenantHandle, "db" | "t">, tenantsResource, { roles: new Set() })),
  tenants: operatorProcedure
    .input(z.object({ state: listStateSchema }))
    .output(listPageSchema)
    .query(({ ctx, input }) => listTenants(input.state, ctx.locale)),
  backups: backupsRouter,
});
