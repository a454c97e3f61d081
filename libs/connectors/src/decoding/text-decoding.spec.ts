import * as iconv from 'iconv-lite';
import { EncodingError } from '../errors/source-errors';
import { csvRecords } from './csv-records';
import { decodeBuffer, decodeText, sniffEncoding } from './text-decoding';

async function* chunks(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function text(parts: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const part of parts) out += part;
  return out;
}

describe('decodeText', () => {
  const chinese = '地区,2020年3月\n北京市,97.6\n内蒙古自治区,99.1\n';

  it('detects GBK with auto, even when chunks cut characters in half', async () => {
    const gbk = iconv.encode(chinese, 'gbk');
    expect(sniffEncoding(gbk).encoding).toBe('gb18030');
    expect(await text(decodeText(chunks(gbk, 3), 'auto'))).toBe(chinese);
  });

  it('strips a UTF-8 BOM and handles split multi-byte sequences', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese, 'utf8')]);
    expect(await text(decodeText(chunks(bytes, 2), 'auto'))).toBe(chinese);
    expect(await text(decodeText(chunks(bytes, 5), 'utf-8'))).toBe(chinese);
  });

  it('refuses GBK declared as UTF-8 and UTF-8 declared as GBK', async () => {
    await expect(decodeBuffer(iconv.encode(chinese, 'gbk'), 'utf-8')).rejects.toBeInstanceOf(EncodingError);
    await expect(decodeBuffer(Buffer.from(chinese, 'utf8'), 'gbk')).rejects.toThrow(
      /valid UTF-8 text; declare utf-8 or auto/,
    );
  });

  it('decodes declared GB18030 and plain ASCII as either', async () => {
    expect(await decodeBuffer(iconv.encode(chinese, 'gb18030'), 'gb18030')).toBe(chinese);
    expect(await decodeBuffer(Buffer.from('a,b\n1,2\n'), 'gbk')).toBe('a,b\n1,2\n');
  });
});

describe('csvRecords', () => {
  async function records(input: string, layout: Partial<Parameters<typeof csvRecords>[1]> = {}) {
    const out: { rowNumber: number; record: Record<string, string> }[] = [];
    async function* src() {
      yield input;
    }
    for await (const r of csvRecords(src(), {
      headerRow: true,
      skipPreambleLines: 0,
      skipFooterRows: 0,
      ...layout,
    }))
      out.push(r);
    return out;
  }

  it('skips preamble lines and footer records, including a multi-line quoted footnote', async () => {
    const input =
      '数据库：分省月度数据\n指标：x\n时间：2020\n地区,2020年3月,2020年2月\n北京市,,97.6\n天津市,,99.1\n"注：第一行\n第二行"\n数据来源：国家统计局\n';
    const out = await records(input, { skipPreambleLines: 3, skipFooterRows: 2 });
    expect(out).toEqual([
      { rowNumber: 1, record: { 地区: '北京市', '2020年3月': '', '2020年2月': '97.6' } },
      { rowNumber: 2, record: { 地区: '天津市', '2020年3月': '', '2020年2月': '99.1' } },
    ]);
  });

  it('detects `;` and TAB delimiters, handles CRLF, quotes and duplicate or spaced headers', async () => {
    expect(await records('\uFEFFA;B\r\n1;"x;y"\r\n')).toEqual([
      { rowNumber: 1, record: { A: '1', B: 'x;y' } },
    ]);
    expect(await records('a\tb\n1\t2\n')).toEqual([{ rowNumber: 1, record: { a: '1', b: '2' } }]);
    expect(await records('GRADE ,經度,經度\n0K,1,1\n')).toEqual([
      { rowNumber: 1, record: { GRADE: '0K', 經度: '1', 經度_2: '1' } },
    ]);
  });

  it('names columns c1, c2 without a header row', async () => {
    expect(await records('1,2\n3,4\n', { headerRow: false })).toEqual([
      { rowNumber: 1, record: { c1: '1', c2: '2' } },
      { rowNumber: 2, record: { c1: '3', c2: '4' } },
    ]);
  });
});
