import { z } from 'zod';

/** Non-empty text (after trimming). */
export const text = z.string().trim().min(1, { error: 'expected non-empty text' });

/** A zh/en pair: every user-facing name in the catalogue exists in both languages. */
export const bilingual = z.strictObject({ zh: text, en: text });

/** A local calendar date, yyyy-mm-dd (checked to be a real date). */
export const isoDate = z.iso.date({ error: 'expected a real date written yyyy-mm-dd, e.g. 2024-01-01' });

/**
 * Region codes are strings (GB/T 2260 style, 6, 9 or 12 digits). An unquoted code in YAML is read
 * as a number; it is accepted and turned back into text, since codes never start with 0.
 */
export const regionCode = z.preprocess(
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z
    .string()
    .regex(/^\d{6}(\d{3}){0,2}$/, { error: 'expected a region code of 6, 9 or 12 digits, e.g. "990101"' }),
);

/** `domain.snake_case_name`, e.g. `traffic.peak_congestion_delay_index`. */
export const indicatorCode = z.string().regex(/^[a-z]+\.[a-z0-9_]+$/, {
  error: 'expected an indicator code like "traffic.peak_congestion_delay_index"',
});

/** Lower-case kebab-case identifier for departments and brand projects, e.g. `smart-traffic`. */
export const slugCode = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
  error: 'expected a lower-case kebab-case code such as "smart-traffic"',
});

/** A path inside the catalogue directory, written with forward slashes and no `..`. */
export const relativePath = z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\\]+$/, {
  error: 'expected a path relative to the catalogue directory, e.g. "geo/districts.geojson"',
});

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time-zone name the runtime knows. */
export const timeZone = z
  .string()
  .refine(isTimeZone, { error: 'expected an IANA time zone such as "Asia/Shanghai"' });
