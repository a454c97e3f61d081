/** Markers that mean "no value" in the portals we read (suppressed, not published, n/a). */
export const DEFAULT_NULL_MARKERS: readonly string[] = [
  '',
  '-',
  '—',
  '–',
  '..',
  '...',
  's',
  'NA',
  'N/A',
  'null',
];

/** Chinese magnitude suffixes: 万 = 10⁴, 亿 = 10⁸ (also 千 = 10³, 百万 = 10⁶, 万亿 = 10¹²). */
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

/** How to read a number out of a cell. */
export interface NumberReadOptions {
  /** `1,5` means 1.5 (and `.` groups thousands). */
  decimalComma?: boolean;
  /** Cells equal to one of these (after trimming) are null. */
  nullMarkers?: readonly string[];
  /** Honour 万 / 亿 suffixes (`3.2万` → 32 000). */
  unitMultipliers?: boolean;
}

/** Result of reading a cell as a number: a value, an explicit null, or a failure. */
export type NumberReading =
  | { kind: 'value'; value: number }
  | { kind: 'null' }
  | { kind: 'invalid'; text: string };

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number from a raw cell: numbers pass through, strings are trimmed, null markers give
 * null, thousands separators and `%` are dropped, decimal commas and 万/亿 are honoured.
 */
export function readNumber(raw: unknown, options: NumberReadOptions = {}): NumberReading {
  if (raw === null || raw === undefined) return { kind: 'null' };
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { kind: 'value', value: raw } : { kind: 'invalid', text: String(raw) };
  if (typeof raw === 'bigint') return { kind: 'value', value: Number(raw) };
  if (typeof raw === 'boolean') return { kind: 'value', value: raw ? 1 : 0 };
  if (typeof raw !== 'string') return { kind: 'invalid', text: JSON.stringify(raw) ?? String(raw) };
  // NFKC turns full-width digits and signs (１２３，４) into ASCII ones.
  const text = raw.normalize('NFKC').trim();
  const markers = options.nullMarkers ?? DEFAULT_NULL_MARKERS;
  if (text === '' || markers.includes(text)) return { kind: 'null' };
  let body = text.replace(/[\s\u00a0\u3000]/g, '');
  let factor = 1;
  if (options.unitMultipliers !== false) {
    for (const [suffix, multiplier] of MULTIPLIERS) {
      if (body.endsWith(suffix)) {
        factor = multiplier;
        body = body.slice(0, -suffix.length);
        break;
      }
    }
  }
  if (body.endsWith('%')) body = body.slice(0, -1);
  body = options.decimalComma
    ? body.replace(/\./g, '').replace(',', '.')
    : body.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!NUMBER_PATTERN.test(body)) return { kind: 'invalid', text };
  // Multiply via exponent arithmetic so 3.2万 is exactly 32000, not 32000.000000000004.
  const value = factor === 1 ? Number(body) : Number(`${body}e${Math.round(Math.log10(factor))}`);
  return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'invalid', text };
}

/** Reads a cell as text: null markers and empty strings give null, other values are trimmed strings. */
export function readText(raw: unknown, nullMarkers: readonly string[] = ['']): string | null {
  if (raw === null || raw === undefined) return null;
  const text = (
    typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw)
  ).trim();
  return text === '' || nullMarkers.includes(text) ? null : text;
}
