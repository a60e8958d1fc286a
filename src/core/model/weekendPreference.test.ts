import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWeekendPreferenceWish, WEEKEND_PREFERENCE_WEIGHT, weekendPreferenceProblems, weekendPreferenceWishes, weekendsOf } from './weekendPreference.js';

// 2027-01-04 (Monday) – 2027-01-31 (Sunday): four weekends, Saturdays 9, 16, 23, 30 January.
const S = '2027-01-04';
const E = '2027-01-31';

test('the weekends of a period are its Saturdays, a period starting on a Sunday included', () => {
  assert.deepEqual(weekendsOf(S, E), ['2027-01-09', '2027-01-16', '2027-01-23', '2027-01-30']);
  assert.deepEqual(weekendsOf('2027-01-10', '2027-01-17'), ['2027-01-09', '2027-01-16']);
});

test('preferring two weekends makes weak wishes to be free on the other two, except where an explicit wish is', () => {
  const w = weekendPreferenceWishes(S, E, ['2027-01-09', '2027-01-23'], new Set(['2027-01-31']));
  assert.deepEqual(
    w.map((x) => x.date),
    ['2027-01-16', '2027-01-17', '2027-01-30'],
  );
  assert.ok(w.every((x) => x.kind === 'avoid' && x.shift === null && x.weight === WEEKEND_PREFERENCE_WEIGHT));
  assert.deepEqual(weekendPreferenceWishes(S, E, [], new Set()), [], 'no preference, no wishes');
});

test('a derived wish is recognised; an explicit one is not', () => {
  const pref = ['2027-01-09'];
  assert.equal(isWeekendPreferenceWish({ date: '2027-01-17', shift: null, kind: 'avoid', weight: WEEKEND_PREFERENCE_WEIGHT }, pref), true);
  assert.equal(isWeekendPreferenceWish({ date: '2027-01-10', shift: null, kind: 'avoid', weight: WEEKEND_PREFERENCE_WEIGHT }, pref), false, 'on a preferred weekend');
  assert.equal(isWeekendPreferenceWish({ date: '2027-01-17', shift: null, kind: 'avoid', weight: 3 }, pref), false, 'an explicit "cannot"');
  assert.equal(isWeekendPreferenceWish({ date: '2027-01-18', shift: null, kind: 'avoid', weight: WEEKEND_PREFERENCE_WEIGHT }, pref), false, 'a Monday');
  assert.equal(isWeekendPreferenceWish({ date: '2027-01-17', shift: null, kind: 'avoid', weight: WEEKEND_PREFERENCE_WEIGHT }, null), false);
});

test('a preferred weekend must be a Saturday of the period, given once', () => {
  assert.deepEqual(weekendPreferenceProblems(S, E, ['2027-01-09', '2027-01-10', '2027-02-06', '2027-01-09']).map((p) => p.index), [1, 2, 3]);
  assert.deepEqual(weekendPreferenceProblems(S, E, ['2027-01-30']), []);
});
