import { Link } from "@/app/_components/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(tenant)/login/actions";
import type { SessionUser } from "@/server/auth/session";
import { currentTenant } from "@/server/tenancy/current";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { actAsChoices } from "@/server/users/authorities";

const fullName = (u: { firstName: string; lastName: string; username: string }) =>
  [u.firstName, u.lastName].filter(Boolean).join(" ") || u.username;

export async function UserMenu({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  const found = await currentTenant();
  const choices =
    found && !user.realUser && !user.mustEnrollTotp && !user.support
      ? await actAsChoices(tenantHandle(found.tenant), user)
      : [];
  return (
    <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
      {!user.support && (
        <Link href="/account" className="underline">
          {t("account.menu")}
        </Link>
      )}
      {user.roles.has("SiteAdmin") && (
        <Link href="/admin/support" className="underline">
          {t("support.menu")}
        </Link>
      )}
      <span className="min-w-0" data-testid="signed-in-as">
        {user.support
          ? t("support.signedInAs", { name: user.support.operatorName, email: user.support.operatorEmail })
          : user.realUser
            ? t("auth.actingAs", {
                name: fullName(user),
                userType: t(`userTypes.${user.userType}`),
                real: fullName(user.realUser),
              })
            : t("auth.signedInAs", { name: fullName(user), userType: t(`userTypes.${user.userType}`) })}
      </span>
      {user.realUser ? (
        <form action="/api/act-as" method="post">
          <button className="rounded border border-white/40 px-2 py-1 hover:bg-white/10">{t("auth.stopActing")}</button>
        </form>
      ) : (
        choices.length > 0 && (
          <form action="/api/act-as" method="post" className="flex items-center gap-1">
            <label htmlFor="act-as" className="sr-only">
              {t("auth.actAs")}
            </label>
            <select
              id="act-as"
              name="userId"
              className="max-w-64 rounded bg-white px-1 py-1 text-slate-900"
              defaultValue=""
            >
              <option value="" disabled>
                {t("auth.actAs")}
              </option>
              {choices.map((c) => (
                <option
                  key={c.id}
                  value={c.id}
                >{`${c.lastName} ${c.firstName}, ${c.username} (${c.userType ? t(`userTypes.${c.userType}`) : "—"})`}</option>
              ))}
            </select>
            <button className="rounded border border-white/40 px-2 py-1 hover:bg-white/10">{t("auth.actAsGo")}</button>
          </form>
        )
      )}
      <form action={signOutAction}>
        <button className="rounded border border-white/40 px-2 py-1 hover:bg-white/10">{t("auth.signOut")}</button>
      </form>
    </div>
  );
}
