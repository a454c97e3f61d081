import type { z } from 'zod';
import type { SourceFile } from '../loading/source-file';
import type { PathSegment } from './catalog-issue';
import type { IssueList } from './issue-list';

type AnySchema = z.core.$ZodType;

/** Strips wrappers (optional, default, preprocess pipes …) to reach the schema that holds keys. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in && def.out)
      current = def.in._zod.def.type === 'transform' ? def.out : def.in;
    else return current;
  }
  return current;
}

/** The keys an object schema at `path` accepts, for "unknown key" messages. */
function allowedKeysAt(root: AnySchema, path: readonly PathSegment[]): string[] {
  let schema = unwrap(root);
  for (const segment of path) {
    const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
    if (def.type === 'object' && def.shape && typeof segment === 'string' && def.shape[segment])
      schema = unwrap(def.shape[segment]);
    else if (def.type === 'array' && def.element) schema = unwrap(def.element);
    else return [];
  }
  const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** How a value read from YAML is shown in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
};

function bound(
  issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string },
  small: boolean,
): string {
  const limit = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array') return small ? `at least ${limit} item(s)` : `at most ${limit} item(s)`;
  if (issue.origin === 'string')
    return small ? `at least ${limit} character(s)` : `at most ${limit} character(s)`;
  const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
  return `a number ${op} ${limit}`;
}

/** What the schema wanted, in words, for the issue kinds that have a clear answer. */
function expectedFor(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return bound(issue, true);
    case 'too_big':
      return bound(issue, false);
    default:
      return undefined;
  }
}

/** One zod issue as a sentence: the problem, what was found and what was expected. */
function messageFor(issue: z.core.$ZodIssue, found: unknown): string {
  const expected = expectedFor(issue);
  if (found === undefined)
    return `is required (expected ${expected ?? issue.message.replace(/^expected /, '')})`;
  if (expected !== undefined) return `expected ${expected}, got ${describeValue(found)}`;
  return `${issue.message}, got ${describeValue(found)}`;
}

/**
 * Validates a parsed file against its strict schema. Every problem goes to `issues` (unknown keys
 * one by one, with the keys that are allowed there); returns the typed value only when the file
 * is valid.
 */
export function checkAgainstSchema<T>(
  schema: z.ZodType<T>,
  source: SourceFile,
  issues: IssueList,
): T | undefined {
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAt(schema, path);
      for (const key of issue.keys) {
        const hint = allowed.length > 0 ? ` (allowed here: ${allowed.join(', ')})` : '';
        issues.add(source, [...path, key], `unknown key "${key}"${hint}`, true);
      }
      continue;
    }
    issues.add(source, path, messageFor(issue, valueAt(source.data, path)));
  }
  return undefined;
}
