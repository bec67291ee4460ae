// Lino Welfare's user types and fine-grained roles, declared once: server guards, menus and the
// permission-matrix test all read this table. Source: domain-people §1.2–1.3 (Eupen role matrix).

export const USER_TYPES = [
  "000",
  "100",
  "110",
  "120",
  "200",
  "210",
  "220",
  "300",
  "400",
  "410",
  "420",
  "500",
  "510",
  "800",
  "900",
  "910",
] as const;
export type UserType = (typeof USER_TYPES)[number];
export const isUserType = (v: unknown): v is UserType =>
  typeof v === "string" && (USER_TYPES as readonly string[]).includes(v);

const ALL_BUT_ANONYMOUS = USER_TYPES.filter((t) => t !== "000");
const types = (list: string) => list.split(" ") as UserType[];

/** Which user types hold each role. */
export const ROLE_MATRIX = {
  SiteUser: ALL_BUT_ANONYMOUS,
  SimpleContactsUser: ALL_BUT_ANONYMOUS,
  ContactsUser: types("100 110 120 200 210 300 400 410 420 500 510 800 900 910"),
  ContactsStaff: types("110 120 210 410 420 800 900 910"),
  SocialUser: types("100 110 120 200 300 400 410 420 900 910"),
  SocialStaff: types("110 120 410 420 900 910"),
  SocialCoordinator: types("210 400 410"),
  IntegUser: types("100 110 120 420 900 910"),
  IntegrationStaff: types("110 120 420 900 910"),
  CareerUser: types("100 110 120 420 900 910"),
  CareerStaff: types("110 120 420 900 910"),
  /** Polls (domain-integ-money §1): see polls and answer them with clients; staff write the polls. Châtelet only. */
  PollsUser: types("100 110 120 200 300 400 410 420 900 910"),
  PollsStaff: types("110 120 410 420 900 910"),
  /** Immersion trainings (§2.7, Châtelet only): written by integration agents (IntegUser), configured by
   * IntegrationStaff, a client's read by social coordinators too (Lino: IntegUser or SocialCoordinator). */
  ImmersionUser: types("100 110 120 420 900 910"),
  ImmersionStaff: types("110 120 420 900 910"),
  ImmersionReader: types("100 110 120 210 400 410 420 900 910"),
  /** Proofs of job search (§2.8, Châtelet only): a client's for IntegUser, the global list for IntegrationStaff. */
  JobSearchUser: types("100 110 120 420 900 910"),
  JobSearchStaff: types("110 120 420 900 910"),
  NewcomersOperator: types("110 120 200 220 300 420 800 900 910"),
  NewcomersUser: types("120 200 220 300 420 900 910"),
  CoachingsUser: types("100 110 120 200 210 300 400 410 420 900 910"),
  CoachingsStaff: types("110 120 210 410 420 900 910"),
  OfficeUser: types("100 110 120 200 300 400 410 420 500 510 900 910"),
  OfficeOperator: types("110 120 200 210 220 300 410 420 800 900 910"),
  OfficeStaff: types("110 120 410 420 900 910"),
  GuestOperator: types("100 110 120 200 210 220 300 400 410 420 800 900 910"),
  NotesUser: ALL_BUT_ANONYMOUS,
  NotesStaff: types("110 120 420 900 910"),
  ExcerptsUser: types("100 110 120 210 220 400 410 420 500 510 800 900 910"),
  ExcerptsStaff: types("900 910"),
  BeIdUser: types("100 110 120 200 210 220 300 400 410 420 800 900 910"),
  AidsUser: types("100 110 120 200 210 300 400 410 420 500 510 800 900 910"),
  AidsStaff: types("110 120 210 410 420 500 510 800 900 910"),
  CheckdataUser: types("100 110 120 200 300 400 410 420 900 910"),
  AuthorshipTaker: types("210 220 400 410 800 900 910"),
  CBSSUser: types("100 110 120 200 210 300 400 410 420 900 910"),
  DebtsUser: types("120 300 420 900 910"),
  DebtsStaff: types("900 910"),
  LedgerUser: types("500 510 900 910"),
  LedgerStaff: types("510 900 910"),
  SepaUser: types("100 110 120 200 210 300 400 410 420 500 510 800 900 910"),
  SepaStaff: types("110 120 410 420 500 510 900 910"),
  Supervisor: types("800 900 910"),
  SiteSearcher: types("900 910"),
  /** Centre administration: users, directory settings, support access (900 and 910). */
  SiteAdmin: types("900 910"),
  /** May consult other users' national-register requests and the access log. */
  SecurityAdvisor: types("910"),
} as const satisfies Record<string, readonly UserType[]>;

export type Role = keyof typeof ROLE_MATRIX;
export const ROLES = Object.keys(ROLE_MATRIX) as Role[];

const rolesByType = new Map<UserType, ReadonlySet<Role>>(
  USER_TYPES.map((type) => [
    type,
    new Set(ROLES.filter((role) => (ROLE_MATRIX[role] as readonly UserType[]).includes(type))),
  ]),
);

export function rolesOf(type: UserType | null | undefined): ReadonlySet<Role> {
  return (type && rolesByType.get(type)) || new Set();
}

/**
 * Roles of parts only some centres use (Lino: a plugin installed in Châtelet's variant only), each
 * with the client field set that switches it on in the centre's settings; elsewhere no one has them.
 */
export const CENTRE_ROLES: Partial<Record<Role, string>> = {
  PollsUser: "chatelet",
  PollsStaff: "chatelet",
  ImmersionUser: "chatelet",
  ImmersionStaff: "chatelet",
  ImmersionReader: "chatelet",
  JobSearchUser: "chatelet",
  JobSearchStaff: "chatelet",
};

const centreRolesCache = new Map<string, ReadonlySet<Role>>();
/** The roles of a user type in a centre using these field sets: its roles less those of parts the centre does not use. */
export function rolesInCentre(type: UserType | null | undefined, fieldSets: readonly string[]): ReadonlySet<Role> {
  const all = rolesOf(type);
  const key = `${type}|${[...fieldSets].sort().join(",")}`;
  let roles = centreRolesCache.get(key);
  if (!roles) {
    roles = new Set([...all].filter((role) => !CENTRE_ROLES[role] || fieldSets.includes(CENTRE_ROLES[role]!)));
    centreRolesCache.set(key, roles);
  }
  return roles;
}

export function hasRole(type: UserType | null | undefined, role: Role): boolean {
  return rolesOf(type).has(role);
}

/** 420 is 120 for every permission, but never receives "change" notifications. */
export const MASKS_CHANGE_NOTIFICATIONS: ReadonlySet<UserType> = new Set(["420"]);
