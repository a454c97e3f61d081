export * from './model/indicator';
export * from './model/region';
export * from './model/observation';
export * from './model/brand-project';
export * from './model/catalog-bundle';

export * from './domain-error';

export * from './period/time-zone';
export * from './period/local-period';
export * from './period/period-spec';

export * from './scoring/score-scale';
export * from './scoring/colour';
export * from './scoring/progress';
export * from './scoring/level';
export * from './scoring/band';
export * from './scoring/trajectory';
export * from './scoring/pacing';
export * from './scoring/kpi-score';
export * from './scoring/project-score';

export * from './aggregation/region-aggregation';
export * from './aggregation/time-aggregation';

export * from './freshness/cadence';
export * from './freshness/freshness';

export * from './alerts/alert-text';
export * from './alerts/alert-evaluation';

export * from './units/unit-labels';
