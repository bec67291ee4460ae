import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { renamedResourceRedirects } from "./lib/renamed-resources";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const config: NextConfig = {
  // The repository root, even when a parent folder holds another lockfile.
  turbopack: { root: import.meta.dirname },
  poweredByHeader: false,
  redirects: async () => renamedResourceRedirects(),
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@node-rs/argon2",
    "pino",
    "@electric-sql/pglite",
    "@react-pdf/renderer",
    "exceljs",
  ],
};

export default withNextIntl(config);
