import type { BrandProjectFile } from '../schemas/brand-project.schema';
import type { CityFile } from '../schemas/city.schema';
import type { DepartmentFile } from '../schemas/department.schema';
import type { IndicatorFile } from '../schemas/indicator.schema';
import type { BoundaryMap } from './boundary-source';
import type { SourceFile } from './source-file';

/** A schema-valid file together with the parsed source it came from (for positions). */
export interface ParsedFile<T> {
  source: SourceFile;
  value: T;
}

/**
 * The catalogue after every file passed its own schema, before cross-file checks. A file that
 * failed is absent here (its issues are already recorded).
 */
export interface ParsedCatalog {
  city?: ParsedFile<CityFile>;
  departments?: ParsedFile<DepartmentFile>;
  indicatorFiles: ParsedFile<IndicatorFile>[];
  brandProjects: ParsedFile<BrandProjectFile>[];
  districtBoundaries?: BoundaryMap;
  cityBoundary?: BoundaryMap;
}
