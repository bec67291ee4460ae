import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import {
  CARD_TYPES,
  canonicalCardSchema,
  canonicalReadSchema,
  cardNumberChecks,
  genderFromCard,
  normalizeDocumentType,
  readerDataSchema,
  readerToCanonical,
  type EidConversion,
} from "@/server/eid/rules/card-data";
import { monthFromName, parseCardBirthDate, parseCardDate } from "@/server/eid/rules/card-dates";
import {
  cardToClient,
  eidInfo,
  findByEid,
  hasValidCardData,
  planCardRead,
  sameNameCriteria,
  sortChanges,
  splitStreet,
  type CardData,
  type ExistingClient,
} from "@/server/eid/rules/card-client";
import fr from "@/messages/fr.json";
import nl from "@/messages/nl.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

/** next-intl's translator with plain string keys, as the rules receive it. */
const translator = (locale: string, messages: object) =>
  createTranslator({ locale, messages }) as unknown as (
    key: string,
    params?: Record<string, string | number>,
  ) => string;

// The sample reads of the shared data (copied from Lino's test data), next to this repository.
const SAMPLES = path.resolve(import.meta.dirname, "../fixtures/eid");
const sample = (name: string) => readerDataSchema.parse(JSON.parse(readFileSync(path.join(SAMPLES, name), "utf8")));
const source = { readAt: "2026-11-23T10:15:02+01:00" };
const converted = (name: string) => {
  const r = readerToCanonical(sample(name), source);
  if (!r.ok) throw new Error(`${name}: ${r.code}`);
  return r;
};
const cardOf = (r: Extract<EidConversion, { ok: true }>) => canonicalCardSchema.parse(r.read);

describe("card dates", () => {
  it("reads validity dates as dd.mm.yyyy, never month first", () => {
    expect(parseCardDate("02.06.2016")).toBe("2016-06-02");
    expect(parseCardDate(" 28.06.2022 ")).toBe("2022-06-28");
    for (const bad of ["31.02.2016", "2.6.2016", "2016-06-02", "02/06/2016", "", "02.13.2016"])
      expect(parseCardDate(bad), bad).toBeNull();
  });

  it("reads birth dates with month names in French, Dutch and German", () => {
    const cases: [string, string][] = [
      ["04 JUIN 1998", "1998-06-04"],
      ["15 MAI 1968", "1968-05-15"],
      ["15 FÉV 1968", "1968-02-15"],
      ["15 AOÛT 1970", "1970-08-15"],
      ["01 DÉC 1970", "1970-12-01"],
      ["15 JUIL 1968", "1968-07-15"],
      ["15 SEPT 1968", "1968-09-15"],
      ["15 AVR 1968", "1968-04-15"],
      ["15.MAA.1968", "1968-03-15"],
      ["13 MAAR 1953", "1953-03-13"],
      ["13 maart 1953", "1953-03-13"],
      ["13 januari 1953", "1953-01-13"],
      ["15 MEI 1968", "1968-05-15"],
      ["15 OKT 1968", "1968-10-15"],
      ["15 MÄR 1968", "1968-03-15"],
      ["01.JUN. 1968", "1968-06-01"],
      ["21.JUL. 1968", "1968-07-21"],
      ["24 DEZ 1968", "1968-12-24"],
      ["1 März 1968", "1968-03-01"],
      ["29 FEB 2000", "2000-02-29"],
      ["01.06.1968", "1968-06-01"],
    ];
    for (const [text, iso] of cases) expect(parseCardBirthDate(text), text).toBe(iso);
  });

  it("keeps unknown parts as 00", () => {
    expect(parseCardBirthDate("JUN. 1968")).toBe("1968-06-00");
    expect(parseCardBirthDate("1968")).toBe("1968-00-00");
    expect(parseCardBirthDate("00 JUN 1968")).toBe("1968-06-00");
  });

  it("refuses what it cannot read for sure", () => {
    for (const bad of [
      "foo bar",
      "15 JUI 1968",
      "15 MA 1968",
      "31 FEB 1968",
      "29 FEB 1900",
      "15 1968",
      "15 XYZ 1968",
      "32 JAN 1968",
      "",
      "15.00.1968",
      "00.00.0000",
    ]) {
      expect(parseCardBirthDate(bad), bad).toBeNull();
    }
  });

  it("names each month from its abbreviations in every language, and no month from ambiguous ones", () => {
    const byMonth = [
      ["JAN", "JANV"],
      ["FEV", "FEB"],
      ["MARS", "MAAR", "MÄR"],
      ["AVR", "APR"],
      ["MAI", "MEI"],
      ["JUIN", "JUN"],
      ["JUIL", "JUL"],
      ["AOUT", "AUG"],
      ["SEPT", "SEP"],
      ["OCT", "OKT"],
      ["NOV"],
      ["DEC", "DEZ"],
    ];
    byMonth.forEach((names, i) => names.forEach((n) => expect(monthFromName(n), n).toBe(i + 1)));
    expect(monthFromName("JUI")).toBeNull();
    expect(monthFromName("MA")).toBeNull();
  });
});

