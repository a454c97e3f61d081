import type { ParsedCatalog } from '../loading/parsed-catalog';
import type { SourceFile } from '../loading/source-file';
import type { IndicatorEntry } from '../schemas/indicator.schema';
import type { PathSegment } from './catalog-issue';
import type { IssueList } from './issue-list';

function checkOne(
  indicator: IndicatorEntry,
  domain: string,
  source: SourceFile,
  base: PathSegment[],
  issues: IssueList,
): void {
  if (!indicator.code.startsWith(`${domain}.`)) {
    issues.add(
      source,
      [...base, 'code'],
      `indicator "${indicator.code}" is filed under domain "${domain}" (expected a code starting with "${domain}.")`,
    );
  }
  const { band, direction, aggregation, valid_range: range } = indicator;
  if (direction === 'target_band' && !band) {
    issues.add(
      source,
      [...base, 'band'],
      'is required for direction target_band (expected band: { lo, hi, tolerance })',
    );
  }
  if (direction !== 'target_band' && band) {
    issues.add(
      source,
      [...base, 'band'],
      `a band only applies to direction target_band (this indicator is ${direction}; remove band)`,
    );
  }
  if (band && band.lo >= band.hi) {
    issues.add(
      source,
      [...base, 'band', 'hi'],
      `band hi ${band.hi} is not above lo ${band.lo} (expected lo < hi)`,
    );
  }
  const isRatio = aggregation.time === 'ratio' || aggregation.region === 'ratio_of_sums';
  if (isRatio && aggregation.ratio_scale === undefined) {
    issues.add(
      source,
      [...base, 'aggregation', 'ratio_scale'],
      'is required when the time aggregation is ratio or the region aggregation is ratio_of_sums (expected 1, 100 for %, 1000 for per 1 000 …)',
    );
  }
  if (aggregation.region_weight !== undefined && aggregation.region !== 'weighted_mean') {
    issues.add(
      source,
      [...base, 'aggregation', 'region_weight'],
      `only applies to region aggregation weighted_mean (this indicator uses ${aggregation.region})`,
    );
  }
  if (range && range.min >= range.max) {
    issues.add(
      source,
      [...base, 'valid_range', 'max'],
      `max ${range.max} is not above min ${range.min} (expected min < max)`,
    );
  }
  if (range && band && (band.lo < range.min || band.hi > range.max)) {
    issues.add(
      source,
      [...base, 'band'],
      `band ${band.lo}–${band.hi} reaches outside the valid range ${range.min}–${range.max} (expected the band inside the valid range)`,
    );
  }
}

/** Cross-checks of indicator files: codes unique over all files and filed under their domain, consistent band and aggregation fields. */
export function checkIndicators(parsed: ParsedCatalog, issues: IssueList): void {
  const seen = new Map<string, string>();
  for (const { source, value } of parsed.indicatorFiles) {
    value.indicators.forEach((indicator, i) => {
      const base: PathSegment[] = ['indicators', i];
      const earlier = seen.get(indicator.code);
      if (earlier) {
        issues.add(
          source,
          [...base, 'code'],
          `duplicate indicator code "${indicator.code}" (already defined in ${earlier}; expected each code once)`,
        );
      } else {
        seen.set(indicator.code, `${source.file}: indicators[${i}]`);
      }
      checkOne(indicator, value.domain, source, base, issues);
    });
  }
}
