import { CopyBinaryEncoder } from './copy-binary-format';

describe('CopyBinaryEncoder', () => {
  it('writes the signature, flags and extension length, then the -1 trailer', () => {
    const bytes = new CopyBinaryEncoder().header().trailer().take();
    expect(bytes.toString('hex')).toBe('5047434f50590aff0d0a00' + '00000000' + '00000000' + 'ffff');
  });

  it('writes each field as its length and send form, NULL as length -1', () => {
    const bytes = new CopyBinaryEncoder().row(4).int4(-2).float8(1.5).float8(null).text('日').take();
    expect(bytes.toString('hex')).toBe(
      '0004' + '00000004fffffffe' + '000000083ff8000000000000' + 'ffffffff' + '00000003e697a5',
    );
  });

  it('writes timestamptz as microseconds since 2000-01-01 UTC, before and after it', () => {
    const at = (iso: string): string =>
      new CopyBinaryEncoder().timestamptz(new Date(iso)).take().subarray(4).readBigInt64BE().toString();
    expect(at('2000-01-01T00:00:00.000Z')).toBe('0');
    expect(at('2000-01-01T00:00:00.001Z')).toBe('1000');
    expect(at('1999-12-31T23:59:59.999Z')).toBe('-1000');
    expect(at('2025-01-31T23:30:00+08:00')).toBe(
      String((Date.parse('2025-01-31T15:30:00Z') - 946_684_800_000) * 1000),
    );
    expect(at('1970-01-01T00:00:00Z')).toBe('-946684800000000');
  });

  it('grows past its initial size and starts over after take', () => {
    const encoder = new CopyBinaryEncoder(64);
    for (let i = 0; i < 100; i += 1) encoder.row(1).int4(i);
    const first = encoder.take();
    expect(first).toHaveLength(100 * 10);
    expect(first.readInt32BE(first.length - 4)).toBe(99);
    expect(encoder.length).toBe(0);
    expect(encoder.row(1).int4(7).take()).toHaveLength(10);
  });
});
