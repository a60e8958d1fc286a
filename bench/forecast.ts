/**
 * `npm run bench:forecast` – rolling-origin backtests of the absence forecast against the
 * baselines B1–B3 (FORECASTING.md §2.6):
 *  (a) synthetic units from the demo generator, where the true expected absence is known;
 *  (b) the public series in shared/data/absence: CBS (NL) quarterly health-sector absence one
 *      year ahead, and the Scottish NHS / care-home staff absence series through the COVID surges.
 * Prints the tables and writes them to docs/benchmarks.md, section "Absence forecasting".
 *
 *   npm run bench:forecast -- [--seeds 2027,…] [--quick] [--no-write]
 *
 * Shared data: $BEMANNA_SHARED, default ../shared next to the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fromEpochDay, toEpochDay } from '../src/core/time/localDate.js';
import { syntheticUnits } from '../src/forecast/synthetic.js';
import { runDailyBacktest, type DailyBacktestResult } from '../src/forecast/backtest.js';
import { runAggregateBacktest, type AggregateBacktestOptions, type AggregateBacktestResult, type AggregateSeries } from '../src/forecast/aggregate.js';
import { parseCbsQuarterly, parseDatedCsv } from '../src/forecast/realData.js';
import type { Summary } from '../src/forecast/metrics.js';
import { writeSection } from './docs.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    quick: { type: 'boolean' },
    'no-write': { type: 'boolean' },
  },
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.BEMANNA_SHARED ?? resolve(repoRoot, '..', 'shared');
const dataDir = join(shared, 'data', 'absence');
const TAU = 0.75;
const quick = !!values.quick;
const seeds = (values.seeds ?? (quick ? '2027,2028' : '2027,2028,2029,2030,2031,2032,2033,2034')).split(',').map(Number);

const out: string[] = [];
const say = (s = '') => {
  out.push(s);
  console.log(s);
};
const f2 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2));
const f3 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3));
const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(1)} %`);

const LABEL: Record<string, string> = {
  model: '**NB model, calibrated**',
  'model-raw': 'NB model, raw intervals',
  b1: 'B1 rate × weekday × month',
  b2: 'B2 weekday mean, last 8 weeks',
  b3: 'B3 same weekday 52 weeks back',
};

function table(rows: Array<[string, Summary]>, opts: { truth?: boolean; digits?: (x: number | undefined) => string } = {}): void {
  const d = opts.digits ?? f3;
  say(`| method | n | MAE | MASE | bias | pinball τ=${TAU} | cover 50 % | cover 80 % | cover 95 % |${opts.truth ? ' MAE vs true mean |' : ''}`);
  say(`| --- | --- | --- | --- | --- | --- | --- | --- | --- |${opts.truth ? ' --- |' : ''}`);
  for (const [name, s] of rows) {
    if (!s || s.n === 0) {
      say(`| ${name} | 0 | n/a | | | | | | |${opts.truth ? ' |' : ''}`);
      continue;
    }
    say(
      `| ${name} | ${s.n} | ${d(s.mae)} | ${f2(s.mase)} | ${d(s.bias)} | ${d(s.pinball)} | ${pct(s.coverage[0.5])} | ${pct(s.coverage[0.8])} | ${pct(s.coverage[0.95])} |${opts.truth ? ` ${d(s.maeVsTruth)} |` : ''}`,
    );
  }
}

const t0 = Date.now();
const date = new Date().toISOString().slice(0, 10);
say(`Command: \`npm run bench:forecast${values.seeds ? ` -- --seeds ${values.seeds}` : quick ? ' -- --quick' : ''}\` (${date}). Decision quantile τ = ${TAU} (e.g. agency cover at 2× plus quality cost, unused shift half useful: FORECASTING.md §3).`);
say(
  'Metrics: MAE and bias of the forecast mean; MASE = MAE / in-sample MAE of the seasonal naive forecast of each series at each origin (lag 7 days, 4 quarters or 1 week); pinball loss of the calibrated τ-quantile; share of outcomes inside the calibrated central 50/80/95 % intervals. Calibration is rolling: at each origin only forecasts of earlier origins whose target dates had passed are used (the last 365 days for the daily units).',
);
say();

// ---------------------------------------------------------------- (a) synthetic units
{
  const years = 5;
  const syn = syntheticUnits(seeds, years);
  const end = syn.history.end;
  const horizon = 56;
  const origins: number[] = [];
  for (let d = toEpochDay('2024-01-01'); d + horizon - 1 <= end; d += 14) origins.push(d);
  const evaluateFrom = toEpochDay('2025-01-01');
  const started = Date.now();
  const res: DailyBacktestResult = runDailyBacktest({
    history: syn.history,
    origins,
    horizon,
    evaluateFrom,
    calibrationDays: 365,
    decisionQuantile: TAU,
    truth: syn.truth,
    onOrigin: (i, n) => {
      if (i % 10 === 0 || i === n) process.stderr.write(`synthetic: origin ${i}/${n}\r`);
    },
  });
  process.stderr.write('\n');
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  say('### (a) Synthetic units (demo generator, true rates known)');
  say();
  say(
    `${syn.history.units.length} units (${seeds.length} seeds × the 4 Fjordvik units, 13–26 staff, ≈ 1–2.5 absent a day), ${years} years of history (${syn.start} – ${syn.end}). Target: employees absent (self-certified, sick child, doctor-certified) per unit and day. Origins every 14 days, horizon 1–${horizon} days; ${res.scoredOrigins} scored origins from ${fromEpochDay(evaluateFrom)} (the ${res.origins - res.scoredOrigins} earlier ones only feed the calibration). Refit monthly, level and ongoing spells updated at each origin. ${secs} s.`,
  );
  say();
  table(
    (['model', 'model-raw', 'b1', 'b2', 'b3'] as const).map((m) => [LABEL[m], res.overall[m]]),
    { truth: true },
  );
  say(`| true expected value (oracle, unconditional) | | ${f3(res.truthMae)} | | | | | | | 0 |`);
  say();
  say('By horizon (MAE / coverage of the 80 % interval):');
  say();
  say('| horizon (days) | NB model | B1 | B2 | B3 |');
  say('| --- | --- | --- | --- | --- |');
  for (const b of res.byBucket) {
    const c = (m: 'model' | 'b1' | 'b2' | 'b3') => `${f3(b.summaries[m].mae)} / ${pct(b.summaries[m].coverage[0.8])}`;
    say(`| ${b.label} | ${c('model')} | ${c('b1')} | ${c('b2')} | ${c('b3')} |`);
  }
  say();
  say(
    'The unconditional true mean is beaten at short horizons because the model knows who is already absent (ongoing spells); "MAE vs true mean" compares each forecast mean with the generator\'s true expected value. Baseline intervals: quasi-Poisson (variance = φ·mean, φ from the last year), calibrated the same way as the model.',
  );
  say();
}

// ---------------------------------------------------------------- (b) real data
function realSection(): void {
  if (!existsSync(dataDir)) {
    say(`### (b) Real data\n\nNot run: ${dataDir} not found (set BEMANNA_SHARED).`);
    return;
  }
  // CBS quarterly, one year ahead.
  {
    const cbs = parseCbsQuarterly(readFileSync(join(dataDir, 'cbs-nl-sickness-absence-quarterly', 'cbs_80072ned_sickness_absence_pct.csv'), 'utf8'));
    const codes: Array<[string, string]> = [
      ['422400', 'Q health & social work'],
      ['422600', '861 hospitals'],
      ['425300', '87 residential care'],
      ['T001081', 'all industries'],
    ];
    const tOf = (y: number, q: number) => (y - 1996) * 4 + (q - 1);
    const T = tOf(2023, 4) + 1;
    const series: AggregateSeries[] = codes.map(([code, name]) => {
      const y = new Array<number>(T).fill(NaN);
      for (const v of cbs.get(code) ?? []) y[tOf(v.year, v.quarter)] = Math.round(v.value * 100);
      return { name, y };
    });
    const H = 4;
    const origins: number[] = [];
    for (let t = tOf(2010, 1); t + H - 1 < T; t++) origins.push(t);
    const opts: AggregateBacktestOptions = {
      series,
      origins,
      horizon: H,
      evaluateFrom: tOf(2013, 1),
      model: { trainPeriods: 20, season: (t) => t % 4, seasons: 4, levelHalfLife: 2, levelDamping: 1 },
      baselines: cbsBaselines(),
      decisionQuantile: TAU,
      reportScale: 0.01,
      minCalibration: 40,
    };
    const res = runAggregateBacktest(opts);
    say('### (b1) CBS (Netherlands) quarterly sickness absence, health and care, one year ahead');
    say();
    say(
      `Four series (Q health & social work, 861 hospitals, 87 residential care, all industries; % of contracted days, values in percentage points), pooled model with quarter effects, 5-year training window. Origins every quarter, horizons 1–4 quarters; ${res.scoredOrigins} scored origins (targets 2013Q1–2023Q4, including the 2020–2022 COVID shocks). B1: 3-year mean × quarter factor; B2: mean of the last 4 quarters; B3: same quarter one year earlier (seasonal naive).`,
    );
    say();
    aggTable(res, 'pp');
    say();
    say('| horizon | NB model MAE / cover 80 % | B1 | B2 | B3 |');
    say('| --- | --- | --- | --- | --- |');
    for (const b of res.byHorizon) {
      const c = (m: 'model' | 'b1' | 'b2' | 'b3') => `${f3(b.summaries[m].mae)} / ${pct(b.summaries[m].coverage[0.8])}`;
      say(`| Q+${b.h} | ${c('model')} | ${c('b1')} | ${c('b2')} | ${c('b3')} |`);
    }
    say();
    const q4 = res.byHorizon[3].summaries;
    say(
      `One year ahead (Q+4) the model's MAE is ${f3(q4.model.mae)} pp against ${f3(q4.b3.mae)} for the seasonal naive B3: ${q4.model.mae <= q4.b3.mae ? 'the model wins' : 'the seasonal naive still wins, as FORECASTING.md §2.5 found'}. Every method is biased low, because absence rose through 2013–2023 and jumped with COVID. The calibration learns from earlier quarters only, so the regime shift leaves the intervals under-covering.`,
    );
    say();
  }
  // Scotland.
  const scot = join(dataDir, 'scotland-health-care-staff-covid-absence');
  {
    const daily = parseDatedCsv(readFileSync(join(scot, 'nhs_scotland_covid_absence_daily_2020.csv'), 'utf8'));
    const groups = ['nursing & midwifery', 'medical & dental', 'other staff'];
    const series: AggregateSeries[] = groups.map((name, i) => ({ name, y: daily.rows.map((r) => r.values[i]) }));
    const first = toEpochDay(daily.rows[0].date);
    const H = 14;
    const origins: number[] = [];
    for (let t = 28; t + H - 1 < daily.rows.length; t++) origins.push(t);
    const res = runAggregateBacktest({
      series,
      origins,
      horizon: H,
      evaluateFrom: 42,
      model: { trainPeriods: 56, season: (t) => (((first + t + 3) % 7) + 7) % 7, seasons: 7, levelHalfLife: 3, levelDamping: 1 },
      baselines: dailyAggregateBaselines(first),
      decisionQuantile: TAU,
      minCalibration: 40,
    });
    say('### (b2) NHS Scotland staff absent for COVID-19 reasons, daily, April–July 2020 (falling first wave)');
    say();
    say(
      `Three staff groups (nursing & midwifery ≈ 1,000–4,400 absent, medical & dental, other), pooled model with weekday effects, 8-week window, level half-life 3 days. Origins every day, horizons 1–${H} days; ${res.scoredOrigins} scored origins (${fromEpochDay(first + 42)} onwards). B1: mean of all history × weekday factor; B2: weekday mean of the last (up to) 8 weeks; B3 (52 weeks back) does not exist in a 112-day series.`,
    );
    say();
    aggTable(res, 'persons');
    say();
  }
  for (const [file, label, pick, expo, text] of [
    [
      'nhs_scotland_covid_absence_weekly_avg_2020_2022.csv',
      '(b3) NHS Scotland, COVID-19 absence, weekly (7-day mean), April 2020 – April 2022',
      (v: number[]) => [v[0], v[1], v[2]],
      null,
      'Three staff groups (mean absent per day in the week), pooled model, 52-week window, level half-life 1.5 weeks. Includes the Omicron surge of December 2021 – January 2022.',
    ],
    [
      'adult_care_homes_staff_absence_weekly_2020_2022.csv',
      '(b4) Scottish adult care homes, staff absent for COVID-19 reasons, weekly, April 2020 – April 2022',
      (v: number[]) => [v[0]],
      (v: number[]) => v[3],
      'Staff absent, with the staff of the reporting homes as exposure (absence rate 10 % → 0.7 % and back up in the winter waves), 52-week window, level half-life 1.5 weeks.',
    ],
  ] as const) {
    const data = parseDatedCsv(readFileSync(join(scot, file), 'utf8'));
    const firstRow = pick(data.rows[0].values);
    const series: AggregateSeries[] = firstRow.map((_, i) => ({
      name: `s${i}`,
      y: data.rows.map((r) => pick(r.values)[i]),
      ...(expo ? { exposure: data.rows.map((r) => expo(r.values)) } : {}),
    }));
    const H = 4;
    const origins: number[] = [];
    for (let t = 26; t + H - 1 < data.rows.length; t++) origins.push(t);
    const res = runAggregateBacktest({
      series,
      origins,
      horizon: H,
      evaluateFrom: 52,
      commonSupport: true,
      model: { trainPeriods: 52, levelHalfLife: 1.5, levelDamping: 0.9 },
      baselines: weeklyBaselines(),
      decisionQuantile: TAU,
      minCalibration: 40,
    });
    say(`### ${label}`);
    say();
    say(
      `${text} Origins every week, horizons 1–${H} weeks; ${res.scoredOrigins} scored origins from ${data.rows[52].date} (targets where B3 exists). B1: exposure × mean rate of the last (up to) 3 years; B2: mean of the last 8 weeks; B3: the same week one year earlier.`,
    );
    say();
    aggTable(res, 'persons');
    say();
  }
}

function aggTable(res: AggregateBacktestResult, unit: string): void {
  const digits = unit === 'pp' ? f3 : (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1));
  table(
    [
      [LABEL.model, res.overall.model],
      [LABEL['model-raw'], res.overall['model-raw']],
      ['B1', res.overall.b1],
      ['B2', res.overall.b2],
      ['B3', res.overall.b3],
    ],
    { digits },
  );
}

/** Quarterly: B1 3-year mean × quarter factor; B2 mean of the last 4 quarters; B3 same quarter a year earlier. */
function cbsBaselines(): AggregateBacktestOptions['baselines'] {
  const mean = (s: AggregateSeries, from: number, to: number, pred: (t: number) => boolean = () => true) => {
    let sum = 0;
    let n = 0;
    for (let t = Math.max(0, from); t < to; t++) {
      if (pred(t) && Number.isFinite(s.y[t])) {
        sum += s.y[t];
        n++;
      }
    }
    return n ? sum / n : NaN;
  };
  return {
    b1: (s, t0, t) => {
      const all = mean(s, t0 - 12, t0);
      return all * (mean(s, t0 - 12, t0, (k) => k % 4 === t % 4) / all);
    },
    b2: (s, t0) => mean(s, t0 - 4, t0),
    b3: (s, t0, t) => {
      let k = t - 4;
      while (k >= t0) k -= 4;
      return s.y[k];
    },
    naiveLag: 4,
  };
}

