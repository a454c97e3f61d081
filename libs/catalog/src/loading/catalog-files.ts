import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { z } from 'zod';
import { brandProjectSchema } from '../schemas/brand-project.schema';
import { citySchema } from '../schemas/city.schema';
import { departmentFileSchema } from '../schemas/department.schema';
import { indicatorFileSchema } from '../schemas/indicator.schema';
import type { IssueList } from '../validation/issue-list';
import { checkAgainstSchema } from '../validation/schema-check';
import { readBoundaryFile } from './boundary-source';
import { CATALOG_LAYOUT, YAML_EXTENSIONS } from './catalog-layout';
import type { ParsedCatalog, ParsedFile } from './parsed-catalog';
import { readYamlSource } from './yaml-source';

async function readValidated<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T>,
  issues: IssueList,
): Promise<ParsedFile<T> | undefined> {
  const source = await readYamlSource(dir, file, issues);
  if (!source) return undefined;
  const value = checkAgainstSchema(schema, source, issues);
  return value === undefined ? undefined : { source, value };
}

/** YAML files of a sub-folder, sorted so that loading (and error order) is deterministic. */
async function yamlFilesIn(dir: string, folder: string, issues: IssueList): Promise<string[]> {
  try {
    const names = await readdir(join(dir, folder));
    return names
      .filter((name) => (YAML_EXTENSIONS as readonly string[]).includes(extname(name)))
      .sort()
      .map((name) => `${folder}/${name}`);
  } catch {
    issues.addAt(
      folder,
      `folder not found (expected a "${folder}/" folder of YAML files in the catalogue directory)`,
    );
    return [];
  }
}

/** Reads every catalogue file and checks each against its schema; nothing is cross-checked yet. */
export async function readCatalogFiles(dir: string, issues: IssueList): Promise<ParsedCatalog> {
  const city = await readValidated(dir, CATALOG_LAYOUT.city, citySchema, issues);
  const departments = await readValidated(dir, CATALOG_LAYOUT.departments, departmentFileSchema, issues);
  const indicatorFiles: ParsedCatalog['indicatorFiles'] = [];
  for (const file of await yamlFilesIn(dir, CATALOG_LAYOUT.indicatorsDir, issues)) {
    const parsed = await readValidated(dir, file, indicatorFileSchema, issues);
    if (parsed) indicatorFiles.push(parsed);
  }
  const brandProjects: ParsedCatalog['brandProjects'] = [];
  for (const file of await yamlFilesIn(dir, CATALOG_LAYOUT.brandProjectsDir, issues)) {
    const parsed = await readValidated(dir, file, brandProjectSchema, issues);
    if (parsed) brandProjects.push(parsed);
  }
  const parsed: ParsedCatalog = { city, departments, indicatorFiles, brandProjects };
  if (city) {
    parsed.districtBoundaries = await readBoundaryFile(
      dir,
      { source: city.source, path: ['district_boundaries_file'], file: city.value.district_boundaries_file },
      issues,
    );
    if (city.value.boundary_file) {
      parsed.cityBoundary = await readBoundaryFile(
        dir,
        { source: city.source, path: ['boundary_file'], file: city.value.boundary_file },
        issues,
      );
    }
  }
  return parsed;
}
