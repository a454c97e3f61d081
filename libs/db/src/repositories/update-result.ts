/**
 * Rows returned by an UPDATE/DELETE … RETURNING through `DataSource.query`. TypeORM's Postgres
 * driver hands those back as `[rows, rowCount]` (other statements as plain rows), so callers
 * unwrap here instead of counting the tuple's two elements as two rows.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return Array.isArray(result) ? (result as T[]) : [];
}
