/**
 * The workload scoring of "available coaches" (domain-people §9.1, Lino's `AvailableCoaches`), as
 * a pure function: the database reads what it needs, this decides who is least loaded.
 */

/** A newcomer without a faculty, or a faculty the agent has no competence for, weighs the most. */
export const MAX_WEIGHT = 10;

export interface Candidate {
  /** Newcomer quota in percent of working time (candidates have one above 0). */
  quota: number;
  /** The agent's own work effort per faculty id (their competences). */
  competences: ReadonlyMap<number, number>;
  /** How many new clients the agent has per faculty id (`null`: clients without a faculty). */
  newClients: ReadonlyMap<number | null, number>;
}

export interface Workload {
  /** w(U): the weight of the agent's new clients. */
  current: number;
  /** hw(U): what the client would add. */
  added: number;
  /** 100 × (w + hw) / Σ(w + hw) over all candidates: the share of the load after assignment. */
  score: number;
}

/** fw(U, X): the agent's effort for a client of that faculty, counted double for a 50 % agent. */
export function facultyWeight(agent: Pick<Candidate, "quota" | "competences">, facultyId: number | null): number {
  const weight = facultyId === null ? MAX_WEIGHT : (agent.competences.get(facultyId) ?? MAX_WEIGHT);
  return agent.quota === 0 ? weight : weight / (agent.quota / 100);
}

/**
 * Each candidate's workload for a client of `facultyId` (`null`: no client given), in the order of
 * `candidates`; `rank` sorts them least loaded first. With no load at all, every score is 100.
 */
export function workloads(candidates: readonly Candidate[], facultyId: number | null): Workload[] {
  const loads = candidates.map((agent) => {
    let current = 0;
    for (const [faculty, count] of agent.newClients) current += count * facultyWeight(agent, faculty);
    return { current, added: facultyWeight(agent, facultyId) };
  });
  const total = loads.reduce((sum, l) => sum + l.current + l.added, 0);
  return loads.map((l) => ({ ...l, score: total === 0 ? 100 : (100 * (l.current + l.added)) / total }));
}

/** Candidates with their workload, least loaded first; equal scores keep the given order. */
export function rank<C extends Candidate>(candidates: readonly C[], facultyId: number | null): (C & Workload)[] {
  const loads = workloads(candidates, facultyId);
  return candidates.map((c, i) => ({ ...c, ...loads[i]! })).sort((a, b) => a.score - b.score);
}
