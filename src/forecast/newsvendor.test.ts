import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negBinomialFromMoments, negBinomial } from './distribution.js';
import { allocate, criticalRatio, expectedCost, newsvendorCount, NewsvendorInputError, poolAcrossUnits, probAtLeast, sizePredictionShifts, type PooledDay } from './newsvendor.js';

// FORECASTING.md § 3: a 4-week period with 13.4 expected absences and φ = 2 has the quantiles
// 0.33 → 11, 0.5 → 13, 0.6 → 14, 0.75 → 17, 0.8 → 18.
test('newsvendor count is the critical-fractile quantile of the worked example', () => {
  const d = negBinomialFromMoments(13.4, 13.4 * 2);
  assert.equal(newsvendorCount(d, { shortNoticeCost: 0.5, unusedCost: 1 }), 11);
  assert.equal(newsvendorCount(d, { shortNoticeCost: 1, unusedCost: 1 }), 13);
  assert.equal(newsvendorCount(d, { shortNoticeCost: 0.75, unusedCost: 0.5 }), 14);
  assert.equal(newsvendorCount(d, { shortNoticeCost: 1.5, unusedCost: 0.5 }), 17);
  assert.equal(newsvendorCount(d, { shortNoticeCost: 3, unusedCost: 0.75 }), 18);
});

test('the newsvendor count minimises the expected cost', () => {
  for (const [mean, phi] of [[0.3, 1.5], [1, 2], [2, 2], [6, 3]] as const) {
    const d = negBinomialFromMoments(mean, mean * phi);
    for (const costs of [{ shortNoticeCost: 0.5, unusedCost: 1 }, { shortNoticeCost: 3, unusedCost: 0.75 }, { shortNoticeCost: 1.5, unusedCost: 0.5 }]) {
      const k = newsvendorCount(d, costs);
      const c = expectedCost(d, k, costs);
      for (let j = 0; j <= k + 5; j++) assert.ok(c <= expectedCost(d, j, costs) + 1e-9, `mean ${mean}: k=${k} cost ${c} > k=${j}`);
    }
  }
});

test('per-slot probabilities of the worked example (mean 2, φ = 2)', () => {
  const d = negBinomialFromMoments(2, 4);
  assert.ok(Math.abs(probAtLeast(d, 1) - 0.75) < 0.01);
  assert.ok(Math.abs(probAtLeast(d, 2) - 0.5) < 0.01);
  assert.equal(probAtLeast(d, 0), 1);
});

test('pooling the day plans shifts where single slots would not justify one', () => {
  const slot = (shift: string, mean: number) => ({ date: '2027-01-04', shift, competence: null, dist: negBinomial(mean, 5) });
  const slots = [slot('D', 0.5), slot('A', 0.35), slot('N', 0.15)];
  const day: PooledDay = { date: '2027-01-04', dist: negBinomial(1.0, 5), slots };
  const costs = { shortNoticeCost: 0.75, unusedCost: 0.5 }; // ratio 0.6
  const bySlot = sizePredictionShifts([day], costs, 'slot');
  const byDay = sizePredictionShifts([day], costs, 'day');
  assert.equal(bySlot.slots.length, 0, 'no slot alone has P(D ≥ 1) ≥ 0.4');
  assert.equal(byDay.days[0].count, 1);
  assert.deepEqual(byDay.slots.map((s) => s.shift), ['D'], 'the shift goes to the riskiest slot');
  assert.ok(byDay.days[0].costWith < byDay.days[0].costWithout);
});

test('allocation follows the marginal probability', () => {
  const slots = [
    { date: 'x', shift: 'D', competence: null, dist: negBinomial(2, 5) },
    { date: 'x', shift: 'A', competence: null, dist: negBinomial(0.5, 5) },
  ];
  const n = allocate(slots, 3);
  assert.equal(n[0] + n[1], 3);
  assert.ok(n[0] >= 2);
});

test('a shared pool across units needs fewer shifts than the units alone', () => {
  const day = (date: string, mean: number): PooledDay => ({ date, dist: negBinomial(mean, 4), slots: [{ date, shift: 'D', competence: null, dist: negBinomial(mean, 4) }] });
  const costs = { shortNoticeCost: 1, unusedCost: 1 };
  const units = ['a', 'b', 'c'].map((u) => ({ unit: u, days: [day('2027-01-04', 0.6)] }));
  const alone = units.reduce((s, u) => s + sizePredictionShifts(u.days, costs, 'day').days[0].count, 0);
  const pooled = poolAcrossUnits(units, costs).reduce((s, x) => s + x.count, 0);
  assert.equal(alone, 0, 'each unit alone: the median of 0.6 expected absences is 0');
  assert.ok(pooled >= 1, `the pool of 1.8 expected absences plans at least one shift (${pooled})`);
});

test('bad costs are refused', () => {
  assert.throws(() => criticalRatio({ shortNoticeCost: 0, unusedCost: 1 }), NewsvendorInputError);
  assert.throws(() => criticalRatio({ shortNoticeCost: 1, unusedCost: Number.NaN }), NewsvendorInputError);
});
