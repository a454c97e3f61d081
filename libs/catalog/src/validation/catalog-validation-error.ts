import { formatIssue, type CatalogIssue } from './catalog-issue';

/**
 * Thrown when the catalogue does not load: carries every problem found in every file, so one run
 * shows the author all there is to fix.
 */
export class CatalogValidationError extends Error {
  readonly issues: readonly CatalogIssue[];

  constructor(issues: readonly CatalogIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      `Catalogue is invalid (${count}):\n${issues.map((issue) => `  - ${formatIssue(issue)}`).join('\n')}`,
    );
    this.name = 'CatalogValidationError';
    this.issues = issues;
  }
}
