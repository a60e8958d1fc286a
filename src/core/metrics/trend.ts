/**
 * The metrics over time: one point per month end (monthly trend), and every figure's change
 * since a baseline date (gevinstrealisering, benefit tracking).
 */
import { msg, round } from '../heltid/messages.js';
import { addDays, parseLocalDate, type LocalDate } from '../time/localDate.js';
import { checkDate, figuresOf, metricsAsOf, resolveScope } from './compute.js';
import { MetricsInputError, type BaselineComparison, type Figure, type FigureChange, type MetricsInput, type MetricsOptions, type MonthlyTrend, type Scope, type TrendSeries } from './types.js';

export interface TrendOptions extends Omit<MetricsOptions, 'windowDays' | 'windowFrom'> {
  /** 'month' (default): each point's flow figures count its calendar month; 'rollingYear': the 365 days ending on it. */
  window?: 'month' | 'rollingYear';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of every month whose end lies in [from, to]. */
export function monthEnds(from: LocalDate, to: LocalDate): LocalDate[] {
  const p = parseLocalDate(from)!;
  const out: LocalDate[] = [];
  let y = p.y;
  let m = p.m;
  for (;;) {
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
    const end = addDays(next, -1);
    if (end > to) break;
    if (end >= from) out.push(end);
    if (m === 12) {
      y++;
      m = 1;
    } else m++;
  }
  return out;
}

/** One snapshot per month end in [from, to], and each figure as a series aligned with the dates. */
export function monthlyTrend(input: MetricsInput, from: LocalDate, to: LocalDate, scope: Scope, options: TrendOptions = {}): MonthlyTrend {
  checkDate(from, 'from');
  checkDate(to, 'to');
  if (from > to) throw new MetricsInputError([msg('range', `Fra-datoen ${from} er etter til-datoen ${to}`, `The from date ${from} is after the to date ${to}`)]);
  const s = resolveScope(input, scope);
  const window = options.window ?? 'month';
  const { window: _w, ...metricOptions } = options;
  const dates = monthEnds(from, to);
  const points = dates.map((d) =>
    metricsAsOf(input, d, scope, window === 'month' ? { ...metricOptions, windowFrom: `${d.slice(0, 7)}-01` } : { ...metricOptions, windowDays: 365 }),
  );
  const series = new Map<string, TrendSeries>();
  points.forEach((pt, i) => {
    for (const f of figuresOf(pt)) {
      let row = series.get(f.key);
      if (!row) series.set(f.key, (row = { key: f.key, unit: f.unit, definition: f.definition, values: dates.map(() => null) }));
      row.values[i] = f.value;
    }
  });
  const notes = dates.length === 0 ? [msg('noMonthEnd', `Ingen månedsslutt mellom ${from} og ${to}`, `No month end between ${from} and ${to}`)] : [];
  return {
    scope: points[0]?.scope ?? { kind: s.kind, id: s.id, name: s.name, units: [...s.unitIds].sort() },
    window,
    dates,
    points,
    series: [...series.values()],
    notes,
  };
}

function change(key: string, base: Figure | undefined, cur: Figure | undefined, baselineDate: LocalDate, date: LocalDate): FigureChange {
  const f = (cur ?? base)!;
  const b = base?.value ?? null;
  const c = cur?.value ?? null;
  const out: FigureChange = {
    key,
    unit: f.unit,
    definition: f.definition,
    baseline: b,
    current: c,
    change: null,
    changeUnit: f.unit === 'percent' ? 'percentagePoints' : f.unit,
    relativeChangePercent: null,
  };
  if (b === null || c === null) {
    const side = b === null ? { reason: base?.reason, date: baselineDate, nb: 'utgangspunktet', en: 'the baseline' } : { reason: cur?.reason, date, nb: 'nå-tallet', en: 'the current figure' };
    out.reason = msg(
      'changeUnknown',
      `Endringen kan ikke beregnes: ${side.nb} (${side.date}) mangler${side.reason ? ` – ${side.reason.nb}` : ' (ingen slike personer da)'}`,
      `The change cannot be computed: ${side.en} (${side.date}) is missing${side.reason ? ` – ${side.reason.en}` : ' (no such persons then)'}`,
    );
    return out;
  }
  out.change = round(c - b, 4);
  out.relativeChangePercent = Math.abs(b) > 1e-9 ? round(((c - b) / Math.abs(b)) * 100, 2) : null;
  return out;
}

/**
 * Every figure at the baseline date and at `date` over windows of the same length (default a year:
 * hired hours against the year before), with the change (percentage points for percent figures).
 */
export function compareBaseline(input: MetricsInput, baselineDate: LocalDate, date: LocalDate, scope: Scope, options: Omit<MetricsOptions, 'windowFrom'> = {}): BaselineComparison {
  checkDate(baselineDate, 'baselineDate');
  checkDate(date, 'date');
  if (baselineDate > date)
    throw new MetricsInputError([msg('range', `Utgangspunktet ${baselineDate} er etter datoen ${date}`, `The baseline ${baselineDate} is after the date ${date}`)]);
  const { windowFrom: _ignored, ...opts } = options as MetricsOptions;
  const baseline = metricsAsOf(input, baselineDate, scope, opts);
  const current = metricsAsOf(input, date, scope, opts);
  const b = new Map(figuresOf(baseline).map((f) => [f.key, f]));
  const c = new Map(figuresOf(current).map((f) => [f.key, f]));
  const keys = [...c.keys(), ...[...b.keys()].filter((k) => !c.has(k))];
  return { scope: current.scope, baselineDate, date, baseline, current, changes: keys.map((k) => change(k, b.get(k), c.get(k), baselineDate, date)) };
}
