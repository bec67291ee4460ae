import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiProvider } from "@/app/_components/trpc";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { currentHost } from "@/server/tenancy/current";

export const dynamic = "force-dynamic";

export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  if ((await currentHost()).kind !== "operator") notFound();
  const t = await getTranslations("operator");
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between bg-slate-800 px-4 py-2 text-white">
        <span className="font-semibold">Entraide · {t("title")}</span>
        <LanguageSwitch />
      </header>
      <ApiProvider>{children}</ApiProvider>
    </div>
  );
}
