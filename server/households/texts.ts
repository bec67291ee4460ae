import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { ageInYears } from "@/server/clients/sql";
import {
  LINK_TYPES,
  householdSummary,
  linkSentence,
  type Gender,
  type LinkTypeValue,
  type Person,
} from "@/server/households/rules";
import { LOCALES } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import { qualified as q } from "@/server/resources/query";

/**
 * The rules' texts as computed fields. A field's SQL cannot call the translator, so the rules are
 * run once per locale with marker values (\u0001, \u0002) in place of names and counts; the SQL
 * picks the template by the row's type, gender, elision or counts and puts the real values in.
 * The result is a `{fr, nl, de, en}` object, shown in the reader's language like any localized field.
 */

const A = "\u0001";
const B = "\u0002";
const GENDERS: Gender[] = ["M", "F", null];

type Templates = Record<string, string>;
let sentenceTemplates: Record<"parent" | "child", Templates> | undefined;
let summaryTemplates: Templates | undefined;

/** Keys `locale|type|gender|elision` → "\u0001 is the father of \u0002". */
function sentences() {
  if (sentenceTemplates) return sentenceTemplates;
  const out = { parent: {} as Templates, child: {} as Templates };
  for (const locale of LOCALES) {
    const t = translatorFor(locale);
    for (const type of Object.keys(LINK_TYPES) as LinkTypeValue[]) {
      for (const gender of GENDERS) {
        for (const elision of ["yes", "no"]) {
          // Same last names, so the rule names the other by the first name: the marker, after a
          // letter that makes the rule choose the wanted elision ("d’Anna" / "de Paul").
          const subject: Person = { id: 1, firstName: A, lastName: "X", gender, birthDate: null };
          const other: Person = {
            id: 2,
            firstName: `${elision === "yes" ? "a" : "b"}${B}`,
            lastName: "X",
            gender: null,
            birthDate: null,
          };
          const key = `${locale}|${type}|${gender ?? ""}|${elision}`;
          const clean = (s: string) => s.replace(`a${B}`, B).replace(`b${B}`, B);
          out.parent[key] = clean(linkSentence(t, { parentId: 1, childId: 2, type }, subject, other, true));
          out.child[key] = clean(linkSentence(t, { parentId: 2, childId: 1, type }, other, subject, false));
        }
      }
    }
  }
  return (sentenceTemplates = out);
}

/** Keys `locale|adults|children` with 0, 1 or n (many) → "\u0001 adults and \u0002 children". */
function summaries() {
  if (summaryTemplates) return summaryTemplates;
  const out: Templates = {};
  const many = { adults: 11, children: 12 };
  for (const locale of LOCALES) {
    const t = translatorFor(locale);
    for (const a of ["0", "1", "n"]) {
      for (const c of ["0", "1", "n"]) {
        const count = (cat: string, n: number) => (cat === "0" ? 0 : cat === "1" ? 1 : n);
        const members = [
          ...Array.from({ length: count(a, many.adults) }, () => ({ birthDate: "1900-01-01" })),
          ...Array.from({ length: count(c, many.children) }, () => ({ birthDate: null })),
        ];
        // Every number in the text is a count; markers let SQL put the real counts in without collisions.
        out[`${locale}|${a}|${c}`] = householdSummary(t, members, "2000-01-01")
          .replace(/\b11\b/, A)
          .replace(/\b12\b/, B);
      }
    }
  }
  return (summaryTemplates = out);
}

/** `{fr, nl, de, en}`, each language reading its own templates (keys without the language). */
const perLocale = (templates: Templates, text: (localeTemplates: SQL) => SQL): SQL =>
  sql`jsonb_build_object(${sql.join(
    LOCALES.map((l) => {
      const own = Object.fromEntries(
        Object.entries(templates)
          .filter(([k]) => k.startsWith(`${l}|`))
          .map(([k, v]) => [k.slice(l.length + 1), v]),
      );
      return sql`${l}::text, ${text(sql`${JSON.stringify(own)}::jsonb`)}`;
    }),
    sql`, `,
  )})`;

/** The partners table under another name inside a subquery, with its columns named through it. */
function partnersAs(t: TenantTables, name: string) {
  const column = (c: string) => sql`${sql.identifier(name)}.${sql.identifier(c)}`;
  return {
    from: sql`${t.partners} as ${sql.identifier(name)}`,
    columns: {
      id: column("id"),
      firstName: column("first_name"),
      lastName: column("last_name"),
      gender: column("gender"),
      birthDate: column("birth_date"),
    },
  };
}

// The rules' elision test ("d’Anna"), in SQL.
const ELIDES = "^[aeiouyhàâäéèêëîïôöûüÿœæ]";

/**
 * One link as a sentence about one of its people, in every language: "Anna is the mother of Paul"
 * (about the parent) or "Paul is the son of Anna" (about the child).
 */
export function linkSentenceSql(t: TenantTables, about: "parent" | "child"): SQL {
  const { columns: subject, from: subjectFrom } = partnersAs(t, "link_subject");
  const { columns: other, from: otherFrom } = partnersAs(t, "link_other");
  const [subjectId, otherId] =
    about === "parent" ? [t.humanLinks.parentId, t.humanLinks.childId] : [t.humanLinks.childId, t.humanLinks.parentId];
  const otherName = sql`case when ${other.lastName} = ${subject.lastName} then ${other.firstName} else ${other.firstName} || ' ' || upper(${other.lastName}) end`;
  return sql`(select ${perLocale(sentences()[about], (templates) => sql`replace(replace(coalesce(${templates} ->> (${q(t.humanLinks.type)} || '|' || coalesce(${subject.gender}, '') || '|' || case when (${otherName}) ~* ${ELIDES} then 'yes' else 'no' end), ''), ${A}, ${subject.firstName}), ${B}, ${otherName})`)}
    from ${subjectFrom}, ${otherFrom} where ${subject.id} = ${q(subjectId)} and ${other.id} = ${q(otherId)})`;
}

/** "2 adults and 3 children" for a household partner row, counting its current members (§4). */
export function householdSummarySql(t: TenantTables, householdId: SQLWrapper): SQL {
  const m = t.householdMembers;
  const { columns: person, from: personFrom } = partnersAs(t, "summary_person");
  const cat = (n: SQL) => sql`case ${n} when 0 then '0' when 1 then '1' else 'n' end`;
  const counts = sql`select count(*) filter (where ${ageInYears(person as never as TenantTables["partners"])} >= 18) as adults, count(*) filter (where not coalesce(${ageInYears(person as never as TenantTables["partners"])} >= 18, false)) as children
    from ${m} join ${personFrom} on ${person.id} = ${q(m.personId)}
    where ${q(m.householdId)} = ${householdId} and (${q(m.endDate)} is null or ${q(m.endDate)} >= current_date)`;
  return sql`(select ${perLocale(summaries(), (templates) => sql`replace(replace(coalesce(${templates} ->> (${cat(sql`c.adults`)} || '|' || ${cat(sql`c.children`)}), ''), ${A}, c.adults::text), ${B}, c.children::text)`)}
    from (${counts}) c)`;
}
