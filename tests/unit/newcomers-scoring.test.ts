import { describe, expect, it } from "vitest";
import { facultyWeight, rank, type Candidate } from "@/server/newcomers/scoring";

// Hand-computed from domain-people §9.1: fw(U, X) = U's competence weight for X's faculty (10 when
// X has none or U has no competence for it), divided by quota/100; w(U) = Σ fw over U's new clients;
// hw(U) = fw(U, C); score = 100 × (w + hw) / Σ(w + hw), least loaded first.
const EIEI = 1;
const DSBE = 2;
const ALIENS = 3;

const agent = (
  name: string,
  quota: number,
  competences: [number, number][],
  newClients: [number | null, number][] = [],
): Candidate & { name: string } => ({
  name,
  quota,
  competences: new Map(competences),
  newClients: new Map(newClients),
});

describe("faculty weight fw(U, X)", () => {
  it("is the agent's own effort for the client's faculty at a full-time quota", () => {
    expect(facultyWeight(agent("a", 100, [[DSBE, 5]]), DSBE)).toBe(5);
  });
  it("counts double for an agent who gives half their time to newcomers", () => {
    expect(facultyWeight(agent("a", 50, [[DSBE, 5]]), DSBE)).toBe(10);
  });
  it("is 10 for a client without a faculty, or of a faculty the agent has no competence for", () => {
    expect(facultyWeight(agent("a", 100, [[DSBE, 5]]), null)).toBe(10);
    expect(facultyWeight(agent("a", 100, [[DSBE, 5]]), EIEI)).toBe(10);
    expect(facultyWeight(agent("a", 20, [[DSBE, 5]]), EIEI)).toBe(50);
  });
});

describe("available coaches' scoring", () => {
  it("ranks the agent with the least load after assignment first", () => {
    // Anna: 100 %, DSBE 5, no new client: w = 0, hw = 5.
    // Bert: 50 %, DSBE 5, one new EiEi client (no competence: 10 / 0.5 = 20): w = 20, hw = 5 / 0.5 = 10.
    // total = 5 + 30 = 35 → Anna 100 × 5 / 35 = 14.29 %, Bert 100 × 30 / 35 = 85.71 %.
    const ranked = rank([agent("Bert", 50, [[DSBE, 5]], [[EIEI, 1]]), agent("Anna", 100, [[DSBE, 5]])], DSBE);
    expect(ranked.map((r) => r.name)).toEqual(["Anna", "Bert"]);
    expect(ranked[0]).toMatchObject({ current: 0, added: 5 });
    expect(ranked[1]).toMatchObject({ current: 20, added: 10 });
    expect(ranked[0]!.score).toBeCloseTo(14.2857, 3);
    expect(ranked[1]!.score).toBeCloseTo(85.7143, 3);
  });

  it("weighs each new client with the agent's own effort for that client's faculty", () => {
    // Carla: 60 %, Aliens 3, two new Aliens clients: w = 2 × 3 / 0.6 = 10; hw = 3 / 0.6 = 5 → 15.
    // Dirk: 20 %, Aliens 4, no new client: w = 0, hw = 4 / 0.2 = 20 → 20.
    // total = 35 → Carla 42.86 %, Dirk 57.14 %: the busier part-timer still comes second.
    const ranked = rank([agent("Dirk", 20, [[ALIENS, 4]]), agent("Carla", 60, [[ALIENS, 3]], [[ALIENS, 2]])], ALIENS);
    expect(ranked.map((r) => [r.name, r.current, r.added])).toEqual([
      ["Carla", 10, 5],
      ["Dirk", 0, 20],
    ]);
    expect(ranked[0]!.score).toBeCloseTo(42.8571, 3);
    expect(ranked[1]!.score).toBeCloseTo(57.1429, 3);
  });

  it("counts a new client without a faculty as 10", () => {
    // Emil: 100 %, DSBE 5, one new client without faculty (10) and one DSBE (5): w = 15, hw = 5 → 20.
    // Fanny: 100 %, DSBE 5, nothing: w = 0, hw = 5 → 5. total 25 → Fanny 20 %, Emil 80 %.
    const ranked = rank(
      [
        agent(
          "Emil",
          100,
          [[DSBE, 5]],
          [
            [null, 1],
            [DSBE, 1],
          ],
        ),
        agent("Fanny", 100, [[DSBE, 5]]),
      ],
      DSBE,
    );
    expect(ranked.map((r) => [r.name, r.current, r.score])).toEqual([
      ["Fanny", 0, 20],
      ["Emil", 15, 80],
    ]);
  });

  it("without a client, adds the weight of a client without faculty (10, scaled by quota)", () => {
    // Gina 100 %: hw = 10; Hugo 50 %: hw = 20; total 30 → 33.33 % and 66.67 %.
    const ranked = rank([agent("Hugo", 50, []), agent("Gina", 100, [])], null);
    expect(ranked.map((r) => [r.name, r.added])).toEqual([
      ["Gina", 10],
      ["Hugo", 20],
    ]);
    expect(ranked[0]!.score).toBeCloseTo(33.3333, 3);
  });

  it("gives everybody 100 % when nobody carries any load (efforts of 0)", () => {
    const ranked = rank([agent("Ida", 100, [[DSBE, 0]]), agent("Jan", 50, [[DSBE, 0]])], DSBE);
    expect(ranked.map((r) => [r.name, r.score])).toEqual([
      ["Ida", 100],
      ["Jan", 100],
    ]);
  });
});
