import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";

/** Shown instead of a resource that the user's type may not see; the server refuses its data anyway. */
export async function NotAllowed() {
  const t = await getTranslations("grid.notAllowed");
  return (
    <main className="mx-auto w-full max-w-xl p-10" data-testid="not-allowed">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("text")}</p>
      <Link href="/" className="mt-4 inline-block font-medium text-blue-800 underline">
        {t("home")}
      </Link>
    </main>
  );
}
