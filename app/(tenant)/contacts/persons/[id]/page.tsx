import { redirect } from "next/navigation";
import { partnerDetailHref } from "@/server/contacts/partner-href";
import ResourceDetailPage, { generateMetadata as resourceDetailMetadata } from "../../../[area]/[table]/[id]/page";

const asPersons = (id: string) => Promise.resolve({ area: "contacts", table: "persons", id });

export const generateMetadata = async ({ params }: { params: Promise<{ id: string }> }) =>
  resourceDetailMetadata({ params: asPersons((await params).id) });

/** A person's detail; a client's opens their client file, which shows everything a person has. */
export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const href = await partnerDetailHref(id);
  if (href && !href.startsWith("/contacts/persons/")) redirect(href);
  return ResourceDetailPage({ params: asPersons(id), searchParams });
}
