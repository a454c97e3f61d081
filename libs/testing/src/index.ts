export * from './postgres/test-database';
export * from './factories/reference-data.factory';
