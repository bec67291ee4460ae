import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside Next's react-server build this package throws on import; tests run server code directly.
      { find: "server-only", replacement: path.join(root, "tests/fixtures/empty-module.ts") },
    ],
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/setup/global.ts"],
          setupFiles: ["tests/integration/setup/env.ts"],
          environment: "node",
          // The embedded database serves one connection at a time well; real PostgreSQL takes files in parallel.
          fileParallelism: Boolean(process.env.TEST_DATABASE_URL),
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
