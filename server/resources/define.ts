import type { SQL, SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { TenantTables } from "@/db/tenant/tables";
import type { Registry } from "@/server/area";
import type { Role } from "@/server/auth/user-types";
import type { SessionUser } from "@/server/auth/session";
import type { Locale } from "@/server/i18n/locale";
import type { TenantHandle } from "@/server/tenancy/tenant-db";
import type { DetailGroup, FieldType, FilterWidget, RowTone } from "@/lib/resources";
import type { ChoiceList } from "./choices";

/** What a resource's SQL builders and hooks receive: the centre, the user, their language and every declaration. */
export interface ResourceCtx {
  handle: TenantHandle;
  user: SessionUser;
  locale: Locale;
  registry: Registry;
}

type Expr = (t: TenantTables) => SQLWrapper;

export interface FieldDef {
  type: FieldType;
  label: string;
  /**
   * A shorter header for the field's grid column and exports (message key, e.g. Lino's "S.Inf"); the
   * full `label` then names the field in the detail and the form, and is the header's tooltip.
   */
  columnLabel?: string;
  /** How the value is read; also what sorting and filtering use. */
  expr: Expr;
  /** The column written by edits. A field without `input` is read-only. */
  column?: (t: TenantTables) => AnyPgColumn;
  input?: z.ZodType;
  /** Given when the row is created, fixed afterwards (e.g. a user name). */
  createOnly?: boolean;
  required?: boolean;
  choices?: ChoiceList;
  /**
   * For `ref` fields: target resource and the text shown for the value; `choices` narrows the rows
   * a picker offers (server/resources/ref-options.ts), e.g. active staff only.
   */
  ref?: {
    resource: string;
    display: Expr;
    localized?: boolean;
    choices?: (t: TenantTables, ctx: ResourceCtx) => SQL | undefined;
  };
  width?: number;
  sortable?: boolean;
  /** What sorting uses when it differs from the shown value (e.g. an indexed column). */
  orderBy?: Expr;
  help?: string;
  /** An integer that is a code, not a quantity (a port, a row's id): shown without digit grouping ("8025"). */
  plain?: boolean;
  /** The field is one key of the JSON object in `column` (e.g. a centre-specific field in `extra`); edits merge it in. */
  jsonKey?: string;
  /** Shown and written only where the resource's `fieldSets` of the centre include this name. */
  fieldSet?: string;
  /** Only these roles may write it (e.g. eID card data); others see it read-only. */
  editRoles?: Role[];
  /** A `date` kept as text whose day or month may be 00 when unknown (Lino's incomplete dates). */
  incomplete?: boolean;
  /**
   * The value as the reader reads it, computed from the stored one after reading (e.g. an audit
   * row's changes in words and in their language); sorting and filtering still use `expr`. `page`
   * is what the resource's `presentPage` read for the rows presented with this one.
   */
  present?: (value: unknown, ctx: ResourceCtx, page?: unknown) => string;
  /**
   * The rows a slave grid on a master row shows when the master's link is more than this field's
   * equality (a client's calendar: its entries and those it is a guest of); `value` is the master's key.
   */
  masterWhere?: (t: TenantTables, value: string | number) => SQL;
}

export interface FilterDef {
  label: string;
  widget: FilterWidget;
  choices?: ChoiceList;
  /** For `ref` filters: the resource whose rows are offered (`<area>.<table>`); the value is a row's id. */
  ref?: string;
  /** A message key with `{value}` for the grid's title when the label alone reads badly (e.g. "Coached by {value}"). */
  summary?: string;
  /** The value the browser may send; anything else is refused before SQL is built. */
  schema: z.ZodType;
  /** `all` holds every filter value of the request, for filters that combine (e.g. a period). */
  where: (value: never, t: TenantTables, ctx: ResourceCtx, all: Record<string, unknown>) => SQL | undefined;
}

export interface TransitionDef {
  name: string;
  label: string;
  from: string[];
  to: string;
  /** Roles allowed to trigger it (any of). */
  roles: Role[];
  confirm?: boolean;
  /**
   * A boolean field of the row that must be true for the transition (e.g. "close meeting" once its
   * date has come): the button is offered and the server runs it only then.
   */
  onlyWhen?: string;
  /** What the user is asked for (e.g. a refusal reason); stored in the audit row. */
  params?: Record<string, FieldDef>;
  /** Side effects in the same transaction (e.g. end open coachings). */
  effect?: (
    tx: TenantHandle["db"],
    ctx: ResourceCtx,
    id: string | number,
    params: Record<string, unknown>,
  ) => Promise<Record<string, { from: unknown; to: unknown }> | void>;
}

/** A button on a row that runs custom code (e.g. reset a password), with optional parameters. */
export interface ActionDef {
  name: string;
  label: string;
  roles: Role[];
  confirm?: boolean;
  params?: Record<string, FieldDef>;
  /** Offered only while this field of the row is empty (e.g. restore, until the record is restored). */
  onlyWhileEmpty?: string;
  /** Offered only while this field of the row has a value (e.g. "Clear printed", while printed). */
  onlyWhileSet?: string;
  /** `version` is the row's version the user saw, when the browser sent it (for actions that refuse stale rows). */
  run: (
    ctx: ResourceCtx,
    id: string | number,
    params: Record<string, unknown>,
    version?: number,
  ) => Promise<void | ActionResult>;
}

/** What an action made that the user goes on with (e.g. the draft a "Create e-mail" wrote): the browser opens it. */
export interface ActionResult {
  open: { resource: string; id: string | number };
}

/**
 * A box on a detail tab whose content is neither a field nor a grid (e.g. similar clients, the eID
 * card): its data comes from `load`, and the browser renders it with the component registered under
 * the same key (app/_components/panels).
 */
export interface PanelDef {
  key: string;
  label: string;
  /**
   * The panel's data for one row the user may see (checked before it is called); `params` is what
   * the browser asked, parsed by `params` below (its default when the page opens the tab).
   */
  load: (ctx: ResourceCtx, id: number, params?: unknown) => Promise<unknown>;
  /** What the browser may ask of the panel (filters, a page), e.g. the client timeline's; nothing when absent. */
  params?: z.ZodType;
  /** Shown only to these roles (any of); everyone who may see the row when absent. */
  roles?: Role[];
  /** Above the tab's fields (e.g. a client's overview) rather than below them. */
  top?: boolean;
}

export interface SlaveDef {
  resource: string;
  label: string;
  masterField: string;
  /** Shown only where the resource's `fieldSets` of the centre include this name (a centre's own lists). */
  fieldSet?: string;
}

export interface ResourceAccess {
  view: Role[];
  create?: Role[];
  edit?: Role[];
  delete?: Role[];
  /** Roles that may list rows without a master row (the global list); others see them only on their master's detail. */
  listAll?: Role[];
}

type Patch = Record<string, unknown>;
export interface ResourceHooks {
  /** Replace the generic insert (e.g. users hash a password); must audit in its own transaction. */
  create?: (ctx: ResourceCtx, values: Patch) => Promise<{ id: string | number }>;
  update?: (ctx: ResourceCtx, id: string | number, version: number, patch: Patch) => Promise<void>;
}

export interface ResourceDef {
  id: string;
  title: string;
  /**
   * A message key counting this resource's rows with an ICU plural (`relations.clients`: "1 client",
   * "2 clients"): the deletion dialog names the row with it ("1 client (DUBOIS Marie (123))").
   */
  countLabel?: string;
  table: (t: TenantTables) => PgTable;
  pk: (t: TenantTables) => AnyPgColumn;
  /** Optimistic locking: editable resources need a version column. */
  version?: (t: TenantTables) => AnyPgColumn;
  fields: Record<string, FieldDef>;
  columns: string[];
  hiddenColumns?: string[];
  titleField: string;
  filters?: Record<string, FilterDef>;
  /** Quick search: the condition a search text puts on rows; absent means not searchable. */
  search?: (q: string, t: TenantTables, ctx: ResourceCtx) => SQL | undefined;
  /** Where its hits come in the header's quick search: lower first (clients 10; 100 when absent). */
  searchRank?: number;
  /**
   * How far a searched list counts its matches (else as far as any list): below the usual cap when
   * a common word matches so many rows that counting them costs many times the page (notes).
   */
  searchCountCap?: number;
  defaultSort: { field: string; dir: "asc" | "desc" }[];
  /**
   * Filters in force unless the request lifts them with `null` (e.g. "hide obsolete"); a function
   * when they depend on who reads (e.g. "coached by me"): see `defaultFiltersOf`.
   */
  defaultFilters?: DefaultFilters;
  access: ResourceAccess;
  /**
   * Rows this user may see at all (applied to every read). A scope that does not name `ctx` (one
   * parameter) is the same for every reader, so a row's statement can be built once per centre.
   */
  scope?: (t: TenantTables, ctx: ResourceCtx) => SQL | undefined;
  /** A tab with `roles` is shown only to users having one of them. */
  detail: {
    key: string;
    label: string;
    groups: DetailGroup[];
    panels?: PanelDef[];
    slaves?: SlaveDef[];
    roles?: Role[];
  }[];
  /** The optional field sets the user's centre uses (see `FieldDef.fieldSet`). */
  fieldSets?: (handle: Pick<TenantHandle, "db" | "t">) => Promise<ReadonlySet<string>>;
  insert?: {
    fields: string[];
    defaults?: (ctx: ResourceCtx) => Patch;
    /** Fixed column values of every new row (table property names), e.g. a kind. */
    columns?: Patch;
    validate?: (ctx: ResourceCtx, values: Patch) => void;
    /**
     * Something the user should see before the row is created (e.g. similar clients exist); the
     * creation is refused with CONFIRMATION_REQUIRED until it is sent again with `confirmed`.
     */
    confirm?: (
      ctx: ResourceCtx,
      values: Patch,
    ) => Promise<{ messageKey: string; params: Record<string, string | number> } | null>;
    /**
     * The row comes with a file: the form posts it, with its values, to this route (e.g. a scanned
     * document to `/api/uploads`), which stores the file and creates the row through `createRow`
     * with the file's columns; `resources.create` alone refuses to create such a row.
     */
    upload?: string;
  };
  workflow?: { field: string; transitions: TransitionDef[] };
  /**
   * Rows that have become records (a sent mail): neither edited nor deleted, nor anything added to
   * or taken from their slave grids; the detail offers none of it and the service refuses it.
   */
  locked?: { when: (t: TenantTables) => SQL; messageKey: string };
  /**
   * Fields a printed certificate vouches for (domain-people §14.1, "certified objects may lock
   * fields"): while `when` holds for a row, an edit changing one of them is refused with the
   * message; the row's other fields stay editable.
   */
  certified?: { fields: readonly string[]; when: (t: TenantTables) => SQL; messageKey: string };
  /**
   * Derived columns to write with every insert and edit (Lino's `full_clean`), computed from the
   * row's values after the change; keys are the table's property names.
   */
  derive?: (values: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Checks and normalises what a user writes, on insert and edit (only the fields sent), e.g. a
   * national number typed with dots becomes its stored form; throws an AppError to refuse.
   */
  normalize?: (values: Record<string, unknown>) => Record<string, unknown>;
  /** Keeps rules spanning several rows (e.g. one primary coaching), in the saving transaction. */
  beforeSave?: (
    tx: TenantHandle["db"],
    ctx: ResourceCtx,
    id: string | number | undefined,
    values: Record<string, unknown>,
  ) => Promise<void>;
  /** Runs after every interactive insert and edit, in the saving transaction (e.g. automatic reminders). */
  afterSave?: (tx: TenantHandle["db"], ctx: ResourceCtx, id: string | number) => Promise<void>;
  /**
   * Refuses a deletion (throws an AppError) or completes it, in the deleting transaction before the
   * row goes; what goes with the row and what forbids its deletion are declared as the areas' relations.
   */
  /**
   * It may return what to do once the deletion is committed, outside the transaction (removing the
   * row's stored file): never before, since a rolled-back deletion must find its file in place.
   */
  beforeDelete?: (
    tx: TenantHandle["db"],
    ctx: ResourceCtx,
    id: string | number,
  ) => Promise<void | (() => Promise<void>)>;
  actions?: ActionDef[];
  /**
   * Buttons of the grid's toolbar that act on the whole table (e.g. "Run all checkers"), each shown
   * to its roles and rendered by the component registered under its key (app/_components/toolbar);
   * the procedure it calls checks the rights again.
   */
  toolbar?: { key: string; roles: Role[] }[];
  /**
   * Buttons acting on the rows a user ticks in the grid (e.g. "Print selection"): the grid shows a
   * tick box per row when the user has one, rendered by the component registered under its key
   * (app/_components/selection) with its `params`; the procedure it calls checks the rights again.
   */
  selection?: { key: string; roles: Role[]; params?: Record<string, string> }[];
  hooks?: ResourceHooks;
  /**
   * Reads, once for every set of rows presented together (a list's page, an export's batch, a detail),
   * what its fields' `present` need about all of them, e.g. the names of the rows an audit row refers
   * to: a few queries per page instead of some per row. Its result is `present`'s `page`.
   */
  presentPage?: (raws: Record<string, unknown>[], ctx: ResourceCtx) => Promise<unknown>;
  /**
   * The rows are about a client whose observers are told of their changes (domain-people §16): the
   * client's column, the message type, and the message key naming the row ("a coaching of {client}").
   */
  notifies?: { client: (t: TenantTables) => AnyPgColumn; type: string; what: string };
  /** Rows hold personal data: every opening of a detail is written to the access log. */
  logsAccess?: boolean;
  /** A row's background by the value of one listed field (Lino's row colours, e.g. newcomers in green). */
  rowTone?: RowTone;
  /**
   * Another table on the same rows (Lino: another table on the same model), declared with
   * `defineVariant`: the id of the resource it shows. Changes are audited under that id and the
   * header's quick search lists the rows once, under it.
   */
  variantOf?: string;
  /** A live topic (server/notify/live.ts) whose announcements refresh every open grid of this resource. */
  live?: string;
}

type FilterValues = Record<string, unknown>;
export type DefaultFilters = FilterValues | ((ctx: Pick<ResourceCtx, "user">) => FilterValues);

/** The default filters for this reader; without a reader only fixed ones are known. */
export const defaultFiltersOf = (
  def: Pick<ResourceDef, "defaultFilters">,
  ctx?: Pick<ResourceCtx, "user">,
): FilterValues =>
  typeof def.defaultFilters === "function" ? (ctx ? def.defaultFilters(ctx) : {}) : (def.defaultFilters ?? {});

export const defineResource = (def: ResourceDef): ResourceDef => def;
