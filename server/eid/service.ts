import { and, eq, ne, sql } from "drizzle-orm";
import { belgianToday, formatDate } from "@/lib/format";
import { actorOf, rowChange, writeAudit, type Changes } from "@/server/audit";
import { AppError } from "@/server/errors";
import { assertCan } from "@/server/resources/access";
import type { ResourceCtx } from "@/server/resources/define";
import { translatorFor } from "@/server/i18n/translator";
import { qualified as q } from "@/server/resources/query";
import { CLIENT_STATE } from "@/server/clients/choices";
import { clientsResource } from "@/server/clients/resource";
import { CARD_TYPES } from "@/server/eid/rules/card-data";
import {
  cardHolderName,
  eidInfo,
  planCardRead,
  type CardAddressFields,
  type CardClientFields,
  type ExistingClient,
} from "@/server/eid/rules/card-client";
import { personPhoneticWords } from "@/server/clients/rules/phonetic";
import { similarClients } from "@/server/clients/similar";
import { cardPhotoOf } from "@/server/eid/photo";
import { readCardInput, summaryOf, type CardInput, type ReadCard } from "@/server/eid/card";

/**
 * The eID flow (domain-people §7): "find by eID", creating a client from a card, "read eID card" on
 * an existing client, the photo and the eID info box. Plain functions of a ResourceCtx, so tests
 * call them directly; the router only guards and validates.
 */

type Tx = ResourceCtx["handle"]["db"];
type T = ResourceCtx["handle"]["t"];

/** Lino's address types: 01 is the official address; the data source says it came from a card. */
const OFFICIAL = "01";
const EID_SOURCE = "eid";

const displayName = (p: { id: number; firstName: string; lastName: string }) =>
  `${p.lastName.toUpperCase()} ${p.firstName} (${p.id})`;

async function clientByNationalId(db: Tx, t: T, nationalId: string) {
  const p = t.partners;
  const [row] = await db
    .select({ id: p.id, firstName: p.firstName, lastName: p.lastName, version: p.version })
    .from(p)
    .where(and(eq(p.nationalId, nationalId), eq(p.isClient, true)))
    .limit(1);
  return row ? { id: row.id, displayName: displayName(row), version: row.version } : null;
}

const similarOf = (ctx: ResourceCtx, c: CardClientFields) =>
  similarClients(ctx.handle, {
    firstName: c.firstName,
    lastName: c.lastName,
    nationalId: c.nationalId,
    birthDate: c.birthDate,
  });

/** "Find by eID": the client with the card's national number, otherwise the clients resembling the holder. */
export async function lookup(ctx: ResourceCtx, input: CardInput) {
  const card = readCardInput(input);
  const match = await clientByNationalId(ctx.handle.db, ctx.handle.t, card.data.client.nationalId);
  const similar = match ? [] : await similarOf(ctx, card.data.client);
  return { summary: summaryOf(card), warnings: card.warnings, match, similar };
}

/**
 * The place the card's municipality names in the reader's country (any language, the card's zip
 * first), created when unknown as Lino does; no place when the country is not in the list.
 */
async function placeFor(
  tx: Tx,
  t: T,
  a: CardAddressFields,
): Promise<{ countryCode: string | null; placeId: number | null }> {
  const [country] = await tx
    .select({ code: t.countries.isoCode })
    .from(t.countries)
    .where(eq(t.countries.isoCode, a.countryCode))
    .limit(1);
  if (!country) return { countryCode: null, placeId: null };
  if (!a.city) return { countryCode: country.code, placeId: null };
  const city = a.city;
  const [found] = await tx
    .select({ id: t.places.id })
    .from(t.places)
    .where(
      and(
        eq(t.places.countryCode, country.code),
        sql`exists (select 1 from jsonb_each_text(${q(t.places.names)}) n where lower(n.value) = lower(${city}))`,
      ),
    )
    .orderBy(sql`${q(t.places.zipCode)} = ${a.zipCode ?? ""} desc`, t.places.id)
    .limit(1);
  if (found) return { countryCode: country.code, placeId: found.id };
  const [created] = await tx
    .insert(t.places)
    .values({
      kind: "city",
      zipCode: a.zipCode ?? "",
      names: { fr: city, nl: city, de: city, en: city },
      countryCode: country.code,
    })
    .returning({ id: t.places.id });
  return { countryCode: country.code, placeId: created!.id };
}

