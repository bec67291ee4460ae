import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const SLAPD = "/usr/sbin/slapd";
const MODULES = "/usr/lib/ldap";
const SCHEMAS = ["core", "cosine", "inetorgperson", "nis"].map((s) => `/etc/ldap/schema/${s}.schema`);

export const BASE_DN = "dc=cpas-test,dc=be";
const PLACEHOLDER = `cn=nobody,${BASE_DN}`;
export const usersDn = `ou=users,${BASE_DN}`;
export const groupsDn = `ou=groups,${BASE_DN}`;
export const userDn = (uid: string) => `uid=${uid},${usersDn}`;
export const groupDn = (cn: string) => `cn=${cn},${groupsDn}`;

/** Seeded users: uid → password and the one group each belongs to. */
export const USERS = {
  hubert: { givenName: "Hubert", sn: "Huppertz", password: "Hubert-pw-1", group: "entraide-integration" },
  theresia: { givenName: "Theresia", sn: "Thelen", password: "Theresia-pw-1", group: "entraide-reception" },
  robin: { givenName: "Robin", sn: "Rood", password: "Robin-pw-1", group: "entraide-admins" },
  nogroup: { givenName: "Nora", sn: "Nobody", password: "Nogroup-pw-1", group: "canteen" },
} as const;
export const GROUPS = ["entraide-integration", "entraide-reception", "entraide-admins", "canteen"] as const;
/** The account Entraide binds with to look users up: an ordinary entry, not the rootdn, so ACLs apply. */
export const SERVICE = { dn: `cn=entraide-service,${BASE_DN}`, password: "Service-pw-1" } as const;

export type Slapd = {
  url: string;
  port: number;
  baseDn: string;
  adminDn: string;
  adminPassword: string;
  /** Set when started with `tls: true`: StartTLS on `url`, implicit TLS on this one. */
  ldapsUrl?: string;
  caCertPem?: string;
  stop(): Promise<void>;
  /** Applies LDIF changes (changetype: add / modify / delete) as the directory's admin. */
  ldapModify(ldif: string): Promise<void>;
};

