import { eq } from "drizzle-orm";
import type { LocalizedText } from "@/db/control/schema";
import { belgianToday } from "@/lib/format";
import { systemActor } from "@/server/audit";
import type { SeedCentre } from "@/server/area";
import { COMMUNITY_HOLIDAYS, holidayDate, LEGAL_HOLIDAYS, OTHER_HOLIDAYS } from "@/server/calendar/holidays";
import { generateRecurrentEvents } from "@/server/calendar/recurrent-events";
import { isLocale, LOCALES } from "@/server/i18n/locale";
import { translatorFor } from "@/server/i18n/translator";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The community whose day each demo centre closes on (issue 15 §3); other centres choose theirs. */
const COMMUNITY_OF: Record<string, string> = { eupen: "germanCommunity", chatelet: "frenchCommunity" };

/**
 * Every centre's recurrent events (§10.4 holidays): the ten legal days active; the communities' days
 * and Lino's further days (Carnival Monday…) present but inactive, except the centre's own
 * community's day for the demo centres. Their entries of this year and the next are generated. Once.
 */
export async function seedHolidays(handle: TenantHandle, centre: SeedCentre) {
  const { db, t } = handle;
  if ((await db.select({ id: t.recurrentEvents.id }).from(t.recurrentEvents).limit(1)).length) return;
  const [type] = await db.select({ id: t.entryTypes.id }).from(t.entryTypes).where(eq(t.entryTypes.ref, "holidays"));
  if (!type) return;
  const year = Number(belgianToday().slice(0, 4));
  const own = COMMUNITY_OF[centre.slug ?? ""];
  const rules = [
    ...LEGAL_HOLIDAYS.map((rule) => ({ rule, active: true })),
    ...COMMUNITY_HOLIDAYS.map((rule) => ({ rule, active: rule.key === own })),
    ...OTHER_HOLIDAYS.map((rule) => ({ rule, active: false })),
  ];
  await db.transaction(async (tx) => {
    await tx.insert(t.recurrentEvents).values(
      rules.map(({ rule, active }) => ({
        ref: rule.key,
        names: Object.fromEntries(
          LOCALES.map((l) => [l, translatorFor(l)(`calendar.holidays.${rule.key}`)]),
        ) as LocalizedText,
        typeId: type.id,
        startDate: holidayDate(rule, year),
        everyUnit: "easterOffset" in rule ? "easter" : "yearly",
        active,
      })),
    );
    await generateRecurrentEvents(tx as never, handle, systemActor("seed"), {
      year: year + 1,
      locale: isLocale(centre.defaultLocale) ? centre.defaultLocale : "fr",
    });
  });
}
