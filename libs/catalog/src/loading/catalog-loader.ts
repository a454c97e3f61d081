import type { CatalogBundle } from '@civicpulse/domain';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkBrandProjects } from '../validation/brand-project-checks';
import { CatalogValidationError } from '../validation/catalog-validation-error';
import { checkCity } from '../validation/city-checks';
import { checkDepartments } from '../validation/department-checks';
import { checkIndicators } from '../validation/indicator-checks';
import { IssueList } from '../validation/issue-list';
import { toCatalogBundle } from './bundle-mapping';
import { readCatalogFiles } from './catalog-files';
import { CATALOG_LAYOUT } from './catalog-layout';

/**
 * Reads a catalogue directory (city.yaml, departments.yaml, indicators/*.yaml,
 * brand-projects/*.yaml and the boundary files they name), validates every file against its
 * strict schema and the files against each other, and returns the bundle.
 *
 * @throws CatalogValidationError with every problem found, each naming file, key path and what
 *   was expected. Nothing is partially returned.
 */
export async function loadCatalog(dir: string): Promise<CatalogBundle> {
  const root = resolve(dir);
  const issues = new IssueList();
  const isDirectory = await stat(root).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDirectory) {
    issues.addAt(
      root,
      'catalogue directory not found (expected a folder with city.yaml, departments.yaml, indicators/ and brand-projects/)',
    );
    throw new CatalogValidationError(issues.issues);
  }
  const parsed = await readCatalogFiles(root, issues);
  // An indicator file that failed to parse or failed its schema is missing from `parsed`; KPI
  // references to its indicators are then not reported as unknown (see brand-project-checks).
  const indicatorsComplete = !issues.issues.some((issue) =>
    issue.file.startsWith(CATALOG_LAYOUT.indicatorsDir),
  );
  checkIndicators(parsed, issues);
  checkCity(parsed, issues);
  checkDepartments(parsed, issues);
  checkBrandProjects(parsed, issues, indicatorsComplete);
  if (!issues.isEmpty) throw new CatalogValidationError(issues.issues);
  return toCatalogBundle(parsed);
}
