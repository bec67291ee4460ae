import { describe, expect, it } from "vitest";
import { fromDraft, patchOf, serverFieldErrors, toDraft } from "@/app/_components/resource/drafts";
import { detailHref, exportHref, gridHref, readListState, stateParam } from "@/app/_components/resource/list-state";
import type { FieldMeta, ListState } from "@/lib/resources";

const params = (s?: string) => new URLSearchParams(s === undefined ? "" : { s });
const state = (over: Partial<ListState> = {}): ListState => ({
  page: 1,
  pageSize: 25,
  sort: [],
  filters: {},
  q: "",
  ...over,
});
const field = (type: FieldMeta["type"], over: Partial<FieldMeta> = {}): FieldMeta => ({
  name: "f",
  label: "fields.f",
  type,
  width: 10,
  sortable: true,
  editable: true,
  required: false,
  ...over,
});

describe("grid state in the address", () => {
  it("writes only what differs from the defaults, and reads it back", () => {
    const s = state({
      page: 3,
      sort: [{ field: "zipCode", dir: "desc" }],
      filters: { kind: "city", empty: "" },
      q: "eu",
    });
    const written = stateParam(s);
    expect(JSON.parse(written)).toEqual({
      page: 3,
      sort: [{ field: "zipCode", dir: "desc" }],
      filters: { kind: "city" },
      q: "eu",
    });
    expect(readListState(params(written))).toEqual({ ...s, filters: { kind: "city" } });
    expect(stateParam(state())).toBe("");
  });

  it("keeps null filters, which lift a resource's default filter", () => {
    expect(JSON.parse(stateParam(state({ filters: { hideObsolete: null } })))).toEqual({
      filters: { hideObsolete: null },
    });
  });

  it("takes the user's page size unless the address names one", () => {
    expect(readListState(params(), 50).pageSize).toBe(50);
    expect(readListState(params('{"pageSize":10}'), 50).pageSize).toBe(10);
    expect(stateParam(state({ pageSize: 50 }), 50)).toBe("");
  });

  it("falls back to the defaults on anything unreadable", () => {
    expect(readListState(params("{not json"))).toEqual(state());
    expect(readListState(params('{"page":-4}'))).toEqual(state());
    expect(readListState(params('{"pageSize":100000}'), 25)).toEqual(state());
  });

  it("builds grid, detail and export addresses", () => {
    const s = state({ sort: [{ field: "name", dir: "asc" }] });
    expect(gridHref("geo.places", state())).toBe("/geo/places");
    expect(decodeURIComponent(detailHref("geo.places", 12, s))).toBe(
      '/geo/places/12?s={"pageSize":25,"sort":[{"field":"name","dir":"asc"}]}',
    );
    expect(exportHref("geo.places", "xlsx", s, ["name", "zipCode"])).toBe(
      `/api/export/geo.places.xlsx?state=${encodeURIComponent(JSON.stringify(s))}&columns=name,zipCode`,
    );
  });
});

describe("form drafts", () => {
  it("turns money typed the Belgian way into integer cents", () => {
    expect(fromDraft(field("money"), "12,5")).toEqual({ value: 1250 });
    expect(fromDraft(field("money"), "1 234,56 €")).toEqual({ value: 123456 });
    expect(fromDraft(field("money"), "-0.05")).toEqual({ value: -5 });
    expect(fromDraft(field("money"), "12,345")).toEqual({ error: "money" });
    expect(toDraft(field("money"), 123456)).toBe("1234,56");
  });

  it("checks required fields, whole numbers and dates", () => {
    expect(fromDraft(field("text", { required: true }), "  ")).toEqual({ error: "required" });
    expect(fromDraft(field("integer"), "4.5")).toEqual({ error: "integer" });
    expect(fromDraft(field("integer"), "")).toEqual({ value: null });
    expect(fromDraft(field("date"), "2024-02-30x")).toEqual({ error: "date" });
    expect(fromDraft(field("localized", { required: true }), { fr: "", nl: "Gent" })).toEqual({ error: "required" });
    expect(fromDraft(field("localized"), { fr: " Gand ", nl: "Gent", de: "" })).toEqual({
      value: { fr: "Gand", nl: "Gent" },
    });
  });

  it("sends only what changed, whatever the key order of a stored designation", () => {
    const name = field("localized", { name: "name" });
    const zip = field("text", { name: "zipCode" });
    const kind = field("choice", { name: "kind" });
    const row = {
      __id: 1,
      __version: 3,
      name: { de: "Gent", en: "Ghent", fr: "Gand", nl: "Gent" },
      zipCode: null,
      kind: "city",
    };
    const drafts = { name: toDraft(name, row.name), zipCode: "", kind: "town" };
    expect(patchOf([name, zip, kind], drafts, row)).toEqual({ values: { kind: "town" }, errors: {} });
  });

  it("leaves an untouched stored value alone even if it would not pass today's checks", () => {
    const born = field("date", { name: "birthDate" });
    const row = { __id: 1, birthDate: "1970-00-00" };
    expect(patchOf([born], { birthDate: "1970-00-00" }, row)).toEqual({ values: {}, errors: {} });
  });

  it("maps the server's field errors to the fields", () => {
    const error = {
      data: {
        appCode: "INVALID_INPUT",
        params: { field: "zipCode" },
        fieldErrors: [
          { path: "name.fr", code: "too_small" },
          { path: "remarks", code: "too_big" },
        ],
      },
    };
    expect(serverFieldErrors(error)).toEqual({ name: "required", remarks: "tooLong", zipCode: "invalid" });
    expect(serverFieldErrors(new Error("network"))).toEqual({});
  });
});