describe("reader helper JSON → canonical read", () => {
  it("converts the French sample card (accents, third given name, address with number)", () => {
    const r = converted("card_20190311.json");
    const card = cardOf(r);
    expect(card.card).toEqual({
      documentType: "01",
      cardNumber: "592400976752",
      validFrom: "2016-06-28",
      validUntil: "2022-06-28",
      issuingMunicipality: "Charleroi",
      specialStatus: "0",
    });
    expect(card.holder).toMatchObject({
      nationalNumber: "98080424897",
      surname: "Dupont",
      firstNames: "Mélanie Françoise",
      thirdNameInitial: "J",
      gender: "F",
      birthDate: "1998-06-04",
      birthDateRaw: "04 JUIN 1998",
      birthPlace: "Charleroi",
      nationalityText: "Belge",
    });
    expect(card.address).toEqual({
      streetAndNumber: "Allée du Moulin 16",
      zip: "6200",
      municipality: "Châtelet",
      country: "BE",
    });
    expect(card.photo?.base64).toMatch(/^\/9j\//);
    expect(card.raw).not.toHaveProperty("PHOTO_FILE");
    expect(card.raw).toHaveProperty("carddata_os_number", "6");
    expect(card.source).toEqual({ agent: "eidreader/1.0.1", readAt: "2026-11-23T10:15:02+01:00", simulated: false });
    // The sample is garbled: its NISS says 4 August, the card 4 June, and the card number fails its check.
    expect(r.warnings).toEqual([
      { code: "cardNumberChecksum", params: { cardNumber: "592400976752" } },
      { code: "birthDateMismatch", params: { card: "1998-06-04", niss: "1998-08-04" } },
    ]);
  });

  it("converts the German-style sample (dotted dates, no house number)", () => {
    const r = converted("card_test_1.json");
    const card = cardOf(r);
    expect(card.card).toMatchObject({ validFrom: "2016-06-02", validUntil: "2026-06-02", cardNumber: "592382784772" });
    expect(card.holder).toMatchObject({
      nationalNumber: "68060105329",
      firstNames: "Jean-Jacques",
      gender: "M",
      birthDate: "1968-06-01",
      nationalityText: "Belgier",
    });
    expect(r.warnings.map((w) => w.code)).toEqual(["cardNumberChecksum"]);
    expect(cardToClient(card).address).toEqual({
      street: "Estland",
      zipCode: "1262",
      city: "Helsinki",
      countryCode: "BE",
    });
  });

  it("keeps a failed read as a canonical failure with the helper's message", () => {
    const r = readerToCanonical(sample("nocard.json"), { ...source, simulated: true });
    expect(r).toEqual({
      ok: true,
      warnings: [],
      read: {
        schema: "be.eid.card-read/1",
        source: { agent: "eidreader/1.0.6", readAt: source.readAt, simulated: true },
        status: { success: false, message: "Could not find any reader with a card inserted" },
      },
    });
    expect(canonicalReadSchema.parse(r.ok && r.read)).toMatchObject({ status: { success: false } });
  });

  it("refuses a national number that fails its checksum and unreadable dates", () => {
    const data = sample("card_test_1.json");
    expect(readerToCanonical({ ...data, national_number: "68060105328" }, source)).toMatchObject({
      ok: false,
      code: "invalidNationalNumber",
    });
    expect(readerToCanonical({ ...data, validity_end_date: "2026-06-02" }, source)).toEqual({
      ok: false,
      code: "invalidDate",
      params: { field: "validity_end_date", value: "2026-06-02" },
    });
    expect(readerToCanonical({ ...data, date_of_birth: "01 JUI 1968" }, source)).toMatchObject({
      ok: false,
      code: "invalidDate",
      params: { field: "date_of_birth" },
    });
  });

  it("accepts unknown card types and genders with a warning", () => {
    const r = readerToCanonical({ ...sample("card_test_1.json"), document_type: "45", gender: "X" }, source);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["cardNumberChecksum", "unknownGender", "unknownCardType"]);
    expect(r.ok && cardOf(r).holder.gender).toBeNull();
    expect(r.ok && cardOf(r).card.documentType).toBe("45");
  });

  it("rejects canonical reads that break the documented format", () => {
    const good = cardOf(converted("card_test_1.json"));
    expect(canonicalCardSchema.safeParse(good).success).toBe(true);
    expect(
      canonicalCardSchema.safeParse({ ...good, holder: { ...good.holder, nationalNumber: "68060105328" } }).success,
    ).toBe(false);
    expect(canonicalCardSchema.safeParse({ ...good, card: { ...good.card, validUntil: "02.06.2026" } }).success).toBe(
      false,
    );
    expect(canonicalCardSchema.safeParse({ ...good, schema: "be.eid.card-read/2" }).success).toBe(false);
    expect(canonicalCardSchema.safeParse({ ...good, holder: { ...good.holder, gender: "W" } }).success).toBe(false);
    // Our own helper may leave out the raw pairs.
    expect(canonicalCardSchema.parse({ ...good, raw: undefined }).raw).toEqual({});
    expect(() => cardToClient({ ...good, holder: { ...good.holder, nationalNumber: "68060105328" } })).toThrow();
  });

  it("maps genders, card types and card number checks like Lino", () => {
    expect(["M", "m", "MALE"].map(genderFromCard)).toEqual(["M", "M", "M"]);
    expect(["F", "W", "V", "vrouw"].map(genderFromCard)).toEqual(["F", "F", "F", "F"]);
    expect(["", "X"].map(genderFromCard)).toEqual([null, null]);
    expect(normalizeDocumentType("1")).toBe("01");
    expect(normalizeDocumentType("6")).toBe("06");
    expect(CARD_TYPES["01"]).toBe("belgian_citizen");
    expect(CARD_TYPES["33"]).toBe(CARD_TYPES["11"]);
    expect(cardNumberChecks("591413288107")).toBe(true);
    expect(cardNumberChecks("592382784616")).toBe(true);
    expect(cardNumberChecks("592382784617")).toBe(false);
    expect(cardNumberChecks("59238278461")).toBe(false);
  });
});

