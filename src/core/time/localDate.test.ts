import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, ageOn, daysBetween, fromEpochDay, isLocalDate, isoWeek, toEpochDay, weekday } from './localDate.js';
import { localInstant } from './zone.js';

test('calendar dates are validated as real dates', () => {
  assert.equal(isLocalDate('2027-02-29'), false);
  assert.equal(isLocalDate('2028-02-29'), true);
  assert.equal(isLocalDate('2027-13-01'), false);
  assert.equal(isLocalDate('27-01-01'), false);
});

test('weekday and ISO week numbers', () => {
  assert.equal(weekday('2027-01-04'), 0); // Monday
  assert.equal(weekday('2027-01-10'), 6); // Sunday
  assert.deepEqual(isoWeek('2027-01-04'), { year: 2027, week: 1 });
  assert.deepEqual(isoWeek('2027-01-03'), { year: 2026, week: 53 });
  assert.deepEqual(isoWeek('2026-12-31'), { year: 2026, week: 53 });
});

test('age on a date', () => {
  assert.equal(ageOn('2010-06-15', '2027-06-14'), 16);
  assert.equal(ageOn('2010-06-15', '2027-06-15'), 17);
});

test('DST: nights over the clock changes have their real length', () => {
  const hoursBetween = (d1: string, m1: number, d2: string, m2: number) => (localInstant(d2, m2) - localInstant(d1, m1)) / 60;
  assert.equal(hoursBetween('2026-03-28', 22 * 60, '2026-03-29', 7 * 60), 8);
  assert.equal(hoursBetween('2026-10-24', 22 * 60, '2026-10-25', 7 * 60), 10);
  assert.equal(hoursBetween('2027-03-27', 22 * 60, '2027-03-28', 7 * 60 + 30), 8.5);
  assert.equal(hoursBetween('2027-01-04', 22 * 60, '2027-01-05', 7 * 60 + 30), 9.5);
});

test('property: epoch-day round trip and addDays/daysBetween agree', () => {
  fc.assert(
    fc.property(fc.integer({ min: -20000, max: 40000 }), fc.integer({ min: -400, max: 400 }), (day, n) => {
      const date = fromEpochDay(day);
      assert.equal(toEpochDay(date), day);
      assert.equal(daysBetween(date, addDays(date, n)), n);
    }),
  );
});

test('property: fromEpochDay agrees with the Date calendar', () => {
  fc.assert(
    fc.property(fc.integer({ min: -400_000, max: 2_900_000 }), (day) => {
      assert.equal(fromEpochDay(day), new Date(day * 86_400_000).toISOString().slice(0, 10));
    }),
  );
  for (const day of [-719_162, -1, 0, 59, 60, 10_956, 11_016, 2_932_896]) assert.equal(fromEpochDay(day), new Date(day * 86_400_000).toISOString().slice(0, 10));
});