/** The address columns (of `addresses` and of the partner's mirror) a card's address gives. */
async function addressColumns(tx: Tx, t: T, a: CardAddressFields) {
  const { countryCode, placeId } = await placeFor(tx, t, a);
  return {
    countryCode,
    placeId,
    street: a.street ?? "",
    streetNo: a.streetNo ?? "",
    streetBox: a.streetBox ?? "",
    addr2: a.addr2 ?? "",
    zipCode: a.zipCode ?? "",
  };
}

async function savePhoto(tx: Tx, t: T, partnerId: number, read: ReadCard["read"]) {
  if (!read.photo) return false;
  const row = {
    contentType: read.photo.mime,
    content: Buffer.from(read.photo.base64, "base64"),
    source: EID_SOURCE,
    updatedAt: new Date(),
  };
  await tx
    .insert(t.partnerPhotos)
    .values({ partnerId, ...row })
    .onConflictDoUpdate({ target: t.partnerPhotos.partnerId, set: row });
  return true;
}

const audit = (tx: Tx, ctx: ResourceCtx, verb: string, id: number, changes: Changes) =>
  writeAudit(tx, ctx.handle.t, actorOf(ctx.user), rowChange(clientsResource.id, verb, id, changes));

/**
 * A newcomer client from a card: identity and card fields, the eID address (primary: a new client
 * has no other) mirrored into the partner, the photo. Asks first when similar clients exist.
 */
export async function createClient(
  ctx: ResourceCtx,
  input: { card: CardInput; confirmSimilar: boolean },
): Promise<{ id: number }> {
  const card = readCardInput(input.card);
  const c = card.data.client;
  const { db, t } = ctx.handle;
  const existing = await clientByNationalId(db, t, c.nationalId);
  if (existing) throw new AppError("DUPLICATE", { name: existing.displayName, messageKey: "eidFlow.alreadyClient" });
  const similar = await similarOf(ctx, c);
  if (similar.length && !input.confirmSimilar) {
    throw new AppError("CONFIRMATION_REQUIRED", {
      count: similar.length,
      names: similar.map((s) => s.displayName).join(", "),
      messageKey: "resources.clients.similarExist",
    });
  }
  return db
    .transaction(async (tx) => {
      const address = await addressColumns(tx, t, card.data.address);
      const identity = {
        firstName: c.firstName,
        middleName: c.middleName,
        lastName: c.lastName,
        gender: c.gender,
        birthDate: c.birthDate,
        nationalId: c.nationalId,
        birthPlace: c.birthPlace ?? "",
        nationalityText: c.nationalityText ?? "",
        nobleCondition: c.nobleCondition ?? "",
        cardNumber: c.cardNumber,
        cardType: c.cardType,
        cardValidFrom: c.cardValidFrom,
        cardValidUntil: c.cardValidUntil,
        cardIssuer: c.cardIssuer,
      };
      const [created] = await tx
        .insert(t.partners)
        .values({
          kind: "person",
          isClient: true,
          clientState: CLIENT_STATE.newcomer,
          language: ctx.user.language,
          name: `${c.lastName} ${c.firstName}`.trim(),
          phoneticWords: personPhoneticWords(c),
          ...identity,
          ...address,
        })
        .returning({ id: t.partners.id });
      const id = created!.id;
      await tx
        .insert(t.addresses)
        .values({ partnerId: id, addressType: OFFICIAL, dataSource: EID_SOURCE, primary: true, ...address });
      const photo = await savePhoto(tx, t, id, card.read);
      const changes = Object.fromEntries(
        Object.entries({ ...identity, ...address, photo }).map(([k, v]) => [k, { from: null, to: v }]),
      );
      await audit(tx, ctx, "eidCreate", id, changes);
      return { id };
    })
    .catch((e: unknown) => {
      const pg = ((e as { cause?: unknown }).cause ?? e) as { code?: string };
      throw pg.code === "23505" ? new AppError("DUPLICATE") : e;
    });
}

