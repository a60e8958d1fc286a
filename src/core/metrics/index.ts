/**
 * Full-time culture metrics (heltidskultur): per unit, service area and organisation, as of a
 * date, as monthly trends and against a baseline. See README.md in this folder.
 */
export { metricsAsOf, figuresOf, resolveScope, planUnitId, UNKNOWN_COMPETENCE, type ResolvedScope } from './compute.js';
export { monthlyTrend, compareBaseline, monthEnds, type TrendOptions } from './trend.js';
export { DEFINITIONS, POSITION_BUCKETS, SMALL_POSITION_PERCENT } from './definitions.js';
export * from './types.js';
