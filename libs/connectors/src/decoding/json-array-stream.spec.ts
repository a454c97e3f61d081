import { MalformedBodyError, SchemaDriftError } from '../errors/source-errors';
import { jsonArrayElements } from './json-array-stream';

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function all(text: string, size = 3): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const element of jsonArrayElements(pieces(text, size), 'test')) out.push(element);
  return out;
}

describe('jsonArrayElements', () => {
  it('splits elements across chunk boundaries, with nested arrays, strings and escapes', async () => {
    const doc = '\uFEFF [{"a":"x,]}\\"y","b":[1,[2]]}\n,{"c":{"d":"\\u4e2d"}} , 3 ,"s"]\n';
    for (const size of [1, 2, 7, 100])
      expect(await all(doc, size)).toEqual([{ a: 'x,]}"y', b: [1, [2]] }, { c: { d: '中' } }, 3, 's']);
  });

  it('reads an empty array', async () => {
    expect(await all('[ ]')).toEqual([]);
  });

  it('refuses objects, cut arrays and trailing text', async () => {
    await expect(all('{"results":[]}')).rejects.toBeInstanceOf(SchemaDriftError);
    await expect(all('[{"a":1},{"b"')).rejects.toBeInstanceOf(MalformedBodyError);
    await expect(all('[1] x')).rejects.toBeInstanceOf(MalformedBodyError);
    await expect(all('[1,{oops}]')).rejects.toBeInstanceOf(MalformedBodyError);
  });
});
