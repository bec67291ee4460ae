import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import {
  LINK_TYPES,
  MEMBER_ROLE,
  adultsAndChildren,
  ageText,
  automaticLinks,
  byBirthDate,
  compositionHousehold,
  householdDisplayName,
  householdSummary,
  linkRole,
  linkSentence,
  newHousehold,
  personLinks,
  refundCents,
  type Gender,
  type Link,
  type LinkTypeValue,
  type Person,
} from "@/server/households/rules";
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
const t = { fr: translator("fr", fr), nl: translator("nl", nl), de: translator("de", de), en: translator("en", en) };

const TODAY = "2014-05-22"; // the demo's today
const person = (id: number, firstName: string, lastName: string, gender: Gender, birthDate: string | null): Person => ({
  id,
  firstName,
  lastName,
  gender,
  birthDate,
});

describe("household summary", () => {
  const born = (...dates: (string | null)[]) => dates.map((birthDate) => ({ birthDate }));

  it("counts adults (known birth date, 18 or older) and children (everybody else)", () => {
    const paulsHousehold = born("1968-06-01", "1969-02-10", "2001-09-03", "1999-11-02", "1998-01-15");
    expect(householdSummary(t.de, paulsHousehold, TODAY)).toBe("2 Erwachsene und 3 Kinder");
    expect(householdSummary(t.en, paulsHousehold, TODAY)).toBe("2 adults and 3 children");
    expect(householdSummary(t.fr, paulsHousehold, TODAY)).toBe("2 adultes et 3 enfants");
    expect(householdSummary(t.nl, paulsHousehold, TODAY)).toBe("2 volwassenen en 3 kinderen");
    expect(householdSummary(t.de, born("1970-01-01", "2010-01-01"), TODAY)).toBe("1 Erwachsener und 1 Kind");
    expect(householdSummary(t.fr, born("1970-01-01", "2010-01-01"), TODAY)).toBe("1 adulte et 1 enfant");
    expect(householdSummary(t.en, born("1970-01-01", "1971-01-01"), TODAY)).toBe("2 adults");
    expect(householdSummary(t.en, born(null), TODAY)).toBe("1 child");
  });

  it("becomes adult on the 18th birthday; unknown birth dates are children, incomplete ones count", () => {
    const melba = "2002-05-22";
    expect(adultsAndChildren(born(melba), "2020-05-21")).toEqual({ adults: 0, children: 1 });
    expect(adultsAndChildren(born(melba), "2020-05-22")).toEqual({ adults: 1, children: 0 });
    expect(adultsAndChildren(born(null, "1990-00-00", "1996-00-00"), TODAY)).toEqual({ adults: 2, children: 1 });
    expect([refundCents("1970-01-01", TODAY), refundCents(melba, "2019-05-22"), refundCents(null, TODAY)]).toEqual([
      2000, 1000, 1000,
    ]);
  });
});

describe("household composition", () => {
  const m = (householdId: number, primary = false, startDate: string | null = null, endDate: string | null = null) => ({
    householdId,
    primary,
    startDate,
    endDate,
  });

  it("uses the only household, else the primary one, else the one active today", () => {
    expect(compositionHousehold([], TODAY)).toEqual({ problem: "notMember" });
    expect(compositionHousehold([m(1)], TODAY)).toEqual({ householdId: 1 });
    expect(compositionHousehold([m(1), m(2, true)], TODAY)).toEqual({ householdId: 2 });
    expect(compositionHousehold([m(1, false, "2000-01-01", "2010-12-31"), m(2, false, "2011-01-01")], TODAY)).toEqual({
      householdId: 2,
    });
    expect(compositionHousehold([m(1), m(2)], TODAY)).toEqual({ problem: "multipleHouseholds" });
    expect(compositionHousehold([m(1, true), m(2, true)], TODAY)).toEqual({ problem: "multipleHouseholds" });
  });

  it("says why there is none, in the person's words", () => {
    expect(t.de("households.multipleHouseholds", { person: "BRAUN Bruno (259)" })).toBe(
      "BRAUN Bruno (259) ist in mehreren Haushalten zugleich",
    );
    expect(t.fr("households.notMember", { person: "Anna" })).toBe("Anna ne fait partie d’aucun ménage");
  });

  it("orders members by birth date, unknown first", () => {
    const rows = [
      { id: 1, birthDate: "1970-01-01" },
      { id: 2, birthDate: null },
      { id: 3, birthDate: "1969-05-00" },
    ];
    expect(byBirthDate(rows).map((r) => r.id)).toEqual([2, 3, 1]);
  });

  it("creates a household named after head and partner", () => {
    const robin = person(179, "Robin", "Dubois", "M", null);
    const lisa = person(176, "Lisa", "Lahm", "F", null);
    expect(newHousehold(robin, lisa)).toEqual({
      name: "Dubois-Lahm",
      prefix: "Robin & Lisa",
      members: [
        { personId: 179, role: MEMBER_ROLE.head },
        { personId: 176, role: MEMBER_ROLE.partner },
      ],
    });
    expect(newHousehold(robin, null)).toMatchObject({ name: "Dubois", prefix: "Robin", members: [{ personId: 179 }] });
    expect(householdDisplayName(newHousehold(robin, lisa), "Getrennt")).toBe("Robin & Lisa Dubois-Lahm (Getrennt)");
    expect(householdDisplayName({ prefix: "", name: "Dubois" }, null)).toBe("Dubois");
  });
});