describe("card → client fields", () => {
  it("splits street, number and box like Lino's street2kw", () => {
    expect(splitStreet("Limburger Weg")).toEqual({ street: "Limburger Weg" });
    expect(splitStreet("Loten 3")).toEqual({ street: "Loten", streetNo: "3", streetBox: "" });
    expect(splitStreet("In den Loten 3A")).toEqual({ street: "In den Loten", streetNo: "3", streetBox: "A" });
    expect(splitStreet("Auf'm Bach 3 A")).toEqual({ street: "Auf'm Bach", streetNo: "3", streetBox: "A" });
    expect(splitStreet("rue des 600 Franchimontois 1")).toEqual({
      street: "rue des 600 Franchimontois",
      streetNo: "1",
      streetBox: "",
    });
    expect(splitStreet("Eupener Strasse 321 /A")).toEqual({
      street: "Eupener Strasse",
      streetNo: "321",
      streetBox: "/A",
    });
    expect(splitStreet("Neustr. 1 (Referenzadr.)")).toEqual({
      street: "Neustr.",
      streetNo: "1",
      addr2: "(Referenzadr.)",
    });
    expect(splitStreet("Allée du Moulin 16                   ")).toEqual({
      street: "Allée du Moulin",
      streetNo: "16",
      streetBox: "",
    });
    expect(splitStreet("")).toEqual({});
  });

  it("gives the client fields of a card, the NISS formatted and empty optional texts left out", () => {
    const data = cardToClient(cardOf(converted("card_20190311.json")));
    expect(data.client).toEqual({
      nationalId: "980804 248-97",
      firstName: "Mélanie Françoise",
      middleName: "J",
      lastName: "Dupont",
      birthDate: "1998-06-04",
      gender: "F",
      cardNumber: "592400976752",
      cardType: "01",
      cardValidFrom: "2016-06-28",
      cardValidUntil: "2022-06-28",
      cardIssuer: "Charleroi",
      birthPlace: "Charleroi",
      nationalityText: "Belge",
    });
    expect(data.address).toEqual({
      street: "Allée du Moulin",
      streetNo: "16",
      streetBox: "",
      zipCode: "6200",
      city: "Châtelet",
      countryCode: "BE",
    });
  });
});

