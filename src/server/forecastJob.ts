/**
 * One absence forecast as the API runs it (in a worker thread, see forecastRunner.ts): the
 * calibrated unit-day forecast of `forecastAbsence`, and, when the unit has a staffing plan,
 * its split by shift and competence (`splitByShift`). Plain data in and out, so it can cross
 * the thread boundary.
 */
import type { Demand } from '../core/model/plan.js';
import type { AbsenceSpell } from '../forecast/history.js';
import { plannedCells, splitByShift } from '../forecast/shifts.js';
import { forecastAbsence, ForecastInputError, type UnitForecastRequest } from '../forecast/unitForecast.js';
import type { NewsvendorCosts, SizingResult } from '../forecast/newsvendor.js';
import { recommendPredictionShifts } from '../forecast/predictionShifts.js';

export interface ForecastJob {
  spells: AbsenceSpell[];
  request: UnitForecastRequest;
  /** The staffing plan to split the forecast by (its weekday lines apply to every date). */
  demand?: Demand[];
  /** Size prediction shifts for this staffing plan with the newsvendor rule (on the calibrated forecast). */
  prediction?: { demand: Demand[]; employed: number; costs: NewsvendorCosts; pooling: 'slot' | 'shift' | 'day' };
}

export interface ForecastDay {
  date: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  /** Expected absent from spells already running before the first forecast day. */
  ongoing: number;
}

export interface ShiftForecastRow {
  date: string;
  shift: string;
  competence: string | null;
  /** Persons on the shift in the staffing plan (target, else minimum). */
  planned: number;
  /** Expected absent among them. */
  mean: number;
}

export interface ForecastJobResult {
  rows: ForecastDay[];
  byShift: ShiftForecastRow[] | null;
  staff: number;
  staffEstimated: boolean;
  historyStart: string;
  historyEnd: string;
  spellsUsed: number;
  calibrationOrigins: number;
  prediction?: SizingResult;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function runForecastJob(job: ForecastJob): ForecastJobResult {
  const r = forecastAbsence(job.spells, job.request);
  const staff = r.staff[job.request.unit];
  const rows = r.rows.map((row, i) => ({ ...row, ongoing: r2(r.days[i].ongoing) }));
  let byShift: ShiftForecastRow[] | null = null;
  if (job.demand?.length) {
    byShift = [];
    for (const d of r.days)
      for (const s of splitByShift(d.dist, plannedCells(job.demand, d.date), staff))
        byShift.push({ date: d.date, shift: s.shift, competence: s.competence, planned: s.planned, mean: r2(s.mean) });
  }
  const prediction = job.prediction
    ? recommendPredictionShifts({ days: r.days, demand: job.prediction.demand, employed: job.prediction.employed, costs: job.prediction.costs, pooling: job.prediction.pooling, calibrator: r.calibrator })
    : undefined;
  return {
    ...(prediction ? { prediction } : {}),
    rows,
    byShift,
    staff,
    staffEstimated: r.staffEstimated,
    historyStart: r.historyStart,
    historyEnd: r.historyEnd,
    spellsUsed: r.spellsUsed,
    calibrationOrigins: r.calibrationOrigins,
  };
}

/** What the worker posts back. */
export type ForecastWorkerMessage = { ok: true; result: ForecastJobResult } | { ok: false; inputError: boolean; message: string };

export function runForecastMessage(job: ForecastJob): ForecastWorkerMessage {
  try {
    return { ok: true, result: runForecastJob(job) };
  } catch (e) {
    return { ok: false, inputError: e instanceof ForecastInputError, message: e instanceof Error ? e.message : String(e) };
  }
}
