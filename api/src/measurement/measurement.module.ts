import { Module } from '@nestjs/common';
import {
  IndicatorQueryRepository,
  LineageRepository,
  ObservationSeriesRepository,
  RegionQueryRepository,
  RollupReadRepository,
} from '@civicpulse/db';
import { repositoryProvider } from '../database/database.module';
import { CLOCK, systemClock } from './clock';
import { IndicatorValuesService } from './indicator-values.service';
import { LineageService } from './lineage.service';
import { SeriesService } from './series.service';

/** Reading and aggregating indicator values (rollups → domain math), shared by the features. */
@Module({
  providers: [
    IndicatorValuesService,
    SeriesService,
    LineageService,
    { provide: CLOCK, useValue: systemClock },
    repositoryProvider(RollupReadRepository),
    repositoryProvider(ObservationSeriesRepository),
    repositoryProvider(IndicatorQueryRepository),
    repositoryProvider(RegionQueryRepository),
    repositoryProvider(LineageRepository),
  ],
  exports: [
    IndicatorValuesService,
    SeriesService,
    LineageService,
    CLOCK,
    IndicatorQueryRepository,
    RegionQueryRepository,
    RollupReadRepository,
  ],
})
export class MeasurementModule {}