describe("find by eID", () => {
  const card = cardToClient(cardOf(converted("card_20190311.json"))).client;

  it("reads onto the client with the same national id, else creates after confirmation unless the name exists", () => {
    expect(findByEid(card, { id: 181 }, 3)).toEqual({ action: "read", clientId: 181 });
    expect(findByEid(card, null, 0)).toEqual({
      action: "confirmCreate",
      params: { name: "Mélanie Françoise J Dupont" },
    });
    expect(findByEid(card, null, 1)).toEqual({
      action: "refuse",
      code: "personExists",
      params: { name: "Mélanie Françoise J Dupont" },
    });
    expect(findByEid(card, null, 2)).toMatchObject({ action: "refuse", code: "severalPersonsExist" });
  });

  it("compares only the name parts the card has", () => {
    expect(sameNameCriteria(card)).toEqual({ lastName: "Dupont", middleName: "J", firstName: "Mélanie Françoise" });
    expect(sameNameCriteria({ ...card, middleName: "" })).toEqual({
      lastName: "Dupont",
      firstName: "Mélanie Françoise",
    });
  });
});

describe("read eID card on an existing client", () => {
  const data: CardData = cardToClient(cardOf(converted("card_20190311.json")));
  const upToDate: ExistingClient = { ...data.client };
  const address = {
    street: "Allée du Moulin",
    streetNo: "16",
    streetBox: "",
    zipCode: "6200",
    countryCode: "BE",
    cityNames: ["Châtelet", "Chatelet"],
  };

  it("says up-to-date when nothing differs (empty and missing count alike)", () => {
    expect(planCardRead({ ...upToDate, nobleCondition: null }, { ...address, addr2: "" }, data, false)).toEqual({
      ok: true,
      takeOverNationalId: false,
      changes: [],
    });
  });

  it("lists the differences old → new, client and eID address apart", () => {
    const client = { ...upToDate, firstName: "Mélanie", birthPlace: null, cardValidUntil: "2016-06-27" };
    const plan = planCardRead(client, { ...address, streetNo: "14", cityNames: ["Charleroi"] }, data, false);
    expect(plan).toEqual({
      ok: true,
      takeOverNationalId: false,
      changes: [
        { target: "client", field: "firstName", old: "Mélanie", new: "Mélanie Françoise" },
        { target: "client", field: "cardValidUntil", old: "2016-06-27", new: "2022-06-28" },
        { target: "client", field: "birthPlace", old: null, new: "Charleroi" },
        { target: "address", field: "streetNo", old: "14", new: "16" },
        { target: "address", field: "city", old: "Charleroi", new: "Châtelet" },
      ],
    });
    const labels: Record<string, string> = {
      firstName: "Vorname",
      cardValidUntil: "Gültig bis",
      birthPlace: "Geburtsort",
      streetNo: "Nr.",
      city: "Ort",
    };
    const sorted = sortChanges(plan.ok ? plan.changes : [], (c) => labels[c.field]!);
    expect(sorted.map((c) => c.field)).toEqual(["birthPlace", "cardValidUntil", "streetNo", "city", "firstName"]);
  });

  it("creates the eID address when the client has none", () => {
    const plan = planCardRead(upToDate, null, data, false);
    expect(plan.ok && plan.changes.map((c) => `${c.target}.${c.field}:${c.old}`)).toEqual([
      "address.street:null",
      "address.streetNo:null",
      "address.zipCode:null",
      "address.city:null",
      "address.countryCode:null",
    ]);
  });

  it("takes the card's national id over when the client has none and nobody else has it", () => {
    const plan = planCardRead({ ...upToDate, nationalId: null }, address, data, false);
    expect(plan).toEqual({ ok: true, takeOverNationalId: true, changes: [] });
  });

  it("refuses when another client has the card's national id", () => {
    expect(planCardRead({ ...upToDate, nationalId: "" }, address, data, true)).toEqual({
      ok: false,
      code: "nationalIdTaken",
      params: { existing: "", card: "980804 248-97" },
    });
  });

  it("refuses a mismatching national id, but not the same number stored unformatted", () => {
    expect(planCardRead({ ...upToDate, nationalId: "680601 053-29" }, address, data, false)).toEqual({
      ok: false,
      code: "nationalIdsDontMatch",
      params: { existing: "680601 053-29", card: "980804 248-97" },
    });
    expect(planCardRead({ ...upToDate, nationalId: "98080424897" }, address, data, true)).toMatchObject({
      ok: true,
      changes: [],
    });
  });
});

