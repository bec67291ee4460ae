import { announceTopic } from "@/server/notify/live";
import type { TenantHandle } from "@/server/tenancy/tenant-db";

/** The live topic of the waiting room: check-ins, receptions and checkouts of a centre's guests (§11). */
export const WAITING_ROOM = "reception";

/**
 * Tells every open waiting-room list, widget and board of the centre, at commit, that the waiting
 * room changed; `waitingFor` is the agent someone has just started waiting for (their alert).
 */
export const announceWaitingRoom = (
  tx: Pick<TenantHandle["db"], "execute">,
  tenantId: string,
  waitingFor?: number | null,
) => announceTopic(tx, tenantId, WAITING_ROOM, waitingFor ? { waitingFor } : {});
