import type { CreateTenantInput } from "@/server/tenancy/lifecycle";

/** The centres of `npm run demo`: Lino's two historic users and a training centre. */
export const DEMO_CENTRES: CreateTenantInput[] = [
  {
    slug: "eupen",
    names: { fr: "CPAS d'Eupen", nl: "OCMW Eupen", de: "ÖSHZ Eupen", en: "PCSW Eupen" },
    greetings: {
      fr: "Bienvenue au CPAS d'Eupen",
      nl: "Welkom bij het OCMW Eupen",
      de: "Willkommen im ÖSHZ Eupen",
      en: "Welcome to the PCSW of Eupen",
    },
    defaultLocale: "de",
    kind: "demo",
  },
  {
    slug: "chatelet",
    names: { fr: "CPAS de Châtelet", nl: "OCMW Châtelet", de: "ÖSHZ Châtelet", en: "PCSW Châtelet" },
    greetings: {
      fr: "Bienvenue au CPAS de Châtelet",
      nl: "Welkom bij het OCMW Châtelet",
      de: "Willkommen im ÖSHZ Châtelet",
      en: "Welcome to the PCSW of Châtelet",
    },
    defaultLocale: "fr",
    kind: "demo",
  },
  {
    slug: "formation",
    names: {
      fr: "Centre de formation Entraide",
      nl: "Opleidingscentrum Entraide",
      de: "Schulungszentrum Entraide",
      en: "Entraide training centre",
    },
    greetings: {
      fr: "Bienvenue au Centre de formation Entraide",
      nl: "Welkom in het Opleidingscentrum Entraide",
      de: "Willkommen im Schulungszentrum Entraide",
      en: "Welcome to the Entraide training centre",
    },
    defaultLocale: "fr",
    kind: "training",
  },
];

export const DEMO_OPERATOR = { email: "operator@entraide.test", name: "Demo operator", password: "entraide-demo" };
