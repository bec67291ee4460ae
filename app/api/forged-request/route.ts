import { getTranslations } from "next-intl/server";
import { createContext } from "@/server/trpc/context";

/**
 * proxy.ts sends here every state-changing request that came from another origin (cross-site
 * request forgery): nothing is done, the answer is a 403 in the reader's language.
 */
async function refuse(req: Request) {
  const { locale } = await createContext({ req, claims: null });
  const t = await getTranslations({ locale, namespace: "errors" });
  return new Response(t("FORGED_REQUEST"), {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export { refuse as GET, refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
