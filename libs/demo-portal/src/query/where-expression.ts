import { CITY_UTC_OFFSET_MS, parseLocalDateTime } from '../city/city-calendar';
import type { CellValue, FieldType } from '../datasets/dataset';

/**
 * A small SQL-like filter language covering what the portals' query parameters accept in
 * practice: Socrata `$where`, ArcGIS `where`, OpenDataSoft ODSQL `where`. Comparisons, BETWEEN,
 * IN, LIKE, IS [NOT] NULL, AND / OR / NOT, parentheses, and typed literals (`date'2024-01-01'`,
 * `timestamp '2024-01-01 00:00:00'`). Date and timestamp fields compare as instants.
 */

/** Raised for a filter the demo portal cannot parse; portals answer it with HTTP 400. */
export class QuerySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

/** How the evaluator reads a named field of the current row. */
export type FieldResolver = (name: string) => { value: CellValue; type: FieldType } | undefined;
export type RowPredicate = (resolve: FieldResolver) => boolean;

type Token =
  | { kind: 'ident'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; text: string }
  | { kind: 'punct'; text: '(' | ')' | ',' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'" || ch === '"') {
      let text = '';
      i += 1;
      for (;;) {
        if (i >= input.length) throw new QuerySyntaxError('unterminated string literal');
        if (input[i] === ch && input[i + 1] === ch) {
          text += ch;
          i += 2;
        } else if (input[i] === ch) {
          i += 1;
          break;
        } else {
          text += input[i];
          i += 1;
        }
      }
      tokens.push({ kind: 'string', text });
    } else if (ch === '`') {
      const end = input.indexOf('`', i + 1);
      if (end < 0) throw new QuerySyntaxError('unterminated `identifier`');
      tokens.push({ kind: 'ident', text: input.slice(i + 1, end) });
      i = end + 1;
    } else if (
      /[0-9]/.test(ch) ||
      (ch === '-' && /[0-9]/.test(input[i + 1] ?? '') && !isOperand(tokens.at(-1)))
    ) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(input.slice(i));
      if (!m) throw new QuerySyntaxError(`bad number at ${i}`);
      tokens.push({ kind: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (/[<>=!]/.test(ch)) {
      const two = input.slice(i, i + 2);
      const op = ['<=', '>=', '!=', '<>'].includes(two) ? two : ch;
      if (op === '!') throw new QuerySyntaxError(`unexpected "!" at ${i}`);
      tokens.push({ kind: 'op', text: op === '<>' ? '!=' : op });
      i += op.length;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: 'punct', text: ch });
      i += 1;
    } else {
      const m = /^[\p{L}_:][\p{L}\p{N}_:.]*/u.exec(input.slice(i));
      if (!m) throw new QuerySyntaxError(`unexpected "${ch}" at ${i}`);
      tokens.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

function isOperand(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    (token.kind === 'ident' ||
      token.kind === 'number' ||
      token.kind === 'string' ||
      (token.kind === 'punct' && token.text === ')'))
  );
}

type Operand = { kind: 'field'; name: string } | { kind: 'literal'; value: CellValue; temporal: boolean };

const KEYWORDS = new Set(['and', 'or', 'not', 'between', 'in', 'is', 'null', 'like']);

