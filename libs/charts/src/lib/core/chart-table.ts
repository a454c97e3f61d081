/**
 * A plain table equivalent of a chart, rendered visually hidden next to it for screen readers
 * and shown on demand. Cells are already formatted for the active locale.
 */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}
