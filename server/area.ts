import type { AnyRouter } from "@trpc/server";
import type { SeriesOwnerKind } from "@/server/calendar/series/generate";
import type { Checker } from "@/server/checks/define";
import type { ClientMergeStep } from "@/server/clients/merge/step";
import type { JobDef } from "@/server/jobs/define";
import type { TimelineSource } from "@/server/history/timeline";
import type { ChangeListener } from "@/server/resources/changes";
import type { ChoiceList } from "@/server/resources/choices";
import type { FilterDef, ResourceDef } from "@/server/resources/define";
import type { Relation } from "@/server/resources/relations";
import type { Widget } from "@/server/shell/define-widget";
import type { MenuContribution } from "@/server/shell/menu";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The centre being seeded: its kind decides whether demo data comes too. */
export interface SeedCentre {
  kind: "production" | "training" | "demo";
  defaultLocale: string;
  slug?: string;
}
export type Seed = (handle: TenantHandle, centre: SeedCentre) => Promise<void>;

/**
 * What an area adds to a resource another area declares, and to that resource's variants, without
 * the other area importing it (the CV's search filters on the integration clients, its Career tab on
 * the client): filters of the list, tabs of the detail (after the tab named by `after`, else last).
 */
export interface ResourceExtension {
  resource: string;
  filters?: Record<string, FilterDef>;
  tabs?: { after?: string; tabs: ResourceDef["detail"] };
}

/**
 * What one functional area brings (Lino: a plugin), declared in one object in its own folder
 * (`server/<id>/area.ts`) and listed once in `server/areas.ts`. The shared machinery never names an
 * area: menus, dashboards, the resource procedures, the data checkers, the seeds and deletion all
 * read these declarations.
 */
export interface Area {
  /** The area's folder name; every resource id of the area starts with it (`coachings.types`). */
  id: string;
  resources?: readonly ResourceDef[];
  menu?: readonly MenuContribution[];
  widgets?: readonly Widget[];
  checkers?: readonly Checker[];
  /** Its own procedures, mounted at `<id>.*` of the app's router. */
  router?: AnyRouter;
  /**
   * Seeds, all idempotent. `reference` runs for every new centre, `demo` for demo and training
   * centres; each phase runs area by area in the order of the list of areas. `derived` runs for demo
   * and training centres after every area's demo seed: data computed from other areas' demo data
   * (the ESF summaries from the presences and contracts).
   */
  seed?: { reference?: Seed; demo?: Seed; derived?: Seed };
  /**
   * The foreign keys its tables hold to rows of other tables (partners, types…), with what becomes
   * of such a row when the row it points to is deleted or merged (server/resources/relations.ts).
   */
  relations?: readonly Relation[];
  /** Choice lists to which a centre may add its own values (Configure → System → choices). */
  extensibleChoices?: readonly ChoiceList[];
  /** Background jobs it runs on the queue (server/jobs), each for one centre; some on a schedule. */
  jobs?: readonly JobDef[];
  /** What it does after every audited change of a declared row, in the saving transaction (notifications). */
  onChange?: ChangeListener;
  /** The kinds of rows it adds to a client's timeline (History tab): its notes, its mails… (server/history/timeline.ts). */
  timeline?: readonly TimelineSource[];
  /** The owners of calendar series it declares (recurrent events, contracts…), found again by "move to next". */
  seriesOwners?: readonly SeriesOwnerKind[];
  /** Filters and detail tabs it adds to other areas' resources (see `ResourceExtension`). */
  extends?: readonly ResourceExtension[];
  /**
   * What merging two clients does to its rows that name the duplicate, where moving them is not all
   * (server/clients/merge/step.ts); rows of its other references to partners are simply moved.
   */
  clientMerge?: readonly ClientMergeStep[];
}

/**
 * What the areas declare, gathered once (server/areas.ts) and handed to code at run time through
 * its context (`ResourceCtx.registry`, the tRPC context, a widget's context): an area's own modules
 * never import the list of areas, so that no import cycle can leave a declaration half-built.
 */
export interface Registry {
  resources: ReadonlyMap<string, ResourceDef>;
  /** What the areas add to the main menu, in the order of the list of areas. */
  menu: readonly MenuContribution[];
  relations: readonly Relation[];
  checkers: readonly Checker[];
  extensibleChoices: readonly ChoiceList[];
  jobs: readonly JobDef[];
  changeListeners: readonly ChangeListener[];
  /** The client timeline's sources, in the order of the list of areas. */
  timeline: readonly TimelineSource[];
  /** Every area's kinds of calendar series owners (server/calendar/series). */
  seriesOwners?: readonly SeriesOwnerKind[];
  /** Every area's steps of a client merge (server/clients/merge/step.ts). */
  clientMerge?: readonly ClientMergeStep[];
}

/** Keeps the literal id and the router's type, so that the app's router stays fully typed. */
export const defineArea = <const A extends Area>(area: A): A => area;
