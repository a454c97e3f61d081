import { Module } from '@nestjs/common';
import { MeasurementModule } from '../measurement/measurement.module';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({ imports: [MeasurementModule], controllers: [RegionsController], providers: [RegionsService] })
export class RegionsModule {}
