import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/tenant/template.ts",
  out: "./db/migrations/tenant",
  schemaFilter: ["tenant_template"],
});