/** Daily surge series: B1 all-history mean × weekday factor; B2 weekday mean of the last 8 weeks; no B3. */
function dailyAggregateBaselines(firstDay: number): AggregateBacktestOptions['baselines'] {
  const wd = (t: number) => (((firstDay + t + 3) % 7) + 7) % 7;
  return {
    b1: (s, t0, t) => {
      // The rate of all history (up to 3 years) × the weekday factor = the weekday's own mean.
      let ws = 0;
      let wn = 0;
      for (let k = Math.max(0, t0 - 3 * 365); k < t0; k++) {
        if (Number.isFinite(s.y[k]) && wd(k) === wd(t)) {
          ws += s.y[k];
          wn++;
        }
      }
      return wn ? ws / wn : NaN;
    },
    b2: (s, t0, t) => {
      let sum = 0;
      let n = 0;
      for (let k = t0 - 1; k >= Math.max(0, t0 - 56); k--) {
        if (wd(k) === wd(t) && Number.isFinite(s.y[k])) {
          sum += s.y[k];
          n++;
        }
      }
      return n ? sum / n : NaN;
    },
    b3: () => NaN,
    naiveLag: 7,
  };
}

/** Weekly: B1 exposure × mean rate of up to 3 years; B2 mean of the last 8 weeks; B3 52 weeks back. */
function weeklyBaselines(): AggregateBacktestOptions['baselines'] {
  return {
    b1: (s, t0, t) => {
      let num = 0;
      let den = 0;
      for (let k = Math.max(0, t0 - 156); k < t0; k++) {
        if (!Number.isFinite(s.y[k])) continue;
        num += s.y[k];
        den += s.exposure ? s.exposure[k] : 1;
      }
      const e = s.exposure ? s.exposure[Math.min(t, t0 - 1)] : 1;
      return den ? (num / den) * e : NaN;
    },
    b2: (s, t0) => {
      let sum = 0;
      let n = 0;
      for (let k = Math.max(0, t0 - 8); k < t0; k++) {
        if (Number.isFinite(s.y[k])) {
          sum += s.y[k];
          n++;
        }
      }
      return n ? sum / n : NaN;
    },
    b3: (s, _t0, t) => (t - 52 >= 0 ? s.y[t - 52] : NaN),
    naiveLag: 1,
  };
}

realSection();
say(
  'Reading the real-data tables: the point forecasts beat B1–B3 through the surges, because the adaptive level reacts within days. The NHS series have no exposure (headcounts are not published), so the offset is constant. The calibrated intervals under-cover, by 5–15 points at 80 %, whenever the level moves faster than it did in the calibration past. Synthetic units at their own steady state are what the 78–82 % requirement is about.',
);
say();
say(`Total run time ${((Date.now() - t0) / 1000).toFixed(0)} s on the 2-core machine.`);
if (!values['no-write']) {
  writeSection('Absence forecasting', out.join('\n'));
  console.log('\nWrote docs/benchmarks.md (section "Absence forecasting").');
}
