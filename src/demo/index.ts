/**
 * Deterministic demo data for Bemanna: Fjordvik kommune with a nursing-home ward, a home-care
 * group, a bofellesskap and a mental-health housing unit — calendar plans ready for the rota
 * generator and years of absence history for the forecasting — plus the TRUE absence model
 * the history was drawn from. See README.md in this folder.
 */
export type {
  AbsenceRecord,
  DemoDataset,
  DemoOptions,
  DemoStaffPattern,
  DemoStaffProfile,
  DemoUnit,
  HistoryAbsenceKind,
  UnitKind,
} from './types.js';
export { generateDemo, futureAbsences, resolveOptions, DEFAULT_OPTIONS, ORGANISATION, type ResolvedDemoOptions } from './generate.js';
export {
  ABSENCE_PARAMETERS,
  BASE_HAZARD,
  BURN_IN_DAYS,
  HISTORY_KINDS,
  SICKNESS_HISTORY_KINDS,
  durationDistribution,
  type DurationDistribution,
  type HistoryKind,
  type PersonRisk,
} from './absenceModel.js';
export { absenceTruth, trueAbsenceRate, type AbsenceTruth, type TruthKind } from './truth.js';
export { absenceRates, unitFigures, shiftHours, FIGURES_WEEKLY_NORM, type AbsenceRates, type UnitFigures } from './stats.js';
export { UNIT_TEMPLATES } from './units.js';
export { Rng, hashString } from './random.js';
