import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/server/env";
import { formatGsm } from "@/server/integrations/sms/gsm";
import { demoAccountSid, type CaughtSms } from "@/server/integrations/sms/fake";

export interface CaughtSmsView {
  file: string;
  date: string;
  from: string;
  to: string;
  body: string;
}

/**
 * The newest SMS the demo's provider caught for the centre (server/integrations/sms/fake.ts); null
 * when there is no such folder (not a demo). The folder is named from the centre's own id, never
 * from what its settings say, so a centre reads only its own.
 */
export async function caughtSms(tenantId: string, limit = 50): Promise<CaughtSmsView[] | null> {
  const dir = path.resolve(env().SMS_DIR, demoAccountSid(tenantId));
  if (!/^AC[0-9a-f]{32}$/.test(path.basename(dir)) || !existsSync(dir)) return null;
  const files = (await readdir(dir))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    files.map(async (file) => {
      const sms = JSON.parse(await readFile(path.join(dir, file), "utf8")) as CaughtSms;
      return { file, date: sms.dateCreated, from: sms.from, to: formatGsm(sms.to), body: sms.body };
    }),
  );
}
