/** Injection tokens of the worker's composition (values built in start-worker.ts). */
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const RUN_SERVICE = Symbol('RUN_SERVICE');
