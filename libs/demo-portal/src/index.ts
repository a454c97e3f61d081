export {
  startDemoPortal,
  InvalidPortalOptionError,
  type DemoPortal,
  type DemoPortalOptions,
} from './server/demo-portal-server';
export {
  FaultBook,
  FaultSpecError,
  FAULT_KINDS,
  parseFaultPath,
  type FaultKind,
  type FaultSpec,
} from './faults/fault-plan';
export { generateObservations, type ObservationStreamOptions } from './generator/observation-stream';
export {
  generateAccidents,
  generateSchools,
  type TrafficAccident,
  type School,
  type GeoPoint,
} from './generator/event-points';
export {
  INDICATOR_PROFILES,
  indicatorProfile,
  UnknownIndicatorError,
  type IndicatorProfile,
} from './generator/indicator-profiles';
export { loadDemoDistricts, type DemoCityOptions, type DistrictBoundaries } from './city/city-catalog-loader';
export {
  BUILT_IN_DISTRICTS,
  DEMO_CITY_CODE,
  DEMO_CITY_NAME_EN,
  DEMO_CITY_NAME_ZH,
  type DemoDistrict,
} from './city/demo-city';
export { CITY_TIME_ZONE } from './city/city-calendar';
export { DATASET_IDS } from './datasets/dataset-ids';
export { benchRow, BENCH_COLUMNS } from './datasets/bench-dataset';
