import { describe, expect, it } from "vitest";
import { tenantTables } from "@/db/tenant/tables";
import {
  actionText,
  changeLabel,
  changesText,
  fieldLabels,
  noNamedRows,
  readerFor,
  rowsNamedBy,
  valueText,
} from "@/server/history/describe";
import { LOCALES } from "@/server/i18n/locale";
import { registry } from "@/server/areas";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";

// History rows read as sentences in the reader's language: never `update`, `phone` or
// `clients.clients.eidCreate`.
const t = tenantTables("t_unit");
const reader = (locale: (typeof LOCALES)[number]) => readerFor(locale, t, registry);
const CLIENTS = "clients.clients";

describe("audit actions", () => {
  it("name every action recorded on a client, in each language", () => {
    const verbs = ["create", "update", "delete", "restore", "export", "eidCreate", "eidRead", "merge", "mergedInto"];
    const transitions =
      registry.resources.get(CLIENTS)!.workflow?.transitions.map((tr) => `transition.${tr.name}`) ?? [];
    expect(transitions.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      const other = reader(locale).t("history.otherAction");
      for (const verb of [...verbs, ...transitions]) {
        const text = actionText(reader(locale), CLIENTS, `${CLIENTS}.${verb}`);
        expect([locale, verb, text === other || text.includes(".") || text === verb]).toEqual([locale, verb, false]);
      }
    }
    expect(actionText(reader("de"), CLIENTS, `${CLIENTS}.eidCreate`)).toBe("Aus der eID-Karte erstellt");
    expect(actionText(reader("fr"), CLIENTS, `${CLIENTS}.update`)).toBe("Modification");
    // A record put back from "deleted records" (any resource) says so, not "Other action".
    expect(actionText(reader("de"), "households.households", "households.households.restore")).toBe(
      "Wiederhergestellt",
    );
  });

  it("name the actions written outside the declared resources, and say 'other' for an unknown one", () => {
    for (const action of [
      "user.language",
      "authority.give",
      "settings.update",
      "support.grant",
      "checks.problems.fix",
      "user.provision",
    ]) {
      expect(actionText(reader("nl"), "users.users", action)).not.toBe(reader("nl").t("history.otherAction"));
    }
    expect(actionText(reader("en"), CLIENTS, "something.new")).toBe("Other action");
  });
});

describe("audit changes", () => {
  it("use the fields' labels and show values as the grid does", () => {
    const changes = {
      phone: { from: "087 55 66 77", to: "087 55 66 78" },
      birthDate: { from: null, to: "1986-09-23" },
      gender: { from: "M", to: "F" },
      needsWorkPermit: { from: false, to: true },
      cardValidUntil: { from: "2020-01-31", to: null },
    };
    expect(changesText(reader("de"), CLIENTS, changes)).toBe(
      "Braucht Arbeitserlaubnis: Nein → Ja; Geburtsdatum: 23.09.1986; Geschlecht: Männlich → Weiblich; Karte gültig bis: 31.01.2020 → —; Telefon: 087 55 66 77 → 087 55 66 78",
    );
    expect(changesText(reader("fr"), CLIENTS, { birthDate: { from: "1995-00-00", to: "1995-07-00" } })).toBe(
      "Date de naissance : 00/00/1995 → 00/07/1995",
    );
  });

  it("read a field filled for the first time alike, whether it was stored empty or as nothing", () => {
    // A phone stored as "" and a birth date stored as null, both typed in one edit.
    const changes = { phone: { from: "", to: "071 12 34 56" }, birthDate: { from: null, to: "1980-03-15" } };
    expect(changesText(reader("fr"), CLIENTS, changes)).toBe(
      "Date de naissance : 15/03/1980; Téléphone : 071 12 34 56",
    );
  });

  it("name table columns, eID card keys, merges and data-check fixes", () => {
    expect(changeLabel(reader("fr"), CLIENTS, "placeId")).toBe(
      reader("fr").t(registry.resources.get(CLIENTS)!.fields.place!.label),
    );
    expect(changeLabel(reader("en"), CLIENTS, "address.street")).toBe("Street (address on the eID card)");
    expect(changeLabel(reader("en"), CLIENTS, "client.firstName")).toBe("First name");
    expect(changesText(reader("en"), CLIENTS, { fixedBy: { from: null, to: "dataCheck" } })).toBe(
      "Corrected by: data check",
    );
    expect(valueText(reader("nl"), undefined, { coachings: [3, 5], tasks: [8] })).toBe("Begeleidingen: 3, 5; Taken: 8");
    expect(valueText(reader("fr"), undefined, { coachings: [3, 5] })).toBe("Accompagnements : 3, 5");
  });
});

