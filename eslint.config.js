import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "db/migrations/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ["**/*.mjs", "**/*.js"], languageOptions: { globals: globals.node } },
  {
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, drizzle },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // An update or delete without a where clause would hit every row of a table.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "ctx.db"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "ctx.db"] }],
    },
  },
  {
    // Routers and area services reach a centre's data only through ctx.db / ctx.t (ARCHITECTURE §2).
    // Links prefetch nothing (app/_components/link.tsx): every page here is rendered per request.
    files: ["server/**/*.ts", "server/**/*.tsx", "app/**/*.ts", "app/**/*.tsx"],
    ignores: ["server/tenancy/**", "server/db/**", "server/main.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              message: "Use Link from @/app/_components/link: it does not prefetch every page in view.",
            },
          ],
          patterns: [
            {
              group: ["@/server/db/pool", "**/db/pool"],
              message: "Use ctx.db from the tRPC context; only server/tenancy and server/db open connections.",
            },
            {
              group: ["@/db/tenant/template", "**/tenant/template"],
              message: "Template tables exist only for drizzle-kit; use ctx.t.",
            },
            { group: ["pg", "@electric-sql/*"], message: "Use ctx.db from the tRPC context." },
          ],
        },
      ],
    },
  },
);
