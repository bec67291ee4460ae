import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { filterSummary, titleWithFilters, type SummaryContext } from "@/lib/filter-summary";
import type { UiLocale } from "@/lib/format";
import type { FilterMeta } from "@/lib/resources";
import { registry } from "@/server/areas";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

const RESOURCES = registry.resources;

const MESSAGES = { fr, nl, de, en };

/** The integration clients' filters as the browser gets them (see server/clients/resource.ts). */
const FILTERS: FilterMeta[] = [
  {
    name: "clientState",
    label: "fields.clientState",
    widget: "choice",
    choices: [
      { value: "10", label: { key: "choices.clientStates.10" } },
      { value: "30", label: { key: "choices.clientStates.30" } },
    ],
  },
  {
    name: "agedFrom",
    label: "resources.clients.agedFrom",
    summary: "resources.clients.agedFromSummary",
    widget: "number",
  },
  { name: "nationality", label: "fields.nationality", widget: "text" },
  { name: "hideObsolete", label: "resources.clients.hideObsolete", widget: "boolean" },
  { name: "period", label: "resources.clients.period", widget: "dateRange" },
  {
    name: "coachedBy",
    label: "resources.clients.coachedBy",
    summary: "resources.clients.coachedBySummary",
    widget: "user",
    choices: [
      { value: "7", label: { names: { fr: "Mélard Mélanie" } } },
      { value: "8", label: { names: { fr: "Helen Hubert" } } },
    ],
  },
  { name: "group", label: "fields.integrationPhase", widget: "ref", ref: "clients.personGroups" },
  {
    name: "who",
    label: "resources.history.who",
    widget: "user",
    choices: [{ value: "8", label: { names: { fr: "Helen Hubert" } } }],
  },
];
const DEFAULTS = { clientState: "30", coachedBy: 7, hideObsolete: true };
const PHASES: Record<string, string> = { "2": "Phase 2" };

const ctxFor = (locale: UiLocale): SummaryContext => {
  const translator = createTranslator({ locale, messages: MESSAGES[locale] });
  return {
    locale,
    t: (key, values) => translator(key as never, values as never),
    refTitle: (filter, id) => (filter.ref === "clients.personGroups" ? PHASES[id] : undefined),
  };
};
const summary = (
  values: Record<string, unknown>,
  locale: UiLocale = "en",
  defaults: Record<string, unknown> = DEFAULTS,
) => filterSummary(FILTERS, values, defaults, ctxFor(locale));

describe("the grid title names the filters in force", () => {
  it("shows the resource's defaults as active: the choice's label, the boolean's label, the user behind the filter", () => {
    const coached = en.choices.clientStates["30"];
    expect(summary({})).toEqual([coached, "Hide obsolete", "Coached by Mélard Mélanie"]);
    expect(titleWithFilters("Clients (integration)", summary({}))).toBe(
      `Clients (integration) (${coached}, Hide obsolete, Coached by Mélard Mélanie)`,
    );
    expect(summary({}, "fr")).toEqual([
      fr.choices.clientStates["30"],
      "Masquer les obsolètes",
      "Accompagné par Mélard Mélanie",
    ]);
    expect(summary({}, "de")).toEqual([
      de.choices.clientStates["30"],
      "Veraltete ausblenden",
      "Begleitet durch Mélard Mélanie",
    ]);
  });

  it("leaves out a default lifted with null, and shows the value the user chose instead of a default", () => {
    expect(summary({ coachedBy: null, clientState: null })).toEqual(["Hide obsolete"]);
    expect(summary({ coachedBy: 8, clientState: "10" })).toEqual([
      en.choices.clientStates["10"],
      "Hide obsolete",
      "Coached by Helen Hubert",
    ]);
    expect(titleWithFilters("Clients", summary({}, "en", {}))).toBe("Clients");
  });

  it("says when a boolean filter asks for false, in the reader's language", () => {
    expect(summary({ hideObsolete: false }, "en", {})).toEqual(["Hide obsolete: no"]);
    expect(summary({ hideObsolete: false }, "fr", {})).toEqual(["Masquer les obsolètes : non"]);
    expect(summary({ hideObsolete: false }, "de", {})).toEqual(["Veraltete ausblenden: nein"]);
  });

  it("gives a period with the dates the locale writes, open at either end", () => {
    const period = { from: "2025-03-01", to: "2025-03-31" };
    expect(summary({ period }, "en", {})).toEqual(["Period from 01/03/2025 until 31/03/2025"]);
    expect(summary({ period }, "fr", {})).toEqual(["Période du 01/03/2025 au 31/03/2025"]);
    expect(summary({ period }, "de", {})).toEqual(["Zeitraum vom 01.03.2025 bis 31.03.2025"]);
    expect(summary({ period: { from: "2025-03-01" } }, "de", {})).toEqual(["Zeitraum ab 01.03.2025"]);
    expect(summary({ period: { to: "2025-03-31" } }, "fr", {})).toEqual(["Période jusqu'au 31/03/2025"]);
    expect(summary({ period: {} }, "en", {})).toEqual([]);
  });

  it("names the referenced row of a ref filter, and waits for its title rather than showing a bare id", () => {
    expect(summary({ group: 2 }, "en", {})).toEqual(["Phase 2"]);
    expect(summary({ group: 99 }, "en", {})).toEqual([]);
  });

  it("reads text, numbers and users without a phrase of their own as 'label: value'", () => {
    expect(summary({ nationality: "BE", agedFrom: 18 }, "en", {})).toEqual(["Aged at least 18", "Nationality: BE"]);
    expect(summary({ agedFrom: 18 }, "fr", {})).toEqual(["Âgé d'au moins 18 ans"]);
    expect(summary({ who: 8 }, "de", {})).toEqual(["Wer: Helen Hubert"]);
    expect(summary({ nationality: "" }, "en", {})).toEqual([]);
  });
});

describe("declared ref filters and title phrases", () => {
  const declared = [...RESOURCES.values()].flatMap((def) =>
    Object.entries(def.filters ?? {}).map(([name, f]) => ({ id: `${def.id}.${name}`, f })),
  );

  it("point to a registered resource, and only ref filters name one", () => {
    for (const { id, f } of declared) {
      expect(f.widget === "ref", id).toBe(!!f.ref);
      if (f.ref) expect(RESOURCES.has(f.ref), `${id} → ${f.ref}`).toBe(true);
    }
    expect(declared.filter(({ f }) => f.widget === "ref").map(({ id }) => id)).toEqual(
      expect.arrayContaining([
        "coachings.coachings.coachingType",
        "coachings.coachings.ending",
        "clients.clients.group",
        "integ.clients.group",
      ]),
    );
  });

  it("have their title phrase, with its value, in the four languages", () => {
    for (const { id, f } of declared.filter(({ f }) => f.summary)) {
      for (const locale of ["fr", "nl", "de", "en"] as const) {
        const text = ctxFor(locale).t(f.summary!, { value: "§" });
        expect(text, `${id} ${locale}`).toContain("§");
        expect(text, `${id} ${locale}`).not.toContain(f.summary!);
      }
    }
  });
});
