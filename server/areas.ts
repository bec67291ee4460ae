import type { AnyRouter } from "@trpc/server";
import { calendarArea } from "@/server/calendar/area";
import { checksArea } from "@/server/checks/area";
import { clientsArea } from "@/server/clients/area";
import { coachingsArea } from "@/server/coachings/area";
import { cvArea } from "@/server/cv/area";
import { contactsArea } from "@/server/contacts/area";
import { documentsArea } from "@/server/documents/area";
import { eidArea } from "@/server/eid/area";
import { feedsArea } from "@/server/feeds/area";
import { geoArea } from "@/server/geo/area";
import { historyArea } from "@/server/history/area";
import { householdsArea } from "@/server/households/area";
import { integArea } from "@/server/integ/area";
import { isipArea } from "@/server/isip/area";
import { art61Area } from "@/server/art61/area";
import { immersionArea } from "@/server/immersion/area";
import { jobSearchArea } from "@/server/jobsearch/area";
import { jobsArea } from "@/server/jobs/area";
import { newcomersArea } from "@/server/newcomers/area";
import { notesArea } from "@/server/notes/area";
import { notifyArea } from "@/server/notify/area";
import { pollsArea } from "@/server/polls/area";
import { outboxArea } from "@/server/outbox/area";
import { receptionArea } from "@/server/reception/area";
import { createRegistry } from "@/server/resources/registry";
import { settingsArea } from "@/server/settings/area";
import { shellArea } from "@/server/shell/area";
import { supportArea } from "@/server/support/area";
import { uploadsArea } from "@/server/uploads/area";
import { usersArea } from "@/server/users/area";
import type { Area, Registry, SeedCentre } from "@/server/area";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/**
 * The one list of areas. Adding an area means adding its module here; nothing else central
 * changes (docs/areas.md). The order is the order of seeding (an area comes after those whose data
 * its demo seed uses: clients need the demo users, contacts come after the clients), of the
 * entries within a menu section and of the dashboard's widgets.
 */
export const AREAS = [
  geoArea,
  checksArea,
  usersArea,
  settingsArea,
  supportArea,
  clientsArea,
  coachingsArea,
  contactsArea,
  householdsArea,
  receptionArea,
  eidArea,
  calendarArea,
  feedsArea,
  notesArea,
  historyArea,
  uploadsArea,
  documentsArea,
  integArea,
  // After the clients and contacts: its demo names coached clients and adds providers.
  jobsArea,
  cvArea,
  isipArea,
  art61Area,
  newcomersArea,
  pollsArea,
  // After the ISIPs (their policies and endings) and the CV (sectors, functions); Châtelet only.
  immersionArea,
  jobSearchArea,
  notifyArea,
  outboxArea,
  shellArea,
] as const satisfies readonly Area[];

type Listed =
  | "resources"
  | "menu"
  | "widgets"
  | "checkers"
  | "relations"
  | "extensibleChoices"
  | "jobs"
  | "timeline"
  | "seriesOwners"
  | "clientMerge"
  | "extends";
const all = <K extends Listed>(key: K) =>
  AREAS.flatMap((area): NonNullable<Area[K]>[number][] => [...((area as Area)[key] ?? [])]);

/** Every declaration the machinery works from, checked once at start-up (server/resources/registry.ts). */
export const registry: Registry = createRegistry({
  resources: all("resources"),
  extensions: all("extends"),
  menu: all("menu"),
  relations: all("relations"),
  checkers: all("checkers"),
  extensibleChoices: all("extensibleChoices"),
  jobs: all("jobs"),
  changeListeners: AREAS.flatMap((area) => ((area as Area).onChange ? [(area as Area).onChange!] : [])),
  timeline: all("timeline"),
  seriesOwners: all("seriesOwners"),
  clientMerge: all("clientMerge"),
});

export const WIDGETS = all("widgets");

type AreaWithRouter = Extract<(typeof AREAS)[number], { router: AnyRouter }>;
/** The areas' procedures, each area's under its id: `geo.searchPlaces`, `eid.openRead`… */
export const areaRouters = Object.fromEntries(
  AREAS.flatMap((area) => ("router" in area ? [[area.id, area.router]] : [])),
) as { [A in AreaWithRouter as A["id"]]: A["router"] };

/** Seeds a freshly migrated centre: every area's reference data, then, for demo and training centres, their demo data. */
export async function seedAreas(handle: TenantHandle, centre: SeedCentre) {
  for (const area of AREAS as readonly Area[]) await area.seed?.reference?.(handle, centre);
  if (centre.kind === "production") return;
  for (const area of AREAS as readonly Area[]) await area.seed?.demo?.(handle, centre);
  for (const area of AREAS as readonly Area[]) await area.seed?.derived?.(handle, centre);
}
