import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiProvider } from "@/app/_components/trpc";
import { currentUser } from "@/server/auth/current";
import { EidReader } from "./eid-reader";

/** Reception → "Read eID card": Lino's "find by eID" quick link (domain-people §7), for BeIdUser. */
export default async function ReadEidCardPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const t = await getTranslations("eidFlow");
  return (
    <main className="mx-auto w-full max-w-4xl p-8">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-700">{t("intro")}</p>
      {user.roles.has("BeIdUser") ? (
        <ApiProvider>
          <EidReader />
        </ApiProvider>
      ) : (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800" data-testid="not-allowed">{t("notAllowed")}</p>
      )}
    </main>
  );
}
