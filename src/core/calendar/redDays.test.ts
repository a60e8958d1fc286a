import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publicHolidays, eveKind } from './holidays.js';
import { redDayUnits, sundayZones, weekdayHolidays } from './redDays.js';
import { formatInstant } from '../time/zone.js';

const fmt = (t: number) => formatInstant(t, 'en');

test('holidays come from the library: Easter 2025–2027 and weekday-holiday counts of RULES § 2.3', () => {
  const easter = (y: number) => publicHolidays(y).find((h) => h.rule.split('|').includes('easter'))!.date;
  assert.equal(easter(2025), '2025-04-20');
  assert.equal(easter(2026), '2026-04-05');
  assert.equal(easter(2027), '2027-03-28');
  assert.equal(weekdayHolidays('2025-01-01', '2025-12-31').length, 9);
  assert.equal(weekdayHolidays('2026-01-01', '2026-12-31').length, 8);
  // RULES counts 7 holidays for 2027, but 17 May and Whit Monday share a date: 6 days.
  assert.equal(weekdayHolidays('2027-01-01', '2027-12-31').length, 6);
  // 17 May 2027 is also Whit Monday: one red day with both names.
  const may17 = publicHolidays(2027).find((h) => h.date === '2027-05-17')!;
  assert.match(may17.nameNb, /Grunnlovsdagen/);
  assert.match(may17.nameNb, /pinsedag/);
});

test('eves: Christmas, Easter and Whitsun Eve', () => {
  assert.equal(eveKind('2027-12-24'), 'christmasEve');
  assert.equal(eveKind('2027-03-27'), 'easterEve');
  assert.equal(eveKind('2027-05-15'), 'whitsunEve');
  assert.equal(eveKind('2027-03-24'), 'wednesdayBeforeMaundy');
  assert.equal(eveKind('2027-03-20'), undefined);
});

test('Christmas block 2026: 24 Dec 15:00 → 27 Dec 22:00 (27 Dec is a Sunday)', () => {
  const z = sundayZones('2026-12-24', '2026-12-28').find((x) => x.dates.includes('2026-12-25'))!;
  assert.deepEqual(z.dates, ['2026-12-25', '2026-12-26', '2026-12-27']);
  assert.equal(fmt(z.start), '2026-12-24 15:00');
  assert.equal(fmt(z.end), '2026-12-27 22:00');
});

test('Christmas block 2027: 24 Dec 15:00 → 26 Dec 22:00, per-day units split at 22:00', () => {
  const units = redDayUnits('2027-12-20', '2027-12-31');
  const xmas = units.filter((u) => u.date === '2027-12-25' || u.date === '2027-12-26');
  assert.equal(fmt(xmas[0].start), '2027-12-24 15:00');
  assert.equal(fmt(xmas[0].end), '2027-12-25 22:00');
  assert.equal(fmt(xmas[1].start), '2027-12-25 22:00');
  assert.equal(fmt(xmas[1].end), '2027-12-26 22:00');
});

test('Easter 2027 is two blocks: Wed 18:00 → Good Friday 22:00, Easter Eve 15:00 → Easter Monday 22:00', () => {
  const zones = sundayZones('2027-03-24', '2027-03-30');
  assert.equal(zones.length, 2);
  assert.deepEqual(zones[0].dates, ['2027-03-25', '2027-03-26']);
  assert.equal(fmt(zones[0].start), '2027-03-24 18:00');
  assert.equal(fmt(zones[0].end), '2027-03-26 22:00');
  assert.deepEqual(zones[1].dates, ['2027-03-28', '2027-03-29']);
  assert.equal(fmt(zones[1].start), '2027-03-27 15:00');
  assert.equal(fmt(zones[1].end), '2027-03-29 22:00');
  // The block spans the spring-forward night: 55 h of wall clock, 54 real hours.
  assert.equal((zones[1].end - zones[1].start) / 60, 54);
});

test('17 May on a Monday (2027, also Whit Monday) merges with the Whitsun block from Whitsun Eve 15:00', () => {
  const z = sundayZones('2027-05-15', '2027-05-18').find((x) => x.dates.includes('2027-05-17'))!;
  assert.deepEqual(z.dates, ['2027-05-16', '2027-05-17']);
  assert.equal(fmt(z.start), '2027-05-15 15:00');
  assert.equal(fmt(z.end), '2027-05-17 22:00');
});

test('17 May on a Monday without Whitsun (2021): the Sunday zone starts Saturday 18:00 and runs to Monday 22:00', () => {
  const z = sundayZones('2021-05-15', '2021-05-18').find((x) => x.dates.includes('2021-05-17'))!;
  assert.deepEqual(z.dates, ['2021-05-16', '2021-05-17']);
  assert.equal(fmt(z.start), '2021-05-15 18:00');
  assert.equal(fmt(z.end), '2021-05-17 22:00');
});

test('1 May on a weekday: zone 22:00 the day before → 22:00 on the day (lov om 1. og 17. mai § 2)', () => {
  // 2026-05-01 is a Friday.
  const z = sundayZones('2026-05-01', '2026-05-01')[0];
  assert.deepEqual(z.dates, ['2026-05-01']);
  assert.equal(fmt(z.start), '2026-04-30 22:00');
  assert.equal(fmt(z.end), '2026-05-01 22:00');
});

test('an ordinary Sunday: Saturday 18:00 → Sunday 22:00', () => {
  const [u] = redDayUnits('2027-01-10', '2027-01-10');
  assert.equal(fmt(u.start), '2027-01-09 18:00');
  assert.equal(fmt(u.end), '2027-01-10 22:00');
  assert.equal(u.isSunday, true);
});
