import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { tenantTables } from "@/db/tenant/tables";
import { art61EvaluationsResource } from "@/server/art61/contracts";
import { immersionEvaluationsResource } from "@/server/immersion/resources";
import { isipEvaluationsResource } from "@/server/isip/contracts";
import { jobEvaluationsResource } from "@/server/jobs/contracts";

// The evaluation meetings of the four contract kinds (domain-integ-money §2.3) come from one factory
// (server/isip/evaluations.ts): the same read-only list of calendar entries, by contract (its kind's
// owner type) or by client (the meetings of every kind's contracts), each read by its kind's readers.

const t = tenantTables("t_unit");
const dialect = new PgDialect();
const OWNER_TYPES = ["isipContract", "art60Contract", "art61Contract", "immersionContract"];

describe("the contract kinds' evaluations lists", () => {
  const cases = [
    ["isip.evaluations", isipEvaluationsResource, "isipContract", ["IntegUser", "SocialUser", "SocialCoordinator"]],
    ["jobs.evaluations", jobEvaluationsResource, "art60Contract", ["IntegUser", "SocialUser", "SocialCoordinator"]],
    ["art61.evaluations", art61EvaluationsResource, "art61Contract", ["IntegUser", "SocialCoordinator"]],
    ["immersion.evaluations", immersionEvaluationsResource, "immersionContract", ["ImmersionReader"]],
  ] as const;

  it.each(cases)(
    "%s lists its own kind's meetings on a contract, every kind's on a client",
    (id, def, owner, readers) => {
      expect(def.id).toBe(id);
      expect(def.title).toBe("isip.evaluations.title");
      expect(def.variantOf).toBe("calendar.entries");
      expect(def.insert).toBeUndefined();
      expect(def.access).toEqual({ view: readers, create: [], edit: [], listAll: [] });
      expect(def.columns).toEqual(["startDate", "startTime", "summary", "user", "state"]);
      const byContract = dialect.sqlToQuery(def.fields.ownerId!.masterWhere!(t, "12"));
      expect(byContract.params).toEqual([owner, 12]);
      const byClient = dialect.sqlToQuery(def.fields.client!.masterWhere!(t, 7));
      expect(byClient.params).toEqual([7, ...OWNER_TYPES]);
    },
  );
});