/** A free loopback port (there is a small window before slapd takes it; good enough for tests). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function userLdif(uid: string, person: { givenName: string; sn: string; password: string }): string {
  return [
    `dn: ${userDn(uid)}`,
    "objectClass: inetOrgPerson",
    `uid: ${uid}`,
    `cn: ${person.givenName} ${person.sn}`,
    `givenName: ${person.givenName}`,
    `sn: ${person.sn}`,
    `mail: ${uid}@cpas-test.be`,
    `userPassword: ${person.password}`,
    "",
  ].join("\n");
}

/** Starts a private OpenLDAP server on 127.0.0.1 with an AD-like tree: memberOf is kept up to date from groups' `member`. */
export async function startSlapd(options: { tls?: boolean } = {}): Promise<Slapd> {
  if (!existsSync(SLAPD)) throw new Error("slapd is not installed: apt-get install slapd ldap-utils");
  if (!existsSync(path.join(MODULES, "memberof.la")))
    throw new Error(`the memberof overlay is missing from ${MODULES}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "entraide-slapd-"));
  try {
    const adminDn = `cn=admin,${BASE_DN}`;
    const adminPassword = "admin-secret";
    const rootpw = (await run("slappasswd", ["-s", adminPassword])).stdout.trim();
    const tls = options.tls ? await makeCertificates(dir) : undefined;
    await mkdir(path.join(dir, "db"));
    await writeFile(
      path.join(dir, "slapd.conf"),
      [
        ...SCHEMAS.map((s) => `include ${s}`),
        `pidfile ${dir}/slapd.pid`,
        `argsfile ${dir}/slapd.args`,
        `modulepath ${MODULES}`,
        "moduleload back_mdb",
        "moduleload memberof",
        "moduleload refint",
        // Like AD, accept a DN with an empty password as an anonymous ("unauthenticated") bind, so the
        // tests prove the client refuses empty passwords itself.
        "allow bind_anon_dn",
        ...(tls
          ? [
              `TLSCACertificateFile ${tls.caFile}`,
              `TLSCertificateFile ${tls.certFile}`,
              `TLSCertificateKeyFile ${tls.keyFile}`,
            ]
          : []),
        "database mdb",
        `suffix "${BASE_DN}"`,
        `rootdn "${adminDn}"`,
        `rootpw ${rootpw}`,
        `directory ${dir}/db`,
        "maxsize 104857600",
        // Passwords are only usable for binding; the rest needs an authenticated session, as in AD.
        "access to attrs=userPassword by self write by anonymous auth by * none",
        "access to * by users read by * none",
        "overlay memberof",
        "overlay refint",
        "refint_attributes member",
        `refint_nothing ${PLACEHOLDER}`,
        "",
      ].join("\n"),
    );

    const port = await freePort();
    const ldapsPort = tls ? await freePort() : undefined;
    const url = `ldap://127.0.0.1:${port}`;
    const urls = [url, ...(ldapsPort ? [`ldaps://127.0.0.1:${ldapsPort}`] : [])].map((u) => `${u}/`).join(" ");
    // -d 0 keeps slapd in the foreground: we own its pid and see why it exits early.
    const child = spawn(SLAPD, ["-f", path.join(dir, "slapd.conf"), "-h", urls, "-d", "0"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    let running = true;
    void exited.then(() => (running = false));

    const stop = async () => {
      if (running) {
        child.kill("SIGTERM");
        const forced = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(forced);
      }
      await rm(dir, { recursive: true, force: true });
    };
    try {
      await waitForPort(
        port,
        () => running,
        () => stderr,
      );
      if (ldapsPort)
        await waitForPort(
          ldapsPort,
          () => running,
          () => stderr,
        );
      const asAdmin = ["-x", "-H", url, "-D", adminDn, "-w", adminPassword];
      const ldapModify = (ldif: string) => runWithInput("ldapmodify", asAdmin, ldif);
      await runWithInput("ldapadd", asAdmin, seedLdif());
      const caCertPem = tls ? await readFile(tls.caFile, "utf8") : undefined;
      return {
        url,
        port,
        baseDn: BASE_DN,
        adminDn,
        adminPassword,
        ldapsUrl: ldapsPort ? `ldaps://127.0.0.1:${ldapsPort}` : undefined,
        caCertPem,
        stop,
        ldapModify,
      };
    } catch (e) {
      await stop();
      throw e;
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

function seedLdif(): string {
  const entries = [
    `dn: ${BASE_DN}\nobjectClass: dcObject\nobjectClass: organization\ndc: cpas-test\no: CPAS test\n`,
    `dn: ${usersDn}\nobjectClass: organizationalUnit\nou: users\n`,
    `dn: ${groupsDn}\nobjectClass: organizationalUnit\nou: groups\n`,
    `dn: ${SERVICE.dn}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: entraide-service\nuserPassword: ${SERVICE.password}\n`,
    ...Object.entries(USERS).map(([uid, person]) => userLdif(uid, person)),
    ...GROUPS.map((cn) => {
      const members = Object.entries(USERS)
        .filter(([, p]) => p.group === cn)
        .map(([uid]) => `member: ${userDn(uid)}`);
      // groupOfNames needs one member at least; the dangling placeholder lets tests empty a group as in AD.
      return [
        `dn: ${groupDn(cn)}`,
        "objectClass: groupOfNames",
        `cn: ${cn}`,
        `member: ${PLACEHOLDER}`,
        ...members,
        "",
      ].join("\n");
    }),
  ];
  return entries.join("\n");
}

async function waitForPort(port: number, alive: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!alive()) throw new Error(`slapd exited during start-up:\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`slapd did not listen on port ${port} within 10 s:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function runWithInput(command: string, args: string[], input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, (error, _stdout, stderr) =>
      error ? reject(new Error(`${command} failed: ${stderr || error.message}`)) : resolve(),
    );
    child.stdin?.end(input);
  });
}

/** A throw-away CA and a server certificate for 127.0.0.1, so StartTLS can be verified for real. */
async function makeCertificates(dir: string) {
  const f = (name: string) => path.join(dir, name);
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  await run("openssl", [
    "req",
    "-x509",
    ...ec,
    "-keyout",
    f("ca.key"),
    "-out",
    f("ca.pem"),
    "-days",
    "2",
    "-subj",
    "/CN=Entraide test CA",
  ]);
  await run("openssl", ["req", ...ec, "-keyout", f("server.key"), "-out", f("server.csr"), "-subj", "/CN=127.0.0.1"]);
  await writeFile(f("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  await run("openssl", [
    "x509",
    "-req",
    "-in",
    f("server.csr"),
    "-CA",
    f("ca.pem"),
    "-CAkey",
    f("ca.key"),
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    f("server.ext"),
    "-out",
    f("server.pem"),
  ]);
  return { caFile: f("ca.pem"), certFile: f("server.pem"), keyFile: f("server.key") };
}
