import { ageDisplay, ageOn } from "@/server/clients/rules/period";

/**
 * Households and human links (domain-people §4): the automatic parent/child links, which
 * household a person's composition shows, the summary "2 adults and 3 children", and the link
 * texts with male/female labels ("Anna is the mother of Paul"). Texts come from the messages under
 * `households.` through the `t` given (next-intl's translator fits).
 */

export type Translate = (key: string, params?: Record<string, string | number>) => string;
export type Gender = "M" | "F" | null;

/** Member roles (choice values): head, spouse, partner, cohabitant, child, relative, adopted, foster, other. */
export const MEMBER_ROLE = {
  head: "01",
  spouse: "02",
  partner: "03",
  cohabitant: "04",
  child: "05",
  relative: "06",
  adopted: "07",
  foster: "08",
  other: "10",
} as const;
/** Members whose children get automatic links, and the children concerned (Lino: not foster children). */
export const PARENT_ROLES: readonly string[] = [
  MEMBER_ROLE.head,
  MEMBER_ROLE.spouse,
  MEMBER_ROLE.partner,
  MEMBER_ROLE.cohabitant,
];
export const CHILD_ROLES: readonly string[] = [MEMBER_ROLE.child, MEMBER_ROLE.adopted];

/** Human link types by value; symmetric ones read the same from both sides (husband/wife, brother/sister). */
export const LINK_TYPES = {
  "01": { name: "parent", symmetric: false },
  "02": { name: "adoptiveParent", symmetric: false },
  "03": { name: "grandparent", symmetric: false },
  "05": { name: "spouse", symmetric: true },
  "06": { name: "friend", symmetric: true },
  "07": { name: "partner", symmetric: true },
  "08": { name: "stepparent", symmetric: false },
  "09": { name: "fosterParent", symmetric: false },
  "10": { name: "sibling", symmetric: true },
  "11": { name: "cousin", symmetric: true },
  "12": { name: "uncle", symmetric: false },
  "80": { name: "relative", symmetric: true },
  "90": { name: "other", symmetric: true },
} as const;
export type LinkTypeValue = keyof typeof LINK_TYPES;
const PARENT_LINK_TYPES: readonly LinkTypeValue[] = ["01", "02", "09"];

export type Person = { id: number; firstName: string; lastName: string; gender: Gender; birthDate: string | null };
export type Link = { parentId: number; childId: number; type: LinkTypeValue };
export type Member = { personId: number | null; role: string };

/**
 * The links to create when `member` joins (or changes role in) a household: a child gets a
 * parent link from every parent-role member, a parent-role member one to every child. An
 * existing parent, adoptive or foster link is kept; if the child already has a parent of the
 * same gender, the new one becomes foster parent, otherwise (natural) parent.
 */
export function automaticLinks(
  member: Member,
  otherMembers: readonly Member[],
  existingLinks: readonly Link[],
  genderOf: (personId: number) => Gender,
): Link[] {
  if (member.personId === null) return [];
  const me = member.personId;
  const pairs: [number, number][] = CHILD_ROLES.includes(member.role)
    ? otherMembers.filter((m) => m.personId !== null && PARENT_ROLES.includes(m.role)).map((m) => [m.personId!, me])
    : PARENT_ROLES.includes(member.role)
      ? otherMembers.filter((m) => m.personId !== null && CHILD_ROLES.includes(m.role)).map((m) => [me, m.personId!])
      : [];
  const links = [...existingLinks];
  const created: Link[] = [];
  for (const [parentId, childId] of pairs) {
    if (parentId === childId) continue;
    const parentLinks = links.filter((l) => l.childId === childId && PARENT_LINK_TYPES.includes(l.type));
    if (parentLinks.some((l) => l.parentId === parentId)) continue;
    const sameGender = parentLinks.some((l) => genderOf(l.parentId) === genderOf(parentId));
    const link: Link = { parentId, childId, type: sameGender ? "09" : "01" };
    links.push(link);
    created.push(link);
  }
  return created;
}

export type Membership = { householdId: number; primary: boolean; startDate: string | null; endDate: string | null };

/**
 * The household whose composition a person's detail shows: the only one, else the primary one,
 * else the one active today; otherwise why there is none (message keys under `households.`).
 */
export function compositionHousehold(
  memberships: readonly Membership[],
  today: string,
): { householdId: number } | { problem: "notMember" | "multipleHouseholds" } {
  if (memberships.length === 0) return { problem: "notMember" };
  if (memberships.length === 1) return { householdId: memberships[0]!.householdId };
  const primary = memberships.filter((m) => m.primary);
  if (primary.length === 1) return { householdId: primary[0]!.householdId };
  // A membership without start date counts as started (unlike coachings, which always have one).
  const active = memberships.filter((m) => (m.startDate ?? "") <= today && (m.endDate === null || m.endDate >= today));
  return active.length === 1 ? { householdId: active[0]!.householdId } : { problem: "multipleHouseholds" };
}

/** Composition rows ordered by birth date, unknown ones first (as the database sorts them). */
export const byBirthDate = <T extends { birthDate: string | null }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => (a.birthDate ?? "").localeCompare(b.birthDate ?? ""));

export const ADULT_AGE = 18;

/** Adults have a known birth date and are 18 or older; everybody else counts as a child. */
export const isAdult = (birthDate: string | null, today: string, adultAge = ADULT_AGE): boolean =>
  (ageOn(birthDate, today) ?? -1) >= adultAge;

