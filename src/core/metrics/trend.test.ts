import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareBaseline, monthEnds, monthlyTrend, MetricsInputError, type MetricsInput } from './index.js';
import { organisation } from './testkit.js';

const U1 = { kind: 'unit', id: 'u1' } as const;

function input(): MetricsInput {
  return {
    ...organisation(),
    hired: [
      { date: '2027-01-05', unitId: 'u1', hours: 7.5, kind: 'agency' },
      { date: '2027-01-06', unitId: 'u1', hours: 8, kind: 'agency' },
      { date: '2025-12-01', unitId: 'u1', hours: 50, kind: 'agency' },
    ],
    absences: [{ employee: 'a', from: '2027-01-11', to: '2027-01-15', kind: 'doctor_certified' }],
  };
}

const series = (t: ReturnType<typeof monthlyTrend>, key: string) => t.series.find((s) => s.key === key)!.values;

test('month ends in a range, across a year end', () => {
  assert.deepEqual(monthEnds('2026-11-15', '2027-02-10'), ['2026-11-30', '2026-12-31', '2027-01-31']);
  assert.deepEqual(monthEnds('2027-01-31', '2027-03-30'), ['2027-01-31', '2027-02-28']);
  assert.deepEqual(monthEnds('2027-01-01', '2027-01-30'), []);
});

test('monthly trend: one point per month end; flows per calendar month by default', () => {
  const t = monthlyTrend(input(), '2026-11-15', '2027-02-10', U1);
  assert.deepEqual(t.dates, ['2026-11-30', '2026-12-31', '2027-01-31']);
  assert.equal(t.points.length, 3);
  assert.equal(t.window, 'month');
  assert.deepEqual(series(t, 'averagePosition'), [61.25, 61.25, 67.5]);
  assert.deepEqual(series(t, 'hired.agencyHours'), [0, 0, 15.5]);
  // No plan before January: null, not 0. January's plan: 34 h over 2 persons × 14 days.
  assert.deepEqual(series(t, 'weekendHoursPerPersonYear'), [null, null, 443.21]);
  // a: 5 doctor-certified days of 31 × 2.7 person-days = 5 / 83.7.
  assert.deepEqual(series(t, 'sickLeave.rate'), [0, 0, 5.97]);
  assert.equal(t.points[2].window.from, '2027-01-01');
  for (const s of t.series) assert.equal(s.values.length, 3);

  // Rolling year: Nov 2026 still sees the 50 agency hours of December 2025.
  const r = monthlyTrend(input(), '2026-11-15', '2027-02-10', U1, { window: 'rollingYear' });
  assert.deepEqual(series(r, 'hired.agencyHours'), [50, 0, 15.5]);
  assert.equal(r.points[0].window.days, 365);
});

test('monthly trend: refused ranges, and an empty range says so', () => {
  assert.throws(() => monthlyTrend(input(), '2027-02-01', '2027-01-01', U1), MetricsInputError);
  assert.throws(() => monthlyTrend(input(), '2027-13-01', '2027-12-01', U1), MetricsInputError);
  const t = monthlyTrend(input(), '2027-01-02', '2027-01-20', U1);
  assert.deepEqual(t.points, []);
  assert.equal(t.notes[0].code, 'noMonthEnd');
});

test('baseline comparison: each figure\'s change since the baseline (benefit tracking)', () => {
  const c = compareBaseline(input(), '2026-06-30', '2027-01-31', U1);
  const ch = (key: string) => c.changes.find((x) => x.key === key)!;
  // Average position 61.25 → 67.5: +6.25 percentage points, +10.2 %.
  assert.deepEqual(
    { b: ch('averagePosition').baseline, c: ch('averagePosition').current, d: ch('averagePosition').change, u: ch('averagePosition').changeUnit, r: ch('averagePosition').relativeChangePercent },
    { b: 61.25, c: 67.5, d: 6.25, u: 'percentagePoints', r: 10.2 },
  );
  assert.equal(ch('fte').change, 0.25);
  assert.equal(ch('fte').changeUnit, 'fte');
  assert.equal(ch('averagePositionByCompetence.helsefagarbeider').change, 25);
  // Agency hours over the year before each date: 50 → 15.5.
  assert.equal(ch('hired.agencyHours').baseline, 50);
  assert.equal(ch('hired.agencyHours').change, -34.5);
  assert.equal(ch('hired.agencyHours').relativeChangePercent, -69);
  // No plan in the baseline year: no change, with the reason.
  const w = ch('weekendHoursPerPersonYear');
  assert.equal(w.baseline, null);
  assert.equal(w.change, null);
  assert.equal(w.reason?.code, 'changeUnknown');
  assert.match(w.reason!.en, /baseline/);
  // A 0 baseline has no relative change.
  assert.equal(ch('distribution.20to49.count').relativeChangePercent, null);
  assert.throws(() => compareBaseline(input(), '2027-02-01', '2027-01-31', U1), MetricsInputError);
});
