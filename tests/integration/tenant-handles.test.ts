import { describe, expect, it } from "vitest";
import { CACHED_CENTRES, cachedCentres, tenantHandle } from "@/server/tenancy/tenant-db";

// Centres that exist for this test only: building a handle touches no database.
const centre = (n: number) => ({
  id: `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`,
  schemaName: `t_handles_${n}`,
  clusterId: "default",
});

describe("tenant handles", () => {
  it("keep the table objects of the most recently used centres only, so memory stays bounded however many centres a server serves", () => {
    const first = tenantHandle(centre(0)).t;
    const recent = tenantHandle(centre(1)).t;
    for (let n = 2; n < CACHED_CENTRES + 50; n++) {
      tenantHandle(centre(n));
      tenantHandle(centre(1)); // in use all along
    }
    expect(cachedCentres()).toBeLessThanOrEqual(CACHED_CENTRES);
    expect(tenantHandle(centre(1)).t).toBe(recent);
    // A centre dropped from the cache gets its tables built again, as good as before.
    const { db, t } = tenantHandle(centre(0));
    expect(t).not.toBe(first);
    expect(db.select({ id: t.partners.id }).from(t.partners).toSQL().sql).toContain('from "t_handles_0"."partners"');
  });
});
