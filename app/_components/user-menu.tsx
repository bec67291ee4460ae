import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(tenant)/login/actions";
import type { SessionUser } from "@/server/auth/session";

export async function UserMenu({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ") || user.username;
  return (
    <div className="flex items-center gap-3 text-sm">
      <Link href="/account" className="underline">{t("account.menu")}</Link>
      <span data-testid="signed-in-as">{t("auth.signedInAs", { name, userType: t(`userTypes.${user.userType}`) })}</span>
      <form action={signOutAction}>
        <button className="rounded border border-white/40 px-2 py-1 hover:bg-white/10">{t("auth.signOut")}</button>
      </form>
    </div>
  );
}
