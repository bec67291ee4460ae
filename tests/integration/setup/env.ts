import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.LOG_LEVEL = "silent";
process.env.BASE_DOMAIN = "localhost";
process.env.EXPORT_DIR = ".data/test-exports";
