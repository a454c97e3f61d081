import type { GeoPoint } from '../generator/event-points';

/**
 * Portal-neutral description of a demo dataset. Portals render the same rows in their own
 * shapes: CKAN sends numbers as strings, Socrata everything as strings with floating timestamps,
 * ArcGIS epoch milliseconds and Esri geometry, OpenDataSoft lowercase JSON keys.
 */

/** Column types; `date`/`timestamp` cells hold UTC epoch milliseconds of a local time. */
export type FieldType = 'text' | 'integer' | 'number' | 'date' | 'timestamp';

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Human label (OpenDataSoft CSV headers, Socrata CSV display names). */
  label: string;
}

export type CellValue = string | number | null;

export interface DataRow {
  values: Record<string, CellValue>;
  /** Location of event-level rows (accidents, schools). */
  point?: GeoPoint;
  /** When the publisher last changed the row (Socrata `:updated_at`). */
  updatedAt?: number;
}

export type PortalKind = 'ckan' | 'socrata' | 'arcgis' | 'ods' | 'file' | 'bench';

export interface Dataset {
  /** The id the portal addresses the dataset by (CKAN resource id, Socrata 4x4, service name…). */
  id: string;
  portal: PortalKind;
  titleZh: string;
  titleEn: string;
  description: string;
  fields: ReadonlyArray<FieldDef>;
  /** Whether rows carry a point geometry. */
  hasPoints: boolean;
  /** Streams the rows in their natural order (time, then district). */
  rows(): Iterable<DataRow>;
  /** Random access for very large synthetic datasets (no materialisation when unfiltered). */
  size?: number;
  rowAt?(index: number): DataRow;
}

/** Title-cased label from a snake_case field name (`district_code` → `District Code`). */
export function labelOf(name: string): string {
  return name
    .split('_')
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join(' ');
}

/** Shorthand for field definitions. */
export function field(name: string, type: FieldType, label = labelOf(name)): FieldDef {
  return { name, type, label };
}
