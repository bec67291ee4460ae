-- Resource ids now start with their area's folder name (issue 11 §4). What the centre stored under
-- the old ids follows: the audit trail (entity, and the action's "<entity>." prefix), the grid
-- layouts each user saved (preference "grid:<id>"). Users' changes audited by table name "users"
-- now carry the users resource id, like every other resource.
UPDATE "tenant_template"."audit_log" a SET
  "entity" = r."new",
  "action" = CASE WHEN a."action" LIKE r."old" || '.%' THEN r."new" || substr(a."action", length(r."old") + 1) ELSE a."action" END
FROM (VALUES
  ('admin.users', 'users.users'),
  ('config.choices', 'settings.choices'),
  ('contacts.clients', 'clients.clients'),
  ('contacts.clientsByNationality', 'clients.byNationality'),
  ('pcsw.coachedClients', 'clients.coached'),
  ('pcsw.allClients', 'clients.all'),
  ('pcsw.coachings', 'coachings.coachings'),
  ('pcsw.coachingTypes', 'coachings.types'),
  ('pcsw.coachingEndings', 'coachings.endings'),
  ('pcsw.myCoachings', 'coachings.mine'),
  ('security.accessLog', 'history.accessLog'),
  ('contacts.households', 'households.households'),
  ('contacts.householdMembers', 'households.members'),
  ('contacts.householdTypes', 'households.types'),
  ('contacts.humanLinks', 'households.humanLinks'),
  ('contacts.humanLinksAsChild', 'households.humanLinksAsChild'),
  ('history.clientMerges', 'clients.merges'),
  ('pcsw.personGroups', 'clients.personGroups'),
  ('pcsw.dispenseReasons', 'clients.dispenseReasons'),
  ('pcsw.exclusionTypes', 'clients.exclusionTypes'),
  ('pcsw.dispenses', 'clients.dispenses'),
  ('pcsw.exclusions', 'clients.exclusions'),
  ('pcsw.convictions', 'clients.convictions'),
  ('users', 'users.users')) AS r("old", "new")
WHERE a."entity" = r."old";
--> statement-breakpoint
UPDATE "tenant_template"."user_preferences" p SET "key" = 'grid:' || r."new"
FROM (VALUES
  ('admin.users', 'users.users'),
  ('config.choices', 'settings.choices'),
  ('contacts.clients', 'clients.clients'),
  ('contacts.clientsByNationality', 'clients.byNationality'),
  ('pcsw.coachedClients', 'clients.coached'),
  ('pcsw.allClients', 'clients.all'),
  ('pcsw.coachings', 'coachings.coachings'),
  ('pcsw.coachingTypes', 'coachings.types'),
  ('pcsw.coachingEndings', 'coachings.endings'),
  ('pcsw.myCoachings', 'coachings.mine'),
  ('security.accessLog', 'history.accessLog'),
  ('contacts.households', 'households.households'),
  ('contacts.householdMembers', 'households.members'),
  ('contacts.householdTypes', 'households.types'),
  ('contacts.humanLinks', 'households.humanLinks'),
  ('contacts.humanLinksAsChild', 'households.humanLinksAsChild'),
  ('history.clientMerges', 'clients.merges'),
  ('pcsw.personGroups', 'clients.personGroups'),
  ('pcsw.dispenseReasons', 'clients.dispenseReasons'),
  ('pcsw.exclusionTypes', 'clients.exclusionTypes'),
  ('pcsw.dispenses', 'clients.dispenses'),
  ('pcsw.exclusions', 'clients.exclusions'),
  ('pcsw.convictions', 'clients.convictions'),
  ('users', 'users.users')) AS r("old", "new")
WHERE p."key" = 'grid:' || r."old";
