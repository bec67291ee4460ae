import { z } from "zod";
import { intlLocale, type UiLocale } from "./format";

/**
 * What a deletion takes with a row and what stands in its way, counted by kind of row; shared by
 * the server (the refusal's text, the deleted record's summary) and the browser (the dialog).
 */

/** Rows of one kind: `label` is a message key with an ICU plural of `count` (`relations.addresses`). */
export const kindSchema = z.object({ label: z.string(), count: z.number().int() });
export type Kind = z.infer<typeof kindSchema>;

export const deletionPreviewSchema = z.object({
  /** The row's title as its detail shows it (text, or a text per language). */
  title: z.union([z.string(), z.record(z.string(), z.string().optional())]),
  /** Message key counting rows of the resource ("1 client"), when it declares one. */
  kind: z.string().nullable(),
  /** The volatile rows that go with it. */
  goes: z.array(kindSchema),
  /** The rows that refer to it and forbid its deletion; empty when it may go. */
  blockers: z.array(kindSchema),
  /** How many days an administrator can restore it. */
  restoreDays: z.number().int(),
});
export type DeletionPreview = z.infer<typeof deletionPreviewSchema>;

/**
 * Whether a row's detail offers Delete: the user may delete rows of its kind, the row is not locked,
 * and no row points at it that refuses its deletion (`__deleteBlocked`, read with the row: a client
 * with a coaching is not offered for deletion). The dialog's plan may still find a refusal further away.
 */
export function deleteOffered(canDelete: boolean, locked: boolean, blocked: boolean | undefined): boolean {
  return canDelete && !locked && blocked === false;
}

type Translate = (key: string, values: { count: number }) => string;

/** "2 addresses, 1 photo and 1 dispense", in the reader's language. */
export function kindsText(kinds: Kind[], locale: UiLocale, t: Translate): string {
  return new Intl.ListFormat(intlLocale(locale), { type: "conjunction" }).format(
    kinds.map((k) => t(k.label, { count: k.count })),
  );
}
