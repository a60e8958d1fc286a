import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cdf, convolve, negBinomial, pit, poissonBinomial, quantile, thin } from './distribution.js';
import { Calibrator, pitSample } from './calibration.js';
import { kaplanMeier, projectOngoing, survival } from './survival.js';
import { Rng } from '../demo/random.js';
import { sampleNb } from './testing.js';

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('negative binomial tables have the right moments, also for large counts', () => {
  for (const [m, size] of [
    [0.3, 2],
    [2.5, 0.8],
    [40, 5],
    [9000, 30],
    [3, Infinity],
  ]) {
    const d = negBinomial(m, size);
    close(d.mean, m, 1e-6 * Math.max(1, m), `mean ${m},${size}`);
    close(d.variance, m + (Number.isFinite(size) ? (m * m) / size : 0), 1e-5 * Math.max(1, m * m), `variance ${m},${size}`);
  }
  const p = negBinomial(2, 1); // geometric with p = 1/3: P(0) = 1/3
  close(p.pmf[0], 1 / 3, 1e-12, 'P(0)');
  assert.equal(quantile(p, 1 / 3), 0);
  assert.equal(quantile(p, 0.34), 1);
  close(cdf(p, 1), 1 / 3 + 2 / 9, 1e-12, 'cdf(1)');
});

test('Poisson-binomial, convolution and thinning are exact', () => {
  const pb = poissonBinomial([0.9, 0.5]);
  assert.deepEqual(Array.from(pb.pmf).map((x) => +x.toFixed(12)), [0.05, 0.5, 0.45]);
  const c = convolve(pb, negBinomial(1, Infinity));
  close(c.mean, 2.4, 1e-9, 'mean of the sum');
  close(c.variance, 0.09 + 0.25 + 1, 1e-9, 'variance of the sum');
  const t = thin(negBinomial(4, 2), 0.25); // NB thinned stays NB with the same size
  close(t.mean, 1, 1e-9, 'thinned mean');
  close(t.variance, 1 + 1 / 2, 1e-6, 'thinned variance');
  const q = pit(pb, 1);
  close(q.below, 0.05, 1e-12, 'F(y − 1)');
  close(q.atOrBelow, 0.55, 1e-12, 'F(y)');
});

test('calibration widens the intervals of an over-confident model to the nominal coverage', () => {
  // Truth NB(m, 1.5); the model believes Poisson(m). Calibrate on one sample, check on another.
  const rng = new Rng(7);
  const draw = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const m = 0.5 + (i % 7) * 0.6;
      return { m, y: sampleNb(rng, m, 1.5), h: 1 + (i % 28) };
    });
  const train = draw(6000);
  const testSet = draw(6000);
  const cal = Calibrator.fit(train.map((s) => pitSample(negBinomial(s.m, Infinity), s.y, s.h)));
  const coverage = (c: Calibrator, level: number) =>
    testSet.filter((s) => {
      const [lo, hi] = c.interval(negBinomial(s.m, Infinity), s.h, level);
      return s.y >= lo && s.y <= hi;
    }).length / testSet.length;
  const raw = coverage(Calibrator.identity(), 0.8);
  const calibrated = coverage(cal, 0.8);
  assert.ok(raw < 0.77, `raw coverage ${raw}`);
  assert.ok(calibrated > 0.77 && calibrated < 0.83, `calibrated coverage ${calibrated}`);
  const c95 = coverage(cal, 0.95);
  assert.ok(c95 > 0.93 && c95 < 0.97, `95 %: ${c95}`);
  // The calibrated newsvendor quantile of a right model stays the model's own quantile.
  const right = Calibrator.fit(train.map((s) => pitSample(negBinomial(s.m, 1.5), s.y, s.h)));
  let same = 0;
  for (const s of testSet.slice(0, 500)) if (right.quantile(negBinomial(s.m, 1.5), s.h, 0.75) === quantile(negBinomial(s.m, 1.5), 0.75)) same++;
  assert.ok(same > 450, `${same}/500 quantiles unchanged`);
});

test('Kaplan–Meier recovers a known hazard under censoring, and the ongoing projection decays', () => {
  const rng = new Rng(3);
  const durations = Array.from({ length: 4000 }, () => {
    let n = 1;
    while (rng.next() > 0.25) n++; // geometric: hazard 0.25 a day
    const cut = 1 + Math.floor(rng.next() * 12);
    return n <= cut ? { days: n, censored: false } : { days: cut, censored: true };
  });
  const km = kaplanMeier(durations);
  for (const n of [1, 2, 4, 6]) close(km.hazard[n], 0.25, 0.04, `h(${n})`);
  close(survival(km, 3), 0.75 ** 2, 0.03, 'S(3)');
  const p = projectOngoing(km, 3, 30);
  for (let k = 1; k < p.length; k++) assert.ok(p[k] <= p[k - 1], 'non-increasing');
  assert.ok(p[0] < 0.8 && p[0] > 0.7, `tomorrow ${p[0]}`);
  assert.ok(p[29] < 0.01, `in 30 days ${p[29]}`);
});

test('a unit-day forecast splits over the planned shift mix by binomial thinning', async () => {
  const { plannedCells, splitByShift } = await import('./shifts.js');
  const demand = [
    { shift: 'D', days: ['mon', 'tue', 'wed', 'thu', 'fri'] as Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri'>, min: 4, target: 5 },
    { shift: 'D', competence: 'sykepleier', min: 1, target: 1 },
    { shift: 'N', min: 2 },
    { shift: 'D', dates: ['2027-05-17'], min: 2, target: 2 },
  ];
  const monday = plannedCells(demand, '2027-01-04');
  assert.deepEqual(
    monday.map((c) => `${c.shift}/${c.competence ?? '*'}=${c.planned}`),
    ['D/*=5', 'D/sykepleier=1', 'N/*=2'],
  );
  assert.equal(plannedCells(demand, '2027-05-17').find((c) => c.shift === 'D' && c.competence === null)!.planned, 2);
  const day = negBinomial(2.4, 3);
  const parts = splitByShift(day, monday, 20);
  close(parts[0].share, 5 / 20, 1e-12, 'share D');
  close(parts.reduce((s, p) => s + p.mean, 0), 2.4 * (8 / 20), 1e-9, 'absent shifts');
  close(parts[2].dist.variance, 2.4 * 0.1 + (2.4 * 0.1) ** 2 / 3, 1e-6, 'thinned NB variance');
});
