import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiProvider } from "@/app/_components/trpc";
import { currentUser } from "@/server/auth/current";
import type { Role } from "@/server/auth/user-types";

/** The browser tab's title of a RolePage, "<namespace>.title · Entraide" as the lists' (`generateMetadata`). */
export async function rolePageMetadata(namespace: string): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t(`${namespace}.title`)} · ${t("app.name")}` };
}

/**
 * A page for the users whose type holds `role` (or one of the roles): its title and intro (`<namespace>.title`, `.intro`),
 * then the content, or the refusal `<namespace>.<refusal>` for other user types. Visitors sign in first.
 */
export async function RolePage({
  role,
  namespace,
  refusal,
  children,
  wide = false,
}: {
  role: Role | readonly Role[];
  namespace: string;
  refusal: string;
  children: React.ReactNode;
  /** Pages that need the whole width (the planners). */
  wide?: boolean;
}) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const t = await getTranslations(namespace);
  return (
    <main className={`mx-auto w-full ${wide ? "max-w-screen-2xl" : "max-w-4xl"} p-8`}>
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-slate-700">{t("intro")}</p>
      {(typeof role === "string" ? [role] : role).some((r) => user.roles.has(r)) ? (
        <ApiProvider>{children}</ApiProvider>
      ) : (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-800" data-testid="not-allowed">
          {t(refusal)}
        </p>
      )}
    </main>
  );
}