describe("rows a change refers to", () => {
  const titles = new Map([
    [
      "geo.countries",
      new Map([
        ["BE", "Belgique"],
        ["DE", "Allemagne"],
      ]),
    ],
    ["geo.places", new Map([["12", "La Calamine"]])],
    ["contacts.addresses", new Map([["8", "Rue Haute 5"]])],
  ]);
  const named = readerFor("fr", t, registry, titles);

  it("read by the titles found for the page, by their id when the row is gone", () => {
    const changes = {
      country: { from: "BE", to: "DE" },
      place: { from: 11, to: 12 },
      nationality: { from: null, to: "BE" },
    };
    expect(changesText(named, CLIENTS, changes)).toBe(
      "Localité : #11 → La Calamine; Nationalité : Belgique; Pays : Belgique → Allemagne",
    );
    expect(changesText(reader("fr"), CLIENTS, changes)).toBe(
      "Localité : #11 → #12; Nationalité : #BE; Pays : #BE → #DE",
    );
    // A table column (a hand-written audit) reads as its field does.
    expect(changesText(named, CLIENTS, { placeId: { from: null, to: 12 } })).toBe("Localité : La Calamine");
    expect(valueText(named, undefined, { addresses: [8, 9], coachings: [3] })).toBe(
      "Adresses : Rue Haute 5, 9; Accompagnements : 3",
    );
  });

  it("are collected from ref fields before and after and from ids listed by table, once each", () => {
    const into = noNamedRows();
    rowsNamedBy(
      named,
      CLIENTS,
      { country: { from: "BE", to: "DE" }, placeId: { from: 11, to: 12 }, phone: { to: "1" } },
      into,
    );
    rowsNamedBy(
      named,
      CLIENTS,
      { nationality: { from: "BE" }, moved: { from: null, to: { addresses: [8], coachings: [3] } } },
      into,
    );
    rowsNamedBy(named, CLIENTS, null, into);
    expect(Object.fromEntries([...into.byField].map(([r, ids]) => [r, [...ids]]))).toEqual({
      "geo.countries": ["BE", "DE"],
      "geo.places": [11, 12],
    });
    expect(Object.fromEntries([...into.byTable].map(([r, ids]) => [r, [...ids]]))).toEqual({
      "contacts.addresses": [8],
      "coachings.coachings": [3],
    });
  });
});

describe("a parameter named like a transition's", () => {
  it("reads as the merge's reason in a merge, and as the refusal's reason (its choice) in a refusal", () => {
    const merge = {
      merged: { from: "DUMONT Dorothée (60)", to: null },
      reason: { from: null, to: "Encodée deux fois" },
    };
    expect(changesText(reader("fr"), CLIENTS, merge)).toContain("Motif : Encodée deux fois");
    expect(changesText(reader("fr"), CLIENTS, merge)).not.toContain("refus");
    // Nothing dropped: no "Données abandonnées" with nothing after it.
    expect(changesText(reader("fr"), CLIENTS, { ...merge, dropped: { from: null, to: {} } })).not.toContain(
      "abandonnées",
    );
    expect(changeLabel(reader("de"), CLIENTS, "reason", Object.keys(merge))).toBe(
      reader("de").t("history.keys.reason"),
    );
    const refusal = { clientState: { from: "10", to: "20" }, reason: { from: null, to: "20" } };
    expect(changesText(reader("fr"), CLIENTS, refusal)).toContain("Raison du refus : Le CPAS n'est pas compétent");
    // The refusal stores the reason it asked for in the client: the history says it once.
    expect(changesText(reader("fr"), CLIENTS, { ...refusal, refusalReason: { from: null, to: "20" } })).toBe(
      "État : Nouveau → Refusé; Raison du refus : Le CPAS n'est pas compétent",
    );
  });
});

describe("the changed fields of a recent change", () => {
  it("name each label once: a refusal's reason and the reason it stores read as one", () => {
    expect(fieldLabels(reader("fr"), CLIENTS, ["reason", "remarks", "clientState", "refusalReason"])).toBe(
      "Raison du refus, Remarques, État",
    );
  });
});

describe("history messages", () => {
  it("have the same keys in the four languages", () => {
    const keys = (node: unknown, prefix = ""): string[] =>
      node && typeof node === "object" ? Object.entries(node).flatMap(([k, v]) => keys(v, `${prefix}.${k}`)) : [prefix];
    const of = (m: { history: unknown }) => keys(m.history).sort();
    expect(of(nl)).toEqual(of(fr));
    expect(of(de)).toEqual(of(fr));
    expect(of(en)).toEqual(of(fr));
  });
});
