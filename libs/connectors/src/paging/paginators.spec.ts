import { type FetchedPage, offsetPaginator, pageNumberPaginator, tokenPaginator } from './paginators';

async function drain<T>(
  pages: AsyncIterable<{ records: T[]; firstRowNumber: number }>,
): Promise<{ records: T[]; firsts: number[] }> {
  const records: T[] = [];
  const firsts: number[] = [];
  for await (const page of pages) {
    records.push(...page.records);
    firsts.push(page.firstRowNumber);
  }
  return { records, firsts };
}

const data = Array.from({ length: 7 }, (_, i) => i + 1);

describe('offsetPaginator', () => {
  it('stops on total even when the server would keep answering', async () => {
    const calls: number[] = [];
    const fetch = async (offset: number, limit: number): Promise<FetchedPage<number>> => {
      calls.push(offset);
      // A server that wraps around would loop forever without the total check.
      return { records: data.slice(offset % 7, (offset % 7) + limit), total: 7 };
    };
    const out = await drain(offsetPaginator(fetch, { pageSize: 3 }));
    expect(out.records).toEqual(data);
    expect(out.firsts).toEqual([1, 4, 7]);
    expect(calls).toEqual([0, 3, 6]);
  });

  it('follows an explicit more flag over a short page', async () => {
    const pages = [[1, 2], [3], []];
    let i = 0;
    const out = await drain(
      offsetPaginator(async () => ({ records: pages[i++] ?? [], more: i < 2 }), { pageSize: 3 }),
    );
    expect(out.records).toEqual([1, 2, 3]);
  });

  it('stops on a short page when nothing else is known, and on an empty page', async () => {
    expect(
      (await drain(offsetPaginator(async (o, l) => ({ records: data.slice(o, o + l) }), { pageSize: 3 })))
        .records,
    ).toEqual(data);
    expect(
      (
        await drain(
          offsetPaginator(async (o, l) => ({ records: data.slice(0, 6).slice(o, o + l) }), { pageSize: 3 }),
        )
      ).records,
    ).toHaveLength(6);
  });

  it('respects a window cap and max pages', async () => {
    const windows: [number, number][] = [];
    await drain(
      offsetPaginator(
        async (o, l) => {
          windows.push([o, l]);
          return { records: Array.from({ length: l }, (_, k) => o + k) };
        },
        { pageSize: 4, maxWindow: 10 },
      ),
    );
    expect(windows).toEqual([
      [0, 4],
      [4, 4],
      [8, 2],
    ]);
    const capped = await drain(
      offsetPaginator(async (o, l) => ({ records: Array.from({ length: l }, (_, k) => o + k) }), {
        pageSize: 2,
        maxPages: 3,
      }),
    );
    expect(capped.records).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('pageNumberPaginator', () => {
  it('walks page numbers from the first page until a short page', async () => {
    const seen: number[] = [];
    const out = await drain(
      pageNumberPaginator(
        async (page, size) => {
          seen.push(page);
          return { records: data.slice((page - 1) * size, page * size) };
        },
        { pageSize: 3, firstPage: 1 },
      ),
    );
    expect(out.records).toEqual(data);
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('tokenPaginator', () => {
  it('follows tokens until none is given', async () => {
    const out = await drain(
      tokenPaginator(async (token) => {
        const start = token === null ? 0 : Number(token);
        return { records: data.slice(start, start + 3), next: start + 3 < 7 ? String(start + 3) : null };
      }, {}),
    );
    expect(out.records).toEqual(data);
  });

  it('stops when a token repeats', async () => {
    let calls = 0;
    const out = await drain(
      tokenPaginator(async () => {
        calls++;
        return { records: [calls], next: 'same' };
      }, {}),
    );
    expect(out.records).toEqual([1, 2]);
    expect(calls).toBe(2);
  });
});
