import { and, eq } from "drizzle-orm";
import { AppError } from "@/server/errors";
import type { ResourceCtx } from "@/server/resources/define";
import { similarClients, type SimilarClient } from "../similar";

export interface SimilarClientsPanel {
  similar: SimilarClient[];
  /** The client's own phonetic words (Lino shows them under the links). */
  phoneticWords: string[];
}

/** Panel "Similar clients" of a client's detail (domain-people §5): links to the likely duplicates. */
export async function similarClientsPanel(ctx: ResourceCtx, clientId: number): Promise<SimilarClientsPanel> {
  const { db, t } = ctx.handle;
  const p = t.partners;
  const [client] = await db
    .select({
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      nationalId: p.nationalId,
      birthDate: p.birthDate,
      phoneticWords: p.phoneticWords,
    })
    .from(p)
    .where(and(eq(p.id, clientId), eq(p.isClient, true)))
    .limit(1);
  if (!client) throw new AppError("NOT_FOUND");
  const similar = await similarClients(ctx.handle, {
    ...client,
    nationalId: client.nationalId || null,
    birthDate: client.birthDate || null,
    phoneticWords: client.phoneticWords ?? undefined,
  });
  return { similar, phoneticWords: client.phoneticWords ?? [] };
}