export function adultsAndChildren(
  members: readonly { birthDate: string | null }[],
  today: string,
  adultAge = ADULT_AGE,
) {
  const adults = members.filter((m) => isAdult(m.birthDate, today, adultAge)).length;
  return { adults, children: members.length - adults };
}

/** Clothing-bank refund per member, in cents: 20.00 for adults, 10.00 for children and unknown ages. */
export const refundCents = (birthDate: string | null, today: string): number =>
  isAdult(birthDate, today) ? 2000 : 1000;

/** "2 adults and 3 children", "1 adult and 1 child", "2 adults" (used in aid certificates). */
export function householdSummary(
  t: Translate,
  members: readonly { birthDate: string | null }[],
  today: string,
): string {
  const { adults, children } = adultsAndChildren(members, today);
  const parts = [
    ...(adults ? [t("households.summary.adults", { count: adults })] : []),
    ...(children ? [t("households.summary.children", { count: children })] : []),
  ];
  return parts.length === 2 ? t("households.summary.and", { first: parts[0]!, second: parts[1]! }) : (parts[0] ?? "");
}

/** The age as shown beside a name: "12 years", "3 years 2 months", "±45 years", "unknown". */
export function ageText(t: Translate, birthDate: string | null, today: string): string {
  const age = ageDisplay(birthDate, today);
  if (!age) return t("households.age.unknown");
  const approx = age.approximate ? "yes" : "no";
  return age.months === null
    ? t("households.age.years", { years: age.years, approx })
    : t("households.age.yearsMonths", { years: age.years, months: age.months, approx });
}

/** A relative's name as Lino shows it to a person: the first name alone in the same family. */
export const familyMemberName = (viewer: Person, other: Person): string =>
  other.lastName === viewer.lastName ? other.firstName : `${other.firstName} ${other.lastName.toUpperCase()}`;

const side = (type: LinkTypeValue, asParent: boolean) => (asParent || LINK_TYPES[type].symmetric ? "parent" : "child");
const genderParam = (g: Gender) => g ?? "unknown";

/** The label of a person's role in a link, after their gender: "Father", "Mother", "Son", "Daughter". */
export const linkRole = (t: Translate, type: LinkTypeValue, asParent: boolean, gender: Gender): string =>
  t(`households.linkTypes.${LINK_TYPES[type].name}.${side(type, asParent)}`, { gender: genderParam(gender) });

// French writes "d'Anna", not "de Anna"; the messages choose with this parameter.
const elides = (name: string) => (/^[aeiouyhàâäéèêëîïôöûüÿœæ]/i.test(name) ? "yes" : "no");

/**
 * One link as a sentence about one of its two people: "Anna is the mother of Paul" (about the
 * parent) or "Paul is the son of Anna" (about the child); the other person's last name is added
 * when it differs ("Paul is the husband of Petra ZWEITH").
 */
export function linkSentence(t: Translate, link: Link, parent: Person, child: Person, aboutParent: boolean): string {
  const [subject, other] = aboutParent ? [parent, child] : [child, parent];
  const role = t(`households.linkNouns.${LINK_TYPES[link.type].name}.${side(link.type, aboutParent)}`, {
    gender: genderParam(subject.gender),
  });
  const otherName = familyMemberName(subject, other);
  return t("households.linkSentence", {
    person: subject.firstName,
    role,
    other: otherName,
    elision: elides(otherName),
  });
}

/**
 * A person's links as Lino's panel lists them, the youngest relatives first:
 * "Paul is" + ["Father of Dennis (12 years)", "Husband of Petra ZWEITH (45 years)", …].
 */
export function personLinks(
  t: Translate,
  person: Person,
  links: readonly Link[],
  personById: (id: number) => Person | undefined,
  today: string,
) {
  const items = links.flatMap((link) => {
    const asParent = link.parentId === person.id;
    if (!asParent && link.childId !== person.id) return [];
    const other = personById(asParent ? link.childId : link.parentId);
    return other ? [{ link, other, role: linkRole(t, link.type, asParent, person.gender) }] : [];
  });
  items.sort((a, b) => (b.other.birthDate ?? "").localeCompare(a.other.birthDate ?? ""));
  return {
    heading: items.length ? t("households.linksHeading", { person: person.firstName }) : t("households.noLinks"),
    items: items.map(({ link, other, role }) => {
      const name = familyMemberName(person, other);
      return {
        link,
        text: t("households.linkItem", {
          role,
          other: name,
          elision: elides(name),
          age: ageText(t, other.birthDate, today),
        }),
      };
    }),
  };
}

/** A household as Lino names it: "prefix name (type)", e.g. "Robin & Lisa Dubois-Lahm (Getrennt)". */
export const householdDisplayName = (h: { prefix: string; name: string }, typeName: string | null): string => {
  const full = [h.prefix.trim(), h.name.trim()].filter(Boolean).join(" ");
  return typeName ? `${full} (${typeName})` : full;
};

/** "Create household": name "Head-Partner" from the last names, prefix "Robin & Lisa", head and partner as members. */
export function newHousehold(head: Person, partner: Person | null) {
  return {
    name: partner ? `${head.lastName}-${partner.lastName}` : head.lastName,
    prefix: partner ? `${head.firstName} & ${partner.firstName}` : head.firstName,
    members: [
      { personId: head.id, role: MEMBER_ROLE.head },
      ...(partner ? [{ personId: partner.id, role: MEMBER_ROLE.partner }] : []),
    ],
  };
}
