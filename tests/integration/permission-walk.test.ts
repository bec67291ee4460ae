// Walks every procedure of the app router × every user type × (own centre, foreign centre), and
// checks each answer against the guard the procedure declares (server/trpc/procedures.ts records
// its guards) and the role matrix (server/auth/user-types.ts). New routers are covered as soon as
// they are added to the app router; a procedure the walk cannot classify must be listed below.
//
// No resolver runs: each call goes through the procedure's own middleware chain (guards, input
// parsing, output check) exactly as tRPC's caller does, with the resolver replaced by a probe.
// "Allowed" means the call got past every guard: it reached the probe, or its (deliberately
// invalid) input was refused with BAD_REQUEST after the guards.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@/server/auth/session";
import { hasRole, USER_TYPES, type UserType } from "@/server/auth/user-types";
import { closePools } from "@/server/db/pool";
import { ERRORS, isAppError } from "@/server/errors";
import { authenticateOperator, createOperator } from "@/server/operator/accounts";
import { OPERATOR_COOKIE, signOperatorSession } from "@/server/operator/session";
import { supportClaimsFor } from "@/server/support/session";
import { grantSupport } from "@/server/support/grants";
import type { Tenant } from "@/server/tenancy/registry";
import { tenantHandle } from "@/server/tenancy/tenant-db";
import { createInnerContext, type Context } from "@/server/trpc/context";
import { guardsOf, type Guard } from "@/server/trpc/procedures";
import { appRouter } from "@/server/trpc/root";
import { useEveryFieldSet } from "./factories";
import { centreHost, consoleHost, newCentre, newUser, uniqueSlug } from "./helpers";

afterAll(closePools);

type Middleware = (opts: Record<string, unknown>) => Promise<{ ok: boolean; error?: TRPCError }>;
type Procedure = { _def: { type: "query" | "mutation" | "subscription"; middlewares: Middleware[]; meta?: unknown } };

/** Procedures anyone may call, on purpose (a new public procedure fails the walk until it is listed here). */
const PUBLIC: Record<string, string> = {
  "centre.info": "the centre's name and status, shown to visitors before they sign in",
};
/** Procedures the walk cannot judge from their guards, with the reason (none at present). */
const UNCLASSIFIED: Record<string, string> = {};

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>).sort(([a], [b]) =>
  a.localeCompare(b),
);

class ProbeReached extends Error {}
/** An input no procedure accepts: it is refused by the first input parser, after the guards before it. */
const INVALID_INPUT = Symbol("invalid input");

/** What a call of the procedure answers in that context, without running its resolver: "allowed" or the refusal's app code. */
async function probe(path: string, procedure: Procedure, ctx: Context): Promise<string> {
  const middlewares = procedure._def.middlewares;
  // tRPC appends the resolver as the last middleware; refuse to walk anything else.
  expect(middlewares.at(-1)?.name, `${path}: resolver is the last middleware`).toBe("resolveMiddleware");
  const chain: Middleware[] = [
    ...middlewares.slice(0, -1),
    async () => {
      throw new ProbeReached();
    },
  ];
  type Opts = { ctx: Context; input: unknown; getRawInput: () => Promise<unknown> };
  const call = async (index: number, opts: Opts): Promise<{ ok: boolean; error?: TRPCError }> => {
    try {
      return await chain[index]!({
        ...opts,
        path,
        type: procedure._def.type,
        meta: procedure._def.meta,
        signal: undefined,
        next: (n?: Partial<Opts>) =>
          call(index + 1, {
            ctx: n?.ctx ? { ...opts.ctx, ...n.ctx } : opts.ctx,
            input: n && "input" in n ? n.input : opts.input,
            getRawInput: n?.getRawInput ?? opts.getRawInput,
          }),
      });
    } catch (cause) {
      return {
        ok: false,
        error:
          cause instanceof TRPCError ? cause : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: cause as Error }),
      };
    }
  };
  const result = await call(0, { ctx, input: undefined, getRawInput: async () => INVALID_INPUT });
  if (result.ok) return "allowed";
  const { error } = result;
  if (error!.cause instanceof ProbeReached || error!.code === "BAD_REQUEST") return "allowed";
  if (isAppError(error!.cause)) return error!.cause.code;
  throw new Error(`${path}: unexpected ${error!.code}`, { cause: error });
}

type Kind = "public" | "operator" | "anonymous-centre" | "signed-in" | { role: Guard & { kind: "role" } };
function classify(path: string, procedure: Procedure): Kind | null {
  if (path in UNCLASSIFIED) return null;
  const guards = guardsOf(procedure);
  if (guards.length === 0) return "public";
  if (guards.some((g) => g.kind === "operator")) return "operator";
  const roles = guards.filter((g): g is Guard & { kind: "role" } => g.kind === "role");
  if (roles.length > 1) throw new Error(`${path}: several role guards; list it in UNCLASSIFIED with a reason`);
  if (roles.length === 1) return { role: roles[0]! };
  if (guards.some((g) => g.kind === "enrolling" || g.kind === "authed")) return "signed-in";
  return "anonymous-centre";
}

/** A refusal: the app code and the tRPC code (so HTTP status) it carries. */
const refusal = (code: string) => `${code}/${ERRORS[code as keyof typeof ERRORS] ?? "?"}`;
const outcome = (code: string) => (code === "allowed" ? code : refusal(code));

let own: Tenant;
let foreign: Tenant;
const contexts = new Map<UserType, Context>();
const foreignContexts = new Map<UserType, Context>();
let anonymous: Context;
let support: Context;
let operatorOnConsole: Context;
let operatorCookieOnCentre: Context;

