/** What one request for a page brought back. */
export interface FetchedPage<R> {
  records: R[];
  /** Total number of records the server reports (CKAN `total`, ODS `total_count`). */
  total?: number;
  /** Explicit "there is more" flag (ArcGIS `exceededTransferLimit`). Wins over `total`. */
  more?: boolean;
  /** Next cursor or URL (cursor and link paging); null/empty ends paging. */
  next?: string | null;
}

/** A page handed to the mapping stage, with its position in the whole read. */
export interface Page<R> {
  records: R[];
  /** 0-based index of the page in this read. */
  index: number;
  /** 1-based row number of the first record of the page in this read. */
  firstRowNumber: number;
}

/** Limits shared by all paginators. */
export interface PagingLimits {
  pageSize: number;
  /** Never fetch more than this many pages (a safety stop against servers that ignore paging). */
  maxPages?: number;
  /** Servers that refuse offset + limit above a cap (OpenDataSoft: 10 000). */
  maxWindow?: number;
}

const HARD_PAGE_LIMIT = 100_000;

/**
 * Offset/limit paging. It terminates on the first of: an empty page, `more === false`, the
 * reported `total` reached, a short page (when neither `more` nor `total` is known), the page or
 * window cap. `_links.next`-style hints are deliberately ignored: CKAN's can point past the end.
 */
export async function* offsetPaginator<R>(
  fetchPage: (offset: number, limit: number) => Promise<FetchedPage<R>>,
  limits: PagingLimits,
): AsyncGenerator<Page<R>> {
  let offset = 0;
  for (let index = 0; index < (limits.maxPages ?? HARD_PAGE_LIMIT); index++) {
    const limit =
      limits.maxWindow !== undefined ? Math.min(limits.pageSize, limits.maxWindow - offset) : limits.pageSize;
    if (limit <= 0) return;
    const page = await fetchPage(offset, limit);
    if (page.records.length === 0) return;
    yield { records: page.records, index, firstRowNumber: offset + 1 };
    offset += page.records.length;
    if (page.more !== undefined) {
      if (!page.more) return;
    } else if (page.total !== undefined) {
      if (offset >= page.total) return;
    } else if (page.records.length < limit) {
      return;
    }
  }
}

/** Page-number paging (`?page=1&per_page=100`): stops on an empty or short page. */
export async function* pageNumberPaginator<R>(
  fetchPage: (page: number, size: number) => Promise<FetchedPage<R>>,
  limits: PagingLimits & { firstPage: number },
): AsyncGenerator<Page<R>> {
  let row = 1;
  for (let index = 0; index < (limits.maxPages ?? HARD_PAGE_LIMIT); index++) {
    const page = await fetchPage(limits.firstPage + index, limits.pageSize);
    if (page.records.length === 0) return;
    yield { records: page.records, index, firstRowNumber: row };
    row += page.records.length;
    if (
      page.more === false ||
      (page.total !== undefined && row > page.total) ||
      (page.more === undefined && page.records.length < limits.pageSize)
    )
      return;
  }
}

/**
 * Token paging (cursor or next-link): follows `next` until it is missing or empty, and stops if
 * a token repeats — a server that hands back the same cursor would otherwise loop forever.
 */
export async function* tokenPaginator<R>(
  fetchPage: (token: string | null) => Promise<FetchedPage<R>>,
  limits: Pick<PagingLimits, 'maxPages'>,
): AsyncGenerator<Page<R>> {
  const seen = new Set<string>();
  let token: string | null = null;
  let row = 1;
  for (let index = 0; index < (limits.maxPages ?? HARD_PAGE_LIMIT); index++) {
    const page = await fetchPage(token);
    if (page.records.length > 0) {
      yield { records: page.records, index, firstRowNumber: row };
      row += page.records.length;
    }
    const next = page.next ?? null;
    if (!next || seen.has(next) || page.records.length === 0) return;
    seen.add(next);
    token = next;
  }
}
