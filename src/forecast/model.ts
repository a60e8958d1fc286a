/**
 * The daily absence model: expected and distribution of the number of a unit's employees absent
 * (self-certified, sick child, doctor-certified; not leave) on each future day.
 *
 *   absent(d) = Σ ongoing spells still running on d  +  Σ new spells started in [origin, d] still running on d
 *
 * 1. Incidence: per onset group g (short / doctor-certified) a negative-binomial regression
 *      onsets_{u,d} ~ NB2(μ, θ_g),  log μ = log(at risk_{u,d}) + β₀ + b_u + weekday + season
 *                                           + public holiday + school holiday
 *    with b_u a random unit intercept (partial pooling, σ²_u by empirical Bayes) and at risk =
 *    employed − already absent. Fitted on the last `trainDays` before the origin.
 * 2. Adaptive level: per unit and group exponentially weighted ratios of observed to fitted
 *    onsets, shrunk toward 1 by a prior of `levelPrior` events: a persistent one (half-life 120
 *    days; drift such as staff turnover) and a short one on top (half-life 14 days; flu waves)
 *    that fades over the horizon (half-life `levelDecayDays`).
 * 3. Durations: Kaplan–Meier per type (ongoing spells, given their length so far) and per onset
 *    group (new spells).
 * 4. Distribution per day: Poisson-binomial of the ongoing spells ⊛ NB of the new-spell absence
 *    (binomially thinned NB counts, moments summed over start days). Then calibrated empirically
 *    (calibration.ts).
 */
import { fromEpochDay, type LocalDate } from '../core/time/localDate.js';
import { DesignBuilder, fitNb2, type Design, type Nb2Fit } from './glm.js';
import { dayFeatures, DEFAULT_SCHOOL_HOLIDAYS, type SchoolHolidayRules } from './calendar.js';
import { kaplanMeier, projectOngoing, survivalTable, type Duration, type SurvivalCurve } from './survival.js';
import { convolve, negBinomialFromMoments, poissonBinomial, type CountDist } from './distribution.js';
import { ONSET_GROUPS, SICKNESS_TYPES, type PreparedHistory, type SicknessType } from './history.js';

export interface AbsenceModelOptions {
  /** Seasonal terms: month dummies or annual Fourier pairs. */
  season: 'month' | 'fourier';
  fourierK: number;
  /** Days of history the regression is fitted on. */
  trainDays: number;
  /** Days of history the duration curves are estimated from. */
  survivalDays: number;
  /** Partial pooling of the unit intercepts (false: unpenalised unit effects). */
  pooling: boolean;
  levelHalfLifeDays: number;
  levelWindowDays: number;
  /** Prior strength of the level, in expected onsets (larger = closer to 1). */
  levelPrior: number;
  /** How fast the short level's effect fades over the horizon (half-life in days). */
  levelDecayDays: number;
  /** Half-life and window of the persistent level. */
  longLevelHalfLifeDays: number;
  longLevelWindowDays: number;
  schoolHolidays: SchoolHolidayRules;
}

export const DEFAULT_MODEL_OPTIONS: AbsenceModelOptions = {
  season: 'month',
  fourierK: 2,
  trainDays: 3 * 365,
  survivalDays: 3 * 365,
  pooling: true,
  levelHalfLifeDays: 14,
  levelWindowDays: 120,
  levelPrior: 4,
  levelDecayDays: 21,
  longLevelHalfLifeDays: 120,
  longLevelWindowDays: 365,
  schoolHolidays: DEFAULT_SCHOOL_HOLIDAYS,
};

interface GroupModel {
  fit: Nb2Fit;
  /** Persistent level multiplier per unit. */
  longLevel: Float64Array;
  /** Short level multiplier per unit at horizon 1 (on top of the persistent one), fading. */
  level: Float64Array;
  /**
   * rateVariance[u]: relative variance of the unit's true incidence rate around the forecast
   * (slow variation the daily NB cannot see — flu waves, staff turnover — plus the parameter
   * uncertainty of β₀ + b_u). Adds mean² · v to the variance of the new-spell absence.
   */
  rateVariance: Float64Array;
  survival: SurvivalCurve;
}

/** The fitted incidence regressions (refitted, say, monthly; reused in between). */
export interface IncidenceFit {
  origin: number;
  units: string[];
  options: AbsenceModelOptions;
  fits: Nb2Fit[];
}

