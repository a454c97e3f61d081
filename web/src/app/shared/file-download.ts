import type { ChartTable } from '@civicpulse/charts';

/** Saves text (CSV, Markdown, plain) as a file through a temporary link. */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  // A BOM so spreadsheet programs open UTF-8 CSV with Chinese names correctly.
  const bom = mimeType.startsWith('text/csv') ? '\uFEFF' : '';
  const url = URL.createObjectURL(new Blob([bom + content], { type: mimeType }));
  downloadUrl(fileName, url);
  URL.revokeObjectURL(url);
}

/** Saves a Blob (e.g. a file the API produced) under a name. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(fileName, url);
  URL.revokeObjectURL(url);
}

/** Saves a data: or blob: URL as a file. */
export function downloadUrl(fileName: string, url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** RFC 4180 CSV of a table (header row first). */
export function tableToCsv(table: Pick<ChartTable, 'columns' | 'rows'>): string {
  const escape = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [table.columns, ...table.rows].map((row) => row.map(escape).join(',')).join('\r\n');
}
