import { eq, sql, type SQLWrapper } from "drizzle-orm";
import type { TenantTables } from "@/db/tenant/tables";
import { AppError } from "@/server/errors";
import { defineResource, type ResourceDef } from "@/server/resources/define";
import { integer, localizedText, reference, text } from "@/server/resources/fields";
import { qualified as q } from "@/server/resources/query";
import { activeStaff, userNameOf } from "@/server/users/sql";
import { MAX_WEIGHT } from "./scoring";

/** The `{fr, nl, de, en}` name of the faculty whose id is `id` (an outer row's column, qualified). */
export const facultyNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql`(select ${t.faculties.names} from ${t.faculties} where ${q(t.faculties.id)} = ${id})`;

const weight = (label: string, col: (t: TenantTables) => SQLWrapper, required: boolean) =>
  integer(label, col as never, { min: 0, max: MAX_WEIGHT, width: 8, required });

/** Faculties ("Fachbereiche", domain-people §9): the kinds of help a newcomer needs, with their work effort. */
export const facultiesResource = defineResource({
  id: "newcomers.faculties",
  title: "resources.faculties.title",
  countLabel: "relations.faculties",
  table: (t) => t.faculties,
  pk: (t) => t.faculties.id,
  version: (t) => t.faculties.version,
  fields: {
    id: integer("fields.id", (t) => t.faculties.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.faculties.names, { required: true }),
    weight: weight("resources.faculties.weight", (t) => t.faculties.weight, false),
  },
  columns: ["name", "weight"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  // Lino's Faculties: social staff configure them; newcomers operators pick one on a client (§3.6).
  access: { view: ["SocialStaff", "NewcomersOperator"], edit: ["SocialStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["id", "name", "weight"] }],
      slaves: [{ resource: "newcomers.competences", label: "resources.competences.title", masterField: "faculty" }],
    },
  ],
  insert: { fields: ["name", "weight"], defaults: () => ({ weight: MAX_WEIGHT }) },
});

/**
 * Competences (domain-people §9): an agent is a candidate for a faculty's newcomers only with one.
 * Their work effort is the faculty's unless given (Lino copies it when the competence is saved).
 */
export const competencesResource = defineResource({
  id: "newcomers.competences",
  title: "resources.competences.title",
  countLabel: "relations.competences",
  table: (t) => t.competences,
  pk: (t) => t.competences.id,
  version: (t) => t.competences.version,
  fields: {
    id: integer("fields.id", (t) => t.competences.id, { editable: false, plain: true, width: 6 }),
    user: reference(
      "resources.competences.user",
      "users.users",
      (t) => t.competences.userId,
      (t) => userNameOf(t, q(t.competences.userId)),
      // A competence is one agent × one faculty (unique): another pair is another competence.
      { required: true, createOnly: true, choices: activeStaff },
    ),
    faculty: reference(
      "resources.competences.faculty",
      "newcomers.faculties",
      (t) => t.competences.facultyId,
      (t) => facultyNameOf(t, q(t.competences.facultyId)),
      { required: true, createOnly: true, localized: true },
    ),
    weight: {
      ...weight("resources.competences.weight", (t) => t.competences.weight, false),
      help: "resources.competences.weightHelp",
    },
    seqno: integer("resources.competences.seqno", (t) => t.competences.seqno, {
      min: 1,
      max: 1000,
      width: 6,
      plain: true,
    }),
  },
  columns: ["user", "faculty", "weight", "seqno"],
  hiddenColumns: ["id"],
  titleField: "faculty",
  defaultSort: [
    { field: "user", dir: "asc" },
    { field: "seqno", dir: "asc" },
  ],
  // Lino's Competences: social staff.
  access: { view: ["SocialStaff"], edit: ["SocialStaff"] },
  detail: [
    { key: "general", label: "resources.tabs.general", groups: [{ fields: ["user", "faculty", "weight", "seqno"] }] },
  ],
  insert: { fields: ["user", "faculty", "weight", "seqno"] },
  beforeSave: competenceWeight,
});

/** A competence given without its own effort takes the faculty's (also when emptied later). */
async function competenceWeight(
  tx: Parameters<NonNullable<ResourceDef["beforeSave"]>>[0],
  ctx: Parameters<NonNullable<ResourceDef["beforeSave"]>>[1],
  id: string | number | undefined,
  values: Record<string, unknown>,
) {
  const emptied = "weight" in values && values.weight == null;
  if (id !== undefined && !emptied) return;
  if (id === undefined && values.weight != null) return;
  const t = ctx.handle.t;
  const facultyId =
    values.faculty ??
    (
      await tx
        .select({ f: t.competences.facultyId })
        .from(t.competences)
        .where(eq(t.competences.id, Number(id)))
    )[0]?.f;
  const [faculty] = await tx
    .select({ weight: t.faculties.weight })
    .from(t.faculties)
    .where(eq(t.faculties.id, Number(facultyId)));
  if (!faculty) throw new AppError("INVALID_INPUT", { field: "faculty" });
  values.weight = faculty.weight;
}

/** The client's faculty (domain-people §9), declared here and shown on the client's Coaches tab. */
export const clientFacultyField = reference(
  "fields.faculty",
  "newcomers.faculties",
  (t) => t.partners.facultyId,
  (t) => facultyNameOf(t, q(t.partners.facultyId)),
  { localized: true },
);
// Read-only for users without NewcomersOperator (domain-people §3.6).
clientFacultyField.editRoles = ["NewcomersOperator"];

/**
 * My competences (beyond Lino's admin table): an agent's own faculties and the effort each means
 * for them, as the newcomers consultant weighs them (§9.1). Read-only: social staff set them in Explorer.
 */
export const myCompetencesResource: ResourceDef = {
  ...competencesResource,
  id: "newcomers.myCompetences",
  title: "resources.competences.mine",
  scope: (t, ctx) => eq(t.competences.userId, ctx.user.id),
  columns: ["faculty", "weight", "seqno"],
  hiddenColumns: ["id", "user"],
  defaultSort: [{ field: "seqno", dir: "asc" }],
  // Read here; social staff set competences in Explorer → Competences.
  access: { view: ["SocialUser"], edit: [], delete: [] },
  insert: undefined,
  variantOf: competencesResource.id,
};

/** The name of the broker whose id is `id` (an outer row's column, qualified). */
export const brokerNameOf = (t: TenantTables, id: SQLWrapper) =>
  sql`(select ${t.brokers.name} from ${t.brokers} where ${q(t.brokers.id)} = ${id})`;

/** Brokers (domain-people §9): the institutions that send newcomers (police, another centre…). */
export const brokersResource = defineResource({
  id: "newcomers.brokers",
  title: "resources.brokers.title",
  countLabel: "relations.brokers",
  table: (t) => t.brokers,
  pk: (t) => t.brokers.id,
  version: (t) => t.brokers.version,
  fields: {
    id: integer("fields.id", (t) => t.brokers.id, { editable: false, plain: true, width: 6 }),
    name: text("fields.name", (t) => t.brokers.name, { required: true, max: 200, width: 30 }),
  },
  columns: ["name"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  // Lino's Brokers (Configure → Newcomers): social staff configure them; newcomers operators pick one on a client.
  access: { view: ["SocialStaff", "NewcomersOperator"], edit: ["SocialStaff"] },
  detail: [{ key: "general", label: "resources.tabs.general", groups: [{ fields: ["id", "name"] }] }],
  insert: { fields: ["name"] },
});

/** The client's broker (domain-people §9), declared here and shown on the client's Coaches tab. */
export const clientBrokerField = reference(
  "fields.broker",
  "newcomers.brokers",
  (t) => t.partners.brokerId,
  (t) => brokerNameOf(t, q(t.partners.brokerId)),
);
// Read-only for users without NewcomersOperator (domain-people §3.6).
clientBrokerField.editRoles = ["NewcomersOperator"];