export interface AbsenceModel {
  origin: number;
  options: AbsenceModelOptions;
  units: string[];
  groups: GroupModel[];
  /** Duration curve per sickness type (for ongoing spells). */
  survivalByType: Record<SicknessType, SurvivalCurve>;
  history: PreparedHistory;
  incidence: IncidenceFit;
}

function columnNames(units: readonly string[], o: AbsenceModelOptions): string[] {
  const names = ['(intercept)', ...units.map((u) => `unit:${u}`), 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  if (o.season === 'month') for (let m = 2; m <= 12; m++) names.push(`month${m}`);
  else for (let k = 1; k <= o.fourierK; k++) names.push(`sin${k}`, `cos${k}`);
  names.push('publicHoliday', 'schoolHoliday');
  return names;
}

function calendarEntries(day: number, base: number, o: AbsenceModelOptions, out: Array<[number, number]>): void {
  const f = dayFeatures(day, o.schoolHolidays);
  if (f.weekday > 0) out.push([base + f.weekday - 1, 1]);
  let c = base + 6;
  if (o.season === 'month') {
    if (f.month > 0) out.push([c + f.month - 1, 1]);
    c += 11;
  } else {
    for (let k = 1; k <= o.fourierK; k++) {
      out.push([c++, Math.sin(2 * Math.PI * k * f.yearFraction)]);
      out.push([c++, Math.cos(2 * Math.PI * k * f.yearFraction)]);
    }
  }
  if (f.publicHoliday) out.push([c, 1]);
  if (f.schoolHoliday) out.push([c + 1, 1]);
}

/** A row of the design for unit index u on a day. */
function designRow(units: number, u: number, day: number, o: AbsenceModelOptions): Array<[number, number]> {
  const row: Array<[number, number]> = [
    [0, 1],
    [1 + u, 1],
  ];
  calendarEntries(day, 1 + units, o, row);
  return row;
}

function rowValue(row: ReadonlyArray<readonly [number, number]>, beta: ArrayLike<number>): number {
  let s = 0;
  for (const [c, v] of row) s += v * beta[c];
  return s;
}

/** Persons at risk of a new spell: employed and not already absent. */
function atRisk(history: PreparedHistory, unit: string, day: number): number {
  return history.employed(unit, day) - history.series.get(unit)!.absentBefore[day - history.start];
}

const warmStarts = new WeakMap<PreparedHistory, Map<string, Float64Array>>();

/** Fits the incidence regressions on the history before `origin`. */
export function fitIncidence(history: PreparedHistory, origin: number, options: Partial<AbsenceModelOptions> = {}): IncidenceFit {
  const o = { ...DEFAULT_MODEL_OPTIONS, ...options };
  const units = history.units;
  const U = units.length;
  if (U === 0) throw new RangeError('no units in the absence history');
  const last = Math.min(origin - 1, history.end);
  const first = Math.max(history.start + 1, origin - o.trainDays);
  if (last - first < 27) throw new RangeError(`too little history before ${fromEpochDay(origin)}: need at least 4 weeks`);
  const names = columnNames(units, o);
  const p = names.length;

  const rowUnit: number[] = [];
  const rowDay: number[] = [];
  const logRisk: number[] = [];
  const builder = new DesignBuilder(names);
  for (let u = 0; u < U; u++) {
    for (let d = first; d <= last; d++) {
      const risk = atRisk(history, units[u], d);
      if (!(risk >= 0.5)) continue;
      rowUnit.push(u);
      rowDay.push(d);
      logRisk.push(Math.log(risk));
      builder.add(designRow(U, u, d, o));
    }
  }
  if (rowUnit.length < 28) throw new RangeError('too few unit-days with staff at risk to fit the absence model');
  const design: Design = builder.build();
  const penalty = new Float64Array(p).fill(1); // N(0, 1) priors on the calendar effects
  penalty[0] = 0;
  const unitCols = units.map((_, u) => 1 + u);
  for (const c of unitCols) penalty[c] = o.pooling ? 0 : 1e-6;

  let warm = warmStarts.get(history);
  if (!warm) warmStarts.set(history, (warm = new Map()));
  const fits = ONSET_GROUPS.map((g, gi) => {
    const y = new Float64Array(rowUnit.length);
    for (let i = 0; i < y.length; i++) y[i] = history.series.get(units[rowUnit[i]])!.onsets[gi][rowDay[i] - history.start];
    const key = `${g.name}|${names.join(',')}`;
    const prev = warm!.get(key);
    const fit = fitNb2(design, y, logRisk, {
      penalty,
      randomEffects: o.pooling ? [{ name: 'unit', cols: unitCols, ...(prev ? { variance: prev[p + 1] } : {}) }] : [],
      ...(prev ? { start: prev.subarray(0, p), startTheta: prev[p] } : {}),
    });
    warm!.set(key, Float64Array.from([...fit.beta, fit.theta, fit.variances.unit ?? 0.1]));
    return fit;
  });
  return { origin, units: [...units], options: o, fits };
}

/**
 * The model at `origin`: the incidence regressions (fitted now, or `incidence` from an earlier
 * refit), the adaptive level and the duration curves as known on the day before the origin.
 */
export function fitAbsenceModel(history: PreparedHistory, origin: number, options: Partial<AbsenceModelOptions> = {}, incidence?: IncidenceFit): AbsenceModel {
  const inc = incidence && incidence.origin <= origin ? incidence : fitIncidence(history, origin, options);
  const o = inc.options;
  const units = inc.units;
  const U = units.length;
  const last = Math.min(origin - 1, history.end);
  const groups: GroupModel[] = ONSET_GROUPS.map((g, gi) => {
    const fit = inc.fits[gi];
    // Adaptive level, two components: a persistent one (observed / expected onsets, weighted with a
    // half-life of `longLevelHalfLifeDays`; it tracks drift such as staff turnover) and a short one
    // on top (half-life `levelHalfLifeDays`, fading over the horizon; flu waves and the like).
    const longLevel = new Float64Array(U);
    const level = new Float64Array(U);
    for (let u = 0; u < U; u++) {
      const ser = history.series.get(units[u])!;
      const days: number[] = [];
      const obs: number[] = [];
      const exp: number[] = [];
      for (let d = Math.max(history.start + 1, last - o.longLevelWindowDays + 1); d <= last; d++) {
        const risk = atRisk(history, units[u], d);
        if (!(risk >= 0.5)) continue;
        days.push(d);
        obs.push(ser.onsets[gi][d - history.start]);
        exp.push(risk * Math.exp(rowValue(designRow(U, u, d, o), fit.beta)));
      }
      const ratio = (halfLife: number, window: number, base: number) => {
        let num = o.levelPrior;
        let den = o.levelPrior;
        for (let i = 0; i < days.length; i++) {
          const age = last - days[i];
          if (age >= window) continue;
          const w = Math.pow(0.5, age / halfLife);
          num += w * obs[i];
          den += w * exp[i] * base;
        }
        return num / den;
      };
      longLevel[u] = ratio(o.longLevelHalfLifeDays, o.longLevelWindowDays, 1);
      level[u] = ratio(o.levelHalfLifeDays, o.levelWindowDays, longLevel[u]);
    }
    const durations = collectDurations(history, origin, o.survivalDays, g.types);
    return { fit, level, longLevel, rateVariance: rateVariance(history, inc, gi, last), survival: kaplanMeier(durations) };
  });
  const survivalByType = Object.fromEntries(
    SICKNESS_TYPES.map((t) => {
      const d = collectDurations(history, origin, o.survivalDays, [t]);
      return [t, d.length >= 20 ? kaplanMeier(d) : groups[t === 'doctor_certified' ? 1 : 0].survival];
    }),
  ) as Record<SicknessType, SurvivalCurve>;
  return { origin, options: o, units: [...units], groups, survivalByType, history, incidence: inc };
}

/**
 * Moment estimate of the slow (between-block) variance of the incidence rate: over 28-day blocks
 * per unit, v = Σ((O − E)² − O) / Σ E² with O observed and E expected onsets (floored at 0),
 * plus each unit's posterior variance of β₀ + b_u.
 */
function rateVariance(history: PreparedHistory, inc: IncidenceFit, g: number, last: number): Float64Array {
  const o = inc.options;
  const U = inc.units.length;
  const fit = inc.fits[g];
  const BLOCK = 28;
  const first = Math.max(history.start + 1, last - o.trainDays + 1);
  let num = 0;
  let den = 0;
  for (let u = 0; u < U; u++) {
    const ser = history.series.get(inc.units[u])!;
    for (let end = last; end - BLOCK + 1 >= first; end -= BLOCK) {
      let obs = 0;
      let exp = 0;
      for (let d = end - BLOCK + 1; d <= end; d++) {
        const risk = atRisk(history, inc.units[u], d);
        if (!(risk >= 0.5)) continue;
        obs += ser.onsets[g][d - history.start];
        exp += risk * Math.exp(rowValue(designRow(U, u, d, o), fit.beta));
      }
      num += (obs - exp) * (obs - exp) - obs;
      den += exp * exp;
    }
  }
  const slow = den > 0 ? Math.max(0, num / den) : 0;
  const out = new Float64Array(U);
  const c = fit.covariance;
  for (let u = 0; u < U; u++) out[u] = slow + Math.max(0, c.get(0, 0) + c.get(1 + u, 1 + u) + 2 * c.get(0, 1 + u));
  return out;
}

function collectDurations(history: PreparedHistory, origin: number, days: number, types: readonly SicknessType[]): Duration[] {
  const out: Duration[] = [];
  const last = origin - 1;
  for (const ser of history.series.values()) {
    for (const s of ser.spells) {
      if (s.leftTruncated || s.from > last || s.from < origin - days || !types.includes(s.type)) continue;
      const seenTo = Math.min(s.to, last);
      out.push({ days: seenTo - s.from + 1, censored: s.to >= last });
    }
  }
  return out;
}

export interface DayForecast {
  date: LocalDate;
  epochDay: number;
  /** 1 = the origin day. */
  horizon: number;
  mean: number;
  variance: number;
  /** Expected absent from spells already running before the origin. */
  ongoing: number;
  /** Expected absent from spells starting on or after the origin. */
  fromNewSpells: number;
  /** Expected new spells starting that day. */
  onsets: number;
  /** The model distribution (before calibration). */
  dist: CountDist;
}

/** The incidence rate per person at risk of group g, unit u, on a day (before the level). */
function ratePerPerson(model: AbsenceModel, g: number, u: number, day: number): number {
  return Math.exp(rowValue(designRow(model.units.length, u, day, model.options), model.groups[g].fit.beta));
}

/** Forecasts `days` days from the model's origin for one unit. */
export function forecastUnit(model: AbsenceModel, unit: string, days: number): DayForecast[] {
  const u = model.units.indexOf(unit);
  if (u < 0) throw new RangeError(`unit ${unit} is not in the absence history`);
  const o = model.options;
  const F = model.origin;
  const hist = model.history;
  const ser = hist.series.get(unit)!;
  const last = F - 1;
  // Ongoing spells at the end of the day before the origin.
  const ongoing = ser.spells
    .filter((s) => s.from <= last && s.to >= last)
    .map((s) => projectOngoing(model.survivalByType[s.type], last - s.from + 1, days));
  const G = model.groups.length;
  const S = model.groups.map((g) => survivalTable(g.survival, days + 1));
  const lambda = model.groups.map(() => new Float64Array(days));
  const out: DayForecast[] = [];
  for (let k = 0; k < days; k++) {
    const day = F + k;
    let before = 0;
    const ps: number[] = [];
    for (const pr of ongoing) {
      before += pr[k];
      ps.push(pr[k]);
    }
    const ongoingMean = before;
    for (let g = 0; g < G; g++) for (let j = 0; j < k; j++) before += lambda[g][j] * S[g][k - j + 1];
    const employed = hist.employed(unit, day);
    const risk = Math.max(0.05 * employed, employed - before);
    let newMean = 0;
    let newVar = 0;
    let onsets = 0;
    for (let g = 0; g < G; g++) {
      const gm = model.groups[g];
      let groupMean = 0;
      const mult = gm.longLevel[u] * (1 + (gm.level[u] - 1) * Math.pow(0.5, k / o.levelDecayDays));
      lambda[g][k] = employed > 0 ? ratePerPerson(model, g, u, day) * risk * mult : 0;
      onsets += lambda[g][k];
      const theta = gm.fit.theta;
      for (let j = 0; j <= k; j++) {
        const m = lambda[g][j] * S[g][k - j + 1];
        groupMean += m;
        newVar += m + (Number.isFinite(theta) ? (m * m) / theta : 0);
      }
      newMean += groupMean;
      newVar += groupMean * groupMean * gm.rateVariance[u];
    }
    const dist = convolve(poissonBinomial(ps), negBinomialFromMoments(newMean, newVar));
    out.push({
      date: fromEpochDay(day),
      epochDay: day,
      horizon: k + 1,
      mean: dist.mean,
      variance: dist.variance,
      ongoing: ongoingMean,
      fromNewSpells: newMean,
      onsets,
      dist,
    });
  }
  return out;
}
