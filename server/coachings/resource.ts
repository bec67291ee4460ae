import { guestRoleNameOf } from "@/server/calendar/config";
import { and, eq, sql } from "drizzle-orm";
import { belgianToday } from "@/lib/format";
import { clientNameOf } from "@/server/clients/sql";
import { coachingActive } from "./sql";
import { handOverAction, handOverPanel } from "@/server/calendar/handover";
import { defineResource, type ResourceDef } from "@/server/resources/define";
import { qualified as q } from "@/server/resources/query";
import { boolean, date, integer, localizedText, reference } from "@/server/resources/fields";
import { activeStaff, userNameOf } from "@/server/users/sql";
import { coachingEndingNameOf, coachingTypeNameOf } from "./endings";
import { coachingFilters } from "./filters";
import { coachingBeforeSave } from "./rules";

/** Services that coach clients (Lino's "coaching types"), configured per centre. */
export const coachingTypesResource = defineResource({
  id: "coachings.types",
  title: "resources.coachingTypes.title",
  table: (t) => t.coachingTypes,
  pk: (t) => t.coachingTypes.id,
  version: (t) => t.coachingTypes.version,
  fields: {
    id: integer("fields.id", (t) => t.coachingTypes.id, { editable: false, plain: true, width: 6 }),
    name: localizedText("fields.name", (t) => t.coachingTypes.names, { required: true }),
    doesGss: boolean("resources.coachingTypes.doesGss", (t) => t.coachingTypes.doesGss),
    doesIntegration: boolean("resources.coachingTypes.doesIntegration", (t) => t.coachingTypes.doesIntegration),
    // The role its coaches are invited in to a contract's evaluation meetings (§8, §10.3).
    evalGuestRole: reference(
      "resources.coachingTypes.evalGuestRole",
      "calendar.guestRoles",
      (t) => t.coachingTypes.evalGuestRoleId,
      (t) => guestRoleNameOf(t, q(t.coachingTypes.evalGuestRoleId)),
      { localized: true },
    ),
  },
  columns: ["name", "doesGss", "doesIntegration", "evalGuestRole"],
  hiddenColumns: ["id"],
  titleField: "name",
  defaultSort: [{ field: "name", dir: "asc" }],
  access: { view: ["CoachingsUser"], edit: ["CoachingsStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["name", "doesGss", "doesIntegration", "evalGuestRole"] }],
      slaves: [],
    },
  ],
  insert: { fields: ["name", "doesGss", "doesIntegration", "evalGuestRole"] },
});

/**
 * Who coaches a client, in which service, from when to when, and why it ended (domain-people §8).
 * The same list is the coachings explorer and, on a client, "coachings of this client".
 */
export const coachingsResource = defineResource({
  id: "coachings.coachings",
  title: "resources.coachings.title",
  table: (t) => t.coachings,
  pk: (t) => t.coachings.id,
  version: (t) => t.coachings.version,
  notifies: { client: (t) => t.coachings.clientId, type: "coachings", what: "notify.what.coaching" },
  fields: {
    id: integer("fields.id", (t) => t.coachings.id, { editable: false, plain: true, width: 6 }),
    client: reference(
      "resources.coachings.client",
      "clients.clients",
      (t) => t.coachings.clientId,
      (t) => clientNameOf(t, q(t.coachings.clientId)),
      { required: true, createOnly: true },
    ),
    user: reference(
      "resources.coachings.user",
      "users.users",
      (t) => t.coachings.userId,
      (t) => userNameOf(t, q(t.coachings.userId)),
      { required: true, choices: activeStaff },
    ),
    coachingType: reference(
      "resources.coachings.coachingType",
      "coachings.types",
      (t) => t.coachings.coachingTypeId,
      (t) => coachingTypeNameOf(t, q(t.coachings.coachingTypeId)),
      { localized: true },
    ),
    startDate: date("fields.startDate", (t) => t.coachings.startDate, { required: true }),
    endDate: date("fields.endDate", (t) => t.coachings.endDate),
    primary: boolean("resources.coachings.primary", (t) => t.coachings.primary),
    ending: reference(
      "resources.coachings.ending",
      "coachings.endings",
      (t) => t.coachings.endingId,
      (t) => coachingEndingNameOf(t, q(t.coachings.endingId)),
      { localized: true },
    ),
  },
  columns: ["client", "user", "coachingType", "startDate", "endDate", "primary", "ending"],
  hiddenColumns: ["id"],
  titleField: "client",
  filters: coachingFilters,
  defaultSort: [{ field: "startDate", dir: "desc" }],
  // Read on the client's Coaches tab by everyone (Lino's CoachingsByClient: login_required()); given and
  // edited by coaching users (§8: 220 reads, cannot create); the list of all is coaching staff's (Explorer).
  access: { view: ["SiteUser"], edit: ["CoachingsUser"], listAll: ["CoachingsStaff"] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [{ fields: ["client", "user", "coachingType", "startDate", "endDate", "primary", "ending"] }],
      panels: [handOverPanel],
    },
  ],
  actions: [handOverAction],
  insert: {
    fields: ["client", "user", "coachingType", "startDate", "endDate", "primary", "ending"],
    // The coach is the creating user; the coaching starts today unless dates are given.
    defaults: (ctx) => ({ user: ctx.user.id, startDate: belgianToday() }),
  },
  beforeSave: coachingBeforeSave,
});

/**
 * "My coachings": the coachings of the user (or of the colleague acted for) active today. Not a
 * `defineVariant`, which has no row scope of its own.
 */
export const myCoachingsResource: ResourceDef = {
  ...coachingsResource,
  id: "coachings.mine",
  title: "resources.coachings.myTitle",
  columns: ["client", "startDate", "endDate", "coachingType", "primary"],
  hiddenColumns: ["id", "ending"],
  scope: (t, ctx) => and(eq(t.coachings.userId, ctx.user.id), coachingActive(t, sql`current_date`, sql`current_date`)),
  filters: { primary: coachingFilters.primary!, coachingType: coachingFilters.coachingType! },
  defaultSort: [{ field: "client", dir: "asc" }],
  // Coaching users' own list (Lino's MyCoachings). New coachings are given on the client; this list only follows and ends them.
  access: { view: ["CoachingsUser"], edit: ["CoachingsUser"], create: [] },
  insert: undefined,
  // The same rows: edits made here are in the coaching's own history.
  variantOf: coachingsResource.id,
};