/** Turns a date/time literal into an instant (the zone of zone-less text differs by portal). */
type InstantParser = (text: string) => number;

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly parseInstant: InstantParser,
  ) {}

  parse(): RowPredicate {
    const predicate = this.or();
    if (this.pos < this.tokens.length)
      throw new QuerySyntaxError(`unexpected token after expression at ${this.pos}`);
    return predicate;
  }

  private peekKeyword(word: string): boolean {
    const t = this.tokens[this.pos];
    return t?.kind === 'ident' && t.text.toLowerCase() === word;
  }

  private keyword(word: string): boolean {
    if (!this.peekKeyword(word)) return false;
    this.pos += 1;
    return true;
  }

  private expectPunct(text: '(' | ')' | ','): void {
    const t = this.tokens[this.pos];
    if (t?.kind !== 'punct' || t.text !== text) throw new QuerySyntaxError(`expected "${text}"`);
    this.pos += 1;
  }

  private or(): RowPredicate {
    let left = this.and();
    while (this.keyword('or')) {
      const l = left;
      const r = this.and();
      left = (resolve) => l(resolve) || r(resolve);
    }
    return left;
  }

  private and(): RowPredicate {
    let left = this.not();
    while (this.keyword('and')) {
      const l = left;
      const r = this.not();
      left = (resolve) => l(resolve) && r(resolve);
    }
    return left;
  }

  private not(): RowPredicate {
    if (this.keyword('not')) {
      const inner = this.not();
      return (resolve) => !inner(resolve);
    }
    const t = this.tokens[this.pos];
    if (t?.kind === 'punct' && t.text === '(') {
      this.pos += 1;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }

  private cmp(a: Operand, b: Operand, resolve: FieldResolver): number {
    return compare(a, b, resolve, this.parseInstant);
  }

  private operand(): Operand {
    const t = this.tokens[this.pos];
    if (!t) throw new QuerySyntaxError('unexpected end of filter');
    this.pos += 1;
    if (t.kind === 'number') return { kind: 'literal', value: t.value, temporal: false };
    if (t.kind === 'string') return { kind: 'literal', value: t.text, temporal: false };
    if (t.kind === 'ident') {
      const next = this.tokens[this.pos];
      const lower = t.text.toLowerCase();
      if ((lower === 'date' || lower === 'timestamp') && next?.kind === 'string') {
        this.pos += 1;
        return { kind: 'literal', value: next.text, temporal: true };
      }
      if (KEYWORDS.has(lower) && lower !== 'null')
        throw new QuerySyntaxError(`unexpected keyword "${t.text}"`);
      if (lower === 'null') return { kind: 'literal', value: null, temporal: false };
      return { kind: 'field', name: t.text };
    }
    throw new QuerySyntaxError('expected a field or a literal');
  }

  private comparison(): RowPredicate {
    const left = this.operand();
    if (this.keyword('is')) {
      const negate = this.keyword('not');
      if (!this.keyword('null')) throw new QuerySyntaxError('expected NULL after IS');
      return (resolve) => (valueOf(left, resolve).value === null) !== negate;
    }
    const negate = this.keyword('not');
    if (this.keyword('between')) {
      const lo = this.operand();
      if (!this.keyword('and')) throw new QuerySyntaxError('expected AND in BETWEEN');
      const hi = this.operand();
      return (resolve) => (this.cmp(left, lo, resolve) >= 0 && this.cmp(left, hi, resolve) <= 0) !== negate;
    }
    if (this.keyword('in')) {
      this.expectPunct('(');
      const items: Operand[] = [this.operand()];
      while (
        this.tokens[this.pos]?.kind === 'punct' &&
        (this.tokens[this.pos] as { text: string }).text === ','
      ) {
        this.pos += 1;
        items.push(this.operand());
      }
      this.expectPunct(')');
      return (resolve) => items.some((item) => this.cmp(left, item, resolve) === 0) !== negate;
    }
    if (this.keyword('like')) {
      const pattern = this.operand();
      return (resolve) => {
        const text = valueOf(left, resolve).value;
        const p = valueOf(pattern, resolve).value;
        if (text === null || p === null) return false;
        const re = new RegExp(
          `^${String(p)
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/%/g, '.*')
            .replace(/_/g, '.')}$`,
          'i',
        );
        return re.test(String(text)) !== negate;
      };
    }
    if (negate) throw new QuerySyntaxError('expected BETWEEN, IN or LIKE after NOT');
    const op = this.tokens[this.pos];
    if (op?.kind !== 'op') throw new QuerySyntaxError('expected a comparison operator');
    this.pos += 1;
    const right = this.operand();
    return (resolve) => {
      const c = this.cmp(left, right, resolve);
      if (Number.isNaN(c)) return false;
      switch (op.text) {
        case '=':
          return c === 0;
        case '!=':
          return c !== 0;
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        default:
          return c >= 0;
      }
    };
  }
}

interface Resolved {
  value: CellValue;
  temporal: boolean;
}

function valueOf(operand: Operand, resolve: FieldResolver): Resolved {
  if (operand.kind === 'literal') return { value: operand.value, temporal: operand.temporal };
  const found = resolve(operand.name);
  if (!found) throw new QuerySyntaxError(`no such column: ${operand.name}`);
  return { value: found.value, temporal: found.type === 'date' || found.type === 'timestamp' };
}

function asInstant(value: CellValue, parseInstant: InstantParser): number {
  return typeof value === 'number' ? value : value === null ? Number.NaN : parseInstant(value);
}

/** Three-way comparison; NaN when either side is null or the two cannot be compared. */
function compare(a: Operand, b: Operand, resolve: FieldResolver, parseInstant: InstantParser): number {
  const left = valueOf(a, resolve);
  const right = valueOf(b, resolve);
  if (left.value === null || right.value === null) return Number.NaN;
  if (left.temporal || right.temporal) {
    const x = asInstant(left.value, parseInstant);
    const y = asInstant(right.value, parseInstant);
    return Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : Math.sign(x - y);
  }
  const x = Number(left.value);
  const y = Number(right.value);
  if (
    left.value !== '' &&
    right.value !== '' &&
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    (typeof left.value === 'number' || typeof right.value === 'number')
  ) {
    return Math.sign(x - y);
  }
  const s = String(left.value);
  const t = String(right.value);
  return s < t ? -1 : s > t ? 1 : 0;
}

function parseUtcDateTime(text: string): number {
  const local = parseLocalDateTime(text);
  if (Number.isNaN(local) || /(Z|[+-]\d{2}:?\d{2})\s*$/.test(text.trim())) return local;
  return local + CITY_UTC_OFFSET_MS;
}

export interface WhereOptions {
  /**
   * How to read date/time literals without a zone: `local` (city time — Socrata floating
   * timestamps, ODS dates) or `utc` (ArcGIS, which stores and compares dates in UTC).
   */
  zoneless?: 'local' | 'utc';
}

/** Parses a filter expression into a predicate over rows. */
export function parseWhere(text: string, options: WhereOptions = {}): RowPredicate {
  const trimmed = text.trim();
  if (trimmed === '') return () => true;
  return new Parser(
    tokenize(trimmed),
    options.zoneless === 'utc' ? parseUtcDateTime : parseLocalDateTime,
  ).parse();
}
