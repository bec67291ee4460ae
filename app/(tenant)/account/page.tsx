import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiProvider } from "@/app/_components/trpc";
import { currentUser } from "@/server/auth/current";
import { CALENDAR_ROLES } from "@/server/calendar/workflow";
import { anyOf } from "@/server/resources/access";
import { AccountSecurity } from "./account-security";
import { CalendarFeed } from "./calendar-feed";

export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const t = await getTranslations("account");
  return (
    <main className="mx-auto w-full max-w-2xl p-8">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <ApiProvider>
        <div className="flex flex-col gap-8">
          <AccountSecurity />
          {anyOf(user, CALENDAR_ROLES) && !user.support && <CalendarFeed />}
        </div>
      </ApiProvider>
    </main>
  );
}
