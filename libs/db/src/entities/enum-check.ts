/**
 * Builds the expression of a CHECK constraint that keeps a varchar column inside a closed set.
 *
 * Why not Postgres enum types: adding a value to an enum type cannot run inside a transaction on
 * older servers and cannot be undone by a `down` migration, while a CHECK constraint is dropped
 * and recreated like any other constraint.
 */
export function oneOf(column: string, values: readonly string[]): string {
  const list = values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
  return `"${column}" IN (${list})`;
}
