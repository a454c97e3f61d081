import type { ParsedCatalog } from '../loading/parsed-catalog';
import type { IssueList } from './issue-list';

/**
 * Cross-checks of city.yaml and its boundary files: unique district codes under the city's
 * prefix, unambiguous aliases, one boundary feature per district and no stray features.
 */
export function checkCity(parsed: ParsedCatalog, issues: IssueList): void {
  const city = parsed.city;
  if (!city) return;
  const { source, value } = city;
  const prefix = value.code.slice(0, 4);
  const seenCodes = new Map<string, number>();
  const aliasOwner = new Map<string, string>([[value.code, value.code]]);
  for (const alias of value.aliases ?? []) aliasOwner.set(alias, value.code);

  value.districts.forEach((district, i) => {
    const path = ['districts', i, 'code'];
    const earlier = seenCodes.get(district.code);
    if (district.code === value.code) {
      issues.add(
        source,
        path,
        `region code "${district.code}" is the city's own code (expected a distinct district code)`,
      );
    } else if (earlier !== undefined) {
      issues.add(
        source,
        path,
        `duplicate region code "${district.code}" (already used by districts[${earlier}]; expected each region code once)`,
      );
    } else {
      seenCodes.set(district.code, i);
    }
    if (!district.code.startsWith(prefix)) {
      issues.add(
        source,
        path,
        `region code "${district.code}" is outside the city (expected a code starting with ${prefix}, the prefix of ${value.code})`,
      );
    }
    (district.aliases ?? []).forEach((alias, j) => {
      const owner = aliasOwner.get(alias);
      if (owner !== undefined && owner !== district.code) {
        issues.add(
          source,
          ['districts', i, 'aliases', j],
          `alias "${alias}" already names region ${owner} (expected each alias to name one region, or source rows could not be matched)`,
        );
      }
      aliasOwner.set(alias, district.code);
    });
  });

  checkBoundaries(parsed, issues);
}

function checkBoundaries(parsed: ParsedCatalog, issues: IssueList): void {
  const city = parsed.city;
  if (!city) return;
  const { source, value } = city;
  const districts = parsed.districtBoundaries;
  if (districts) {
    const codes = new Set(value.districts.map((d) => d.code));
    value.districts.forEach((district, i) => {
      if (!districts.has(district.code)) {
        issues.add(
          source,
          ['districts', i],
          `no boundary for district ${district.code} in ${value.district_boundaries_file} (expected a feature with properties.code "${district.code}")`,
        );
      }
    });
    for (const [code, { featureIndex }] of districts) {
      if (!codes.has(code)) {
        issues.add(
          value.district_boundaries_file,
          ['features', featureIndex, 'properties', 'code'],
          `unknown region code "${code}" (expected one of the districts of ${source.file})`,
        );
      }
    }
  }
  if (parsed.cityBoundary && value.boundary_file && !parsed.cityBoundary.has(value.code)) {
    issues.add(
      source,
      ['boundary_file'],
      `${value.boundary_file} has no feature for the city (expected a feature with properties.code "${value.code}")`,
    );
  }
}