const cardColumns = (t: T) => ({
  id: t.partners.id,
  version: t.partners.version,
  clientState: t.partners.clientState,
  nationalId: t.partners.nationalId,
  firstName: t.partners.firstName,
  middleName: t.partners.middleName,
  lastName: t.partners.lastName,
  birthDate: t.partners.birthDate,
  gender: t.partners.gender,
  cardNumber: t.partners.cardNumber,
  cardType: t.partners.cardType,
  cardValidFrom: t.partners.cardValidFrom,
  cardValidUntil: t.partners.cardValidUntil,
  cardIssuer: t.partners.cardIssuer,
  nobleCondition: t.partners.nobleCondition,
  birthPlace: t.partners.birthPlace,
  nationalityText: t.partners.nationalityText,
});

/** The client as the card compares it, locked when `lock`; NOT_FOUND outside this centre's clients, STALE_EDIT on another version. */
async function clientForCard(tx: Tx, t: T, clientId: number, version: number | null, lock = false) {
  const query = tx
    .select(cardColumns(t))
    .from(t.partners)
    .where(and(eq(t.partners.id, clientId), eq(t.partners.isClient, true)));
  const [row] = await (lock ? query.for("update") : query);
  if (!row) throw new AppError("NOT_FOUND");
  if (version !== null && row.version !== version) throw new AppError("STALE_EDIT");
  return row;
}

/** The client's eID address with the names of its place, to compare the card's municipality with. */
async function eidAddressOf(tx: Tx, t: T, clientId: number) {
  const a = t.addresses;
  const [row] = await tx
    .select({
      id: a.id,
      primary: a.primary,
      street: a.street,
      streetNo: a.streetNo,
      streetBox: a.streetBox,
      addr2: a.addr2,
      zipCode: a.zipCode,
      countryCode: a.countryCode,
      names: sql<Record<
        string,
        string
      > | null>`(select ${q(t.places.names)} from ${t.places} where ${q(t.places.id)} = ${q(a.placeId)})`,
    })
    .from(a)
    .where(and(eq(a.partnerId, clientId), eq(a.dataSource, EID_SOURCE)))
    .orderBy(a.id)
    .limit(1);
  return row ? { ...row, cityNames: row.names ? Object.values(row.names) : [] } : null;
}

const changeKey = (c: { target: string; field: string }) => `${c.target}.${c.field}`;

async function planFor(tx: Tx, t: T, client: Awaited<ReturnType<typeof clientForCard>>, card: ReadCard) {
  const address = await eidAddressOf(tx, t, client.id);
  const taken =
    !client.nationalId &&
    (
      await tx
        .select({ id: t.partners.id })
        .from(t.partners)
        .where(and(eq(t.partners.nationalId, card.data.client.nationalId), ne(t.partners.id, client.id)))
        .limit(1)
    ).length > 0;
  const plan = planCardRead(client as ExistingClient, address, card.data, taken);
  if (!plan.ok) {
    const code = plan.code === "nationalIdTaken" ? "DUPLICATE" : "INVALID_INPUT";
    throw new AppError(code, { ...plan.params, messageKey: `eid.${plan.code}` });
  }
  return {
    address,
    takeOverNationalId: plan.takeOverNationalId,
    changes: plan.changes.map((c) => ({ key: changeKey(c), ...c })),
  };
}

