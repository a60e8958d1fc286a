/**
 * The forecast a user asks for: from an absence history (e.g. a CSV import) the distribution of
 * the number of a unit's employees absent (every type except leave) on each of the next days,
 * with intervals calibrated on a rolling-origin backtest of the same history.
 */
import { fromEpochDay, isLocalDate, toEpochDay, type LocalDate } from '../core/time/localDate.js';
import { Calibrator, pitSample, type PitSample } from './calibration.js';
import { prepareHistory, type AbsenceSpell } from './history.js';
import { fitAbsenceModel, fitIncidence, forecastUnit, type AbsenceModelOptions, type DayForecast, type IncidenceFit } from './model.js';

export interface UnitForecastRequest {
  unit: string;
  /** First forecast day. History from this day on is ignored. */
  from: LocalDate;
  days: number;
  /** Persons employed in the unit; default: distinct employees with any absence record in the unit in the last 365 days. */
  staff?: number;
  /** First observed day per unit (default: the unit's first record). */
  unitHistoryStart?: Record<string, LocalDate>;
  model?: Partial<AbsenceModelOptions>;
  /** Calibration backtest: origins every `calibrationStepDays` over the last `calibrationDays` (defaults 14 and 364). */
  calibrationDays?: number;
  calibrationStepDays?: number;
}

export interface ForecastRow {
  date: LocalDate;
  mean: number;
  /** Lower bound of the calibrated 80 % interval: P(absent < p10) ≈ 10 %. */
  p10: number;
  /** Calibrated median. */
  p50: number;
  /** Upper bound of the calibrated 80 % interval: P(absent > p90) ≈ 10 %. */
  p90: number;
}

export interface UnitForecastResult {
  rows: ForecastRow[];
  /** The full per-day model output (distribution before calibration). */
  days: DayForecast[];
  calibrator: Calibrator;
  staff: Record<string, number>;
  historyStart: LocalDate;
  historyEnd: LocalDate;
  spellsUsed: number;
  calibrationOrigins: number;
  /** The unit's headcount was estimated from the records (no `staff` given). */
  staffEstimated: boolean;
  /** Days of the unit's own history before the first forecast day (the rest comes from the pooled units). */
  ownHistoryDays: number;
  /** The other units the model pools with (partial pooling of the unit intercepts). */
  pooledWith: string[];
}

export class ForecastInputError extends Error {}

const MIN_HISTORY_DAYS = 56;
const MAX_CALIBRATION_HORIZON = 56;

/** Distinct employees with a record of the unit in the 365 days before `before` (at least 1). */
export function estimateStaff(spells: readonly AbsenceSpell[], unit: string, before: LocalDate): number {
  const b = toEpochDay(before);
  const seen = new Set<string>();
  for (const s of spells) {
    if (s.unit !== unit) continue;
    if (toEpochDay(s.to) >= b - 365 && toEpochDay(s.from) < b) seen.add(s.employee);
  }
  return Math.max(1, seen.size);
}

export function forecastAbsence(spells: readonly AbsenceSpell[], req: UnitForecastRequest): UnitForecastResult {
  if (!isLocalDate(req.from)) throw new ForecastInputError(`--from: "${req.from}" is not a date YYYY-MM-DD`);
  if (!Number.isInteger(req.days) || req.days < 1 || req.days > 366) throw new ForecastInputError(`--days: must be a whole number 1–366, got ${req.days}`);
  const F = toEpochDay(req.from);
  const past = spells.filter((s) => toEpochDay(s.from) < F);
  // A unit with no records of its own is forecast from the pooled model when its headcount is given.
  if (!spells.some((s) => s.unit === req.unit) && (req.staff === undefined || !past.length)) {
    const units = [...new Set(spells.map((s) => s.unit))].sort();
    throw new ForecastInputError(`--unit: no records for unit "${req.unit}" (units in the file: ${units.slice(0, 20).join(', ')}${units.length > 20 ? ', …' : ''})`);
  }
  if (!past.some((s) => s.unit === req.unit) && req.staff === undefined) throw new ForecastInputError(`--unit: unit "${req.unit}" has no absence records before ${req.from}`);
  const start = past.reduce((m, s) => (s.from < m ? s.from : m), past[0].from);
  const end = fromEpochDay(F - 1);
  if (F - toEpochDay(start) < MIN_HISTORY_DAYS) throw new ForecastInputError(`the history before ${req.from} starts ${start}: at least ${MIN_HISTORY_DAYS} days are needed`);
  const units = [...new Set([...past.map((s) => s.unit), req.unit])].sort();
  const staff: Record<string, number> = {};
  for (const u of units) staff[u] = u === req.unit && req.staff !== undefined ? req.staff : estimateStaff(past, u, req.from);
  if (req.staff !== undefined && !(req.staff >= 1)) throw new ForecastInputError(`--staff: must be at least 1, got ${req.staff}`);
  // Each unit is observed from its first record on (or the day given): before it, a unit whose
  // history starts later is not "absence-free", it is unobserved (no exposure).
  const observed: Record<string, number> = {};
  for (const u of units) {
    const given = req.unitHistoryStart?.[u];
    const first = past.filter((s) => s.unit === u).reduce((m, s) => Math.min(m, toEpochDay(s.from)), F);
    observed[u] = given !== undefined && isLocalDate(given) ? toEpochDay(given) : first;
  }
  const history = prepareHistory({ spells: past, start, end, employed: (u, d) => (d < (observed[u] ?? F) ? 0 : (staff[u] ?? 0)), units });
  const ownHistoryDays = Math.max(0, F - (observed[req.unit] ?? F));

  // Calibration: rolling-origin backtest on the same history.
  const calH = Math.min(req.days, MAX_CALIBRATION_HORIZON);
  const calDays = req.calibrationDays ?? 364;
  const step = req.calibrationStepDays ?? 14;
  const minTrain = Math.min(365, Math.max(MIN_HISTORY_DAYS, Math.floor((F - toEpochDay(start)) / 2)));
  const origins: number[] = [];
  for (let o = F - calH; o >= F - calH - calDays && o - toEpochDay(start) >= minTrain; o -= step) origins.unshift(o);
  const samples: PitSample[] = [];
  let incidence: IncidenceFit | undefined;
  for (const o of origins) {
    if (!incidence || o - incidence.origin >= 28) incidence = fitIncidence(history, o, req.model);
    const m = fitAbsenceModel(history, o, req.model, incidence);
    for (const u of units) {
      const ser = history.series.get(u)!;
      for (const f of forecastUnit(m, u, calH)) samples.push(pitSample(f.dist, ser.absent[f.epochDay - history.start], f.horizon));
    }
  }
  const calibrator = Calibrator.fit(samples);

  const model = fitAbsenceModel(history, F, req.model);
  const days = forecastUnit(model, req.unit, req.days);
  const rows = days.map((d) => {
    const h = Math.min(d.horizon, calH);
    const [lo, hi] = calibrator.interval(d.dist, h, 0.8);
    const med = Math.min(hi, Math.max(lo, calibrator.quantile(d.dist, h, 0.5)));
    return { date: d.date, mean: Math.round(d.mean * 100) / 100, p10: lo, p50: med, p90: hi };
  });
  return {
    rows,
    days,
    calibrator,
    staff,
    historyStart: start,
    historyEnd: end,
    spellsUsed: past.filter((s) => s.type !== 'leave').length,
    calibrationOrigins: origins.length,
    staffEstimated: req.staff === undefined,
    ownHistoryDays,
    pooledWith: units.filter((u) => u !== req.unit),
  };
}