describe("eID info box", () => {
  const holder = {
    cardNumber: "592400976752",
    cardType: "01",
    cardIssuer: "Charleroi",
    cardValidFrom: "2016-06-28",
    cardValidUntil: "2022-06-28",
  };

  it("asks to read the card when there is none or it expired (valid through its last day)", () => {
    expect(eidInfo(holder, "2022-06-28")).toMatchObject({
      expired: false,
      mustRead: false,
      cardNumber: "592400976752",
      issuer: "Charleroi",
    });
    expect(eidInfo(holder, "2022-06-29")).toMatchObject({ expired: true, mustRead: true });
    expect(eidInfo({ ...holder, cardNumber: "" }, "2020-01-01")).toMatchObject({
      expired: false,
      mustRead: true,
      cardNumber: null,
    });
    expect(eidInfo({ ...holder, cardValidUntil: null }, "2020-01-01")).toMatchObject({ mustRead: true });
    expect(hasValidCardData(holder, "2014-05-22")).toBe(true);
  });
});

describe("eID messages", () => {
  const keys = [
    "readFailed",
    "invalidNationalNumber",
    "invalidDate",
    "cardNumberChecksum",
    "birthDateMismatch",
    "unknownGender",
    "unknownCardType",
    "nationalIdsDontMatch",
    "nationalIdTaken",
    "personExists",
    "severalPersonsExist",
    "confirmCreate",
    "confirmChanges",
    "change",
    "upToDate",
    "info.card",
    "info.issuedBy",
    "info.valid",
    "info.mustRead",
    ...new Set(Object.values(CARD_TYPES).map((k) => `cardTypes.${k}`)),
  ];
  const params = {
    message: "m",
    value: "v",
    field: "f",
    cardNumber: "1",
    card: "c",
    niss: "n",
    gender: "X",
    documentType: "45",
    existing: "e",
    name: "N",
    client: "C",
    old: "o",
    new: "n",
    number: "1",
    type: "t",
    issuer: "i",
    from: "a",
    until: "b",
  };

  it("exist in the four languages", () => {
    for (const [locale, messages] of Object.entries({ fr, nl, de, en })) {
      const t = translator(locale, messages);
      for (const key of keys) expect(t(`eid.${key}`, params), `${locale} eid.${key}`).not.toMatch(/[{}]|eid\./);
    }
    expect(
      createTranslator({ locale: "de", messages: de })("eid.nationalIdsDontMatch", {
        existing: "680601 053-29",
        card: "980804 248-97",
      }),
    ).toBe("Die Nationalregisternummern 680601 053-29 und 980804 248-97 stimmen nicht überein.");
  });
});