describe("automatic parent/child links", () => {
  const genders: Record<number, Gender> = { 1: "M", 2: "F", 3: "M", 4: "M", 5: "F", 6: "M" };
  const genderOf = (id: number) => genders[id] ?? null;
  const hubert = { personId: 1, role: MEMBER_ROLE.head };
  const gaby = { personId: 2, role: MEMBER_ROLE.spouse };
  const paul = { personId: 3, role: MEMBER_ROLE.child };

  it("links a new child to every parent-role member", () => {
    expect(automaticLinks(paul, [hubert, gaby], [], genderOf)).toEqual([
      { parentId: 1, childId: 3, type: "01" },
      { parentId: 2, childId: 3, type: "01" },
    ]);
    const adopted = { personId: 6, role: MEMBER_ROLE.adopted };
    expect(automaticLinks(adopted, [hubert, { personId: 4, role: MEMBER_ROLE.cohabitant }], [], genderOf)).toHaveLength(
      2,
    );
  });

  it("links a new parent-role member to every child, and nobody for other roles", () => {
    const clara = { personId: 5, role: MEMBER_ROLE.child };
    expect(automaticLinks(gaby, [hubert, paul, clara], [], genderOf)).toEqual([
      { parentId: 2, childId: 3, type: "01" },
      { parentId: 2, childId: 5, type: "01" },
    ]);
    for (const role of [MEMBER_ROLE.relative, MEMBER_ROLE.foster, MEMBER_ROLE.other]) {
      expect(automaticLinks({ personId: 6, role }, [hubert, paul], [], genderOf), role).toEqual([]);
    }
    expect(automaticLinks({ personId: null, role: MEMBER_ROLE.child }, [hubert], [], genderOf)).toEqual([]);
  });

  it("keeps existing parent links and makes a second parent of the same gender a foster parent", () => {
    const existing: Link[] = [{ parentId: 1, childId: 3, type: "02" }];
    expect(automaticLinks(paul, [hubert, gaby], existing, genderOf)).toEqual([{ parentId: 2, childId: 3, type: "01" }]);
    const stepfather = { personId: 4, role: MEMBER_ROLE.partner };
    expect(automaticLinks(paul, [hubert, stepfather], [], genderOf)).toEqual([
      { parentId: 1, childId: 3, type: "01" },
      { parentId: 4, childId: 3, type: "09" },
    ]);
    // Other link types (e.g. stepparent) are not parent links and do not count.
    expect(automaticLinks(paul, [stepfather], [{ parentId: 4, childId: 3, type: "08" }], genderOf)).toEqual([
      { parentId: 4, childId: 3, type: "01" },
    ]);
  });

  it("never links a person to themself", () => {
    expect(automaticLinks({ personId: 1, role: MEMBER_ROLE.child }, [hubert], [], genderOf)).toEqual([]);
  });
});

