import type { ParsedCatalog } from '../loading/parsed-catalog';
import type { IssueList } from './issue-list';

/** Department codes must be unique: brand projects, sources and users refer to them. */
export function checkDepartments(parsed: ParsedCatalog, issues: IssueList): void {
  if (!parsed.departments) return;
  const { source, value } = parsed.departments;
  const seen = new Map<string, number>();
  value.departments.forEach((department, i) => {
    const earlier = seen.get(department.code);
    if (earlier !== undefined) {
      issues.add(
        source,
        ['departments', i, 'code'],
        `duplicate department code "${department.code}" (already used by departments[${earlier}]; expected each code once)`,
      );
    } else {
      seen.set(department.code, i);
    }
  });
}
