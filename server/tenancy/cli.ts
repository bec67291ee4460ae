// Operator CLI: `npm run tenants -- <command>`. Every step prints progress; errors are one clear line.
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import en from "@/messages/en.json";
import { closePools } from "@/server/db/pool";
import { ensureDatabase } from "@/server/db/embedded";
import { type AppError, isAppError } from "@/server/errors";
import { createOperator } from "@/server/operator/accounts";
import {
  createTenant,
  deleteTenant,
  listTenants,
  LOCALES,
  migrateAll,
  migrateOne,
  resetTenant,
  resumeTenant,
  suspendTenant,
  type Locale,
} from "./lifecycle";
import { exportTenant, importTenant } from "./backup";
import { migrateControl } from "./migrations";
import { moveTenant } from "./move";
import { availability } from "./registry";
import { TENANT_SCHEMA_VERSION } from "./version";

const USAGE = `Usage: npm run tenants -- <command>
  create <slug> --name "<name>" --locale <fr|nl|de|en> [--kind production|training|demo] [--greeting "<welcome in that language>"]
  list [--json]
  status
  migrate [--all | <slug>]
  suspend <slug> | resume <slug>
  reset <slug>            (training and demo centres only)
  delete <slug>           (suspends, exports the schema to a file, drops it)
  export <slug> [--out <file>]          (a consistent backup of the centre while it stays served)
  import <file> [--as <new-slug>] [--cluster <id>]   (creates the centre from a backup)
  move <slug> --to <cluster>            (copies the centre to another cluster, switches, drops the old copy)
  operator <email> --name "<name>" --password <password>   (creates or resets a console account)`;

const actor = `cli:${userInfo().username}`;
const say = (line: string) => console.log(line);

/** The English text of an application error, with its parameters filled in. */
export function describeError(e: AppError) {
  const template = (en.errors as Record<string, string>)[e.code] ?? e.code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(e.params[k] ?? `{${k}}`));
}

function requireSlug(slug: string | undefined) {
  if (!slug) throw new UsageError("missing <slug>");
  return slug;
}

class UsageError extends Error {}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      greeting: { type: "string" },
      locale: { type: "string" },
      kind: { type: "string" },
      json: { type: "boolean" },
      all: { type: "boolean" },
      password: { type: "string" },
      out: { type: "string" },
      as: { type: "string" },
      cluster: { type: "string" },
      to: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, arg] = positionals;
  if (!command || values.help) return say(USAGE);

  await migrateControl();
  switch (command) {
    case "create": {
      const locale = (values.locale ?? "fr") as Locale;
      if (!LOCALES.includes(locale)) throw new UsageError(`--locale must be one of ${LOCALES.join(", ")}`);
      const kind = values.kind ?? "production";
      if (kind !== "production" && kind !== "training" && kind !== "demo")
        throw new UsageError("--kind must be production, training or demo");
      if (!values.name) throw new UsageError('missing --name "<name>"');
      const { created } = await createTenant(
        {
          slug: requireSlug(arg),
          names: { fr: values.name, [locale]: values.name },
          greetings: values.greeting?.trim() ? { [locale]: values.greeting.trim() } : {},
          defaultLocale: locale,
          kind,
        },
        actor,
        say,
      );
      return say(created ? "done" : "nothing to do");
    }
    case "list": {
      const rows = await listTenants();
      if (values.json) return say(JSON.stringify(rows, null, 2));
      for (const r of rows)
        say(`${r.slug.padEnd(20)} ${r.kind.padEnd(10)} ${r.status.padEnd(12)} v${r.schemaVersion}  ${r.names.fr}`);
      return say(`${rows.length} centre(s)`);
    }
    case "status": {
      const rows = await listTenants();
      say(`code expects tenant schema version ${TENANT_SCHEMA_VERSION}`);
      for (const r of rows) {
        const state = availability(r);
        say(
          `${r.slug.padEnd(20)} ${state.padEnd(12)} v${r.schemaVersion}${r.migrationState === "failed" ? `  last migration failed: ${r.migrationError}` : ""}`,
        );
      }
      return;
    }
    case "migrate": {
      if (values.all || !arg) {
        const { total, failed } = await migrateAll(actor, say);
        say(`${total - failed.length}/${total} centre(s) up to date`);
        if (failed.length) process.exitCode = 1;
        return;
      }
      const r = await migrateOne(arg, actor);
      return say(`${arg}: ${r.applied.length ? `applied ${r.applied.join(", ")}` : "up to date"} (v${r.version})`);
    }
    case "suspend":
      await suspendTenant(requireSlug(arg), actor);
      return say(`${arg} suspended`);
    case "resume":
      await resumeTenant(requireSlug(arg), actor);
      return say(`${arg} active`);
    case "reset":
      await resetTenant(requireSlug(arg), actor, say);
      return say("done");
    case "delete":
      await deleteTenant(requireSlug(arg), actor, say);
      return;
    case "export": {
      const r = await exportTenant(requireSlug(arg), { out: values.out, progress: say });
      return say(`${r.file}: ${r.tables} tables, ${r.rows} rows, ${r.bytes} bytes, sha256 ${r.sha256}`);
    }
    case "import": {
      if (!arg) throw new UsageError("missing <file>");
      const tenant = await importTenant(arg, { as: values.as, clusterId: values.cluster, actor, progress: say });
      return say(`${tenant.slug} imported (${tenant.status}, v${tenant.schemaVersion})`);
    }
    case "move": {
      if (!values.to) throw new UsageError("missing --to <cluster>");
      const { downtimeMs } = await moveTenant(requireSlug(arg), values.to, actor, { progress: say });
      return say(`done: ${arg} was in maintenance for ${(downtimeMs / 1000).toFixed(1)} s`);
    }
    case "operator": {
      if (!arg || !values.password) throw new UsageError("operator <email> --password <password> is required");
      const op = await createOperator({ email: arg, name: values.name ?? arg, password: values.password }, actor);
      return say(`operator ${op.email} ready`);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

const db = await ensureDatabase();
try {
  await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) console.error(`error: ${e.message}\n\n${USAGE}`);
  else if (e instanceof ZodError)
    console.error(`error: ${e.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`);
  else if (isAppError(e))
    console.error(`error: ${describeError(e)}${e.message !== e.code ? `\n  (${e.message})` : ""}`);
  else console.error(`error: ${(e as Error).message}`);
  process.exitCode = 2;
} finally {
  await closePools();
  await db.stop();
}
