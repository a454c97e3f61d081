import { MalformedBodyError, SchemaDriftError } from '../errors/source-errors';
import { readField } from '../mapping/field-path';

/** Parses a JSON text, turning syntax errors into {@link MalformedBodyError}. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new MalformedBodyError(
      `${what} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

/** True for plain JSON objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The records array at `path` ('' or undefined: the document itself). Array elements that are
 * arrays (positional rows) are kept as `{ c1, c2, … }`; a missing array is schema drift.
 */
export function recordsAt(
  document: unknown,
  path: string | undefined,
  what: string,
): Record<string, unknown>[] {
  const value = path ? (isRecord(document) ? readField(document, path) : undefined) : document;
  if (!Array.isArray(value)) {
    throw new SchemaDriftError(
      `${what}: expected an array of records at "${path || '(top level)'}", found ${describeJson(value)}`,
    );
  }
  return value.map(toRecord);
}

/** An array element as a record: objects as they are, positional rows as `{ c1, c2, … }`, scalars as `{ value }`. */
export function toRecord(item: unknown): Record<string, unknown> {
  if (isRecord(item)) return item;
  if (Array.isArray(item)) return Object.fromEntries(item.map((cell: unknown, i) => [`c${i + 1}`, cell]));
  return { value: item };
}

/** Short description of a JSON value for error messages. */
export function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? `an object with keys ${Object.keys(value).slice(0, 8).join(', ')}`
    : `a ${typeof value}`;
}
