import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * What merging a duplicate client into the kept one does to an area's rows, when moving them is not
 * all (a primary flag to keep single, a pair that would repeat, an automatic task the kept client
 * already has). Declared by the area that owns the rows (`clientMerge` of its area); every other
 * reference to partners is moved as it is: its rows then name the kept client (server/clients/merge).
 */
export interface ClientMergeStep {
  /** The references it takes care of, `<table>.<column>` as in the relations (owner references too). */
  handles: readonly string[];
  /** In the merge's transaction; what it moved and what it dropped, by table. */
  run: (
    tx: TenantHandle["db"],
    t: TenantHandle["t"],
    from: number,
    to: number,
  ) => Promise<{ moved?: Record<string, number[]>; dropped?: Record<string, number[]> }>;
}
