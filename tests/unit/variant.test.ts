import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
// The list of areas first, as the application loads it.
import "@/server/areas";
import { clientsResource } from "@/server/clients/resource";
import { integrationClientsResource } from "@/server/integ/clients";
import { defaultFiltersOf } from "@/server/resources/define";
import { resolveState } from "@/server/resources/query";
import { defineVariant } from "@/server/resources/variant";

const reader = (id: number) => ({ user: { id } as SessionUser });
const state = { page: 1, pageSize: 25, sort: [], filters: {}, q: "" };

describe("table variants (another table on the same rows)", () => {
  it("shares the base's fields, filters, detail, workflow and edit rights, with its own id, title, columns and audience", () => {
    const variant = defineVariant(clientsResource, {
      id: "test.clients",
      title: "t",
      columns: ["name", "age"],
      defaultFilters: {},
      view: ["SocialStaff"],
    });
    expect(variant).toMatchObject({
      id: "test.clients",
      title: "t",
      columns: ["name", "age"],
      variantOf: "clients.clients",
    });
    expect(variant.access).toEqual({ ...clientsResource.access, view: ["SocialStaff"] });
    for (const key of [
      "fields",
      "filters",
      "detail",
      "workflow",
      "actions",
      "scope",
      "search",
      "insert",
      "hiddenColumns",
    ] as const)
      expect(variant[key], key).toBe(clientsResource[key]);
  });

  it("refuses unknown columns and variants of variants", () => {
    expect(() =>
      defineVariant(clientsResource, { id: "test.x", title: "t", columns: ["name", "salary"], view: ["SiteUser"] }),
    ).toThrow(/unknown field salary/);
    expect(() => defineVariant(integrationClientsResource, { id: "test.y", title: "t", view: ["SiteUser"] })).toThrow(
      /variant of the variant/,
    );
  });

  it("default filters may depend on the reader: each reader gets their own, and a request can lift them", () => {
    expect(defaultFiltersOf(integrationClientsResource, reader(7))).toEqual({
      clientState: "30",
      coachedBy: 7,
      hideObsolete: true,
    });
    expect(defaultFiltersOf(integrationClientsResource, reader(8))).toMatchObject({ coachedBy: 8 });
    expect(defaultFiltersOf(clientsResource, reader(7))).toEqual({ hideObsolete: true });
    expect(resolveState(integrationClientsResource, state, reader(7)).filters).toContainEqual({
      name: "coachedBy",
      value: 7,
    });
    expect(
      resolveState(integrationClientsResource, { ...state, filters: { coachedBy: null } }, reader(7)).filters.map(
        (f) => f.name,
      ),
    ).toEqual(["clientState", "hideObsolete"]);
  });
});
