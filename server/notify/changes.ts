import { eq } from "drizzle-orm";
import { clientDisplayName } from "@/server/clients/sql";
import { clientObservers } from "@/server/coachings/observers";
import type { ChangeListener } from "@/server/resources/changes";
import { notify } from "./emit";

/** Audit keys that are bookkeeping, not something a colleague changed. */
const NOT_FIELDS = new Set(["version", "modifiedAt"]);

/**
 * After a change of a row that `notifies` (a client, a coaching, a note), the client's observers
 * get "Hubert Huppertz modified DUBOIS Marie (123)" with the changed fields, each in their language.
 */
export const notifyClientObservers: ChangeListener = async (tx, ctx, change) => {
  const about = change.resource.notifies;
  if (!about) return;
  const { t } = ctx.handle;
  const table = change.resource.table(t);
  const [row] = await tx
    .select({ clientId: about.client(t) })
    .from(table)
    .where(eq(change.resource.pk(t), change.id));
  const clientId = row?.clientId as number | null | undefined;
  if (!clientId) return;
  const [client] = await tx
    .select({ name: clientDisplayName(t.partners) })
    .from(t.partners)
    .where(eq(t.partners.id, clientId));
  const observers = await clientObservers({ db: tx, t }, clientId);
  const who = `${ctx.user.firstName} ${ctx.user.lastName}`.trim() || ctx.user.username;
  const fields = Object.keys(change.changes).filter((k) => !NOT_FIELDS.has(k) && change.resource.fields[k]);
  const transition = change.verb.startsWith("transition.")
    ? change.resource.workflow?.transitions.find((tr) => `transition.${tr.name}` === change.verb)
    : undefined;
  await notify(
    tx,
    ctx.handle,
    ctx.user.realUser?.id ?? ctx.user.id,
    observers.map((o) => o.id),
    {
      type: about.type,
      owner: { type: "client", id: clientId },
      compose: (tr) => {
        const what = tr(about.what, { client: client?.name ?? `#${clientId}` });
        const subject = transition
          ? tr("notify.subjects.transition", { user: who, action: tr(transition.label), what })
          : tr(change.verb === "create" ? "notify.subjects.created" : "notify.subjects.modified", { user: who, what });
        const body =
          change.verb === "update" && fields.length
            ? tr("notify.changedFields", { fields: fields.map((f) => tr(change.resource.fields[f]!.label)).join(", ") })
            : "";
        return { subject, body };
      },
    },
  );
};
