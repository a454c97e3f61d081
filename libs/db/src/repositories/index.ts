export * from './copy-text-format';
export * from './rollup-maintenance';
export * from './observation-writer';
export * from './observation-row-source';
export * from './reference-lookup.repository';
export * from './rollup-read.repository';
export * from './observation-series.repository';
