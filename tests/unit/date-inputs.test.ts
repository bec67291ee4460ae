import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fromDraft } from "@/app/_components/resource/drafts";
import type { FieldMeta } from "@/lib/resources";
import type { FieldDef } from "@/server/resources/define";
import { registry } from "@/server/areas";

// Every date a request can carry (a field, an action's or a transition's parameter, a filter)
// must refuse a day the calendar does not have before any SQL runs: PostgreSQL would answer
// 30 February or year 0 with an error, which would reach the user as a server failure.
const IMPOSSIBLE = ["2026-02-30", "2023-02-29", "2026-04-31", "2026-13-01", "0000-01-01", "2026-2-3", "31/07/2021"];
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

const dateInputs = [...registry.resources.values()].flatMap((def) => {
  const named = (where: string, fields: Record<string, FieldDef> | undefined) =>
    Object.entries(fields ?? {})
      .filter(([, f]) => f.type === "date" && f.input)
      .map(([name, f]) => ({ id: `${def.id}${where}.${name}`, field: f }));
  return [
    ...named("", def.fields),
    ...(def.actions ?? []).flatMap((a) => named(`/${a.name}`, a.params)),
    ...(def.workflow?.transitions ?? []).flatMap((tr) => named(`/${tr.name}`, tr.params)),
  ];
});
const dateFilters = [...registry.resources.values()].flatMap((def) =>
  Object.entries(def.filters ?? {})
    .filter(([, f]) => f.widget === "date" || f.widget === "dateRange")
    .map(([name, f]) => ({ id: `${def.id}?${name}`, filter: f })),
);

describe("dates a request carries", () => {
  it("are checked against the calendar in every editable date field", () => {
    expect(dateInputs.length).toBeGreaterThan(10);
    for (const { id, field } of dateInputs) {
      for (const value of IMPOSSIBLE) expect([id, value, accepts(field.input!, value)]).toEqual([id, value, false]);
      expect([id, accepts(field.input!, "2024-02-29")]).toEqual([id, true]);
      // Only birth dates may leave the day or month unknown (domain-people §6).
      expect([id, accepts(field.input!, "1995-00-00")]).toEqual([id, !!field.incomplete]);
    }
    expect(dateInputs.filter((d) => d.field.incomplete).map((d) => d.id)).toContain("clients.clients.birthDate");
  });

  it("are checked against the calendar in every date filter", () => {
    expect(dateFilters.length).toBeGreaterThan(3);
    for (const { id, filter } of dateFilters) {
      const wrap = (v: string) => (filter.widget === "date" ? v : { from: v });
      for (const value of IMPOSSIBLE)
        expect([id, value, accepts(filter.schema, wrap(value))]).toEqual([id, value, false]);
      if (filter.widget === "dateRange")
        expect([id, accepts(filter.schema, { to: "2026-02-30" })]).toEqual([id, false]);
      expect([id, accepts(filter.schema, wrap("2024-02-29"))]).toEqual([id, true]);
    }
  });
});

describe("date drafts in forms", () => {
  const field = (over: Partial<FieldMeta> = {}): FieldMeta => ({
    name: "d",
    label: "fields.d",
    type: "date",
    width: 11,
    sortable: true,
    editable: true,
    required: false,
    ...over,
  });

  it("sends whole calendar dates and refuses the rest, half-typed ones included", () => {
    expect(fromDraft(field(), "2024-02-29")).toEqual({ value: "2024-02-29" });
    expect(fromDraft(field(), "")).toEqual({ value: null });
    expect(fromDraft(field({ required: true }), "")).toEqual({ error: "required" });
    for (const draft of ["2026-02-30", "partial", "31/07/2021", "1995-00-00"])
      expect(fromDraft(field(), draft)).toEqual({ error: "date" });
  });

  it("lets a birth date leave its day or month unknown", () => {
    const birth = field({ incomplete: true });
    expect(fromDraft(birth, "1995-00-00")).toEqual({ value: "1995-00-00" });
    expect(fromDraft(birth, "1995-07-00")).toEqual({ value: "1995-07-00" });
    expect(fromDraft(birth, "1995-02-30")).toEqual({ error: "date" });
    expect(fromDraft(birth, "sometime")).toEqual({ error: "date" });
  });
});
