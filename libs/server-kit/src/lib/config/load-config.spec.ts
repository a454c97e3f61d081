import { z } from 'zod';
import { ConfigError, loadConfig, splitList } from './load-config';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url(),
  MODE: z.enum(['a', 'b']).default('a'),
});

describe('loadConfig', () => {
  it('returns a typed object with defaults applied', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://u@h/db' });
    expect(config).toEqual({ PORT: 3000, DATABASE_URL: 'postgres://u@h/db', MODE: 'a' });
  });

  it('treats empty strings as unset so defaults still apply', () => {
    expect(loadConfig(schema, { DATABASE_URL: 'postgres://u@h/db', PORT: '  ' }).PORT).toBe(3000);
  });

  it('reports every invalid key at once', () => {
    let caught: unknown;
    try {
      loadConfig(schema, { PORT: 'x', MODE: 'c' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const keys = (caught as ConfigError).issues.map((i) => i.key).sort();
    expect(keys).toEqual(['DATABASE_URL', 'MODE', 'PORT']);
    expect((caught as ConfigError).message).toContain('DATABASE_URL');
  });

  it('splits comma lists', () => {
    expect(splitList(' a, b ,,c')).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toEqual([]);
  });
});
