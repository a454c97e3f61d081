import { matchesIfNoneMatch, serialize } from './serialized-response';

describe('serialized responses', () => {
  it('tags equal bodies alike and different bodies differently', () => {
    const a = serialize({ n: 1 });
    expect(a.body.toString('utf8')).toBe('{"n":1}');
    expect(serialize({ n: 1 }).etag).toBe(a.etag);
    expect(serialize({ n: 2 }).etag).not.toBe(a.etag);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    const { etag } = serialize({ n: 1 });
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
    expect(matchesIfNoneMatch(`"other", W/${etag}`, etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', etag)).toBe(false);
  });
});
