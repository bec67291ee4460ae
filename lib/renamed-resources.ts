/**
 * Resource ids that changed, old → current (issue 11: ids start with their area's folder name).
 * Addresses users bookmarked under an old id are redirected (next.config.ts); what the centres
 * stored under them was rewritten by migration 0013. An id, once used, is never given to another
 * resource.
 */
export const RENAMED_RESOURCES: Readonly<Record<string, string>> = {
  "admin.users": "users.users",
  "config.choices": "settings.choices",
  "contacts.clients": "clients.clients",
  "contacts.clientsByNationality": "clients.byNationality",
  "pcsw.coachedClients": "clients.coached",
  "pcsw.allClients": "clients.all",
  "pcsw.coachings": "coachings.coachings",
  "pcsw.coachingTypes": "coachings.types",
  "pcsw.coachingEndings": "coachings.endings",
  "pcsw.myCoachings": "coachings.mine",
  "security.accessLog": "history.accessLog",
  "contacts.households": "households.households",
  "contacts.householdMembers": "households.members",
  "contacts.householdTypes": "households.types",
  "contacts.humanLinks": "households.humanLinks",
  "contacts.humanLinksAsChild": "households.humanLinksAsChild",
  "history.clientMerges": "clients.merges",
  "pcsw.personGroups": "clients.personGroups",
  "pcsw.dispenseReasons": "clients.dispenseReasons",
  "pcsw.exclusionTypes": "clients.exclusionTypes",
  "pcsw.dispenses": "clients.dispenses",
  "pcsw.exclusions": "clients.exclusions",
  "pcsw.convictions": "clients.convictions",
};

const pathOf = (id: string) => `/${id.replace(".", "/")}`;

/** Permanent redirects of the old addresses (grid, detail, print view; the query string follows). */
export const renamedResourceRedirects = () =>
  Object.entries(RENAMED_RESOURCES).flatMap(([old, current]) => [
    { source: pathOf(old), destination: pathOf(current), permanent: true },
    { source: `${pathOf(old)}/:rest*`, destination: `${pathOf(current)}/:rest*`, permanent: true },
  ]);
