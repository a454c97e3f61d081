/**
 * Injectable faults, so connectors and the ingest worker can be tested against the failures real
 * portals produce. Every fault is deterministic: counted per request, never random or timed.
 *
 * Faults come from three places: `startDemoPortal({ faults })`, `POST /_admin/faults`, and a path
 * prefix `/_faults/<spec>/…` whose spec is a comma-separated list:
 *
 * | spec            | effect                                                        |
 * |-----------------|---------------------------------------------------------------|
 * | `500`, `503x3`  | that status for the first 1 (or 3) requests                   |
 * | `429x2`         | 429 with `Retry-After` for the first 2 requests               |
 * | `retry-after=5` | the `Retry-After` seconds of 429s in the same spec            |
 * | `slow=300`      | every response delayed by 300 ms                              |
 * | `truncate`, `truncatex2` | body cut mid-way and the socket destroyed (first 1 or 2) |
 * | `malformed=7`   | every 7th row gets a non-numeric value or loses a field        |
 * | `charset`       | the Content-Type declares the wrong charset                   |
 * | `missing=col`   | column `col` (default: the first numeric column) is dropped    |
 */

export const FAULT_KINDS = [
  'error',
  'rate_limit',
  'slow',
  'truncate',
  'malformed',
  'charset',
  'missing_column',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** Dataset id, or a path prefix such as `/ckan/`; absent = every data request. */
  target?: string;
  /** For `error`, `rate_limit` and `truncate`: how many matching requests fail (default 1). */
  times?: number;
  /** For `error`: the HTTP status (default 500). */
  status?: number;
  /** For `rate_limit`: the `Retry-After` seconds (default 1). */
  retryAfterSeconds?: number;
  /** For `slow`: delay in milliseconds. */
  delayMs?: number;
  /** For `malformed`: every n-th row is damaged (default 10). */
  every?: number;
  /** For `missing_column`: the column to drop. */
  column?: string;
}

/** Raised for a fault spec that cannot be parsed or validated. */
export class FaultSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultSpecError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalNumber = (v: unknown, name: string): number | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new FaultSpecError(`${name} must be a non-negative number`);
  return v;
};
const optionalString = (v: unknown, name: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new FaultSpecError(`${name} must be a string`);
  return v;
};

/** Validates a fault spec received as JSON (admin endpoint). */
export function toFaultSpec(value: unknown): FaultSpec {
  if (!isRecord(value)) throw new FaultSpecError('a fault must be an object');
  const kind = value['kind'];
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new FaultSpecError(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  return {
    kind: kind as FaultKind,
    target: optionalString(value['target'], 'target'),
    times: optionalNumber(value['times'], 'times'),
    status: optionalNumber(value['status'], 'status'),
    retryAfterSeconds: optionalNumber(value['retryAfterSeconds'], 'retryAfterSeconds'),
    delayMs: optionalNumber(value['delayMs'], 'delayMs'),
    every: optionalNumber(value['every'], 'every'),
    column: optionalString(value['column'], 'column'),
  };
}

/** Parses the `<spec>` of a `/_faults/<spec>/…` path. */
export function parseFaultPath(spec: string): FaultSpec[] {
  const faults: FaultSpec[] = [];
  let retryAfter: number | undefined;
  for (const raw of decodeURIComponent(spec).split(/[,+]/)) {
    const item = raw.trim().toLowerCase();
    if (item === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^(5\d\d|4(?:0[0-9]|1[0-9]|2[0-8]))(?:x(\d+))?$/.exec(item))) {
      faults.push({ kind: 'error', status: Number(m[1]), times: Number(m[2] ?? '1') });
    } else if ((m = /^429(?:x(\d+))?$/.exec(item))) {
      faults.push({ kind: 'rate_limit', times: Number(m[1] ?? '1') });
    } else if ((m = /^retry-after=(\d+)$/.exec(item))) {
      retryAfter = Number(m[1]);
    } else if ((m = /^slow=(\d+)$/.exec(item))) {
      faults.push({ kind: 'slow', delayMs: Number(m[1]) });
    } else if ((m = /^truncate(?:x(\d+))?$/.exec(item))) {
      faults.push({ kind: 'truncate', times: Number(m[1] ?? '1') });
    } else if ((m = /^malformed(?:=(\d+))?$/.exec(item))) {
      faults.push({ kind: 'malformed', every: Number(m[1] ?? '10') });
    } else if (item === 'charset') {
      faults.push({ kind: 'charset' });
    } else if ((m = /^missing(?:=(.+))?$/.exec(raw.trim()))) {
      faults.push({ kind: 'missing_column', column: m[1] });
    } else {
      throw new FaultSpecError(`unknown fault "${raw}"`);
    }
  }
  if (retryAfter !== undefined) {
    for (const f of faults) if (f.kind === 'rate_limit') f.retryAfterSeconds = retryAfter;
  }
  return faults;
}

/** What a request must suffer, decided once when it arrives. */
export interface RequestFaults {
  /** Answer with this status instead of the data. */
  status?: { code: number; retryAfterSeconds?: number };
  delayMs: number;
  truncate: boolean;
  malformedEvery?: number;
  wrongCharset: boolean;
  missingColumn?: { column?: string };
}

/**
 * Holds configured faults and their counters. `decide` is called once per data request with the
 * dataset id and path; counting faults (`error`, `rate_limit`, `truncate`) are consumed in order.
 */
export class FaultBook {
  private faults: FaultSpec[];
  private readonly used = new Map<string, number>();

  constructor(initial: ReadonlyArray<FaultSpec> = []) {
    this.faults = [...initial];
  }

  /** Replaces the configured faults and resets all counters. */
  replace(faults: ReadonlyArray<FaultSpec>): void {
    this.faults = [...faults];
    this.used.clear();
  }

  list(): FaultSpec[] {
    return [...this.faults];
  }

  /**
   * Decides the faults of one request: configured ones matching the dataset or path, plus the
   * path-prefix ones (`scope` distinguishes their counters per prefix and path).
   */
  decide(
    datasetId: string | undefined,
    path: string,
    prefixFaults: ReadonlyArray<FaultSpec>,
    prefixScope: string,
  ): RequestFaults {
    const result: RequestFaults = { delayMs: 0, truncate: false, wrongCharset: false };
    const apply = (fault: FaultSpec, counterKey: string): void => {
      const counted = fault.kind === 'error' || fault.kind === 'rate_limit' || fault.kind === 'truncate';
      if (counted) {
        if (result.status) return;
        const used = this.used.get(counterKey) ?? 0;
        if (used >= (fault.times ?? 1)) return;
        this.used.set(counterKey, used + 1);
      }
      switch (fault.kind) {
        case 'error':
          result.status = { code: fault.status ?? 500 };
          break;
        case 'rate_limit':
          result.status = { code: 429, retryAfterSeconds: fault.retryAfterSeconds ?? 1 };
          break;
        case 'truncate':
          result.truncate = true;
          break;
        case 'slow':
          result.delayMs += fault.delayMs ?? 0;
          break;
        case 'malformed':
          result.malformedEvery = Math.max(1, fault.every ?? 10);
          break;
        case 'charset':
          result.wrongCharset = true;
          break;
        case 'missing_column':
          result.missingColumn = { column: fault.column };
          break;
      }
    };
    this.faults.forEach((fault, i) => {
      const matches = !fault.target || fault.target === datasetId || path.startsWith(fault.target);
      if (matches) apply(fault, `configured:${i}`);
    });
    prefixFaults.forEach((fault, i) => apply(fault, `prefix:${prefixScope}:${i}`));
    return result;
  }
}
