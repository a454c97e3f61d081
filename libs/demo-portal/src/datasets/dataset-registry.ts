import type { DemoDistrict } from '../city/demo-city';
import { DatasetRowCache } from '../query/row-query';
import { benchDataset } from './bench-dataset';
import type { Dataset, PortalKind } from './dataset';
import { healthAndEducationDatasets } from './health-education-datasets';
import {
  hotlineMonthly,
  surveyEducationYearly,
  surveyPatientMonthly,
  surveyQuarterly,
} from './satisfaction-datasets';
import { trafficDatasets, type DatasetContext } from './traffic-datasets';

export interface RegistryOptions {
  districts: ReadonlyArray<DemoDistrict>;
  until: number;
  hourlyDays: number;
  benchRows: number;
}

/** Every dataset the demo portal serves, addressable by portal and id, with a row cache. */
export class DatasetRegistry {
  readonly cache = new DatasetRowCache();
  readonly context: DatasetContext;
  readonly hotline: Dataset;
  readonly surveyQuarterly: Dataset;
  readonly surveyEducation: Dataset;
  readonly surveyPatients: Dataset;
  private readonly datasets: Dataset[];

  constructor(readonly options: RegistryOptions) {
    this.context = { districts: options.districts, until: options.until, hourlyDays: options.hourlyDays };
    this.hotline = hotlineMonthly(this.context);
    this.surveyQuarterly = surveyQuarterly(this.context);
    this.surveyEducation = surveyEducationYearly(this.context);
    this.surveyPatients = surveyPatientMonthly(this.context);
    this.datasets = [
      ...trafficDatasets(this.context),
      ...healthAndEducationDatasets(this.context),
      benchDataset(options.benchRows),
      this.hotline,
      this.surveyQuarterly,
      this.surveyEducation,
      this.surveyPatients,
    ];
  }

  /** The dataset a portal publishes under `id` (ArcGIS service names match case-insensitively). */
  find(portal: PortalKind, id: string): Dataset | undefined {
    return this.datasets.find(
      (d) =>
        d.portal === portal &&
        (d.id === id || (portal === 'arcgis' && d.id.toLowerCase() === id.toLowerCase())),
    );
  }

  all(): ReadonlyArray<Dataset> {
    return this.datasets;
  }
}
