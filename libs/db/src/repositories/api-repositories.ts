// Repositories used by the REST API (brand projects, indicators, regions, lineage, users, audit, targets).
export * from './user.repository';
export * from './audit-log.repository';
export * from './brand-project.repository';
export * from './indicator-query.repository';
export * from './region-query.repository';
export * from './lineage.repository';
export * from './target-revision.repository';
export * from './alert.repository';
export * from './source-admin.repository';
export * from './read-version.repository';
