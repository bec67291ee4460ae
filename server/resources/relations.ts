/**
 * A foreign key of a centre's table, declared by the area that holds it, with what becomes of the
 * referring rows when the row they point to goes (Lino's volatile dependants and protected
 * references, domain-people §0 "Cascade rules"):
 * - `protect`: the deletion is refused, naming how many such rows of which kind stand in the way;
 * - `volatile`: the rows are part of the row they point to (a client's addresses, a household's
 *   members); they are shown before the deletion, deleted with it and kept in its snapshot;
 * - `part`: the row is the same record's own continuation in a table of its kind (a household's
 *   row beside its partner row): it goes, is kept and comes back with the record like a volatile
 *   row, but the dialog does not list it as something else going;
 * - `clear`: the column is emptied (a derived or replaceable pointer, e.g. a data problem's
 *   responsible user).
 * server/resources/deletion.ts does all three; the database backs it up: its foreign keys are
 * NO ACTION for `protect`, `volatile` and `part` (nothing ever cascades) and SET NULL for `clear`.
 * tests/integration/relations.test.ts compares these declarations with the database's catalogue,
 * so a new foreign key fails a test until its area says what happens to its rows.
 */
export interface Relation {
  /** The referring column as in the database: `<table>.<column>`, e.g. `coachings.client_id`. */
  from: string;
  /** The table it points to, e.g. `partners`. */
  to: string;
  onDelete: "protect" | "volatile" | "part" | "clear";
  /**
   * Message key counting the referring rows with an ICU plural of `count`, under `relations.*`
   * ("{count, plural, one {# coaching} other {# coachings}}"): what the deletion dialog and the
   * refusal say ("2 coachings").
   */
  label: string;
  /**
   * For a generic owner reference (a task or a data problem about "client 42"): the value of the
   * table's `owner_type` column under which `from` holds ids of the `to` table. No foreign key
   * guards such a column, so this declaration is all that keeps it from pointing nowhere.
   */
  ownerType?: string;
}

export const defineRelations = (relations: Relation[]): readonly Relation[] => relations;
