import { z } from "zod";

/**
 * What the browser learns about a resource: plain data derived from its server-side declaration
 * (server/resources/define.ts) for one user. Labels are message keys; the UI translates them.
 */
export type FieldType =
  | "text"
  | "password"
  | "longtext"
  /** Sanitised rich text (a note's body): edited with the rich-text editor, shown as its HTML. */
  | "html"
  | "integer"
  | "money"
  | "date"
  | "datetime"
  | "boolean"
  | "choice"
  | "localized"
  | "ref";

export interface ChoiceMeta {
  value: string;
  /** Message key of a declared value, or the centre's own designation of an extra value. */
  label: { key: string } | { names: Record<string, string | undefined> };
}

export interface FieldMeta {
  name: string;
  label: string;
  /** A shorter header for the grid column (message key); `label` is then its tooltip. */
  columnLabel?: string;
  type: FieldType;
  width: number;
  sortable: boolean;
  editable: boolean;
  required: boolean;
  choices?: ChoiceMeta[];
  /** For `ref` fields the user may open: the resource the value points to (its detail is linked). */
  ref?: string;
  /** Extra hint shown under an input (message key). */
  help?: string;
  /** A `date` whose day or month may be unknown (00), as Lino's birth dates: typed as text, not picked. */
  incomplete?: boolean;
  /** An `integer` that is a code, not a quantity (a port, a row's number): shown without digit grouping. */
  plain?: boolean;
}

/** `ref`: a row of another resource of the centre (its id), picked from that resource's rows. */
export type FilterWidget = "text" | "number" | "choice" | "date" | "dateRange" | "user" | "boolean" | "ref";
export interface FilterMeta {
  name: string;
  label: string;
  widget: FilterWidget;
  choices?: ChoiceMeta[];
  /** For `ref` filters: the referenced resource (`<area>.<table>`). */
  ref?: string;
  /** How the active filter reads in the grid's title: a message key taking `{value}` (e.g. "Coached by {value}"). */
  summary?: string;
}

export interface DetailGroup {
  label?: string;
  fields: string[];
}
export interface SlaveMeta {
  resource: string;
  label: string;
  /** The slave's field that points to the master row. */
  masterField: string;
  canCreate: boolean;
}
/** A box with its own content (e.g. similar clients), rendered by the component registered under `key`. */
export interface PanelMeta {
  key: string;
  label: string;
  /** Shown above the tab's fields. */
  top?: boolean;
}
export interface DetailTab {
  key: string;
  label: string;
  groups: DetailGroup[];
  panels: PanelMeta[];
  slaves: SlaveMeta[];
}

export interface TransitionMeta {
  name: string;
  label: string;
  from: string[];
  /** Ask before running (e.g. deactivating an account). */
  confirm: boolean;
  params: FieldMeta[];
  /** Offered only while this boolean field of the row is true (e.g. the meeting's date has come). */
  onlyWhen?: string;
}

export interface ActionMeta {
  name: string;
  label: string;
  confirm: boolean;
  params: FieldMeta[];
  /** Offered only while this field of the row is empty. */
  onlyWhileEmpty?: string;
  /** Offered only while this field of the row has a value. */
  onlyWhileSet?: string;
}

/** A row's background by the value of one of its fields (e.g. newcomer clients in green); the field must be listed. */
export interface RowTone {
  field: string;
  tones: Record<string, "positive" | "warning">;
}

export interface ResourceMeta {
  id: string;
  title: string;
  href: string;
  fields: Record<string, FieldMeta>;
  columns: string[];
  hiddenColumns: string[];
  filters: FilterMeta[];
  defaultSort: SortKey[];
  /** Filter values applied when the request does not name them (send `null` to lift one). */
  defaultFilters: Record<string, unknown>;
  quickSearch: boolean;
  /** The field shown as the row's title in the detail header and in search results. */
  titleField: string;
  detail: DetailTab[];
  insertFields: string[];
  /** The declared insert defaults for this user (e.g. their language), shown prefilled in the insert form. */
  insertDefaults: Record<string, Row[string]>;
  /** The row comes with a file: the insert form posts the file and its values to this route. */
  insertUpload?: string;
  canCreate: boolean;
  canEdit: boolean;
  canDelete: boolean;
  workflow?: { field: string; transitions: TransitionMeta[] };
  /**
   * Fields a certifying print vouches for: read-only while the row's `__certified` is true, the
   * message saying why (server/resources/define.ts `certified`).
   */
  certified?: { fields: string[]; messageKey: string };
  actions: ActionMeta[];
  /** The keys of the table-wide toolbar buttons this user may use. */
  toolbar?: string[];
  /** The buttons acting on ticked rows this user may use (server/resources/define.ts `selection`). */
  selection?: { key: string; params: Record<string, string> }[];
  rowTone?: RowTone;
  /** Open grids refresh when this live topic is announced (e.g. the waiting room). */
  live?: string;
}

export const sortKeySchema = z.object({ field: z.string().max(64), dir: z.enum(["asc", "desc"]) });
export type SortKey = z.infer<typeof sortKeySchema>;

/** The state of a grid: what the list procedure, the URL and the exports share. */
export const listStateSchema = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
  sort: z.array(sortKeySchema).max(5).default([]),
  filters: z.record(z.string().max(64), z.unknown()).default({}),
  q: z.string().trim().max(100).default(""),
  /** Restricts a slave grid to the rows of one master row. */
  master: z.object({ field: z.string().max(64), value: z.union([z.string().max(100), z.number()]) }).optional(),
});
export type ListState = z.infer<typeof listStateSchema>;

/** A cell as it travels to the browser. */
export const cellSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.record(z.string(), z.string().optional()),
  z.object({
    id: z.union([z.string(), z.number()]),
    label: z.union([z.string(), z.record(z.string(), z.string().optional())]),
  }),
]);
export const rowSchema = z.record(z.string(), cellSchema);
export type Row = z.infer<typeof rowSchema>;

/** A page of a list: when `totalIsCapped`, the count stopped and more than `total` rows match. */
export const listPageSchema = z.object({ rows: z.array(rowSchema), total: z.number(), totalIsCapped: z.boolean() });
export type ListPage = z.infer<typeof listPageSchema>;

/** URL of a resource ("geo.places" → "/geo/places") and of one of its rows. */
export const resourceHref = (id: string, rowId?: string | number) =>
  `/${id.replace(".", "/")}${rowId === undefined ? "" : `/${encodeURIComponent(String(rowId))}`}`;

/** Ids travel as text in the address; numeric keys go back to numbers. */
export const rowIdOf = (id: string) => (/^\d+$/.test(id) ? Number(id) : id);

/** What a slave grid shows before the user pages: its resource's meta and its first page. */
export interface SlaveData {
  meta: ResourceMeta;
  page: ListPage;
}

/** The data of one detail tab: its panels' (by key) and its slave grids' (by resource). */
export interface TabData {
  panels: Record<string, unknown>;
  slaves: Record<string, SlaveData>;
}

/** Rows per page of a slave grid on screen. */
export const SLAVE_PAGE_SIZE = 10;

/** The list state of a slave grid: the rows of its resource whose `masterField` points to the master row. */
export const slaveListState = (
  masterField: string,
  masterId: string | number,
  page: number,
  pageSize: number,
): ListState => ({
  page,
  pageSize,
  sort: [],
  filters: {},
  q: "",
  master: { field: masterField, value: masterId },
});
