import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OPERATOR_COOKIE, readOperatorSession } from "@/server/operator/session";
import { BackupsPanel } from "./backups-panel";
import { TenantConsole } from "./tenant-console";

export default async function OperatorHome() {
  const operator = await readOperatorSession((await cookies()).get(OPERATOR_COOKIE)?.value);
  if (!operator) redirect("/login");
  const t = await getTranslations("operator");
  return (
    <main className="mx-auto max-w-screen-2xl p-6">
      <div className="mb-6 flex items-center justify-between">
        <p className="text-sm text-slate-600">{t("signedInAs", { name: operator.name })}</p>
        <form action="/api/operator/logout" method="post">
          <button className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100">
            {t("signOut")}
          </button>
        </form>
      </div>
      <TenantConsole />
      <div className="mt-8">
        <BackupsPanel />
      </div>
    </main>
  );
}
