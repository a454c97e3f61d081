import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import {
  BrandProjectRepository,
  IndicatorQueryRepository,
  LineageRepository,
  ObservationSeriesRepository,
  ReadVersionRepository,
  RegionQueryRepository,
  RollupReadRepository,
} from '@civicpulse/db';
import { repositoryProvider } from '../database/database.module';
import { ApiWriteInterceptor } from './api-write.interceptor';
import { CatalogueCache } from './catalogue-cache.service';
import { CLOCK, systemClock } from './clock';
import { IndicatorValuesService } from './indicator-values.service';
import { LineageService } from './lineage.service';
import { ReadVersionsService } from './read-versions.service';
import { SeriesService } from './series.service';

/** Reading and aggregating indicator values (rollups → domain math), shared by the features. */
@Module({
  providers: [
    IndicatorValuesService,
    SeriesService,
    LineageService,
    CatalogueCache,
    ReadVersionsService,
    { provide: APP_INTERCEPTOR, useClass: ApiWriteInterceptor },
    { provide: CLOCK, useValue: systemClock },
    repositoryProvider(RollupReadRepository),
    repositoryProvider(ObservationSeriesRepository),
    repositoryProvider(IndicatorQueryRepository),
    repositoryProvider(RegionQueryRepository),
    repositoryProvider(LineageRepository),
    repositoryProvider(ReadVersionRepository),
    repositoryProvider(BrandProjectRepository),
  ],
  exports: [
    IndicatorValuesService,
    SeriesService,
    LineageService,
    CatalogueCache,
    ReadVersionsService,
    CLOCK,
    IndicatorQueryRepository,
    RegionQueryRepository,
    RollupReadRepository,
  ],
})
export class MeasurementModule {}
