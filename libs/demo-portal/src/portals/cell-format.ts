import { formatLocalDate, formatLocalDateTime } from '../city/city-calendar';
import type { CellValue, FieldType } from '../datasets/dataset';

/** A cell rendered as text the way most portals print it (floating local times, plain numbers). */
export function cellText(value: CellValue, type: FieldType, millis = false): string | null {
  if (value === null) return null;
  if ((type === 'date' || type === 'timestamp') && typeof value === 'number') {
    if (type === 'date') return formatLocalDate(value);
    return millis ? `${formatLocalDateTime(value)}.000` : formatLocalDateTime(value);
  }
  return String(value);
}

/** Quotes a CSV cell when it contains the delimiter, a quote or a line break. */
export function csvCell(text: string | null, delimiter: string, quoteAll = false): string {
  if (text === null) return quoteAll ? '""' : '';
  if (quoteAll || text.includes(delimiter) || /["\r\n]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}