describe("human link texts", () => {
  const anna = person(1, "Anna", "Frisch", "F", "1970-03-01");
  const paul = person(2, "Paul", "Frisch", "M", "2002-01-01");
  const link = (type: LinkTypeValue): Link => ({ parentId: 1, childId: 2, type });

  it("writes a link as a sentence about either person, with male and female labels", () => {
    expect(linkSentence(t.en, link("01"), anna, paul, true)).toBe("Anna is the mother of Paul");
    expect(linkSentence(t.en, link("01"), anna, paul, false)).toBe("Paul is the son of Anna");
    expect(linkSentence(t.fr, link("01"), anna, paul, true)).toBe("Anna est la mère de Paul");
    expect(linkSentence(t.fr, link("01"), anna, paul, false)).toBe("Paul est le fils d’Anna");
    expect(linkSentence(t.de, link("01"), anna, paul, true)).toBe("Anna ist die Mutter von Paul");
    expect(linkSentence(t.de, link("01"), anna, paul, false)).toBe("Paul ist der Sohn von Anna");
    expect(linkSentence(t.nl, link("12"), anna, paul, true)).toBe("Anna is de tante van Paul");
    expect(linkSentence(t.nl, link("12"), anna, paul, false)).toBe("Paul is de neef van Anna");
  });

  it("reads symmetric links the same from both sides and names other families in full", () => {
    const petra = person(3, "Petra", "Zweith", "F", "1968-12-01");
    const spouse: Link = { parentId: 2, childId: 3, type: "05" };
    expect(linkSentence(t.en, spouse, paul, petra, true)).toBe("Paul is the husband of Petra ZWEITH");
    expect(linkSentence(t.en, spouse, paul, petra, false)).toBe("Petra is the wife of Paul FRISCH");
    expect(linkSentence(t.fr, spouse, paul, petra, false)).toBe("Petra est l’épouse de Paul FRISCH");
  });

  it("has labels for both genders and sides of every link type, in every language", () => {
    for (const [locale, tr] of Object.entries(t)) {
      for (const type of Object.keys(LINK_TYPES) as LinkTypeValue[]) {
        for (const asParent of [true, false]) {
          for (const gender of ["M", "F", null] as Gender[]) {
            const label = linkRole(tr, type, asParent, gender);
            expect(label, `${locale} ${type} ${asParent} ${gender}`).toMatch(/^\p{Lu}[^{}]*$/u);
            expect(
              linkSentence(tr, { parentId: 1, childId: 2, type }, { ...anna, gender }, { ...paul, gender }, asParent),
            ).not.toMatch(/[{}]|households\./);
          }
        }
      }
    }
    expect(linkRole(t.de, "01", true, "F")).toBe("Mutter");
    expect(linkRole(t.de, "01", false, "M")).toBe("Sohn");
    // Lino's labels fall back to the male one when the gender is unknown.
    expect(linkRole(t.en, "10", true, null)).toBe("Brother");
  });

  it("lists a person's links like Lino's panel, youngest relatives first (Paul Frisch of the demo)", () => {
    const people = [
      person(240, "Paul", "Frisch", "M", "1968-06-01"),
      person(248, "Dennis", "Frisch", "M", "2001-09-03"),
      person(247, "Clara", "Frisch", "F", "1999-11-02"),
      person(246, "Philippe", "Frisch", "M", "1998-01-15"),
      person(245, "Peter", "Frisch", "M", "1987-08-10"),
      person(244, "Petra", "Zweith", "F", "1968-12-01"),
      person(242, "Gaby", "Frogemuth", "F", "1934-10-05"),
      person(241, "Hubert", "Frisch", "M", "1933-07-01"),
    ];
    const links: Link[] = [
      { parentId: 241, childId: 240, type: "01" },
      { parentId: 242, childId: 240, type: "01" },
      { parentId: 240, childId: 244, type: "05" },
      ...[245, 246, 247, 248].map((childId): Link => ({ parentId: 240, childId, type: "01" })),
      { parentId: 241, childId: 242, type: "05" },
    ];
    const byId = (id: number) => people.find((p) => p.id === id);
    const shown = personLinks(t.de, people[0]!, links, byId, TODAY);
    expect(shown.heading).toBe("Paul ist");
    expect(shown.items.map((i) => i.text)).toEqual([
      "Vater von Dennis (12 Jahre)",
      "Vater von Clara (14 Jahre)",
      "Vater von Philippe (16 Jahre)",
      "Vater von Peter (26 Jahre)",
      "Ehemann von Petra ZWEITH (45 Jahre)",
      "Sohn von Gaby FROGEMUTH (79 Jahre)",
      "Sohn von Hubert (80 Jahre)",
    ]);
    expect(personLinks(t.fr, people[0]!, links, byId, TODAY).items[5]!.text).toBe("Fils de Gaby FROGEMUTH (79 ans)");
    expect(personLinks(t.en, people[4]!, [], byId, TODAY).heading).toBe("No relationships.");
  });

  it("shows ages as Lino does: months for small children, ± for incomplete dates", () => {
    expect(ageText(t.en, "2011-03-10", TODAY)).toBe("3 years 2 months");
    expect(ageText(t.de, "2013-05-01", TODAY)).toBe("1 Jahr 0 Monate");
    // Unknown month and day count as 15 June for the age shown (the filters count them as 1 January).
    expect(ageText(t.en, "1969-00-00", TODAY)).toBe("±44 years");
    expect(ageText(t.de, "1969-05-00", TODAY)).toBe("±45 Jahre");
    expect(ageText(t.de, "1969-06-00", TODAY)).toBe("±44 Jahre");
    expect(ageText(t.fr, "1968-06-01", TODAY)).toBe("45 ans");
    expect(ageText(t.nl, null, TODAY)).toBe("onbekend");
  });
});
