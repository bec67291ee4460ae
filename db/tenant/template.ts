// Input for drizzle-kit only. Application code must never import this file (lint rule):
// the sentinel schema does not exist in any database, so a stray use fails closed.
import { pgSchema } from "drizzle-orm/pg-core";
import { SENTINEL_SCHEMA, tenantTables } from "./tables";

export const tenantTemplate = pgSchema(SENTINEL_SCHEMA);
export const { countries, places, auditLog, deletedRows, authMethod, users, loginThrottle, loginAudit, revokedSessions, authorities, siteSettings, userPreferences, choiceExtras, companyTypes, roleTypes, clientContactTypes, personGroups, partners, addresses, roles, clientContacts, coachingTypes, coachingEndings, coachings, accessLog, partnerPhotos, householdTypes, households, householdMembers, humanLinks, dispenseReasons, dispenses, exclusionTypes, exclusions, convictions, clientMerges, eidCardReads, tasks, dataProblems } = tenantTables(SENTINEL_SCHEMA);
