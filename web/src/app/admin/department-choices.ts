import type { BrandProjectListItemDto, DepartmentRefDto, UserDto } from '@civicpulse/contracts';

/**
 * Departments a user can be scoped to, as the API lets the web know them: the brand projects'
 * owner departments (with their names) and any department a user is already scoped to (by code,
 * when no project names it). Sorted by code; each code once.
 */
export function departmentChoices(
  projects: readonly BrandProjectListItemDto[],
  users: readonly UserDto[],
): DepartmentRefDto[] {
  const byCode = new Map<string, DepartmentRefDto>();
  for (const p of projects) byCode.set(p.ownerDepartment.code, p.ownerDepartment);
  for (const u of users) {
    const code = u.departmentCode;
    if (code && !byCode.has(code)) byCode.set(code, { code, nameZh: code, nameEn: code });
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