/** "Read eID card" on a client: take over the number, or refuse another one; the changes old → new, none when up to date. */
export async function readCard(ctx: ResourceCtx, input: { clientId: number; version: number; card: CardInput }) {
  const card = readCardInput(input.card);
  const { db, t } = ctx.handle;
  const client = await clientForCard(db, t, input.clientId, input.version);
  const plan = await planFor(db, t, client, card);
  return {
    summary: summaryOf(card),
    warnings: card.warnings,
    client: displayName(client),
    version: client.version,
    takeOverNationalId: plan.takeOverNationalId,
    changes: plan.changes,
  };
}

/**
 * Applies the changes the user ticked (keys as `readCard` lists them), takes over the national
 * number when the plan says so, writes the card's address into the eID address (created if
 * missing, primary when the client has none, mirrored when primary) and the photo. One transaction,
 * audited; STALE_EDIT when the client was saved since it was read.
 */
export async function apply(
  ctx: ResourceCtx,
  input: { clientId: number; version: number; card: CardInput; fields: string[] },
) {
  const card = readCardInput(input.card);
  const { db, t } = ctx.handle;
  return db.transaction(async (tx) => {
    const client = await clientForCard(tx, t, input.clientId, input.version, true);
    const plan = await planFor(tx, t, client, card);
    const known = new Set(plan.changes.map((c) => c.key));
    const unknown = input.fields.find((f) => !known.has(f));
    if (unknown) throw new AppError("INVALID_INPUT", { field: unknown });
    const chosen = plan.changes.filter((c) => input.fields.includes(c.key));

    const patch: Record<string, unknown> = Object.fromEntries(
      chosen.filter((c) => c.target === "client").map((c) => [c.field, c.new]),
    );
    if (plan.takeOverNationalId) patch.nationalId = card.data.client.nationalId;
    const changes: Record<string, { from: unknown; to: unknown }> = Object.fromEntries(
      chosen.map((c) => [c.key, { from: c.old, to: c.new }]),
    );
    if (plan.takeOverNationalId) changes.nationalId = { from: null, to: card.data.client.nationalId };
    const names = {
      firstName: String(patch.firstName ?? client.firstName),
      lastName: String(patch.lastName ?? client.lastName),
    };
    if ("firstName" in patch || "lastName" in patch)
      Object.assign(patch, {
        name: `${names.lastName} ${names.firstName}`.trim(),
        phoneticWords: personPhoneticWords(names),
      });

    const addressChanges = chosen.filter((c) => c.target === "address");
    if (addressChanges.length > 0) {
      // Only the ticked parts of the card's address; the place is looked up when the municipality is ticked.
      const picked = Object.fromEntries(addressChanges.map((c) => [c.field, c.new])) as Partial<CardAddressFields>;
      const full = await addressColumns(tx, t, { ...card.data.address });
      const columns = {
        ...("street" in picked ? { street: full.street } : {}),
        ...("streetNo" in picked ? { streetNo: full.streetNo } : {}),
        ...("streetBox" in picked ? { streetBox: full.streetBox } : {}),
        ...("addr2" in picked ? { addr2: full.addr2 } : {}),
        ...("zipCode" in picked ? { zipCode: full.zipCode } : {}),
        ...("city" in picked ? { placeId: full.placeId } : {}),
        ...("countryCode" in picked ? { countryCode: full.countryCode } : {}),
      };
      let primary = plan.address?.primary ?? false;
      if (plan.address) {
        await tx
          .update(t.addresses)
          .set({ ...columns, version: sql`${t.addresses.version} + 1` })
          .where(eq(t.addresses.id, plan.address.id));
      } else {
        const [hasPrimary] = await tx
          .select({ id: t.addresses.id })
          .from(t.addresses)
          .where(and(eq(t.addresses.partnerId, client.id), eq(t.addresses.primary, true)))
          .limit(1);
        primary = !hasPrimary;
        await tx
          .insert(t.addresses)
          .values({ partnerId: client.id, addressType: OFFICIAL, dataSource: EID_SOURCE, primary, ...columns });
      }
      // The partner's own address fields mirror its primary address.
      if (primary) Object.assign(patch, columns);
    }
    const photo = await savePhoto(tx, t, client.id, card.read);
    if (photo) changes.photo = { from: null, to: true };
    await tx
      .update(t.partners)
      .set({ ...patch, modifiedAt: new Date(), version: sql`${t.partners.version} + 1` } as never)
      .where(eq(t.partners.id, client.id));
    await audit(tx, ctx, "eidRead", client.id, changes);
    return { version: client.version + 1, applied: chosen.length };
  });
}

