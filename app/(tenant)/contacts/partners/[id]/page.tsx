import { notFound, redirect } from "next/navigation";
import { partnerDetailHref } from "@/server/contacts/partner-href";

/** /contacts/partners/<id>: a reference to "any partner" opens the detail of its kind. */
export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const href = await partnerDetailHref((await params).id);
  if (!href) notFound();
  redirect(href);
}