beforeAll(async () => {
  [own, foreign] = [await newCentre("walk", "production"), await newCentre("walk-foreign", "production")];
  // Châtelet's field set too: its parts (polls) are on, so their procedures are walked.
  await Promise.all([useEveryFieldSet(own), useEveryFieldSet(foreign)]);
  for (const type of USER_TYPES) {
    contexts.set(
      type,
      await createInnerContext({ host: centreHost(own.slug), claims: (await newUser(own, type)).claims }),
    );
    // A session of the foreign centre (where the same user type exists) presented on this centre's host.
    foreignContexts.set(
      type,
      await createInnerContext({ host: centreHost(own.slug), claims: (await newUser(foreign, type)).claims }),
    );
  }
  anonymous = await createInnerContext({ host: centreHost(own.slug) });
  const email = `${uniqueSlug("walk")}@entraide.test`;
  await createOperator({ email, name: "Walker", password: "a long walking passphrase" }, "test");
  const operator = await authenticateOperator(email, "a long walking passphrase");
  const cookies = { [OPERATOR_COOKIE]: await signOperatorSession(operator) };
  operatorOnConsole = await createInnerContext({ host: consoleHost, cookies });
  operatorCookieOnCentre = await createInnerContext({ host: centreHost(own.slug), cookies });
  const grant = await grantSupport(
    tenantHandle(own),
    own,
    { actor: "test", actingFor: null },
    { id: 0, name: "Test" },
    { reason: "permission walk", hours: 1 },
  );
  const claims: SessionClaims = supportClaimsFor(own, grant.id, operator.id);
  support = await createInnerContext({ host: centreHost(own.slug), claims });
  expect(support.user?.support).toBeTruthy();
});

describe("permission walk over every procedure", () => {
  it("finds procedures and classifies each one", () => {
    expect(procedures.length).toBeGreaterThan(30);
    for (const [path, procedure] of procedures) {
      const kind = classify(path, procedure);
      if (kind === "public")
        expect(PUBLIC[path], `${path} is public: list it in PUBLIC with a reason, or guard it`).toBeTruthy();
      // A centre procedure reachable without signing in must be justified the same way.
      expect(
        kind,
        `${path} serves anonymous visitors of a centre: list it in UNCLASSIFIED with a reason, or guard it`,
      ).not.toBe("anonymous-centre");
    }
    for (const listed of [...Object.keys(PUBLIC), ...Object.keys(UNCLASSIFIED)])
      expect(
        procedures.map(([p]) => p),
        `${listed} is listed but no longer exists`,
      ).toContain(listed);
  });

  it("allows each user type exactly what its roles grant, on its own centre", async () => {
    const mismatches: string[] = [];
    for (const [path, procedure] of procedures) {
      const kind = classify(path, procedure);
      if (kind === null || kind === "public" || kind === "operator") continue;
      for (const type of USER_TYPES) {
        // 000 is Lino's "anonymous" type: it cannot sign in, so its session is no session.
        const expected =
          type === "000"
            ? refusal("UNAUTHORIZED")
            : kind === "signed-in" ||
                hasRole(type, (kind as { role: { role: Parameters<typeof hasRole>[1] } }).role.role)
              ? "allowed"
              : refusal("FORBIDDEN");
        const got = outcome(await probe(path, procedure, contexts.get(type)!));
        if (got !== expected) mismatches.push(`${path} as ${type}: expected ${expected}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("treats a session of another centre, and no session, as anonymous: UNAUTHORIZED everywhere but public procedures", async () => {
    const mismatches: string[] = [];
    for (const [path, procedure] of procedures) {
      const kind = classify(path, procedure);
      if (kind === null || kind === "public") continue;
      // Operator procedures do not exist on a centre's address.
      const expected = kind === "operator" ? refusal("NOT_FOUND") : refusal("UNAUTHORIZED");
      for (const [who, ctx] of [
        ...[...foreignContexts].map(([type, c]) => [`foreign ${type}`, c] as const),
        ["no session", anonymous] as const,
        ["operator cookie", operatorCookieOnCentre] as const,
      ]) {
        const got = outcome(await probe(path, procedure, ctx));
        if (got !== expected) mismatches.push(`${path} with ${who}: expected ${expected}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("keeps operator procedures to the console, for signed-in operators", async () => {
    const consoleAnonymous = await createInnerContext({ host: consoleHost });
    const mismatches: string[] = [];
    for (const [path, procedure] of procedures) {
      if (classify(path, procedure) !== "operator") continue;
      for (const [who, ctx, expected] of [
        ["operator", operatorOnConsole, "allowed"],
        ["nobody", consoleAnonymous, refusal("UNAUTHORIZED")],
        ["centre admin", contexts.get("900")!, refusal("NOT_FOUND")],
      ] as const) {
        const got = outcome(await probe(path, procedure, ctx));
        if (got !== expected) mismatches.push(`${path} as ${who}: expected ${expected}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("lets an operator's support session read what an administrator reads, and refuses every mutation", async () => {
    const mismatches: string[] = [];
    for (const [path, procedure] of procedures) {
      const kind = classify(path, procedure);
      if (kind === null || kind === "public" || kind === "operator") continue;
      const asAdmin = outcome(await probe(path, procedure, contexts.get("900")!));
      const expected = procedure._def.type === "query" ? asAdmin : refusal("SUPPORT_READ_ONLY");
      const got = outcome(await probe(path, procedure, support));
      if (got !== expected) mismatches.push(`${path} as support: expected ${expected}, got ${got}`);
    }
    expect(mismatches).toEqual([]);
    expect(ERRORS.SUPPORT_READ_ONLY).toBe("FORBIDDEN");
  });
});
