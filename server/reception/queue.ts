/**
 * The position of a waiting visitor in the queue of their agent (domain-people §11): 1 + the
 * number of guests waiting for the same agent who started waiting earlier (the lower id first when
 * two started at the same instant). The lists compute it in SQL (`positionSql` in visitors.ts);
 * this is the rule as the unit tests and the board read it.
 */
export interface Waiting {
  id: number;
  agentId: number | null;
  waitingSince: Date;
}

export function queuePosition(visitor: Waiting, waiting: readonly Waiting[]): number {
  const earlier = waiting.filter(
    (w) =>
      w.id !== visitor.id &&
      w.agentId === visitor.agentId &&
      (w.waitingSince < visitor.waitingSince ||
        (w.waitingSince.getTime() === visitor.waitingSince.getTime() && w.id < visitor.id)),
  );
  return earlier.length + 1;
}
