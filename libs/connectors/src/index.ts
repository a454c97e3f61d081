// Errors
export * from './errors/source-errors';
// Manifest
export {
  parseSourceManifest,
  ManifestValidationError,
  type ManifestIssue,
} from './manifest/parse-source-manifest';
export {
  substituteVariables,
  sourceDeployment,
  ManifestVariableError,
  type SourceDeployment,
} from './manifest/manifest-variables';
export type {
  SourceManifest,
  PagingSpec,
  PagingMode,
  DecodingSpec,
  IncrementalSpec,
  QualitySpec,
} from './manifest/manifest-schema';
export type {
  MappingSpec,
  IndicatorMapping,
  RegionMapping,
  TimeMapping,
  UnpivotSpec,
  RowFilter,
} from './manifest/mapping-schema';
export { durationToMs, type SecretRef } from './manifest/common-schemas';
// Kit
export {
  HttpClient,
  type HttpClientOptions,
  type HttpResponse,
  type HttpStreamResponse,
  TooManyRedirectsError,
} from './http/http-client';
export {
  NetworkGuard,
  isHostAllowed,
  type NetworkGuardOptions,
  type HostResolver,
  type ResolvedAddress,
} from './http/network-guard';
export {
  backoffDelay,
  parseRetryAfter,
  withRetry,
  systemClock,
  DEFAULT_RETRY_POLICY,
  type Clock,
  type RetryPolicy,
  type RetryListener,
} from './http/retry-policy';
export {
  offsetPaginator,
  pageNumberPaginator,
  tokenPaginator,
  type FetchedPage,
  type Page,
  type PagingLimits,
} from './paging/paginators';
export { decodeText, decodeBuffer, sniffEncoding, type DeclaredEncoding } from './decoding/text-decoding';
export {
  csvRecords,
  detectDelimiter,
  type CsvLayout,
  type CsvRecord,
  type NumberedRecord,
} from './decoding/csv-records';
export { xlsxRecords, type XlsxLayout, type XlsxCell } from './decoding/xlsx-records';
export {
  readNumber,
  readText,
  DEFAULT_NULL_MARKERS,
  type NumberReadOptions,
  type NumberReading,
} from './decoding/cell-values';
export { parseTime, TIME_FORMATS, type TimeFormat, type ParsedTime } from './mapping/time-formats';
export { fromLocal, toLocal, periodStartOf, isValidTimeZone, type LocalDateTime } from './mapping/zoned-time';
// Mapping
export * from './mapping/mapping-context';
export { RecordMapper, type MappedRow } from './mapping/record-mapper';
export {
  EventAggregator,
  type EventContribution,
  type AggregatedObservation,
} from './mapping/event-aggregator';
export { RegionResolver } from './mapping/region-resolver';
// Connectors
export { CONNECTOR_REGISTRY, findConnector } from './connectors/connector-registry';
export {
  defineConnector,
  type ConnectorDefinition,
  type ConnectorContext,
  type RawRecord,
  type RawPage,
  type IncrementalFilter,
} from './connectors/connector';
// Runs
export {
  runSource,
  previewSource,
  type RunSourceOptions,
  type SourceBatch,
  type SourcePreview,
} from './run/run-source';
export type { FetchOptions } from './run/run-options';
export { resolveAllowedAddresses } from './http/allowed-addresses';
