import { and, or, sql } from "drizzle-orm";
import { z } from "zod";
import { USER_TYPES } from "@/server/auth/user-types";
import { actorOf } from "@/server/audit";
import { defineChoiceList } from "@/server/resources/choices";
import { defineResource } from "@/server/resources/define";
import {
  boolean,
  choice,
  date,
  datetime,
  filters,
  integer,
  longText,
  matches,
  reference,
  text,
} from "@/server/resources/fields";
import { coachingTypeNameOf } from "@/server/coachings/endings";
import { personRef } from "@/server/contacts/refs";
import { mailModes } from "@/server/notify/choices";
import { likePattern, qualified as q } from "@/server/resources/query";
import { createUser, resetPassword, resetTwoFactor, updateUser } from "./admin";

export const userTypes = defineChoiceList("userTypes", USER_TYPES, { namespace: "userTypes" });
export const uiLanguages = defineChoiceList("languages", ["fr", "nl", "de", "en"], { namespace: "languages" });
export const authMethods = defineChoiceList("authMethods", ["local", "ldap"]);

/** The centre's staff accounts, for the centre's administrators (900, 910). */
export const usersResource = defineResource({
  id: "users.users",
  title: "resources.users.title",
  table: (t) => t.users,
  pk: (t) => t.users.id,
  version: (t) => t.users.version,
  fields: {
    id: integer("fields.id", (t) => t.users.id, { editable: false, plain: true, width: 6 }),
    // Set once: it is the directory key of LDAP accounts.
    username: {
      ...text("fields.username", (t) => t.users.username, { width: 14, required: true }),
      input: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9._-]{2,30}$/),
      createOnly: true,
    },
    fullName: {
      type: "text",
      label: "fields.fullName",
      width: 24,
      expr: (t) => sql<string>`trim(${t.users.lastName} || ' ' || ${t.users.firstName})`,
    },
    firstName: text("fields.firstName", (t) => t.users.firstName, { max: 100 }),
    lastName: text("fields.lastName", (t) => t.users.lastName, { max: 100 }),
    initials: text("fields.initials", (t) => t.users.initials, { max: 10, width: 8 }),
    email: { ...text("fields.email", (t) => t.users.email), input: z.union([z.email(), z.literal("")]) },
    language: choice("languages.label", (t) => t.users.language, uiLanguages, { required: true, width: 10 }),
    userType: choice("fields.userType", (t) => t.users.userType, userTypes, { width: 26 }),
    authMethod: choice("fields.authMethod", (t) => t.users.authMethod, authMethods, { width: 12, createOnly: true }),
    active: boolean("fields.active", (t) => t.users.active, { editable: false }),
    startDate: date("fields.startDate", (t) => t.users.startDate),
    endDate: date("fields.endDate", (t) => t.users.endDate),
    coachingTypeId: reference(
      "fields.coachingService",
      "coachings.types",
      (t) => t.users.coachingTypeId,
      (t) => coachingTypeNameOf(t, q(t.users.coachingTypeId)),
      { localized: true },
    ),
    coachingSupervisor: boolean("fields.coachingSupervisor", (t) => t.users.coachingSupervisor),
    // The user's own person record (§1.1): how the user is invited as a guest (§10.3).
    partnerId: personRef("fields.userPartner", (t) => t.users.partnerId),
    mailMode: choice("fields.mailMode", (t) => t.users.mailMode, mailModes, { required: true }),
    notifyMyself: boolean("fields.notifyMyself", (t) => t.users.notifyMyself),
    newcomerQuota: integer("fields.newcomerQuota", (t) => t.users.newcomerQuota, { min: 0, max: 100 }),
    newcomerConsultations: boolean("fields.newcomerConsultations", (t) => t.users.newcomerConsultations),
    newcomerAppointments: boolean("fields.newcomerAppointments", (t) => t.users.newcomerAppointments),
    remarks: longText("fields.remarks", (t) => t.users.remarks),
    twoFactor: {
      type: "boolean",
      label: "fields.twoFactor",
      expr: (t) => sql<boolean>`${t.users.totpSecret} is not null`,
    },
    modifiedAt: datetime("fields.modifiedAt", (t) => t.users.modifiedAt),
  },
  columns: ["username", "fullName", "userType", "language", "active", "authMethod"],
  hiddenColumns: ["id", "email", "initials", "startDate", "endDate", "twoFactor", "modifiedAt"],
  titleField: "fullName",
  filters: {
    userType: filters.choice("fields.userType", userTypes, (t) => t.users.userType),
    active: filters.boolean("fields.active", (t) => t.users.active),
    authMethod: filters.choice("fields.authMethod", authMethods, (t) => t.users.authMethod),
  },
  search: (q, t) => {
    const p = likePattern(q, "prefix");
    return or(
      matches(t.users.username, p),
      matches(t.users.lastName, p),
      matches(t.users.firstName, p),
      and(sql`${q} ~ '^[^ ]+ [^ ]+$'`, matches(sql`${t.users.firstName} || ' ' || ${t.users.lastName}`, p)),
    );
  },
  defaultSort: [
    { field: "fullName", dir: "asc" },
    { field: "username", dir: "asc" },
  ],
  access: { view: ["SiteAdmin"], edit: ["SiteAdmin"], delete: [] },
  detail: [
    {
      key: "general",
      label: "resources.tabs.general",
      groups: [
        { fields: ["username", "firstName", "lastName", "initials", "email", "language"] },
        { fields: ["userType", "authMethod", "active", "twoFactor", "startDate", "endDate"] },
        { fields: ["mailMode", "notifyMyself", "partnerId"] },
      ],
    },
    {
      key: "coaching",
      label: "resources.users.coachingTab",
      groups: [
        { fields: ["coachingTypeId", "coachingSupervisor"] },
        { fields: ["newcomerQuota", "newcomerConsultations", "newcomerAppointments"] },
        { fields: ["remarks", "modifiedAt"] },
      ],
    },
  ],
  insert: {
    fields: ["username", "firstName", "lastName", "email", "language", "userType", "authMethod"],
    defaults: (ctx) => ({ language: ctx.locale, authMethod: "local" }),
  },
  workflow: {
    field: "active",
    transitions: [
      {
        name: "deactivate",
        label: "resources.users.deactivate",
        from: ["true"],
        to: "false",
        roles: ["SiteAdmin"],
        confirm: true,
      },
      { name: "activate", label: "resources.users.activate", from: ["false"], to: "true", roles: ["SiteAdmin"] },
    ],
  },
  actions: [
    {
      name: "resetPassword",
      label: "resources.users.resetPassword",
      roles: ["SiteAdmin"],
      params: {
        password: {
          type: "password",
          label: "fields.newPassword",
          expr: (t) => t.users.passwordHash,
          input: z.string().min(1).max(200),
          required: true,
        },
      },
      run: (ctx, id, params) => resetPassword(ctx.handle, actorOf(ctx.user), Number(id), String(params.password)),
    },
    {
      name: "resetTwoFactor",
      label: "resources.users.resetTwoFactor",
      roles: ["SiteAdmin"],
      confirm: true,
      run: (ctx, id) => resetTwoFactor(ctx.handle, actorOf(ctx.user), Number(id)),
    },
  ],
  hooks: {
    create: async (ctx, values) => {
      const user = await createUser(ctx.handle, actorOf(ctx.user), {
        ...values,
        username: String(values.username),
      } as Parameters<typeof createUser>[2]);
      return { id: user.id };
    },
    update: async (ctx, id, version, patch) => {
      await updateUser(ctx.handle, actorOf(ctx.user), Number(id), version, patch);
    },
  },
});