/** Whether the user may see the client: the clients list's rule, and the client of this centre. */
async function visibleClient(ctx: ResourceCtx, clientId: number) {
  assertCan(clientsResource, "view", ctx.user);
  return clientForCard(ctx.handle.db, ctx.handle.t, clientId, null);
}

/** The client's photo as a data URL, or null (the page then shows the default silhouette). */
export async function photo(ctx: ResourceCtx, input: { clientId: number }): Promise<{ dataUrl: string | null }> {
  await visibleClient(ctx, input.clientId);
  return photoOf(ctx, input.clientId);
}

/** The photo of a client whose visibility the caller checks (e.g. beside the info box, which does). */
export async function photoOf(
  { handle: { db, t } }: ResourceCtx,
  clientId: number,
): Promise<{ dataUrl: string | null }> {
  const row = await cardPhotoOf(db, t, clientId);
  return { dataUrl: row ? `data:${row.contentType};base64,${row.content.toString("base64")}` : null };
}

/**
 * The eID info box: "Card no. N (type), issued by X, valid from A until B", and the red "Must read
 * eID card!" when a coached client has no card data or an expired card.
 */
export function infoBox(ctx: ResourceCtx, input: { clientId: number }, today = belgianToday()) {
  const made = infoBoxes.get(ctx) ?? new Map<string, ReturnType<typeof makeInfoBox>>();
  infoBoxes.set(ctx, made);
  const key = `${input.clientId}\0${today}`;
  let box = made.get(key);
  if (!box) made.set(key, (box = makeInfoBox(ctx, input.clientId, today)));
  return box;
}

/**
 * The info boxes made for one request's context: opening a client shows the same box in the overview
 * and in the eID panel, read once (it only reads).
 */
const infoBoxes = new WeakMap<ResourceCtx, Map<string, ReturnType<typeof makeInfoBox>>>();

async function makeInfoBox(ctx: ResourceCtx, clientId: number, today: string) {
  const c = await visibleClient(ctx, clientId);
  const info = eidInfo({ ...c, cardNumber: c.cardNumber || null, cardIssuer: c.cardIssuer || null }, today);
  const mustRead = info.mustRead && c.clientState === CLIENT_STATE.coached;
  const tr = translatorFor(ctx.locale);
  const typeName = info.cardType ? CARD_TYPES[info.cardType] : undefined;
  const lines = info.cardNumber
    ? [
        tr("eid.info.card", {
          number: info.cardNumber,
          type: typeName ? tr(`eid.cardTypes.${typeName}`) : (info.cardType ?? ""),
        }),
        ...(info.issuer ? [tr("eid.info.issuedBy", { issuer: info.issuer })] : []),
        ...(info.validFrom && info.validUntil
          ? [
              tr("eid.info.valid", {
                from: formatDate(info.validFrom, ctx.locale),
                until: formatDate(info.validUntil, ctx.locale),
              }),
            ]
          : []),
      ]
    : [];
  return {
    ...info,
    mustRead,
    lines,
    mustReadText: mustRead ? tr("eid.info.mustRead") : null,
    holder: cardHolderName(c),
  };
}
