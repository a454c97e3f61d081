export { loadCatalog } from './loading/catalog-loader';
export { CATALOG_LAYOUT } from './loading/catalog-layout';
export { IncompleteCatalogError } from './loading/bundle-mapping';
export { CatalogValidationError } from './validation/catalog-validation-error';
export { formatIssue, type CatalogIssue } from './validation/catalog-issue';
export { targetSideProblem } from './validation/target-side';
export {
  generateDemoCityOutline,
  generateDemoDistrictBoundaries,
  DemoLayoutMismatchError,
  type DemoBoundaryCollection,
  type DemoDistrict,
} from './geo/demo-boundaries';
export { renderDemoBoundaryFiles, DEMO_DISTRICTS_FILE, DEMO_OUTLINE_FILE } from './geo/demo-boundary-files';
