import type { PeriodDto } from '@civicpulse/contracts';
import {
  formatLocalDate,
  formatPeriodSpec,
  InvalidPeriodSpecError,
  localDateOf,
  parsePeriodSpec,
  type PeriodSpec,
  previousPeriodSpec,
  resolvePeriodSpec,
  type ResolvedPeriodSpec,
  type ToDateUnit,
} from '@civicpulse/domain';
import { ValidationError } from '@civicpulse/server-kit';

/** A period as requested, resolved in the city time zone, plus its wire form. */
export interface RequestedPeriod {
  resolved: ResolvedPeriodSpec;
  previous: ResolvedPeriodSpec;
  dto: PeriodDto;
}

const SHORTHAND: Record<string, ToDateUnit> = { ytd: 'year', qtd: 'quarter', mtd: 'month' };

/** Earliest and latest years accepted: keeps nonsense like `0001` or `9999-Q1` out of the SQL. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function kindOf(spec: PeriodSpec): PeriodDto['kind'] {
  if (spec.kind === 'to_date') return 'to_date';
  if (spec.kind === 'range') return 'range';
  return spec.period.unit;
}

/**
 * Parses the `period` query parameter: `2025`, `2025-Q3`, `2025-09`, `2025-09-15`,
 * `ytd` / `qtd` / `mtd` (to today, local), `ytd:2025-05-15`, or `2025-01..2025-06`.
 * Absent means year to date. Errors become a ValidationError on `field`.
 */
export function resolveRequestedPeriod(
  text: string | undefined,
  now: Date,
  timeZone: string,
  field = 'period',
): RequestedPeriod {
  const raw = (text ?? 'ytd').trim();
  let spec: PeriodSpec;
  try {
    const unit = SHORTHAND[raw.toLowerCase()];
    spec = unit ? { kind: 'to_date', unit, asOf: localDateOf(now, timeZone) } : parsePeriodSpec(raw);
  } catch (error) {
    if (error instanceof InvalidPeriodSpecError) throw ValidationError.field(field, error.reason);
    throw error;
  }
  const resolved = resolvePeriodSpec(spec, timeZone);
  if (resolved.firstDate.year < MIN_YEAR || resolved.lastDate.year > MAX_YEAR) {
    throw ValidationError.field(field, `years must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  const previous = resolvePeriodSpec(previousPeriodSpec(spec), timeZone);
  return {
    resolved,
    previous,
    dto: {
      key: resolved.label,
      kind: kindOf(spec),
      from: formatLocalDate(resolved.firstDate),
      to: formatLocalDate(resolved.lastDate),
      previousKey: formatPeriodSpec(previous.spec),
      timeZone,
    },
  };
}

/** Resolves a plain local-date window (`from`/`to` query parameters) with the same limits. */
export function resolveDateWindow(
  from: string,
  to: string,
  timeZone: string,
): { resolved: ResolvedPeriodSpec; from: string; to: string } {
  const spec = `${from}..${to}`;
  const { resolved } = resolveRequestedPeriod(spec, new Date(0), timeZone, 'from');
  return { resolved, from: formatLocalDate(resolved.firstDate), to: formatLocalDate(resolved.lastDate) };
}
