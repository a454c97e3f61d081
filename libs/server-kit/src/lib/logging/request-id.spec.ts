import { resolveRequestId } from './request-id';

describe('resolveRequestId', () => {
  it('keeps a safe incoming id', () => {
    expect(resolveRequestId('abc-123')).toBe('abc-123');
  });
  it('replaces hostile or missing ids', () => {
    const id = resolveRequestId('x\n{"level":60}');
    expect(id).not.toContain('\n');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(resolveRequestId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
