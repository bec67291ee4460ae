import { getTranslations } from "next-intl/server";
import { Board } from "./board";

export const dynamic = "force-dynamic";
export const generateMetadata = async () => ({ title: (await getTranslations("reception.board"))("title") });

/**
 * The public waiting-room board for a lounge screen (domain-people §11): no session, signed in by
 * its display's token in the address; what it shows comes live from /api/reception/board.
 */
export default async function BoardPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <Board token={typeof token === "string" ? token : ""} />;
}
