import { eq, sql } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { AppError } from "@/server/errors";
import { LOCALES } from "@/server/i18n/locale";
import { defineResource } from "@/server/resources/define";
import { date, integer } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { assertKinds, organisationRef, personRef, roleTypeRef } from "./refs";

const r = (t: TenantTables) => t.roles;
/** The word between a function and the organisation: "Director at Ausdemwald". */
const AT = { fr: "chez", nl: "bij", de: "bei", en: "at" } as const;

/** "Hans Altenberg (Director at Ausdemwald)" in each language; without a function "Hans Altenberg (Ausdemwald)". */
const roleSentence = (t: TenantTables) => {
  const person = sql`(select trim(${t.partners.firstName} || ' ' || ${t.partners.lastName}) from ${t.partners} where ${q(t.partners.id)} = ${q(r(t).personId)})`;
  const company = sql`(select ${t.partners.name} from ${t.partners} where ${q(t.partners.id)} = ${q(r(t).companyId)})`;
  const fn = (l: string) =>
    sql`(select coalesce(nullif(${t.roleTypes.names}->>${l}, ''), ${t.roleTypes.names}->>'fr') from ${t.roleTypes} where ${q(t.roleTypes.id)} = ${q(r(t).typeId)})`;
  return sql`jsonb_build_object(${sql.join(
    LOCALES.map(
      (l) => sql`${l}::text, ${person} || ' (' || coalesce(${fn(l)} || ${` ${AT[l]} `}, '') || ${company} || ')'`,
    ),
    sql`, `,
  )})`;
};

/** Contact persons ("Role"): a person acting in a function for an organisation (domain-people §2.4). */
export const rolesResource = defineResource({
  id: "contacts.roles",
  title: "resources.roles.title",
  table: r,
  pk: (t) => t.roles.id,
  version: (t) => t.roles.version,
  fields: {
    id: integer("fields.id", (t) => t.roles.id, { editable: false, plain: true, width: 6 }),
    label: { type: "localized", label: "resources.roles.one", width: 40, sortable: false, expr: roleSentence },
    company: organisationRef("resources.roles.company", (t) => t.roles.companyId, { required: true, width: 24 }),
    person: personRef("resources.roles.person", (t) => t.roles.personId, { required: true, width: 24 }),
    type: roleTypeRef("resources.roles.type", (t) => t.roles.typeId),
    startDate: date("fields.startDate", (t) => t.roles.startDate),
    endDate: date("fields.endDate", (t) => t.roles.endDate),
  },
  columns: ["person", "type", "company", "startDate", "endDate"],
  hiddenColumns: ["id", "label"],
  titleField: "label",
  defaultSort: [{ field: "person", dir: "asc" }],
  access: {
    view: ["SimpleContactsUser"],
    create: ["SimpleContactsUser"],
    edit: ["SimpleContactsUser"],
    delete: ["SimpleContactsUser"],
  },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["person", "type", "company", "startDate", "endDate"] }],
    },
  ],
  insert: { fields: ["company", "person", "type", "startDate", "endDate"] },
  // The company is an organisation, the person a person, and the period does not end before it starts.
  beforeSave: async (tx, ctx, id, values) => {
    const t = ctx.handle.t;
    const [current] =
      id === undefined
        ? [undefined]
        : await tx
            .select()
            .from(t.roles)
            .where(eq(t.roles.id, Number(id)));
    await assertKinds(tx, t, {
      company: { id: values.company, kind: "organisation" },
      person: { id: values.person, kind: "person" },
    });
    const start = (values.startDate === undefined ? current?.startDate : values.startDate) as string | null | undefined;
    const end = (values.endDate === undefined ? current?.endDate : values.endDate) as string | null | undefined;
    if (start && end && end < start) throw new AppError("INVALID_INPUT", { field: "endDate" });
  },
});
