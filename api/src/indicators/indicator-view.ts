import type { IndicatorDto } from '@civicpulse/contracts';
import type { IndicatorRecord } from '@civicpulse/db';

export function toIndicatorDto(indicator: IndicatorRecord, lastObservationAt: Date | null): IndicatorDto {
  return {
    code: indicator.code,
    domain: indicator.domain,
    nameZh: indicator.nameZh,
    nameEn: indicator.nameEn,
    definitionZh: indicator.definitionZh ?? null,
    definitionEn: indicator.definitionEn ?? null,
    unit: indicator.unit,
    direction: indicator.direction,
    band: indicator.band ?? null,
    timeAggregation: indicator.timeAggregation,
    regionAggregation: indicator.regionAggregation,
    frequency: indicator.frequency,
    validMin: indicator.validMin ?? null,
    validMax: indicator.validMax ?? null,
    standardRefs: indicator.standardRefs ?? [],
    lastObservationAt: lastObservationAt?.toISOString() ?? null,
  };
}
