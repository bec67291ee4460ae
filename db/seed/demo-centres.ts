import type { CreateTenantInput } from "@/server/tenancy/lifecycle";

/** The centres of `npm run demo`: Lino's two historic users and a training centre. */
export const DEMO_CENTRES: CreateTenantInput[] = [
  {
    slug: "eupen",
    names: { fr: "CPAS d'Eupen", nl: "OCMW Eupen", de: "ÖSHZ Eupen", en: "PCSW Eupen" },
    defaultLocale: "de",
    kind: "demo",
  },
  {
    slug: "chatelet",
    names: { fr: "CPAS de Châtelet", nl: "OCMW Châtelet", de: "ÖSHZ Châtelet", en: "PCSW Châtelet" },
    defaultLocale: "fr",
    kind: "demo",
  },
  {
    slug: "formation",
    names: { fr: "Centre de formation Entraide", nl: "Opleidingscentrum Entraide", de: "Schulungszentrum Entraide", en: "Entraide training centre" },
    defaultLocale: "fr",
    kind: "training",
  },
];

export const DEMO_OPERATOR = { email: "operator@entraide.test", name: "Demo operator", password: "entraide-demo" };
