export * from './model/indicator';
export * from './model/region';
export * from './model/observation';
export * from './model/brand-project';
