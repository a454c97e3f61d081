/**
 * Encoding of values for `COPY … FROM STDIN` in Postgres' text format: columns separated by a
 * tab, rows by a newline, NULL written as `\N`, and backslash, tab, newline and carriage return
 * escaped with a backslash. See https://www.postgresql.org/docs/current/sql-copy.html (Text Format).
 */
export type CopyValue = string | number | boolean | Date | null | undefined;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export class UncopyableValueError extends Error {
  constructor(value: number) {
    super(`cannot COPY the non-finite number ${String(value)}`);
    this.name = 'UncopyableValueError';
  }
}

/** Encodes one field. Numbers use JavaScript's shortest round-trip form, which float8 parses exactly. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UncopyableValueError(value);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return value.replace(/[\\\t\n\r]/g, (char) => ESCAPES[char] ?? char);
}

/** Encodes one row, newline included. */
export function copyRow(values: readonly CopyValue[]): string {
  return values.map(copyField).join('\t') + '\n';
}
